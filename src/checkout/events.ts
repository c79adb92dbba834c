import type { CheckoutSession } from '../session/schema.ts';

/** `quaderno-ready`: the session is loaded and shown. */
export interface QuadernoReadyDetail {
  session: CheckoutSession;
}
/** `quaderno-update`: customer data or a coupon was saved. */
export interface QuadernoUpdateDetail {
  session: CheckoutSession;
}
/** `quaderno-complete`: the payment completed. Cancelable: preventDefault() stops the redirect to success_url. */
export interface QuadernoCompleteDetail {
  session: CheckoutSession;
  /** The paid invoice's public page, when the server recorded the sale itself (a merchant handler paying in the page); else null. */
  invoicePermalink: string | null;
}
/** `quaderno-cancel`: the customer cancelled. Cancelable: preventDefault() stops the redirect to cancel_url. */
export interface QuadernoCancelDetail {
  session: CheckoutSession | undefined;
}
/** `quaderno-error`: something failed; `code` is machine-readable (an ApiErrorCode, `unsafe_url`, …). */
export interface QuadernoErrorDetail {
  code: string;
  message: string;
}

export type QuadernoReadyEvent = CustomEvent<QuadernoReadyDetail>;
export type QuadernoUpdateEvent = CustomEvent<QuadernoUpdateDetail>;
export type QuadernoCompleteEvent = CustomEvent<QuadernoCompleteDetail>;
export type QuadernoCancelEvent = CustomEvent<QuadernoCancelDetail>;
export type QuadernoErrorEvent = CustomEvent<QuadernoErrorDetail>;

/** Every event the element dispatches, by name. */
export interface QuadernoEventMap {
  'quaderno-ready': QuadernoReadyEvent;
  'quaderno-update': QuadernoUpdateEvent;
  'quaderno-complete': QuadernoCompleteEvent;
  'quaderno-cancel': QuadernoCancelEvent;
  'quaderno-error': QuadernoErrorEvent;
}

export type QuadernoEventName = keyof QuadernoEventMap;
export type DetailOf<K extends QuadernoEventName> = QuadernoEventMap[K] extends CustomEvent<infer D> ? D : never;

/** The event names, for listeners that subscribe to all of them. */
export const QUADERNO_EVENTS: readonly QuadernoEventName[] = [
  'quaderno-ready',
  'quaderno-update',
  'quaderno-complete',
  'quaderno-cancel',
  'quaderno-error',
];

/**
 * Dispatches a typed event that bubbles and crosses shadow roots.
 * Returns false when a listener called preventDefault() on a cancelable event.
 */
export function emit<K extends QuadernoEventName>(
  target: EventTarget,
  name: K,
  detail: DetailOf<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail });
  return target.dispatchEvent(event);
}

declare global {
  interface GlobalEventHandlersEventMap extends QuadernoEventMap {}
}
