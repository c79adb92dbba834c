import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sessionTotals } from '../../src/session/money.js';
import { assertCouponRefused, assertNotPending } from './refusals.js';
import { assertSession, call, eventually, payShown, publicPath, RECORDED_CREATE, sleep, useSandbox } from './harness.js';

const CARD_OK = { method: 'card', card_number: '4242 4242 4242 4242' };
const CARD_DECLINED = { method: 'card', card_number: '4000 0000 0000 0002' };

describe('sandbox payment simulation and status machine', () => {
  // why: long enough that a second pay reliably lands while the first is still processing on a loaded machine.
  const sandbox = useSandbox({ processingDelayMs: 400 });
  const base = () => sandbox().url;
  const fresh = (body: Record<string, unknown> = {}, status?: 'completed' | 'failed' | 'abandoned' | 'processing') =>
    sandbox().store.publicJSON(sandbox().store.createSession({ ...RECORDED_CREATE, payment_methods: ['card', 'paypal'], ...body }, { status }), base()) as Record<string, any>;
  const read = async (session: Record<string, unknown>) => (await call(base(), publicPath(session))).json;
  const pay = (session: Record<string, unknown>, body: unknown) => payShown(base(), session, body);
  const settled = (session: Record<string, unknown>) =>
    eventually(() => read(session), (s) => s.status !== 'processing', 5000);

  const outcomes: Array<[string, Record<string, unknown>, 'completed' | 'failed', 'stripe' | 'paypal', RegExp]> = [
    ['test card 4242…', CARD_OK, 'completed', 'stripe', /^ch_sandbox_[0-9a-f]{24}$/],
    ['another Luhn-valid card (Mastercard test number)', { method: 'card', card_number: '5555-5555-5555-4444' }, 'completed', 'stripe', /^ch_sandbox_/],
    ['declined card 4000…0002', CARD_DECLINED, 'failed', 'stripe', /^ch_sandbox_/],
    ['PayPal approve', { method: 'paypal', outcome: 'approve' }, 'completed', 'paypal', /^PAYID-[A-Z0-9]{24}$/],
    ['PayPal decline', { method: 'paypal', outcome: 'decline' }, 'failed', 'paypal', /^PAYID-/],
  ];
  for (const [name, body, final, processor, idPattern] of outcomes) {
    test(`${name}: pending → processing (202) → ${final}`, async () => {
      const session = fresh();
      const reply = await pay(session, body);
      assert.equal(reply.status, 202, reply.text);
      assert.equal(reply.json.status, 'processing');
      assert.equal(reply.json.processor, processor);
      assert.match(reply.json.processor_id, idPattern);
      assertSession(reply.json);
      const again = await pay(session, body);
      assertNotPending(again, 'processing'); // a second pay while processing
      const done = await settled(session);
      assert.equal(done.status, final);
      assert.equal(done.processor_id, reply.json.processor_id);
    });
  }

  test('failed → pay again → completed, with a new processor_id', async () => {
    const session = fresh();
    const first = await pay(session, CARD_DECLINED);
    assert.equal((await settled(session)).status, 'failed');
    const second = await pay(session, { method: 'paypal', outcome: 'approve' });
    assert.equal(second.status, 202);
    assert.notEqual(second.json.processor_id, first.json.processor_id);
    assert.equal(second.json.processor, 'paypal');
    assert.equal((await settled(session)).status, 'completed');
    const third = await pay(session, CARD_OK);
    assertNotPending(third, 'completed');
  });

  describe('a failed session stays payable: pay drops a coupon that became unusable, and says so', () => {
    // Decision: a failed session is not editable (only pending ones are), so the server drops the coupon that ran
    // out or was deleted, refuses that pay with payment_total_changed (field_codes.coupon names why), and the next
    // pay charges the new total the customer now sees.
    const failedWith = async (code: string) => {
      const session = fresh({ coupon_collection: true });
      assert.equal((await call(base(), publicPath(session), { method: 'PUT', body: { coupon: code } })).status, 200);
      await pay(session, CARD_DECLINED);
      assert.equal((await settled(session)).status, 'failed');
      return session;
    };
    const spoilers: Array<[string, (code: string) => Promise<unknown>, string]> = [
      ['runs out (another session redeems it)', async (code) => {
        const other = fresh({ coupon_collection: true });
        await call(base(), publicPath(other), { method: 'PUT', body: { coupon: code } });
        assert.equal((await pay(other, CARD_OK)).status, 202);
        await settled(other);
      }, 'coupon_used_up'],
      ['is deleted', (code) => call(base(), `/api/checkout/coupons/${code}.json`, { method: 'DELETE' }), 'coupon_unknown'],
      ['expires', (code) => {
        // why through the store: the API has no coupon update; the clock cannot be moved over HTTP either.
        sandbox().store.getCoupon(code)!.redeem_by = new Date(Date.now() - 1000).toISOString();
        return Promise.resolve();
      }, 'coupon_expired'],
    ];
    let seq = 0;
    for (const [name, spoil, refusal] of spoilers) {
      test(`its coupon ${name}: pay → 422 payment_total_changed (${refusal}), the coupon is gone; pay again → completed`, async () => {
        const code = `FAILFIX${++seq}`;
        const created = await call(base(), '/api/checkout/coupons.json', { method: 'POST', body: { code, percent_off: 20, max_redemptions: 1 } });
        assert.equal(created.status, 201);
        const session = await failedWith(code);
        await spoil(code);
        const refused = await pay(session, CARD_OK);
        assertCouponRefused(refused, refusal, 'payment_total_changed');
        assert.match(refused.json.error, /removed/);
        const now = await read(session);
        assert.equal(now.status, 'failed', 'still failed, still payable');
        assert.equal(now.coupon, undefined);
        assert.equal(sessionTotals(assertSession(now)).total, 2100, 'the total the customer now sees');
        assert.equal((await pay(session, CARD_OK)).status, 202);
        assert.equal((await settled(session)).status, 'completed');
      });
    }

    test('a refused pay body (a bad card) leaves the coupon alone, however unusable', async () => {
      const session = await failedWith('WELCOME10');
      sandbox().store.deleteCoupon('WELCOME10');
      try {
        assert.equal((await pay(session, { method: 'card', card_number: '4242' })).status, 422);
        assert.equal((await read(session)).coupon.code, 'WELCOME10');
      } finally {
        sandbox().store.createCoupon({ code: 'WELCOME10', name: 'Welcome: 10% off', percent_off: 10 });
      }
    });
  });

  const refusals: Array<[string, Record<string, unknown>, unknown, string]> = [
    ['a card number failing Luhn', {}, { method: 'card', card_number: '4242 4242 4242 4241' }, 'card_number'],
    ['letters in the card number', {}, { method: 'card', card_number: '4242 abcd 4242 4242' }, 'card_number'],
    ['a too short card number', {}, { method: 'card', card_number: '4242' }, 'card_number'],
    ['no card number', {}, { method: 'card' }, 'card_number'],
    ['a method the session does not offer', { payment_methods: ['card'] }, { method: 'paypal', outcome: 'approve' }, 'method'],
    ['an unknown method', {}, { method: 'bitcoin' }, 'method'],
    ['no method', {}, {}, 'method'],
    ['a PayPal outcome that is neither', {}, { method: 'paypal', outcome: 'maybe' }, 'outcome'],
  ];
  for (const [name, sessionBody, body, field] of refusals) {
    test(`pay with ${name} → 422 errors.${field}, status unchanged`, async () => {
      const session = fresh(sessionBody);
      const reply = await pay(session, body);
      assert.equal(reply.status, 422, reply.text);
      assert.ok(reply.json.errors[field], reply.text);
      assert.deepEqual(await read(session), session);
    });
  }

  test('pay on a session without items → 422 errors.items', async () => {
    const stored = sandbox().store.createSession(RECORDED_CREATE, { overrides: { items: [] } });
    const reply = await pay(sandbox().store.toJSON(stored, base()), CARD_OK);
    assert.equal(reply.status, 422);
    assert.ok(reply.json.errors.items);
  });

  for (const status of ['processing', 'completed', 'abandoned'] as const) {
    test(`pay and cancel on a ${status} session → 422 session_not_pending naming the status`, async () => {
      const session = fresh({}, status);
      for (const action of ['/pay', '/cancel']) {
        const reply = await call(base(), publicPath(session, action), { method: 'POST', body: CARD_OK });
        assertNotPending(reply, status);
      }
      assert.deepEqual(await read(session), session);
    });
  }

  for (const from of ['pending', 'failed'] as const) {
    test(`cancel: ${from} → abandoned (200), with and without .json`, async () => {
      const session = fresh({}, from === 'failed' ? 'failed' : undefined);
      const reply = await call(base(), `/checkout/session/${String(session.permalink).split('/').pop()}/cancel`, { method: 'POST' });
      assert.equal(reply.status, 200);
      assert.equal(reply.json.status, 'abandoned');
      assert.equal((await read(session)).status, 'abandoned');
    });
  }

  test('retry: failed → pending (200, with and without .json), the failed processor_id kept, and editable again', async () => {
    const session = fresh();
    const declined = await pay(session, CARD_DECLINED);
    assert.equal((await settled(session)).status, 'failed');
    for (const path of [publicPath(session, '/retry'), publicPath(session, '/retry').replace(/\.json$/, '')]) {
      const reply = await call(base(), path, { method: 'POST', body: {} });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.json.status, 'pending');
      assert.equal(reply.json.processor_id, declined.json.processor_id);
      assert.ok(reply.json.capabilities.includes('retry'));
    }
    const edited = await call(base(), publicPath(session), { method: 'PUT', body: { customer: { billing_country: 'FR' } } });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.json.customer.billing_country, 'FR');
  });

  for (const status of ['processing', 'completed', 'abandoned'] as const) {
    test(`retry on a ${status} session → 422 session_not_pending naming the status, nothing changed`, async () => {
      const session = fresh({}, status);
      assertNotPending(await call(base(), publicPath(session, '/retry'), { method: 'POST', body: {} }), status);
      assert.deepEqual(await read(session), session);
    });
  }

  test('a paid session is listed with its new status by the private API', async () => {
    const session = fresh();
    await pay(session, CARD_OK);
    await settled(session);
    const reply = await call(base(), `/api/checkout/sessions/${session.id}.json`);
    assert.equal(reply.json.status, 'completed');
    assert.equal(reply.json.processor, 'stripe');
  });

  test('CORS on pay and cancel', async () => {
    const reply = await call(base(), publicPath(fresh(), '/pay'), { method: 'POST', body: CARD_OK, headers: { Origin: 'https://shop.example' } });
    assert.equal(reply.headers.get('access-control-allow-origin'), '*');
  });
});

