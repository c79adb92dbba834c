// The payment start the core lends the adapters (src/processors/payment-start.ts), in Node against the real sandbox:
// its answers parse as the protocol's schema does (it dispatches on `processor` to each processor's own protocol schema
// instead of the discriminated union, so a table holds the two ways of reading together), and its refusals are the
// core's own error classes (an adapter script carries none).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BadResponseError, ConflictError, ValidationError } from '../../src/api/errors.js';
import { parsePaymentStart, startPayment } from '../../src/processors/payment-start.js';
import { paymentStartResponse } from '../../src/protocol/payments.js';
import { RECORDED_CREATE, useSandbox } from '../sandbox/harness.js';

describe('processors: the payment start', () => {
  const sandbox = useSandbox();
  const permalinkOf = (status?: 'completed') =>
    sandbox().store.toJSON(sandbox().store.createSession({ ...RECORDED_CREATE, payment_methods: ['card', 'paypal'] }, { status }), sandbox().url)
      .permalink as string;

  test('card and PayPal: the sandbox answer, parsed as the protocol schema parses it', async () => {
    const permalink = permalinkOf();
    for (const [method, processor] of [['card', 'stripe'], ['paypal', 'paypal']] as const) {
      const start = await startPayment(permalink, method, 2100);
      assert.equal(start.processor, processor);
      assert.deepEqual(start, paymentStartResponse.parse(start));
    }
  });

  test('a session no longer pending: the core’s ConflictError, which the checkout model recognises', async () => {
    await assert.rejects(startPayment(permalinkOf('completed'), 'card', 2100), (error) => error instanceof ConflictError);
  });

  test('another total than the server’s: the core’s ValidationError payment_total_changed, nothing started', async () => {
    const permalink = permalinkOf();
    await assert.rejects(startPayment(permalink, 'card', 2099), (error) => error instanceof ValidationError && error.reason === 'payment_total_changed');
    assert.equal((await (await fetch(`${permalink}.json`)).json()).processor_id, undefined);
  });

  test('an answer outside the schema is a BadResponseError', async () => {
    const transport = { fetch: async () => Response.json({ processor: 'stripe', processor_id: 'pi_1' }, { status: 201 }) };
    await assert.rejects(startPayment(permalinkOf(), 'card', 2100, { transport }), (error) => error instanceof BadResponseError);
  });

  // why a table: parsePaymentStart reads through PAYMENT_STARTS, not the protocol's union (see payment-start.ts); each
  // row is judged both ways, and they must agree on every one.
  const stripe = { processor: 'stripe', processor_id: 'pi_1', publishable_key: 'pk_test_1', client_secret: 'pi_1_secret_2', amount: 2100, currency: 'EUR' };
  const paypal = { processor: 'paypal', processor_id: 'ORDER1', client_id: 'sb-sandbox', order_id: 'ORDER1', amount: 0, currency: 'USD' };
  const rows: [string, unknown][] = [
    ['a Stripe start', stripe],
    ['a PayPal start', paypal],
    ['an extra field (dropped)', { ...stripe, livemode: false }],
    ['an unknown processor', { ...stripe, processor: 'adyen' }],
    ['no processor', { ...paypal, processor: undefined }],
    ['a processor from the prototype', { ...stripe, processor: 'toString' }],
    ["Stripe's fields under PayPal", { ...stripe, processor: 'paypal' }],
    ['no client secret', { ...stripe, client_secret: undefined }],
    ['an empty order id', { ...paypal, order_id: '' }],
    ['an empty processor id', { ...stripe, processor_id: '' }],
    ['a fractional amount', { ...stripe, amount: 21.5 }],
    ['a negative amount', { ...paypal, amount: -1 }],
    ['an amount beyond safe integers', { ...stripe, amount: 2 ** 53 }],
    ['an amount as a string', { ...stripe, amount: '2100' }],
    ['a lower-case currency', { ...stripe, currency: 'eur' }],
    ['a four-letter currency', { ...paypal, currency: 'EURO' }],
    ['null', null],
    ['a string', 'stripe'],
    ['an array', [stripe]],
  ];
  for (const [name, body] of rows) {
    test(`agrees with the protocol schema: ${name}`, () => {
      const protocol = paymentStartResponse.safeParse(body);
      assert.deepEqual(parsePaymentStart(body), protocol.success ? protocol.data : undefined);
    });
  }
});
