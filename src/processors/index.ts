export type {
  BillingDetails,
  MountedProcessor,
  PayInput,
  PayOutcome,
  PaymentProcessor,
  ProcessorChanges,
  ProcessorContext,
  ProcessorData,
  ProcessorFieldReport,
  ShownFieldError,
} from './processor.js';
export { hostedProcessor, sandboxProcessor } from './factories.js';
export { paypalProcessor, realProcessors, stripeProcessor } from './real.js';
export { lazyProcessor, type LazyProcessorInfo } from './lazy.js';
export { PROCESSOR_MESSAGE_KEYS, ProcessorLoadError, ProcessorPaymentError, processorError } from './errors.js';
export type { ProcessorError, ProcessorMessageKey } from './errors.js';
export type { PaypalOutcome } from './sandbox.js';
export type { StripeAdapterOptions, StripeLoader } from './stripe.js';
export type { PaypalAdapterOptions, PaypalLoader } from './paypal.js';
