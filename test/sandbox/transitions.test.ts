// Invariant: every transition of the session status machine, legal and illegal, over HTTP. Each cell
// of the table says what one action does from one status: the answer, and the status after. A refused action
// changes nothing. The table is typed by SessionStatus, so a new status cannot be added without its row.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionStatus } from '../../src/session/schema.js';
import { call, publicPath, RECORDED_CREATE, sleep, useSandbox, type Reply, payShown } from './harness.js';
import { assertNotPending } from './refusals.js';

const ACTIONS = ['update', 'coupon', 'pay', 'cancel', 'private update', 'private delete'] as const;
type Action = (typeof ACTIONS)[number];
/** What an action does from a status: `[HTTP status, status after]`, or 'refused' (422 session_not_pending, unchanged). */
type Outcome = readonly [number, SessionStatus | 'gone'] | 'refused';

/** A status where nothing can happen any more: every action is refused. */
const FINAL = Object.fromEntries(ACTIONS.map((action) => [action, 'refused'])) as Record<Action, Outcome>;

const MACHINE: Record<SessionStatus, Record<Action, Outcome>> = {
  pending: {
    update: [200, 'pending'],
    coupon: [200, 'pending'],
    pay: [202, 'processing'],
    cancel: [200, 'abandoned'],
    'private update': [200, 'pending'],
    'private delete': [204, 'gone'],
  },
  processing: FINAL,
  // A failed session can be paid again or cancelled, not edited (a coupon that became unusable is dropped by pay).
  failed: { ...FINAL, pay: [202, 'processing'], cancel: [200, 'abandoned'] },
  completed: FINAL,
  abandoned: FINAL,
};

describe('status machine: every transition over HTTP', () => {
  const sandbox = useSandbox({ processingDelayMs: 60_000 });
  const base = () => sandbox().url;
  const fresh = (status: SessionStatus) =>
    sandbox().store.publicJSON(sandbox().store.createSession({ ...RECORDED_CREATE, coupon_collection: true }, { status }), base()) as Record<string, any>;
  const act = (action: Action, session: Record<string, any>): Promise<Reply> => {
    const member = `/api/checkout/sessions/${session.id}.json`;
    switch (action) {
      case 'update':
        return call(base(), publicPath(session), { method: 'PUT', body: { customer: { first_name: 'Changed' } } });
      case 'coupon':
        return call(base(), publicPath(session), { method: 'PUT', body: { coupon: 'WELCOME10' } });
      case 'pay':
        return payShown(base(), session, { method: 'card', card_number: '4242424242424242' });
      case 'cancel':
        return call(base(), publicPath(session, '/cancel'), { method: 'POST' });
      case 'private update':
        return call(base(), member, { method: 'PUT', body: { locale: 'fi' } });
      case 'private delete':
        return call(base(), member, { method: 'DELETE' });
    }
  };

  for (const [from, row] of Object.entries(MACHINE) as Array<[SessionStatus, Record<Action, Outcome>]>) {
    for (const [action, outcome] of Object.entries(row) as Array<[Action, Outcome]>) {
      const name = outcome === 'refused' ? '422 session_not_pending, unchanged' : `${outcome[0]} → ${outcome[1]}`;
      test(`${from} × ${action}: ${name}`, async () => {
        const session = fresh(from);
        const reply = await act(action, session);
        const after = await call(base(), publicPath(session));
        if (outcome === 'refused') {
          assertNotPending(reply, from);
          assert.deepEqual(after.json, session, 'a refused action changes nothing');
          return;
        }
        const [httpStatus, to] = outcome;
        assert.equal(reply.status, httpStatus, reply.text);
        if (to === 'gone') {
          assert.equal(after.status, 404);
          return;
        }
        assert.equal(after.json.status, to);
        if (httpStatus !== 204) assert.equal(reply.json.status, to);
        if (action === 'update') assert.equal(after.json.customer.first_name, 'Changed');
        if (action === 'coupon') assert.equal(after.json.coupon.code, 'WELCOME10');
      });
    }
  }
});

describe('status machine: time', () => {
  // why these margins: the timeout is short enough to wait for, the settle long enough to stay apart from it.
  const sandbox = useSandbox({ abandonAfterMs: 300, processingDelayMs: 150 });
  const base = () => sandbox().url;

  test('the abandonment timer moves pending (only) to abandoned; a payment settles processing, never abandons it', async () => {
    const store = sandbox().store;
    const sessions = Object.fromEntries(
      (Object.keys(MACHINE) as SessionStatus[]).map((status) => [status, store.publicJSON(store.createSession(RECORDED_CREATE, { status }), base())]),
    ) as Record<SessionStatus, Record<string, any>>;
    const paying = store.publicJSON(store.createSession(RECORDED_CREATE), base()) as Record<string, any>;
    // why the total from the store, not a read first: the pay must land well inside the short abandonment window.
    const total = store.taxOf(store.getSession(paying.id)!)!.total;
    const body = { method: 'card', card_number: '4242424242424242', total };
    assert.equal((await call(base(), publicPath(paying, '/pay'), { method: 'POST', body })).status, 202);
    await sleep(800);
    const expected: Record<SessionStatus, SessionStatus> = {
      pending: 'abandoned',
      processing: 'processing', // forced by the test hook: no payment runs, so nothing settles it
      failed: 'failed',
      completed: 'completed',
      abandoned: 'abandoned',
    };
    for (const [from, session] of Object.entries(sessions) as Array<[SessionStatus, Record<string, any>]>) {
      assert.equal((await call(base(), publicPath(session))).json.status, expected[from], from);
    }
    assert.equal((await call(base(), publicPath(paying))).json.status, 'completed', 'a paid session is not abandoned');
  });
});
