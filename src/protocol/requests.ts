// The protocol's request bodies. They compose the session module's public update body, so importing this pulls the
// request schemas in: the element sends these shapes (types are free) but has no need to parse them.
import * as z from 'zod/mini';
import { publicUpdateSchema } from '../session/requests.js';
import { PAYMENT_METHODS } from '../session/schema.js';
import { minorUnits } from './tax.js';

/** Body of `PUT <permalink>.json` that saves customer fields (the session module's public update body). */
export const customerUpdateBodySchema = z.pick(publicUpdateSchema, { customer: true });

// why: unwrap the public update body's own `coupon` rule (optional → nullable → string) instead of restating it.
const couponCode = publicUpdateSchema.shape.coupon.def.innerType.def.innerType;

/** Body of `PUT <permalink>.json` that applies a coupon. */
export const couponApplyBodySchema = z.strictObject({ coupon: couponCode });

/** Body of `PUT <permalink>.json` that removes the applied coupon. */
export const couponRemoveBodySchema = z.strictObject({ coupon: z.null() });

/** Body of `POST <permalink>/cancel.json`: nothing is needed; an empty object is sent. */
export const cancelBodySchema = z.object({});

/** Body of `POST <permalink>/retry.json` (capability `retry`): nothing is needed; an empty object is sent. */
export const retryBodySchema = z.object({});

/** Outcomes the sandbox's simulated PayPal window can be told to give. */
export const SIMULATED_OUTCOMES = ['approve', 'decline'] as const;

/**
 * Body of `POST <permalink>/pay.json`. `method` is one of the session's payment methods. `card_number` and
 * `outcome` belong to the sandbox's simulated processor only (a real processor takes card data in its own iframe).
 * `total` (required) is the amount the customer confirmed: a server whose total differs refuses with `payment_total_changed`.
 */
export const payBodySchema = z.object({
  method: z.enum(PAYMENT_METHODS),
  card_number: z.optional(z.string().check(z.maxLength(40))),
  outcome: z.optional(z.enum(SIMULATED_OUTCOMES)),
  total: minorUnits,
});

export type PayBody = z.input<typeof payBodySchema>;

/**
 * `POST <permalink>/payment.json`: start a payment for a method, for the `total` the customer confirmed (required; a
 * server whose total differs answers `payment_total_changed` and starts nothing). Here with the other request
 * bodies, not in payments.ts: the browser imports that module to read the starts, and never parses this.
 */
export const paymentStartRequest = z.strictObject({ method: z.enum(PAYMENT_METHODS), total: minorUnits });
export type PaymentStartRequest = z.infer<typeof paymentStartRequest>;
