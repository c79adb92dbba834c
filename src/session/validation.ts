// Plain validators (Lion style): each returns nothing or an error key with parameters that a locale words.
// No Lit and no DOM here, so the rules are tested in a table. Which field runs which rule is src/session/fields.ts.
import * as z from 'zod/mini';
import { taxIdExample, taxIdPlausible } from '../tax/tax-id-text.js';

/**
 * What a validator can find wrong; each locale words every key (`Translation['validation']`, held to this list by
 * tsc in src/locales/translation.ts).
 */
export type ErrorKey =
  | 'required'
  | 'invalid'
  | 'paymentMethod'
  | 'email'
  | 'tooLong'
  | 'taxId'
  | 'postalCode'
  | 'taxIdRequired'
  | 'country'
  | 'cardNumber'
  | 'cardExpiry'
  | 'cardCvc';

/** A validation failure: a message key and its parameters, e.g. `{ key: 'tooLong', params: { max: 100 } }`. */
export interface FieldError {
  key: ErrorKey;
  params?: { max?: number; example?: string };
}

/** What a validator may need beyond the value. */
export interface ValidationContext {
  /** ISO 3166 alpha-2 billing country, for VAT numbers and postal codes. */
  country?: string;
  /** "Now", for card expiry; injectable for tests. */
  now?: Date;
}

export type Validator = (value: string, context: ValidationContext) => FieldError | undefined;

// ---- generic validators ----------------------------------------------------------------------------------

export const required: Validator = (value) => (value.trim() === '' ? { key: 'required' } : undefined);

/** At most `max` characters (checked by zod). */
export function maxLength(max: number): Validator {
  const schema = z.string().check(z.maxLength(max));
  return (value) => (schema.safeParse(value).success ? undefined : { key: 'tooLong', params: { max } });
}

const emailSchema = z.email();
export const email: Validator = (value) =>
  value.trim() === '' || emailSchema.safeParse(value.trim()).success ? undefined : { key: 'email' };

const countrySchema = z.string().check(z.regex(/^[A-Z]{2}$/));
export const country: Validator = (value) =>
  value === '' || countrySchema.safeParse(value).success ? undefined : { key: 'country' };

// why: only formats we are sure of; elsewhere anything plausible passes, since a wrong rejection costs a sale.
const POSTAL_CODES: Record<string, RegExp> = {
  AT: /^\d{4}$/,
  BE: /^\d{4}$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/,
  CH: /^\d{4}$/,
  DE: /^\d{5}$/,
  DK: /^\d{4}$/,
  ES: /^\d{5}$/,
  FI: /^\d{5}$/,
  FR: /^\d{5}$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
  HU: /^\d{4}$/,
  IT: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/,
  NO: /^\d{4}$/,
  PL: /^\d{2}-\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  SE: /^\d{3} ?\d{2}$/,
  US: /^\d{5}(-\d{4})?$/,
};
const GENERIC_POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{1,10}[A-Z0-9]$|^[A-Z0-9]{2}$/;

export const postalCode: Validator = (value, { country: code }) => {
  const text = value.trim().toUpperCase();
  if (text === '') return undefined;
  const pattern = (code && POSTAL_CODES[code]) || GENERIC_POSTAL_CODE;
  return pattern.test(text) ? undefined : { key: 'postalCode' };
};

// ---- tax IDs -------------------------------------------------------------------------------------------------

export { taxIdExample };

/**
 * A tax ID, as the field lets it through: anything that can be a tax ID anywhere (src/tax/tax-id-text.ts, the same
 * reading every server applies). why no format per country: the number's own check is the server's, which the tax
 * preview asks on every change (valid, invalid, or "could not be checked"), so the field is never stricter than it.
 */
export const vatNumber: Validator = (value, { country: code }) =>
  value.trim() === '' || taxIdPlausible(code ?? '', value) ? undefined : { key: 'taxId', params: { example: taxIdExample(code ?? '') } };
