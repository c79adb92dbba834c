// The session's inactivity limit on a fake clock: the real sandbox store (abandonAfterMs, a PUT of {} as the
// keep-alive) and SessionExpiry's timers on the same clock. The browser side is in test/checkout/expiry.browser.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXPIRED_GRACE_MS, expiryTime, SessionExpiry } from '../../../src/checkout/model/expiry.js';
import { SandboxStore } from '../../../src/sandbox/store/index.js';
import { RECORDED_CREATE } from '../../sandbox/harness.js';

const ORIGIN = 'http://sandbox.test';
const MINUTE = 60_000;

/** A store and a SessionExpiry on one fake clock; `advance` fires the element's due timers in order. */
function setup(abandonAfterMs = 30 * MINUTE) {
  let now = 1_700_000_000_000;
  const store = new SandboxStore({ seed: false, abandonAfterMs, now: () => now });
  const session = store.createSession(RECORDED_CREATE);
  const read = () => store.publicJSON(store.getByToken(session.token)!, ORIGIN);
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextId = 0;
  const log: string[] = [];
  let puts = 0;
  const expiry = new SessionExpiry({
    now: () => now,
    setTimer: (run, ms) => (timers.set(++nextId, { at: now + ms, run }), nextId),
    clearTimer: (id) => void timers.delete(id as number),
    extend: async () => {
      puts++;
      store.publicUpdate(session.token, {});
      return read().expires_at;
    },
    changed: () => log.push(expiry.warning ? 'warn' : 'clear'),
    extended: () => log.push('extended'),
    expired: () => log.push(`expired:${read().status}`),
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].run();
    }
    now = end;
  };
  return { store, token: session.token, expiry, read, advance, log, puts: () => puts, close: () => store.close() };
}

describe('SessionExpiry against the sandbox store, on a fake clock', () => {
  test('expires_at parses; anything else is no limit', () => {
    assert.equal(expiryTime('2026-12-07T10:00:00.000Z'), Date.UTC(2026, 11, 7, 10));
    for (const value of [null, undefined, '', 'soon', 42]) assert.equal(expiryTime(value), undefined);
  });

  test('warns two minutes before a 30-minute limit, and the session is abandoned if nobody answers', (t) => {
    const s = setup();
    t.after(s.close);
    s.expiry.observe(s.read().expires_at);
    s.advance(27 * MINUTE + 59_000);
    assert.deepEqual(s.log, [], 'no warning at 27:59');
    s.advance(1000);
    assert.deepEqual(s.log, ['warn'], 'the warning at 28:00');
    assert.equal(s.expiry.minutesLeft, 2);
    s.advance(2 * MINUTE + EXPIRED_GRACE_MS);
    assert.deepEqual(s.log, ['warn', 'expired:abandoned'], 'read again after the limit: the server abandoned it');
  });

  test('one action extends: the warning goes, the store keeps the session pending past the old limit', async (t) => {
    const s = setup();
    t.after(s.close);
    s.expiry.observe(s.read().expires_at);
    s.advance(29 * MINUTE);
    assert.equal(s.expiry.warning, true);
    await s.expiry.extend();
    assert.deepEqual(s.log, ['warn', 'clear', 'extended']);
    assert.equal(s.puts(), 1);
    s.advance(10 * MINUTE);
    assert.equal(s.read().status, 'pending', 'still open 39 minutes after the start');
    assert.equal(s.expiry.warning, false);
  });

  test('typing is activity: a slow customer who keeps typing is never warned, with one PUT per two minutes at most', async (t) => {
    const s = setup();
    t.after(s.close);
    s.expiry.observe(s.read().expires_at);
    for (let second = 0; second < 45 * 60; second += 10) {
      s.advance(10_000);
      s.expiry.activity();
      await Promise.resolve();
    }
    assert.equal(s.read().status, 'pending', 'open after 45 minutes of slow typing');
    assert.deepEqual(s.log, [], 'never warned');
    assert.ok(s.puts() >= 20 && s.puts() <= 23, `one keep-alive per ~2 minutes: ${s.puts()}`);
  });

  test('typing while warned extends at once', async (t) => {
    const s = setup();
    t.after(s.close);
    s.expiry.observe(s.read().expires_at);
    s.advance(28 * MINUTE + 30_000);
    s.expiry.activity();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(s.log, ['warn', 'clear', 'extended']);
  });

  test('a short limit (a test server’s) is warned of at half its length; an older session does not move the limit back', (t) => {
    const s = setup(8000);
    t.after(s.close);
    const first = s.read().expires_at;
    s.expiry.observe(first);
    s.advance(3900);
    assert.equal(s.expiry.warning, false);
    s.advance(100);
    assert.equal(s.expiry.warning, true);
    s.store.publicUpdate(s.token, {});
    s.expiry.observe(s.read().expires_at);
    assert.equal(s.expiry.warning, false, 'a save elsewhere (a coupon) counts too');
    s.expiry.observe(first);
    assert.equal(s.expiry.warning, false, 'the older expires_at is ignored');
  });

  test('a session with no limit (paid, abandoned, an older server) stops the clock', (t) => {
    const s = setup();
    t.after(s.close);
    s.expiry.observe(s.read().expires_at);
    s.advance(29 * MINUTE);
    assert.equal(s.expiry.warning, true);
    s.expiry.observe(undefined);
    assert.equal(s.expiry.warning, false);
    s.advance(5 * MINUTE);
    assert.deepEqual(s.log, ['warn', 'clear']);
  });
});
