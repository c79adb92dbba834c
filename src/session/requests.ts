// Request bodies (create, update, the customer's public update). Kept apart from the response schema so the
// browser bundle, which only parses responses and sends customer fields, does not carry them.
import * as z from 'zod/mini';
import { BILLING_FIELDS, BILLING_MODES, CUSTOMER_FIELDS, FIELD_SPECS, isBillingField, type CustomerField } from './fields.js';
import { LOCALES } from './locale-codes.js';
import { PAYMENT_METHODS } from './methods.js';
import type { FieldError } from './validation.js';

const text = z.nullish(z.string());

// why: the recorded server sends amounts as floats (2100.0); a numeric string is tolerated, anything else is broken.
const numeric = z.pipe(
  z.union([
    z.number().check(z.refine(Number.isFinite, 'Expected a finite number')),
    z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'Expected a numeric amount')),
  ]),
  z.transform((value) => Number(value)),
);

/** The longest `business_number`, the one customer field the form does not ask for (and so has no table row). */
const BUSINESS_NUMBER_MAX = 255;

// why English: a server's `errors` are prose for developers and logs; the element words a refusal from its own locale.
function englishOf(error: FieldError): string {
  switch (error.key) {
    case 'tooLong':
      return `Use at most ${error.params?.max} characters`;
    case 'email':
      return 'Enter a valid email address';
    case 'country':
      return 'Use a two-letter country code';
    case 'postalCode':
      return 'Enter a postal code of the billing country';
    case 'taxId':
      return 'Enter a tax ID of the billing country';
    default:
      return 'Check this field';
  }
}

function customerText(field: CustomerField) {
  const max = isBillingField(field) ? FIELD_SPECS[field].maxLength : BUSINESS_NUMBER_MAX;
  return z.nullish(z.string().check(z.maxLength(max, englishOf({ key: 'tooLong', params: { max } }))));
}

const customerFields = z.strictObject(
  Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, customerText(field)])) as Record<CustomerField, ReturnType<typeof customerText>>,
);

/** The field table's rules (src/session/fields.ts) over `fields`, the country feeding the postal-code and tax-ID rules. */
function tableRules(fields: readonly (typeof BILLING_FIELDS)[number][]) {
  return z.superRefine((customer: z.output<typeof customerFields>, ctx) => {
    // why upper case: a server stores the country upper-cased, so `de` is Germany, as it always was.
    const country = customer.billing_country?.trim().toUpperCase() || undefined;
    for (const field of fields) {
      const raw = customer[field];
      if (!raw) continue;
      const value = field === 'billing_country' ? raw.toUpperCase() : raw;
      const error = FIELD_SPECS[field].validators.map((rule) => rule(value, { country })).find(Boolean);
      if (error) ctx.issues.push({ code: 'custom', input: raw, path: [field], message: englishOf(error) });
    }
  });
}

/**
 * Customer fields as a merchant may prefill them (create, update): known keys only, each within the field table's
 * length, and an email and a country the table accepts. why not the postal-code and tax-ID rules: a prefill the form
 * would refuse for the country is shown to the customer as an error to correct (it counts as touched), while an
 * email or country no customer could have is the merchant's mistake, told at once.
 */
const customerPrefill = customerFields.check(tableRules(['email', 'billing_country']));

/**
 * Customer fields as the customer saves them (the public update): the lengths plus every rule the form checks. why not
 * `required`: a customer saves a partial form as they type; completeness is checked when they pay.
 */
const customerInput = customerFields.check(tableRules(BILLING_FIELDS));

// why: amounts are minor units, so a client sending 9.99 meant 999 and must be told, not rounded.
const minorAmount = z.pipe(
  numeric,
  z.number().check(z.refine((v) => Number.isInteger(v) && v >= 0, 'Expected a whole, non-negative amount in minor units')),
);

const itemInput = z.union([
  z.object({
    product: z.string().check(z.minLength(1)),
    amount: z.optional(minorAmount),
    name: z.optional(z.string()),
    description: text,
    currency: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/))),
    quantity: z.optional(z.number().check(z.int(), z.gte(1))),
  }),
  z.object({
    product: text,
    amount: minorAmount,
    name: z.string().check(z.minLength(1)),
    description: text,
    currency: z.string().check(z.regex(/^[A-Za-z]{3}$/)),
    quantity: z.optional(z.number().check(z.int(), z.gte(1))),
  }),
]);

// why: PHP decodes `{}` into an empty array and sends it back as `[]` (Quaderno's PHP client's save() does), and a
// Rails API tolerates it; an empty array is read as an empty object, anything else that is not an object is refused.
const openObject = z.pipe(
  z.transform((value: Record<string, unknown> | []): unknown => (Array.isArray(value) && value.length === 0 ? {} : value)),
  z.record(z.string(), z.unknown()),
);

const createFields = {
  billing_details_collection: z.optional(z.enum(BILLING_MODES)),
  cancel_url: z.optional(z.url({ protocol: /^https?$/ })),
  success_url: z.optional(z.url({ protocol: /^https?$/ })),
  coupon_collection: z.optional(z.boolean()),
  custom: z.optional(openObject),
  metadata: z.optional(openObject),
  customer: z.optional(customerPrefill),
  locale: z.optional(z.enum(LOCALES)),
  payment_methods: z.optional(z.array(z.enum(PAYMENT_METHODS)).check(z.minLength(1))),
};

/** Body of `POST /api/checkout/sessions.json`. An item is either a catalog product code or full details. */
export const createSessionSchema = z.object({
  ...createFields,
  items: z.array(itemInput).check(z.minLength(1)),
});

/** Body of `PUT /api/checkout/sessions/ID.json`: any subset of the create fields. */
export const updateSessionSchema = z.object({
  ...createFields,
  items: z.optional(z.array(itemInput).check(z.minLength(1))),
});

/** Body of the public `PUT <permalink>.json`: a customer may change only their own data and a coupon. */
export const publicUpdateSchema = z.strictObject({
  customer: z.optional(customerInput),
  coupon: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
});

export type CreateSessionBody = z.input<typeof createSessionSchema>;
export type UpdateSessionBody = z.input<typeof updateSessionSchema>;
export type PublicUpdateBody = z.input<typeof publicUpdateSchema>;
export type CustomerInput = z.input<typeof customerInput>;

/** Field errors keyed by field name, the shape of a 422 body's `errors`. */
export function fieldErrors(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }) {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'base';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
