// The element's DOM events: the model's outcomes (model/events.ts) dispatched as bubbling, composed CustomEvents.
import type {
  DetailOf,
  QuadernoCancelDetail,
  QuadernoCompleteDetail,
  QuadernoErrorDetail,
  QuadernoEventName,
  QuadernoReadyDetail,
  QuadernoUpdateDetail,
} from './model/events.ts';

export type * from './model/events.ts';

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
