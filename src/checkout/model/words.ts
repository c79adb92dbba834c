// Words the model asks the element to say: functions of the translation, so the model never holds a locale and a
// translation that arrives late (an async locale chunk) still words what was announced. No Lit and no DOM here.
import type { Translation } from '../../locales/translation.js';
import type { ProcessorMessageKey } from '../../processors/errors.js';

/** Something to say, in whatever locale the element shows when it says it. */
export type Words = (t: Translation) => string;

/** The message for an error code (an ApiErrorCode or one of the element's own). */
export function errorMessage(t: Translation, code: string): string {
  switch (code) {
    case 'save':
      return t.errorSave;
    case 'network':
      return t.errorNetwork;
    case 'timeout':
      return t.errorTimeout;
    case 'not_found':
      return t.errorNotFound;
    case 'invalid_permalink':
      return t.errorInvalidPermalink;
    case 'rate_limited':
      return t.errorRateLimited;
    case 'server':
      return t.errorServer;
    case 'bad_response':
      return t.errorBadResponse;
    case 'unsafe_url':
      return t.errorUnsafeUrl;
    case 'conflict':
      return t.errorNotPending;
    case 'mixed_currencies':
      return t.errorMixedCurrencies;
    // a processor's payment (src/protocol/payments.ts PAYMENT_ERROR_CODES)
    case 'payment_declined':
      return t.cardDeclined;
    case 'payment_authentication_failed':
      return t.paymentAuthenticationFailed;
    case 'payment_incomplete':
      return t.cardIncomplete;
    case 'payment_cancelled':
      return t.paypalCancelled;
    case 'payment_failed':
      return t.paymentFailed;
    case 'processor_unavailable':
      return t.processorUnavailable;
    case 'payment_total_changed':
      return t.errorTotalChanged;
    default:
      return t.errorLoad;
  }
}

/** The words of an in-form alert: a processor's own (its message key), else its code's. */
export function alertMessage(t: Translation, alert: { code: string; messageKey?: ProcessorMessageKey | undefined }): string {
  return alert.messageKey ? t[alert.messageKey] : errorMessage(t, alert.code);
}

/** An abandoned session's title and body: "you cancelled" when the customer did it here, "expired" otherwise. */
export function abandonedWords(t: Translation, cancelled: boolean): { title: string; body: string } {
  return cancelled ? { title: t.cancelledTitle, body: t.cancelledBody } : { title: t.abandonedTitle, body: t.abandonedBody };
}
