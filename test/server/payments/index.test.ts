// Paying inside the page through the handler with the merchant's own Stripe account: the start takes exactly the
// confirmed total, the sale is recorded once in Quaderno (webhook or return, whichever first), a decline records
// nothing, and with Quaderno's Stripe integration on, nothing is posted at all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DELAYED_PAYMENT_METHOD } from '../../../src/sandbox/stripe-api/double.js';
import { createCheckoutHandler } from '../../../src/server/index.js';
import { API_KEY, browser, SECRET } from '../support.js';
import { startPaypalRig, type PaypalRig } from './paypal-support.js';
import { intentsOf, PUBLISHABLE_KEY, setAutoDeliver, settleIntent, startInPage, type InPageRig } from './support.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a payment for the shown total and confirms it with a test card, as Stripe.js does in the page. */
async function pay(rig: InPageRig, id: number, paymentMethod = 'pm_card_fr') {
  const total = await rig.total(id);
  const start = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total }, headers: { 'X-Test-Client-IP': '203.0.113.7' } });
  assert.equal(start.status, 201, start.text);
  const body = start.json as { processor_id: string; client_secret: string; amount: number; publishable_key: string };
  await rig.stripe.paymentIntents.confirm(body.processor_id, { payment_method: paymentMethod }).catch((error: Error) => error);
  return { total, ...body };
}

describe('in-page payments: options', () => {
  const base = { apiUrl: 'http://127.0.0.1:9', apiKey: API_KEY, secret: SECRET };
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a publishable key as the secret key', { stripeSecretKey: 'pk_test_abc', stripePublishableKey: PUBLISHABLE_KEY, stripeWebhookSecret: 'whsec_x' }, /stripeSecretKey/],
    ['a secret key as the publishable key', { stripePublishableKey: 'sk_test_abc' }, /stripePublishableKey/],
    ['a secret key without the publishable key', { stripeSecretKey: 'sk_test_abc', stripeWebhookSecret: 'whsec_x' }, /stripePublishableKey/],
    ['a secret key without the webhook secret', { stripeSecretKey: 'sk_test_abc', stripePublishableKey: PUBLISHABLE_KEY }, /stripeWebhookSecret/],
    ['a webhook secret that is not one', { stripeSecretKey: 'sk_test_abc', stripePublishableKey: PUBLISHABLE_KEY, stripeWebhookSecret: 'sk_test_abc' }, /stripeWebhookSecret/],
  ];
  for (const [name, options, message] of cases) {
    test(`refused: ${name}`, () => assert.throws(() => createCheckoutHandler({ ...base, ...options }), message));
  }
});

describe('in-page payments: a domestic customer without a tax ID yet (the seller in Spain)', () => {
  let rig: InPageRig;
  before(async () => {
    rig = await startInPage({ sellerCountry: 'ES' });
  });
  after(() => rig.close());

  test("the session carries what the card fields mount with (the publishable key, the total); the start is refused at Pay, on tax_id, and makes no intent", async () => {
    const { id } = rig.session({ customer: { billing_country: 'ES', billing_postal_code: '28013', first_name: 'Ana', last_name: 'García', email: 'ana@example.com' } });
    const session = (await browser(`${rig.permalink(id)}.json`)).json as { processor_public_keys: Record<string, string | null>; tax: Record<string, unknown> };
    assert.equal(session.processor_public_keys.stripe, PUBLISHABLE_KEY);
    assert.deepEqual([session.tax.total, session.tax.currency, session.tax.tax_id_required], [2541, 'EUR', true]);
    const reply = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total: 2541 } });
    assert.equal(reply.status, 422, reply.text);
    assert.equal((reply.json as { field_codes: Record<string, string> }).field_codes.tax_id, 'tax_id_required');
    assert.deepEqual(await intentsOf(rig, id), []);
  });
});

