// Invariants of the sandbox that no change may quietly break, each over real HTTP:
// concurrent payments charge once; without the key only the permalink token reads a session; every hostile body
// gets a fast 4xx. The suite ends with one figure: the classes of request sent and how many got a 5xx (target 0).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, describe, test } from 'node:test';
import { MAX_DEPTH, MAX_PARAMS } from '../../src/sandbox/body.js';
import { AUTH, call, publicPath, sleep, useSandbox, payShown } from './harness.js';

const CONCURRENT_PAYMENTS = 50;
/** Every request the suite sends, by kind (races, access, bodies) and class within it, and the 5xx answers. */
const tally = new Map<string, { classes: Set<string>; requests: number; fiveHundreds: number }>();

function count(kind: string, name: string, status: number): void {
  const entry = tally.get(kind) ?? { classes: new Set<string>(), requests: 0, fiveHundreds: 0 };
  entry.classes.add(name);
  entry.requests++;
  if (status >= 500 || status <= 0) entry.fiveHundreds++;
  tally.set(kind, entry);
}

after(() => {
  const all = [...tally.values()];
  const sum = (pick: (e: (typeof all)[number]) => number) => all.reduce((total, e) => total + pick(e), 0);
  const kinds = [...tally].map(([kind, e]) => `${kind}: ${e.classes.size} classes, ${e.requests} requests, ${e.fiveHundreds} 5xx`);
  console.log(
    `invariants: ${sum((e) => e.classes.size)} classes of request, ${sum((e) => e.requests)} requests, ` +
      `${sum((e) => e.fiveHundreds)} answered 5xx (${kinds.join('; ')})`,
  );
});

interface Raw {
  status: number;
  text: string;
  json: any;
  ms: number;
}

/** A request with exact bytes and headers (no Content-Length when `chunked`), timed. */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: Buffer, chunked = false): Promise<Raw> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers: chunked || !body ? headers : { ...headers, 'Content-Length': String(body.length) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, text, json, ms: performance.now() - started });
      });
    });
    req.on('error', reject);
    if (body && chunked) {
      // why: two writes without a length make node send the body chunked, so only the reader's byte count can refuse it.
      req.write(body.subarray(0, body.length >> 1));
      req.end(body.subarray(body.length >> 1));
    } else req.end(body);
  });
}

