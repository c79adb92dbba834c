// The one table of billing fields. The session and request schemas, the form's validation, the draft, the views and
// the locales' `fields` all derive from it: adding a field is one row here plus its label in every locale.
// No Lit and no DOM here.
import {
  country,
  email,
  maxLength,
  postalCode,
  required,
  vatNumber,
  type FieldError,
  type ValidationContext,
  type Validator,
} from './validation.js';

/** How much billing detail the checkout collects (the session's `billing_details_collection`). */
export const BILLING_MODES = ['auto', 'required'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

/** One billing field: how the form shows it and the rules that check it. */
export interface FieldSpec {
  /** The customer key in the API, and the field's label key in every locale. */
  readonly key: string;
  /** The fieldset it belongs to. */
  readonly section: 'contact' | 'billing';
  /** Consecutive fields with the same row name sit side by side. */
  readonly row?: string;
  /** In `auto` mode, shown only after "Add full billing address" (or when it already holds a value). */
  readonly address?: boolean;
  /** The HTML autofill token. */
  readonly autocomplete: string;
  readonly type?: 'text' | 'email' | 'tel';
  readonly inputmode?: 'text' | 'email' | 'numeric' | 'tel';
  /** Longest accepted value; also the input's `maxlength` (except for a select). */
  readonly maxLength: number;
  /** A select of countries instead of a text input. */
  readonly select?: 'country';
  /** The billing modes that require it. */
  readonly requiredIn: readonly BillingMode[];
  /** The error key for a missing value, when "required" is not the right words (a select: "Select a country"). */
  readonly missing?: FieldError;
  /** Rules after the length check, in order; the first error wins. */
  readonly validators: readonly Validator[];
}

/** The billing fields in display order. */
export const FIELD_TABLE = [
  { key: 'email', section: 'contact', autocomplete: 'email', type: 'email', inputmode: 'email', maxLength: 254, requiredIn: ['auto', 'required'], validators: [email] },
  { key: 'first_name', section: 'billing', row: 'name', autocomplete: 'given-name', maxLength: 100, requiredIn: ['auto', 'required'], validators: [] },
  { key: 'last_name', section: 'billing', row: 'name', autocomplete: 'family-name', maxLength: 100, requiredIn: ['auto', 'required'], validators: [] },
  { key: 'billing_country', section: 'billing', autocomplete: 'country', maxLength: 2, select: 'country', requiredIn: ['auto', 'required'], missing: { key: 'country' }, validators: [country] },
  { key: 'billing_street_line_1', section: 'billing', address: true, autocomplete: 'address-line1', maxLength: 200, requiredIn: ['required'], validators: [] },
  { key: 'billing_street_line_2', section: 'billing', address: true, autocomplete: 'address-line2', maxLength: 200, requiredIn: [], validators: [] },
  { key: 'billing_city', section: 'billing', row: 'place', address: true, autocomplete: 'address-level2', maxLength: 100, requiredIn: ['required'], validators: [] },
  // why: `auto` asks only what tax and a receipt need: who, where (country + postal code), and where to send it.
  { key: 'billing_postal_code', section: 'billing', row: 'place', autocomplete: 'postal-code', maxLength: 20, requiredIn: ['auto', 'required'], validators: [postalCode] },
  { key: 'company', section: 'billing', autocomplete: 'organization', maxLength: 200, requiredIn: [], validators: [] },
  // why: there is no autofill token for a tax ID; "on" still lets the browser suggest what was typed before.
  { key: 'tax_id', section: 'billing', autocomplete: 'on', maxLength: 30, requiredIn: [], validators: [vatNumber] },
] as const satisfies readonly FieldSpec[];

/** A billing field's key. */
export type BillingField = (typeof FIELD_TABLE)[number]['key'];

/** The billing fields' keys, in display order. */
export const BILLING_FIELDS: readonly BillingField[] = FIELD_TABLE.map((spec) => spec.key);

/** In `auto` mode these sit behind "Add full billing address" until opened or filled. */
export const ADDRESS_FIELDS: readonly BillingField[] = FIELD_TABLE.filter((spec) => 'address' in spec).map((spec) => spec.key);

/** Each field's row of the table, by key. */
export const FIELD_SPECS: Readonly<Record<BillingField, FieldSpec>> = Object.fromEntries(
  FIELD_TABLE.map((spec): [string, FieldSpec] => [spec.key, spec]),
) as Record<BillingField, FieldSpec>;

/**
 * The customer fields a session carries, every one of them optional: the billing fields above and
 * `business_number`, which the API keeps but this checkout does not ask for.
 */
export const CUSTOMER_FIELDS = [...BILLING_FIELDS, 'business_number'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Whether a key names a billing field (storage and server answers are untrusted input). */
export function isBillingField(key: string): key is BillingField {
  return Object.hasOwn(FIELD_SPECS, key);
}

/** Whether a field must be filled in this billing mode. */
export function isRequired(field: BillingField, mode: BillingMode): boolean {
  return FIELD_SPECS[field].requiredIn.includes(mode);
}

const lengthRules = Object.fromEntries(FIELD_TABLE.map((spec) => [spec.key, maxLength(spec.maxLength)])) as Record<
  BillingField,
  Validator
>;

/** The first error of one field, or undefined. */
export function validateField(
  field: BillingField,
  value: string,
  mode: BillingMode,
  context: ValidationContext = {},
): FieldError | undefined {
  const spec = FIELD_SPECS[field];
  if (isRequired(field, mode) && required(value, context)) return spec.missing ?? { key: 'required' };
  // why: a select's value is a code, never long; its maxLength is only the code's size.
  if (!spec.select) {
    const tooLong = lengthRules[field](value, context);
    if (tooLong) return tooLong;
  }
  for (const rule of spec.validators) {
    const error = rule(value, context);
    if (error) return error;
  }
  return undefined;
}

export type BillingValues = Record<BillingField, string>;
export type BillingErrors = Partial<Record<BillingField, FieldError>>;

/** Every field empty. */
export function emptyValues(): BillingValues {
  return Object.fromEntries(BILLING_FIELDS.map((field) => [field, ''])) as BillingValues;
}

/** Every field's first error; the country feeds the VAT and postal-code checks. */
export function validateBilling(values: BillingValues, mode: BillingMode): BillingErrors {
  const context: ValidationContext = { country: values.billing_country || undefined };
  const errors: BillingErrors = {};
  for (const field of BILLING_FIELDS) {
    const error = validateField(field, values[field] ?? '', mode, context);
    if (error) errors[field] = error;
  }
  return errors;
}
