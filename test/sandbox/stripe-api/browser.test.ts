// The Stripe.js double's card frame confirms an intent the merchant's server made through the official SDK on the
// Stripe API double, with the intent's client secret only, as Stripe.js does on Stripe's one API.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Stripe from 'stripe';
import { STRIPE_DOUBLE_SECRET_KEY } from '../../../src/sandbox/stripe-api/double.js';
import { useSandbox } from '../harness.js';

const sdk = (url: string) => {
  const { hostname, port } = new URL(url);
  return new Stripe(STRIPE_DOUBLE_SECRET_KEY, { host: hostname, port: Number(port), protocol: 'http', maxNetworkRetries: 0 });
};

describe("Stripe API double: the card frame's confirm", () => {
  const sandbox = useSandbox();

  /** The card frame's own call, from its origin (the sandbox's second port), with no key but the client secret. */
  async function confirmInFrame(id: string, clientSecret: string, number: string) {
    const response = await fetch(`${sandbox().frameUrl}/doubles/stripe/v1/payment_intents/${id}/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: clientSecret, card: { number, expiry: '12/39', cvc: '123' } }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  const cases: Array<[string, (secret: string) => string, string, number, string, Stripe.PaymentIntent.Status]> = [
    ['another client secret', (secret) => `${secret}x`, '4242424242424242', 404, 'resource_missing', 'requires_payment_method'],
    ['a number that fails Luhn', (secret) => secret, '4242424242424241', 402, 'incorrect_number', 'requires_payment_method'],
    ['the decline card', (secret) => secret, '4000 0000 0000 0002', 402, 'card_declined', 'requires_payment_method'],
    ['the insufficient-funds card', (secret) => secret, '4000000000009995', 402, 'card_declined', 'requires_payment_method'],
  ];
  for (const [name, secretOf, number, status, code, after] of cases) {
    test(`refused: ${name} → ${status} ${code}, the intent ${after}`, async () => {
      const stripe = sdk(sandbox().url);
      const intent = await stripe.paymentIntents.create({ amount: 1210, currency: 'eur' });
      const reply = await confirmInFrame(intent.id, secretOf(intent.client_secret!), number);
      assert.equal(reply.status, status);
      assert.equal(reply.body.error.code, code);
      assert.equal((await stripe.paymentIntents.retrieve(intent.id)).status, after);
    });
  }

  test('the success card pays the intent the server made: succeeded with a charge, and the page sees no metadata', async () => {
    const stripe = sdk(sandbox().url);
    const intent = await stripe.paymentIntents.create({ amount: 2541, currency: 'eur', metadata: { quaderno_checkout_session: '7' } });
    const reply = await confirmInFrame(intent.id, intent.client_secret!, '4242 4242 4242 4242');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, {
      id: intent.id,
      object: 'payment_intent',
      amount: 2541,
      currency: 'eur',
      status: 'succeeded',
      client_secret: intent.client_secret,
      next_action: null,
    });
    const read = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    assert.equal(read.status, 'succeeded');
    assert.equal((read.latest_charge as Stripe.Charge).amount, 2541);
    const again = await confirmInFrame(intent.id, intent.client_secret!, '4242424242424242');
    assert.deepEqual([again.status, again.body.error.code], [400, 'payment_intent_unexpected_state'], 'a paid intent is not confirmed twice');
  });

  test("an intent the server's double does not know falls through to the sandbox's simulated Stripe", async () => {
    const reply = await confirmInFrame('pi_sandbox_unknown', 'pi_sandbox_unknown_secret_x', '4242424242424242');
    assert.equal(reply.status, 404);
    assert.equal(reply.body.error.code, 'resource_missing');
  });
});
