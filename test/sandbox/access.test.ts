// Who may reach what without the API key: the permalink token reads one session; copying is keyless only for the
// seeded demo sessions; permalinks name the configured or bound origin, never the caller's Host header.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AUTH, call, getWithHost, publicPath, useSandbox } from './harness.js';

const PRIVATE_CUSTOMER = {
  email: 'private@example.com',
  first_name: 'Secret',
  tax_id: 'ESB12345678',
};

describe('copying a session (POST /sandbox/sessions.json)', () => {
  const sandbox = useSandbox();
  const base = () => sandbox().url;
  /** A merchant's session with personal data, created through the private API. */
  const merchantSession = () =>
    sandbox().store.createSession({
      items: [{ name: 'Plan', amount: 2100, currency: 'EUR' }],
      customer: PRIVATE_CUSTOMER,
      metadata: { internal_ref: 'crm-77' },
      custom: { note: 'vip' },
    });

  test("without the key, a merchant's session cannot be copied, and the answer does not say whether it exists", async () => {
    const session = merchantSession();
    for (const from of [session.id, 987_654]) {
      const reply = await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from } });
      assert.equal(reply.status, 401, reply.text);
      assert.equal(reply.json.code, 'unauthorized');
      assert.match(reply.headers.get('www-authenticate') ?? '', /^Basic /);
      assert.equal(reply.text.includes('private@example.com'), false);
    }
    const wrongKey = `Basic ${Buffer.from('sk_wrong:x').toString('base64')}`;
    const guessed = await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: session.id }, headers: { Authorization: wrongKey } });
    assert.equal(guessed.status, 401);
  });

  test('with the key (HTTP Basic, as the private API), any session can be copied', async () => {
    const session = merchantSession();
    const reply = await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: session.id }, headers: { Authorization: AUTH } });
    assert.equal(reply.status, 201, reply.text);
    const copy = await call(base(), `${new URL(reply.json.permalink).pathname}.json`);
    assert.equal(copy.json.customer.email, PRIVATE_CUSTOMER.email);
    assert.equal((await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: 987_654 }, headers: { Authorization: AUTH } })).status, 404);
  });

  test('every seeded demo session can still be copied without a key', async () => {
    for (const seed of sandbox().store.seedSessions()) {
      const reply = await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: seed.id } });
      assert.equal(reply.status, 201, `seed ${seed.id}: ${reply.text}`);
    }
  });

  test('a copy of a seed is not a seed: copying the copy needs the key', async () => {
    const first = await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: 100 } });
    const reply = await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: first.json.id } });
    assert.equal(reply.status, 401);
  });
});

describe('listing coupons without the key (GET /sandbox/coupons.json)', () => {
  const sandbox = useSandbox();

  test("lists the seeded demo codes only; a merchant's own code needs the key", async () => {
    const created = await call(sandbox().url, '/api/checkout/coupons.json', { method: 'POST', body: { code: 'STAFF90', percent_off: 90 } });
    assert.equal(created.status, 201, created.text);
    const keyless = (await call(sandbox().url, '/sandbox/coupons.json')).json.map((c: { code: string }) => c.code);
    assert.ok(keyless.includes('WELCOME10'));
    assert.equal(keyless.includes('STAFF90'), false);
    const keyed = (await call(sandbox().url, '/sandbox/coupons.json', { headers: { Authorization: AUTH } })).json.map((c: { code: string }) => c.code);
    assert.ok(keyed.includes('STAFF90'));
  });
});

