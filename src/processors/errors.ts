// Processor errors as data: a payment error `code` (it travels in `quaderno-error`) and a `messageKey` (the
// localized words). Tiny and SDK-free, so every bundle can hold it.
// why recognised by their data, never by `instanceof`: each classic adapter script (quaderno-checkout-stripe.iife.js,
// -paypal.iife.js) bundles its own copy of these classes, and the core must still read what that copy throws.
import type { PaymentErrorCode } from '../protocol/payments.js';

/**
 * Translation keys of the processors' customer-facing errors (one home; each locale needs them).
 * en: processorUnavailable "The payment form could not load. Check your connection and try again.",
 * cardIncomplete "Complete your card details.", cardDeclined "Your card was declined. Try another card.",
 * paymentAuthenticationFailed "Your bank could not confirm the payment. Try again or use another card.",
 * paymentFailed "The payment did not go through. Try again.", paypalCancelled "You closed PayPal before paying.",
 * paypalFailed "PayPal could not take the payment. Try again.", paypalUseButton "Pay with the PayPal button."
 */
export const PROCESSOR_MESSAGE_KEYS = [
  'processorUnavailable',
  'cardIncomplete',
  'cardDeclined',
  'paymentAuthenticationFailed',
  'paymentFailed',
  'paypalCancelled',
  'paypalFailed',
  'paypalUseButton',
] as const;
export type ProcessorMessageKey = (typeof PROCESSOR_MESSAGE_KEYS)[number];

/** A processor error as the element shows it (localized by key) and reports it (`quaderno-error` with `code`). */
export interface ProcessorError {
  code: PaymentErrorCode;
  messageKey: ProcessorMessageKey;
  /** The SDK's own code (`card_declined`, `resource_missing`…), for logs and the event's detail. */
  sdkCode?: string;
}

export function processorError(code: PaymentErrorCode, messageKey: ProcessorMessageKey, sdkCode?: string): ProcessorError {
  return sdkCode === undefined ? { code, messageKey } : { code, messageKey, sdkCode };
}

/** Thrown by `mount()` when the processor cannot be used; the element shows `error.messageKey` in its place. */
export class ProcessorLoadError extends Error {
  override readonly name = 'ProcessorLoadError';
  constructor(
    readonly error: ProcessorError,
    options?: { cause?: unknown },
  ) {
    super(`Processor unavailable (${error.sdkCode ?? error.code})`, options);
  }
}

/** A payment that went wrong in the processor, as the checkout model reports it. */
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

/**
 * The processor error a failed mount carries (a ProcessorLoadError of any bundle: an `error` with a string code and
 * message key), or `processorUnavailable` for anything else (a chunk that did not load, an SDK that threw).
 */
export function loadErrorOf(error: unknown): ProcessorError {
  const inner = (error as { error?: Partial<ProcessorError> } | null)?.error;
  if (inner && typeof inner.code === 'string' && typeof inner.messageKey === 'string') return inner as ProcessorError;
  return processorError('processor_unavailable', 'processorUnavailable');
}
