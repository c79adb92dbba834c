// The body reader's bounds (src/sandbox/body.ts): nesting depth, parameter count, encodings and aborted uploads.
// Each hostile body must cost little and answer a 4xx with a protocol code, never freeze the server or log a 500.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { MAX_DEPTH, MAX_PARAMS, parseForm, parseJson } from '../../src/sandbox/body.js';
import { SandboxError } from '../../src/sandbox/errors.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { call, eventually, KEY, useSandbox } from './harness.js';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const refusedWith = (status: number, code: string) => (error: unknown) =>
  error instanceof SandboxError && error.status === status && (error.body as { code?: string }).code === code;

/** `x[a][a]…=1`: a form key nested `levels` brackets deep. */
const nestedKey = (levels: number, name = 'x') => `${name}${'[a]'.repeat(levels)}=1`;

describe('body bounds, without HTTP', () => {
  test(`a form key nested to the limit parses; one level more is a 400 body_invalid`, () => {
    // why: the body itself is one level, so a key with MAX_DEPTH - 1 brackets reaches exactly MAX_DEPTH.
    let deepest: unknown = parseForm(nestedKey(MAX_DEPTH - 1));
    for (let level = 0; level < MAX_DEPTH - 1; level++) deepest = (deepest as Record<string, unknown>)[level ? 'a' : 'x'];
    assert.deepEqual(deepest, { a: '1' });
    assert.throws(() => parseForm(nestedKey(MAX_DEPTH)), refusedWith(400, 'body_invalid'));
  });

  test('21,000 levels of form nesting are refused in a few milliseconds of CPU', () => {
    const hostile = nestedKey(21_000);
    const cpu = process.cpuUsage();
    assert.throws(() => parseForm(hostile), refusedWith(400, 'body_invalid'));
    const used = process.cpuUsage(cpu);
    // why: CPU time, not wall time, so a busy machine cannot fail it; before the bound this took seconds.
    assert.ok(used.user + used.system < 100_000, `took ${(used.user + used.system) / 1000} ms of CPU`);
  });

  test(`more than ${MAX_PARAMS} parameters is a 413 body_too_large`, () => {
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=1`).join('&');
    assert.equal(Object.keys(parseForm(pairs(MAX_PARAMS))).length, MAX_PARAMS);
    assert.throws(() => parseForm(pairs(MAX_PARAMS + 1)), refusedWith(413, 'body_too_large'));
  });

  test('Rails-style arrays of hashes still start a new element on a repeated key, and own keys only count', () => {
    const expected: unknown = { items: [{ name: 'A', toString: 'x' }, { name: 'B' }] };
    assert.deepEqual(parseForm('items[][name]=A&items[][toString]=x&items[][name]=B'), expected);
  });

  test('JSON nested past the limit is a 400 body_invalid, whatever the brackets inside strings say', () => {
    const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '[1]' + '}'.repeat(levels - 1);
    assert.ok(parseJson(nested(MAX_DEPTH)));
    assert.throws(() => parseJson(nested(MAX_DEPTH + 1)), refusedWith(400, 'body_invalid'));
    assert.throws(() => parseJson('['.repeat(30_000) + ']'.repeat(30_000)), refusedWith(400, 'body_invalid'));
    assert.deepEqual(parseJson(`{"s":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`), { s: `${'['.repeat(100)}"${'{'.repeat(100)}` });
  });

  test('malformed JSON is a 400 body_invalid', () => {
    assert.throws(() => parseJson('{"a":'), refusedWith(400, 'body_invalid'));
  });
});

describe('body bounds over HTTP', () => {
  const sandbox = useSandbox();
  const base = () => sandbox().url;
  const freshToken = () => sandbox().store.createSession({ items: [{ name: 'A', amount: 100, currency: 'EUR' }] }).token;

  test('21,000 levels of nesting answer a 4xx in well under a second, and a concurrent GET is not delayed', async () => {
    const token = freshToken();
    const hostile = nestedKey(21_000);
    assert.ok(hostile.length < 64 * 1024, 'the body fits under the size limit, so only the depth bound can refuse it');
    const timed = async <T>(run: () => Promise<T>) => {
      const started = performance.now();
      const value = await run();
      return { value, ms: performance.now() - started };
    };
    // why: a warm-up of each path first, so the timings below measure the bound and not the first request's compile.
    await call(base(), `/checkout/session/${token}.json`, { method: 'PUT', headers: FORM, body: nestedKey(100) });
    const alone: number[] = [];
    for (let i = 0; i < 3; i++) alone.push((await timed(() => call(base(), `/checkout/session/${token}.json`))).ms);
    const cpu = process.cpuUsage();
    const results = await Promise.all([
      timed(() => call(base(), '/sandbox/sessions.json', { method: 'POST', headers: FORM, body: hostile })),
      timed(() => call(base(), `/checkout/session/${token}.json`, { method: 'PUT', headers: FORM, body: hostile })),
      timed(() => call(base(), `/checkout/session/${token}.json`)),
    ]);
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const [copy, put, get] = results;
    const slowestAlone = Math.max(...alone);
    console.log(
      `body bounds: 21,000 levels refused in ${copy.ms.toFixed(1)} ms (copy) and ${put.ms.toFixed(1)} ms (PUT); ` +
        `concurrent GET ${get.ms.toFixed(1)} ms (alone: ${alone.map((ms) => ms.toFixed(1)).join(', ')} ms); ` +
        `CPU for all three ${cpuMs.toFixed(1)} ms`,
    );
    for (const refused of [copy, put]) {
      assert.equal(refused.value.status, 400, refused.value.text);
      assert.equal(refused.value.json.code, 'body_invalid');
    }
    assert.equal(get.value.status, 200);
    // why: CPU time does not depend on how busy the machine is: the three requests (client included, all in this
    // process) cost tens of milliseconds; before the bound the hostile ones took minutes of CPU.
    assert.ok(cpuMs < 300, `the three requests used ${cpuMs} ms of CPU`);
    // why: wall time does. The bounds are the targets (1 s, 500 ms) on an idle machine, and ten times the plain GET
    // measured just before when the machine is so loaded that a plain GET alone is slow too.
    const refusalBound = Math.max(1000, 10 * slowestAlone);
    const getBound = Math.max(500, 10 * slowestAlone);
    for (const refused of [copy, put]) assert.ok(refused.ms < refusalBound, `the refusal took ${refused.ms} ms (bound ${refusalBound})`);
    assert.ok(get.ms < getBound, `the concurrent GET took ${get.ms} ms (bound ${getBound} ms)`);
  });

  test('form-encoded metadata nested 3000 deep is refused at write, and every list, GET and copy still answers', async () => {
    const items = 'items[][name]=A&items[][amount]=100&items[][currency]=EUR';
    const before = sandbox().store.listSessions().length;
    const created = await call(base(), '/api/checkout/sessions.json', { method: 'POST', headers: FORM, body: `${items}&${nestedKey(3000, 'metadata')}` });
    assert.equal(created.status, 400, created.text);
    assert.equal(created.json.code, 'body_invalid');
    const id = sandbox().store.getSession(100)!.id;
    const updated = await call(base(), `/api/checkout/sessions/${id}.json`, { method: 'PUT', headers: FORM, body: nestedKey(3000, 'custom') });
    assert.equal(updated.status, 400, updated.text);
    assert.equal(sandbox().store.listSessions().length, before, 'nothing was stored');
    assert.equal((await call(base(), '/api/checkout/sessions.json')).status, 200);
    assert.equal((await call(base(), `/api/checkout/sessions/${id}.json`)).status, 200);
    assert.equal((await call(base(), '/sandbox/sessions.json', { method: 'POST', body: { from: id } })).status, 201);
  });

  const encodings: Array<[string, Record<string, string>, number, string]> = [
    ['a gzip claim on a plain body', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, 415, 'unsupported_media_type'],
    ['a charset other than UTF-8', { 'Content-Type': 'application/json; charset=latin1' }, 415, 'unsupported_media_type'],
    ['text/plain', { 'Content-Type': 'text/plain' }, 415, 'unsupported_media_type'],
  ];
  for (const [name, headers, status, code] of encodings) {
    test(`${name} → ${status} ${code}`, async () => {
      const reply = await call(base(), `/checkout/session/${freshToken()}.json`, { method: 'PUT', headers, body: '{"customer":{"first_name":"Ann"}}' });
      assert.equal(reply.status, status, reply.text);
      assert.equal(reply.json.code, code);
    });
  }

  test('a UTF-8 body with a byte-order mark is read as its JSON', async () => {
    const reply = await call(base(), `/checkout/session/${freshToken()}.json`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '\uFEFF{"customer":{"first_name":"Bom"}}',
    });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.customer.first_name, 'Bom');
  });
});

test('a client that aborts mid-upload is not logged as an internal error', async (t) => {
  const lines: string[] = [];
  const sandbox = await startSandbox({ port: 0, apiKey: KEY, log: (line) => lines.push(line) });
  t.after(() => sandbox.close());
  const errors = t.mock.method(console, 'error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    const socket = connect(sandbox.port, '127.0.0.1', () => {
      socket.write('POST /sandbox/sessions.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"from": 1');
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 50);
    });
    socket.on('error', reject);
  });
  const logged = await eventually(async () => lines.slice(), (seen) => seen.some((line) => line.startsWith('POST /sandbox/sessions.json')));
  assert.ok(logged.some((line) => /^POST \/sandbox\/sessions\.json 4\d\d /.test(line)), `logged: ${logged.join(' | ')}`);
  assert.equal(errors.mock.callCount(), 0, 'no internal error logged');
});