describe('in-page payments through the handler', () => {
  let rig: InPageRig;
  before(async () => {
    rig = await startInPage();
  });
  after(() => rig.close());

  test('the session advertises pay (in the page) besides the hosted hand-off', async () => {
    const reply = await browser(`${rig.permalink(rig.session().id)}.json`);
    assert.ok((reply.json as { capabilities: string[] }).capabilities.includes('pay'));
  });

  const refusals: Array<[string, (total: number) => unknown, number, string, string]> = [
    ['no total', () => ({ method: 'card' }), 422, 'field_invalid', 'total'],
    ['a total in floats', (total) => ({ method: 'card', total: total + 0.5 }), 422, 'field_invalid', 'total'],
    ['another total', (total) => ({ method: 'card', total: total - 1 }), 422, 'payment_total_changed', 'total'],
    ['PayPal (not taken in the page here)', (total) => ({ method: 'paypal', total }), 422, 'capability_unsupported', ''],
  ];
  for (const [name, body, status, code, field] of refusals) {
    test(`start refused: ${name} → ${status} ${code}, and no PaymentIntent is made`, async () => {
      const { id } = rig.session();
      const reply = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: body(await rig.total(id)) });
      assert.equal(reply.status, status, reply.text);
      const error = reply.json as { code: string; field_codes?: Record<string, string> };
      assert.equal(error.code, code);
      if (field) assert.equal(error.field_codes?.[field], code);
      const events = await rig.stripe.events.list({ type: 'payment_intent.created' });
      assert.ok(!events.data.some((e) => (e.data.object as { metadata: Record<string, string> }).metadata.quaderno_checkout_session === String(id)));
    });
  }

  test('a coupon on the session is refused at start (Quaderno cannot apply one)', async () => {
    const { id } = rig.session({ coupon_collection: true });
    rig.quaderno.sandbox.store.publicUpdate(
      String(rig.quaderno.sandbox.store.toJSON(rig.quaderno.sandbox.store.getSession(id)!, rig.quaderno.url).permalink).split('/').pop()!,
      { coupon: 'WELCOME10' },
    );
    const reply = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total: 1 } });
    assert.equal(reply.status, 422);
    assert.equal((reply.json as { field_codes: Record<string, string> }).field_codes.coupon, 'capability_unsupported');
  });

  test('paid: one invoice with the tax, the evidence and the charge id; the session answers completed with its permalink', async () => {
    const { id } = rig.session();
    const paid = await pay(rig, id, 'pm_card_de');
    assert.equal(paid.amount, paid.total);
    assert.equal(paid.publishable_key, PUBLISHABLE_KEY);
    const session = (await browser(`${rig.permalink(id)}.json`)).json as Record<string, any>;
    assert.equal(session.status, 'completed');
    for (let i = 0; i < 50 && (await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id)).length === 0; i++) await wait(20);
    await wait(100); // the webhook's delivery, racing the return above
    const invoices = (await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id));
    assert.equal(invoices.length, 1);
    const invoice = invoices[0]!;
    assert.equal(session.invoice_permalink, invoice.permalink);
    assert.equal(invoice.total_cents, paid.total);
    assert.equal(invoice.taxes[0].rate, 20);
    assert.equal(invoice.taxes[0].amount_cents, session.tax.tax);
    assert.match(invoice.payments[0].processor_id, /^ch_/);
    assert.deepEqual(invoice.evidence, { billing_country: 'FR', ip_address: '203.0.113.7', bank_country: 'DE' });
    assert.equal(invoice.contact.email, 'ada@example.com');
    // the session left behind was deleted in Quaderno; the handler answers for it from its record
    assert.equal(rig.quaderno.sandbox.store.getSession(id), undefined);
    const again = (await browser(`${rig.permalink(id)}.json`)).json as Record<string, any>;
    assert.equal(again.status, 'completed');
    const restart = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total: paid.total } });
    assert.equal((restart.json as { code: string }).code, 'session_not_pending');
    const edit = await browser(`${rig.permalink(id)}.json`, { method: 'PUT', body: { customer: { first_name: 'Grace' } } });
    assert.deepEqual([edit.status, (edit.json as { code: string; status: string }).code, (edit.json as { status: string }).status], [422, 'session_not_pending', 'completed']);
  });

  test('a decline records nothing and leaves the session pending', async () => {
    const { id } = rig.session();
    await pay(rig, id, 'pm_card_chargeDeclined');
    await wait(100);
    const session = (await browser(`${rig.permalink(id)}.json`)).json as Record<string, any>;
    assert.equal(session.status, 'pending');
    assert.equal((await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id)).length, 0);
  });

  test('a changed country voids the open intent: Stripe refuses to confirm it', async () => {
    const { id } = rig.session();
    const total = await rig.total(id);
    const start = (await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total } })).json as { processor_id: string };
    const put = await browser(`${rig.permalink(id)}.json`, { method: 'PUT', body: { customer: { billing_country: 'DE' } } });
    assert.equal(put.status, 200, put.text);
    await assert.rejects(rig.stripe.paymentIntents.confirm(start.processor_id, { payment_method: 'pm_card_visa' }), /status of canceled/);
  });

  test('an intent processing at Stripe (a delayed method) refuses a new start and a tax-input PUT (422 processing); its money is recorded once it arrives', async () => {
    const { id } = rig.session();
    const paid = await pay(rig, id, DELAYED_PAYMENT_METHOD);
    assert.deepEqual(await intentsOf(rig, id), [{ id: paid.processor_id, status: 'processing' }]);
    const start = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total: paid.total } });
    const put = await browser(`${rig.permalink(id)}.json`, { method: 'PUT', body: { customer: { billing_country: 'DE' } } });
    for (const reply of [start, put]) {
      assert.equal(reply.status, 422, reply.text);
      assert.deepEqual([reply.json.code, reply.json.status], ['session_not_pending', 'processing']);
    }
    assert.deepEqual(await intentsOf(rig, id), [{ id: paid.processor_id, status: 'processing' }], 'no second intent, and this one kept');
    assert.equal((await browser(`${rig.permalink(id)}.json`)).json.status, 'processing');
    await settleIntent(rig.quaderno.url, paid.processor_id);
    let session: Record<string, any> = {};
    for (let i = 0; i < 50 && session.status !== 'completed'; i++) session = (await browser(`${rig.permalink(id)}.json`)).json as Record<string, any>;
    assert.equal(session.status, 'completed');
    const ours = (await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id));
    assert.deepEqual(ours.map((doc) => [doc.total_cents, doc.contact.country]), [[paid.total, 'FR']], 'one invoice, for the customer the money paid for');
  });

  test('captured another amount than the confirmed one: refunded through Stripe once, nothing recorded, said through onError', async () => {
    const { id } = rig.session();
    const total = await rig.total(id);
    const start = (await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total } })).json as { processor_id: string };
    // why through the SDK: someone with the secret key changed the amount after the customer confirmed the total.
    await rig.stripe.paymentIntents.update(start.processor_id, { amount: total + 100 });
    await rig.stripe.paymentIntents.confirm(start.processor_id, { payment_method: 'pm_card_visa' });
    const errorsBefore = rig.errors.length;
    // The customer's return and the webhook (delivered by the double as it happens) both reach the recorder.
    const reads = await Promise.all([browser(`${rig.permalink(id)}.json`), browser(`${rig.permalink(id)}.json`)]);
    let refunds = await rig.stripe.refunds.list({ payment_intent: start.processor_id });
    for (let i = 0; i < 50 && refunds.data.length === 0; i++) {
      await wait(20);
      refunds = await rig.stripe.refunds.list({ payment_intent: start.processor_id });
    }
    await wait(100);
    refunds = await rig.stripe.refunds.list({ payment_intent: start.processor_id });
    assert.deepEqual(refunds.data.map((r) => r.amount), [total + 100], 'the whole capture refunded, once');
    for (const read of reads) assert.notEqual((read.json as { status: string }).status, 'completed');
    assert.equal((await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id)).length, 0);
    const said = rig.errors.slice(errorsBefore).map(String).filter((line) => line.includes(start.processor_id));
    assert.ok(said.some((line) => /refunded/.test(line)), said.join('\n'));
    const after = (await browser(`${rig.permalink(id)}.json`)).json as { status: string };
    assert.notEqual(after.status, 'completed', 'a refunded payment never shows as a sale');
  });

  test('a start before the customer gave a country (the card fields mounting): the untaxed total; saving a country voids it; captured anyway, refunded', async () => {
    const { id } = rig.session({ customer: { email: 'ada@example.com' } });
    const subtotal = await rig.total(id);
    const start = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total: subtotal } });
    assert.equal(start.status, 201, start.text);
    const mounted = start.json as { processor_id: string; amount: number };
    assert.equal(mounted.amount, subtotal);
    // Captured before any country was saved (only a page that bypasses the element can): no tax to invoice.
    await rig.stripe.paymentIntents.confirm(mounted.processor_id, { payment_method: 'pm_card_visa' });
    const read = (await browser(`${rig.permalink(id)}.json`)).json as { status: string };
    assert.notEqual(read.status, 'completed');
    assert.deepEqual((await rig.stripe.refunds.list({ payment_intent: mounted.processor_id })).data.map((r) => r.amount), [subtotal]);
    assert.equal((await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id)).length, 0);
    // The usual order: the fields' start, then the customer's country, which voids it before Pay starts another.
    const second = rig.session({ customer: { email: 'ada@example.com' } });
    const early = (await browser(`${rig.permalink(second.id)}/payment.json`, { method: 'POST', body: { method: 'card', total: await rig.total(second.id) } })).json as { processor_id: string };
    await browser(`${rig.permalink(second.id)}.json`, { method: 'PUT', body: { customer: { billing_country: 'FR' } } });
    assert.equal((await rig.stripe.paymentIntents.retrieve(early.processor_id)).status, 'canceled');
  });

  test("after the sale is recorded, the element's polls never read it unpaid: processing or completed, then completed from any instance, without an expiry", async () => {
    const { id } = rig.session();
    const total = await rig.total(id);
    const start = (await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total } })).json as { processor_id: string };
    await rig.stripe.paymentIntents.confirm(start.processor_id, { payment_method: 'pm_card_visa' });
    // The webhook (delivered by the double as it happens) and a burst of the element's polls, all at once.
    const polls = await Promise.all(Array.from({ length: 12 }, (_, i) => wait(i * 5).then(() => browser(`${rig.permalink(id)}.json`))));
    const statuses = polls.map((poll) => (poll.json as { status: string }).status);
    assert.ok(statuses.every((status) => status === 'processing' || status === 'completed'), statuses.join());
    await wait(100);
    const settled = (await browser(`${rig.permalink(id)}.json`)).json as Record<string, any>;
    assert.deepEqual([settled.status, 'expires_at' in settled], ['completed', false], 'completed, with no expiry countdown');
    rig.restart();
    const after = (await browser(`${rig.permalink(id)}.json`)).json as Record<string, any>;
    assert.equal(after.status, 'completed');
    assert.equal(after.tax.total, total);
    assert.match(after.invoice_permalink, /^http/);
    assert.equal('expires_at' in after, false, 'no expiry countdown for a paid sale');
    assert.equal(rig.quaderno.sandbox.store.getSession(id), undefined, "Quaderno's session was deleted");
    assert.equal((await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id)).length, 1);
  });

  test('a forged webhook is refused with 400 and records nothing', async () => {
    const reply = await fetch(`${rig.url}/checkout/webhooks/stripe`, {
      method: 'POST',
      headers: { 'Stripe-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'evt_forged', type: 'payment_intent.succeeded', data: { object: { id: 'pi_x' } } }),
    });
    assert.equal(reply.status, 400);
  });
});