describe('sandbox invariants', () => {
  const sandbox = useSandbox();
  const base = () => sandbox().url;
  const fresh = (body: Record<string, unknown> = {}) =>
    sandbox().store.toJSON(
      sandbox().store.createSession({
        items: [{ name: 'Plan', amount: 2100, currency: 'EUR' }],
        payment_methods: ['card', 'paypal'],
        customer: { email: 'private@example.com', tax_id: 'ESB12345678' },
        metadata: { crm: 'secret' },
        ...body,
      }),
      base(),
    ) as Record<string, any>;

  test(`${CONCURRENT_PAYMENTS} concurrent payments of one session: exactly one is accepted and charged`, async () => {
    const session = fresh();
    const replies = await Promise.all(
      Array.from({ length: CONCURRENT_PAYMENTS }, () =>
        payShown(base(), session, { method: 'card', card_number: '4242424242424242' }),
      ),
    );
    for (const reply of replies) count('races', 'concurrent payments of one session', reply.status);
    const accepted = replies.filter((r) => r.status >= 200 && r.status < 300);
    assert.equal(accepted.length, 1, `statuses: ${replies.map((r) => r.status).join(' ')}`);
    for (const refused of replies.filter((r) => r.status >= 300)) assert.ok([409, 422].includes(refused.status), refused.text);
    await sleep(150);
    const settled = await call(base(), publicPath(session));
    assert.equal(settled.json.status, 'completed');
    assert.equal(settled.json.processor_id, accepted[0]!.json.processor_id, 'the one charge is the accepted one');
  });

  describe('without the key, only the permalink token reads a session', () => {
    const wrongKey = `Basic ${Buffer.from('sk_wrong:x').toString('base64')}`;
    const cases: Array<[string, string, (s: Record<string, any>) => string, unknown?]> = [
      ['list sessions', 'GET', () => '/api/checkout/sessions.json'],
      ['list by status', 'GET', () => '/api/checkout/sessions.json?status=pending'],
      ['private GET', 'GET', (s) => `/api/checkout/sessions/${s.id}.json`],
      ['private GET, singular path', 'GET', (s) => `/api/checkout/session/${s.id}`],
      ['private PUT', 'PUT', (s) => `/api/checkout/sessions/${s.id}.json`, { metadata: {} }],
      ['private DELETE', 'DELETE', (s) => `/api/checkout/sessions/${s.id}.json`],
      ['create', 'POST', () => '/api/checkout/sessions.json', { items: [{ product: '000000' }] }],
      ['list coupons', 'GET', () => '/api/checkout/coupons.json'],
      ['create a coupon', 'POST', () => '/api/checkout/coupons.json', { code: 'FREE', percent_off: 100 }],
      ['ping', 'GET', () => '/api/ping.json'],
      ['copy a merchant session', 'POST', () => '/sandbox/sessions.json', 'from'],
    ];
    for (const [name, method, path, body] of cases) {
      test(`${name}: 401 without a key and with a wrong one, and nothing leaks`, async () => {
        const session = fresh();
        const payload = body === 'from' ? { from: session.id } : body;
        for (const headers of [{}, { Authorization: wrongKey }] as Array<Record<string, string>>) {
          const reply = await call(base(), path(session), { method, body: payload, headers, auth: false });
          count('keyless access', name, reply.status);
          assert.equal(reply.status, 401, `${method} ${path(session)}: ${reply.text}`);
          assert.equal(reply.text.includes('private@example.com'), false);
        }
        assert.ok(sandbox().store.getSession(session.id), 'the session is still there');
      });
    }

    test('the public endpoints answer to the token only: an id, a guess or a near miss is a 404', async () => {
      const session = fresh();
      const token = publicPath(session).split('/')[3]!.replace('.json', '');
      const near = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
      for (const guess of [String(session.id), near, token.toUpperCase(), '0'.repeat(40), `${token}x`]) {
        for (const [method, suffix] of [['GET', '.json'], ['PUT', '.json'], ['POST', '/pay.json'], ['POST', '/cancel.json']] as const) {
          const reply = await call(base(), `/checkout/session/${guess}${suffix}`, { method, body: method === 'GET' ? undefined : {} });
          count('keyless access', `public ${method}${suffix} by a guessed token`, reply.status);
          assert.equal(reply.status, 404, `${method} ${guess}${suffix}`);
        }
      }
      const read = await call(base(), publicPath(session));
      count('keyless access', 'public GET by the token', read.status);
      assert.equal(read.status, 200);
      assert.equal(read.json.id, session.id);
    });
  });

  describe('hostile bodies: a fast 4xx, never a 5xx', () => {
    const JSON_TYPE = { 'Content-Type': 'application/json' };
    const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const deepForm = (levels: number, name = 'x') => `${name}${'[a]'.repeat(levels)}=1`;
    const deepJson = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    const items = JSON.stringify([{ name: 'A', amount: 100, currency: 'EUR' }]);

    /** [class, headers, body, expected status and code (undefined: any status below 500), chunked] */
    const refused: Array<[string, Record<string, string>, Buffer, number, string, boolean?]> = [
      ['form nested 21,000 levels', FORM, Buffer.from(deepForm(21_000)), 400, 'body_invalid'],
      ['form nested one level past the limit', FORM, Buffer.from(deepForm(MAX_DEPTH)), 400, 'body_invalid'],
      ['form metadata nested 3000 levels', FORM, Buffer.from(`items[][name]=A&${deepForm(3000, 'metadata')}`), 400, 'body_invalid'],
      ['JSON arrays nested 30,000 levels', JSON_TYPE, Buffer.from('['.repeat(30_000) + ']'.repeat(30_000)), 400, 'body_invalid'],
      ['JSON metadata nested 3000 levels', JSON_TYPE, Buffer.from(`{"items":${items},"metadata":${deepJson(3000)}}`), 400, 'body_invalid'],
      ['JSON without a Content-Type, nested 3000 levels', {}, Buffer.from(deepJson(3000)), 400, 'body_invalid'],
      [`form with ${MAX_PARAMS * 5} parameters`, FORM, Buffer.from(Array.from({ length: MAX_PARAMS * 5 }, (_, i) => `k${i}=1`).join('&')), 413, 'body_too_large'],
      ['70 KiB with a Content-Length', JSON_TYPE, Buffer.from(`{"a":"${'x'.repeat(70 * 1024)}"}`), 413, 'body_too_large'],
      ['70 KiB chunked, no Content-Length', JSON_TYPE, Buffer.from(`{"a":"${'x'.repeat(70 * 1024)}"}`), 413, 'body_too_large', true],
      ['bytes that are not UTF-8', JSON_TYPE, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400, 'body_invalid'],
      ['UTF-16 with its byte-order mark', JSON_TYPE, Buffer.from('\uFEFF{"a":1}', 'utf16le'), 400, 'body_invalid'],
      ['a charset other than UTF-8', { 'Content-Type': 'application/json; charset=latin1' }, Buffer.from('{}'), 415, 'unsupported_media_type'],
      ['a gzip claim on a plain body', { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, Buffer.from('{}'), 415, 'unsupported_media_type'],
      ['text/plain', { 'Content-Type': 'text/plain' }, Buffer.from('{}'), 415, 'unsupported_media_type'],
      ['multipart/form-data', { 'Content-Type': 'multipart/form-data; boundary=x' }, Buffer.from('--x\r\n\r\n--x--'), 415, 'unsupported_media_type'],
      ['malformed JSON', JSON_TYPE, Buffer.from('{"customer": {"email": '), 400, 'body_invalid'],
      ['JSON with a trailing comma', JSON_TYPE, Buffer.from('{"a":1,}'), 400, 'body_invalid'],
    ];

    /** Bodies that parse: they must still never get a 5xx, and must not pollute any prototype. */
    const parsed: Array<[string, Record<string, string>, Buffer]> = [
      ['UTF-8 with a byte-order mark', JSON_TYPE, Buffer.from('\uFEFF{"customer":{"first_name":"Bom"}}')],
      ['duplicate JSON keys', JSON_TYPE, Buffer.from('{"customer":{"first_name":"A","first_name":"B"},"from":1,"from":100}')],
      ['duplicate form keys', FORM, Buffer.from('customer[first_name]=A&customer[first_name]=B&from=1&from=100')],
      ['JSON prototype keys', JSON_TYPE, Buffer.from('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"customer":{"__proto__":{"polluted":1}}}')],
      ['form prototype keys', FORM, Buffer.from('__proto__[polluted]=1&constructor[prototype][polluted]=1&customer[__proto__][polluted]=1&items[][__proto__]=x')],
      ['JSON that is not an object', JSON_TYPE, Buffer.from('[1,2,3]')],
      ['JSON null', JSON_TYPE, Buffer.from('null')],
      ['a JSON string', JSON_TYPE, Buffer.from('"x"')],
      ['JSON labelled as a form', FORM, Buffer.from('{"customer":{"first_name":"Curl"}}')],
      ['an empty body', JSON_TYPE, Buffer.alloc(0)],
      ['a form with only malformed keys', FORM, Buffer.from('a[b=1&[c]=2&]=3')],
    ];

    /** Where a body goes: the keyless copy, the permalink's PUT and pay, the private create (with the key). */
    const targets = (): Array<[string, string, string, Record<string, string>]> => {
      const session = fresh();
      return [
        ['copy', 'POST', '/sandbox/sessions.json', {}],
        ['public PUT', 'PUT', publicPath(session), {}],
        ['pay', 'POST', publicPath(session, '/pay'), {}],
        ['private create', 'POST', '/api/checkout/sessions.json', { Authorization: AUTH }],
      ];
    };

    for (const [name, headers, body, status, code, chunked] of refused) {
      test(`${name} → ${status} ${code} in under a second, at every endpoint`, async () => {
        for (const [target, method, path, extra] of targets()) {
          const reply = await raw(base(), method, path, { ...headers, ...extra }, body, chunked);
          count('hostile bodies', name, reply.status);
          assert.equal(reply.status, status, `${target}: ${reply.text.slice(0, 200)}`);
          assert.equal(reply.json?.code, code, `${target}: ${reply.text.slice(0, 200)}`);
          assert.ok(reply.ms < 1000, `${target} took ${reply.ms} ms`);
        }
      });
    }

    for (const [name, headers, body] of parsed) {
      test(`${name} → no 5xx and no polluted prototype, at every endpoint`, async () => {
        for (const [target, method, path, extra] of targets()) {
          const reply = await raw(base(), method, path, { ...headers, ...extra }, body);
          count('hostile bodies', name, reply.status);
          assert.ok(reply.status < 500, `${target}: ${reply.status} ${reply.text.slice(0, 200)}`);
          assert.ok(reply.ms < 1000, `${target} took ${reply.ms} ms`);
        }
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
        assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
      });
    }

    test('after every hostile body, every session still lists, reads and copies', async () => {
      const list = await call(base(), '/api/checkout/sessions.json');
      count('hostile bodies', 'reads after the hostile bodies', list.status);
      assert.equal(list.status, 200);
      for (const session of list.json as Array<Record<string, any>>) {
        const read = await call(base(), publicPath(session));
        count('hostile bodies', 'reads after the hostile bodies', read.status);
        assert.equal(read.status, 200, `session ${session.id}`);
      }
    });
  });
});
