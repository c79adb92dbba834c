// TEST DOUBLE of PayPal's server-side REST API (not PayPal, and not part of Quaderno's API): the OAuth2 token, the
// Orders v2 orders, captures and refunds, and the webhooks a merchant's server reaches with its client id and secret.
// Objects are typed with the handler's own PayPal types (src/server/payments/paypal-types.ts), named after PayPal's
// documented fields. The buyer's side (approving in PayPal's window) has no API at PayPal; here it is the double's
// own `approve()`, which the browser PayPal SDK double's window calls. Deliveries carry PayPal's five `PAYPAL-*`
// signature headers; the signature is the double's own (an HMAC where PayPal uses its certificate), which only its
// `verify-webhook-signature` call checks, as a merchant checks PayPal's through PayPal.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type {
  PaypalCapture,
  PaypalError,
  PaypalMoney,
  PaypalOrder,
  PaypalRefund,
  PaypalVerifyRequest,
  PaypalWebhookEvent,
} from '../../server/payments/paypal-types.js';
import { deliverOnce } from '../webhook-delivery.js';

/** The REST app the double accepts (HTTP Basic on `/v1/oauth2/token`). */
export const PAYPAL_DOUBLE_CLIENT_ID = process.env.SANDBOX_PAYPAL_CLIENT_ID ?? 'sandbox-paypal-client';
export const PAYPAL_DOUBLE_CLIENT_SECRET = process.env.SANDBOX_PAYPAL_CLIENT_SECRET ?? 'sandbox-paypal-secret';

/** A PayPal API error body and its HTTP status. */
export class PaypalDoubleError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 422,
    readonly body: PaypalError,
  ) {
    super(body.message);
  }
}

const unprocessable = (issue: string, description: string) =>
  new PaypalDoubleError(422, { name: 'UNPROCESSABLE_ENTITY', message: 'The requested action could not be performed, semantically incorrect, or failed business validation.', details: [{ issue, description }] });
