// The handler's PayPal REST client: PayPal's decimal strings to minor units (one table), and the calls against the
// sandbox's PayPal API test double: the token, an order's round trip, a refused capture as PayPal's issue, and a
// revoked token replaced once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PAYPAL_DOUBLE_CLIENT_ID, PAYPAL_DOUBLE_CLIENT_SECRET } from '../../../src/sandbox/paypal-api/double.js';
import { minorOf, PaypalApiError, paypalAccount } from '../../../src/server/payments/paypal.js';
import { useSandbox, KEY } from '../../sandbox/harness.js';

describe('minorOf', () => {
  const cases: Array<[string, string, number | undefined]> = [
    ['12.34', 'EUR', 1234],
    ['12.3', 'EUR', 1230],
    ['12', 'EUR', 1200],
    ['12.340', 'EUR', 1234],
    ['0.01', 'USD', 1],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['12.345', 'EUR', undefined], // a fraction finer than the currency's: not an amount it can hold
    ['-1.00', 'EUR', undefined],
    ['1e3', 'EUR', undefined],
    ['', 'EUR', undefined],
  ];
  for (const [value, currency_code, expected] of cases) {
    test(`${currency_code} "${value}" → ${expected}`, () => assert.equal(minorOf({ currency_code, value }), expected));
  }
});

describe('paypalAccount against the PayPal API double', () => {
  const sandbox = useSandbox();
  const account = (secret = PAYPAL_DOUBLE_CLIENT_SECRET) =>
    paypalAccount({ clientId: PAYPAL_DOUBLE_CLIENT_ID, clientSecret: secret, apiUrl: sandbox().url, fetch, timeoutMs: 5000 });

  test('creates an order for exactly the amount, reads it back, and reports a capture before approval as ORDER_NOT_APPROVED', async () => {
    const paypal = account();
    const order = await paypal.createOrder(12345, 'eur', '42', 'qc-order-42-0-12345');
    assert.equal(order.status, 'CREATED');
    assert.deepEqual((await paypal.getOrder(order.id)).purchase_units[0]!.amount, { currency_code: 'EUR', value: '123.45' });
    assert.equal((await paypal.createOrder(12345, 'eur', '42', 'qc-order-42-0-12345')).id, order.id, 'the same PayPal-Request-Id');
    await assert.rejects(paypal.capture(order.id), (error: unknown) => error instanceof PaypalApiError && error.status === 422 && error.issue === 'ORDER_NOT_APPROVED');
  });

  test('a wrong secret is refused as an authentication failure', async () => {
    await assert.rejects(account('wrong').getOrder('X'), (error: unknown) => error instanceof PaypalApiError && error.status === 401);
  });

  test('a token the API no longer accepts is replaced once, and the call goes through', async () => {
    const paypal = account();
    const order = await paypal.createOrder(500, 'EUR', '7', 'qc-order-7-0-500');
    // the sandbox's reset forgets every token the double issued (as a revoked or expired one)
    const reset = await fetch(`${sandbox().url}/sandbox/reset`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`${KEY}:x`).toString('base64')}` } });
    assert.equal(reset.status, 204);
    await assert.rejects(paypal.getOrder(order.id), (error: unknown) => error instanceof PaypalApiError && error.status === 404);
    const again = await paypal.createOrder(500, 'EUR', '7', 'qc-order-7-1-500');
    assert.equal(again.status, 'CREATED');
  });
});
