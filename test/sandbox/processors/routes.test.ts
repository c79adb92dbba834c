// One charge, exactly what the customer confirmed, on the processors' paths: the payment start creates the session's
// one open payment record, and the simulated Stripe and PayPal capture exactly that record or nothing. Each case is
// what a hostile customer can do with plain HTTP against the sandbox (a start, a PUT, a confirm or approve).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, eventually, publicPath, tokenOf, useSandbox } from '../harness.js';

type Json = Record<string, any>;

const CARD_OK = { number: '4242 4242 4242 4242', expiry: '12/39', cvc: '123' };
const ITEMS = [{ name: 'Plan', amount: 1000, currency: 'EUR' }];

/** The HTTP steps of a payment through the simulated processors, for one running sandbox. */
function steps(sandbox: ReturnType<typeof useSandbox>) {
  const base = () => sandbox().url;
  const frame = () => sandbox().frameUrl!;
  const steps = {
    async create(customer: Record<string, string> = {}, extra: Record<string, unknown> = {}): Promise<Json> {
      const body = { items: ITEMS, billing_details_collection: 'auto', coupon_collection: true, payment_methods: ['card', 'paypal'], customer, ...extra };
      const reply = await call(base(), '/api/checkout/sessions.json', { method: 'POST', body });
      assert.equal(reply.status, 201, reply.text);
      return reply.json;
    },
    read: async (session: Json): Promise<Json> => (await call(base(), publicPath(session))).json,
    /** The total the customer's Pay button shows: the session's `tax.total` as read now. */
    total: async (session: Json): Promise<number> => (await steps.read(session)).tax.total,
    put: (session: Json, body: unknown) => call(base(), publicPath(session), { method: 'PUT', body }),
    start: (session: Json, method: 'card' | 'paypal', total?: number) =>
      call(base(), publicPath(session, '/payment'), { method: 'POST', body: total === undefined ? { method } : { method, total } }),
    /** A start for the total the session shows now, which must succeed. */
    async started(session: Json, method: 'card' | 'paypal'): Promise<Json> {
      const reply = await steps.start(session, method, await steps.total(session));
      assert.equal(reply.status, 201, reply.text);
      return reply.json;
    },
    confirm: (clientSecret: string) =>
      call(frame(), `/doubles/stripe/v1/payment_intents/${clientSecret.split('_secret_')[0]}/confirm`, {
        method: 'POST',
        body: { client_secret: clientSecret, card: CARD_OK },
      }),
    approve: (orderId: string) => call(frame(), `/doubles/paypal/v2/checkout/orders/${orderId}/approve`, { method: 'POST' }),
    orders: async (session: Json): Promise<Json[]> =>
      (await call(base(), `/doubles/paypal/v2/checkout/orders?session=${tokenOf(session)}`)).json.orders,
    settled: (session: Json) => eventually(() => steps.read(session), (s) => s.status !== 'processing', 3000),
    async coupon(body: Record<string, unknown>): Promise<string> {
      const reply = await call(base(), '/api/checkout/coupons.json', { method: 'POST', body });
      assert.equal(reply.status, 201, reply.text);
      return reply.json.code;
    },
  };
  return steps;
}

/** The capture of an open payment, by processor: the Stripe double's confirm, or PayPal's approve. */
const capture = (s: ReturnType<typeof steps>, started: Json) =>
  started.processor === 'stripe' ? s.confirm(started.client_secret) : s.approve(started.order_id);

/** The double's refusal of a capture: Stripe 400 `payment_intent_unexpected_state`, PayPal 422 ORDER_NOT_APPROVABLE. */
function assertRefused(reply: { status: number; text: string; json: Json }, processor: 'stripe' | 'paypal') {
  if (processor === 'stripe') {
    assert.equal(reply.status, 400, reply.text);
    assert.equal(reply.json.error.code, 'payment_intent_unexpected_state');
  } else {
    assert.equal(reply.status, 422, reply.text);
    assert.match(reply.json.message, /ORDER_NOT_APPROVABLE/);
  }
}

