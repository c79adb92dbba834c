// Invariant: a coupon's max_redemptions is never exceeded, however many sessions pay with it at once.
// A payment reserves a redemption when it starts and releases it when it fails.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertSession, call, eventually, publicPath, RECORDED_CREATE, useSandbox, payShown } from './harness.js';
import { assertCouponRefused } from './refusals.js';

const CARD_OK = { method: 'card', card_number: '4242 4242 4242 4242' };
const CARD_DECLINED = { method: 'card', card_number: '4000 0000 0000 0002' };

describe('coupon cap under concurrency', () => {
  // why: a processing window long enough that every concurrent pay lands inside it, as in the probe (1.5 s).
  const sandbox = useSandbox({ processingDelayMs: 600 });
  const base = () => sandbox().url;
  let couponSeq = 0;
  const coupon = async (max: number) => {
    const code = `CAP${++couponSeq}`;
    const reply = await call(base(), '/api/checkout/coupons.json', { method: 'POST', body: { code, percent_off: 10, max_redemptions: max } });
    assert.equal(reply.status, 201, reply.text);
    return code;
  };
  const sessionWith = async (code: string) => {
    const session = sandbox().store.publicJSON(sandbox().store.createSession(RECORDED_CREATE), base());
    const applied = await call(base(), publicPath(session), { method: 'PUT', body: { coupon: code } });
    assert.equal(applied.status, 200, applied.text);
    return session;
  };
  const read = async (session: Record<string, unknown>) => (await call(base(), publicPath(session))).json;
  const settled = (session: Record<string, unknown>) => eventually(() => read(session), (s) => s.status !== 'processing', 5000);
  const redeemed = async (code: string) => (await call(base(), `/api/checkout/coupons/${code}.json`)).json.times_redeemed;

  const N = 20;
  for (const max of [1, 3]) {
    test(`${N} sessions paying at once with a cap-${max} coupon → exactly ${max} redemptions`, async () => {
      const code = await coupon(max);
      const sessions = await Promise.all(Array.from({ length: N }, () => sessionWith(code)));
      const replies = await Promise.all(sessions.map((s) => payShown(base(), s, CARD_OK)));
      const started = replies.filter((r) => r.status === 202);
      assert.equal(started.length, max, 'only as many payments start as there are redemptions left');
      for (const refused of replies.filter((r) => r.status !== 202)) assertCouponRefused(refused, 'coupon_used_up', 'payment_total_changed');
      const finals = await Promise.all(sessions.map(settled));
      assert.equal(finals.filter((s) => s.status === 'completed').length, max);
      const refused = finals.filter((s) => s.status === 'pending');
      assert.equal(refused.length, N - max, 'the refused ones stay pending');
      assert.ok(refused.every((s) => s.coupon == null), 'and lost the coupon that ran out');
      finals.forEach(assertSession);
      assert.equal(await redeemed(code), max);
    });
  }

  test('a reservation blocks the coupon while its payment runs and is released when it fails', async () => {
    const code = await coupon(1);
    const [first, second] = [await sessionWith(code), await sessionWith(code)];
    // why a known total (21.00 less 10 %, no country so no tax) and no read first: both land in the processing window.
    const pay = (session: Record<string, unknown>, body: Record<string, unknown>) =>
      call(base(), publicPath(session, '/pay'), { method: 'POST', body: { ...body, total: 1890 } });
    assert.equal((await pay(first, CARD_DECLINED)).status, 202);
    assertCouponRefused(await pay(second, CARD_OK), 'coupon_used_up', 'payment_total_changed');
    assertCouponRefused(await call(base(), publicPath(second), { method: 'PUT', body: { coupon: code } }), 'coupon_used_up');
    assert.equal((await call(base(), `/api/checkout/coupons/${code}.json`)).json.valid, false, 'reserved: not valid meanwhile');
    assert.equal((await settled(first)).status, 'failed');
    assert.equal(await redeemed(code), 0, 'a failed payment redeems nothing');
    assert.equal((await call(base(), publicPath(second), { method: 'PUT', body: { coupon: code } })).status, 200, 'released');
    assert.equal((await payShown(base(), second, CARD_OK)).status, 202);
    assert.equal((await settled(second)).status, 'completed');
    assert.equal(await redeemed(code), 1);
  });
});
