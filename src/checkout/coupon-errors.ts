// Why a coupon was refused, read from the server's message so the customer is told in their own language.
// Quaderno answers a refused coupon with a 422 whose `errors.coupon` holds English prose, not a code; the patterns
// below cover the sandbox's wording and the usual phrasings. Anything unrecognised is reported as "not valid",
// which is always true of a refused code. No Lit and no DOM here.

import type { Translation } from '../locales/translation.ts';

export type CouponRefusal =
  | { reason: 'invalid' }
  | { reason: 'expired' }
  | { reason: 'usedUp' }
  | { reason: 'notAccepted' }
  | { reason: 'currency'; currency: string };

const CURRENCY_ONLY = /\bonly (?:applies|valid|available) (?:to|for|in) ([A-Z]{3})\b/i;

/** The reason behind a server's coupon message. */
export function couponRefusal(message: string | undefined): CouponRefusal {
  const text = message ?? '';
  const currency = CURRENCY_ONLY.exec(text)?.[1];
  if (currency) return { reason: 'currency', currency: currency.toUpperCase() };
  if (/\bexpired\b/i.test(text)) return { reason: 'expired' };
  if (/\b(redemption|usage) limit\b|\bused up\b|\bfully redeemed\b/i.test(text)) return { reason: 'usedUp' };
  if (/\b(does not|doesn't|doesn’t) accept (coupons|discount codes)\b|\bcoupons are not accepted\b/i.test(text)) {
    return { reason: 'notAccepted' };
  }
  return { reason: 'invalid' };
}

/** The refusal in the customer's language. */
export function describeCouponRefusal(t: CouponMessages, message: string | undefined): string {
  const refusal = couponRefusal(message);
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
