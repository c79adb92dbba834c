// The payment start of the checkout protocol: the element asks the server to start a payment for the
// chosen method and gets back what that method's processor needs. zod/mini: the adapters parse this in browsers.
import * as z from 'zod/mini';
import type { PaymentProcessorId } from './processors.js';

// why re-exported: the processor ids' home is processors.ts; the payment start's importers read them here too.
export { PAYMENT_PROCESSORS, PROCESSOR_OF_METHOD, type PaymentProcessorId } from './processors.js';

/**
 * Codes of a payment that went wrong in the browser, between the processor's SDK and the customer. They sit next to
 * the server's `PROTOCOL_ERROR_CODES` (`payment_declined` is both) and travel in `quaderno-error` events.
 */
export const PAYMENT_ERROR_CODES = [
  'payment_declined', // the card or account refused the charge
  'payment_authentication_failed', // 3-D Secure (or another challenge) failed or was abandoned
  'payment_incomplete', // the processor's own fields are empty or invalid
  'payment_cancelled', // the customer closed the processor's window (PayPal)
  'payment_failed', // any other SDK error
  'processor_unavailable', // the SDK did not load, or refused its configuration
] as const;
export type PaymentErrorCode = (typeof PAYMENT_ERROR_CODES)[number];

// why these pieces (an enum of one for the processor, a safe-integer refine for the amount): the browser parses the
// two starts below (processors/payment-start.ts), and a literal or z.int() would add zod code no core otherwise has
// (about 1.2 KB brotli with the union). The spec still says `integer` (openapi.ts annotates `startAmount`).
/** A start's amount: integer minor units, never negative. */
export const startAmount = z.number().check(z.refine(Number.isSafeInteger, 'Expected an integer amount in minor units'), z.gte(0));
const currency = z.string().check(z.regex(/^[A-Z]{3}$/));

/**
 * Stripe: a PaymentIntent for the server-computed total. Asking again for the same total returns the same
 * PaymentIntent; its amount never changes, so another total (a coupon, a new country) gets a new one and the old one
 * is cancelled.
 */
export const stripeStart = z.object({
  processor: z.enum(['stripe']),
  /** The PaymentIntent id; the session's `processor_id`. */
  processor_id: z.string().check(z.minLength(1)),
  publishable_key: z.string().check(z.minLength(1)),
  client_secret: z.string().check(z.minLength(1)),
  amount: startAmount,
  currency,
});

/** PayPal: an order for the server-computed total. Each start creates a new order (one per PayPal window). */
export const paypalStart = z.object({
  processor: z.enum(['paypal']),
  /** The order id; the session's `processor_id`. */
  processor_id: z.string().check(z.minLength(1)),
  client_id: z.string().check(z.minLength(1)),
  order_id: z.string().check(z.minLength(1)),
  amount: startAmount,
  currency,
});

/** Each processor's start, by name: what the browser dispatches on (processors/payment-start.ts). */
export const PAYMENT_STARTS = { stripe: stripeStart, paypal: paypalStart } as const satisfies Record<PaymentProcessorId, unknown>;

export const paymentStartResponse = z.discriminatedUnion('processor', [stripeStart, paypalStart]);
export type PaymentStartResponse = z.infer<typeof paymentStartResponse>;
export type StripeStart = z.infer<typeof stripeStart>;
export type PaypalStart = z.infer<typeof paypalStart>;
