import * as z from 'zod/mini';
import { LOCALES, type SessionLocale } from './locale-codes.js';
import { inexactAmounts } from './amounts.js';
import { BILLING_MODES, CUSTOMER_FIELDS, type BillingMode, type CustomerField } from './fields.js';
import { PAYMENT_METHODS, type PaymentMethod } from './methods.js';
import { isEditable, isPayable, STATUSES, type SessionStatus } from './status.js';

export { BILLING_MODES, CUSTOMER_FIELDS, LOCALES, PAYMENT_METHODS, STATUSES, isEditable, isPayable };
export type { BillingMode, CustomerField, PaymentMethod, SessionLocale, SessionStatus };

const text = z.nullish(z.string());

// why: the recorded server sends amounts as floats (2100.0); a numeric string is tolerated, anything else is broken.
// A transform that reports its own issue, rather than a z.union, keeps ~0.3 KB of zod out of the bundle.
const numeric = z.pipe(
  z.unknown(),
  z.transform((value, ctx) => {
    const amount = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    if (typeof amount === 'number' && Number.isFinite(amount)) return amount;
    ctx.issues.push({ code: 'custom', input: value, message: 'Expected a finite amount in minor units' });
    return z.NEVER;
  }),
);

export const customerSchema = z.looseObject(
  Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, text])) as Record<CustomerField, typeof text>,
);

export const itemSchema = z.looseObject({
  product: text,
  /** Unit price in the currency's minor unit (2100 = 21.00 EUR). */
  amount: numeric,
  name: z.pipe(text, z.transform((v) => v ?? '')),
  description: text,
  currency: z.pipe(
    z.string().check(z.regex(/^[A-Za-z]{3}$/, 'Expected an ISO 4217 currency code')),
    z.transform((v) => v.toUpperCase()),
  ),
  quantity: z.pipe(
    // why: a refine over Number.isSafeInteger, not z.int(): the same rule, and z.int() pulls ~0.4 KB into the bundle.
    z.nullish(z.number().check(z.refine(Number.isSafeInteger, 'Expected an integer'), z.gte(0))),
    z.transform((v) => v ?? 1),
  ),
});

/** A coupon as the sandbox (and Quaderno's coupons API) describes it. */
export const couponSchema = z.looseObject({
  code: z.string(),
  name: text,
  percent_off: z.nullish(z.number().check(z.gte(0), z.lte(100))),
  /** In the coupon currency's minor unit. */
  amount_off: z.nullish(z.number().check(z.gte(0))),
  currency: text,
  redeem_by: text,
  max_redemptions: z.nullish(z.number()),
});

const paymentMethods = z.pipe(
  z.nullish(z.array(z.string())),
  // why: a method this widget does not know (a future one) is dropped rather than failing the whole session.
  z.transform((list) =>
    (list ?? ['card']).filter((m): m is PaymentMethod => (PAYMENT_METHODS as readonly string[]).includes(m)),
  ),
);

/** The session's fields, for a schema that adds its own (the protocol's session) without zod's extend. */
export const sessionShape = {
  id: z.optional(z.number()),
  status: z.enum(STATUSES),
  billing_details_collection: z.pipe(
    z.nullish(z.enum(BILLING_MODES)),
    z.transform((v): BillingMode => v ?? 'required'),
  ),
  cancel_url: text,
  success_url: text,
  coupon_collection: z.pipe(z.nullish(z.boolean()), z.transform((v) => v ?? false)),
  // why: an unknown locale falls back to negotiation instead of rejecting a payable session.
  locale: z.pipe(
    // why optional: a missing key must also fall back to `auto` (a bare z.unknown() makes the key required).
    z.optional(z.unknown()),
    z.transform((v): SessionLocale => ((LOCALES as readonly unknown[]).includes(v) ? (v as SessionLocale) : 'auto')),
  ),
  payment_methods: paymentMethods,
  // why: an open object (keys are strings by construction) costs ~0.5 KB less than z.record in the bundle.
  custom: z.nullish(z.looseObject({})),
  metadata: z.nullish(z.looseObject({})),
  items: z.array(itemSchema),
  customer: z.pipe(z.nullish(customerSchema), z.transform((v) => v ?? {})),
  permalink: text,
  processor: text,
  processor_id: text,
  coupon: z.nullish(couponSchema),
};

export const sessionSchema = z.looseObject(sessionShape);

export type Customer = z.output<typeof customerSchema>;
export type Item = z.output<typeof itemSchema>;
export type Coupon = z.output<typeof couponSchema>;
export type CheckoutSession = z.output<typeof sessionSchema>;
/** What the API sends, before parsing. */
export type CheckoutSessionInput = z.input<typeof sessionSchema>;

// why type-only: the request schemas stay out of what imports the response schema.
export type { CreateSessionBody, CustomerInput, PublicUpdateBody, UpdateSessionBody } from './requests.js';

/** A parse failure, naming the path of the first broken field (`items.0.amount`). */
export class SessionParseError extends Error {
  override readonly name = 'SessionParseError';
  constructor(
    readonly path: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(`Invalid checkout session at ${path || '(root)'}: ${issues[0]?.message ?? 'invalid'}`);
  }
}

/** zod issues as dotted paths and messages. */
export function toIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Parses an API response with `schema` (the session schema, or one that extends it, as the protocol's does), or
 * throws a SessionParseError that names the path. A line or session total beyond exact integers is refused too (the
 * shared rule of `amounts.ts`): nothing could show or charge it.
 */
export function parseSessionWith<S extends z.ZodMiniType<CheckoutSession, unknown>>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = toIssues(result.error);
    throw new SessionParseError(issues[0]?.path ?? '', issues);
  }
  const inexact = inexactAmounts(result.data);
  if (inexact.length > 0) throw new SessionParseError(inexact[0]!.path, inexact);
  return result.data;
}

/** Parses an API response into a session (see parseSessionWith). */
export function parseSession(data: unknown): CheckoutSession {
  return parseSessionWith(sessionSchema, data);
}

/** Parses a list of sessions (the list endpoint's body). */
export function parseSessionList(data: unknown): CheckoutSession[] {
  if (!Array.isArray(data)) throw new SessionParseError('', [{ path: '', message: 'Expected an array of sessions' }]);
  return data.map((entry, index) => {
    try {
      return parseSession(entry);
    } catch (error) {
      if (error instanceof SessionParseError) {
        const path = [String(index), error.path].filter(Boolean).join('.');
        throw new SessionParseError(path, error.issues);
      }
      throw error;
    }
  });
}
