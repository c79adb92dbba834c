// The answer to pay.json. What a browser-side processor needs (Stripe's client secret, PayPal's order) has one home,
// payments.ts, the payment start that the sandbox implements; this file adds only the pay result around it. Apart
// from session.ts because only a processor needs it (a discriminated union is ~0.8 KB brotli of zod).
import * as z from 'zod/mini';
import { paymentStartResponse } from './payments.ts';
import { protocolSessionSchema } from './session.ts';

export * from './payments.ts';

/** What the browser does next, by processor: the same union as `POST <permalink>/payment.json` answers. */
export const paymentStartSchema = paymentStartResponse;

/**
 * The answer to `pay.json` (202): the session, now `processing` for a payment the server settles itself, plus
 * `payment` when a browser-side processor must confirm it. A missing `payment` means the server's own (sandbox)
 * payment: poll the session.
 */
export const payResultSchema = z.extend(protocolSessionSchema, { payment: z.optional(paymentStartResponse) });

export type PaymentStart = z.output<typeof paymentStartSchema>;
export type PayResult = z.output<typeof payResultSchema>;
