// The sandbox's test-only fault hook: off unless asked for, and each fault reaches a cross-origin page as that fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox/server.js';

const create = (sandbox: Awaited<ReturnType<typeof startSandbox>>) => {
  const session = sandbox.store.createSession({ items: [{ name: 'A', amount: 100, currency: 'EUR' }] });
  return { url: `${sandbox.store.toJSON(session, sandbox.url).permalink}.json`, token: session.token };
};

test('fault injection is off by default: no schedule, and no HTTP route turns it on', async () => {
  const sandbox = await startSandbox({ port: 0, log: false });
  try {
    assert.equal(sandbox.faults, undefined);
    const { url } = create(sandbox);
    assert.equal((await fetch(url)).status, 200);
  } finally {
    await sandbox.close();
  }
});

test('status (with a readable Retry-After), malformed, delay and drop, each once, counted', async () => {
  const sandbox = await startSandbox({ port: 0, log: false, faults: true });
  const faults = sandbox.faults!;
  try {
    const { url, token } = create(sandbox);
    const headers = { Origin: 'https://merchant.example' };
    faults.add({ kind: 'status', status: 429, retryAfter: 2, token, method: 'GET' });
    const limited = await fetch(url, { headers });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '2');
    assert.equal(limited.headers.get('access-control-allow-origin'), '*');
    assert.match(limited.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);

    faults.add({ kind: 'malformed', token });
    const broken = await fetch(url, { headers });
    assert.equal(broken.status, 200);
    assert.equal(await broken.text(), '{"id": 1, "status": "pend');

    faults.add({ kind: 'delay', delayMs: 150, token, method: 'GET' });
    const started = performance.now();
    assert.equal((await fetch(url, { headers })).status, 200);
    assert.ok(performance.now() - started >= 140);

    faults.add({ kind: 'drop', token, method: 'PUT', times: 1 });
    await assert.rejects(fetch(url, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' }));
    // a fault for another session or method leaves this one alone, and the schedule is used up
    faults.add({ kind: 'status', status: 500, token: 'someone-else' });
    assert.equal((await fetch(url, { headers })).status, 200);
    assert.equal(faults.injected, 4);
    assert.equal(faults.pending, 1);
    assert.ok(faults.seen.some((r) => r.method === 'PUT' && r.headers.origin === 'https://merchant.example'));
  } finally {
    await sandbox.close();
  }
});

test('faults are scoped per session token: clearing or counting one session leaves another alone', async () => {
  const sandbox = await startSandbox({ port: 0, log: false, faults: true });
  const faults = sandbox.faults!;
  try {
    const mine = create(sandbox);
    const theirs = create(sandbox);
    faults.add({ kind: 'status', status: 500, token: mine.token, method: 'GET', times: 2 });
    faults.add({ kind: 'status', status: 503, token: theirs.token, method: 'GET', times: 3 });
    assert.equal((await fetch(mine.url)).status, 500);
    assert.equal((await fetch(theirs.url)).status, 503);
    assert.deepEqual([faults.pendingFor(mine.token), faults.injectedFor(mine.token)], [1, 1]);
    assert.deepEqual([faults.pendingFor(theirs.token), faults.injectedFor(theirs.token)], [2, 1]);
    assert.equal(faults.pending, 3);

    faults.clear(mine.token);
    assert.equal(faults.pendingFor(mine.token), 0);
    assert.equal(faults.pendingFor(theirs.token), 2, 'the other session keeps its faults');
    assert.equal(faults.seen.filter((r) => r.path.includes(mine.token)).length, 0);
    assert.equal(faults.seen.filter((r) => r.path.includes(theirs.token)).length, 1, 'and its request record');
    assert.equal((await fetch(mine.url)).status, 200);
    assert.equal((await fetch(theirs.url)).status, 503);
    assert.equal(faults.injectedFor(theirs.token), 2);
    assert.equal(faults.injectedFor(mine.token), 1, 'a clear keeps what was injected');
  } finally {
    await sandbox.close();
  }
});
