// The element's refusal of sessions it must not show or pay: the shared money rule (src/session/amounts.ts) plus
// the element's own (unsafe return URLs; an empty order or a negative total only while payable).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenSession, canReopen, isPayable, savesEdits } from '../../../src/checkout/model/session-checks.js';
import type { CheckoutSession } from '../../../src/session/schema.js';

const item = (amount: number, quantity = 1, currency = 'EUR') => ({ name: 'A', description: null, amount, currency, quantity });
const session = (overrides: object) => ({ status: 'pending', items: [item(2100)], coupon: null, success_url: 'https://shop.example/ok', cancel_url: null, ...overrides }) as unknown as CheckoutSession;

const cases: Array<[name: string, overrides: object, code: string | undefined]> = [
  ['a sound pending session', {}, undefined],
  ['a javascript: success_url', { success_url: 'javascript:alert(1)' }, 'unsafe_url'],
  ['an unsafe cancel_url, even completed', { status: 'completed', cancel_url: 'data:text/html,x' }, 'unsafe_url'],
  ['an empty pending order', { items: [] }, 'bad_response'],
  ['an empty completed order (past paying)', { status: 'completed', items: [] }, undefined],
  ['a line beyond exact integers', { items: [item(1e308, 2)] }, 'bad_response'],
  ['a negative total', { items: [item(-100)] }, 'bad_response'],
  ['a failed order with a negative total (payable again)', { status: 'failed', items: [item(-100)] }, 'bad_response'],
  ['mixed currencies', { items: [item(100), item(100, 1, 'USD')] }, 'mixed_currencies'],
  ['mixed currencies, completed', { status: 'completed', items: [item(100), item(100, 1, 'USD')] }, 'mixed_currencies'],
];
for (const [name, overrides, code] of cases) {
  test(`brokenSession: ${name} → ${code ?? 'sound'}`, () => {
    assert.equal(brokenSession(session(overrides))?.code, code);
  });
}

test('isPayable: pending and failed only', () => {
  const payable = ['pending', 'processing', 'completed', 'failed', 'abandoned'].filter((status) => isPayable(session({ status })));
  assert.deepEqual(payable, ['pending', 'failed']);
});

test('savesEdits: pending, or failed where the server reopens it (retry); canReopen only the latter', () => {
  const rows: Array<[status: string, capabilities: string[] | undefined, saves: boolean, reopens: boolean]> = [
    ['pending', ['update', 'pay'], true, false],
    ['failed', ['update', 'pay', 'retry'], true, true],
    // why: the merchant handler cannot reopen a failed session (Quaderno's API updates pending ones only).
    ['failed', ['update', 'pay'], false, false],
    // why: a server that sends no list is older than `retry` (protocol 1.1).
    ['failed', undefined, false, false],
    ['processing', ['update', 'pay', 'retry'], false, false],
    ['completed', ['update', 'pay', 'retry'], false, false],
  ];
  for (const [status, capabilities, saves, reopens] of rows) {
    const s = session({ status, capabilities });
    assert.equal(savesEdits(s), saves, `${status} ${capabilities?.join(',') ?? '(no list)'} saves`);
    assert.equal(canReopen(s), reopens, `${status} ${capabilities?.join(',') ?? '(no list)'} reopens`);
  }
});
