import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSession, parseSessionList, SessionParseError } from '../../src/session/schema.js';
import { createSessionSchema, publicUpdateSchema } from '../../src/session/requests.js';
import { sessionTotals } from '../../src/session/money.js';
import { recordedInteractions, recordedSessionList, seedExamples } from '../helpers/fixtures.js';

test('every session in the seed document parses', () => {
  const sessions = seedExamples().flatMap((example) => (Array.isArray(example) ? example : [example]));
  assert.equal(sessions.length, 4);
  for (const raw of sessions) {
    const session = parseSession(raw);
    assert.ok(session.items.length > 0);
  }
});

test("the seed's third example keeps the last of its duplicated success_url", () => {
  const [list] = seedExamples() as [Array<Record<string, unknown>>];
  assert.equal(parseSession(list[2]).success_url, 'http://success.com');
});

test('all 21 recorded sessions parse, keeping metadata and unknown fields', () => {
  const raw = recordedSessionList() as Array<Record<string, unknown>>;
  const sessions = parseSessionList(raw);
  assert.equal(sessions.length, 21);
  for (const session of sessions) {
    assert.deepEqual(session.metadata, {});
    assert.ok('business_number' in session.customer);
  }
  const extra = parseSession({ ...raw[0], brand_new_field: { nested: true } });
  assert.deepEqual((extra as Record<string, unknown>).brand_new_field, { nested: true });
});

test('every checkout-session JSON body in the recorded traffic parses', () => {
  let count = 0;
  // why: the tax cassettes (validate_*.yml) answer tax rates and tax IDs, not sessions; test/sandbox/tax-replay covers them.
  for (const interaction of recordedInteractions().filter((i) => i.uri.includes('/checkout/sessions'))) {
    if (!interaction.responseBody) continue;
    const body = JSON.parse(interaction.responseBody);
    if (Array.isArray(body)) parseSessionList(body);
    else parseSession(body);
    count++;
  }
  assert.ok(count >= 10, `parsed ${count} bodies`);
});

test('the recorded product with unit cost 21.00 is 2100 minor units', () => {
  const created = recordedInteractions().find((i) => i.method === 'POST' && i.status === 201)!;
  const session = parseSession(JSON.parse(created.responseBody));
  assert.equal(sessionTotals(session).total, 2100);
});

const base = recordedSessionList()[20] as Record<string, unknown>;
const broken: Array<[string, Record<string, unknown>, string]> = [
  ['an unknown status', { ...base, status: 'paid' }, 'status'],
  ['a non-numeric amount', { ...base, items: [{ name: 'x', currency: 'EUR', amount: 'ten' }] }, 'items.0.amount'],
  ['a missing amount', { ...base, items: [{ name: 'x', currency: 'EUR' }] }, 'items.0.amount'],
  ['items that are not an array', { ...base, items: { 0: {} } }, 'items'],
  ['a missing currency', { ...base, items: [{ name: 'x', amount: 100 }] }, 'items.0.currency'],
  ['a negative quantity', { ...base, items: [{ name: 'x', amount: 1, currency: 'EUR', quantity: -1 }] }, 'items.0.quantity'],
  ['a missing status', { ...base, status: undefined }, 'status'],
  // why: the counterexample fast-check found (seed 1415647537): each field is finite, the line total is Infinity.
  ['a line total that overflows (amount 1e+308 × quantity 2)', { ...base, items: [{ name: 'x', currency: 'EUR', amount: 1e308, quantity: 2 }] }, 'items.0.amount'],
  ['a line total beyond exact integers (2^53)', { ...base, items: [{ name: 'x', currency: 'EUR', amount: 2 ** 52, quantity: 2 }] }, 'items.0.amount'],
  ['a session total beyond exact integers (two safe lines)', { ...base, items: [0, 1].map(() => ({ name: 'x', currency: 'EUR', amount: Number.MAX_SAFE_INTEGER })) }, 'items'],
];
for (const [name, raw, path] of broken) {
  test(`rejects ${name}, naming the path ${path}`, () => {
    assert.throws(
      () => parseSession(raw),
      (error: unknown) => error instanceof SessionParseError && error.path === path && error.message.includes(path),
    );
  });
}

