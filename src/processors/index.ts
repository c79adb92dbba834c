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
} from './processor.ts';
export { hostedProcessor, sandboxProcessor } from './factories.ts';
export { paypalProcessor, realProcessors, stripeProcessor } from './real.ts';
export { lazyProcessor, type LazyProcessorInfo } from './lazy.ts';
export { PROCESSOR_MESSAGE_KEYS, ProcessorLoadError, ProcessorPaymentError, processorError } from './errors.ts';
export type { ProcessorError, ProcessorMessageKey } from './errors.ts';
export type { PaypalOutcome } from './sandbox.ts';
export type { StripeAdapterOptions, StripeLoader } from './stripe.ts';
export type { PaypalAdapterOptions, PaypalLoader } from './paypal.ts';
