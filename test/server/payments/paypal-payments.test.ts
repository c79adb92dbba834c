// Paying with PayPal inside the page through the handler with the merchant's own PayPal app (on the sandbox's PayPal
// API test double): the start creates an order for exactly the confirmed total in the shape the PayPal adapter reads,
// the approved order is captured once and recorded once (return or verified webhook, whichever first), a declined or
// unapproved one records nothing, and money that differs from the record is refused or refunded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { paypalStart } from '../../../src/protocol/payments.js';
import { protocolSessionSchema } from '../../../src/protocol/session.js';
import { PAYPAL_DOUBLE_CLIENT_ID } from '../../../src/sandbox/paypal-api/double.js';
import { createCheckoutHandler } from '../../../src/server/index.js';
import type { PaypalOrder } from '../../../src/server/payments/paypal-types.js';
import { readRecord } from '../../../src/server/payments/recorder.js';
import { FC_SEED } from '../../helpers/fast-check.js';
import { API_KEY, browser, SECRET } from '../support.js';
import { limiter, pool, random, returnJobs, runStorm, sleep } from './chaos.js';
import { startPaypalRig, type PaypalRig } from './paypal-support.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await wait(20);
  }
  assert.fail(`never: ${what}`);
}

describe('in-page PayPal: options', () => {
  const base = { apiUrl: 'http://127.0.0.1:9', apiKey: API_KEY, secret: SECRET };
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a client secret without the client id', { paypalClientSecret: 'secret', paypalWebhookId: 'WH1' }, /paypalClientId/],
    ['the secret given as the public client id', { paypalClientId: 'same', paypalClientSecret: 'same', paypalWebhookId: 'WH1' }, /paypalClientId/],
    ['a client secret without the webhook id', { paypalClientId: 'id', paypalClientSecret: 'secret' }, /paypalWebhookId/],
    ['a webhook id that is not one', { paypalClientId: 'id', paypalClientSecret: 'secret', paypalWebhookId: 'WH 1/../' }, /paypalWebhookId/],
    ['an API URL with a path', { paypalClientId: 'id', paypalClientSecret: 'secret', paypalWebhookId: 'WH1', paypalApiUrl: 'https://api-m.paypal.com/v2' }, /paypalApiUrl/],
    ['an API URL that is not http(s)', { paypalClientId: 'id', paypalClientSecret: 'secret', paypalWebhookId: 'WH1', paypalApiUrl: 'javascript:alert(1)' }, /paypalApiUrl/],
  ];
  for (const [name, options, message] of cases) {
    test(`refused: ${name}`, () => assert.throws(() => createCheckoutHandler({ ...base, ...options }), message));
  }
});