describe('resetting the sandbox (POST /sandbox/reset.json)', () => {
  const sandbox = useSandbox();
  const reset = (headers: Record<string, string>) => call(sandbox().url, '/sandbox/reset.json', { method: 'POST', headers, auth: false });

  test("another site's page cannot wipe every session: a cross-site browser request is a 401 and nothing changes", async () => {
    const kept = sandbox().store.createSession({ items: [{ name: 'Plan', amount: 2100, currency: 'EUR' }] });
    for (const headers of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'same-site' }] as Array<Record<string, string>>) {
      const reply = await reset(headers);
      assert.equal(reply.status, 401, JSON.stringify(headers));
      assert.equal(reply.json.code, 'unauthorized');
    }
    assert.ok(sandbox().store.getSession(kept.id), 'the session survived');
  });

  test("the sandbox's own pages (the demo), a tool without Origin (curl) and the key may reset", async () => {
    for (const headers of [{}, { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost:5173' }, { Origin: sandbox().url }, { Origin: 'https://evil.example', Authorization: AUTH }] as Array<Record<string, string>>) {
      const kept = sandbox().store.createSession({ items: [{ name: 'Plan', amount: 2100, currency: 'EUR' }] });
      const reply = await reset(headers);
      assert.equal(reply.status, 204, `${JSON.stringify(headers)}: ${reply.text}`);
      assert.equal(sandbox().store.getSession(kept.id), undefined, 'back to the seed');
    }
  });
});

describe('changing the tax settings (PUT/PATCH/POST/DELETE /sandbox/tax-settings)', () => {
  const sandbox = useSandbox();
  const change = (method: 'PUT' | 'PATCH' | 'POST' | 'DELETE', headers: Record<string, string>) =>
    call(sandbox().url, '/sandbox/tax-settings.json', { method, headers, auth: false, ...(method === 'DELETE' ? {} : { body: { home_country: 'PT' } }) });
  const homeCountry = () => sandbox().store.taxSettings.get().home_country;

  test("another site's page cannot rewrite the seller's settings: a cross-site browser request is a 401 and nothing changes", async () => {
    const before = homeCountry();
    for (const method of ['PUT', 'PATCH', 'POST', 'DELETE'] as const) {
      for (const headers of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'same-site' }] as Array<Record<string, string>>) {
        const reply = await change(method, headers);
        assert.equal(reply.status, 401, `${method} ${JSON.stringify(headers)}: ${reply.text}`);
        assert.equal(reply.json.code, 'unauthorized');
      }
    }
    assert.equal(homeCountry(), before, 'the settings are unchanged');
  });

  test("the sandbox's own pages, a tool without Origin (curl) and the key may change them", async () => {
    for (const headers of [{}, { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost:5173' }, { Origin: sandbox().url }, { Origin: 'https://evil.example', Authorization: AUTH }] as Array<Record<string, string>>) {
      const reply = await change('PUT', headers);
      assert.equal(reply.status, 200, `${JSON.stringify(headers)}: ${reply.text}`);
      assert.equal(homeCountry(), 'PT');
      assert.equal((await change('DELETE', headers)).status, 200);
    }
  });
});

describe('GET /api/ping(.json): the official clients’ connection test', () => {
  const sandbox = useSandbox();
  for (const path of ['/api/ping', '/api/ping.json']) {
    test(`${path} answers 200 {"status":"OK"} with the key, 401 without`, async () => {
      const ok = await call(sandbox().url, path);
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.json, { status: 'OK' });
      assert.equal((await call(sandbox().url, path, { auth: false })).status, 401);
    });
  }
});

describe('permalinks name the sandbox’s own origin', () => {
  const sandbox = useSandbox();

  test('the Host header is not reflected into permalinks (the public GET, the seeded list)', async () => {
    const session = sandbox().store.toJSON(sandbox().store.getSession(100)!, sandbox().url);
    const own = `${sandbox().url}/checkout/session/`;
    const hostile = 'evil.example:8080';
    const reads = [
      await getWithHost(sandbox().url, publicPath(session), hostile),
      await getWithHost(sandbox().url, '/sandbox/sessions.json', hostile),
    ];
    assert.ok(reads[0]!.json.permalink.startsWith(own), reads[0]!.json.permalink);
    for (const entry of reads[1]!.json) assert.ok(entry.permalink.startsWith(own), entry.permalink);
  });
});