describe('sandbox abandonment timeout', () => {
  // why: a margin of several hundred ms around each timer, so a busy CI machine's late timers cannot flip the outcome.
  const sandbox = useSandbox({ abandonAfterMs: 900, processingDelayMs: 20 });
  const base = () => sandbox().url;

  test('a pending session with no activity becomes abandoned, without being read', async () => {
    const stored = sandbox().store.createSession(RECORDED_CREATE);
    await eventually(async () => stored.status, (status) => status === 'abandoned', 3000);
    // why: read the stored object directly, so only the timer (not a lazy check on access) can have changed it.
    assert.equal(stored.status, 'abandoned');
  });

  test('a successful PUT counts as activity and postpones the timeout; a GET does not', async () => {
    const session = sandbox().store.publicJSON(sandbox().store.createSession(RECORDED_CREATE), base()) as Record<string, any>;
    for (let i = 0; i < 4; i++) {
      await sleep(300);
      const reply = await call(base(), publicPath(session), { method: 'PUT', body: { customer: { first_name: `Active${i}` } } });
      assert.equal(reply.status, 200, `still pending after ${(i + 1) * 300} ms of activity`);
    }
    await sleep(300);
    assert.equal((await call(base(), publicPath(session))).json.status, 'pending');
    const expired = await eventually(() => call(base(), publicPath(session)), (r) => r.json.status === 'abandoned', 3000);
    assert.equal(expired.json.status, 'abandoned');
    const late = await call(base(), publicPath(session), { method: 'PUT', body: { customer: { first_name: 'Late' } } });
    assertNotPending(late, 'abandoned');
  });

  test('a failed or completed session is never abandoned by the timer', async () => {
    const store = sandbox().store;
    const failed = store.createSession(RECORDED_CREATE, { status: 'failed' });
    const completed = store.createSession(RECORDED_CREATE, { status: 'completed' });
    await sleep(1300);
    assert.equal(store.getSession(failed.id)!.status, 'failed');
    assert.equal(store.getSession(completed.id)!.status, 'completed');
  });

  test('seed sessions time out too (a fresh copy is always available)', async () => {
    const list = await eventually(
      () => call(base(), '/sandbox/sessions.json'),
      (r) => r.json.find((s: { id: number }) => s.id === 100).status === 'abandoned',
      3000,
    );
    assert.equal(list.json.find((s: { id: number }) => s.id === 100).status, 'abandoned');
    const copy = await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: 100 } });
    assert.equal((await call(base(), `${new URL(copy.json.permalink).pathname}.json`)).json.status, 'pending');
  });
});
