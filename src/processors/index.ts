export type { PaymentProcessor, PayRequest, ProcessorContext, ProcessorFieldReport, ProcessorFields } from './processor.ts';
export { SandboxProcessor, createSandboxProcessor, SANDBOX_FIELD_IDS } from './sandbox.ts';
export type { PaypalOutcome } from './sandbox.ts';
