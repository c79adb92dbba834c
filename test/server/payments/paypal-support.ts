// The in-page PayPal rig: the card rig (support.ts) plus the merchant's PayPal app on the sandbox's PayPal API test
// double, its webhook registered through PayPal's documented call as a merchant registers theirs, and the buyer's
// approval as the browser PayPal SDK double's window gives it.
import assert from 'node:assert/strict';
import { PAYPAL_DOUBLE_CLIENT_ID, PAYPAL_DOUBLE_CLIENT_SECRET } from '../../../src/sandbox/paypal-api/double.js';
import { paypalRest, type PaypalRest } from '../../helpers/paypal-rest.js';
import type { PaypalOrder, PaypalWebhookEvent } from '../../../src/server/payments/paypal-types.js';
import type { CheckoutHandler, CheckoutHandlerOptions } from '../../../src/server/index.js';
import { browser } from '../support.js';
import { startInPage, type InPageRig } from './support.js';


export interface PaypalRig extends InPageRig {
  paypal: PaypalRest;
  webhookId: string;
  /** A pending PayPal session whose customer is in France. */
  paypalSession(extra?: Record<string, unknown>): { id: number };
  /** The payment start for the shown total, as the adapter's createOrder asks it. */
  startPaypal(id: number): Promise<{ total: number; order_id: string; client_id: string; amount: number; currency: string; processor_id: string }>;
  /** The buyer approves in PayPal's window, through the path the browser double's window calls. */
  approve(orderId: string, funding?: 'ok' | 'declined' | 'pending'): Promise<void>;
  order(orderId: string): Promise<PaypalOrder>;
  /** The double's events of a type, newest first. */
  events(type: string): Promise<PaypalWebhookEvent[]>;
  /** Delivers an event once more (the endpoint's statuses). */
  deliver(eventId: string): Promise<number[]>;
  sessionStatus(id: number): Promise<string>;
  /**
   * Another handler instance on the same store (a second serverless instance) whose order captures wait at PayPal's
   * door until `release()`; `capturing` resolves when one knocks.
   */
  instanceHoldingCaptures(): { handler: CheckoutHandler; capturing: Promise<void>; release(): void };
  invoicesOf(id: number): Promise<Array<Record<string, any>>>;
}

export async function startPaypalRig(options: Partial<CheckoutHandlerOptions> = {}, autoDeliver = true): Promise<PaypalRig> {
  let paypal: PaypalRest | undefined;
  let webhookId = '';
  const rig = await startInPage(async ({ url, quaderno }) => {
    paypal = await paypalRest(quaderno.url);
    const hook = await paypal('POST', '/v1/notifications/webhooks', {
      url: `${url}/checkout/webhooks/paypal`,
      event_types: [{ name: 'CHECKOUT.ORDER.APPROVED' }, { name: 'PAYMENT.CAPTURE.COMPLETED' }, { name: 'PAYMENT.CAPTURE.DENIED' }],
    });
    assert.equal(hook.status, 201);
    webhookId = hook.json.id;
    return { paypalClientId: PAYPAL_DOUBLE_CLIENT_ID, paypalClientSecret: PAYPAL_DOUBLE_CLIENT_SECRET, paypalWebhookId: webhookId, paypalApiUrl: quaderno.url, ...options };
  });
  const rest = paypal!;
  if (!autoDeliver) assert.equal((await rest('POST', '/sandbox/paypal/settings', { auto_deliver: false })).status, 200);
  return {
    ...rig,
    paypal: rest,
    webhookId,
    paypalSession: (extra = {}) => rig.session({ payment_methods: ['paypal'], ...extra }),
    async startPaypal(id) {
      const total = await rig.total(id);
      const start = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'paypal', total }, headers: { 'X-Test-Client-IP': '198.51.100.4' } });
      assert.equal(start.status, 201, start.text);
      return { total, ...(start.json as { order_id: string; client_id: string; amount: number; currency: string; processor_id: string }) };
    },
    async approve(orderId, funding = 'ok') {
      const path = funding === 'ok' ? `/doubles/paypal/v2/checkout/orders/${orderId}/approve` : `/sandbox/paypal/orders/${orderId}/approve`;
      const reply = await fetch(`${rig.quaderno.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ funding }) });
      assert.equal(reply.status, 200, await reply.clone().text());
      await reply.arrayBuffer();
    },
    async order(orderId) {
      return (await rest<PaypalOrder>('GET', `/v2/checkout/orders/${orderId}`)).json;
    },
    async events(type) {
      return (await rest<{ events: PaypalWebhookEvent[] }>('GET', `/v1/notifications/webhooks-events?event_type=${type}`)).json.events;
    },
    async deliver(eventId) {
      return (await rest<{ statuses: number[] }>('POST', `/sandbox/paypal/events/${eventId}/deliver`)).json.statuses;
    },
    instanceHoldingCaptures() {
      let release!: () => void;
      let entered!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const capturing = new Promise<void>((resolve) => (entered = resolve));
      const handler = rig.instance({
        fetch: async (input, init) => {
          if (new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/capture')) {
            entered();
            await held;
          }
          return rig.quaderno.fetch(input, init);
        },
      });
      return { handler, capturing, release };
    },
    async sessionStatus(id) {
      return ((await browser(`${rig.permalink(id)}.json`)).json as { status: string }).status;
    },
    async invoicesOf(id) {
      return (await rig.invoices()).filter((doc) => doc.custom_metadata?.checkout_session === String(id));
    },
  };
}
