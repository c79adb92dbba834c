import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiError,
  createPrivateClient,
  createPublicClient,
  InvalidPermalinkError,
  parseRetryAfter,
  permalinkEndpoint,
  type ApiErrorCode,
} from '../../src/api/index.js';
import { startFaultServer, type Scripted } from '../helpers/fault-server.js';
import { recordedSessionList } from '../helpers/fixtures.js';

const session = recordedSessionList()[20];
const fast = { retryBaseMs: 5, timeoutMs: 300 };
// why: for the tests about what is sent, not about time; the process's first requests (cold code paths) overran 300 ms
// on a loaded machine, and the retry then met an empty queue.
const roomy = { ...fast, timeoutMs: 5_000 };

describe('API client against a real HTTP server', () => {
  let server: Awaited<ReturnType<typeof startFaultServer>>;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());
  beforeEach(() => server.reset());

  const permalink = () => `${server.url}/checkout/session/abc123`;

  test('the public client GETs <permalink>.json without credentials or a key', async () => {
    server.queue({ status: 200, body: session });
    const result = await createPublicClient(permalink(), roomy).retrieve();
    assert.equal(result.id, 27);
    assert.equal(server.seen[0]!.url, '/checkout/session/abc123.json');
    assert.equal(server.seen[0]!.headers.authorization, undefined);
    assert.equal(server.seen[0]!.headers.cookie, undefined);
  });

  test('the public client PUTs customer data as JSON', async () => {
    server.queue({ status: 200, body: session });
    await createPublicClient(permalink(), roomy).update({ customer: { email: 'a@b.co' } });
    assert.equal(server.seen[0]!.method, 'PUT');
    assert.equal(server.seen[0]!.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(server.seen[0]!.body), { customer: { email: 'a@b.co' } });
  });

  test('the private client sends HTTP Basic with the key as user name, as curl -u KEY:x does', async () => {
    server.queue({ status: 200, body: [session] }, { status: 201, body: session }, { status: 204 });
    const client = createPrivateClient({ baseUrl: server.url, apiKey: 'sk_test_abc', ...fast });
    const list = await client.list({ status: 'pending' });
    await client.create({ items: [{ product: '000000' }] });
    await client.delete(27);
    assert.equal(list.length, 1);
    assert.equal(server.seen[0]!.headers.authorization, `Basic ${Buffer.from('sk_test_abc:x').toString('base64')}`);
    assert.deepEqual(
      server.seen.map((r: { method: string; url: string }) => `${r.method} ${r.url}`),
      ['GET /api/checkout/sessions.json?status=pending', 'POST /api/checkout/sessions.json', 'DELETE /api/checkout/sessions/27.json'],
    );
  });

  const errors: Array<[string, Scripted, ApiErrorCode, (e: ApiError) => void]> = [
    ['404', { status: 404, body: { error: 'Not found' } }, 'not_found', () => {}],
    ['401', { status: 401, body: { error: 'Unauthorized' } }, 'unauthorized', () => {}],
    ['409 names the status', { status: 409, body: { error: 'not pending', status: 'completed' } }, 'conflict',
      (e) => assert.equal((e as ApiError & { sessionStatus?: string }).sessionStatus, 'completed')],
    ['422 carries field messages', { status: 422, body: { errors: { 'customer.email': ['is invalid'] } } }, 'validation',
      (e) => assert.deepEqual((e as ApiError & { fields: object }).fields, { 'customer.email': ['is invalid'] })],
    ['400 malformed', { status: 400, body: { error: 'Malformed JSON' } }, 'validation',
      (e) => assert.deepEqual((e as ApiError & { fields: object }).fields, { base: ['Malformed JSON'] })],
    ['malformed JSON in a 200', { status: 200, raw: '{"id": 1,' }, 'bad_response', () => {}],
    ['a body failing the schema', { status: 200, body: { ...session as object, status: 'paid' } }, 'bad_response',
      (e) => assert.match(e.message, /status/)],
  ];
  for (const [name, answer, code, check] of errors) {
    test(`maps ${name} to ${code}`, async () => {
      server.queue(answer);
      await assert.rejects(createPublicClient(permalink(), { ...fast, retries: 0 }).retrieve(), (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.code, code);
        check(error);
        return true;
      });
    });
  }

  const retried: Array<[string, Scripted]> = [
    ['a 500', { status: 500, body: { error: 'boom' } }],
    ['a 503 with malformed JSON', { status: 503, raw: '<html>' }],
    ['a dropped connection', { drop: true }],
    ['a 429 with Retry-After: 0', { status: 429, headers: { 'Retry-After': '0' } }],
    ['a response slower than the timeout', { status: 200, body: session, delayMs: 600 }],
  ];
  for (const [name, fault] of retried) {
    test(`a GET retries after ${name} and then succeeds`, async () => {
      server.queue(fault, { status: 200, body: session });
      const result = await createPublicClient(permalink(), fast).retrieve();
      assert.equal(result.id, 27);
      assert.equal(server.seen.length, 2);
    });
  }

  test('gives up after the configured retries with the last error', async () => {
    server.queue(...Array.from({ length: 5 }, () => ({ status: 502 })));
    await assert.rejects(createPublicClient(permalink(), { ...fast, retries: 2 }).retrieve(), { code: 'server', status: 502 });
    assert.equal(server.seen.length, 3);
  });

  test('reports a timeout once retries run out', async () => {
    server.queue({ status: 200, body: session, delayMs: 400 });
    await assert.rejects(createPublicClient(permalink(), { timeoutMs: 100, retries: 0 }).retrieve(), { code: 'timeout' });
  });

  test('deadlineMs ends the whole call: an attempt gets what is left, a retry that cannot start in time is not made', async () => {
    server.queue(...Array.from({ length: 10 }, () => ({ hang: true as const })));
    const started = Date.now();
    await assert.rejects(createPublicClient(permalink(), { ...fast, retries: 9 }).retrieve({ deadlineMs: 700 }), (e: unknown) => {
      assert.equal((e as ApiError).code, 'timeout');
      assert.match((e as Error).message, /700 ms/);
      return true;
    });
    // why loose: nine 300 ms retries would take 3 s; a loaded machine fits fewer attempts, never more.
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    assert.ok(server.seen.length <= 3, `${server.seen.length} attempts`);
  });

  test('honours Retry-After before retrying a 429', async () => {
    server.queue({ status: 429, headers: { 'Retry-After': '1' } }, { status: 200, body: session });
    const started = Date.now();
    await createPublicClient(permalink(), { ...fast, timeoutMs: 2000 }).retrieve();
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
  });

  test('reports a Retry-After longer than it will wait, instead of hanging', async () => {
    server.queue({ status: 429, headers: { 'Retry-After': '120' } });
    await assert.rejects(createPublicClient(permalink(), fast).retrieve(), (e: unknown) => {
      assert.equal((e as ApiError).code, 'rate_limited');
      assert.equal((e as ApiError & { retryAfterMs: number }).retryAfterMs, 120_000);
      return true;
    });
    assert.equal(server.seen.length, 1);
  });

  test('never retries a POST', async () => {
    server.queue({ status: 500 }, { status: 201, body: session });
    const client = createPrivateClient({ baseUrl: server.url, apiKey: 'k', ...fast });
    await assert.rejects(client.create({ items: [{ product: '000000' }] }), { code: 'server' });
    assert.equal(server.seen.length, 1);
  });

  test('an AbortSignal stops the request and any pending retry', async () => {
    server.queue({ status: 500 }, { status: 500 }, { status: 200, body: session });
    const controller = new AbortController();
    const pending = createPublicClient(permalink(), { retryBaseMs: 200 }).retrieve({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, { code: 'aborted' });
    assert.equal(server.seen.length, 1);
  });

  test('a connection refused is a network error', async () => {
    await assert.rejects(
      createPublicClient('http://127.0.0.1:9/checkout/session/x', { ...fast, retries: 0 }).retrieve(),
      { code: 'network' },
    );
  });
});

