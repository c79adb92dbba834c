// Fuzzes the sandbox over real HTTP: random and malformed methods, paths, headers and bodies. It must never answer
// 500 (only a sandbox bug does), and every session it holds afterwards must still parse, with integer totals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, Agent } from 'node:http';
import fc from 'fast-check';
import { startSandbox } from '../../src/sandbox/server.js';
import { sessionSchema } from '../../src/session/schema.js';
import { sessionTotals } from '../../src/session/money.js';
import { fcParameters } from '../helpers/fast-check.js';

const KEY = 'sk_test_fuzz';
const AUTH = `Basic ${Buffer.from(`${KEY}:x`).toString('base64')}`;
const REQUESTS = 3000;

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/** Deeply nested JSON text (built as text: stringifying such a value would overflow the test's own stack). */
function deepJson(depth: number): string {
  return '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);
}

const validCreate = {
  items: [{ name: 'Plan', amount: 2100, currency: 'EUR', quantity: 1 }],
  payment_methods: ['card', 'paypal'],
  coupon_collection: true,
  success_url: 'https://shop.example/ok',
};

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('', '\u0000', '\u202E', '../../etc/passwd', '%00', '%ZZ', '😀'.repeat(50), 'x'.repeat(300), '<script>'),
);

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(validCreate),
  fc.record({ items: fc.anything({ maxDepth: 3 }), payment_methods: fc.anything({ maxDepth: 2 }) }),
  fc.record({
    items: fc.array(
      fc.record({
        name: text,
        product: fc.option(text),
        amount: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(1e308, -1, '2100', '1e3', Number.MAX_SAFE_INTEGER * 4)),
        currency: fc.oneof(text, fc.constantFrom('EUR', 'XXX', 'zzz')),
        quantity: fc.oneof(fc.integer(), fc.constantFrom(1e15, 0, -1, 1.5)),
      }),
      { maxLength: 3 },
    ),
    custom: fc.constantFrom({}, { big: 'x'.repeat(1000) }),
    metadata: fc.dictionary(text, fc.anything({ maxDepth: 2 })),
  }),
  fc.record({ customer: fc.dictionary(fc.constantFrom('email', 'first_name', 'billing_country', 'tax_id', 'nope'), fc.anything({ maxDepth: 1 })), coupon: fc.anything({ maxDepth: 1 }) }),
  fc.record({ method: fc.oneof(fc.constantFrom('card', 'paypal'), text), card_number: fc.oneof(text, fc.constantFrom('4242424242424242', '4000000000000002')), outcome: fc.oneof(text, fc.constantFrom('approve', 'decline')) }),
  fc.record({ code: text, percent_off: fc.anything({ maxDepth: 0 }), amount_off: fc.anything({ maxDepth: 0 }), currency: text, redeem_by: text }),
  fc.record({ from: fc.oneof(fc.integer(), fc.constantFrom(100, 101, 1e20, -1)), status: text }),
);