describe('in-page payments with Quaderno invoicing the Stripe account itself', () => {
  let rig: InPageRig;
  before(async () => {
    rig = await startInPage({ quadernoInvoicesStripe: true });
  });
  after(() => rig.close());

  test('says so once at startup, posts no transaction, and still shows the sale completed', async () => {
    assert.equal(rig.logs.filter((line) => /quadernoInvoicesStripe/.test(line)).length, 1);
    const { id } = rig.session();
    await pay(rig, id);
    const session = (await browser(`${rig.permalink(id)}.json`)).json as Record<string, any>;
    assert.equal(session.status, 'completed');
    assert.equal(session.invoice_permalink, null);
    await wait(100);
    assert.equal(rig.quaderno.count('/api/transactions'), 0);
    assert.equal((await rig.invoices()).length, 0);
  });
});

describe('in-page payments: one open payment per session, card and PayPal', () => {
  let rig: PaypalRig;
  before(async () => {
    rig = await startPaypalRig({}, false);
  });
  after(() => rig.close());

  const startCard = async (id: number) => {
    const reply = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total: await rig.total(id) } });
    assert.equal(reply.status, 201, reply.text);
    return reply.json as { processor_id: string; amount: number };
  };
  const both = () => rig.session({ payment_methods: ['card', 'paypal'] });

  test('a PayPal start replaces the open card intent: it can no longer be confirmed; the PayPal sale is the one recorded', async () => {
    const { id } = both();
    const card = await startCard(id);
    const order = await rig.startPaypal(id);
    await assert.rejects(rig.stripe.paymentIntents.confirm(card.processor_id, { payment_method: 'pm_card_visa' }), /status of canceled/);
    await rig.approve(order.order_id);
    assert.equal(await rig.sessionStatus(id), 'completed');
    const invoices = await rig.invoicesOf(id);
    assert.deepEqual(invoices.map((doc) => [doc.payments[0].processor, doc.total_cents]), [['paypal', order.total]]);
  });

  test('a PayPal order whose customer changed country before approving is never captured; the next order carries the new tax', async () => {
    const { id } = both();
    const order = await rig.startPaypal(id);
    const put = await browser(`${rig.permalink(id)}.json`, { method: 'PUT', body: { customer: { billing_country: 'DE' } } });
    assert.equal(put.status, 200, put.text);
    await rig.approve(order.order_id);
    const approved = (await rig.events('CHECKOUT.ORDER.APPROVED')).filter((event) => event.resource.id === order.order_id);
    assert.deepEqual(await rig.deliver(approved[0]!.id), [200]);
    assert.equal(await rig.sessionStatus(id), 'pending');
    assert.equal((await rig.order(order.order_id)).status, 'APPROVED');
    const again = await rig.startPaypal(id);
    assert.notEqual(again.amount, order.amount);
    await rig.approve(again.order_id);
    assert.equal(await rig.sessionStatus(id), 'completed');
    assert.deepEqual((await rig.invoicesOf(id)).map((doc) => [doc.total_cents, doc.taxes[0].rate]), [[again.total, 19]]);
  });

  test('a card start replaces an open PayPal order, and a PUT of the country voids the card: the order approved meanwhile is never captured with the old tax', async () => {
    const { id } = both();
    const order = await rig.startPaypal(id);
    const card = await startCard(id);
    const put = await browser(`${rig.permalink(id)}.json`, { method: 'PUT', body: { customer: { billing_country: 'DE' } } });
    assert.equal(put.status, 200, put.text);
    await rig.approve(order.order_id);
    // PayPal's webhook for the approval, as well as the customer's return
    const approved = (await rig.events('CHECKOUT.ORDER.APPROVED')).filter((event) => event.resource.id === order.order_id);
    assert.equal(approved.length, 1);
    assert.deepEqual(await rig.deliver(approved[0]!.id), [200]);
    assert.equal(await rig.sessionStatus(id), 'pending', 'the French order is not captured for a German customer');
    assert.equal((await rig.order(order.order_id)).status, 'APPROVED');
    await assert.rejects(rig.stripe.paymentIntents.confirm(card.processor_id, { payment_method: 'pm_card_visa' }), /status of canceled/);
    assert.deepEqual(await rig.invoicesOf(id), []);
    const again = await rig.startPaypal(id);
    assert.notEqual(again.amount, order.amount, 'the next start reflects the change');
    await rig.approve(again.order_id);
    assert.equal(await rig.sessionStatus(id), 'completed');
    const invoices = await rig.invoicesOf(id);
    assert.deepEqual(invoices.map((doc) => [doc.total_cents, doc.taxes[0].rate, doc.contact.country]), [[again.total, 19, 'DE']]);
  });

  test("a start for another total (the merchant changed the items) makes a new intent: the one the customer confirmed is never re-priced", async () => {
    const { id } = both();
    const card = await startCard(id);
    const items = [{ name: 'Plan', amount: 4000, currency: 'EUR' }];
    const updated = await fetch(`${rig.quaderno.url}/api/checkout/sessions/${id}.json`, {
      method: 'PUT',
      headers: { Authorization: `Basic ${Buffer.from(`${API_KEY}:x`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    assert.equal(updated.status, 200, await updated.text());
    const again = await startCard(id);
    assert.notEqual(again.amount, card.amount);
    assert.notEqual(again.processor_id, card.processor_id, 'a new intent for the new total');
    assert.equal((await rig.stripe.paymentIntents.retrieve(card.processor_id)).amount, card.amount, 'the first keeps its amount');
    await assert.rejects(rig.stripe.paymentIntents.confirm(card.processor_id, { payment_method: 'pm_card_visa' }), /status of canceled/);
  });

  test('a card start and a PayPal start sent at once: the later replaces the earlier, and the session is captured once', async () => {
    const { id } = both();
    const total = await rig.total(id);
    const [card, order] = await Promise.all([
      browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total } }),
      browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total } }),
    ]);
    assert.deepEqual([card.status, order.status], [201, 201], card.text + order.text);
    const intent = (card.json as { processor_id: string }).processor_id;
    const orderId = (order.json as { order_id: string }).order_id;
    const confirmed = await rig.stripe.paymentIntents.confirm(intent, { payment_method: 'pm_card_visa' }).then(() => true, () => false);
    await rig.approve(orderId);
    const approved = (await rig.events('CHECKOUT.ORDER.APPROVED')).filter((event) => event.resource.id === orderId);
    await rig.deliver(approved[0]!.id);
    await wait(100);
    assert.equal(await rig.sessionStatus(id), 'completed');
    const captured = Number(confirmed) + Number((await rig.order(orderId)).status === 'COMPLETED');
    assert.equal(captured, 1, 'one capture');
    assert.equal((await rig.invoicesOf(id)).length, 1);
  });

  test('a start while the open card payment has taken the money is refused (session_not_pending): that payment is recorded at once, the only capture', async () => {
    const { id } = both();
    const card = await startCard(id);
    await setAutoDeliver(rig.quaderno.url, false);
    try {
      await rig.stripe.paymentIntents.confirm(card.processor_id, { payment_method: 'pm_card_visa' });
      const reply = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total: card.amount } });
      assert.equal(reply.status, 422, reply.text);
      assert.deepEqual([(reply.json as { code: string }).code, (reply.json as { status: string }).status], ['session_not_pending', 'completed']);
      assert.equal((await rig.invoicesOf(id)).length, 1, 'recorded without the webhook');
    } finally {
      await setAutoDeliver(rig.quaderno.url, true);
    }
    assert.equal(await rig.sessionStatus(id), 'completed');
    assert.deepEqual((await rig.invoicesOf(id)).map((doc) => [doc.payments[0].processor, doc.total_cents]), [['stripe', card.amount]]);
  });
});
