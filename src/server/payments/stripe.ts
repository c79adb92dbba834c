// The merchant's Stripe account, through the official `stripe` SDK, loaded only when a secret key is configured
// (it is an optional peer dependency: a handler without `stripeSecretKey` never imports it).
import type Stripe from 'stripe';

export interface StripeAccountOptions {
  secretKey: string;
  webhookSecret?: string;
  /** Another API origin (a test double): its host, port and protocol go to the SDK's documented settings. */
  apiUrl?: string;
}

/** What the handler does with the merchant's Stripe account. */
export interface StripeAccount {
  /** `timeoutMs` (what is left of the customer's request's deadline) ends each of the SDK's tries sooner. */
  create(amount: number, currency: string, metadata: Record<string, string>, idempotencyKey: string, timeoutMs?: number): Promise<Stripe.PaymentIntent>;
  update(id: string, amount: number, timeoutMs?: number): Promise<Stripe.PaymentIntent>;
  /** The intent with its latest charge expanded (the card's country is on it). */
  retrieve(id: string, timeoutMs?: number): Promise<Stripe.PaymentIntent>;
  cancel(id: string): Promise<void>;
  /** Refunds the whole of a paid intent, once: the idempotency key makes a retry or a second caller the same refund. */
  refund(id: string, reason: string): Promise<Stripe.Refund>;
  /** The event of a webhook delivery, verified with the SDK's own `webhooks.constructEvent`; throws when forged or stale. */
  verify(payload: string, signature: string): Promise<Stripe.Event>;
}

/**
 * The SDK's request options for a call that must end within `timeoutMs`. why no retry then: each of the SDK's tries
 * gets the whole timeout, and a retry would outlive it (it has no AbortSignal to end them all at once).
 */
const within = (timeoutMs?: number): Stripe.RequestOptions =>
  timeoutMs === undefined ? {} : { timeout: Math.max(1, Math.floor(timeoutMs)), maxNetworkRetries: 0 };

export function stripeAccount(options: StripeAccountOptions): StripeAccount {
  let loaded: Promise<Stripe> | undefined;
  const sdk = () =>
    (loaded ??= import('stripe').then(({ default: StripeSdk }) => {
      const api = options.apiUrl ? new URL(options.apiUrl) : undefined;
      return new StripeSdk(options.secretKey, {
        maxNetworkRetries: 2,
        timeout: 8000,
        ...(api ? { host: api.hostname, port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)), protocol: api.protocol === 'https:' ? 'https' : 'http' } : {}),
      });
    }));
  return {
    async create(amount, currency, metadata, idempotencyKey, timeoutMs) {
      return (await sdk()).paymentIntents.create(
        { amount, currency: currency.toLowerCase(), metadata, automatic_payment_methods: { enabled: true } },
        { idempotencyKey, ...within(timeoutMs) },
      );
    },
    async update(id, amount, timeoutMs) {
      return (await sdk()).paymentIntents.update(id, { amount }, within(timeoutMs));
    },
    async retrieve(id, timeoutMs) {
      return (await sdk()).paymentIntents.retrieve(id, { expand: ['latest_charge'] }, within(timeoutMs));
    },
    async cancel(id) {
      await (await sdk()).paymentIntents.cancel(id);
    },
    async refund(id, reason) {
      return (await sdk()).refunds.create({ payment_intent: id, metadata: { quaderno_checkout_reason: reason } }, { idempotencyKey: `qc-refund-${id}` });
    },
    async verify(payload, signature) {
      if (!options.webhookSecret) throw new Error('No stripeWebhookSecret is configured');
      return (await sdk()).webhooks.constructEvent(payload, signature, options.webhookSecret);
    },
  };
}

/** The card's issuing country from an intent whose latest charge was expanded, when Stripe gives it. */
export function cardCountry(intent: Stripe.PaymentIntent): string | undefined {
  const charge = intent.latest_charge;
  return typeof charge === 'object' && charge ? (charge.payment_method_details?.card?.country ?? undefined) : undefined;
}

/** The charge id of a paid intent (the transaction's `processor_id`), falling back to the intent's own. */
export function chargeId(intent: Stripe.PaymentIntent): string {
  const charge = intent.latest_charge;
  return (typeof charge === 'string' ? charge : charge?.id) ?? intent.id;
}
