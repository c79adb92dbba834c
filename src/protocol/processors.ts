// The processors' ids: the one list every part names a processor by (the session's `processor`, its
// `processor_public_keys`, the payment starts, the sandbox's doubles, the merchant handler). No zod: the session's
// schema reads it without the payment starts' schemas.
import type { PaymentMethod } from '../session/methods.js';

/** The real processors a session can be paid through (the session's `processor`). */
export const PAYMENT_PROCESSORS = ['stripe', 'paypal'] as const;
export type PaymentProcessorId = (typeof PAYMENT_PROCESSORS)[number];

/** Which processor takes each payment method. */
export const PROCESSOR_OF_METHOD: Readonly<Record<PaymentMethod, PaymentProcessorId>> = { card: 'stripe', paypal: 'paypal' };
