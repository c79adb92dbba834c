// The postMessage protocol between the SDK test doubles (on the merchant's page) and their frames (on the sandbox's
// other origin). Card data never crosses it: the card frame sends its own API call and reports only the outcome.
import type { Appearance, StripeError } from '@stripe/stripe-js';

/** Defined by the sandbox when it bundles a double: the origin its frames are served from. */
declare global {
  const __DOUBLE_FRAME_ORIGIN__: string;
}

/** What the card frame reads from its URL's fragment. */
export interface CardFrameConfig {
  /** The merchant page's origin: the only target of the frame's messages. */
  parent: string;
  locale: string;
  appearance: Appearance;
}

/** The simulated bank page's fragment (a redirect-based method: iDEAL, Bancontact). */
export interface BankPageConfig {
  clientSecret: string;
  method: RedirectMethod;
  /** The merchant page to come back to (http(s) only, checked where it is set and again before leaving). */
  returnUrl: string;
}

/** The redirect-based methods the Stripe.js double offers next to cards, as Stripe's payment method types. */
export const REDIRECT_METHODS = ['ideal', 'bancontact'] as const;
export type RedirectMethod = (typeof REDIRECT_METHODS)[number];
export type DoubleMethod = 'card' | RedirectMethod;

/** The challenge frame's fragment. */
export interface ChallengeFrameConfig {
  parent: string;
  clientSecret: string;
}

/** The PayPal window's fragment. */
export interface PaypalWindowConfig {
  parent: string;
  orderId: string;
  currency: string;
  locale: string;
}

/** A PaymentIntent as the simulated API answers it. */
export interface IntentBody {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: 'requires_payment_method' | 'requires_action' | 'succeeded';
  client_secret: string;
  next_action: { type: 'use_stripe_sdk'; challenge: string } | { type: 'redirect_to_url'; redirect_to_url: { url: string; return_url: string } } | null;
}

export type ApiAnswer = { ok: true; intent: IntentBody } | { ok: false; error: StripeError };

/** What the card frame answers to `elements.submit()`: its fields' state now, and Stripe's error when not complete. */
export interface FieldsCheck {
  empty: boolean;
  complete: boolean;
  method: DoubleMethod;
  error?: StripeError;
}

export type ToCardFrame =
  | { kind: 'confirm'; id: number; clientSecret: string; returnUrl?: string }
  | { kind: 'submit'; id: number }
  | { kind: 'update'; readOnly?: boolean; locale?: string; appearance?: Appearance };

export type FromCardFrame =
  | { kind: 'ready' }
  | { kind: 'change'; empty: boolean; complete: boolean; method: DoubleMethod }
  | { kind: 'submitted'; id: number; check: FieldsCheck }
  | { kind: 'confirmed'; id: number; answer: ApiAnswer };

export type FromChallengeFrame = { kind: 'challenge-done'; answer: ApiAnswer };

export type FromPaypalWindow = { kind: 'approve'; payerId: string } | { kind: 'cancel' } | { kind: 'error'; message: string };

/** Every message is wrapped so that a page's other postMessage traffic is never mistaken for ours. */
export const CHANNEL = 'quaderno-sdk-double';
export type Envelope<T> = { channel: typeof CHANNEL; message: T };

export function wrap<T>(message: T): Envelope<T> {
  return { channel: CHANNEL, message };
}

export function unwrap<T>(data: unknown): T | undefined {
  const envelope = data as Partial<Envelope<T>> | null;
  return envelope && typeof envelope === 'object' && envelope.channel === CHANNEL ? envelope.message : undefined;
}

/** A frame's configuration, JSON in its URL fragment (fragments never reach a server log). */
export function readFragment<T>(): T {
  return JSON.parse(decodeURIComponent(location.hash.slice(1))) as T;
}

export function fragment(config: object): string {
  return `#${encodeURIComponent(JSON.stringify(config))}`;
}

/** Calls the simulated API on the frame's own origin and reads Stripe's `{ error }` shape. */
export async function callApi(path: string, body: unknown): Promise<ApiAnswer> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const data = (await response.json()) as IntentBody | { error: StripeError };
    return 'error' in data ? { ok: false, error: data.error } : { ok: true, intent: data };
  } catch {
    return { ok: false, error: { type: 'api_connection_error', message: 'The network request failed.' } };
  }
}

/**
 * Opens a modal frame on the frame origin (Stripe's 3-D Secure modal, PayPal's window) and resolves with its first
 * message, closing it. `marker` is the overlay's data attribute, for tests to find it.
 */
export function modalFrame<T>(options: { marker: [string, string]; label: string; src: string; width: number; height: number }): Promise<T> {
  return new Promise((resolve) => {
    const overlay = document.createElement('div');
    overlay.setAttribute(...options.marker);
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', options.label);
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:grid;place-items:center;background:rgba(0,0,0,.45)';
    const frame = document.createElement('iframe');
    frame.src = options.src;
    frame.title = options.label;
    frame.style.cssText = `width:min(${options.width}px,92vw);height:${options.height}px;border:0;border-radius:8px;background:#fff`;
    overlay.append(frame);
    const listener = (event: MessageEvent) => {
      if (event.origin !== __DOUBLE_FRAME_ORIGIN__ || event.source !== frame.contentWindow) return;
      const message = unwrap<T>(event.data);
      if (!message) return;
      window.removeEventListener('message', listener);
      overlay.remove();
      resolve(message);
    };
    window.addEventListener('message', listener);
    document.body.append(overlay);
  });
}
