// Request bodies (create, update, the customer's public update). Kept apart from the response schema so the
// browser bundle, which only parses responses and sends customer fields, does not carry them.
import * as z from 'zod/mini';
import { BILLING_MODES, CUSTOMER_FIELDS, LOCALES, PAYMENT_METHODS, toIssues, type CustomerField } from './schema.ts';

const text = z.nullish(z.string());

// why: the recorded server sends amounts as floats (2100.0); a numeric string is tolerated, anything else is broken.
const numeric = z.pipe(
  z.union([
    z.number().check(z.refine(Number.isFinite, 'Expected a finite number')),
    z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'Expected a numeric amount')),
  ]),
  z.transform((value) => Number(value)),
);

const customerText = z.nullish(z.string().check(z.maxLength(255, 'Use at most 255 characters')));
const customerInputShape: Record<CustomerField, typeof customerText> = Object.fromEntries(
  CUSTOMER_FIELDS.map((field) => [field, customerText]),
) as Record<CustomerField, typeof customerText>;

/** Customer fields as a client may send them: known keys only, short strings, a plausible email and country. */
const customerInput = z.strictObject({
  ...customerInputShape,
  email: z.nullish(
    z.string().check(
      z.maxLength(255, 'Use at most 255 characters'),
      z.refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter a valid email address'),
    ),
  ),
  billing_country: z.nullish(
    z.string().check(z.refine((v) => v === '' || /^[A-Za-z]{2}$/.test(v), 'Use a two-letter country code')),
  ),
});

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
  customer: z.optional(customerInput),
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
  for (const issue of toIssues(error)) {
    const key = issue.path || 'base';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
