import { expect } from '@open-wc/testing';
import { formatMoney, lineTotal, majorToMinor, minorDigits, sessionTotals, couponDiscount } from '../../src/session/money.js';
import { parseSession, type Coupon } from '../../src/session/schema.js';

const normalize = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  const digits: Array<[string, number]> = [
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['SEK', 2],
    ['HUF', 2],
  ];
  for (const [currency, expected] of digits) {
    it(`${currency} has ${expected} minor digits`, () => {
      expect(minorDigits(currency)).to.equal(expected);
    });
  }

  it('sums three items of 0.10 to exactly 0.30 (the float trap)', () => {
    const item = { amount: majorToMinor(0.1, 'EUR'), quantity: 1, currency: 'EUR', name: 'x' };
    const totals = sessionTotals({ items: [item, item, item] as never, coupon: null });
    expect(0.1 + 0.1 + 0.1).to.not.equal(0.3);
    expect(totals.total).to.equal(30);
    expect(formatMoney(totals.total, 'EUR', 'en')).to.equal('€0.30');
  });

  const majors: Array<[number | string, string, number]> = [
    ['9.99', 'EUR', 999],
    [21, 'EUR', 2100],
    ['1.005', 'EUR', 101],
    [1999, 'JPY', 1999],
    ['12.345', 'KWD', 12345],
    ['0.1', 'USD', 10],
  ];
  for (const [major, currency, minor] of majors) {
    it(`majorToMinor(${major}, ${currency}) = ${minor}`, () => {
      expect(majorToMinor(major, currency)).to.equal(minor);
    });
  }

  const formats: Array<[number, string, string, string]> = [
    [999, 'EUR', 'en', '€9.99'],
    [999, 'EUR', 'fi', '9,99 €'],
    [999, 'EUR', 'de', '9,99 €'],
    [1999, 'JPY', 'en', '¥1,999'],
    [123456, 'SEK', 'sv', '1 234,56 kr'],
    [12345, 'KWD', 'en', 'KWD 12.345'],
    [2100, 'USD', 'en', '$21.00'],
    [99900, 'HUF', 'hu', '999 Ft'],
  ];
  for (const [minor, currency, locale, expected] of formats) {
    it(`formats ${minor} ${currency} in ${locale} as ${expected}`, () => {
      expect(normalize(formatMoney(minor, currency, locale))).to.equal(expected);
    });
  }

  it('multiplies unit price by quantity in integers', () => {
    expect(lineTotal({ amount: 2100.0, quantity: 3 })).to.equal(6300);
  });

  const coupons: Array<[string, Coupon | null, number]> = [
    ['10% of 999 rounds to 100', { code: 'A', percent_off: 10 }, 100],
    ['a fixed 5.00 off', { code: 'B', amount_off: 500, currency: 'EUR' }, 500],
    ['a fixed amount never exceeds the subtotal', { code: 'C', amount_off: 5000, currency: 'EUR' }, 999],
    ['a fixed amount in another currency gives nothing', { code: 'D', amount_off: 500, currency: 'USD' }, 0],
    ['no coupon', null, 0],
  ];
  for (const [name, coupon, expected] of coupons) {
    it(`discount: ${name}`, () => {
      expect(couponDiscount(999, 'EUR', coupon)).to.equal(expected);
    });
  }

  it('computes totals of a parsed recorded session in minor units', () => {
    const session = parseSession({
      status: 'pending',
      items: [
        { amount: 2100.0, currency: 'EUR', quantity: 2, name: 'A', description: null },
        { amount: 999.0, currency: 'EUR', quantity: 1, name: 'B', description: null },
      ],
      coupon: { code: 'HALF', percent_off: 50 },
    });
    expect(sessionTotals(session)).to.deep.equal({
      currency: 'EUR',
      subtotal: 5199,
      discount: 2600,
      total: 2599,
      mixedCurrencies: false,
    });
  });
});