const formBody = fc
  .array(
    fc.tuple(
      fc.constantFrom('items[][name]', 'items[][amount]', 'items[][currency]', 'items[][quantity]', 'items[][product]', 'payment_methods[]', 'customer[email]', 'coupon', 'method', '__proto__[x]', 'a[b][c][d]', '[]', 'items[0]', 'x[', ''),
      fc.oneof(text, fc.constantFrom('EUR', '2100', 'card', '1')),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const body = fc.oneof(
  { weight: 5, arbitrary: jsonBody.map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
  { weight: 2, arbitrary: formBody.map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.constantFrom('{"items": [', '[[[[', '{"a":1,}', 'null', '"str"', '{"__proto__": {"x": 1}}').map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.alloc(70 * 1024, 'a'), Buffer.from('['.repeat(30000) + ']'.repeat(30000)), Buffer.from([0xff, 0xfe, 0x00])) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('custom', 'metadata', 'customer', 'coupon').map((key) => {
      const items = JSON.stringify(validCreate.items);
      return Buffer.from(`{"items":${items},"${key}":${deepJson(4000)}}`);
    }),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

function fuzzRequest(tokens: string[], ids: number[]): fc.Arbitrary<FuzzRequest> {
  const token = fc.oneof(fc.constantFrom(...tokens), fc.constantFrom('0'.repeat(40), 'x', '%2e%2e', '..', ''), text.map(encodeURIComponent));
  const id = fc.oneof(fc.constantFrom(...ids.map(String)), fc.constantFrom('0', '-1', '1e3', '999999999999999999999', 'abc', '%00'));
  const path = fc.oneof(
    fc.constantFrom('/api/checkout/sessions', '/api/checkout/sessions.json', '/api/checkout/session.json', '/api/checkout/coupons.json', '/sandbox/sessions.json', '/sandbox/coupons', '/', '/quaderno-checkout.js?x', '//', '/api', '/checkout'),
    fc.tuple(fc.constantFrom('/api/checkout/sessions/', '/api/checkout/session/', '/api/checkout/coupons/'), id, fc.constantFrom('', '.json', '.JSON', '/x')).map((p) => p.join('')),
    fc.tuple(token, fc.constantFrom('', '.json', '/pay.json', '/cancel.json', '/pay', '/nope.json', '.json?x=%ZZ')).map(([t, s]) => `/checkout/session/${t}${s}`),
    fc.array(text.map(encodeURIComponent), { maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
  );
  const method = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD') },
    { weight: 1, arbitrary: fc.constantFrom('PROPFIND', 'FOO', 'QUERY', 'get') },
  );
  const contentType = fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=latin1',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/merge-patch+json',
    '',
    '*/*',
  );
  const headers = fc.record({
    auth: fc.constantFrom(AUTH, AUTH, undefined, 'Basic !!!', 'Basic ' + Buffer.from(':').toString('base64'), 'Bearer x', 'Basic ' + 'A'.repeat(2000)),
    contentType,
    extra: fc.dictionary(fc.constantFrom('x-foo', 'origin', 'accept', 'x-forwarded-host', 'cookie', 'if-none-match'), fc.string({ unit: 'binary-ascii', maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')), { maxKeys: 3 }),
  });
  return fc.record({ method, path, headers, body }).map(({ method, path, headers: h, body }) => {
    const out: Record<string, string> = { ...h.extra };
    if (h.auth) out.authorization = h.auth;
    if (h.contentType !== undefined) out['content-type'] = h.contentType;
    return { method, path, headers: out, body: method === 'GET' || method === 'HEAD' ? undefined : body };
  });
}

/** Requests aimed at real endpoints with the right method and key, so bodies get past routing and auth. */
function targetedRequest(tokens: string[], ids: number[]): fc.Arbitrary<FuzzRequest> {
  const item = fc.record({
    name: fc.oneof(fc.constant('Plan'), text),
    amount: fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.constantFrom(1e308, -1, '2100', 9.99, Number.MAX_SAFE_INTEGER, 1e20)),
    currency: fc.oneof(fc.constantFrom('EUR', 'JPY', 'XXX', 'zzz', 'KWD'), text),
    quantity: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constantFrom(1e15, 0, -1, 1.5, Number.MAX_SAFE_INTEGER)),
    description: fc.option(text),
  });
  const create = fc.record(
    {
      items: fc.oneof(fc.array(item, { minLength: 1, maxLength: 3 }), fc.array(fc.record({ product: fc.constantFrom('PRO', 'nope', '') }), { maxLength: 2 })),
      payment_methods: fc.oneof(fc.constantFrom(['card'], ['paypal'], ['card', 'paypal'], [], ['bitcoin']), fc.anything({ maxDepth: 1 })),
      success_url: fc.oneof(fc.constantFrom('https://a.example/ok', 'javascript:alert(1)', 'data:text/html,x', '//evil', ''), text),
      locale: fc.constantFrom('en', 'fi', 'xx', 'auto'),
      coupon_collection: fc.oneof(fc.boolean(), fc.constantFrom('true', 1)),
      customer: fc.dictionary(fc.constantFrom('email', 'first_name', 'billing_country', 'tax_id'), text, { maxKeys: 3 }),
      metadata: fc.dictionary(text, fc.anything({ maxDepth: 2 }), { maxKeys: 3 }),
    },
    { requiredKeys: ['items'] },
  );
  const customer = fc.record({
    customer: fc.dictionary(
      fc.constantFrom('email', 'first_name', 'last_name', 'billing_country', 'tax_id', 'billing_postal_code', 'company', 'unknown_key'),
      fc.oneof(text, fc.constantFrom('a@b.co', 'DE', 'de', null), fc.anything({ maxDepth: 1 })),
      { maxKeys: 4 },
    ),
    coupon: fc.oneof(fc.constantFrom('WELCOME10', 'EXPIRED', 'TENOFF', null, ''), text),
  }, { requiredKeys: [] });
  const pay = fc.record({
    method: fc.constantFrom('card', 'paypal', 'bitcoin'),
    card_number: fc.constantFrom('4242424242424242', '4000000000000002', '4242', '4242 4242 4242 4242'),
    outcome: fc.constantFrom('approve', 'decline', 'maybe'),
  });
  const token = fc.constantFrom(...tokens);
  const id = fc.constantFrom(...ids, ...Array.from({ length: 40 }, (_, i) => Math.max(...ids) + 1 + i));
  const json = (method: string, path: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>, auth = true) =>
    fc.tuple(path, value).map(([p, v]) => ({
      method,
      path: p,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: AUTH } : {}) },
      body: Buffer.from(JSON.stringify(v) ?? 'null'),
    }));
  return fc.oneof(
    json('POST', fc.constant('/api/checkout/sessions.json'), create),
    json('PUT', id.map((i) => `/api/checkout/sessions/${i}.json`), fc.oneof(create, fc.record({ status: text, items: fc.constant([]) }))),
    json('DELETE', id.map((i) => `/api/checkout/sessions/${i}.json`), fc.constant({})),
    json('PUT', token.map((t) => `/checkout/session/${t}.json`), customer, false),
    json('POST', token.map((t) => `/checkout/session/${t}/pay.json`), pay, false),
    json('POST', token.map((t) => `/checkout/session/${t}/cancel.json`), fc.constant({}), false),
    json('POST', fc.constant('/api/checkout/coupons.json'), fc.record({ code: fc.oneof(text, fc.constantFrom('FUZZ', 'A-1')), percent_off: fc.oneof(fc.integer(), fc.double()), currency: text })),
    json('POST', fc.constant('/sandbox/sessions'), fc.record({ from: fc.oneof(fc.constantFrom(...ids), fc.integer()) }), false),
  );
}

function send(port: number, agent: Agent, r: FuzzRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(-1));
    });
    req.on('error', () => resolve(-1));
    if (r.body) req.end(r.body);
    else req.end();
  });
}

