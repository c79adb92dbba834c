// A processor's payment that went wrong in the browser, as an error the checkout model reports: its `code` travels
// in `quaderno-error` and picks the localized message. Tiny and SDK-free, so the core bundle can hold it.
import type { PaymentErrorCode } from '../protocol/payments.ts';

export class ProcessorPaymentError extends Error {
  override readonly name = 'ProcessorPaymentError';
  constructor(
    readonly code: PaymentErrorCode,
    /** The SDK's own code (`card_declined`…), for logs. */
    readonly sdkCode?: string,
  ) {
    super(`Payment ${code}${sdkCode ? ` (${sdkCode})` : ''}`);
  }
}
