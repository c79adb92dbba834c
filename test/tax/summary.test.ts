// computeTaxSummary in tables: currencies, quantities, inclusive prices, coupons before tax, stacked and zero rates.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeTaxSummary, type TaxableItem } from '../../src/tax/summary.js';
import type { TaxRate, TaxStatus } from '../../src/tax/types.js';

const rate = (name: string, percent: number, extra: Partial<TaxRate> = {}): TaxRate => ({
  name,
  rate: percent,
  extra_name: null,
  extra_rate: null,
  taxable_part: 100,
  status: 'taxable',
  notes: null,
  ...extra,
});
const item = (amount: number, quantity = 1, extra: Partial<TaxableItem> = {}): TaxableItem => ({
  amount,
  quantity,
  currency: 'EUR',
  tax_code: 'standard',
  behavior: 'exclusive',
  ...extra,
});

interface Case {
  label: string;
  items: TaxableItem[];
  rates: Record<string, TaxRate>;
  coupon?: { percent_off?: number; amount_off?: number; currency?: string };
  expect: { subtotal: number; discount: number; tax: number; total: number; status?: TaxStatus; amounts?: number[] };
}

const IVA = rate('IVA', 21);
const cases: Case[] = [
  { label: 'one EUR item at 21%', items: [item(1000)], rates: { standard: IVA }, expect: { subtotal: 1000, discount: 0, tax: 210, total: 1210 } },
  {
    label: 'quantity 3 is taxed on the line, not per unit (3 × 0.99 at 21%)',
    items: [item(99, 3)],
    rates: { standard: IVA },
    // 297 × 21% = 62.37 → 62; per unit it would be 3 × 21 = 63.
    expect: { subtotal: 297, discount: 0, tax: 62, total: 359 },
  },
  {
    label: 'JPY: 0 decimals',
    items: [item(1999, 2, { currency: 'JPY' })],
    rates: { standard: rate('消費税', 10) },
    expect: { subtotal: 3998, discount: 0, tax: 400, total: 4398 },
  },
  {
    label: 'KWD: 3 decimals',
    items: [item(12345, 1, { currency: 'KWD' })],
    rates: { standard: rate('VAT', 5) },
    expect: { subtotal: 12345, discount: 0, tax: 617, total: 12962 },
  },
  {
    label: 'inclusive: 10.00 EUR at 5.5% is 9.48 + 0.52, and the total stays 10.00',
    items: [item(1000, 1, { tax_code: 'ebook', behavior: 'inclusive' })],
    rates: { ebook: rate('TVA', 5.5) },
    expect: { subtotal: 1000, discount: 0, tax: 52, total: 1000, amounts: [52] },
  },
  {
    label: 'a 10% coupon comes off before tax',
    items: [item(10000)],
    rates: { standard: IVA },
    coupon: { percent_off: 10 },
    expect: { subtotal: 10000, discount: 1000, tax: 1890, total: 10890 },
  },
  {
    label: 'a 5.00 coupon is shared between two rates in proportion to the prices',
    items: [item(1500), item(500, 1, { tax_code: 'ebook' })],
    rates: { standard: IVA, ebook: rate('IVA', 4) },
    coupon: { amount_off: 500, currency: 'EUR' },
    // shares 375 / 125 → bases 1125 and 375 → 236.25 → 236 and 15
    expect: { subtotal: 2000, discount: 500, tax: 251, total: 1751, amounts: [236, 15] },
  },
  {
    label: 'a coupon on an inclusive price lowers the tax inside it',
    items: [item(1210, 1, { behavior: 'inclusive' })],
    rates: { standard: IVA },
    coupon: { percent_off: 50 },
    expect: { subtotal: 1210, discount: 605, tax: 105, total: 605 },
  },
  {
    label: 'stacked Canadian taxes: GST 5% + QST 9.975%, each rounded',
    items: [item(1999, 1, { currency: 'CAD' })],
    rates: { standard: rate('GST', 5, { extra_name: 'QST', extra_rate: 9.975 }) },
    // 99.95 → 100 and 199.40 → 199
    expect: { subtotal: 1999, discount: 0, tax: 299, total: 2298 },
  },
  {
    label: 'Texas SaaS: 6.25% on 80%',
    items: [item(10000, 1, { currency: 'USD', tax_code: 'saas' })],
    rates: { saas: rate('Sales tax', 6.25, { taxable_part: 80 }) },
    expect: { subtotal: 10000, discount: 0, tax: 500, total: 10500 },
  },
  {
    label: '0% non-taxable keeps a line with no tax',
    items: [item(1000, 2)],
    rates: { standard: rate('VAT', 0, { status: 'non_taxable' }) },
    expect: { subtotal: 2000, discount: 0, tax: 0, total: 2000, status: 'non_taxable', amounts: [0] },
  },
  {
    label: 'reverse charge: rate 0 and the note',
    items: [item(5000)],
    rates: { standard: rate('VAT', 0, { status: 'reverse_charge', notes: 'Reverse charge' }) },
    expect: { subtotal: 5000, discount: 0, tax: 0, total: 5000, status: 'reverse_charge', amounts: [0] },
  },
  {
    label: 'a taxable line decides the status over a non-taxable one',
    items: [item(1000), item(1000, 1, { tax_code: 'consulting' })],
    rates: { standard: rate('Sales tax', 6.25), consulting: rate('Sales tax', 0, { status: 'non_taxable' }) },
    expect: { subtotal: 2000, discount: 0, tax: 63, total: 2063, status: 'taxable', amounts: [63, 0] },
  },
  {
    label: 'an item with no known rate stays untaxed',
    items: [item(1000)],
    rates: {},
    expect: { subtotal: 1000, discount: 0, tax: 0, total: 1000, status: 'non_taxable', amounts: [] },
  },
];

