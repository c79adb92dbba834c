// The PayPal API test double over HTTP at PayPal's REST paths: the token, orders through approval and capture,
// PayPal-Request-Id idempotency, refunds, and webhook deliveries that only its verify-webhook-signature call accepts.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { PaypalOrder } from '../../../src/server/payments/paypal-types.js';
import { paypalRest, type PaypalRest } from '../../helpers/paypal-rest.js';
import { useSandbox } from '../harness.js';

const order = (value = '12.10', currency_code = 'EUR') => ({ intent: 'CAPTURE', purchase_units: [{ reference_id: 'default', custom_id: '7', amount: { currency_code, value } }] });

describe('PayPal API double', () => {
  const sandbox = useSandbox();
  let api: PaypalRest;
  const received: Array<{ type: string; verification: string }> = [];
  let receiver: Server;
  let receiverUrl = '';
  let webhookId = '';
  before(async () => {
    api = await paypalRest(sandbox().url);
    // A merchant's webhook endpoint: it asks the double whether each delivery's signature verifies, as the handler does.
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', async () => {
        const header = (name: string) => String(req.headers[name] ?? '');
        const event = JSON.parse(raw) as { event_type: string };
        const tampered = { ...event, event_type: `${event.event_type}.TAMPERED` };
        for (const webhook_event of [event, tampered]) {
          const check = await api('POST', '/v1/notifications/verify-webhook-signature', {
            auth_algo: header('paypal-auth-algo'),
            cert_url: header('paypal-cert-url'),
            transmission_id: header('paypal-transmission-id'),
            transmission_sig: header('paypal-transmission-sig'),
            transmission_time: header('paypal-transmission-time'),
            webhook_id: webhookId,
            webhook_event,
          });
          received.push({ type: webhook_event.event_type, verification: check.json.verification_status });
        }
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const hook = await api('POST', '/v1/notifications/webhooks', { url: receiverUrl, event_types: [{ name: 'PAYMENT.CAPTURE.COMPLETED' }] });
    assert.equal(hook.status, 201);
    webhookId = hook.json.id;
  });
  after(() => receiver.close());

  test('a wrong client secret gets no token; a call without a token is refused', async () => {
    const token = await fetch(`${sandbox().url}/v1/oauth2/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('sandbox-paypal-client:wrong').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    assert.equal(token.status, 401);
    const bare = await fetch(`${sandbox().url}/v2/checkout/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(order()) });
    assert.equal(bare.status, 401);
    assert.equal(((await bare.json()) as { name: string }).name, 'AUTHENTICATION_FAILURE');
  });

  test('create → capture refused until approved → approve → capture COMPLETED; the webhook verifies, a tampered copy does not', async () => {
    const created = await api<PaypalOrder>('POST', '/v2/checkout/orders', order());
    assert.equal(created.status, 201);
    assert.equal(created.json.status, 'CREATED');
    assert.ok(created.json.links?.some((link) => link.rel === 'approve'));
    const early = await api('POST', `/v2/checkout/orders/${created.json.id}/capture`, {});
    assert.deepEqual([early.status, early.json.details[0].issue], [422, 'ORDER_NOT_APPROVED']);
    // the buyer's approval, at the path the browser PayPal SDK double's window calls
    const approved = await fetch(`${sandbox().url}/doubles/paypal/v2/checkout/orders/${created.json.id}/approve`, { method: 'POST' });
    assert.equal(approved.status, 200);
    assert.equal(((await approved.json()) as { status: string }).status, 'APPROVED');
    const captured = await api<PaypalOrder>('POST', `/v2/checkout/orders/${created.json.id}/capture`, {});
    assert.equal(captured.status, 201);
    assert.equal(captured.json.status, 'COMPLETED');
    const capture = captured.json.purchase_units[0]!.payments!.captures![0]!;
    assert.deepEqual([capture.status, capture.amount], ['COMPLETED', { currency_code: 'EUR', value: '12.10' }]);
    for (let i = 0; i < 50 && received.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(received.splice(0), [
      { type: 'PAYMENT.CAPTURE.COMPLETED', verification: 'SUCCESS' },
      { type: 'PAYMENT.CAPTURE.COMPLETED.TAMPERED', verification: 'FAILURE' },
    ]);
  });

  test('PayPal-Request-Id: a retried capture answers the first capture; a new one is ORDER_ALREADY_CAPTURED', async () => {
    const { json: created } = await api<PaypalOrder>('POST', '/v2/checkout/orders', order('5.00'));
    await fetch(`${sandbox().url}/sandbox/paypal/orders/${created.id}/approve`, { method: 'POST' });
    const call = (requestId: string) =>
      fetch(`${sandbox().url}/v2/checkout/orders/${created.id}/capture`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'application/json', 'PayPal-Request-Id': requestId },
        body: '{}',
      }).then(async (reply) => ({ status: reply.status, json: (await reply.json()) as Record<string, any> }));
    const first = await call('capture-1');
    const retry = await call('capture-1');
    const other = await call('capture-2');
    assert.equal(first.status, 201);
    assert.equal(retry.json.purchase_units[0].payments.captures[0].id, first.json.purchase_units[0].payments.captures[0].id);
    assert.deepEqual([other.status, other.json.details[0].issue], [422, 'ORDER_ALREADY_CAPTURED']);
  });

  test('declining funding: the capture is INSTRUMENT_DECLINED and takes nothing', async () => {
    const { json: created } = await api<PaypalOrder>('POST', '/v2/checkout/orders', order());
    const approve = await fetch(`${sandbox().url}/sandbox/paypal/orders/${created.id}/approve`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"funding":"declined"}' });
    assert.equal(approve.status, 200);
    const capture = await api('POST', `/v2/checkout/orders/${created.id}/capture`, {});
    assert.deepEqual([capture.status, capture.json.details[0].issue], [422, 'INSTRUMENT_DECLINED']);
    assert.equal((await api<PaypalOrder>('GET', `/v2/checkout/orders/${created.id}`)).json.status, 'APPROVED');
  });

  test("with approvals_decline set, the window's Approve gives funding that declines at capture; unset, it does not", async () => {
    const approveInWindow = async () => {
      const { json: created } = await api<PaypalOrder>('POST', '/v2/checkout/orders', order());
      assert.equal((await fetch(`${sandbox().url}/doubles/paypal/v2/checkout/orders/${created.id}/approve`, { method: 'POST' })).status, 200);
      return api('POST', `/v2/checkout/orders/${created.id}/capture`, {});
    };
    assert.deepEqual((await api('POST', '/sandbox/paypal/settings', { approvals_decline: true })).json, { auto_deliver: true, approvals_decline: true });
    const declined = await approveInWindow();
    assert.deepEqual([declined.status, declined.json.details[0].issue], [422, 'INSTRUMENT_DECLINED']);
    await api('POST', '/sandbox/paypal/settings', { approvals_decline: false });
    assert.equal((await approveInWindow()).status, 201);
  });

  test('PATCH replaces the amount before capture; a refund returns the whole capture once', async () => {
    const { json: created } = await api<PaypalOrder>('POST', '/v2/checkout/orders', order());
    const patch = await api('PATCH', `/v2/checkout/orders/${created.id}`, [{ op: 'replace', path: "/purchase_units/@reference_id=='default'/amount", value: { currency_code: 'EUR', value: '9.99' } }]);
    assert.equal(patch.status, 200);
    await fetch(`${sandbox().url}/sandbox/paypal/orders/${created.id}/approve`, { method: 'POST' });
    const captured = await api<PaypalOrder>('POST', `/v2/checkout/orders/${created.id}/capture`, {});
    const capture = captured.json.purchase_units[0]!.payments!.captures![0]!;
    assert.equal(capture.amount.value, '9.99');
    const refund = await api('POST', `/v2/payments/captures/${capture.id}/refund`, {});
    assert.deepEqual([refund.status, refund.json.status], [201, 'COMPLETED']);
    assert.equal((await api('GET', `/v2/payments/captures/${capture.id}`)).json.status, 'REFUNDED');
    assert.equal((await api('POST', `/v2/payments/captures/${capture.id}/refund`, {})).status, 422);
  });

  test("an order that is not the double's falls through to the sandbox's simulated PayPal", async () => {
    const reply = await fetch(`${sandbox().url}/doubles/paypal/v2/checkout/orders/NOT-AN-ORDER/approve`, { method: 'POST' });
    assert.equal(reply.status, 404);
  });
});
