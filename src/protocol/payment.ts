// The answer to pay.json, by processor (issue 14 adds Stripe's and PayPal's). Apart from session.ts because only a
// processor needs it (a discriminated union is ~0.8 KB brotli of zod): a lazily loaded adapter imports it, the core
// element, which only polls, need not.
import * as z from 'zod/mini';
import { protocolSessionSchema } from './session.ts';

/**
 * What the browser must do after `pay.json`, by processor. `sandbox`: nothing, the payment is under way; poll the
 * session. `stripe`: confirm with Stripe.js. `paypal`: open PayPal's buttons on the order.
 */
export const paymentStartSchema = z.discriminatedUnion('processor', [
  z.object({ processor: z.literal('sandbox') }),
  z.object({ processor: z.literal('stripe'), publishable_key: z.string(), client_secret: z.string() }),
  z.object({ processor: z.literal('paypal'), client_id: z.string(), order_id: z.string() }),
]);

/**
 * The answer to `pay.json` (202): the session, now `processing` for a payment the server settles itself, plus
 * `payment` with what a browser-side processor needs. A missing `payment` means `{ processor: 'sandbox' }`.
 */
export const payResultSchema = z.extend(protocolSessionSchema, { payment: z.optional(paymentStartSchema) });

export type PaymentStart = z.output<typeof paymentStartSchema>;
export type PayResult = z.output<typeof payResultSchema>;
