// TEST DOUBLE of Stripe's server-side API (not Stripe, and not part of Quaderno's API): the PaymentIntents, charges,
// webhook endpoints and events a merchant's server reaches with its secret key through the official `stripe` SDK
// (pointed here by its documented `host`/`port`/`protocol` settings). Objects are typed against the SDK's own
// published types; events are signed as Stripe signs webhooks (`Stripe-Signature: t=…,v1=HMAC-SHA256(t.payload)`).
import { createHmac, randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { deliverOnce } from '../webhook-delivery.js';

/** The secret key the double accepts (`Authorization: Bearer …`). */
export const STRIPE_DOUBLE_SECRET_KEY = process.env.SANDBOX_STRIPE_SECRET_KEY ?? 'sk_test_sandbox_stripe';

export type IntentStatus = Stripe.PaymentIntent.Status;

/** What the double keeps of an intent: the SDK's fields it answers, and the charge once there is one. */
export interface DoubleIntent {
  id: string;
  client_secret: string;
  amount: number;
  currency: string;
  status: IntentStatus;
  metadata: Record<string, string>;
  created: number;
  description: string | null;
  payment_method: string | null;
  latest_charge: string | null;
  last_payment_error: { type: string; code: string; decline_code?: string; message: string } | null;
  canceled_at: number | null;
}

export interface DoubleCharge {
  id: string;
  payment_intent: string;
  amount: number;
  currency: string;
  country: string;
  created: number;
}

export interface DoubleRefund {
  id: string;
  payment_intent: string;
  charge: string;
  amount: number;
  currency: string;
  created: number;
  metadata: Record<string, string>;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  enabled_events: string[];
}

export interface DoubleEvent {
  id: string;
  type: string;
  created: number;
  object: Record<string, unknown>;
}

/** A Stripe API error body and its HTTP status. */
export class StripeDoubleError extends Error {
  constructor(
    readonly status: 400 | 401 | 402 | 404,
    readonly body: { type: string; code?: string; decline_code?: string; message: string; param?: string },
  ) {
    super(body.message);
  }
}

const missing = (what: string, id: string) =>
  new StripeDoubleError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}: '${id}'`, param: 'id' });
const unexpectedState = (intent: DoubleIntent, action: string) =>
  new StripeDoubleError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message: `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}.`,
  });

/** Stripe's test PaymentMethods the double understands: `pm_card_visa` (US), `pm_card_<country>`, and the declines. */
const DECLINES: Readonly<Record<string, { code: string; decline_code: string }>> = {
  pm_card_chargeDeclined: { code: 'card_declined', decline_code: 'generic_decline' },
  pm_card_chargeDeclinedInsufficientFunds: { code: 'card_declined', decline_code: 'insufficient_funds' },
};

/**
 * The double's own PaymentMethod for a delayed method (a bank debit): the intent waits in `processing`, as Stripe
 * holds one for days, until `settle()` says the money arrived.
 */
export const DELAYED_PAYMENT_METHOD = 'pm_double_delayed';

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

/** The signature header of one delivery: `t=<seconds>,v1=<hex HMAC-SHA256 of "t.payload" under the endpoint secret>`. */
export function signatureHeader(payload: string, secret: string, timestamp = now()): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export interface StripeDoubleOptions {
  /** Deliver each event once to every endpoint as it happens. Default true; tests that drive deliveries turn it off. */
  autoDeliver?: boolean;
  fetch?: typeof fetch;
}

export class StripeApiDouble {
  readonly intents = new Map<string, DoubleIntent>();
  readonly charges = new Map<string, DoubleCharge>();
  readonly refunds = new Map<string, DoubleRefund>();
  readonly events: DoubleEvent[] = [];
  readonly endpoints: WebhookEndpoint[] = [];
  private readonly idempotent = new Map<string, string>();
  autoDeliver: boolean;
  private readonly fetch: typeof fetch;

  constructor(options: StripeDoubleOptions = {}) {
    this.autoDeliver = options.autoDeliver ?? true;
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  create(params: { amount: number; currency: string; metadata?: Record<string, string>; description?: string }, idempotencyKey?: string): DoubleIntent {
    const known = idempotencyKey ? this.idempotent.get(idempotencyKey) : undefined;
    if (known) return this.intents.get(known)!;
    const intentId = id('pi');
    const intent: DoubleIntent = {
      id: intentId,
      client_secret: `${intentId}_secret_${randomBytes(12).toString('hex')}`,
      amount: params.amount,
      currency: params.currency.toLowerCase(),
      status: 'requires_payment_method',
      metadata: { ...params.metadata },
      created: now(),
      description: params.description ?? null,
      payment_method: null,
      latest_charge: null,
      last_payment_error: null,
      canceled_at: null,
    };
    this.intents.set(intentId, intent);
    if (idempotencyKey) this.idempotent.set(idempotencyKey, intentId);
    this.emit('payment_intent.created', intent);
    return intent;
  }

  get(intentId: string): DoubleIntent {
    const intent = this.intents.get(intentId);
    if (!intent) throw missing('payment_intent', intentId);
    return intent;
  }

  update(intentId: string, params: { amount?: number; metadata?: Record<string, string> }): DoubleIntent {
    const intent = this.get(intentId);
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(intent.status)) throw unexpectedState(intent, 'update');
    if (params.amount !== undefined) intent.amount = params.amount;
    if (params.metadata) Object.assign(intent.metadata, params.metadata);
    return intent;
  }

  /** Confirms with one of Stripe's test PaymentMethods: a decline answers 402 and the intent waits for another method. */
  confirm(intentId: string, paymentMethod: string): DoubleIntent {
    const intent = this.get(intentId);
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') throw unexpectedState(intent, 'confirm');
    intent.payment_method = paymentMethod;
    const decline = DECLINES[paymentMethod];
    if (decline) {
      const error = { type: 'card_error', ...decline, message: 'Your card was declined.' };
      intent.status = 'requires_payment_method';
      intent.last_payment_error = error;
      this.emit('payment_intent.payment_failed', intent);
      throw new StripeDoubleError(402, error);
    }
    if (paymentMethod === DELAYED_PAYMENT_METHOD) {
      intent.status = 'processing';
      intent.last_payment_error = null;
      this.emit('payment_intent.processing', intent);
      return intent;
    }
    return this.succeed(intent, /^pm_card_([a-z]{2})$/.exec(paymentMethod)?.[1]?.toUpperCase() ?? 'US');
  }

  /** The money of a `processing` intent arrived: it succeeds with its charge. */
  settle(intentId: string): DoubleIntent {
    const intent = this.get(intentId);
    if (intent.status !== 'processing') throw unexpectedState(intent, 'settle');
    return this.succeed(intent, 'DE');
  }

  private succeed(intent: DoubleIntent, country: string): DoubleIntent {
    const charge: DoubleCharge = { id: id('ch'), payment_intent: intent.id, amount: intent.amount, currency: intent.currency, country, created: now() };
    this.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    intent.last_payment_error = null;
    intent.status = 'succeeded';
    this.emit('payment_intent.succeeded', intent);
    return intent;
  }

  cancel(intentId: string): DoubleIntent {
    const intent = this.get(intentId);
    // why processing too: Stripe cannot stop money already on its way.
    if (intent.status === 'succeeded' || intent.status === 'canceled' || intent.status === 'processing') throw unexpectedState(intent, 'cancel');
    intent.status = 'canceled';
    intent.canceled_at = now();
    this.emit('payment_intent.canceled', intent);
    return intent;
  }

  /** `POST /v1/refunds` for a paid intent (or its charge): the whole amount unless less is asked; never more than is left. */
  refund(params: { payment_intent?: string; charge?: string; amount?: number; metadata?: Record<string, string> }, idempotencyKey?: string): DoubleRefund {
    const known = idempotencyKey ? this.idempotent.get(idempotencyKey) : undefined;
    if (known && this.refunds.has(known)) return this.refunds.get(known)!;
    const intent = params.payment_intent ? this.get(params.payment_intent) : this.get(this.charge(params.charge ?? '').payment_intent);
    if (intent.status !== 'succeeded' || !intent.latest_charge) {
      throw new StripeDoubleError(400, { type: 'invalid_request_error', code: 'charge_not_refundable', message: `PaymentIntent ${intent.id} has no successful charge to refund.` });
    }
    const refunded = [...this.refunds.values()].filter((r) => r.payment_intent === intent.id).reduce((sum, r) => sum + r.amount, 0);
    const amount = params.amount ?? intent.amount - refunded;
    if (amount < 1 || refunded + amount > intent.amount) {
      throw new StripeDoubleError(400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge ${intent.latest_charge} has already been refunded.` });
    }
    const refund: DoubleRefund = { id: id('re'), payment_intent: intent.id, charge: intent.latest_charge, amount, currency: intent.currency, created: now(), metadata: { ...params.metadata } };
    this.refunds.set(refund.id, refund);
    if (idempotencyKey) this.idempotent.set(idempotencyKey, refund.id);
    return refund;
  }

  charge(chargeId: string): DoubleCharge {
    const charge = this.charges.get(chargeId);
    if (!charge) throw missing('charge', chargeId);
    return charge;
  }

  addEndpoint(url: string, enabledEvents: string[]): WebhookEndpoint {
    const endpoint = { id: id('we'), url, secret: `whsec_${randomBytes(24).toString('hex')}`, enabled_events: enabledEvents.length ? enabledEvents : ['*'] };
    this.endpoints.push(endpoint);
    return endpoint;
  }

  event(eventId: string): DoubleEvent {
    const event = this.events.find((e) => e.id === eventId);
    if (!event) throw missing('event', eventId);
    return event;
  }

  /** Delivers one event to every endpoint that takes it (once each); the endpoints' HTTP statuses, 0 for no answer. */
  async deliver(eventId: string): Promise<number[]> {
    const event = this.event(eventId);
    const payload = JSON.stringify(eventJSON(event));
    const targets = this.endpoints.filter((e) => e.enabled_events.includes('*') || e.enabled_events.includes(event.type));
    return Promise.all(
      targets.map((endpoint) =>
        deliverOnce(this.fetch, endpoint.url, { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signatureHeader(payload, endpoint.secret) }, payload),
      ),
    );
  }

  clear(): void {
    this.intents.clear();
    this.charges.clear();
    this.refunds.clear();
    this.events.length = 0;
    this.endpoints.length = 0;
    this.idempotent.clear();
  }

  private emit(type: string, intent: DoubleIntent): void {
    const event: DoubleEvent = { id: id('evt'), type, created: now(), object: intentJSON(intent, this) };
    this.events.push(event);
    if (this.autoDeliver && type !== 'payment_intent.created') setTimeout(() => void this.deliver(event.id), 0);
  }
}

