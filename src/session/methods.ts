// The payment methods' one list, in a module of its own: the payment start (protocol/payments.ts) and the
// classic-script adapters need it without the session schema (and most of zod) that schema.ts brings.
/** Payment methods a session can offer. */
export const PAYMENT_METHODS = ['card', 'paypal'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
