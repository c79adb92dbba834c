// Chaos for the exactly-once recorder: 200 payments through the handler, each webhook delivered 1–5 times, at once
// with the customer's return, some late and out of order, and the handler replaced by a new instance on the same
// payment store midway (both serving meanwhile, as in a rolling deploy). Loopback only, bounded, fixed seed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FC_SEED } from '../../helpers/fast-check.js';
import { MemoryPaymentStore } from '../../../src/server/payments/store.js';
import { browser } from '../support.js';
import { limiter, pool, random, returnJobs, runStorm, sleep } from './chaos.js';
import { deliver, startInPage, type InPageRig } from './support.js';

const PAYMENTS = 200;
const DECLINE_SHARE = 0.15;

describe('exactly-once recording under chaos', () => {
  let rig: InPageRig;
  before(async () => {
    rig = await startInPage({}, false);
  });
  after(() => rig.close());

  test(`${PAYMENTS} payments, webhooks 1–5 times with the return path, late and reordered, a restart midway: one invoice per capture`, async () => {
    const rand = random(FC_SEED);
    const started = performance.now();
    // 1. sessions, starts and confirmations (as the element and Stripe.js would)
    const payments = await pool(Array.from({ length: PAYMENTS }, (_, i) => i), 8, async () => {
      const { id } = rig.session();
      const total = await rig.total(id);
      const start = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total } });
      assert.equal(start.status, 201, start.text);
      const intent = (start.json as { processor_id: string }).processor_id;
      const declined = rand() < DECLINE_SHARE;
      await rig.stripe.paymentIntents.confirm(intent, { payment_method: declined ? 'pm_card_chargeDeclined' : 'pm_card_visa' }).catch(() => undefined);
      return { id, intent, declined, total };
    });
    console.log(`chaos: phase 1 (starts and confirmations) ${Math.round(performance.now() - started)} ms`);
    const events = new Map<string, string>();
    for (const type of ['payment_intent.succeeded', 'payment_intent.payment_failed']) {
      for (const event of (await rig.stripe.events.list({ type })).data) events.set((event.data.object as { id: string }).id, event.id);
    }
    // 2. the storm: every delivery and every return read at a random time; "late" ones after the restart
    const statuses = new Map<number, number>();
    const reads = new Map<string, number>();
    let deliveries = 0;
    let returns = 0;
    const jobs: Array<() => Promise<void>> = [];
    const bounded = limiter(24);
    for (const payment of payments) {
      const eventId = events.get(payment.intent)!;
      assert.ok(eventId, `no event for ${payment.intent}`);
      const times = 1 + Math.floor(rand() * 5);
      for (let k = 0; k < times; k++) {
        const late = rand() < 0.2;
        const delay = late ? 600 + Math.floor(rand() * 600) : Math.floor(rand() * 500);
        deliveries++;
        jobs.push(async () => {
          await sleep(delay);
          for (const status of await bounded(() => deliver(rig.quaderno.url, eventId))) statuses.set(status, (statuses.get(status) ?? 0) + 1);
        });
      }
      const reading = returnJobs(`${rig.permalink(payment.id)}.json`, rand, bounded, reads);
      returns += reading.length;
      jobs.push(...reading);
    }
    const restartedAt = await runStorm(jobs, rand, () => rig.restart());
    assert.equal(restartedAt, Math.floor(jobs.length / 2));
    console.log(`chaos: phase 2 (storm) ${Math.round(performance.now() - started)} ms; handler errors: ${rig.errors.length} ${rig.errors.slice(0, 3).map(String).join(' | ')}`);
    // 3. what the customer ends with: one more read each (the element's last poll)
    const final = await pool(payments, 16, async (payment) => ((await browser(`${rig.permalink(payment.id)}.json`)).json as { status: string }).status);
    const invoices = await rig.invoices();
    const bySession = new Map<string, number>();
    for (const doc of invoices) bySession.set(doc.custom_metadata.checkout_session, (bySession.get(doc.custom_metadata.checkout_session) ?? 0) + 1);
    const captured = payments.filter((p) => !p.declined);
    const declined = payments.filter((p) => p.declined);
    const elapsed = Math.round(performance.now() - started);
    const posts = rig.quaderno.count('/api/transactions');
    console.log(
      `chaos: seed ${FC_SEED}, ${PAYMENTS} payments (${captured.length} captured, ${declined.length} declined), ` +
        `${deliveries} webhook deliveries (answers ${JSON.stringify(Object.fromEntries(statuses))}), ${returns} return reads ` +
        `(${JSON.stringify(Object.fromEntries(reads))}), 1 restart after ${restartedAt} of ${jobs.length} calls: ${invoices.length} invoices, ${posts} POST /api/transactions, ` +
        `${[...bySession.values()].filter((n) => n > 1).length} sessions invoiced twice, ${elapsed} ms`,
    );
    for (const payment of captured) assert.equal(bySession.get(String(payment.id)), 1, `session ${payment.id} invoiced ${bySession.get(String(payment.id)) ?? 0} times`);
    for (const payment of declined) assert.equal(bySession.get(String(payment.id)), undefined, `declined session ${payment.id} was invoiced`);
    assert.equal(invoices.length, captured.length);
    assert.equal(posts, captured.length);
    payments.forEach((payment, i) => assert.equal(final[i], payment.declined ? 'pending' : 'completed', `session ${payment.id}`));
    for (const doc of invoices) {
      const payment = payments.find((p) => String(p.id) === doc.custom_metadata.checkout_session)!;
      assert.equal(doc.total_cents, payment.total);
    }
    assert.ok(!statuses.has(0) && ![...statuses.keys()].some((status) => status >= 500 && status !== 503), JSON.stringify([...statuses]));
  });
});

describe('a create whose outcome is unknown', () => {
  let rig: InPageRig;
  let skew = 0;
  let dropped = 0;
  before(async () => {
    // why this fault: the connection drops after Quaderno got the request, which is still being served; only a
    // stand-in fetch can drop a connection at that moment on demand.
    const dropAfterSending: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname.startsWith('/api/transactions') && dropped === 0) {
        dropped++;
        const copy = request.clone();
        setTimeout(() => void fetch(copy).catch(() => undefined), 300);
        throw new TypeError('fetch failed: connection reset');
      }
      return fetch(request);
    };
    rig = await startInPage({ fetch: dropAfterSending, paymentStore: new MemoryPaymentStore(() => Date.now() + skew) }, false);
  });
  after(() => rig.close());

  test('keeps the payment locked until it expires, then finds the invoice instead of posting a second', async () => {
    const { id } = rig.session();
    const total = await rig.total(id);
    const start = (await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total } })).json as { processor_id: string };
    await rig.stripe.paymentIntents.confirm(start.processor_id, { payment_method: 'pm_card_visa' });
    const read = async () => ((await browser(`${rig.permalink(id)}.json`)).json as { status: string }).status;
    assert.equal(await read(), 'processing'); // the create's connection dropped
    assert.equal(await read(), 'processing'); // locked: no lookup yet, which would miss the invoice still in flight
    await new Promise((resolve) => setTimeout(resolve, 600));
    skew = 61_000; // the lock expires
    assert.equal(await read(), 'completed');
    const invoices = (await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id));
    assert.equal(dropped, 1);
    assert.equal(invoices.length, 1);
  });
});
