// Why a coupon was refused, read from the protocol's machine code (`field_codes.coupon`), never from the server's
// prose, so the customer is told in their own language. No Lit and no DOM here.
import { ValidationError } from '../../api/errors.js';
import type { ProtocolErrorCode } from '../../protocol/codes.js';
import type { Translation } from '../../locales/translation.js';

export type CouponRefusal =
  | { reason: 'invalid' }
  | { reason: 'expired' }
  | { reason: 'usedUp' }
  | { reason: 'notAccepted' }
  | { reason: 'currency'; currency: string };

/** The refusal a protocol code (and, for `coupon_currency`, the body's `currency`) stands for. */
export function couponRefusal(code: ProtocolErrorCode | undefined, currency?: unknown): CouponRefusal {
  switch (code) {
    case 'coupon_expired':
      return { reason: 'expired' };
    case 'coupon_used_up':
      return { reason: 'usedUp' };
    case 'coupon_not_accepted':
      return { reason: 'notAccepted' };
    case 'coupon_currency':
      // why: without a well-formed currency the sentence would name nothing; "not valid" is still true.
      return typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency)
        ? { reason: 'currency', currency: currency.toUpperCase() }
        : { reason: 'invalid' };
    default:
      // `coupon_unknown`, any other code, or none at all: a refused code is always "not valid".
      return { reason: 'invalid' };
  }
}

/** The refusal behind a 422 on a coupon. */
export function refusalOf(error: ValidationError): CouponRefusal {
  const body = error.body && typeof error.body === 'object' ? (error.body as { currency?: unknown }) : {};
  return couponRefusal(error.fieldCodes.coupon, body.currency);
}

/** The refusal in the customer's language. */
export function describeCouponRefusal(t: CouponMessages, refusal: CouponRefusal): string {
  switch (refusal.reason) {
    case 'expired':
      return t.couponExpired;
    case 'usedUp':
      return t.couponUsedUp;
    case 'notAccepted':
      return t.couponNotAccepted;
    case 'currency':
      return t.couponCurrency(refusal.currency);
    default:
      return t.couponInvalid;
  }
}

type CouponMessages = Pick<Translation, 'couponInvalid' | 'couponExpired' | 'couponUsedUp' | 'couponNotAccepted' | 'couponCurrency'>;
