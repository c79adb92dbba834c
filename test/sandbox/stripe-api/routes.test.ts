// The Stripe API test double, driven by the official `stripe` SDK over HTTP (its documented host/port/protocol
// settings), and its webhooks verified by the SDK's own `webhooks.constructEvent`.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Stripe from 'stripe';
import { STRIPE_DOUBLE_SECRET_KEY } from '../../../src/sandbox/stripe-api/double.js';
import { useSandbox } from '../harness.js';

const sdk = (url: string, key = STRIPE_DOUBLE_SECRET_KEY) => {
  const { hostname, port } = new URL(url);
  return new Stripe(key, { host: hostname, port: Number(port), protocol: 'http', maxNetworkRetries: 0 });
};

describe('Stripe API double', () => {
  const sandbox = useSandbox();
  const received: Array<{ type: string; verified: boolean }> = [];
  let receiver: Server;
  let receiverUrl = '';
  let secret = '';
  before(async () => {
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        try {
          const event = sdk(sandbox().url).webhooks.constructEvent(raw, String(req.headers['stripe-signature']), secret);
          received.push({ type: event.type, verified: true });
          res.writeHead(200).end();
        } catch {
          received.push({ type: 'unverified', verified: false });
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  after(() => receiver.close());

  test('create → confirm with a test card → succeeded, with a charge that knows the card country', async () => {
    const stripe = sdk(sandbox().url);
    const intent = await stripe.paymentIntents.create({ amount: 1210, currency: 'eur', metadata: { session: '7' } });
    assert.equal(intent.status, 'requires_payment_method');
    assert.match(intent.client_secret ?? '', new RegExp(`^${intent.id}_secret_`));
    const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_de' });
    assert.equal(confirmed.status, 'succeeded');
    const read = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    const charge = read.latest_charge as Stripe.Charge;
    assert.equal(charge.amount, 1210);
    assert.equal(charge.payment_method_details?.card?.country, 'DE');
    assert.deepEqual(read.metadata, { session: '7' });
  });

  test('the same Idempotency-Key gives the same intent', async () => {
    const stripe = sdk(sandbox().url);
    const a = await stripe.paymentIntents.create({ amount: 500, currency: 'eur' }, { idempotencyKey: 'same-key' });
    const b = await stripe.paymentIntents.create({ amount: 500, currency: 'eur' }, { idempotencyKey: 'same-key' });
    assert.equal(a.id, b.id);
  });

  test('a decline is a StripeCardError; the intent waits for another method; a cancelled one cannot be confirmed', async () => {
    const stripe = sdk(sandbox().url);
    const intent = await stripe.paymentIntents.create({ amount: 900, currency: 'eur' });
    await assert.rejects(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }), (error: Stripe.errors.StripeError) => {
      assert.equal(error.type, 'StripeCardError');
      assert.equal(error.code, 'card_declined');
      return true;
    });
    assert.equal((await stripe.paymentIntents.retrieve(intent.id)).status, 'requires_payment_method');
    await stripe.paymentIntents.cancel(intent.id);
    await assert.rejects(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }), /status of canceled/);
  });

  test('refunds: stripe.refunds.create refunds a paid intent once (the same Idempotency-Key, the same refund), never more than was paid', async () => {
    const stripe = sdk(sandbox().url);
    const unpaid = await stripe.paymentIntents.create({ amount: 500, currency: 'eur' });
    await assert.rejects(stripe.refunds.create({ payment_intent: unpaid.id }), /no successful charge/);
    const intent = await stripe.paymentIntents.create({ amount: 1210, currency: 'eur' });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    const refund = await stripe.refunds.create({ payment_intent: intent.id, metadata: { reason: 'test' } }, { idempotencyKey: 'refund-1' });
    assert.deepEqual([refund.object, refund.amount, refund.currency, refund.status, refund.payment_intent], ['refund', 1210, 'eur', 'succeeded', intent.id]);
    assert.match(String(refund.charge), /^ch_/);
    const again = await stripe.refunds.create({ payment_intent: intent.id }, { idempotencyKey: 'refund-1' });
    assert.equal(again.id, refund.id);
    await assert.rejects(stripe.refunds.create({ payment_intent: intent.id }), /already been refunded/);
    assert.deepEqual((await stripe.refunds.list({ payment_intent: intent.id })).data.map((r) => r.id), [refund.id]);
  });

  test('a wrong secret key is refused', async () => {
    await assert.rejects(sdk(sandbox().url, 'sk_test_wrong').paymentIntents.create({ amount: 100, currency: 'eur' }), (error: Error) => {
      assert.equal((error as Stripe.errors.StripeError).type, 'StripeAuthenticationError');
      return true;
    });
  });

  test('webhooks: each event is signed as Stripe signs it, and a resend delivers it again', async () => {
    const stripe = sdk(sandbox().url);
    const endpoint = await stripe.webhookEndpoints.create({ url: receiverUrl, enabled_events: ['payment_intent.succeeded'] });
    secret = endpoint.secret!;
    assert.match(secret, /^whsec_/);
    const intent = await stripe.paymentIntents.create({ amount: 300, currency: 'eur' });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    const events = await stripe.events.list({ type: 'payment_intent.succeeded' });
    const event = events.data.find((e) => (e.data.object as Stripe.PaymentIntent).id === intent.id)!;
    assert.ok(event);
    const resend = await fetch(`${sandbox().url}/sandbox/stripe/events/${event.id}/deliver`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${STRIPE_DOUBLE_SECRET_KEY}` },
    });
    assert.deepEqual(await resend.json(), { statuses: [200] });
    for (let i = 0; i < 50 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(received, [
      { type: 'payment_intent.succeeded', verified: true },
      { type: 'payment_intent.succeeded', verified: true },
    ]);
  });
});
