// The sandbox processor's test-card rules. A real processor checks card data inside its own iframe, so these belong
// to the sandbox processor, not to the public validators. No Lit and no DOM here.
import * as z from 'zod/mini';
import type { Validator } from '../session/validation.js';
import { cardDigits, luhn } from '../session/card.js';

export { cardDigits, luhn };

const cardNumberSchema = z.string().check(z.regex(/^\d{12,19}$/), z.refine(luhn));
export const cardNumber: Validator = (value) =>
  cardNumberSchema.safeParse(cardDigits(value)).success ? undefined : { key: 'cardNumber' };

/** MM/YY (or MM/YYYY), not before the current month. */
export const cardExpiry: Validator = (value, { now = new Date() }) => {
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(value.trim());
  if (!match) return { key: 'cardExpiry' };
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return { key: 'cardExpiry' };
  const current = now.getFullYear() * 12 + now.getMonth();
  return year * 12 + (month - 1) >= current ? undefined : { key: 'cardExpiry' };
};

/**
 * The expiry as typed, with the slash put in once a third digit arrives ("1230" → "12/30"): phones' numeric
 * keypads (inputmode="numeric") have no "/" key. Anything already holding a separator is left as typed.
 */
export function withExpirySlash(value: string): string {
  const match = /^\s*(\d{2})(\d{1,4})\s*$/.exec(value);
  return match ? `${match[1]}/${match[2]}` : value;
}

export const cardCvc: Validator = (value) => (/^\d{3,4}$/.test(value.trim()) ? undefined : { key: 'cardCvc' });
