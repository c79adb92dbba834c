// The shared money-plausibility rules, in tables: the session schema, the sandbox and the element read these.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenAmounts, hasImplausibleAmounts, inexactAmounts, mixedCurrencies } from '../../src/session/amounts.js';

type Line = { amount: number; quantity: number; currency: string };
const line = (amount: number, quantity = 1, currency = 'EUR'): Line => ({ amount, quantity, currency });
const session = (items: Line[], coupon: { percent_off?: number; amount_off?: number } | null = null) => ({ items, coupon }) as never;

const MAX = Number.MAX_SAFE_INTEGER;
const cases: Array<[string, Line[], string[], string[]]> = [
  // name, items, paths of inexactAmounts, paths of mixedCurrencies
  ['an ordinary order', [line(2100), line(999, 3)], [], []],
  ['the largest exact line', [line(MAX)], [], []],
  ['a line beyond exact integers', [line(2 ** 52, 2)], ['items.0.amount'], []],
  ['the fast-check counterexample: 1e+308 × 2', [line(1e308, 2)], ['items.0.amount'], []],
  ['two exact lines whose sum is not', [line(MAX), line(1)], ['items'], []],
  ['a quantity of 0 on a huge amount', [line(1e300, 0)], [], []],
  ['a float amount the API rounds (2100.4)', [line(2100.4)], [], []],
  ['a USD line after EUR ones', [line(100), line(100), line(100, 1, 'USD')], [], ['items.2.currency']],
  ['a huge line in another currency still counts as inexact', [line(1), line(1e308, 2, 'USD')], ['items.1.amount'], ['items.1.currency']],
  ['no items', [], [], []],
];
for (const [name, items, inexact, mixed] of cases) {
  test(`amounts: ${name}`, () => {
    assert.deepEqual(inexactAmounts(session(items)).map((i) => i.path), inexact);
    assert.deepEqual(mixedCurrencies(session(items)).map((i) => i.path), mixed);
    assert.deepEqual(brokenAmounts(session(items)).map((i) => i.path), [...mixed, ...inexact]);
  });
}

test('mixed currencies name the expected currency', () => {
  assert.equal(mixedCurrencies(session([line(1, 1, 'SEK'), line(1, 1, 'EUR')]))[0]!.message, 'must be SEK, the currency of the first item');
});

const plausibility: Array<[string, string, Line[], boolean]> = [
  ['a sound pending order', 'pending', [line(2100)], false],
  ['a sound failed order', 'failed', [line(2100)], false],
  ['an empty pending order', 'pending', [], true],
  ['a pending order beyond exact integers', 'pending', [line(1e308, 2)], true],
  ['a negative total', 'pending', [line(-100)], true],
  ['a completed order beyond exact integers (past paying)', 'completed', [line(1e308, 2)], false],
  ['an abandoned empty order', 'abandoned', [], false],
];
for (const [name, status, items, implausible] of plausibility) {
  test(`hasImplausibleAmounts: ${name} → ${implausible}`, () => {
    assert.equal(hasImplausibleAmounts({ status, items, coupon: null } as never), implausible);
  });
}
