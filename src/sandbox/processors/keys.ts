// The simulated processors' public keys: one home for the sandbox's defaults, read by the payment start (what it
// answers) and by the session JSON (`processor_public_keys`), so the two always agree.
import type { PaymentProcessorId } from '../../protocol/payments.js';

export interface ProcessorOptions {
  /** The publishable key the payment start hands out and the session JSON carries. Default `pk_test_sandbox`. */
  stripePublishableKey?: string;
  /** The PayPal client id the payment start hands out and the session JSON carries. Default `sb-sandbox`. */
  paypalClientId?: string;
}

/** The sandbox's public keys, by processor. */
export type ProcessorKeys = Readonly<Record<PaymentProcessorId, string>>;

export const DEFAULT_PROCESSOR_KEYS: ProcessorKeys = { stripe: 'pk_test_sandbox', paypal: 'sb-sandbox' };

export function processorKeys(options: ProcessorOptions = {}): ProcessorKeys {
  return {
    stripe: options.stripePublishableKey || DEFAULT_PROCESSOR_KEYS.stripe,
    paypal: options.paypalClientId || DEFAULT_PROCESSOR_KEYS.paypal,
  };
}
