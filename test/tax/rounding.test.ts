// The one rounding rule of taxes, in tables, plus properties over random amounts (fixed seed, printed).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fcParameters } from '../helpers/fast-check.js';
import { allocate, divideRounded, exclusiveTax, inclusiveNet, roundHalfAwayFromZero, taxableBase } from '../../src/tax/rounding.js';

const { seed: SEED, numRuns: RUNS } = fcParameters('tax rounding', 2000);

describe('half away from zero', () => {
  const cases: Array<[bigint, bigint, bigint]> = [
    [5n, 10n, 1n], // 0.5 → 1
    [-5n, 10n, -1n], // -0.5 → -1
    [15n, 10n, 2n],
    [25n, 10n, 3n], // not banker's rounding (which gives 2)
    [24n, 10n, 2n],
    [0n, 7n, 0n],
  ];
  for (const [n, d, expected] of cases) {
    test(`${n}/${d} → ${expected}`, () => assert.equal(divideRounded(n, d), expected));
  }
  test('plain numbers', () => {
    assert.deepEqual([0.5, -0.5, 2.5, -2.5, 2.4999].map(roundHalfAwayFromZero), [1, -1, 3, -3, 2]);
  });
});

describe('exclusive tax', () => {
  const cases: Array<[string, number, number, number, number]> = [
    ['10.00 at 21%', 1000, 21, 100, 210],
    ['0.05 at 10% (half a cent → 1)', 5, 10, 100, 1],
    ['0.04 at 10% (0.4 cent → 0)', 4, 10, 100, 0],
    ['19.99 at 9.975% (QST)', 1999, 9.975, 100, 199], // 199.40
    ['100.00 at 6.25% on 80% (Texas SaaS)', 10000, 6.25, 80, 500],
    ['1999 JPY at 10%', 1999, 10, 100, 200], // 199.9
    ['12.345 KWD at 5%', 12345, 5, 100, 617], // 617.25
    ['anything at 0%', 123456, 0, 100, 0],
    ['255.00 at 25.5% (Finland)', 25500, 25.5, 100, 6503], // 6502.5 → away from zero
  ];
  for (const [label, amount, rate, part, expected] of cases) {
    test(label, () => assert.equal(exclusiveTax(amount, rate, part), expected));
  }
  test('taxable base of 80%', () => assert.equal(taxableBase(10001, 80), 8001));
});

describe('inclusive back-calculation', () => {
  const cases: Array<[string, number, number[], number]> = [
    ['10.00 EUR at 5.5% → 9.48 + 0.52', 1000, [5.5], 948],
    ['12.10 at 21% → 10.00 + 2.10', 1210, [21], 1000],
    ['11.498 at GST 5% + QST 9.975% (stacked)', 11498, [5, 9.975], 10000],
    ['1100 JPY at 10% → 1000 + 100', 1100, [10], 1000],
    ['0% keeps everything', 999, [0], 999],
  ];
  for (const [label, gross, rates, net] of cases) {
    test(label, () => assert.equal(inclusiveNet(gross, rates), net));
  }
});

describe('allocate', () => {
  const cases: Array<[number, number[], number[]]> = [
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [1000, 0], [10, 0]],
    [0, [5, 5], [0, 0]],
    [7, [0, 0], [0, 0]],
    [1, [2, 3], [0, 1]],
  ];
  for (const [whole, weights, expected] of cases) {
    test(`${whole} over ${weights.join(',')}`, () => assert.deepEqual(allocate(whole, weights), expected));
  }
});

describe(`properties (FC_SEED=${SEED}, FC_RUNS=${RUNS})`, () => {
  const amount = fc.integer({ min: 0, max: 10 ** 12 });
  const rate = fc.integer({ min: 0, max: 300_000 }).map((n) => n / 10_000); // 0 … 30%, 4 decimals

  test('inclusive: net + tax = gross, and re-adding the tax to the net lands within a unit of the gross', () => {
    fc.assert(
      fc.property(amount, rate, (gross, r) => {
        const net = inclusiveNet(gross, [r]);
        assert.ok(net <= gross && net >= 0);
        assert.ok(Math.abs(net + exclusiveTax(net, r) - gross) <= 1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('allocate sums exactly and never gives a share beyond its weight', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 8 }), (weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const whole = Math.floor(total / 3);
        const shares = allocate(whole, weights);
        assert.equal(shares.reduce((a, b) => a + b, 0), total === 0 ? 0 : whole);
        shares.forEach((s, i) => assert.ok(s >= 0 && s <= weights[i]!));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
