// A processor's payment that went wrong in the browser, as an error the checkout model reports: its `code` travels
// in `quaderno-error`, and its `messageKey` picks the localized words. Tiny and SDK-free, so the core bundle can hold
// it. why recognised by its data, never by `instanceof`: each classic adapter script (quaderno-checkout-stripe.iife.js,
// -paypal.iife.js) bundles its own copy of this class, and the core must still read what that copy throws.
import type { PaymentErrorCode } from '../protocol/payments.ts';
import type { ProcessorMessageKey } from './mount.ts';

export class ProcessorPaymentError extends Error {
  override readonly name = 'ProcessorPaymentError';
  constructor(
    readonly code: PaymentErrorCode,
    /** The SDK's own code (`card_declined`…), for logs. */
    readonly sdkCode?: string,
    /** The processor's own words for it (PayPal's `paypalFailed`…); without it, the code's. */
    readonly messageKey?: ProcessorMessageKey,
  ) {
    super(`Payment ${code}${sdkCode ? ` (${sdkCode})` : ''}`);
  }
}

/**
 * The processor error a thrown value carries, whichever bundle's class threw it: an Error named
 * `ProcessorPaymentError` with a string `code`. Undefined for anything else.
 */
export function processorErrorOf(error: unknown): { code: string; messageKey?: ProcessorMessageKey; sdkCode?: string } | undefined {
  if (!(error instanceof Error) || error.name !== 'ProcessorPaymentError') return undefined;
  const { code, messageKey, sdkCode } = error as Error & { code?: unknown; messageKey?: unknown; sdkCode?: unknown };
  if (typeof code !== 'string') return undefined;
  return {
    code,
    ...(typeof messageKey === 'string' ? { messageKey: messageKey as ProcessorMessageKey } : {}),
    ...(typeof sdkCode === 'string' ? { sdkCode } : {}),
  };
}
