// The sandbox's server side of the real processors, over HTTP: the payment start, and the simulated Stripe and
// PayPal APIs (on the frame origin, the second port) settling the session like webhooks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paymentStartResponse } from '../../src/protocol/payments.js';
import { DEFAULT_PROCESSOR_KEYS } from '../../src/sandbox/processors/keys.js';
import { call, eventually, publicPath, RECORDED_CREATE, tokenOf, useSandbox } from '../sandbox/harness.js';

const CARD = { success: '4242 4242 4242 4242', decline: '4000 0000 0000 0002', action: '4000 0027 6000 3184' };

describe('processors: payment start and simulated processors', () => {
  // why: long enough that a read right after the confirmation still sees `processing` on a loaded machine.
  const sandbox = useSandbox({ processingDelayMs: 400 });
  const base = () => sandbox().url;
  const frame = () => sandbox().frameUrl!;
  const fresh = (body: Record<string, unknown> = {}, status?: 'completed' | 'processing') =>
    sandbox().store.toJSON(
      sandbox().store.createSession({ ...RECORDED_CREATE, payment_methods: ['card', 'paypal'], ...body }, { status }),
      base(),
    ) as Record<string, any>;
  const read = async (session: Record<string, unknown>) => (await call(base(), publicPath(session))).json;
  /** A payment start for the total the session shows now (the confirmed total the start requires). */
  const start = async (session: Record<string, unknown>, method: unknown) =>
    call(base(), publicPath(session, '/payment'), { method: 'POST', body: { method, total: (await read(session))?.tax?.total } });
  const intentPath = (secret: string, action = '') => `/doubles/stripe/v1/payment_intents/${secret.split('_secret_')[0]}${action}`;
  const confirm = (secret: string, number: string, expiry = '12/39', cvc = '123') =>
    call(frame(), intentPath(secret, '/confirm'), { method: 'POST', body: { client_secret: secret, card: { number, expiry, cvc } } });
  const authenticate = (secret: string, passed: boolean) =>
    call(frame(), intentPath(secret, '/authenticate'), { method: 'POST', body: { client_secret: secret, passed } });
  const settled = (session: Record<string, unknown>) => eventually(() => read(session), (s) => s.status !== 'processing', 3000);

  test('the frame origin is another port of the sandbox', () => {
    assert.ok(frame(), 'startSandbox listens on a second port');
    assert.notEqual(new URL(frame()).origin, new URL(base()).origin);
  });

  test('the permalink JSON carries the default public keys, and reading it starts no payment', async () => {
    const session = fresh();
    const body = await read(session);
    assert.deepEqual(body.processor_public_keys, DEFAULT_PROCESSOR_KEYS);
    assert.equal(body.processor_id, undefined, 'no payment linked by a read');
    const orders = (await call(base(), `/doubles/paypal/v2/checkout/orders?session=${tokenOf(session)}`)).json;
    assert.deepEqual(orders, { orders: [] });
    const paypalOnly = await read(fresh({ payment_methods: ['paypal'] }));
    assert.deepEqual(paypalOnly.processor_public_keys, { stripe: null, paypal: DEFAULT_PROCESSOR_KEYS.paypal });
  });

  test('card: the start answers a PaymentIntent for the server total and links it to the session', async () => {
    const session = fresh();
    const reply = await start(session, 'card');
    assert.equal(reply.status, 201, reply.text);
    const body = paymentStartResponse.parse(reply.json);
    assert.equal(body.processor, 'stripe');
    if (body.processor !== 'stripe') return;
    assert.equal(body.amount, 2100, 'the product 000000 costs 21.00 EUR');
    assert.equal(body.currency, 'EUR');
    assert.match(body.publishable_key, /^pk_test_/);
    assert.ok(body.client_secret.startsWith(`${body.processor_id}_secret_`));
    const linked = await read(session);
    assert.equal(linked.status, 'pending');
    assert.equal(linked.processor, 'stripe');
    assert.equal(linked.processor_id, body.processor_id);
  });

  test('card: a second start for the same total reuses the PaymentIntent; a coupon in between cancels it, never re-prices it', async () => {
    const session = fresh();
    const first = (await start(session, 'card')).json;
    const same = (await start(session, 'card')).json;
    assert.deepEqual([same.processor_id, same.client_secret], [first.processor_id, first.client_secret]);
    const coupon = await call(base(), publicPath(session), { method: 'PUT', body: { coupon: 'HALF' } });
    assert.equal(coupon.status, 200, coupon.text);
    const held = await call(frame(), `${intentPath(first.client_secret)}?client_secret=${first.client_secret}`);
    assert.deepEqual([held.json.status, held.json.amount], ['canceled', 2100], 'the amount the browser holds is never changed');
    const second = (await start(session, 'card')).json;
    assert.notEqual(second.processor_id, first.processor_id);
    assert.equal(second.amount, 1050);
    assert.equal((await confirm(first.client_secret, CARD.success)).status, 400, 'the canceled intent cannot be confirmed');
  });

  test('card: a PayPal start in between replaces the card payment: its PaymentIntent is canceled, the next card start is new', async () => {
    const session = fresh();
    const card = (await start(session, 'card')).json;
    const paypal = (await start(session, 'paypal')).json;
    assert.equal((await read(session)).processor_id, paypal.order_id);
    assert.equal((await confirm(card.client_secret, CARD.success)).status, 400);
    const again = (await start(session, 'card')).json;
    assert.notEqual(again.client_secret, card.client_secret);
    assert.equal((await read(session)).processor_id, again.processor_id);
    assert.deepEqual((await call(base(), `/doubles/paypal/v2/checkout/orders?session=${tokenOf(session)}`)).json.orders.map((o: any) => o.status), ['VOIDED']);
  });

  test('card 4242: the confirmation succeeds and the session goes processing → completed', async () => {
    const session = fresh();
    const { client_secret } = (await start(session, 'card')).json;
    const reply = await confirm(client_secret, CARD.success);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.status, 'succeeded');
    assert.equal((await read(session)).status, 'processing');
    const done = await settled(session);
    assert.equal(done.status, 'completed');
    assert.equal(done.processor_id, reply.json.id);
    const again = await confirm(client_secret, CARD.success);
    assert.equal(again.status, 400, 'a succeeded intent cannot be confirmed twice');
    assert.equal((await start(session, 'card')).status, 422, 'a completed session starts no payment (session_not_pending)');
  });

  test('card 4000…0002: a decline answers card_declined, the session fails, and a new card pays it', async () => {
    const session = fresh();
    const { client_secret } = (await start(session, 'card')).json;
    const declined = await confirm(client_secret, CARD.decline);
    assert.equal(declined.status, 402);
    assert.equal(declined.json.error.code, 'card_declined');
    assert.equal((await read(session)).status, 'failed');
    const retry = (await start(session, 'card')).json;
    assert.equal(retry.client_secret, client_secret, 'the declined intent is reused');
    assert.equal((await confirm(retry.client_secret, CARD.success)).status, 200);
    assert.equal((await settled(session)).status, 'completed');
  });

  test('card 4000…3184: requires_action; a completed challenge pays, a failed one fails the session', async () => {
    for (const passed of [true, false]) {
      const session = fresh();
      const { client_secret } = (await start(session, 'card')).json;
      const reply = await confirm(client_secret, CARD.action);
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.json.status, 'requires_action');
      assert.equal(reply.json.next_action.type, 'use_stripe_sdk');
      assert.equal((await read(session)).status, 'pending', 'nothing is charged before the challenge');
      const answer = await authenticate(client_secret, passed);
      if (passed) {
        assert.equal(answer.json.status, 'succeeded');
        assert.equal((await settled(session)).status, 'completed');
      } else {
        assert.equal(answer.status, 402);
        assert.equal(answer.json.error.code, 'payment_intent_authentication_failure');
        assert.equal((await read(session)).status, 'failed');
      }
    }
  });

  const redirect = (secret: string, type: string, returnUrl?: string) =>
    call(frame(), intentPath(secret, '/confirm'), { method: 'POST', body: { client_secret: secret, payment_method_type: type, return_url: returnUrl } });

  test('ideal / bancontact: requires_action with a redirect to the bank page on the frame origin; authorize pays, fail fails', async () => {
    for (const [type, passed] of [['ideal', true], ['bancontact', false]] as const) {
      const session = fresh();
      const { client_secret } = (await start(session, 'card')).json;
      const reply = await redirect(client_secret, type, 'https://shop.example/checkout?order=7');
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.json.status, 'requires_action');
      assert.equal(reply.json.next_action.type, 'redirect_to_url');
      const bank = new URL(reply.json.next_action.redirect_to_url.url);
      assert.equal(bank.origin, new URL(frame()).origin);
      assert.equal(bank.pathname, '/doubles/stripe/bank');
      assert.deepEqual(JSON.parse(decodeURIComponent(bank.hash.slice(1))), {
        clientSecret: client_secret,
        method: type,
        returnUrl: 'https://shop.example/checkout?order=7',
      });
      assert.equal(reply.json.next_action.redirect_to_url.return_url, 'https://shop.example/checkout?order=7');
      assert.equal((await read(session)).status, 'pending', 'nothing is charged before the bank answers');
      const page = await call(frame(), bank.pathname);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const answer = await authenticate(client_secret, passed);
      if (passed) assert.equal((await settled(session)).status, 'completed');
      else {
        assert.equal(answer.status, 402);
        assert.equal((await read(session)).status, 'failed');
      }
    }
  });

  const badRedirects: Array<[string, string | undefined, Record<string, unknown>, string]> = [
    ['no return_url', undefined, {}, 'url_invalid'],
    ['a javascript: return_url', 'javascript:alert(1)', {}, 'url_invalid'],
    ['a relative return_url', '/back', {}, 'url_invalid'],
    ['a session in USD (iDEAL takes euros only)', 'https://shop.example/', { items: [{ name: 'Plan', amount: 1000, currency: 'USD', quantity: 1 }] }, 'payment_intent_invalid_parameter'],
  ];
  for (const [name, returnUrl, body, code] of badRedirects) {
    test(`ideal: ${name} is refused with ${code} and charges nothing`, async () => {
      const session = fresh(body);
      const { client_secret } = (await start(session, 'card')).json;
      const reply = await redirect(client_secret, 'ideal', returnUrl);
      assert.equal(reply.status, 400, reply.text);
      assert.equal(reply.json.error.code, code);
      assert.equal((await read(session)).status, 'pending');
      assert.equal((await confirm(client_secret, CARD.success)).status, 200, 'the intent can still be paid by card');
    });
  }

  const refusals: Array<[string, string, string, string, string]> = [
    ['a number failing Luhn', '4242 4242 4242 4241', '12/39', '123', 'incorrect_number'],
    ['an expiry in the past', CARD.success, '01/20', '123', 'invalid_expiry_year'],
    ['a month 13', CARD.success, '13/39', '123', 'invalid_expiry_year'],
    ['a two-digit CVC', CARD.success, '12/39', '12', 'incorrect_cvc'],
  ];
  for (const [name, number, expiry, cvc, code] of refusals) {
    test(`card: ${name} is refused with ${code} and charges nothing`, async () => {
      const session = fresh();
      const { client_secret } = (await start(session, 'card')).json;
      const reply = await confirm(client_secret, number, expiry, cvc);
      assert.equal(reply.status, 402);
      assert.equal(reply.json.error.code, code);
      assert.equal((await read(session)).status, 'pending');
    });
  }

  test('paypal: approve captures the order and completes the session', async () => {
    const session = fresh();
    const reply = await start(session, 'paypal');
    assert.equal(reply.status, 201, reply.text);
    const body = paymentStartResponse.parse(reply.json);
    assert.equal(body.processor, 'paypal');
    if (body.processor !== 'paypal') return;
    assert.equal(body.order_id, body.processor_id);
    assert.equal(body.amount, 2100);
    assert.equal((await read(session)).processor_id, body.order_id);
    const approved = await call(frame(), `/doubles/paypal/v2/checkout/orders/${body.order_id}/approve`, { method: 'POST' });
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.json.status, 'COMPLETED');
    const done = await settled(session);
    assert.equal(done.status, 'completed');
    assert.equal(done.processor, 'paypal');
  });

  test('paypal: cancel voids the order and leaves the session pending; each start is a new order', async () => {
    const session = fresh();
    const first = (await start(session, 'paypal')).json;
    const cancelled = await call(frame(), `/doubles/paypal/v2/checkout/orders/${first.order_id}/cancel`, { method: 'POST' });
    assert.equal(cancelled.json.status, 'VOIDED');
    assert.equal((await read(session)).status, 'pending');
    const late = await call(frame(), `/doubles/paypal/v2/checkout/orders/${first.order_id}/approve`, { method: 'POST' });
    assert.equal(late.status, 422, 'a voided order cannot be approved');
    const second = (await start(session, 'paypal')).json;
    assert.notEqual(second.order_id, first.order_id);
  });

  test('paypal: the simulation lists a session\'s orders over HTTP (none before a start); an unknown session is a 404', async () => {
    const session = fresh();
    const token = String(session.permalink).split('/').pop();
    const orders = async () => call(base(), `/doubles/paypal/v2/checkout/orders?session=${token}`);
    assert.deepEqual((await orders()).json, { orders: [] });
    const started = (await start(session, 'paypal')).json;
    await call(frame(), `/doubles/paypal/v2/checkout/orders/${started.order_id}/cancel`, { method: 'POST' });
    assert.deepEqual((await orders()).json, { orders: [{ id: started.order_id, status: 'VOIDED', amount: started.amount, currency: 'EUR' }] });
    assert.equal((await call(base(), '/doubles/paypal/v2/checkout/orders?session=nope')).status, 404);
    assert.equal((await call(base(), '/doubles/paypal/v2/checkout/orders')).status, 404);
  });

  const badStarts: Array<[string, () => Promise<{ status: number; json: any }>, number, string | undefined]> = [
    ['an unknown method', () => start(fresh(), 'bitcoin'), 422, 'method'],
    ['a method the session does not offer', () => start(fresh({ payment_methods: ['card'] }), 'paypal'), 422, 'method'],
    ['an extra key', () => call(base(), publicPath(fresh(), '/payment'), { method: 'POST', body: { method: 'card', total: 2100, amount: 1 } }), 422, 'amount'],
    ['a body that is not JSON', () => call(base(), publicPath(fresh(), '/payment'), { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } }), 400, undefined],
    ['a processing session', () => start(fresh({}, 'processing'), 'card'), 422, 'status'],
    ['an unknown permalink', () => call(base(), '/checkout/session/nope/payment.json', { method: 'POST', body: { method: 'card', total: 2100 } }), 404, undefined],
    ['no confirmed total', () => call(base(), publicPath(fresh(), '/payment'), { method: 'POST', body: { method: 'card' } }), 422, 'total'],
  ];
  for (const [name, run, status, field] of badStarts) {
    test(`the start refuses ${name} with ${status}`, async () => {
      const reply = await run();
      assert.equal(reply.status, status, JSON.stringify(reply.json));
      if (field) assert.ok(reply.json.errors?.[field], `names ${field}: ${JSON.stringify(reply.json)}`);
    });
  }

  test('the simulated Stripe refuses an unknown client secret and bad bodies with a 4xx', async () => {
    const unknown = await confirm('pi_sandbox_x_secret_y', CARD.success);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error.code, 'resource_missing');
    const bad = await call(frame(), '/doubles/stripe/v1/payment_intents/pi_x/confirm', { method: 'POST', body: { client_secret: 1 } });
    assert.equal(bad.status, 422);
  });

  test('the doubles are served as scripts that know the frame origin, and their frames carry a CSP', async () => {
    for (const path of ['/doubles/stripe.js', '/doubles/paypal-sdk.js']) {
      const reply = await call(base(), path);
      assert.equal(reply.status, 200, reply.text.slice(0, 300));
      assert.match(reply.headers.get('content-type') ?? '', /javascript/);
      assert.ok(reply.text.includes(JSON.stringify(frame())), `${path} draws its frames on the second port`);
    }
    const card = await call(frame(), '/doubles/stripe/card');
    assert.equal(card.status, 200);
    assert.match(card.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });
});