const missing = (what: string) => new PaypalDoubleError(404, { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.', details: [{ issue: 'INVALID_RESOURCE_ID', description: `Specified resource ID does not exist (${what}).` }] });

const id = (length = 17) => randomBytes(length).toString('hex').toUpperCase().slice(0, length);
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What the double keeps of an order besides PayPal's fields: how the buyer's funding will answer a capture. */
interface DoubleOrder extends PaypalOrder {
  declines: boolean;
  /** The buyer's funding clears later (an eCheck): the capture is PENDING until `completeCapture()`. */
  clearsLater: boolean;
}

export interface PaypalDoubleWebhook {
  id: string;
  url: string;
  event_types: Array<{ name: string }>;
}

export interface PaypalDoubleOptions {
  /** Deliver each event once to every webhook as it happens. Default true; tests that drive deliveries turn it off. */
  autoDeliver?: boolean;
  fetch?: typeof fetch;
}

export class PaypalApiDouble {
  readonly orders = new Map<string, DoubleOrder>();
  readonly captures = new Map<string, PaypalCapture & { order_id: string }>();
  readonly events: PaypalWebhookEvent[] = [];
  readonly webhooks: PaypalDoubleWebhook[] = [];
  private readonly tokens = new Set<string>();
  /** `PayPal-Request-Id` → the answer of the first request that carried it. */
  private readonly requests = new Map<string, unknown>();
  private readonly signingKey = randomBytes(32);
  autoDeliver: boolean;
  /** The buyers' funding in PayPal's window declines at capture (a test of a failed PayPal payment in a browser). */
  approvalsDecline = false;
  private readonly fetch: typeof fetch;

  constructor(options: PaypalDoubleOptions = {}) {
    this.autoDeliver = options.autoDeliver ?? true;
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** `POST /v1/oauth2/token` with the app's id and secret. */
  token(clientId: string, secret: string): { access_token: string; token_type: 'Bearer'; expires_in: number; app_id: string; scope: string; nonce: string } {
    if (clientId !== PAYPAL_DOUBLE_CLIENT_ID || secret !== PAYPAL_DOUBLE_CLIENT_SECRET) {
      throw new PaypalDoubleError(401, { name: 'invalid_client', message: 'Client Authentication failed' });
    }
    const access = `A21AA${randomBytes(24).toString('base64url')}`;
    this.tokens.add(access);
    return { access_token: access, token_type: 'Bearer', expires_in: 32400, app_id: 'APP-DOUBLE', scope: 'https://uri.paypal.com/services/payments/payment', nonce: id(24) };
  }

  authorized(accessToken: string): boolean {
    return this.tokens.has(accessToken);
  }

  /** Runs a write once per `PayPal-Request-Id`: a retry answers the first result. */
  idempotent<T>(operation: string, requestId: string | undefined, work: () => T): T {
    const key = requestId ? `${operation}:${requestId}` : undefined;
    if (key && this.requests.has(key)) return this.requests.get(key) as T;
    const answer = work();
    if (key) this.requests.set(key, answer);
    return answer;
  }

  createOrder(body: { intent?: unknown; purchase_units?: unknown }): PaypalOrder {
    if (body.intent !== 'CAPTURE') throw unprocessable('INTENT_NOT_SUPPORTED', 'The double takes intent CAPTURE only.');
    const units = Array.isArray(body.purchase_units) ? body.purchase_units : [];
    if (units.length !== 1) throw unprocessable('INVALID_ARRAY_LENGTH', 'The double takes one purchase unit.');
    const unit = units[0] as Record<string, unknown>;
    const amount = money(unit.amount);
    const order: DoubleOrder = {
      id: id(),
      status: 'CREATED',
      intent: 'CAPTURE',
      purchase_units: [{ reference_id: typeof unit.reference_id === 'string' ? unit.reference_id : 'default', custom_id: typeof unit.custom_id === 'string' ? unit.custom_id : undefined, amount }],
      create_time: now(),
      declines: false,
      clearsLater: false,
    };
    this.orders.set(order.id, order);
    return this.orderJSON(order.id);
  }

  order(orderId: string): DoubleOrder {
    const order = this.orders.get(orderId);
    if (!order) throw missing(`order ${orderId}`);
    return order;
  }

  /** The buyer approves in PayPal's window (`funding: 'declined'`: with funding that will decline at capture). */
  approve(orderId: string, funding: 'ok' | 'declined' | 'pending' = 'ok', country = 'FR'): PaypalOrder {
    const order = this.order(orderId);
    if (order.status !== 'CREATED' && order.status !== 'APPROVED') throw unprocessable('ORDER_CANNOT_BE_APPROVED', `The order is ${order.status}.`);
    order.status = 'APPROVED';
    order.declines = funding === 'declined';
    order.clearsLater = funding === 'pending';
    order.payer = { payer_id: id(13), email_address: 'buyer@example.com', address: { country_code: country } };
    order.update_time = now();
    this.emit('CHECKOUT.ORDER.APPROVED', 'checkout-order', this.orderJSON(orderId) as unknown as Record<string, unknown>);
    return this.orderJSON(orderId);
  }

  /** `PATCH /v2/checkout/orders/{id}` with a JSON Patch `replace` of the purchase unit's amount (the one op the double knows). */
  patch(orderId: string, operations: unknown): void {
    const order = this.order(orderId);
    if (order.status !== 'CREATED' && order.status !== 'APPROVED') throw unprocessable('ORDER_ALREADY_COMPLETED', `The order is ${order.status}.`);
    for (const op of Array.isArray(operations) ? (operations as Array<Record<string, unknown>>) : []) {
      if (op.op !== 'replace' || !/^\/purchase_units\/@reference_id=='[^']*'\/amount$/.test(String(op.path))) {
        throw unprocessable('PATCH_PATH_NOT_SUPPORTED', 'The double patches the purchase unit amount only.');
      }
      order.purchase_units[0]!.amount = money(op.value);
    }
  }

  /** `POST /v2/checkout/orders/{id}/capture`. */
  capture(orderId: string): PaypalOrder {
    const order = this.order(orderId);
    if (order.status === 'COMPLETED') throw unprocessable('ORDER_ALREADY_CAPTURED', 'Order already captured.');
    if (order.status !== 'APPROVED') throw unprocessable('ORDER_NOT_APPROVED', 'Payer has not yet approved the Order for payment.');
    if (order.declines) throw unprocessable('INSTRUMENT_DECLINED', 'The instrument presented was either declined by the processor or bank, or it cannot be used for this payment.');
    const unit = order.purchase_units[0]!;
    const capture: PaypalCapture & { order_id: string } = { id: id(), status: order.clearsLater ? 'PENDING' : 'COMPLETED', amount: { ...unit.amount }, final_capture: true, custom_id: unit.custom_id, create_time: now(), order_id: order.id };
    this.captures.set(capture.id, capture);
    unit.payments = { captures: [capture] };
    order.status = 'COMPLETED';
    order.update_time = now();
    this.emit(capture.status === 'PENDING' ? 'PAYMENT.CAPTURE.PENDING' : 'PAYMENT.CAPTURE.COMPLETED', 'capture', captureJSON(capture));
    return this.orderJSON(orderId);
  }

  /** A PENDING capture's money arrives (the buyer's eCheck cleared): COMPLETED, told by PAYMENT.CAPTURE.COMPLETED. */
  completeCapture(captureId: string): Record<string, unknown> {
    return this.settleHeld(captureId, 'COMPLETED', 'PAYMENT.CAPTURE.COMPLETED');
  }

  /** A PENDING capture's money never arrives (the eCheck bounced): DECLINED, told by PAYMENT.CAPTURE.DENIED. */
  denyCapture(captureId: string): Record<string, unknown> {
    return this.settleHeld(captureId, 'DECLINED', 'PAYMENT.CAPTURE.DENIED');
  }

  private settleHeld(captureId: string, status: 'COMPLETED' | 'DECLINED', event: string): Record<string, unknown> {
    const capture = this.captures.get(captureId);
    if (!capture) throw missing(`capture ${captureId}`);
    if (capture.status !== 'PENDING') throw unprocessable('CAPTURE_NOT_PENDING', `The capture is ${capture.status}.`);
    capture.status = status;
    this.emit(event, 'capture', captureJSON(capture));
    return captureJSON(capture);
  }

  /** `POST /v2/payments/captures/{id}/refund`: the whole capture. */
  refund(captureId: string): PaypalRefund {
    const capture = this.captures.get(captureId);
    if (!capture) throw missing(`capture ${captureId}`);
    if (capture.status === 'REFUNDED') throw unprocessable('CAPTURE_FULLY_REFUNDED', 'The capture has already been fully refunded.');
    capture.status = 'REFUNDED';
    const refund: PaypalRefund = { id: id(), status: 'COMPLETED', amount: { ...capture.amount } };
    this.emit('PAYMENT.CAPTURE.REFUNDED', 'refund', { ...refund, links: [] });
    return refund;
  }

  orderJSON(orderId: string): PaypalOrder {
    const { declines: _declines, clearsLater: _clearsLater, ...order } = this.order(orderId);
    const self = { href: `/v2/checkout/orders/${order.id}`, rel: 'self', method: 'GET' };
    return structuredClone({ ...order, links: order.status === 'CREATED' ? [self, { href: `/checkoutnow?token=${order.id}`, rel: 'approve', method: 'GET' }] : [self] });
  }

  addWebhook(url: string, eventTypes: Array<{ name: string }>): PaypalDoubleWebhook {
    const webhook = { id: id(17), url, event_types: eventTypes.length ? eventTypes : [{ name: '*' }] };
    this.webhooks.push(webhook);
    return webhook;
  }

  event(eventId: string): PaypalWebhookEvent {
    const event = this.events.find((e) => e.id === eventId);
    if (!event) throw missing(`event ${eventId}`);
    return event;
  }

  /** `POST /v1/notifications/verify-webhook-signature`. */
  verify(request: Partial<PaypalVerifyRequest>): 'SUCCESS' | 'FAILURE' {
    const { transmission_id, transmission_time, webhook_id, transmission_sig, webhook_event } = request;
    if (!transmission_id || !transmission_time || !webhook_id || !transmission_sig || !webhook_event) return 'FAILURE';
    const expected = this.sign(transmission_id, transmission_time, webhook_id, JSON.stringify(webhook_event));
    return expected === transmission_sig ? 'SUCCESS' : 'FAILURE';
  }

  /** Delivers one event to every webhook that takes it (once each); the endpoints' HTTP statuses, 0 for no answer. */
  async deliver(eventId: string): Promise<number[]> {
    const event = this.event(eventId);
    const payload = JSON.stringify(event);
    const targets = this.webhooks.filter((w) => w.event_types.some((t) => t.name === '*' || t.name === event.event_type));
    return Promise.all(
      targets.map(async (webhook) => {
        const transmission = randomBytes(16).toString('hex');
        const time = now();
        const headers = {
          'Content-Type': 'application/json',
          'PAYPAL-AUTH-ALGO': 'SHA256withRSA',
          'PAYPAL-CERT-URL': 'https://api.sandbox.paypal.com/v1/notifications/certs/CERT-DOUBLE',
          'PAYPAL-TRANSMISSION-ID': transmission,
          'PAYPAL-TRANSMISSION-TIME': time,
          'PAYPAL-TRANSMISSION-SIG': this.sign(transmission, time, webhook.id, payload),
        };
        return deliverOnce(this.fetch, webhook.url, headers, payload);
      }),
    );
  }

  clear(): void {
    this.orders.clear();
    this.captures.clear();
    this.events.length = 0;
    this.webhooks.length = 0;
    this.tokens.clear();
    this.requests.clear();
    this.approvalsDecline = false;
  }

  /** PayPal signs `transmission_id|transmission_time|webhook_id|crc32(body)`; the double MACs the same parts. */
  private sign(transmission: string, time: string, webhookId: string, payload: string): string {
    const body = createHash('sha256').update(payload).digest('hex');
    return createHmac('sha256', this.signingKey).update(`${transmission}|${time}|${webhookId}|${body}`).digest('base64');
  }

  private emit(type: string, resourceType: string, resource: Record<string, unknown>): void {
    const event: PaypalWebhookEvent = {
      id: `WH-${id(17)}`,
      event_version: '1.0',
      create_time: now(),
      resource_type: resourceType,
      resource_version: '2.0',
      event_type: type,
      summary: type.toLowerCase().replace(/\./g, ' '),
      resource,
    };
    this.events.push(event);
    if (this.autoDeliver) setTimeout(() => void this.deliver(event.id), 0);
  }
}

/** A capture as a webhook's resource carries it: its order under `supplementary_data.related_ids`. */
function captureJSON(capture: PaypalCapture & { order_id: string }): Record<string, unknown> {
  const { order_id, ...fields } = capture;
  const resource: PaypalCapture = { ...fields, amount: { ...fields.amount }, supplementary_data: { related_ids: { order_id } } };
  return resource as unknown as Record<string, unknown>;
}

/** PayPal's money from a request body: an upper-case code and a decimal string. */
function money(value: unknown): PaypalMoney {
  const amount = value as Partial<PaypalMoney> | undefined;
  if (!amount || typeof amount.currency_code !== 'string' || !/^[A-Z]{3}$/.test(amount.currency_code) || typeof amount.value !== 'string' || !/^\d{1,15}(\.\d{1,3})?$/.test(amount.value)) {
    throw new PaypalDoubleError(400, { name: 'INVALID_REQUEST', message: 'Request is not well-formed, syntactically incorrect, or violates schema.', details: [{ issue: 'INVALID_PARAMETER_VALUE', field: 'amount' }] });
  }
  return { currency_code: amount.currency_code, value: amount.value };
}

