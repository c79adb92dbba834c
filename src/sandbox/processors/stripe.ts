// The sandbox's simulated Stripe: PaymentIntents in memory, confirmed by the Stripe.js test double's card frame.
// It answers in Stripe's shapes (status names, `card_error` bodies) so the adapter handles what Stripe sends.
import { randomBytes } from 'node:crypto';
import { luhn } from '../../session/card.js';
import { DECLINED_CARDS } from '../store/index.js';
import type { BankPageConfig, RedirectMethod } from '../doubles/messages.js';

/** Stripe's test cards that the simulation knows; any other Luhn-valid number succeeds. */
export const STRIPE_TEST_CARDS = {
  success: '4242424242424242',
  decline: '4000000000000002',
  /** 3-D Secure required: the double shows a challenge. */
  requiresAction: '4000002760003184',
} as const;
const REQUIRES_ACTION: ReadonlySet<string> = new Set([STRIPE_TEST_CARDS.requiresAction, '4000002500003155']);

export type IntentStatus = 'requires_payment_method' | 'requires_action' | 'succeeded' | 'canceled';

export interface PaymentIntent {
  id: string;
  client_secret: string;
  amount: number;
  currency: string;
  status: IntentStatus;
  /** The Quaderno session (its permalink token) the intent pays. */
  token: string;
}

/** How the customer pays a confirmation: a typed card, or a redirect-based method (the bank's page, then back). */
export type PaymentMethodInput =
  | { type: 'card'; card: CardInput }
  | { type: RedirectMethod; returnUrl: string | undefined };

/** Builds the address of the simulated bank page for an intent waiting on a redirect. */
export type BankPage = (config: BankPageConfig) => string;

type NextAction = { type: 'use_stripe_sdk'; challenge: string } | { type: 'redirect_to_url'; redirect_to_url: { url: string; return_url: string } };

/** What Stripe's API answers: a PaymentIntent, or a `{ error }` body with its HTTP status. */
export type StripeAnswer =
  | { status: 200; intent: PaymentIntent; next_action?: NextAction }
  | { status: 400 | 402 | 404; error: { type: string; code: string; decline_code?: string; message: string } };

export interface CardInput {
  number: string;
  /** MM/YY */
  expiry: string;
  cvc: string;
}

/** Stripe's own words for these errors (the adapter maps the codes, never the prose). */
const ERRORS = {
  declined: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  number: { type: 'card_error', code: 'incorrect_number', message: 'Your card number is incorrect.' },
  expiry: { type: 'card_error', code: 'invalid_expiry_year', message: "Your card's expiration date is invalid." },
  cvc: { type: 'card_error', code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  authentication: {
    type: 'card_error',
    code: 'payment_intent_authentication_failure',
    message: 'We are unable to authenticate your payment method.',
  },
  missing: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent.' },
  state: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message: 'This PaymentIntent cannot be confirmed now.' },
  returnUrl: { type: 'invalid_request_error', code: 'url_invalid', message: 'A redirect-based payment method needs an http(s) return_url.' },
  currency: { type: 'invalid_request_error', code: 'payment_intent_invalid_parameter', message: 'This payment method only takes payments in EUR.' },
} as const;

/** Stripe takes iDEAL and Bancontact in euros only. */
const REDIRECT_CURRENCY = 'EUR';