describe('processor payments settle exactly the open payment record', () => {
  const sandbox = useSandbox({ processingDelayMs: 60 });
  const s = steps(sandbox);

  for (const method of ['card', 'paypal'] as const) {
    test(`${method}: start in DE, PUT the country HU, capture → refused, nothing recorded; a new start charges HU`, async () => {
      const session = await s.create({ billing_country: 'DE' });
      const started = await s.started(session, method);
      assert.equal(started.amount, 1190);
      assert.equal((await s.put(session, { customer: { billing_country: 'HU' } })).status, 200);
      assertRefused(await capture(s, started), started.processor);
      const after = await s.read(session);
      assert.deepEqual([after.status, after.charged], ['pending', undefined]);
      const again = await s.started(session, method);
      assert.equal(again.amount, 1270, 'the next start reflects the change');
      assert.notEqual(again.processor_id, started.processor_id);
      assert.equal((await capture(s, again)).status, 200);
      const done = await s.settled(session);
      assert.equal(done.status, 'completed');
      assert.deepEqual([done.charged.amount_cents, done.tax.total, done.customer.billing_country], [1270, 1270, 'HU']);
    });
  }

  test('a PUT that changes nothing the tax reads (the name, the email) leaves the payment open', async () => {
    const session = await s.create({ billing_country: 'DE' });
    const started = await s.started(session, 'card');
    assert.equal((await s.put(session, { customer: { first_name: 'Ada', email: 'ada@example.com' } })).status, 200);
    assert.equal((await s.confirm(started.client_secret)).status, 200);
    const done = await s.settled(session);
    assert.deepEqual([done.status, done.charged.amount_cents], ['completed', 1190]);
  });

  test('the merchant’s private update of the items voids the open payment too; the next start charges the new items', async () => {
    const session = await s.create({ billing_country: 'DE' });
    const started = await s.started(session, 'paypal');
    const items = [{ name: 'Plan', amount: 2000, currency: 'EUR' }];
    const updated = await call(sandbox().url, `/api/checkout/sessions/${session.id}.json`, { method: 'PUT', body: { items } });
    assert.equal(updated.status, 200, updated.text);
    assertRefused(await s.approve(started.order_id), 'paypal');
    assert.equal((await s.started(session, 'paypal')).amount, 2380);
  });

  test('reverse charge: start at 1000, PUT tax_id null, confirm → refused; no taxable sale recorded uncollected', async () => {
    const session = await s.create({ billing_country: 'DE', tax_id: 'DE136695976' });
    const started = await s.started(session, 'card');
    assert.equal(started.amount, 1000);
    assert.equal((await s.put(session, { customer: { tax_id: null } })).status, 200);
    assertRefused(await s.confirm(started.client_secret), 'stripe');
    const after = await s.read(session);
    assert.deepEqual([after.status, after.charged, after.tax.total], ['pending', undefined, 1190]);
  });

  test('a coupon with max_redemptions 1 on 5 sessions, each start + confirm: one capture, times_redeemed 1', async () => {
    const code = await s.coupon({ code: `ONCE${Date.now()}`, percent_off: 50, max_redemptions: 1 });
    const sessions = await Promise.all(Array.from({ length: 5 }, () => s.create({ billing_country: 'DE' })));
    for (const session of sessions) assert.equal((await s.put(session, { coupon: code })).status, 200);
    const captures: number[] = [];
    for (const session of sessions) {
      const reply = await s.start(session, 'card', await s.total(session));
      if (reply.status !== 201) {
        assert.equal(reply.status, 422, reply.text);
        assert.deepEqual([reply.json.code, reply.json.field_codes.coupon], ['payment_total_changed', 'coupon_used_up']);
        continue;
      }
      const confirmed = await s.confirm(reply.json.client_secret);
      if (confirmed.status === 200) captures.push(reply.json.amount);
    }
    assert.deepEqual(captures, [595]);
    await Promise.all(sessions.map((session) => s.settled(session)));
    const coupon = (await call(sandbox().url, `/api/checkout/coupons/${code}.json`)).json;
    assert.equal(coupon.times_redeemed, 1);
  });

  test('a 90 % coupon applied, then deleted: the start refuses it as pay.json does, and charges the full total', async () => {
    const code = await s.coupon({ code: `NINETY${Date.now()}`, percent_off: 90 });
    const session = await s.create({ billing_country: 'DE' });
    assert.equal((await s.put(session, { coupon: code })).status, 200);
    const seen = await s.total(session);
    assert.equal(seen, 119);
    assert.equal((await call(sandbox().url, `/api/checkout/coupons/${code}.json`, { method: 'DELETE' })).status, 204);
    const refused = await s.start(session, 'paypal', seen);
    assert.equal(refused.status, 422, refused.text);
    assert.deepEqual([refused.json.code, refused.json.field_codes.coupon], ['payment_total_changed', 'coupon_unknown']);
    assert.equal((await s.read(session)).coupon, undefined, 'the coupon is dropped, the total is the full one');
    const again = await s.start(session, 'card', seen);
    assert.deepEqual([again.status, again.json.field_codes.total], [422, 'payment_total_changed'], 'the old total is refused');
    assert.deepEqual(await s.orders(session), [], 'no order was created');
    const full = await s.started(session, 'card');
    assert.equal(full.amount, 1190);
  });

  test('one session, a card start and two PayPal starts: only the last is open; one capture; double approve is idempotent', async () => {
    const session = await s.create({ billing_country: 'DE' });
    const card = await s.started(session, 'card');
    const orderA = await s.started(session, 'paypal');
    const orderB = await s.started(session, 'paypal');
    assertRefused(await s.approve(orderA.order_id), 'paypal');
    assert.equal((await s.approve(orderB.order_id)).status, 200);
    assertRefused(await s.approve(orderB.order_id), 'paypal');
    assertRefused(await s.confirm(card.client_secret), 'stripe');
    const done = await s.settled(session);
    assert.deepEqual([done.status, done.processor_id, done.charged.amount_cents], ['completed', orderB.order_id, 1190]);
    const orders = await s.orders(session);
    assert.deepEqual(orders.map((order) => order.status), ['VOIDED', 'COMPLETED']);
  });

  test('a session completed by pay.json refuses a later confirm of its card start', async () => {
    const session = await s.create({ billing_country: 'DE' });
    const card = await s.started(session, 'card');
    const total = await s.total(session);
    const paid = await call(sandbox().url, publicPath(session, '/pay'), { method: 'POST', body: { method: 'card', card_number: CARD_OK.number, total } });
    assert.equal(paid.status, 202, paid.text);
    assert.equal((await s.settled(session)).status, 'completed');
    assertRefused(await s.confirm(card.client_secret), 'stripe');
    const done = await s.read(session);
    assert.deepEqual([done.status, done.processor_id, done.charged.amount_cents], ['completed', paid.json.processor_id, 1190]);
  });

  test('the confirmed total is required: a start or pay without it, or with another one, is refused and starts nothing', async () => {
    const session = await s.create({ billing_country: 'DE' });
    for (const method of ['card', 'paypal'] as const) {
      const missing = await s.start(session, method);
      assert.equal(missing.status, 422, missing.text);
      assert.deepEqual([missing.json.code, Object.keys(missing.json.errors)], ['field_invalid', ['total']]);
      const other = await s.start(session, method, 999);
      assert.equal(other.status, 422, other.text);
      assert.deepEqual([other.json.code, other.json.field_codes.total], ['payment_total_changed', 'payment_total_changed']);
    }
    const pay = await call(sandbox().url, publicPath(session, '/pay'), { method: 'POST', body: { method: 'card', card_number: CARD_OK.number } });
    assert.equal(pay.status, 422, pay.text);
    assert.deepEqual([pay.json.code, Object.keys(pay.json.errors)], ['field_invalid', ['total']]);
    const after = await s.read(session);
    assert.deepEqual([after.status, after.processor_id], ['pending', undefined]);
    assert.deepEqual(await s.orders(session), []);
  });
});

