import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPublicClient } from '../../src/api/index.js';
import { sessionTotals } from '../../src/session/money.js';
import { assertSession, call, getWithHost, publicPath, RECORDED_CREATE, tokenOf, useSandbox, payShown } from './harness.js';
import { assertCouponRefused, assertErrorBody, assertNotPending } from './refusals.js';

describe('sandbox public endpoints (by permalink)', () => {
  const sandbox = useSandbox();
  const base = () => sandbox().url;
  /** A fresh pending session through the store, returned in its API shape. */
  const fresh = (body: Record<string, unknown> = {}, status?: 'completed' | 'failed' | 'abandoned' | 'processing') =>
    sandbox().store.publicJSON(sandbox().store.createSession({ ...RECORDED_CREATE, ...body }, { status }), base()) as Record<string, any>;
  const read = async (session: Record<string, unknown>) => (await call(base(), publicPath(session))).json;

  test('GET <permalink>.json needs no key and returns the session with CORS for any origin', async () => {
    const session = fresh();
    const reply = await call(base(), publicPath(session), { headers: { Origin: 'https://merchant.example' } });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(reply.json, session);
    assertSession(reply.json);
  });

  test('the public JSON adds the protocol capabilities and hosted_url; the private JSON keeps Quaderno\'s shape', async () => {
    const session = fresh();
    const reply = await call(base(), publicPath(session));
    assert.deepEqual(reply.json.capabilities, ['update', 'coupons', 'cancel', 'pay', 'tax_preview', 'tax_id_validation', 'retry']);
    assert.equal(reply.json.hosted_url, null, 'the sandbox is not a hosted_payment server');
    for (const [method, path, body] of [
      ['PUT', publicPath(session), { customer: { first_name: 'Cap' } }],
      ['POST', publicPath(session, '/pay'), { method: 'card', card_number: '4242424242424242', total: reply.json.tax.total }],
    ] as const) {
      const written = await call(base(), path, { method, body });
      assert.deepEqual(written.json.capabilities, reply.json.capabilities, `${method} ${path}`);
      assert.equal(written.json.hosted_url, null);
    }
    const cancelled = await call(base(), publicPath(fresh(), '/cancel'), { method: 'POST' });
    assert.deepEqual(cancelled.json.capabilities, reply.json.capabilities);
    const privately = await call(base(), `/api/checkout/sessions/${session.id}.json`);
    assert.equal('capabilities' in privately.json, false);
    assert.equal('hosted_url' in privately.json, false);
  });

  test('expires_at: a pending session says when it is abandoned, and a PUT of {} restarts the clock', async () => {
    const session = fresh();
    const limit = sandbox().store.abandonAfterMs;
    const first = await read(session);
    const at = Date.parse(first.expires_at);
    assert.ok(at > Date.now() && at <= Date.now() + limit, `expires_at within the limit: ${first.expires_at}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const kept = await call(base(), publicPath(session), { method: 'PUT', body: {} });
    assert.equal(kept.status, 200);
    assert.ok(Date.parse(kept.json.expires_at) > at, `a PUT of {} moves expires_at: ${first.expires_at} → ${kept.json.expires_at}`);
    assert.deepEqual(kept.json.customer, first.customer, 'and writes nothing');
    for (const status of ['processing', 'completed', 'failed', 'abandoned'] as const) {
      assert.equal((await read(fresh({}, status))).expires_at, null, `${status}: no limit`);
    }
    const privately = await call(base(), `/api/checkout/sessions/${session.id}.json`);
    assert.equal('expires_at' in privately.json, false, 'the private JSON keeps Quaderno’s shape');
  });

  test('the permalink names the sandbox’s bound origin, not the Host it was asked for', async () => {
    const session = fresh();
    const reply = await getWithHost(base(), publicPath(session), 'shop.localtest:8080');
    assert.equal(reply.json.permalink, `${base()}/checkout/session/${tokenOf(session)}`);
  });

  for (const method of ['PUT', 'POST']) {
    test(`preflight for ${method} with Content-Type: application/json`, async () => {
      const reply = await call(base(), publicPath(fresh()), {
        method: 'OPTIONS',
        headers: { Origin: 'https://merchant.example', 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type' },
      });
      assert.ok(reply.status === 204 || reply.status === 200);
      assert.equal(reply.headers.get('access-control-allow-origin'), '*');
      assert.match(reply.headers.get('access-control-allow-methods') ?? '', new RegExp(method));
      assert.match(reply.headers.get('access-control-allow-headers') ?? '', /content-type/i);
    });
  }

  test('an unknown token → 404 for every public endpoint', async () => {
    for (const [method, path] of [
      ['GET', '/checkout/session/0000000000000000000000000000000000000000.json'],
      ['PUT', '/checkout/session/nope.json'],
      ['POST', '/checkout/session/nope/pay.json'],
      ['POST', '/checkout/session/nope/cancel.json'],
      ['GET', '/checkout/session/nope'],
    ]) {
      const reply = await call(base(), path!, { method, body: method === 'GET' ? undefined : {} });
      assert.equal(reply.status, 404, `${method} ${path}`);
    }
  });

  describe('customer update', () => {
    test('customer fields are saved and merged; email checked only when non-empty', async () => {
      const session = fresh({ customer: { first_name: 'Ann' } });
      const first = await call(base(), publicPath(session), { method: 'PUT', body: { customer: { email: 'ann@example.com', billing_country: 'es' } } });
      assert.equal(first.status, 200, first.text);
      assert.equal(first.json.customer.first_name, 'Ann');
      assert.equal(first.json.customer.email, 'ann@example.com');
      assert.equal(first.json.customer.billing_country, 'ES');
      const cleared = await call(base(), publicPath(session), { method: 'PUT', body: { customer: { email: '', company: null } } });
      assert.equal(cleared.status, 200);
      assert.equal(cleared.json.customer.email, '');
    });

    test('form-encoded customer data works too', async () => {
      const session = fresh();
      const reply = await call(base(), publicPath(session), {
        method: 'PUT',
        body: 'customer[first_name]=Jo&customer[email]=jo@example.com',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.json.customer.first_name, 'Jo');
    });

    const tampering: Array<[string, Record<string, unknown>, string]> = [
      ['items', { items: [{ name: 'Free', amount: 0, currency: 'EUR' }] }, 'field_not_allowed'],
      ['an amount', { amount: 1 }, 'field_not_allowed'],
      ['status', { status: 'completed' }, 'field_not_allowed'],
      ['success_url', { success_url: 'https://evil.example' }, 'field_not_allowed'],
      ['cancel_url', { cancel_url: 'javascript:alert(1)' }, 'field_not_allowed'],
      ['payment_methods', { payment_methods: ['paypal'] }, 'field_not_allowed'],
      ['coupon_collection', { coupon_collection: true }, 'field_not_allowed'],
      ['id', { id: 1 }, 'field_not_allowed'],
      ['permalink', { permalink: 'http://evil.example/checkout/session/x' }, 'field_not_allowed'],
      ['processor', { processor: 'stripe', processor_id: 'ch_x' }, 'field_not_allowed'],
      ['an unknown key', { foo: 'bar' }, 'field_not_allowed'],
      ['an unknown customer key', { customer: { is_admin: true } }, 'field_not_allowed'],
      ['items alongside a valid customer change', { customer: { first_name: 'Eve' }, items: [] }, 'field_not_allowed'],
      ['a 256-character field', { customer: { last_name: 'x'.repeat(256) } }, 'field_invalid'],
      ['a malformed email', { customer: { email: 'eve@' } }, 'field_invalid'],
      ['a non-string field', { customer: { first_name: ['Eve'] } }, 'field_invalid'],
      ['a non-string coupon', { coupon: 10 }, 'field_invalid'],
    ];
    for (const [name, body, code] of tampering) {
      test(`PUT with ${name} → 4xx and the session is unchanged`, async () => {
        const session = fresh({ coupon_collection: false });
        const reply = await call(base(), publicPath(session), { method: 'PUT', body });
        assertErrorBody(reply, 422, code);
        assert.ok(reply.json.errors && Object.keys(reply.json.errors).length > 0);
        assert.deepEqual(await read(session), session);
      });
    }

    test("a token only reaches its own session", async () => {
      const mine = fresh();
      const theirs = fresh();
      const reply = await call(base(), publicPath(mine), { method: 'PUT', body: { id: theirs.id, customer: { first_name: 'Mallory' } } });
      assert.equal(reply.status, 422);
      assert.deepEqual(await read(theirs), theirs);
      assert.deepEqual(await read(mine), mine);
      const ok = await call(base(), publicPath(mine), { method: 'PUT', body: { customer: { first_name: 'Mallory' } } });
      assert.equal(ok.json.id, mine.id);
      assert.deepEqual(await read(theirs), theirs);
    });

    for (const status of ['processing', 'completed', 'failed', 'abandoned'] as const) {
      test(`PUT on a ${status} session → 422 session_not_pending naming the status, and unchanged`, async () => {
        const session = fresh({}, status);
        const reply = await call(base(), publicPath(session), { method: 'PUT', body: { customer: { first_name: 'Late' } } });
        assertNotPending(reply, status);
        assert.deepEqual(await read(session), session);
      });
    }

    test('a session turned non-pending mid-edit refuses the next PUT', async () => {
      const session = fresh();
      assert.equal((await call(base(), publicPath(session), { method: 'PUT', body: { customer: { first_name: 'A' } } })).status, 200);
      sandbox().store.setStatus(session.id, 'completed');
      const reply = await call(base(), publicPath(session), { method: 'PUT', body: { customer: { first_name: 'B' } } });
      assertNotPending(reply, 'completed');
      assert.equal((await read(session)).customer.first_name, 'A');
    });
  });

  describe('coupons through the permalink', () => {
    const applied: Array<[string, string, Record<string, unknown>, number]> = [
      ['percent', 'WELCOME10', { code: 'WELCOME10', percent_off: 10, amount_off: null, currency: null }, 210],
      ['percent, typed in lower case with spaces', '  half ', { code: 'HALF', percent_off: 50 }, 1050],
      ['amount in minor units', 'FIVEOFF', { code: 'FIVEOFF', amount_off: 500, currency: 'EUR', percent_off: null }, 500],
    ];
    for (const [name, code, expected, discount] of applied) {
      test(`a valid ${name} coupon is applied and discounts in minor units`, async () => {
        const session = fresh();
        const reply = await call(base(), publicPath(session), { method: 'PUT', body: { coupon: code } });
        assert.equal(reply.status, 200, reply.text);
        for (const [key, value] of Object.entries(expected)) assert.equal(reply.json.coupon[key], value, key);
        assert.equal(typeof reply.json.coupon.name, 'string');
        const totals = sessionTotals(assertSession(reply.json));
        assert.equal(totals.discount, discount);
        assert.equal(totals.total, 2100 - discount);
      });
    }

    const refused: Array<[string, Record<string, unknown>, string, RegExp, string]> = [
      ['an unknown code', {}, 'NOPE', /not valid/, 'coupon_unknown'],
      ['an expired coupon', {}, 'EXPIRED', /expired/, 'coupon_expired'],
      ['an exhausted coupon', {}, 'USEDUP', /limit/, 'coupon_used_up'],
      ['a session without coupon_collection', { coupon_collection: false }, 'WELCOME10', /does not accept/, 'coupon_not_accepted'],
      ['an amount coupon in another currency', { items: [{ product: 'plan_Ef1KlbLjGSnypB' }] }, 'FIVEOFF', /EUR/, 'coupon_currency'],
    ];
    for (const [name, body, code, message, fieldCode] of refused) {
      test(`${name} → 422 errors.coupon with field_codes.coupon ${fieldCode}, and the rest of the request is not applied`, async () => {
        const session = fresh(body);
        const reply = await call(base(), publicPath(session), { method: 'PUT', body: { coupon: code, customer: { first_name: 'Kept?' } } });
        assertCouponRefused(reply, fieldCode);
        // why: the English message stays as it was, for readers that still match it.
        assert.match(reply.json.errors.coupon[0], message);
        assert.equal(reply.json.currency, fieldCode === 'coupon_currency' ? 'EUR' : undefined, 'currency only with coupon_currency');
        assert.deepEqual(await read(session), session);
      });
    }

    for (const removal of [null, '']) {
      test(`coupon ${JSON.stringify(removal)} removes the coupon`, async () => {
        const session = fresh();
        await call(base(), publicPath(session), { method: 'PUT', body: { coupon: 'HALF' } });
        const reply = await call(base(), publicPath(session), { method: 'PUT', body: { coupon: removal } });
        assert.equal(reply.status, 200);
        assert.equal('coupon' in reply.json, false);
      });
    }

    test('a coupon deleted and re-created with another discount: the session keeps what it showed, and pay asks to apply it again', async () => {
      // Decision: a session snapshots the coupon it applied, bound to that coupon's identity. The
      // re-created code is another coupon, so paying with the old snapshot is refused as coupon_unknown (the old
      // coupon is dropped) and the customer re-applies the code, seeing the new discount before paying; never a
      // discount nobody offers.
      const create = (percent_off: number) => call(base(), '/api/checkout/coupons.json', { method: 'POST', body: { code: 'REBORN', percent_off } });
      assert.equal((await create(10)).status, 201);
      const session = fresh();
      assert.equal((await call(base(), publicPath(session), { method: 'PUT', body: { coupon: 'REBORN' } })).status, 200);
      assert.equal((await call(base(), '/api/checkout/coupons/REBORN.json', { method: 'DELETE' })).status, 204);
      assert.equal((await create(50)).status, 201);
      assert.equal((await read(session)).coupon.percent_off, 10, 'the snapshot the customer saw');
      const refused = await payShown(base(), session, { method: 'card', card_number: '4242424242424242' });
      assertCouponRefused(refused, 'coupon_unknown', 'payment_total_changed');
      const dropped = await read(session);
      assert.equal(dropped.status, 'pending');
      assert.equal(dropped.coupon, undefined, 'the coupon that no longer exists was dropped');
      const reapplied = await call(base(), publicPath(session), { method: 'PUT', body: { coupon: 'reborn' } });
      assert.equal(reapplied.json.coupon.percent_off, 50);
      assert.equal(sessionTotals(assertSession(reapplied.json)).total, 1050);
      const paid = await payShown(base(), session, { method: 'card', card_number: '4242424242424242' });
      assert.equal(paid.status, 202, paid.text);
    });

    test('applying a coupon does not redeem it; completing the payment does', async () => {
      const limited = await call(base(), '/api/checkout/coupons.json', { method: 'POST', body: { code: 'ONCE', percent_off: 5, max_redemptions: 1 } });
      assert.equal(limited.status, 201);
      const a = fresh();
      const b = fresh();
      assert.equal((await call(base(), publicPath(a), { method: 'PUT', body: { coupon: 'once' } })).status, 200);
      assert.equal((await call(base(), publicPath(b), { method: 'PUT', body: { coupon: 'ONCE' } })).status, 200);
      assert.equal((await call(base(), '/api/checkout/coupons/ONCE.json')).json.times_redeemed, 0);
      const paid = await payShown(base(), a, { method: 'card', card_number: '4242424242424242' });
      assert.equal(paid.status, 202);
      await new Promise((r) => setTimeout(r, 120));
      assert.equal((await read(a)).status, 'completed');
      assert.equal((await call(base(), '/api/checkout/coupons/ONCE.json')).json.times_redeemed, 1);
      const second = await payShown(base(), b, { method: 'card', card_number: '4242424242424242' });
      assertCouponRefused(second, 'coupon_used_up', 'payment_total_changed');
      assert.match(second.json.errors.coupon[0], /limit/);
      assert.equal((await read(b)).status, 'pending');
      assert.equal((await read(b)).coupon, undefined, 'the coupon that ran out was dropped: the next pay is at full price');
    });
  });

  test('100 parallel PUTs on one session leave it valid', async () => {
    const session = fresh({ customer: {} });
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        call(base(), publicPath(session), {
          method: 'PUT',
          body:
            i % 10 === 0
              ? { customer: { email: 'broken' }, coupon: 'HALF' } // invalid: must change nothing
              : i % 10 === 1
                ? { coupon: i % 20 === 1 ? 'WELCOME10' : null }
                : { customer: { first_name: `First${i}`, last_name: `Last${i}`, email: `c${i}@example.com` } },
        }),
      ),
    );
    assert.ok(replies.every((r) => r.status === 200 || r.status === 422));
    assert.equal(replies.filter((r) => r.status === 422).length, 10);
    const final = assertSession(await read(session));
    const n = /^First(\d+)$/.exec(final.customer.first_name ?? '')?.[1];
    assert.ok(n, 'a first name from one of the writes');
    // why: each write is applied whole, so the three fields always come from the same request.
    assert.equal(final.customer.last_name, `Last${n}`);
    assert.equal(final.customer.email, `c${n}@example.com`);
    assert.ok(final.coupon == null || final.coupon.code === 'WELCOME10');
    assert.equal(final.status, 'pending');
  });

  test('the public client works against the sandbox', async () => {
    const session = fresh();
    const client = createPublicClient(session.permalink, { retries: 0 });
    assert.equal((await client.retrieve()).id, session.id);
    assert.equal((await client.update({ customer: { first_name: 'Client' }, coupon: 'WELCOME10' })).coupon?.code, 'WELCOME10');
    await assert.rejects(client.update({ customer: { email: 'x' } }), { code: 'validation' });
    const paid = await client.pay({ method: 'card', card_number: '4242 4242 4242 4242', total: 1890 });
    assert.equal(paid.status, 'processing');
    await assert.rejects(client.update({ customer: { first_name: 'Late' } }), { code: 'conflict' });
  });

  describe('hosted checkout page', () => {
    test('renders <quaderno-checkout> for the session with a strict CSP and no inline script', async () => {
      const session = fresh();
      const url = `/checkout/session/${tokenOf(session)}`;
      const reply = await call(base(), url);
      // why: the element may not be built yet in this tree; then the page says so with a 503, never a 500.
      if (reply.status === 503) {
        assert.match(reply.text, /could not be built/);
        return;
      }
      assert.equal(reply.status, 200);
      assert.match(reply.headers.get('content-type') ?? '', /text\/html/);
      assert.ok(reply.text.includes(`<quaderno-checkout permalink="${session.permalink}"`));
      assert.match(reply.text, /<script type="module" src="\/quaderno-checkout\.js"><\/script>/);
      assert.equal(/<script(?![^>]*\bsrc=)[^>]*>/.test(reply.text), false, 'no inline script');
      const csp = reply.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-eval/);
      assert.match(csp, /connect-src 'self'/);
      const script = await call(base(), '/quaderno-checkout.js');
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /javascript/);
    });

    test('a custom scriptUrl is used and ?locale= is passed on only when known', async () => {
      const { startSandbox } = await import('../../src/sandbox/server.js');
      const other = await startSandbox({ port: 0, scriptUrl: '/src/quaderno-checkout.ts' });
      try {
        const token = other.store.getSession(101)!.token;
        const reply = await call(other.url, `/checkout/session/${token}?locale=fi`);
        assert.equal(reply.status, 200);
        assert.match(reply.text, /src="\/src\/quaderno-checkout\.ts"/);
        assert.match(reply.text, /locale="fi"/);
        const bad = await call(other.url, `/checkout/session/${token}?locale="><script>`);
        assert.doesNotMatch(bad.text, /locale=/);
        assert.doesNotMatch(bad.text, /<script>/);
      } finally {
        await other.close();
      }
    });

    test('an unknown token → 404 page', async () => {
      const reply = await call(base(), '/checkout/session/unknown');
      assert.equal(reply.status, 404);
      assert.match(reply.text, /not found/i);
    });
  });

  describe('sandbox-only helpers', () => {
    test('GET /sandbox/sessions.json lists the seeded sessions with label, status and permalink, without a key', async () => {
      const reply = await call(base(), '/sandbox/sessions.json', { headers: { Origin: 'http://demo.example' } });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('access-control-allow-origin'), '*');
      const list = reply.json as Array<{ id: number; label: string; status: string; permalink: string }>;
      assert.deepEqual(list.slice(0, 3).map((s) => [s.id, s.status]), [[1, 'completed'], [2, 'failed'], [3, 'abandoned']]);
      for (const entry of list) {
        assert.equal(typeof entry.label, 'string');
        assert.match(entry.permalink, /\/checkout\/session\/[0-9a-f]{40}$/);
      }
      assert.ok(list.filter((s) => s.status === 'pending').length >= 10);
    });

    test('POST /sandbox/sessions.json {from} makes a fresh pending copy', async () => {
      const reply = await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: 1 } });
      assert.equal(reply.status, 201);
      const copy = await call(base(), `${new URL(reply.json.permalink).pathname}.json`);
      assert.equal(copy.json.status, 'pending');
      assert.equal(copy.json.metadata.label, 'Seed #1: completed');
      assert.notEqual(copy.json.id, 1);
      // why: keyless copies are for the seeded sessions only; any other id needs the key, existing or not (access.test.ts).
      assert.equal((await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: 424242 } })).status, 401);
      assert.equal((await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: 'x' } })).status, 422);
      const form = await call(base(), '/sandbox/sessions', { method: 'POST', body: 'from=103', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      assert.equal(form.status, 201);
    });

    test('GET /sandbox/coupons.json lists codes to try', async () => {
      const codes = (await call(base(), '/sandbox/coupons.json')).json.map((c: { code: string }) => c.code);
      for (const code of ['WELCOME10', 'HALF', 'FIVEOFF', 'EXPIRED', 'USEDUP']) assert.ok(codes.includes(code), code);
    });
  });
});