describe('in-page PayPal through the handler', () => {
  let rig: PaypalRig;
  before(async () => {
    rig = await startPaypalRig({}, false);
  });
  after(() => rig.close());

  test("the start answers the PayPal adapter's shape: an order for exactly the confirmed total, CAPTURE, tagged with the session", async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    const parsed = paypalStart.safeParse(start);
    assert.ok(parsed.success, JSON.stringify(start));
    assert.equal(start.client_id, PAYPAL_DOUBLE_CLIENT_ID);
    assert.equal(start.processor_id, start.order_id);
    assert.equal(start.amount, start.total);
    const order = await rig.order(start.order_id);
    assert.deepEqual([order.status, order.intent, order.purchase_units[0]!.custom_id], ['CREATED', 'CAPTURE', String(id)]);
    assert.equal(order.purchase_units[0]!.amount.value, (start.total / 100).toFixed(2));
    assert.equal(order.purchase_units[0]!.amount.currency_code, start.currency);
    // not approved yet: the return captures nothing and the session stays pending
    assert.equal(await rig.sessionStatus(id), 'pending');
    assert.equal((await rig.order(start.order_id)).status, 'CREATED');
  });

  test('another total is refused before any order is made', async () => {
    const { id } = rig.paypalSession();
    const before = rig.quaderno.count('/v2/checkout/orders');
    const reply = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total: (await rig.total(id)) - 1 } });
    assert.equal(reply.status, 422);
    assert.equal((reply.json as { code: string }).code, 'payment_total_changed');
    assert.equal(rig.quaderno.count('/v2/checkout/orders'), before);
  });

  test('approved, then the return: captured once, one paid invoice with the tax and the capture id, the session completed', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id);
    const [first, second] = await Promise.all([browser(`${rig.permalink(id)}.json`), browser(`${rig.permalink(id)}.json`)]);
    const session = first!.json as Record<string, any>;
    assert.deepEqual([session.status, (second!.json as { status: string }).status], ['completed', 'completed']);
    const order = await rig.order(start.order_id);
    assert.equal(order.status, 'COMPLETED');
    const capture = order.purchase_units[0]!.payments!.captures![0]!;
    // every webhook PayPal sent for it, delivered twice more: still one invoice
    for (const type of ['CHECKOUT.ORDER.APPROVED', 'PAYMENT.CAPTURE.COMPLETED']) {
      const event = (await rig.events(type)).find((e) => JSON.stringify(e.resource).includes(start.order_id))!;
      assert.ok(event, type);
      for (let i = 0; i < 2; i++) assert.deepEqual(await rig.deliver(event.id), [200]);
    }
    const invoices = await rig.invoicesOf(id);
    assert.equal(invoices.length, 1);
    const invoice = invoices[0]!;
    assert.equal(invoice.total_cents, start.total);
    assert.equal(invoice.taxes[0].rate, 20);
    assert.equal(invoice.taxes[0].amount_cents, session.tax.tax);
    assert.deepEqual([invoice.payments[0].payment_method, invoice.payments[0].processor, invoice.payments[0].processor_id], ['paypal', 'paypal', capture.id]);
    assert.deepEqual(invoice.evidence, { billing_country: 'FR', ip_address: '198.51.100.4' });
    assert.equal(invoice.custom_metadata.paypal_order, start.order_id);
    assert.equal(session.invoice_permalink, invoice.permalink);
    const again = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total: start.total } });
    assert.equal((again.json as { code: string }).code, 'session_not_pending');
  });

  test('the webhook first: CHECKOUT.ORDER.APPROVED captures and records before the customer returns', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id);
    const approved = (await rig.events('CHECKOUT.ORDER.APPROVED')).find((e) => e.resource.id === start.order_id)!;
    const statuses = await Promise.all([rig.deliver(approved.id), rig.deliver(approved.id), rig.deliver(approved.id)]);
    assert.ok(statuses.flat().every((status) => status === 200 || status === 503), JSON.stringify(statuses));
    await until(async () => (await rig.invoicesOf(id)).length === 1, 'the invoice');
    assert.equal(await rig.sessionStatus(id), 'completed');
    assert.equal((await rig.invoicesOf(id)).length, 1);
  });

  test('a declined capture records nothing, leaves the session pending and the order uncaptured', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id, 'declined');
    assert.equal(await rig.sessionStatus(id), 'pending');
    const approved = (await rig.events('CHECKOUT.ORDER.APPROVED')).find((e) => e.resource.id === start.order_id)!;
    assert.deepEqual(await rig.deliver(approved.id), [200]);
    assert.equal(await rig.sessionStatus(id), 'pending');
    assert.equal((await rig.order(start.order_id)).status, 'APPROVED');
    assert.equal((await rig.invoicesOf(id)).length, 0);
  });

  test("two instances on one store: a capture refused through one is told by the other's reads (last_payment_error), and the order is never captured again", async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id, 'declined');
    const capturePath = `/v2/checkout/orders/${start.order_id}/capture`;
    // Instance A, beside the served instance B on the same store: its capture is held at PayPal's door until B has read.
    const { handler: a, capturing, release } = rig.instanceHoldingCaptures();
    const url = `${rig.permalink(id)}.json`;
    const throughA = a(new Request(url, { headers: { Accept: 'application/json' } }));
    await capturing;
    assert.equal(await rig.sessionStatus(id), 'processing', "B, while A's capture is under way");
    release();
    assert.equal(((await (await throughA).json()) as { status: string }).status, 'pending');
    const throughB = (await browser(url)).json as Record<string, any>;
    assert.equal(throughB.status, 'pending');
    assert.deepEqual(throughB.last_payment_error, { code: 'payment_declined', processor: 'paypal', processor_id: start.order_id, decline_code: 'INSTRUMENT_DECLINED' });
    assert.ok(protocolSessionSchema.safeParse(throughB).success, 'the protocol reads it');
    // A late approval webhook, or more reads on either instance: no second capture, nothing recorded.
    const approved = (await rig.events('CHECKOUT.ORDER.APPROVED')).find((e) => e.resource.id === start.order_id)!;
    assert.deepEqual(await rig.deliver(approved.id), [200]);
    assert.equal((await (await a(new Request(url, { headers: { Accept: 'application/json' } }))).json() as { last_payment_error?: unknown }).last_payment_error !== undefined, true);
    assert.equal(rig.quaderno.count(capturePath), 1);
    assert.equal((await rig.invoicesOf(id)).length, 0);
    // The customer pays again: a new order, and the session no longer carries the old attempt's error.
    const again = await rig.startPaypal(id);
    assert.equal(((await browser(url)).json as { last_payment_error?: unknown }).last_payment_error, undefined);
    await rig.approve(again.order_id);
    assert.equal(((await browser(url)).json as { status: string }).status, 'completed');
    assert.equal((await rig.invoicesOf(id)).length, 1);
  });

  test('a PayPal start without a billing country is refused (422 on billing_country): no order could be captured with no tax to record', async () => {
    const { id } = rig.session({ payment_methods: ['paypal'], customer: { email: 'ada@example.com' } });
    const start = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total: await rig.total(id) } });
    assert.equal(start.status, 422, start.text);
    assert.deepEqual((start.json as { errors: Record<string, string[]> }).errors.billing_country, ['is required to pay with PayPal']);
  });

  test('a capture PayPal holds PENDING: the session is processing (the element follows it, never offering to pay again), recorded once the money arrives', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id, 'pending');
    assert.equal(await rig.sessionStatus(id), 'processing');
    const order = await rig.order(start.order_id);
    const capture = order.purchase_units[0]!.payments!.captures![0]!;
    assert.equal(capture.status, 'PENDING');
    assert.equal((await rig.invoicesOf(id)).length, 0, 'nothing recorded while the money is on its way');
    const again = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total: start.total } });
    assert.deepEqual([again.status, (again.json as { code: string }).code], [422, 'session_not_pending'], 'no second payment meanwhile');
    const moved = await browser(`${rig.permalink(id)}.json`, { method: 'PUT', body: { customer: { billing_country: 'DE' } } });
    assert.deepEqual([moved.status, (moved.json as { code: string }).code], [422, 'session_not_pending'], 'no change to what is being paid');
    assert.equal((await rig.paypal('POST', `/sandbox/paypal/captures/${capture.id}/complete`)).status, 200);
    await until(async () => (await rig.sessionStatus(id)) === 'completed', 'completed once the capture completed');
    const invoices = await rig.invoicesOf(id);
    assert.equal(invoices.length, 1);
    assert.equal(invoices[0]!.payment?.processor_id ?? invoices[0]!.payments?.[0]?.processor_id ?? capture.id, capture.id);
  });

  test('a PENDING capture completed later, told only by its webhook delivered three times at once: recorded exactly once', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id, 'pending');
    assert.equal(await rig.sessionStatus(id), 'processing');
    const capture = (await rig.order(start.order_id)).purchase_units[0]!.payments!.captures![0]!;
    assert.equal((await rig.paypal('POST', `/sandbox/paypal/captures/${capture.id}/complete`)).status, 200);
    const completed = (await rig.events('PAYMENT.CAPTURE.COMPLETED')).find((e) => e.resource.id === capture.id)!;
    const statuses = await Promise.all([1, 2, 3].map(() => rig.deliver(completed.id)));
    assert.ok(statuses.flat().every((status) => status === 200 || status === 503), JSON.stringify(statuses));
    await until(async () => (await rig.invoicesOf(id)).length === 1, 'the invoice');
    assert.deepEqual(await rig.deliver(completed.id), [200], 'a late delivery');
    assert.equal((await rig.invoicesOf(id)).length, 1);
    assert.equal(await rig.sessionStatus(id), 'completed');
  });

  test('a PENDING capture PayPal denies later (PAYMENT.CAPTURE.DENIED): nothing recorded, the session pending again with the failed attempt, and payable', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id, 'pending');
    assert.equal(await rig.sessionStatus(id), 'processing', 'captured on the return, PENDING at PayPal');
    const capture = (await rig.order(start.order_id)).purchase_units[0]!.payments!.captures![0]!;
    assert.equal((await rig.paypal('POST', `/sandbox/paypal/captures/${capture.id}/deny`)).status, 200);
    const denied = (await rig.events('PAYMENT.CAPTURE.DENIED')).find((e) => e.resource.id === capture.id)!;
    assert.deepEqual(await rig.deliver(denied.id), [200]);
    assert.equal((await readRecord(rig.store, start.order_id))?.state, 'void', 'the webhook, before any read, freed the session');
    const session = (await browser(`${rig.permalink(id)}.json`)).json as Record<string, any>;
    assert.equal(session.status, 'pending', 'the money never came: the customer may pay again');
    assert.deepEqual(session.last_payment_error, { code: 'payment_declined', processor: 'paypal', processor_id: start.order_id, decline_code: 'DECLINED' });
    assert.equal((await rig.invoicesOf(id)).length, 0);
    // The session is free: a new order, approved and captured, is the one sale.
    const again = await rig.startPaypal(id);
    await rig.approve(again.order_id);
    assert.equal(await rig.sessionStatus(id), 'completed');
    assert.equal((await rig.invoicesOf(id)).length, 1);
  });

  test('an order changed at PayPal to another amount is not captured, and nothing is recorded', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    const patch = await rig.paypal('PATCH', `/v2/checkout/orders/${start.order_id}`, [
      { op: 'replace', path: "/purchase_units/@reference_id=='default'/amount", value: { currency_code: start.currency, value: '1.00' } },
    ]);
    assert.equal(patch.status, 200);
    await rig.approve(start.order_id);
    const errors = rig.errors.length;
    assert.equal(await rig.sessionStatus(id), 'pending');
    assert.equal((await rig.order(start.order_id)).status, 'APPROVED');
    assert.equal((await rig.invoicesOf(id)).length, 0);
    assert.match(String(rig.errors[errors]), /not the confirmed/);
  });

  test('a capture taken elsewhere for another amount is refunded, and nothing is recorded', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.paypal('PATCH', `/v2/checkout/orders/${start.order_id}`, [
      { op: 'replace', path: "/purchase_units/@reference_id=='default'/amount", value: { currency_code: start.currency, value: '1.00' } },
    ]);
    await rig.approve(start.order_id);
    const captured = await rig.paypal<PaypalOrder>('POST', `/v2/checkout/orders/${start.order_id}/capture`, {});
    const capture = captured.json.purchase_units[0]!.payments!.captures![0]!;
    const event = (await rig.events('PAYMENT.CAPTURE.COMPLETED')).find((e) => e.resource.id === capture.id)!;
    assert.deepEqual(await rig.deliver(event.id), [200]);
    assert.equal(await rig.sessionStatus(id), 'pending');
    assert.equal((await rig.paypal('GET', `/v2/payments/captures/${capture.id}`)).json.status, 'REFUNDED');
    assert.equal((await rig.invoicesOf(id)).length, 0);
  });

  test('two approved orders of one session: only one is captured', async () => {
    const { id } = rig.paypalSession();
    const a = await rig.startPaypal(id);
    const b = await rig.startPaypal(id);
    assert.notEqual(a.order_id, b.order_id);
    await rig.approve(a.order_id);
    await rig.approve(b.order_id);
    const events = (await rig.events('CHECKOUT.ORDER.APPROVED')).filter((e) => e.resource.id === a.order_id || e.resource.id === b.order_id);
    await Promise.all([...events.map((e) => rig.deliver(e.id)), browser(`${rig.permalink(id)}.json`)]);
    await until(async () => (await rig.sessionStatus(id)) === 'completed', 'completed');
    const statuses = [(await rig.order(a.order_id)).status, (await rig.order(b.order_id)).status];
    assert.equal(statuses.filter((status) => status === 'COMPLETED').length, 1, JSON.stringify(statuses));
    assert.equal((await rig.invoicesOf(id)).length, 1);
  });

  test('a forged webhook is refused with 400; a verified one for an order this handler never made is ignored', async () => {
    const forged = await fetch(`${rig.url}/checkout/webhooks/paypal`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'PAYPAL-AUTH-ALGO': 'SHA256withRSA',
        'PAYPAL-CERT-URL': 'https://api.paypal.com/cert',
        'PAYPAL-TRANSMISSION-ID': 'abc',
        'PAYPAL-TRANSMISSION-SIG': 'AAAA',
        'PAYPAL-TRANSMISSION-TIME': new Date().toISOString(),
      },
      body: JSON.stringify({ id: 'WH-X', event_type: 'CHECKOUT.ORDER.APPROVED', resource_type: 'checkout-order', create_time: new Date().toISOString(), resource: { id: 'ORDER' } }),
    });
    assert.equal(forged.status, 400);
    const unsigned = await fetch(`${rig.url}/checkout/webhooks/paypal`, { method: 'POST', body: '{}' });
    assert.equal(unsigned.status, 400);
    const order = await rig.paypal<PaypalOrder>('POST', '/v2/checkout/orders', { intent: 'CAPTURE', purchase_units: [{ amount: { currency_code: 'EUR', value: '3.00' } }] });
    await rig.approve(order.json.id);
    const event = (await rig.events('CHECKOUT.ORDER.APPROVED')).find((e) => e.resource.id === order.json.id)!;
    assert.deepEqual(await rig.deliver(event.id), [200]);
    assert.equal((await rig.order(order.json.id)).status, 'APPROVED');
  });
});

