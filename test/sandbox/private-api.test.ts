import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { createPrivateClient, ConflictError, ValidationError } from '../../src/api/index.js';
import { CUSTOMER_FIELDS } from '../../src/session/schema.js';
import { assertSession, call, KEY, RECORDED_CREATE, useSandbox } from './harness.js';
import { assertErrorBody, assertNotPending } from './refusals.js';

const run = promisify(execFile);

describe('sandbox private API', () => {
  const sandbox = useSandbox();
  const base = () => sandbox().url;
  const create = async (body: unknown = RECORDED_CREATE) => {
    const reply = await call(base(), '/api/checkout/sessions.json', { method: 'POST', body });
    assert.equal(reply.status, 201, reply.text);
    return reply.json;
  };

  describe('auth', () => {
    const cases: Array<[string, Record<string, string>, number]> = [
      ['no Authorization header', {}, 401],
      ['a wrong key', { Authorization: `Basic ${Buffer.from('sk_wrong:x').toString('base64')}` }, 401],
      ['the key as password only', { Authorization: `Basic ${Buffer.from(`:${KEY}`).toString('base64')}` }, 401],
      ['a Bearer token', { Authorization: `Bearer ${KEY}` }, 401],
      ['garbage', { Authorization: 'Basic !!!' }, 401],
      ['the right key, any password', { Authorization: `Basic ${Buffer.from(`${KEY}:whatever`).toString('base64')}` }, 200],
      ['the right key, no password', { Authorization: `Basic ${Buffer.from(KEY).toString('base64')}` }, 200],
    ];
    for (const [name, headers, status] of cases) {
      test(`${name} → ${status}`, async () => {
        const reply = await call(base(), '/api/checkout/sessions.json', { headers, auth: false });
        assert.equal(reply.status, status);
        if (status === 401) {
          assertErrorBody(reply, 401, 'unauthorized');
          assert.match(reply.headers.get('www-authenticate') ?? '', /^Basic/);
        }
      });
    }

    test("the seed document's curl command works verbatim with only the host changed", async () => {
      const { stdout } = await run('curl', ['-s', '-u', `${KEY}:x`, '-X', 'GET', `${base()}/api/checkout/sessions.json`]);
      const list = JSON.parse(stdout);
      assert.ok(Array.isArray(list) && list.length >= 3);
    });

    test('curl -d (form-encoded) creates a session with Rails-style brackets', async () => {
      const { stdout } = await run('curl', [
        '-s', '-u', `${KEY}:x`, `${base()}/api/checkout/sessions.json`,
        '-d', 'items[][product]=000000', '-d', 'items[][quantity]=2', '-d', 'items[][product]=awesome',
        '-d', 'customer[email]=a@b.co', '-d', 'payment_methods[]=card', '-d', 'payment_methods[]=paypal',
        '-d', 'coupon_collection=true', '-d', 'metadata[order]=42',
      ]);
      const session = assertSession(JSON.parse(stdout));
      assert.deepEqual(session.items.map((i) => [i.product, i.quantity]), [['000000', 2], ['awesome', 1]]);
      assert.equal(session.customer.email, 'a@b.co');
      assert.deepEqual(session.payment_methods, ['card', 'paypal']);
      assert.equal(session.coupon_collection, true);
      assert.deepEqual(session.metadata, { order: '42' });
    });
  });

  describe('every spelling', () => {
    test('list and create at plural and singular, with and without .json (and a trailing slash)', async () => {
      for (const path of ['/api/checkout/sessions.json', '/api/checkout/sessions', '/api/checkout/session.json', '/api/checkout/session', '/api/checkout/sessions/']) {
        assert.equal((await call(base(), path)).status, 200, path);
        assert.equal((await call(base(), path, { method: 'POST', body: RECORDED_CREATE })).status, 201, path);
      }
    });

    const memberPaths = (id: number) => [
      `/api/checkout/sessions/${id}.json`,
      `/api/checkout/sessions/${id}`,
      `/api/checkout/session/${id}.json`,
      `/api/checkout/session/${id}`,
    ];
    test('retrieve, update and delete at every member spelling', async () => {
      for (const path of memberPaths(0).map((_, i) => i)) {
        const session = await create();
        const url = memberPaths(session.id)[path]!;
        assert.equal((await call(base(), url)).json.id, session.id);
        const updated = await call(base(), url, { method: 'PUT', body: { cancel_url: 'http://example.com/back' } });
        assert.equal(updated.status, 200);
        assert.equal(updated.json.cancel_url, 'http://example.com/back');
        const deleted = await call(base(), url, { method: 'DELETE' });
        assert.equal(deleted.status, 204);
        assert.equal(deleted.text, '');
        assert.equal((await call(base(), url)).status, 404);
      }
    });

    const notFound = ['/api/checkout/sessions/999999.json', '/api/checkout/sessions/abc.json', '/api/checkout/sessions/1.xml', '/api/checkout/nothing'];
    for (const path of notFound) {
      test(`GET ${path} → 404 JSON`, async () => {
        const reply = await call(base(), path);
        assert.equal(reply.status, 404);
        assert.equal(typeof reply.json.error, 'string');
        if (path.includes('999999')) assertErrorBody(reply, 404, 'session_not_found');
        // why capability_unsupported: a route this server lacks (an element asking an older sandbox for a newer endpoint).
        if (path.endsWith('nothing')) assertErrorBody(reply, 404, 'capability_unsupported');
      });
    }
  });

  describe('create', () => {
    test('defaults match the recording, with all 11 customer keys', async () => {
      const session = await create({ items: [{ product: '000000' }] });
      assert.equal(session.status, 'pending');
      assert.equal(session.locale, 'auto');
      assert.deepEqual(session.payment_methods, ['card']);
      assert.deepEqual(session.custom, {});
      assert.deepEqual(session.metadata, {});
      assert.equal(session.billing_details_collection, 'required');
      assert.deepEqual(Object.keys(session.customer).sort(), [...CUSTOMER_FIELDS].sort());
      assert.ok(Object.values(session.customer).every((v) => v === null));
      assert.deepEqual(session.items, [{ product: '000000', amount: 2100, name: 'Test_Skynet', description: null, currency: 'EUR', quantity: 1 }]);
      assert.match(session.permalink, new RegExp(`^${base()}/checkout/session/[0-9a-f]{40}$`));
    });

    test('a full item that is not in the catalog is kept as given; currency is upper-cased', async () => {
      const session = await create({ items: [{ name: 'Custom', amount: 1999, currency: 'jpy', quantity: 3, description: null }] });
      assert.deepEqual(session.items[0], { product: null, amount: 1999, name: 'Custom', description: null, currency: 'JPY', quantity: 3 });
    });

    test('unknown top-level fields are ignored (id and status cannot be chosen)', async () => {
      const session = await create({ ...RECORDED_CREATE, id: 1, status: 'completed', foo: 'bar' });
      assert.notEqual(session.id, 1);
      assert.equal(session.status, 'pending');
      assert.equal('foo' in session, false);
    });

    const invalid: Array<[string, unknown, string]> = [
      ['no items', { cancel_url: 'http://a.b' }, 'items'],
      ['empty items', { items: [] }, 'items'],
      ['an unknown product', { items: [{ product: 'nope' }] }, 'items.0.product'],
      ['a second unknown product', { items: [{ product: '000000' }, { product: 'nope' }] }, 'items.1.product'],
      ['a fractional minor amount', { items: [{ name: 'x', amount: 9.99, currency: 'EUR' }] }, 'items.0.amount'],
      ['a negative amount', { items: [{ name: 'x', amount: -1, currency: 'EUR' }] }, 'items.0.amount'],
      ['a non-numeric amount', { items: [{ name: 'x', amount: 'lots', currency: 'EUR' }] }, 'items.0.amount'],
      ['quantity 0', { items: [{ product: '000000', quantity: 0 }] }, 'items.0.quantity'],
      ['items not an array', { items: 'nope' }, 'items'],
      ['a javascript: success_url', { ...RECORDED_CREATE, success_url: 'javascript:alert(1)' }, 'success_url'],
      ['an unknown locale', { ...RECORDED_CREATE, locale: 'xx' }, 'locale'],
      ['an unknown payment method', { ...RECORDED_CREATE, payment_methods: ['bitcoin'] }, 'payment_methods.0'],
      ['no payment methods', { ...RECORDED_CREATE, payment_methods: [] }, 'payment_methods'],
      ['a bad billing mode', { ...RECORDED_CREATE, billing_details_collection: 'some' }, 'billing_details_collection'],
      ['a bad email', { ...RECORDED_CREATE, customer: { email: 'not-an-email' } }, 'customer.email'],
      ['a 256-character name', { ...RECORDED_CREATE, customer: { first_name: 'x'.repeat(256) } }, 'customer.first_name'],
      ['a non-string customer field', { ...RECORDED_CREATE, customer: { first_name: 42 } }, 'customer.first_name'],
      ['a country that is not ISO', { ...RECORDED_CREATE, customer: { billing_country: 'Spain' } }, 'customer.billing_country'],
      ['a JSON array body', [RECORDED_CREATE], 'base'],
    ];
    for (const [name, body, field] of invalid) {
      test(`${name} → 422 errors["${field}"]`, async () => {
        const before = (await call(base(), '/api/checkout/sessions.json')).json.length;
        const reply = await call(base(), '/api/checkout/sessions.json', { method: 'POST', body });
        assertErrorBody(reply, 422, 'field_invalid');
        assert.ok(Array.isArray(reply.json.errors?.[field]), `expected errors[${field}] in ${reply.text}`);
        assert.equal((await call(base(), '/api/checkout/sessions.json')).json.length, before);
      });
    }
  });

  describe('list', () => {
    test('newest first, and ?status= filters', async () => {
      const a = await create();
      const b = await create();
      const list = (await call(base(), '/api/checkout/sessions.json')).json;
      assert.deepEqual(list.slice(0, 2).map((s: { id: number }) => s.id), [b.id, a.id]);
      list.forEach(assertSession);
      for (const status of ['pending', 'completed', 'failed', 'abandoned', 'processing']) {
        const filtered = (await call(base(), `/api/checkout/sessions.json?status=${status}`)).json;
        assert.ok(filtered.every((s: { status: string }) => s.status === status), status);
      }
      assert.ok((await call(base(), '/api/checkout/sessions.json?status=completed')).json.some((s: { id: number }) => s.id === 1));
    });

    test('an unknown status filter → 422', async () => {
      const reply = await call(base(), '/api/checkout/sessions.json?status=paid');
      assert.equal(reply.status, 422);
      assert.ok(reply.json.errors.status);
    });
  });

  describe("Quaderno's PHP client: it sends an empty object back as []", () => {
    test('create with custom: [] and metadata: [] → 201, stored as {}', async () => {
      const session = await create({ ...RECORDED_CREATE, custom: [], metadata: [] });
      assert.deepEqual(session.custom, {});
      assert.deepEqual(session.metadata, {});
    });

    test("update the way PHP's save() does (the whole session back, {} as []) → 200, and nothing lost", async () => {
      const session = await create({ ...RECORDED_CREATE, metadata: { order: 'A-1' } });
      const { id: _id, status: _status, permalink: _permalink, customer, ...rest } = session;
      const reply = await call(base(), `/api/checkout/sessions/${session.id}.json`, {
        method: 'PUT',
        body: { ...rest, custom: [], metadata: [], customer: { ...customer, first_name: 'Php' } },
      });
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(reply.json.custom, {});
      assert.deepEqual(reply.json.metadata, {}, 'PHP sent it as empty: that is what the merchant asked for');
      assert.equal(reply.json.customer.first_name, 'Php');
    });

    for (const [name, value] of [['a non-empty array', ['x']], ['a string', 'x'], ['a number', 1]] as const) {
      test(`custom as ${name} is still refused (422 errors.custom)`, async () => {
        const reply = await call(base(), '/api/checkout/sessions.json', { method: 'POST', body: { ...RECORDED_CREATE, custom: value } });
        assert.equal(reply.status, 422, reply.text);
        assert.ok(reply.json.errors.custom, reply.text);
      });
    }
  });

  describe('sessions the element would refuse as broken', () => {
    const EUR = { name: 'EUR line', amount: 1000, currency: 'EUR' };
    const broken: Array<[string, unknown[], string]> = [
      ['mixed currencies (full items)', [EUR, { name: 'USD line', amount: 1000, currency: 'USD' }], 'items.1.currency'],
      ['mixed currencies (catalog products)', [{ product: '000000' }, { product: 'plan_Ef1KlbLjGSnypB' }], 'items.1.currency'],
      ['a line total beyond exact integers', [{ ...EUR, amount: 2 ** 52, quantity: 2 }], 'items.0.amount'],
      ['a huge quantity', [{ ...EUR, amount: 2100, quantity: 1e15 }], 'items.0.amount'],
      ['a session total beyond exact integers', [{ ...EUR, amount: Number.MAX_SAFE_INTEGER }, { ...EUR, amount: 1 }], 'items'],
    ];
    for (const [name, items, field] of broken) {
      test(`create with ${name} → 422 session_broken naming ${field}, nothing stored`, async () => {
        const before = (await call(base(), '/api/checkout/sessions.json')).json.length;
        const reply = await call(base(), '/api/checkout/sessions.json', { method: 'POST', body: { ...RECORDED_CREATE, items } });
        assertErrorBody(reply, 422, 'session_broken');
        assert.ok(reply.json.errors[field], reply.text);
        assert.equal(reply.json.field_codes[field], 'session_broken');
        assert.equal((await call(base(), '/api/checkout/sessions.json')).json.length, before);
      });

      test(`update with ${name} → 422 session_broken naming ${field}, unchanged`, async () => {
        const session = await create();
        const path = `/api/checkout/sessions/${session.id}.json`;
        const reply = await call(base(), path, { method: 'PUT', body: { items, locale: 'fi' } });
        assertErrorBody(reply, 422, 'session_broken');
        assert.ok(reply.json.errors[field], reply.text);
        assert.deepEqual((await call(base(), path)).json, session);
      });
    }

    test('the largest exact total is accepted', async () => {
      const session = await create({ ...RECORDED_CREATE, items: [{ ...EUR, amount: Number.MAX_SAFE_INTEGER }] });
      assert.equal(session.items[0].amount, Number.MAX_SAFE_INTEGER);
    });
  });

  describe('update', () => {
    test('changes only what is given; customer fields merge', async () => {
      const session = await create({ ...RECORDED_CREATE, customer: { email: 'a@b.co', first_name: 'Ann' } });
      const reply = await call(base(), `/api/checkout/sessions/${session.id}.json`, {
        method: 'PUT',
        body: { customer: { last_name: 'Lee' }, items: [{ product: 'awesome', quantity: 2 }], locale: 'fi', payment_methods: ['paypal'] },
      });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.json.customer.email, 'a@b.co');
      assert.equal(reply.json.customer.first_name, 'Ann');
      assert.equal(reply.json.customer.last_name, 'Lee');
      assert.deepEqual(reply.json.items.map((i: { product: string; quantity: number }) => [i.product, i.quantity]), [['awesome', 2]]);
      assert.equal(reply.json.locale, 'fi');
      assert.equal(reply.json.success_url, RECORDED_CREATE.success_url);
    });

    test('an invalid update → 422 and nothing changes, not even the valid fields in it', async () => {
      const session = await create();
      const reply = await call(base(), `/api/checkout/sessions/${session.id}.json`, {
        method: 'PUT',
        body: { cancel_url: 'http://example.com/new', items: [{ product: 'nope' }] },
      });
      assert.equal(reply.status, 422);
      assert.deepEqual((await call(base(), `/api/checkout/sessions/${session.id}.json`)).json, session);
    });

    for (const status of ['processing', 'completed', 'failed', 'abandoned'] as const) {
      test(`a ${status} session: PUT and DELETE → 422 session_not_pending naming the status, unchanged`, async () => {
        const stored = sandbox().store.createSession(RECORDED_CREATE, { status });
        const path = `/api/checkout/sessions/${stored.id}.json`;
        const before = (await call(base(), path)).json;
        const put = await call(base(), path, { method: 'PUT', body: { cancel_url: 'http://example.com/x' } });
        assertNotPending(put, status);
        assert.match(put.json.error, new RegExp(status));
        const del = await call(base(), path, { method: 'DELETE' });
        assertNotPending(del, status);
        assert.deepEqual((await call(base(), path)).json, before);
      });
    }
  });

  describe('bodies', () => {
    test('malformed JSON → 400 with an error', async () => {
      const reply = await call(base(), '/api/checkout/sessions.json', {
        method: 'POST',
        body: '{"items": [',
        headers: { 'Content-Type': 'application/json' },
      });
      assertErrorBody(reply, 400, 'body_invalid');
      assert.match(reply.json.error, /JSON/);
      assert.deepEqual(reply.json.errors, { base: [reply.json.error] }, 'the PHP client reads only errors');
    });

    const unsupported = ['text/plain', 'multipart/form-data; boundary=x', 'application/xml'];
    for (const type of unsupported) {
      test(`Content-Type ${type} → 415`, async () => {
        const reply = await call(base(), '/api/checkout/sessions.json', { method: 'POST', body: 'items=1', headers: { 'Content-Type': type } });
        assertErrorBody(reply, 415, 'unsupported_media_type');
      });
    }

    test('JSON without a Content-Type, or sent by curl -d without -H, is recognised', async () => {
      const response = await fetch(`${base()}/api/checkout/sessions.json`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${KEY}:x`).toString('base64')}` },
        body: new TextEncoder().encode(JSON.stringify(RECORDED_CREATE)),
      });
      assert.equal(response.status, 201);
      const { stdout } = await run('curl', ['-s', '-u', `${KEY}:x`, `${base()}/api/checkout/sessions.json`, '-d', JSON.stringify(RECORDED_CREATE)]);
      assert.equal(JSON.parse(stdout).items[0].name, 'Test_Skynet');
    });

    test('a body over maxBodyBytes → 413 (declared length and chunked)', async () => {
      const big = JSON.stringify({ ...RECORDED_CREATE, metadata: { pad: 'x'.repeat(70 * 1024) } });
      const declared = await call(base(), '/api/checkout/sessions.json', { method: 'POST', body: big, headers: { 'Content-Type': 'application/json' } });
      assertErrorBody(declared, 413, 'body_too_large');
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 4000, (i + 1) * 4000)));
          controller.close();
        },
      });
      const response = await fetch(`${base()}/api/checkout/sessions.json`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${KEY}:x`).toString('base64')}`, 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      assert.equal(response.status, 413);
    });

    test('a __proto__ key cannot pollute anything', async () => {
      const reply = await call(base(), '/api/checkout/sessions.json', {
        method: 'POST',
        body: `{"items":[{"product":"000000"}],"custom":{"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}`,
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(reply.status, 201);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(reply.json.custom, {});
    });

    test('bad input never yields a 500', async () => {
      const bodies = ['', 'null', '42', '"str"', '[]', '{}', '{"items":null}', '{"items":[null]}', '{"items":[{"product":null}]}',
        '{"customer":null,"items":[{"product":"000000"}]}', '{"customer":[],"items":[{"product":"000000"}]}', '\u0000', 'items[', 'a[b][[c]=1',
        '{"items":[{"product":"000000","quantity":1e309}]}', '{"custom":"x","items":[{"product":"000000"}]}'];
      const paths: Array<[string, string]> = [
        ['POST', '/api/checkout/sessions.json'], ['PUT', '/api/checkout/sessions/100.json'], ['POST', '/api/checkout/coupons.json'],
        ['PUT', publicPath100()], ['POST', publicPath100('/pay')], ['POST', '/sandbox/sessions.json'],
      ];
      for (const [method, path] of paths) {
        for (const body of bodies) {
          for (const type of ['application/json', 'application/x-www-form-urlencoded', '']) {
            const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
            const reply = await call(base(), path, { method, body, headers });
            assert.ok(reply.status < 500, `${method} ${path} ${type} ${JSON.stringify(body)} → ${reply.status} ${reply.text}`);
          }
        }
      }
      const invalidUtf8 = await fetch(`${base()}/api/checkout/sessions.json`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${KEY}:x`).toString('base64')}`, 'Content-Type': 'application/json' },
        body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      });
      assert.equal(invalidUtf8.status, 400);
    });
    function publicPath100(suffix = '') {
      return `/checkout/session/${sandbox().store.getSession(100)!.token}${suffix}.json`;
    }
  });

  describe('coupons API', () => {
    test('create, list, retrieve (any case, with or without .json) and delete', async () => {
      const created = await call(base(), '/api/checkout/coupons.json', { method: 'POST', body: { code: 'Spring25', name: 'Spring', percent_off: 25 } });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(
        { ...created.json, id: 0 },
        { id: 0, code: 'Spring25', name: 'Spring', percent_off: 25, amount_off: null, currency: null, redeem_by: null, max_redemptions: null, times_redeemed: 0, valid: true },
      );
      assert.ok((await call(base(), '/api/checkout/coupons')).json.some((c: { code: string }) => c.code === 'Spring25'));
      assert.equal((await call(base(), '/api/checkout/coupons/spring25.json')).json.code, 'Spring25');
      assert.equal((await call(base(), '/api/checkout/coupons/SPRING25')).status, 200);
      assert.equal((await call(base(), '/api/checkout/coupons/Spring25.json', { method: 'DELETE' })).status, 204);
      assertErrorBody(await call(base(), '/api/checkout/coupons/Spring25.json'), 404, 'coupon_unknown');
      assert.equal((await call(base(), '/api/checkout/coupons/Spring25.json', { method: 'DELETE' })).status, 404);
    });

    test('seed coupons report validity', async () => {
      const list = (await call(base(), '/api/checkout/coupons.json')).json as Array<{ code: string; valid: boolean }>;
      const valid = Object.fromEntries(list.map((c) => [c.code, c.valid]));
      assert.equal(valid.WELCOME10, true);
      assert.equal(valid.FIVEOFF, true);
      assert.equal(valid.HALF, true);
      assert.equal(valid.EXPIRED, false);
      assert.equal(valid.USEDUP, false);
    });

    test('a form-encoded amount_off coupon', async () => {
      const reply = await call(base(), '/api/checkout/coupons.json', {
        method: 'POST',
        body: 'code=TWOEUR&amount_off=200&currency=eur&redeem_by=2999-01-01&max_redemptions=3',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(reply.status, 201, reply.text);
      assert.equal(reply.json.amount_off, 200);
      assert.equal(reply.json.currency, 'EUR');
      assert.equal(reply.json.max_redemptions, 3);
      assert.equal(reply.json.redeem_by, '2999-01-01T00:00:00.000Z');
    });

    const invalid: Array<[string, unknown, string]> = [
      ['no code', { percent_off: 10 }, 'code'],
      ['a code with spaces', { code: 'A B', percent_off: 10 }, 'code'],
      ['neither discount', { code: 'NONE' }, 'percent_off'],
      ['both discounts', { code: 'BOTH', percent_off: 10, amount_off: 100, currency: 'EUR' }, 'amount_off'],
      ['amount_off without currency', { code: 'NOCUR', amount_off: 100 }, 'currency'],
      ['percent over 100', { code: 'BIG', percent_off: 150 }, 'percent_off'],
      ['a fractional amount_off', { code: 'FRAC', amount_off: 1.5, currency: 'EUR' }, 'amount_off'],
      ['a bad redeem_by', { code: 'DATE', percent_off: 5, redeem_by: 'tomorrow' }, 'redeem_by'],
      ['a duplicate code (any case)', { code: 'welcome10', percent_off: 5 }, 'code'],
    ];
    for (const [name, body, field] of invalid) {
      test(`coupon with ${name} → 422 errors.${field}`, async () => {
        const reply = await call(base(), '/api/checkout/coupons.json', { method: 'POST', body });
        assert.equal(reply.status, 422, reply.text);
        assert.ok(reply.json.errors[field], reply.text);
      });
    }

    test('the coupons API needs the key', async () => {
      assert.equal((await call(base(), '/api/checkout/coupons.json', { auth: false })).status, 401);
    });
  });

  describe('the project client against the sandbox', () => {
    test('create → retrieve → update → list → delete, and typed errors', async () => {
      const client = createPrivateClient({ baseUrl: base(), apiKey: KEY, retries: 0 });
      const session = await client.create({ ...RECORDED_CREATE, billing_details_collection: 'auto', items: [{ product: '000000' }] });
      assert.equal(session.items[0]!.amount, 2100);
      assert.equal((await client.retrieve(session.id!)).id, session.id);
      const updated = await client.update(session.id!, { cancel_url: 'http://example.com/unsuccessful' });
      assert.equal(updated.cancel_url, 'http://example.com/unsuccessful');
      assert.ok((await client.list({ status: 'pending' })).some((s) => s.id === session.id));
      await client.delete(session.id!);
      await assert.rejects(client.retrieve(session.id!), { code: 'not_found' });
      await assert.rejects(client.create({ items: [{ product: 'nope' }] }), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.ok(error.fields['items.0.product']);
        return true;
      });
      await assert.rejects(client.update(1, { locale: 'fi' }), (error: unknown) => {
        assert.ok(error instanceof ConflictError);
        assert.equal(error.sessionStatus, 'completed');
        return true;
      });
      await assert.rejects(createPrivateClient({ baseUrl: base(), apiKey: 'nope', retries: 0 }).list(), { code: 'unauthorized' });
    });
  });
});
