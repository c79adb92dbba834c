// The element's DOM events: the model's outcomes (model/events.ts) dispatched as one Event class each. A class fixes
// its event's name, `bubbles`, `composed` and `cancelable`, so no caller decides them and a listener can test
// `event instanceof QuadernoCompleteEvent`. They extend CustomEvent, so `event.detail` reads as it always did.
import type {
  DetailOf,
  QuadernoCancelDetail,
  QuadernoCompleteDetail,
  QuadernoErrorDetail,
  QuadernoEventName,
  QuadernoReadyDetail,
  QuadernoUpdateDetail,
} from './model/events.js';

export type * from './model/events.js';

/** What every event of the element shares: it bubbles and crosses shadow roots. */
abstract class QuadernoEvent<K extends QuadernoEventName> extends CustomEvent<DetailOf<K>> {
  declare readonly type: K;
  protected constructor(type: K, detail: DetailOf<K>, cancelable: boolean) {
    super(type, { bubbles: true, composed: true, cancelable, detail });
  }
}

/** `quaderno-ready`: the session is loaded and shown. Not cancelable. */
export class QuadernoReadyEvent extends QuadernoEvent<'quaderno-ready'> {
  constructor(detail: QuadernoReadyDetail) {
    super('quaderno-ready', detail, false);
  }
}

/** `quaderno-update`: customer data or a coupon was saved. Not cancelable. */
export class QuadernoUpdateEvent extends QuadernoEvent<'quaderno-update'> {
  constructor(detail: QuadernoUpdateDetail) {
    super('quaderno-update', detail, false);
  }
}

/** `quaderno-complete`: the payment completed. Cancelable: `preventDefault()` stops the redirect to success_url. */
export class QuadernoCompleteEvent extends QuadernoEvent<'quaderno-complete'> {
  constructor(detail: QuadernoCompleteDetail) {
    super('quaderno-complete', detail, true);
  }
}

/** `quaderno-cancel`: the customer cancelled. Cancelable: `preventDefault()` stops the redirect to cancel_url. */
export class QuadernoCancelEvent extends QuadernoEvent<'quaderno-cancel'> {
  constructor(detail: QuadernoCancelDetail) {
    super('quaderno-cancel', detail, true);
  }
}

/** `quaderno-error`: something failed; `detail.code` is machine-readable. Not cancelable. */
export class QuadernoErrorEvent extends QuadernoEvent<'quaderno-error'> {
  constructor(detail: QuadernoErrorDetail) {
    super('quaderno-error', detail, false);
  }
}

/** Every event the element dispatches, by name. */
export interface QuadernoEventMap {
  'quaderno-ready': QuadernoReadyEvent;
  'quaderno-update': QuadernoUpdateEvent;
  'quaderno-complete': QuadernoCompleteEvent;
  'quaderno-cancel': QuadernoCancelEvent;
  'quaderno-error': QuadernoErrorEvent;
}

/** Each event's class, by name: the one place an event's name meets its options. */
export const QUADERNO_EVENT_CLASSES: { readonly [K in QuadernoEventName]: new (detail: DetailOf<K>) => QuadernoEventMap[K] } = {
  'quaderno-ready': QuadernoReadyEvent,
  'quaderno-update': QuadernoUpdateEvent,
  'quaderno-complete': QuadernoCompleteEvent,
  'quaderno-cancel': QuadernoCancelEvent,
  'quaderno-error': QuadernoErrorEvent,
};

/** The event names, for listeners that subscribe to all of them. */
export const QUADERNO_EVENTS = Object.keys(QUADERNO_EVENT_CLASSES) as readonly QuadernoEventName[];

/** The event of that name, with its class's options. */
export function quadernoEvent<K extends QuadernoEventName>(name: K, detail: DetailOf<K>): QuadernoEventMap[K] {
  const EventClass = QUADERNO_EVENT_CLASSES[name] as new (detail: DetailOf<K>) => QuadernoEventMap[K];
  return new EventClass(detail);
}

/** Dispatches the named event. Returns false when a listener called preventDefault() on a cancelable one. */
export function emit<K extends QuadernoEventName>(target: EventTarget, name: K, detail: DetailOf<K>): boolean {
  return target.dispatchEvent(quadernoEvent(name, detail));
}

declare global {
  interface GlobalEventHandlersEventMap extends QuadernoEventMap {}
  interface HTMLElementEventMap extends QuadernoEventMap {}
}
