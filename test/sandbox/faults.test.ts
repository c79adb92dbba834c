// The sandbox's test-only fault hook: off unless asked for, and each fault reaches a cross-origin page as that fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox/server.ts';

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