function httpUrl(value: string | undefined): value is string {
  try {
    return value !== undefined && /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Why a typed card is refused before any charge, or null. */
function cardProblem(card: CardInput, now: Date): keyof typeof ERRORS | null {
  const digits = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !luhn(digits)) return 'number';
  const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(card.expiry.trim());
  const month = Number(match?.[1]);
  const year = 2000 + Number(match?.[2]);
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (!match || month < 1 || month > 12 || year * 12 + month - 1 < thisMonth) return 'expiry';
  if (!/^\d{3,4}$/.test(card.cvc.trim())) return 'cvc';
  return null;
}

/** Stripe's refusal of a typed card before any charge (number, expiry, CVC), or null; for the API double's confirms too. */
export function cardRefusal(card: CardInput, now = new Date()): (typeof ERRORS)[keyof typeof ERRORS] | null {
  const problem = cardProblem(card, now);
  return problem ? ERRORS[problem] : null;
}

/**
 * Reports a settled intent to the Quaderno side (in the real world, a webhook). For `succeeded` it answers whether the
 * session takes this capture: a refused one is not captured (the simulation's stand-in for capture and refund).
 */
export type IntentListener = (intent: PaymentIntent, result: 'succeeded' | 'failed') => boolean;

export class StripeSimulator {
  private readonly intents = new Map<string, PaymentIntent>();

  constructor(
    readonly publishableKey: string,
    private readonly onSettled: IntentListener,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The intent for a start: `reuse` (the session's current one) when it still takes a card for exactly this amount
   * (after a decline, or a second start for the same total), else a new one. why never brought up to date: a browser
   * may hold the old one; its amount is what that customer confirmed, so it is never changed under them.
   */
  intentFor(token: string, amount: number, currency: string, reuse?: string): PaymentIntent {
    const previous = reuse ? this.intents.get(reuse) : undefined;
    if (previous && previous.token === token && previous.status === 'requires_payment_method' && previous.amount === amount && previous.currency === currency) {
      return previous;
    }
    const id = `pi_sandbox_${randomBytes(12).toString('hex')}`;
    const intent: PaymentIntent = {
      id,
      client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
      amount,
      currency,
      status: 'requires_payment_method',
      token,
    };
    this.intents.set(id, intent);
    return intent;
  }

  /** An intent by id (the server's view, with its secret key). */
  intent(id: string): PaymentIntent | undefined {
    return this.intents.get(id);
  }

  /** `POST /v1/payment_intents/:id/cancel`, as the server does when the payment it started is voided. */
  cancel(id: string): void {
    const intent = this.intents.get(id);
    if (intent && intent.status !== 'succeeded') intent.status = 'canceled';
  }

  /** Cancels every intent of a session but `keep`: once one paid, no other may. */
  cancelAllBut(token: string, keep: string | null): void {
    for (const intent of this.intents.values()) if (intent.token === token && intent.id !== keep) this.cancel(intent.id);
  }

  /** `GET /v1/payment_intents/:id?client_secret=…`, as Stripe.js may read it with a publishable key. */
  retrieve(clientSecret: string): StripeAnswer {
    const intent = this.bySecret(clientSecret);
    return intent ? { status: 200, intent } : { status: 404, error: ERRORS.missing };
  }

  /**
   * `POST /v1/payment_intents/:id/confirm` with the card the frame collected, or a redirect-based method: the intent
   * then waits for the customer on the bank's page (`bankPage`), which settles it and sends them to `return_url`.
   */
  confirm(clientSecret: string, method: PaymentMethodInput, bankPage: BankPage): StripeAnswer {
    const intent = this.bySecret(clientSecret);
    if (!intent) return { status: 404, error: ERRORS.missing };
    if (intent.status !== 'requires_payment_method') return { status: 400, error: ERRORS.state };
    if (method.type !== 'card') {
      if (!httpUrl(method.returnUrl)) return { status: 400, error: ERRORS.returnUrl };
      if (intent.currency.toUpperCase() !== REDIRECT_CURRENCY) return { status: 400, error: ERRORS.currency };
      intent.status = 'requires_action';
      const url = bankPage({ clientSecret, method: method.type, returnUrl: method.returnUrl });
      return { status: 200, intent, next_action: { type: 'redirect_to_url', redirect_to_url: { url, return_url: method.returnUrl } } };
    }
    const card = method.card;
    const problem = cardProblem(card, this.now());
    if (problem) return { status: 402, error: ERRORS[problem] };
    const digits = card.number.replace(/[\s-]/g, '');
    if (DECLINED_CARDS.has(digits)) {
      this.onSettled(intent, 'failed');
      return { status: 402, error: ERRORS.declined };
    }
    if (REQUIRES_ACTION.has(digits)) {
      intent.status = 'requires_action';
      return { status: 200, intent, next_action: { type: 'use_stripe_sdk', challenge: intent.id } };
    }
    return this.succeed(intent);
  }

  /** The simulated 3-D Secure page's or bank page's answer: the customer completed (authorized) or failed it. */
  authenticate(clientSecret: string, passed: boolean): StripeAnswer {
    const intent = this.bySecret(clientSecret);
    if (!intent) return { status: 404, error: ERRORS.missing };
    if (intent.status !== 'requires_action') return { status: 400, error: ERRORS.state };
    if (passed) return this.succeed(intent);
    intent.status = 'requires_payment_method';
    this.onSettled(intent, 'failed');
    return { status: 402, error: ERRORS.authentication };
  }

  clear(): void {
    this.intents.clear();
  }

  /** Captures, if the session takes it; otherwise the intent is canceled and nothing is captured. */
  private succeed(intent: PaymentIntent): StripeAnswer {
    if (!this.onSettled(intent, 'succeeded')) {
      intent.status = 'canceled';
      return { status: 400, error: ERRORS.state };
    }
    intent.status = 'succeeded';
    return { status: 200, intent };
  }

  private bySecret(clientSecret: string): PaymentIntent | undefined {
    const id = /^(pi_[A-Za-z0-9_]+?)_secret_/.exec(clientSecret)?.[1];
    const intent = id ? this.intents.get(id) : undefined;
    return intent && intent.client_secret === clientSecret ? intent : undefined;
  }
}

/** An intent as Stripe.js reports it to the page (no token, nothing secret beyond the client secret). */
export function intentJSON(intent: PaymentIntent): Record<string, unknown> {
  return {
    id: intent.id,
    object: 'payment_intent',
    amount: intent.amount,
    currency: intent.currency.toLowerCase(),
    status: intent.status,
    client_secret: intent.client_secret,
  };
}
