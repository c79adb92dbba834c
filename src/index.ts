// `quaderno-checkout/core`, the package's side-effect-free entry, and what it promises to keep: the element class
// (not registered: import `quaderno-checkout.ts` for the tag), its events, the two API clients and their errors, the
// session schemas and money helpers, and the processor factories. Transport, model, views, locale loading and
// processor internals stay behind it, free to change.

// The element.
export { QuadernoCheckout } from './checkout/checkout.component.ts';
export type { CheckoutView, CheckoutTheme } from './checkout/checkout.component.ts';

// Its events: one class each.
export {
  QuadernoReadyEvent,
  QuadernoUpdateEvent,
  QuadernoCompleteEvent,
  QuadernoCancelEvent,
  QuadernoErrorEvent,
  QUADERNO_EVENTS,
} from './checkout/events.ts';
export type {
  QuadernoEventMap,
  QuadernoEventName,
  QuadernoEventDetails,
  QuadernoReadyDetail,
  QuadernoUpdateDetail,
  QuadernoCompleteDetail,
  QuadernoCancelDetail,
  QuadernoErrorDetail,
} from './checkout/events.ts';

// The two clients and their errors.
export { createPublicClient } from './api/public.ts';
export type { PublicClient } from './api/public.ts';
export { createPrivateClient } from './api/private.ts';
export type { PrivateClient, PrivateClientOptions } from './api/private.ts';
export * from './api/errors.ts';

// The session schemas, their types and the money helpers.
export * from './session/index.ts';
export { LOCALE_CODES } from './session/locale-codes.ts';
export type { LocaleCode } from './session/locale-codes.ts';

// The processors: the interface the element's `processor` property takes, and the factories.
export type {
  MountedProcessor,
  PayInput,
  PayOutcome,
  PaymentProcessor,
  ProcessorChanges,
  ProcessorContext,
  ProcessorData,
  ProcessorFieldReport,
  ProcessorError,
  ProcessorMessageKey,
  ShownFieldError,
} from './processors/index.ts';
export { hostedProcessor, lazyProcessor, paypalProcessor, realProcessors, sandboxProcessor, stripeProcessor, ProcessorPaymentError, ProcessorLoadError } from './processors/index.ts';
export type { LazyProcessorInfo, PaypalOutcome, StripeAdapterOptions, StripeLoader, PaypalAdapterOptions, PaypalLoader } from './processors/index.ts';
export type { ProtocolSession } from './protocol/session.ts';
export type { TaxIdCheck, TaxLine, TaxSummary } from './protocol/tax.ts';
