// `quaderno-checkout/core`, the package's side-effect-free entry, and what it promises to keep: the element class
// (not registered: import `quaderno-checkout.ts` for the tag), its events, the two API clients and their errors, the
// session schemas and money helpers, and the processor factories. Transport, model, views, locale loading and
// processor internals stay behind it, free to change.

// The element.
export { QuadernoCheckout } from './checkout/checkout.component.js';
export type { CheckoutView, CheckoutTheme } from './checkout/checkout.component.js';

// Its events: one class each.
export {
  QuadernoReadyEvent,
  QuadernoUpdateEvent,
  QuadernoCompleteEvent,
  QuadernoCancelEvent,
  QuadernoErrorEvent,
  QUADERNO_EVENTS,
} from './checkout/events.js';
export type {
  QuadernoEventMap,
  QuadernoEventName,
  QuadernoEventDetails,
  QuadernoReadyDetail,
  QuadernoUpdateDetail,
  QuadernoCompleteDetail,
  QuadernoCancelDetail,
  QuadernoErrorDetail,
} from './checkout/events.js';

// The two clients and their errors.
export { createPublicClient } from './api/public.js';
export type { PublicClient } from './api/public.js';
export { createPrivateClient } from './api/private.js';
export type { PrivateClient, PrivateClientOptions } from './api/private.js';
export * from './api/errors.js';

// The session schemas, their types and the money helpers.
export * from './session/index.js';
export { LOCALE_CODES } from './session/locale-codes.js';
export type { LocaleCode } from './session/locale-codes.js';

// The processors: the contract the element's `processor` property takes, the factories and the errors (processors/index.ts
// is that public surface; the registry and the adapters' internals stay out of it).
export * from './processors/index.js';
export type { ProtocolSession } from './protocol/session.js';
export type { TaxIdCheck, TaxLine, TaxSummary } from './protocol/tax.js';