describe('in-page PayPal with Quaderno invoicing the Stripe account itself', () => {
  let rig: PaypalRig;
  before(async () => {
    rig = await startPaypalRig({ quadernoInvoicesStripe: true });
  });
  after(() => rig.close());

  test('PayPal sales are still recorded: Quaderno invoices Stripe payments only', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id);
    await until(async () => (await rig.sessionStatus(id)) === 'completed', 'completed');
    assert.equal((await rig.invoicesOf(id)).length, 1);
  });
});

describe('in-page PayPal: one capture per session while a recording waits', () => {
  let rig: PaypalRig;
  let quadernoRefuses = false;
  let paypalVerifyDown = false;
  before(async () => {
    // why these faults: Quaderno refusing the transaction keeps a captured order unrecorded for as long as the test
    // needs, and PayPal's verify call failing is PayPal being away; neither server does that on demand.
    const refusing: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      if (quadernoRefuses && request.method === 'POST' && path.startsWith('/api/transactions')) {
        return Response.json({ errors: { base: ['refused by the test'] } }, { status: 422 });
      }
      if (paypalVerifyDown && path === '/v1/notifications/verify-webhook-signature') throw new TypeError('fetch failed: connection refused');
      return fetch(request);
    };
    rig = await startPaypalRig({ fetch: refusing }, false);
  });
  after(() => rig.close());

  test('an order captured but not yet recorded keeps a second approved order of the session from being captured', async () => {
    const { id } = rig.paypalSession();
    // Two windows: both orders started before either is approved (B's start replaced A).
    const a = await rig.startPaypal(id);
    const b = await rig.startPaypal(id);
    await rig.approve(b.order_id);
    quadernoRefuses = true;
    const approved = (order: string) => rig.events('CHECKOUT.ORDER.APPROVED').then((events) => events.find((e) => e.resource.id === order)!);
    const approvedB = await approved(b.order_id);
    assert.deepEqual(await rig.deliver(approvedB.id), [503]); // captured, not recorded: PayPal will deliver it again
    assert.equal((await rig.order(b.order_id)).status, 'COMPLETED');
    const third = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total: b.total } });
    assert.deepEqual([third.status, (third.json as { status: string }).status], [422, 'processing'], 'no new payment while B waits to be recorded');
    await rig.approve(a.order_id);
    assert.deepEqual(await rig.deliver((await approved(a.order_id)).id), [200]);
    assert.equal(await rig.sessionStatus(id), 'processing', 'B took the money: the session is being paid');
    assert.equal((await rig.order(a.order_id)).status, 'APPROVED');
    quadernoRefuses = false;
    assert.deepEqual(await rig.deliver(approvedB.id), [200]);
    assert.equal(await rig.sessionStatus(id), 'completed');
    assert.equal((await rig.order(a.order_id)).status, 'APPROVED');
    assert.equal((await rig.invoicesOf(id)).length, 1);
  });

  test('a delivery PayPal cannot verify now is 503 (PayPal delivers it again) and takes nothing; verified later, it records', async () => {
    const { id } = rig.paypalSession();
    const start = await rig.startPaypal(id);
    await rig.approve(start.order_id);
    const approved = (await rig.events('CHECKOUT.ORDER.APPROVED')).find((e) => e.resource.id === start.order_id)!;
    paypalVerifyDown = true;
    const errors = rig.errors.length;
    assert.deepEqual(await rig.deliver(approved.id), [503]);
    paypalVerifyDown = false;
    assert.equal((await rig.order(start.order_id)).status, 'APPROVED');
    assert.equal(rig.errors.length, errors + 1);
    assert.deepEqual(await rig.deliver(approved.id), [200]);
    assert.equal((await rig.invoicesOf(id)).length, 1);
  });
});