describe('computeTaxSummary', () => {
  for (const c of cases) {
    test(c.label, () => {
      const summary = computeTaxSummary({ items: c.items, rates: c.rates, coupon: c.coupon as never });
      const { subtotal, discount, tax, total } = summary;
      assert.deepEqual({ subtotal, discount, tax, total }, { subtotal: c.expect.subtotal, discount: c.expect.discount, tax: c.expect.tax, total: c.expect.total });
      if (c.expect.status) assert.equal(summary.status, c.expect.status);
      if (c.expect.amounts) assert.deepEqual(summary.lines.map((l) => l.amount), c.expect.amounts);
      for (const n of [summary.subtotal, summary.discount, summary.tax, summary.total, ...summary.lines.map((l) => l.amount)]) {
        assert.ok(Number.isSafeInteger(n), `${n} is an integer`);
      }
    });
  }

  test('one line per rate: two items at 21% are one line rounded once', () => {
    const summary = computeTaxSummary({ items: [item(5), item(5)], rates: { standard: IVA } });
    // 0.05 + 0.05 at 21% = 2.1 cents → 2; rounding per item would give 1 + 1.
    assert.equal(summary.lines.length, 1);
    assert.equal(summary.lines[0]!.taxable_amount, 10);
    assert.equal(summary.tax, 2);
  });

  test('the line carries the rate, names, behaviour, status and notes; needs and tax_id pass through', () => {
    const summary = computeTaxSummary({
      items: [item(1000, 1, { currency: 'CAD' })],
      rates: { standard: rate('GST', 5, { extra_name: 'PST', extra_rate: 7 }) },
      needs: [],
      tax_id: { valid: null },
    });
    assert.deepEqual(summary, {
      currency: 'CAD',
      subtotal: 1000,
      discount: 0,
      tax: 120,
      total: 1120,
      lines: [{ name: 'GST', rate: 5, extra_name: 'PST', extra_rate: 7, taxable_amount: 1000, amount: 120, behavior: 'exclusive', status: 'taxable', notes: null }],
      status: 'taxable',
      needs: [],
      tax_id: { valid: null },
    });
  });

  test('items in another currency than the first are left out', () => {
    const summary = computeTaxSummary({ items: [item(1000), item(1000, 1, { currency: 'USD' })], rates: { standard: IVA } });
    assert.deepEqual([summary.currency, summary.subtotal, summary.total], ['EUR', 1000, 1210]);
  });
});
