// why no import of schema.ts: the session schema checks amounts with these rules (amounts.ts), so the money rules
// name only the fields they read; a parsed session, a stored one and a request body all fit.

/** Money is always an integer count of the currency's minor unit (cents, öre, yen). */
export type Minor = number;

/** What the money rules read of a line item: unit price in minor units, quantity and currency. */
export interface PricedItem {
  amount: number;
  quantity: number;
  currency: string;
}

/** What the money rules read of a coupon (amounts in the coupon currency's minor unit). */
export interface CouponTerms {
  percent_off?: number | null | undefined;
  amount_off?: number | null | undefined;
  currency?: string | null | undefined;
}

// why: ISO 4217 exponents, not Intl's display digits — Chromium's ICU formats HUF with 0 decimals
// while its minor unit (the fillér) is still 1/100. Every currency not listed has 2.
const MINOR_DIGITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** How many minor-unit digits a currency has (ISO 4217): EUR 2, JPY 0, KWD 3. */
export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

/** Rounds an API amount (2100.0) to an integer count of minor units. */
export function toMinor(amount: number): Minor {
  return Math.round(amount);
}

/**
 * Converts a major-unit decimal ("9.99", 0.1) to minor units without float drift:
 * the decimal string is split, not multiplied.
 */
export function majorToMinor(major: number | string, currency: string): Minor {
  const digits = minorDigits(currency);
  const text = typeof major === 'number' ? major.toFixed(digits + 2) : major.trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new RangeError(`Not a decimal amount: ${text}`);
  const [, sign, whole = '', fraction = ''] = match;
  const padded = (fraction + '0'.repeat(digits + 1)).slice(0, digits + 1);
  const scaled = Number(whole || '0') * 10 ** digits + Number(padded.slice(0, digits) || '0');
  const roundUp = Number(padded[digits] ?? '0') >= 5 ? 1 : 0;
  const value = scaled + roundUp;
  return sign === '-' ? -value : value;
}

/** Unit price × quantity, in minor units. */
export function lineTotal(item: Pick<PricedItem, 'amount' | 'quantity'>): Minor {
  return toMinor(item.amount) * item.quantity;
}

/** The discount a coupon gives on a subtotal, never more than the subtotal. */
export function couponDiscount(subtotal: Minor, currency: string, coupon: CouponTerms | null | undefined): Minor {
  if (!coupon || subtotal <= 0) return 0;
  if (coupon.percent_off != null) {
    return Math.min(subtotal, Math.round((subtotal * coupon.percent_off) / 100));
  }
  if (coupon.amount_off != null) {
    // why: a fixed-amount coupon in another currency cannot be converted honestly, so it gives nothing.
    if (coupon.currency && coupon.currency.toUpperCase() !== currency.toUpperCase()) return 0;
    return Math.min(subtotal, toMinor(coupon.amount_off));
  }
  return 0;
}

export interface Totals {
  currency: string;
  subtotal: Minor;
  discount: Minor;
  total: Minor;
  /** True when items carry more than one currency; the totals then cover only the first currency. */
  mixedCurrencies: boolean;
}

/** Subtotal, discount and total of a session, all integer minor units. */
export function sessionTotals(session: { items: readonly PricedItem[]; coupon?: CouponTerms | null | undefined }): Totals {
  const currency = session.items[0]?.currency ?? 'EUR';
  let subtotal = 0;
  let mixedCurrencies = false;
  for (const item of session.items) {
    if (item.currency !== currency) {
      mixedCurrencies = true;
      continue;
    }
    subtotal += lineTotal(item);
  }
  const discount = couponDiscount(subtotal, currency, session.coupon);
  return { currency, subtotal, discount, total: subtotal - discount, mixedCurrencies };
}

const formatterCache = new Map<string, Intl.NumberFormat>();

/** Formats minor units for display: formatMoney(999, 'EUR', 'fi') → "9,99 €". */
export function formatMoney(minor: Minor, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      formatter = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' });
    }
    formatterCache.set(key, formatter);
  }
  const digits = minorDigits(currency);
  // why: one division at the display edge; all arithmetic before it stayed in integers.
  return formatter.format(minor / 10 ** digits);
}