describe('exactly-once PayPal recording under chaos', () => {
  const PAYMENTS = 200;
  let rig: PaypalRig;
  before(async () => {
    rig = await startPaypalRig({}, false);
  });
  after(() => rig.close());

  test(`${PAYMENTS} PayPal payments, webhooks 1–5 times with the return path, late and reordered, a restart midway: one invoice per capture`, async () => {
    const rand = random(FC_SEED);
    const started = performance.now();
    // 1. sessions, starts and the buyers' choices in PayPal's window: most approve, some with funding that declines
    // at capture, some close the window (never approved)
    type Fate = 'captured' | 'declined' | 'unapproved';
    const payments = await pool(Array.from({ length: PAYMENTS }, (_, i) => i), 8, async () => {
      const { id } = rig.paypalSession();
      const start = await rig.startPaypal(id);
      const roll = rand();
      const fate: Fate = roll < 0.15 ? 'declined' : roll < 0.2 ? 'unapproved' : 'captured';
      if (fate !== 'unapproved') await rig.approve(start.order_id, fate === 'declined' ? 'declined' : 'ok');
      return { id, order: start.order_id, total: start.total, fate };
    });
    console.log(`paypal chaos: phase 1 (starts and approvals) ${Math.round(performance.now() - started)} ms`);
    const approvedEvents = new Map((await rig.events('CHECKOUT.ORDER.APPROVED')).map((e) => [e.resource.id as string, e.id]));
    // why one listing shared for 200 ms: every capture-notice job reads the list, and 150 full listings cost seconds.
    let listing: { at: number; events: Promise<Awaited<ReturnType<PaypalRig['events']>>> } | undefined;
    const notices = () => {
      if (!listing || performance.now() - listing.at > 200) listing = { at: performance.now(), events: rig.events('PAYMENT.CAPTURE.COMPLETED') };
      return listing.events;
    };
    const captureEventOf = async (order: string) =>
      (await notices()).find((e) => (e.resource as { supplementary_data?: { related_ids?: { order_id?: string } } }).supplementary_data?.related_ids?.order_id === order);
    // 2. the storm: approvals delivered 1–5 times, capture notices delivered once PayPal has sent one, returns, all at
    // random times; "late" ones after the restart
    const statuses = new Map<number, number>();
    const reads = new Map<string, number>();
    let deliveries = 0;
    let returns = 0;
    const jobs: Array<() => Promise<void>> = [];
    const bounded = limiter(24);
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    for (const payment of payments) {
      const approved = approvedEvents.get(payment.order);
      if (approved) {
        const times = 1 + Math.floor(rand() * 5);
        for (let k = 0; k < times; k++) {
          const delay = rand() < 0.2 ? 600 + Math.floor(rand() * 600) : Math.floor(rand() * 500);
          deliveries++;
          jobs.push(async () => {
            await sleep(delay);
            for (const status of await bounded(() => rig.deliver(approved))) count(status);
          });
        }
        const delay = Math.floor(rand() * 1200);
        jobs.push(async () => {
          await sleep(delay);
          const event = await bounded(() => captureEventOf(payment.order));
          if (!event) return;
          deliveries++;
          for (const status of await bounded(() => rig.deliver(event.id))) count(status);
        });
      }
      const reading = returnJobs(`${rig.permalink(payment.id)}.json`, rand, bounded, reads);
      returns += reading.length;
      jobs.push(...reading);
    }
    const restartedAt = await runStorm(jobs, rand, () => rig.restart());
    console.log(`paypal chaos: phase 2 (storm) ${Math.round(performance.now() - started)} ms`);
    // 3. late and out of order: every capture notice PayPal sent, once more, oldest last
    await pool(await rig.events('PAYMENT.CAPTURE.COMPLETED'), 8, async (event) => {
      deliveries++;
      for (const status of await rig.deliver(event.id)) count(status);
    });
    const final = await pool(payments, 16, async (payment) => ((await browser(`${rig.permalink(payment.id)}.json`)).json as { status: string }).status);
    const invoices = await rig.invoices();
    const bySession = new Map<string, number>();
    for (const doc of invoices) bySession.set(doc.custom_metadata.checkout_session, (bySession.get(doc.custom_metadata.checkout_session) ?? 0) + 1);
    const orders = await pool(payments, 16, (payment) => rig.order(payment.order));
    const captures = orders.flatMap((order) => (order.purchase_units[0]!.payments?.captures ?? []).map((capture) => ({ ...capture, order_id: order.id })));
    const fates = (fate: Fate) => payments.filter((p) => p.fate === fate);
    const posts = rig.quaderno.seen.filter((r) => r.method === 'POST' && r.path.startsWith('/api/transactions')).length;
    console.log(
      `paypal chaos: seed ${FC_SEED}, ${PAYMENTS} payments (${fates('captured').length} captured, ${fates('declined').length} declined at capture, ` +
        `${fates('unapproved').length} never approved), ${deliveries} webhook deliveries (answers ${JSON.stringify(Object.fromEntries(statuses))}), ` +
        `${returns} return reads (${JSON.stringify(Object.fromEntries(reads))}), 1 restart after ${restartedAt} of ${jobs.length} calls: ` +
        `${captures.length} captures, ${invoices.length} invoices, ${posts} POST /api/transactions, ` +
        `${[...bySession.values()].filter((n) => n > 1).length} sessions invoiced twice, ${Math.round(performance.now() - started)} ms; handler errors: ${rig.errors.length}`,
    );
    for (const payment of payments) {
      assert.equal(bySession.get(String(payment.id)) ?? 0, payment.fate === 'captured' ? 1 : 0, `session ${payment.id} (${payment.fate})`);
      const taken = captures.filter((capture) => capture.order_id === payment.order);
      assert.equal(taken.length, payment.fate === 'captured' ? 1 : 0, `order ${payment.order} (${payment.fate})`);
    }
    payments.forEach((payment, i) => assert.equal(final[i], payment.fate === 'captured' ? 'completed' : 'pending', `session ${payment.id}`));
    assert.equal(invoices.length, fates('captured').length);
    assert.equal(posts, fates('captured').length);
    for (const doc of invoices) {
      const payment = payments.find((p) => String(p.id) === doc.custom_metadata.checkout_session)!;
      assert.equal(doc.total_cents, payment.total);
      assert.equal(doc.payments[0].processor_id, captures.find((capture) => capture.order_id === payment.order)!.id);
    }
    assert.ok(!statuses.has(0) && ![...statuses.keys()].some((status) => status >= 500 && status !== 503), JSON.stringify([...statuses]));
  });
});
