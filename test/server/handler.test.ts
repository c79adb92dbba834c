// The handler on the merchant's origin, with the sandbox's private API acting as Quaderno behind it.
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { PAYPAL_DOUBLE_CLIENT_ID, PAYPAL_DOUBLE_CLIENT_SECRET } from '../../src/sandbox/paypal-api/double.js';
import { STRIPE_DOUBLE_SECRET_KEY } from '../../src/sandbox/stripe-api/double.js';
import { createCheckoutHandler, toNodeListener } from '../../src/server/index.js';
import { createTokenSigner } from '../../src/server/token.js';
import { startFaultServer } from '../helpers/fault-server.js';
import { startPaypalRig, type PaypalRig } from './payments/paypal-support.js';
import { setAutoDeliver } from './payments/support.js';
import {
  API_KEY,
  browser,
  createSession,
  KEY_ON_THE_WIRE,
  SECRET,
  serveFetch,
  startQuaderno,
  startHandler,
  type Quaderno,
  type Reply,
} from './support.js';

/**
 * Streams `chunks` × 4 KiB of JSON whitespace with no Content-Length (chunked), as a client that never says how much
 * it sends. why node:http on its own socket (agent: false): the cut-off connection is not reused by later tests.
 */
function streamBody(url: string, method: string, chunks: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { 'Content-Type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    let sent = 0;
    const write = () => {
      while (sent++ < chunks) if (!req.write(' '.repeat(4096))) return void req.once('drain', write);
      req.end();
    };
    write();
  });
}