test('rejects a list that is not an array, and names the index of a broken entry', () => {
  assert.throws(() => parseSessionList({}), SessionParseError);
  assert.throws(
    () => parseSessionList([base, { ...base, status: 'nope' }]),
    (error: unknown) => error instanceof SessionParseError && error.path === '1.status',
  );
});

const tolerated: Array<[string, Record<string, unknown>, (s: ReturnType<typeof parseSession>) => void]> = [
  ['a null description', { ...base }, (s) => assert.equal(s.items[0]!.description, null)],
  ['a missing billing mode defaults to required', { ...base, billing_details_collection: undefined }, (s) => assert.equal(s.billing_details_collection, 'required')],
  ['an unknown locale falls back to auto', { ...base, locale: 'pt' }, (s) => assert.equal(s.locale, 'auto')],
  ['a null locale falls back to auto', { ...base, locale: null }, (s) => assert.equal(s.locale, 'auto')],
  ['a missing locale key falls back to auto', Object.fromEntries(Object.entries(base).filter(([key]) => key !== 'locale')), (s) => assert.equal(s.locale, 'auto')],
  ['a known locale is kept', { ...base, locale: 'hu' }, (s) => assert.equal(s.locale, 'hu')],
  ['an unknown payment method is dropped', { ...base, payment_methods: ['card', 'bitcoin'] }, (s) => assert.deepEqual(s.payment_methods, ['card'])],
  ['a null customer', { ...base, customer: null }, (s) => assert.deepEqual(s.customer, {})],
  ['a numeric-string amount', { ...base, items: [{ name: 'x', currency: 'eur', amount: '2100.0' }] }, (s) => {
    assert.equal(s.items[0]!.amount, 2100);
    assert.equal(s.items[0]!.currency, 'EUR');
    assert.equal(s.items[0]!.quantity, 1);
  }],
  ['processor fields', { ...base, processor: 'stripe', processor_id: 'ch_1' }, (s) => assert.equal(s.processor, 'stripe')],
  ['the largest exact line total', { ...base, items: [{ name: 'x', currency: 'EUR', amount: Number.MAX_SAFE_INTEGER }] }, (s) => {
    assert.equal(sessionTotals(s).total, Number.MAX_SAFE_INTEGER);
  }],
  // why: the schema leaves mixed currencies to the element, which names them (`mixed_currencies`) instead of a parse error.
  ['mixed currencies', { ...base, items: [{ name: 'a', currency: 'EUR', amount: 1 }, { name: 'b', currency: 'USD', amount: 1 }] }, (s) => {
    assert.equal(sessionTotals(s).mixedCurrencies, true);
  }],
];
for (const [name, raw, check] of tolerated) {
  test(`tolerates ${name}`, () => check(parseSession(raw)));
}

test('the create body takes a product code alone or full item details', () => {
  assert.ok(createSessionSchema.safeParse({ items: [{ product: '000000' }] }).success);
  assert.ok(createSessionSchema.safeParse({ items: [{ name: 'X', amount: 100, currency: 'EUR' }] }).success);
  assert.ok(!createSessionSchema.safeParse({ items: [] }).success);
  assert.ok(!createSessionSchema.safeParse({ items: [{ product: '1' }], success_url: 'javascript:alert(1)' }).success);
});

test('the public update body allows only customer fields and a coupon', () => {
  assert.ok(publicUpdateSchema.safeParse({ customer: { email: 'a@b.co' }, coupon: 'X' }).success);
  for (const key of ['items', 'status', 'success_url', 'payment_methods', 'id']) {
    assert.ok(!publicUpdateSchema.safeParse({ [key]: 1 }).success, key);
  }
});