const endpoints: Array<[string, string, string]> = [
  ['https://a.test/checkout/session/tok', '', 'https://a.test/checkout/session/tok.json'],
  ['https://a.test/checkout/session/tok/', '', 'https://a.test/checkout/session/tok.json'],
  ['https://a.test/checkout/session/tok?utm=1', '', 'https://a.test/checkout/session/tok.json?utm=1'],
  ['https://a.test/checkout/session/tok/?utm=1#x', '/pay', 'https://a.test/checkout/session/tok/pay.json?utm=1'],
  ['https://a.test/checkout/session/tok.json', '', 'https://a.test/checkout/session/tok.json'],
];
for (const [permalink, sub, expected] of endpoints) {
  test(`permalinkEndpoint(${permalink}, '${sub}')`, () => assert.equal(permalinkEndpoint(permalink, sub), expected));
}

for (const bad of ['', '   ', 'javascript:alert(1)', 'data:text/html,x', 'not a url', 'ftp://a.test/x', null, undefined]) {
  test(`rejects the permalink ${JSON.stringify(bad)} before any request`, () => {
    assert.throws(() => createPublicClient(bad as string), InvalidPermalinkError);
  });
}

const now = Date.parse('Thu, 26 Nov 2026 17:00:00 GMT');
const retryAfter: Array<[string | null, number | undefined]> = [
  ['3', 3000],
  ['0.5', 500],
  ['Thu, 26 Nov 2026 17:00:05 GMT', 5000],
  ['Thu, 26 Nov 2026 16:59:00 GMT', 0],
  ['soon', undefined],
  [null, undefined],
];
for (const [header, expected] of retryAfter) {
  test(`parseRetryAfter(${JSON.stringify(header)})`, () => {
    assert.equal(parseRetryAfter(header, now), expected);
  });
}