describe('createCheckoutHandler against the sandbox', () => {
  let quaderno: Quaderno;
  let shop: Awaited<ReturnType<typeof startHandler>>;
  const replies: Reply[] = [];
  const send = async (...args: Parameters<typeof browser>) => {
    const reply = await browser(...args);
    replies.push(reply);
    return reply;
  };

  before(async () => {
    quaderno = await startQuaderno();
    shop = await startHandler(quaderno.url, { fetch: quaderno.fetch });
  });
  after(async () => {
    await shop?.close();
    await quaderno?.close();
  });

  test('GET <permalink>.json: the session for the browser, on the merchant origin, without private data', async () => {
    const session = createSession(quaderno.sandbox);
    const permalink = shop.permalink(session.id);
    assert.ok(permalink.startsWith(`${shop.url}/checkout/`));
    const reply = await send(`${permalink}.json`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    const body = reply.json;
    assert.ok(!('id' in body), "Quaderno's session number is not sent");
    assert.equal(body.permalink, permalink);
    assert.deepEqual(body.capabilities, ['update', 'tax_preview', 'tax_id_validation', 'hosted_payment']);
    assert.equal(body.hosted_url, `${quaderno.sandbox.url}/checkout/session/${session.token}`, "Quaderno's hosted page");
    for (const key of ['custom', 'metadata', 'processor_id']) assert.ok(!(key in body), `${key} is not sent`);
    assert.doesNotMatch(reply.text, /VIP|crm_42/);
    assert.equal(body.items[0].amount, 2100);
    assert.equal(body.tax.needs[0], 'country', 'no saved country yet');
    assert.deepEqual(body.processor_public_keys, { stripe: null, paypal: null }, 'no key configured, none invented');
  });

  test('processor_public_keys: the handler\'s own options, for the processors the session\'s methods use', async () => {
    const keyed = await startHandler(quaderno.url, { fetch: quaderno.fetch, stripePublishableKey: 'pk_test_shop', paypalClientId: 'shop-paypal-id' });
    try {
      const both = createSession(quaderno.sandbox, { payment_methods: ['card', 'paypal'] });
      const reply = await send(`${keyed.permalink(both.id)}.json`);
      assert.deepEqual(reply.json.processor_public_keys, { stripe: 'pk_test_shop', paypal: 'shop-paypal-id' });
      const cardOnly = createSession(quaderno.sandbox, { payment_methods: ['card'] });
      assert.deepEqual((await send(`${keyed.permalink(cardOnly.id)}.json`)).json.processor_public_keys, { stripe: 'pk_test_shop', paypal: null });
    } finally {
      await keyed.close();
    }
  });

  test("exposeSessionId: true sends Quaderno's session number, by the merchant's choice", async () => {
    const opted = await startHandler(quaderno.url, { fetch: quaderno.fetch, exposeSessionId: true });
    try {
      const session = createSession(quaderno.sandbox);
      assert.equal((await send(`${opted.permalink(session.id)}.json`)).json.id, session.id);
    } finally {
      await opted.close();
    }
  });

  test('a Stripe secret or restricted key given as the publishable key is refused when the handler is made', () => {
    const base = { apiUrl: quaderno.url, apiKey: API_KEY, secret: SECRET };
    for (const key of ['sk_test_123', 'rk_live_123', 'sk_live_x', '', 'pk_test_']) {
      assert.throws(() => createCheckoutHandler({ ...base, stripePublishableKey: key }), /publishable key/, key);
    }
    assert.doesNotThrow(() => createCheckoutHandler({ ...base, stripePublishableKey: 'pk_live_51Habc' }));
  });

  test('the same session always has the same permalink, and it does not show the session id', () => {
    const a = shop.permalink(1234567);
    assert.equal(a, shop.handler.permalinkFor('1234567', shop.url));
    assert.doesNotMatch(a.split('/').pop()!, /1234567/);
    assert.notEqual(shop.permalink(1234568).split('/').pop(), a.split('/').pop());
    assert.equal(shop.handler.permalinkFor(7).startsWith('/checkout/'), true, 'root-relative without an origin');
  });

  test('a forged, altered, foreign or unknown token is one 404 that names nothing, and never reaches Quaderno', async () => {
    const session = createSession(quaderno.sandbox);
    const good = shop.permalink(session.id).split('/').pop()!;
    const flip = (token: string, i: number) => token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    const foreign = createTokenSigner('another-secret-that-is-long-enough-0', new URL(quaderno.url).origin).sign(session.id);
    const otherAccount = createTokenSigner(SECRET, 'https://other.quadernoapp.com').sign(session.id);
    const forged = [flip(good, 0), flip(good, good.length - 1), flip(good, 10), good.slice(0, -1), `${good}A`, foreign,
      otherAccount, String(session.id), session.token, 'x', '..%2F..%2Fapi'];
    const before = quaderno.seen.length;
    const bodies = new Set<string>();
    for (const token of forged) {
      for (const suffix of ['.json', '/tax.json?country=ES', '']) {
        const reply = await send(`${shop.url}/checkout/${token}${suffix}`);
        assert.equal(reply.status, 404, `${token}${suffix}`);
        bodies.add(reply.text);
      }
      const put = await send(`${shop.url}/checkout/${token}.json`, { method: 'PUT', body: { customer: { email: 'x@y.zz' } } });
      assert.equal(put.status, 404);
      bodies.add(put.text);
    }
    assert.deepEqual([...bodies], [JSON.stringify({ code: 'session_not_found', error: 'Checkout session not found' })]);
    assert.equal(quaderno.seen.length, before, 'nothing was asked of Quaderno');
  });

  test('a genuine token of a session Quaderno no longer has reads exactly like a forged one', async () => {
    const session = createSession(quaderno.sandbox);
    quaderno.sandbox.store.deleteSession(session.id);
    const reply = await send(`${shop.permalink(session.id)}.json`);
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.json, { code: 'session_not_found', error: 'Checkout session not found' });
  });

  test('PUT saves the customer fields in Quaderno', async () => {
    const session = createSession(quaderno.sandbox);
    const customer = { email: 'ana@example.com', first_name: 'Ana', billing_country: 'FR', billing_postal_code: '75001' };
    const reply = await send(`${shop.permalink(session.id)}.json`, { method: 'PUT', body: { customer } });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.customer.email, 'ana@example.com');
    const stored = quaderno.sandbox.store.getSession(session.id)!;
    assert.equal(stored.customer.first_name, 'Ana');
    assert.equal(stored.customer.billing_country, 'FR');
    assert.deepEqual(stored.custom, { internal_note: 'VIP, call before shipping' }, 'private fields untouched');
    assert.equal(reply.json.tax.total, 2520, 'the saved customer is taxed: 21.00 + 20 % TVA');
  });

  test("PUT {} keeps the session open in Quaderno (a real update) and answers when it closes; GET then says the same", async () => {
    const session = createSession(quaderno.sandbox, { customer: { email: 'ana@example.com', billing_country: 'FR' } });
    const stored = quaderno.sandbox.store.getSession(session.id)!;
    // why: an old last activity, so the only way it moves is the handler's update reaching Quaderno.
    stored.internal.lastActivityAt -= 20 * 60_000;
    const idleSince = stored.internal.lastActivityAt;
    const writes = () => quaderno.seen.filter((call) => call.method === 'PUT' && call.path.startsWith('/api/checkout/sessions/')).length;
    const before = writes();
    const started = Date.now();
    const reply = await send(`${shop.permalink(session.id)}.json`, { method: 'PUT', body: {} });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(writes(), before + 1, 'one update reached Quaderno');
    assert.ok(quaderno.sandbox.store.getSession(session.id)!.internal.lastActivityAt > idleSince, "Quaderno's inactivity clock restarted");
    assert.equal(quaderno.sandbox.store.getSession(session.id)!.customer.email, 'ana@example.com', 'the customer is kept as it was');
    const expires = Date.parse(reply.json.expires_at);
    assert.ok(expires >= started + 30 * 60_000 && expires <= Date.now() + 30 * 60_000, `30 minutes from now, not ${reply.json.expires_at}`);
    const read = await send(`${shop.permalink(session.id)}.json`);
    assert.equal(read.json.expires_at, reply.json.expires_at, 'a GET tells the same limit');
  });

  test('a session this handler has not written answers no expires_at: it does not know when Quaderno last saw activity', async () => {
    const session = createSession(quaderno.sandbox);
    const reply = await send(`${shop.permalink(session.id)}.json`);
    assert.equal(reply.status, 200);
    assert.ok(!('expires_at' in reply.json) || reply.json.expires_at === null, JSON.stringify(reply.json.expires_at));
  });

  const refused: Array<[string, unknown, number, string, string]> = [
    ['items', { items: [{ product: 'X', amount: 1 }] }, 422, 'field_not_allowed', 'items'],
    ['metadata', { metadata: { a: 1 } }, 422, 'field_not_allowed', 'metadata'],
    ['custom', { custom: { a: 1 } }, 422, 'field_not_allowed', 'custom'],
    ['success_url', { success_url: 'https://evil.example' }, 422, 'field_not_allowed', 'success_url'],
    ['status', { status: 'completed' }, 422, 'field_not_allowed', 'status'],
    ['an unknown customer key', { customer: { email: 'a@b.co', is_admin: true } }, 422, 'field_not_allowed', 'customer.is_admin'],
    ['a bad email', { customer: { email: 'not-an-email' } }, 422, 'field_invalid', 'customer.email'],
    ['a long name', { customer: { first_name: 'x'.repeat(256) } }, 422, 'field_invalid', 'customer.first_name'],
    ['a coupon', { coupon: 'WELCOME10' }, 422, 'capability_unsupported', 'coupon'],
    ['a coupon removal', { coupon: null }, 422, 'capability_unsupported', 'coupon'],
  ];
  for (const [what, body, status, code, field] of refused) {
    test(`PUT with ${what} is refused (${status} ${code}) and nothing changes`, async () => {
      const session = createSession(quaderno.sandbox);
      const before = JSON.stringify(quaderno.sandbox.store.getSession(session.id));
      const puts = quaderno.count('/api/checkout/sessions/');
      const reply = await send(`${shop.permalink(session.id)}.json`, { method: 'PUT', body });
      assert.equal(reply.status, status, reply.text);
      assert.equal(reply.json.code, code);
      assert.equal(reply.json.field_codes[field], code, JSON.stringify(reply.json));
      assert.ok(Array.isArray(reply.json.errors[field]));
      assert.equal(JSON.stringify(quaderno.sandbox.store.getSession(session.id)), before);
      assert.equal(quaderno.count('/api/checkout/sessions/'), puts, 'refused before Quaderno is asked');
    });
  }

  test('bodies: too large (413), not JSON (415), malformed (400)', async () => {
    const url = `${shop.permalink(createSession(quaderno.sandbox).id)}.json`;
    const big = await send(url, { method: 'PUT', body: { customer: { company: 'x'.repeat(20_000) } } });
    assert.deepEqual([big.status, big.json.code], [413, 'body_too_large']);
    const form = await send(url, { method: 'PUT', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.deepEqual([form.status, form.json.code], [415, 'unsupported_media_type']);
    const broken = await send(url, { method: 'PUT', body: '{"customer":', headers: { 'Content-Type': 'application/json' } });
    assert.deepEqual([broken.status, broken.json.code], [400, 'body_invalid']);
  });

  test('a chunked body over the limit is cut off while it streams', async () => {
    const status = await streamBody(`${shop.permalink(createSession(quaderno.sandbox).id)}.json`, 'PUT', 64);
    assert.equal(status.status, 413);
    assert.equal(JSON.parse(status.body).code, 'body_too_large');
  });

  test('a session that is no longer pending answers 422 session_not_pending, naming its status', async () => {
    const session = createSession(quaderno.sandbox);
    quaderno.sandbox.store.setStatus(session.id, 'completed');
    const reply = await send(`${shop.permalink(session.id)}.json`, { method: 'PUT', body: { customer: { first_name: 'Eve' } } });
    assert.equal(reply.status, 422);
    assert.equal(reply.json.code, 'session_not_pending');
    assert.equal(reply.json.status, 'completed');
  });

  test('pay, cancel and retry are said to be unsupported (422 capability_unsupported), not faked', async () => {
    const session = createSession(quaderno.sandbox);
    for (const action of ['pay', 'cancel', 'retry']) {
      const reply = await send(`${shop.permalink(session.id)}/${action}.json`, { method: 'POST', body: { method: 'card' } });
      assert.equal(reply.status, 422);
      assert.equal(reply.json.code, 'capability_unsupported');
    }
    assert.equal(quaderno.sandbox.store.getSession(session.id)!.status, 'pending');
    const del = await send(`${shop.permalink(session.id)}.json`, { method: 'DELETE' });
    assert.deepEqual([del.status, del.headers.get('allow')], [405, 'GET, PUT']);
  });

  test("the permalink opened as a page goes on to Quaderno's hosted page", async () => {
    const session = createSession(quaderno.sandbox);
    const reply = await send(shop.permalink(session.id));
    assert.equal(reply.status, 303);
    assert.equal(reply.headers.get('location'), `${quaderno.sandbox.url}/checkout/session/${session.token}`);
  });

  test('the API key never appears in anything the browser got, and only Quaderno received it', () => {
    assert.ok(replies.length > 30, `${replies.length} replies checked`);
    for (const reply of replies) {
      const everything = reply.text + JSON.stringify([...reply.headers]);
      assert.ok(!everything.includes(API_KEY) && !everything.includes(KEY_ON_THE_WIRE), reply.text);
    }
    assert.ok(quaderno.seen.every((request) => request.authorization === `Basic ${KEY_ON_THE_WIRE}`));
    assert.deepEqual(shop.errors, []);
  });
});

/**
 * The payment routes (the payment start, Stripe's and PayPal's webhooks, the customer's return) keep the promises the
 * rest of the handler keeps: bounded by `deadlineMs`, cancelled with the browser, 4xx for what no processor or browser
 * sends, no Quaderno id and no secret in anything answered or logged.
 */
describe("the payment routes keep the handler's promises", () => {
  let rig: PaypalRig;
  let fault: Awaited<ReturnType<typeof startFaultServer>>;
  /** The Quaderno or PayPal paths whose calls hang (until the handler gives them up) instead of being answered. */
  const hangs = new Set<string>();
  /** Each hung call: when its signal ended it, if it did; `release` lets it through to its server after all. */
  const hung: Array<{ path: string; endedAt?: number; release(): void }> = [];
  const replies: Reply[] = [];
  const send = async (...args: Parameters<typeof browser>) => {
    const reply = await browser(...args);
    replies.push(reply);
    return reply;
  };
  let node: Server;
  let nodeUrl = '';
  /** The status the handler answered each request through toNodeListener with (its client may be gone by then). */
  const answered: number[] = [];

  before(async () => {
    fault = await startFaultServer();
    let inner: typeof fetch = fetch;
    const hanging: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      if (![...hangs].some((prefix) => path.startsWith(prefix))) return inner(request);
      return new Promise((resolve, reject) => {
        const call: (typeof hung)[number] = { path, release: () => resolve(inner(request)) };
        hung.push(call);
        const end = () => ((call.endedAt = performance.now()), reject(request.signal.reason));
        if (request.signal.aborted) end();
        else request.signal.addEventListener('abort', end, { once: true });
      });
    };
    rig = await startPaypalRig({ fetch: hanging, deadlineMs: 1000, timeoutMs: 30_000 });
    inner = rig.quaderno.fetch;
    const handler = rig.handler();
    const watched = Object.assign(
      async (request: Request) => {
        const response = await rig.handler()(request);
        answered.push(response.status);
        return response;
      },
      { onError: handler.onError },
    );
    node = createServer(toNodeListener(watched));
    await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
    nodeUrl = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    hangs.clear();
    hung.length = 0;
    answered.length = 0;
    fault.reset();
  });
  after(async () => {
    node?.closeAllConnections();
    await new Promise((resolve) => node?.close(resolve));
    await rig?.close();
    await fault?.close();
  });

  const start = (id: number, method: 'card' | 'paypal', total: number, signal?: AbortSignal) =>
    signal
      ? fetch(`${rig.permalink(id)}/payment.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method, total }), signal })
      : send(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method, total } });

  const stalls: Array<[string, 'card' | 'paypal', string]> = [
    ["Quaderno's tax_rates/calculate (card)", 'card', '/api/tax_rates/calculate'],
    ["Quaderno's tax_rates/calculate (PayPal)", 'paypal', '/api/tax_rates/calculate'],
    ["PayPal's order creation", 'paypal', '/v2/checkout/orders'],
  ];
  for (const [what, method, path] of stalls) {
    test(`payment start: a hung ${what} is a 504 within deadlineMs, and the hung call ends with it`, async () => {
      const { id } = method === 'card' ? rig.session() : rig.paypalSession();
      const total = await rig.total(id);
      hangs.add(path);
      const started = performance.now();
      const reply = await start(id, method, total);
      const took = performance.now() - started;
      assert.deepEqual([(reply as Reply).status, (reply as Reply).json.code], [504, 'upstream_unavailable'], (reply as Reply).text);
      assert.ok(took < 2500, `answered after ${Math.round(took)} ms (deadlineMs 1000)`);
      assert.equal(hung.length, 1, 'one call, not a retry past the deadline');
      assert.ok(hung[0]!.endedAt !== undefined, 'the hung call was given up');
    });
  }

  test('payment start: a hung Stripe is a 504 within deadlineMs, and the calls to it are closed', async () => {
    const stalled = createCheckoutHandler({
      apiUrl: rig.quaderno.url,
      apiKey: API_KEY,
      secret: SECRET,
      fetch: rig.quaderno.fetch,
      stripePublishableKey: 'pk_test_merchant',
      stripeSecretKey: 'sk_test_hung',
      stripeWebhookSecret: 'whsec_hung',
      stripeApiUrl: fault.url,
      deadlineMs: 1000,
      onError: () => undefined,
    });
    const served = await serveFetch(stalled);
    try {
      fault.queue(...Array.from({ length: 6 }, () => ({ hang: true as const })));
      const { id } = rig.session();
      const total = await rig.total(id);
      const started = performance.now();
      const reply = await send(`${stalled.permalinkFor(id, served.url)}/payment.json`, { method: 'POST', body: { method: 'card', total } });
      const took = performance.now() - started;
      assert.deepEqual([reply.status, reply.json.code], [504, 'upstream_unavailable'], reply.text);
      assert.ok(took < 2500, `answered after ${Math.round(took)} ms (deadlineMs 1000)`);
      const until = Date.now() + 3000;
      while (fault.seen.some((call) => call.closedAt === undefined) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(fault.seen.length >= 1 && fault.seen.every((call) => call.closedAt !== undefined), `${fault.seen.length} calls to Stripe, each closed`);
      // A Stripe that refuses the key: the merchant's to fix, a 502 to the browser (not a 500 of the handler).
      fault.reset();
      fault.queue({ status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } } });
      const refused = await send(`${stalled.permalinkFor(id, served.url)}/payment.json`, { method: 'POST', body: { method: 'card', total } });
      assert.deepEqual([refused.status, refused.json.code], [502, 'upstream_unavailable'], refused.text);
    } finally {
      await served.close();
    }
  });

  test("payment start: a browser that goes away cancels the handler's call, and it is not reported", async () => {
    const { id } = rig.session();
    const total = await rig.total(id);
    hangs.add('/api/tax_rates/calculate');
    const errors = rig.errors.length;
    const leaving = new AbortController();
    const reply = (start(id, 'card', total, leaving.signal) as Promise<Response>).catch(() => undefined);
    const until = Date.now() + 5000;
    while (hung.length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    const left = performance.now();
    leaving.abort();
    await reply;
    while (hung[0]?.endedAt === undefined && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(hung[0]?.endedAt !== undefined && hung[0].endedAt - left < 500, 'the call was aborted with the browser, before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(rig.errors.length, errors, 'a customer leaving is no failure');
  });

  test("the customer's return: a hung recording answers processing within deadlineMs (the element polls on), and goes on to record the sale once", async () => {
    const { id } = rig.session();
    const total = await rig.total(id);
    const card = await send(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total } });
    assert.equal(card.status, 201, card.text);
    // why no webhook: the return alone must record it, as when Stripe's delivery is late.
    await setAutoDeliver(rig.quaderno.url, false);
    try {
      hangs.add('/api/transactions');
      await rig.stripe.paymentIntents.confirm(card.json.processor_id, { payment_method: 'pm_card_fr' });
      const started = performance.now();
      const back = await send(`${rig.permalink(id)}.json`);
      const took = performance.now() - started;
      assert.equal(back.status, 200, back.text);
      assert.equal(back.json.status, 'processing');
      assert.ok(took < 2500, `answered after ${Math.round(took)} ms (deadlineMs 1000)`);
      assert.equal(hung.length, 1, 'the recording went on behind the answer');
      hung[0]!.release();
      let now = back;
      for (let i = 0; i < 100 && now.json.status !== 'completed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        now = await send(`${rig.permalink(id)}.json`);
      }
      assert.equal(now.json.status, 'completed', now.text);
      assert.equal((await rig.invoices()).filter((doc) => doc.custom_metadata?.checkout_session === String(id)).length, 1);
    } finally {
      hangs.clear();
      await setAutoDeliver(rig.quaderno.url, true);
    }
  });

  for (const processor of ['stripe', 'paypal']) {
    const hook = () => `${rig.url}/checkout/webhooks/${processor}`;
    test(`${processor} webhook: not JSON, a bad signature, a wrong method: 4xx, nothing reported or recorded`, async () => {
      const errors = rig.errors.length;
      const before = rig.quaderno.count('/api/transactions');
      const cases: Array<[string, { method?: string; body?: unknown; headers?: Record<string, string> }]> = [
        ['not JSON', { method: 'POST', body: '{"id":', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=00' } }],
        ['a forged signature', { method: 'POST', body: { id: 'evt_1', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } }, headers: { 'Stripe-Signature': 't=1,v1=00' } }],
        ['GET', { method: 'GET' }],
        ['PUT', { method: 'PUT', body: {} }],
      ];
      for (const [what, init] of cases) {
        const reply = await send(hook(), init);
        assert.ok(reply.status >= 400 && reply.status < 500, `${what}: ${reply.status} ${reply.text}`);
      }
      assert.equal(rig.errors.length, errors);
      assert.equal(rig.quaderno.count('/api/transactions'), before);
    });

    test(`${processor} webhook: a body over the limit is refused with 413 while it streams`, async () => {
      // why 4 MiB: more than any event a processor sends, which the handler must not hold in memory.
      const status = await streamBody(hook(), 'POST', 1024);
      assert.equal(status.status, 413, status.body);
      assert.equal(JSON.parse(status.body).code, 'body_too_large');
    });

    test(`${processor} webhook through toNodeListener: a body abandoned halfway is a 400, not reported`, async () => {
      const errors = rig.errors.length;
      await new Promise<void>((resolve) => {
        const req = request(`${nodeUrl}/checkout/webhooks/${processor}`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': '400' } });
        req.on('error', () => resolve());
        req.write('{"id":"evt_', () => setTimeout(() => (req.destroy(), resolve()), 50));
      });
      const until = Date.now() + 5000;
      while (answered.length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(answered, [400]);
      assert.equal(rig.errors.length, errors);
    });
  }

  test('a paid session and the starts answer no numeric id; no secret is in any answer, error or log line', async () => {
    const { id } = rig.session();
    const total = await rig.total(id);
    const card = await send(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total } });
    assert.equal(card.status, 201, card.text);
    await rig.stripe.paymentIntents.confirm(card.json.processor_id, { payment_method: 'pm_card_fr' });
    const completed = await send(`${rig.permalink(id)}.json`);
    assert.equal(completed.json.status, 'completed', completed.text);
    const paypal = rig.paypalSession();
    const order = await send(`${rig.permalink(paypal.id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total: await rig.total(paypal.id) } });
    assert.equal(order.status, 201, order.text);
    for (const reply of [card, completed, order]) assert.equal(typeof reply.json.id, 'undefined', `a Quaderno id reached the browser: ${reply.text}`);
    // The refusals of the payment start too: no total, a float, another total, an unknown method, not JSON, too large.
    const refused = ['{}', '{"method":"card","total":1.5}', '{"method":"card","total":1}', '{"method":"cash","total":1}', '{"method":', JSON.stringify({ method: 'card', pad: 'x'.repeat(20_000) })];
    for (const target of [paypal.id, rig.session().id]) {
      for (const body of refused) {
        const reply = await send(`${rig.permalink(target)}/payment.json`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
        assert.ok(reply.status >= 400 && reply.status < 500, `${body.slice(0, 40)}: ${reply.status} ${reply.text}`);
      }
    }

    assert.ok(replies.length > 25, `${replies.length} replies checked`);
    const secrets = [API_KEY, KEY_ON_THE_WIRE, STRIPE_DOUBLE_SECRET_KEY, rig.webhookSecret, PAYPAL_DOUBLE_CLIENT_SECRET, Buffer.from(`${PAYPAL_DOUBLE_CLIENT_ID}:${PAYPAL_DOUBLE_CLIENT_SECRET}`).toString('base64')];
    const told = [...replies.map((reply) => reply.text + JSON.stringify([...reply.headers])), ...rig.logs, ...rig.errors.map((error) => `${String(error)} ${(error as Error)?.stack ?? ''} ${JSON.stringify(error)}`)];
    for (const line of told) for (const secret of secrets) assert.ok(!line.includes(secret), `a secret in: ${line.slice(0, 300)}`);
  });
});