test(`the sandbox survives ${REQUESTS} random and malformed requests: no 500, no invalid session`, async (t) => {
  const errors: unknown[] = [];
  const realError = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  const sandbox = await startSandbox({ port: 0, apiKey: KEY, processingDelayMs: 5, abandonAfterMs: 200, log: false });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  try {
    const ids = sandbox.store.listSessions().map((s) => s.id);
    const tokens = sandbox.store.listSessions().map((s) => s.token);
    const { seed, numRuns } = fcParameters('sandbox fuzz', REQUESTS);
    const requests = fc.sample(fc.oneof(fuzzRequest(tokens, ids), targetedRequest(tokens, ids)), { numRuns, seed });
    const failures: Array<{ request: FuzzRequest; status: number }> = [];
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < requests.length) {
          const r = requests[next++]!;
          const status = await send(sandbox.port, agent, r);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500 || status === -1) failures.push({ request: r, status });
        }
      }),
    );
    // let the simulated payments and abandon timers settle
    await new Promise((resolve) => setTimeout(resolve, 250));
    const sessions = sandbox.store.listSessions();
    let invalid = 0;
    for (const stored of sessions) {
      const parsed = sessionSchema.safeParse(JSON.parse(JSON.stringify(sandbox.store.toJSON(stored, sandbox.url))));
      const totals = parsed.success ? sessionTotals(parsed.data) : undefined;
      if (!parsed.success || !totals || ![totals.subtotal, totals.discount, totals.total].every(Number.isSafeInteger) || totals.total < 0) {
        invalid++;
        t.diagnostic(`invalid session ${stored.id}: ${parsed.success ? JSON.stringify(totals) : parsed.error.message.slice(0, 300)}`);
      }
    }
    const summary = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    t.diagnostic(`statuses: ${summary}; sessions after: ${sessions.length}`);
    console.log(`hardening: ${numRuns} fuzz requests sent to the sandbox, ${failures.length + invalid + errors.length} violations`);
    for (const f of failures.slice(0, 5)) {
      t.diagnostic(`${f.status} for ${f.request.method} ${f.request.path} ${JSON.stringify(f.request.headers)} ${f.request.body?.subarray(0, 200).toString()}`);
    }
    for (const e of errors.slice(0, 3)) t.diagnostic(`console.error: ${String((e as unknown[])[1] ?? e).slice(0, 300)}`);
    assert.equal(failures.length, 0, 'no request may get a 5xx or a dropped connection');
    assert.equal(invalid, 0, 'every session still parses, with integer totals');
    assert.equal(errors.length, 0, 'no internal error was logged');
  } finally {
    console.error = realError;
    agent.destroy();
    await sandbox.close();
  }
});
