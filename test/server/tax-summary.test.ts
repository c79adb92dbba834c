// summarize(): a Quaderno calculate answer through src/tax's computeTaxSummary, in a table. The arithmetic is src/tax's
// (tested there); these cases hold what the handler adds: every item under the one answer, exclusive unless the
// answer says inclusive, a status or part Quaderno leaves out read safely, integer minor units out.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rateOf, summarize, type RateAnswer, type SummaryItem } from '../../src/server/tax-summary.js';
import type { Coupon } from '../../src/session/schema.js';

const item = (amount: number, currency = 'EUR', quantity = 1): SummaryItem => ({ amount, currency, quantity });
const rate = (percent: number, extra: Partial<RateAnswer> = {}): RateAnswer => ({ name: 'VAT', rate: percent, status: 'taxable', ...extra });
const coupon = (c: Partial<Coupon>): Coupon => ({ code: 'C', name: null, ...c }) as Coupon;

const CASES: Array<{ name: string; items: SummaryItem[]; coupon?: Coupon; rate?: RateAnswer; expect: { subtotal: number; discount: number; tax: number; total: number; taxable?: number } }> = [
  { name: 'EUR 21 % exclusive', items: [item(999)], rate: rate(21), expect: { subtotal: 999, discount: 0, tax: 210, total: 1209 } },
  { name: 'half a cent rounds away from zero', items: [item(50)], rate: rate(1), expect: { subtotal: 50, discount: 0, tax: 1, total: 51 } },
  { name: 'just under half rounds down', items: [item(49)], rate: rate(1), expect: { subtotal: 49, discount: 0, tax: 0, total: 49 } },
  { name: 'JPY, no decimals', items: [item(1234, 'JPY')], rate: rate(10), expect: { subtotal: 1234, discount: 0, tax: 123, total: 1357 } },
  { name: 'KWD, three decimals', items: [item(12345, 'KWD')], rate: rate(5), expect: { subtotal: 12345, discount: 0, tax: 617, total: 12962 } },
  { name: 'quantity above 1', items: [item(999, 'EUR', 3)], rate: rate(21), expect: { subtotal: 2997, discount: 0, tax: 629, total: 3626 } },
  { name: 'inclusive when Quaderno says so: 10.00 at 5.5 % is 9.48 + 0.52', items: [item(1000)], rate: rate(5.5, { tax_behavior: 'inclusive' }), expect: { subtotal: 1000, discount: 0, tax: 52, total: 1000, taxable: 948 } },
  { name: 'exclusive when Quaderno says nothing', items: [item(1000)], rate: rate(5.5, { tax_behavior: null }), expect: { subtotal: 1000, discount: 0, tax: 55, total: 1055 } },
  { name: 'a coupon before tax', items: [item(2000)], coupon: coupon({ percent_off: 10 }), rate: rate(21), expect: { subtotal: 2000, discount: 200, tax: 378, total: 2178 } },
  { name: 'stacked Canadian taxes (GST 5 + QST 9.975)', items: [item(10000, 'CAD')], rate: rate(5, { name: 'GST', extra_name: 'QST', extra_rate: 9.975 }), expect: { subtotal: 10000, discount: 0, tax: 1498, total: 11498 } },
  { name: '0 %', items: [item(999)], rate: rate(0, { status: 'not_registered' }), expect: { subtotal: 999, discount: 0, tax: 0, total: 999 } },
  { name: 'reverse charge', items: [item(999)], rate: rate(0, { status: 'reverse_charge', notes: 'Reverse charge' }), expect: { subtotal: 999, discount: 0, tax: 0, total: 999 } },
  { name: 'Texas: 80 % of SaaS taxed at 6.25 %', items: [item(10000, 'USD')], rate: rate(6.25, { taxable_part: 80 }), expect: { subtotal: 10000, discount: 0, tax: 500, total: 10500, taxable: 8000 } },
  { name: 'a fixed coupon spread over two lines', items: [item(1000), item(3000)], coupon: coupon({ amount_off: 1000, currency: 'EUR' }), rate: rate(20), expect: { subtotal: 4000, discount: 1000, tax: 600, total: 3600 } },
  { name: 'no rate yet (missing inputs)', items: [item(999)], expect: { subtotal: 999, discount: 0, tax: 0, total: 999 } },
];

describe('summarize (the handler on src/tax)', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const summary = summarize(c.items, c.coupon, c.rate);
      const { subtotal, discount, tax, total } = summary;
      assert.deepEqual({ subtotal, discount, tax, total }, { subtotal: c.expect.subtotal, discount: c.expect.discount, tax: c.expect.tax, total: c.expect.total });
      if (c.expect.taxable !== undefined) assert.equal(summary.lines[0]!.taxable_amount, c.expect.taxable);
      for (const value of [subtotal, discount, tax, total, ...summary.lines.flatMap((l) => [l.amount, l.taxable_amount])]) {
        assert.ok(Number.isSafeInteger(value), `${value} is an integer`);
      }
    });
  }

  test('every item is taxed under the one answer, in one line; the status and notes come from it', () => {
    const summary = summarize([item(100), item(200)], null, rate(0, { status: 'reverse_charge', notes: 'n' }));
    assert.equal(summary.lines.length, 1);
    assert.deepEqual([summary.status, summary.lines[0]!.notes, summary.lines[0]!.taxable_amount], ['reverse_charge', 'n', 300]);
  });

  test('needs and the tax ID check ride along', () => {
    const summary = summarize([item(100)], null, undefined, { needs: ['postal_code'], tax_id: { valid: null } });
    assert.deepEqual([summary.needs, summary.tax_id, summary.lines], [['postal_code'], { valid: null }, []]);
  });

  test('rateOf: what Quaderno leaves out or adds later reads safely', () => {
    assert.deepEqual(rateOf({ rate: 7.7, status: 'some_new_status', name: null }), {
      name: '', rate: 7.7, extra_name: null, extra_rate: null, taxable_part: 100, status: 'taxable', notes: null,
    });
  });
});

describe('summarize: tax_id_required', () => {
  test('passed through when the handler knows it, and left out when it does not (the seller country is unknown)', () => {
    assert.equal(summarize([item(1000)], null, rate(21), { tax_id_required: true }).tax_id_required, true);
    assert.equal(summarize([item(1000)], null, rate(21), { tax_id_required: false }).tax_id_required, false);
    assert.equal('tax_id_required' in summarize([item(1000)], null, rate(21)), false);
  });
});