/** A charge as the SDK's `Stripe.Charge` carries what the handler reads of it. */
export function chargeJSON(charge: DoubleCharge): Pick<Stripe.Charge, 'id' | 'object' | 'amount' | 'currency' | 'created' | 'livemode' | 'status' | 'paid'> & {
  payment_intent: string;
  payment_method_details: { type: 'card'; card: { country: string } };
} {
  return {
    id: charge.id,
    object: 'charge',
    amount: charge.amount,
    currency: charge.currency,
    created: charge.created,
    livemode: false,
    status: 'succeeded',
    paid: true,
    payment_intent: charge.payment_intent,
    payment_method_details: { type: 'card', card: { country: charge.country } },
  };
}

/** A refund in the SDK's `Stripe.Refund` fields. */
export function refundJSON(refund: DoubleRefund): Partial<Record<keyof Stripe.Refund, unknown>> {
  return { id: refund.id, object: 'refund', amount: refund.amount, currency: refund.currency, charge: refund.charge, payment_intent: refund.payment_intent, created: refund.created, metadata: { ...refund.metadata }, status: 'succeeded' };
}

/** An intent in the SDK's `Stripe.PaymentIntent` fields; `expand` may inline its latest charge. */
export function intentJSON(intent: DoubleIntent, double: StripeApiDouble, expand: readonly string[] = []): Record<string, unknown> {
  const body: Partial<Record<keyof Stripe.PaymentIntent, unknown>> = {
    id: intent.id,
    object: 'payment_intent',
    amount: intent.amount,
    amount_received: intent.status === 'succeeded' ? intent.amount : 0,
    currency: intent.currency,
    status: intent.status,
    client_secret: intent.client_secret,
    metadata: { ...intent.metadata },
    created: intent.created,
    description: intent.description,
    livemode: false,
    payment_method: intent.payment_method,
    latest_charge: intent.latest_charge && expand.includes('latest_charge') ? chargeJSON(double.charge(intent.latest_charge)) : intent.latest_charge,
    last_payment_error: intent.last_payment_error,
    canceled_at: intent.canceled_at,
  };
  return body;
}

/** An event as Stripe posts it (`Stripe.Event`'s fields). */
export function eventJSON(event: DoubleEvent): Record<string, unknown> {
  const body: Partial<Record<keyof Stripe.Event, unknown>> = {
    id: event.id,
    object: 'event',
    api_version: null,
    created: event.created,
    type: event.type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: event.object },
  };
  return body;
}
