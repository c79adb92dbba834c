export type { PaymentProcessor, PayRequest, ProcessorContext, ProcessorFieldReport, ProcessorFields } from './processor.ts';
export { SandboxProcessor, createSandboxProcessor, SANDBOX_FIELD_IDS } from './sandbox.ts';
export type { PaypalOutcome } from './sandbox.ts';
export { AdapterProcessor, paypalProcessor, realProcessors, stripeProcessor } from './lazy.ts';
export { ProcessorPaymentError } from './errors.ts';
export type { StripeAdapterOptions, StripeLoader } from './stripe.ts';
export type { PaypalAdapterOptions, PaypalLoader } from './paypal.ts';
// why both: `new AdapterProcessor(loaders, coreServices)` is how an app builds its own set of adapters (the factories
// in lazy.ts do the same); the services lend it the core's payment start.
export { coreServices } from './registry.ts';
export type { AdapterServices, ProcessorAdapter } from './mount.ts';