describe('processor payments: a coupon reserved by a start is released when its payment fails or expires', () => {
  // why a short abandonment: the open payment of a session left alone expires with it, and frees its coupon.
  const sandbox = useSandbox({ processingDelayMs: 60, abandonAfterMs: 1500 });
  const s = steps(sandbox);
  const DECLINED = { number: '4000 0000 0000 0002', expiry: '12/39', cvc: '123' };

  test('a decline frees the redemption; an abandoned session’s open payment frees it too', async () => {
    const code = await s.coupon({ code: `HOLD${Date.now()}`, percent_off: 50, max_redemptions: 1 });
    const [a, b] = [await s.create({ billing_country: 'DE' }), await s.create({ billing_country: 'DE' })];
    for (const session of [a, b]) assert.equal((await s.put(session, { coupon: code })).status, 200);
    const held = await s.started(a, 'card');
    const blocked = await s.start(b, 'card', await s.total(b));
    assert.deepEqual([blocked.status, blocked.json.field_codes?.coupon], [422, 'coupon_used_up'], 'a holds the only redemption');
    const declined = await call(sandbox().frameUrl!, `/doubles/stripe/v1/payment_intents/${held.processor_id}/confirm`, {
      method: 'POST',
      body: { client_secret: held.client_secret, card: DECLINED },
    });
    assert.equal(declined.status, 402);
    assert.equal((await s.read(a)).status, 'failed');
    const c = await s.create({ billing_country: 'DE' });
    assert.equal((await s.put(c, { coupon: code })).status, 200, 'the decline freed it');
    await s.started(c, 'card');
    const e = await s.create({ billing_country: 'DE' });
    const refused = await s.put(e, { coupon: code });
    assert.deepEqual([refused.status, refused.json.field_codes?.coupon], [422, 'coupon_used_up'], 'c holds it now');
    const abandoned = await eventually(() => s.read(c), (session) => session.status === 'abandoned', 6000);
    assert.equal(abandoned.status, 'abandoned');
    const d = await s.create({ billing_country: 'DE' });
    assert.equal((await s.put(d, { coupon: code })).status, 200, 'the expired payment freed it');
  });
});

describe('processor payments: a domestic sale that needs the tax ID', () => {
  const sandbox = useSandbox({ processingDelayMs: 60, tax: { home_country: 'ES' } });
  const s = steps(sandbox);

  test('ES with a tax ID: start, PUT tax_id null, confirm → refused; a new start asks for the tax ID', async () => {
    const session = await s.create({ billing_country: 'ES', billing_postal_code: '28001', tax_id: 'ESB58378431' });
    const started = await s.started(session, 'card');
    assert.equal((await s.put(session, { customer: { tax_id: null } })).status, 200);
    assertRefused(await s.confirm(started.client_secret), 'stripe');
    assert.equal((await s.read(session)).status, 'pending');
    const again = await s.start(session, 'card', await s.total(session));
    assert.equal(again.status, 422, again.text);
    assert.equal(again.json.field_codes.tax_id, 'tax_id_required');
  });
});
