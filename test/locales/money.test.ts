import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALE_CODES } from '../../src/locales/index.js';
import { formatMoney } from '../../src/session/money.js';

/** Intl separates with U+00A0 or U+202F depending on locale and ICU version; compare as plain spaces. */
const normalize = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney in every locale (minor units, Intl.NumberFormat)', () => {
  const cases: Array<[locale: string, minor: number, currency: string, expected: string]> = [
    ['en', 999, 'EUR', '€9.99'],
    ['en', 199_900, 'EUR', '€1,999.00'],
    ['en', 1999, 'JPY', '¥1,999'],
    ['en', 999, 'USD', '$9.99'],
    ['ca', 999, 'EUR', '9,99 €'],
    ['ca', 199_900, 'EUR', '1.999,00 €'],
    ['de', 999, 'EUR', '9,99 €'],
    ['de', 199_900, 'EUR', '1.999,00 €'],
    ['de', 1999, 'JPY', '1.999 ¥'],
    // why: Spanish does not group four-digit numbers (RAE), so 1999 stays ungrouped.
    ['es', 199_900, 'EUR', '1999,00 €'],
    ['es', 1_234_500, 'EUR', '12.345,00 €'],
    ['fi', 999, 'EUR', '9,99 €'],
    ['fi', 199_900, 'EUR', '1 999,00 €'],
    ['fr', 999, 'EUR', '9,99 €'],
    ['fr', 199_900, 'EUR', '1 999,00 €'],
    ['hu', 999, 'EUR', '9,99 EUR'],
    ['nl', 999, 'EUR', '€ 9,99'],
    ['nl', 199_900, 'EUR', '€ 1.999,00'],
    ['sv', 999, 'EUR', '9,99 €'],
    ['sv', 12_345, 'SEK', '123,45 kr'],
    ['sv', 199_900, 'EUR', '1 999,00 €'],
    ['no', 999, 'EUR', '9,99 €'],
    ['no', 199_900, 'EUR', '1 999,00 €'],
  ];
  for (const [locale, minor, currency, expected] of cases) {
    test(`${locale}: ${minor} ${currency} → ${expected}`, () => {
      assert.equal(normalize(formatMoney(minor, currency, locale)), expected);
    });
  }

  test('hu: forint is shown as "Ft"', () => {
    assert.match(normalize(formatMoney(500_000, 'HUF', 'hu')), /^\d[\d ]*(,\d+)? Ft$/);
  });

  test('fi separates with a non-breaking space, so the amount never wraps', () => {
    assert.match(formatMoney(999, 'EUR', 'fi'), /^9,99[\u00a0\u202f]€$/);
  });

  for (const code of LOCALE_CODES) {
    test(`${code}: 9.99 EUR shows 9 and 99 and a euro sign or code`, () => {
      const text = normalize(formatMoney(999, 'EUR', code));
      assert.match(text, /9[.,]99/);
      assert.match(text, /€|EUR/);
    });
  }
});
