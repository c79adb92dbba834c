// The merchant's PayPal account through PayPal's documented REST API with fetch: an OAuth2 client-credentials token,
// Orders v2 (create, get, capture), a capture's refund and the webhook signature check PayPal offers
// (`POST /v1/notifications/verify-webhook-signature`). Writes carry a `PayPal-Request-Id`, PayPal's idempotency key,
// so a retried capture or refund answers the first one's result instead of moving money twice.
import { minorDigits } from '../../session/money.js';
import { major } from './transaction.js';
import {
  PAYPAL_SIGNATURE_HEADERS,
  type PaypalCapture,
  type PaypalError,
  type PaypalOrder,
  type PaypalOrderRequest,
  type PaypalRefund,
  type PaypalToken,
  type PaypalVerifyRequest,
  type PaypalWebhookEvent,
} from './paypal-types.js';

/** PayPal's live REST origin, the default; its sandbox is `https://api-m.sandbox.paypal.com`. */
export const PAYPAL_LIVE_API = 'https://api-m.paypal.com';

export interface PaypalAccountOptions {
  clientId: string;
  clientSecret: string;
  /** The REST origin. Default PayPal's live one. */
  apiUrl?: string;
  /** The id PayPal gave the webhook pointed at `<prefix>/webhooks/paypal` (the verify call needs it). */
  webhookId?: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** A PayPal answer that is not a success, with PayPal's error body. */
export class PaypalApiError extends Error {
  override readonly name = 'PaypalApiError';
  constructor(
    readonly status: number,
    readonly body: Partial<PaypalError>,
  ) {
    super(`PayPal answered ${status}: ${body.name ?? ''} ${body.details?.map((d) => d.issue).join(', ') ?? body.message ?? ''}`.trim());
  }
  /** The first `details[].issue`, e.g. `INSTRUMENT_DECLINED` or `ORDER_NOT_APPROVED`. */
  get issue(): string | undefined {
    return this.body.details?.[0]?.issue;
  }
}

/** Minor units from PayPal's decimal string ("12.34" in EUR → 1234); undefined for anything else. */
export function minorOf(money: { currency_code: string; value: string } | undefined): number | undefined {
  const match = money ? /^(\d{1,15})(?:\.(\d+))?$/.exec(money.value) : null;
  if (!money || !match) return undefined;
  const digits = minorDigits(money.currency_code);
  const fraction = match[2] ?? '';
  if (fraction.length > digits && /[^0]/.test(fraction.slice(digits))) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
}

/** The order's first capture, where PayPal puts it (one purchase unit, intent CAPTURE). */
export function captureOf(order: PaypalOrder): PaypalCapture | undefined {
  return order.purchase_units[0]?.payments?.captures?.[0];
}

export function paypalAccount(options: PaypalAccountOptions) {
  const base = (options.apiUrl ?? PAYPAL_LIVE_API).replace(/\/+$/, '');
  let token: { value: string; until: number } | undefined;

  /** The call's own timeout, ended sooner by `signal` (the customer's request going away, or its deadline). */
  const bounded = (signal?: AbortSignal) => (signal ? AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]) : AbortSignal.timeout(options.timeoutMs));

  async function accessToken(signal?: AbortSignal): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    const response = await options.fetch(`${base}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
      signal: bounded(signal),
    });
    const body = (await response.json().catch(() => ({}))) as Partial<PaypalToken> & { error?: string };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new PaypalApiError(response.status, { name: body.error ?? 'AUTHENTICATION_FAILURE', message: 'PayPal refused the client id or secret' });
    }
    // why a minute early: a token that expires between this check and PayPal's is a needless 401.
    token = { value: body.access_token, until: Date.now() + Math.max(0, (body.expires_in ?? 0) - 60) * 1000 };
    return token.value;
  }

  async function call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, requestId?: string, signal?: AbortSignal): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const response = await options.fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${await accessToken(signal)}`,
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(requestId ? { 'PayPal-Request-Id': requestId } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: bounded(signal),
      });
      const text = await response.text();
      const data = text ? (JSON.parse(text) as unknown) : {};
      // why once more on a 401: the cached token was revoked or expired early; a fresh one settles it.
      if (response.status === 401 && attempt === 0) {
        token = undefined;
        continue;
      }
      if (!response.ok) throw new PaypalApiError(response.status, data as Partial<PaypalError>);
      return data as T;
    }
  }

  return {
    clientId: options.clientId,
    /** `POST /v2/checkout/orders`: one purchase unit for exactly `amount`, tagged with the session. */
    createOrder(amount: number, currency: string, customId: string, requestId: string, signal?: AbortSignal): Promise<PaypalOrder> {
      const order: PaypalOrderRequest = {
        intent: 'CAPTURE',
        purchase_units: [{ reference_id: 'default', custom_id: customId, amount: { currency_code: currency.toUpperCase(), value: major(amount, currency) } }],
      };
      return call('POST', '/v2/checkout/orders', order, requestId, signal);
    },
    getOrder(id: string): Promise<PaypalOrder> {
      return call('GET', `/v2/checkout/orders/${encodeURIComponent(id)}`);
    },
    /** `POST /v2/checkout/orders/{id}/capture`; the same request id answers the first capture's result again. */
    capture(id: string): Promise<PaypalOrder> {
      return call('POST', `/v2/checkout/orders/${encodeURIComponent(id)}/capture`, {}, `qc-capture-${id}`);
    },
    /** A full refund of a capture. */
    refund(captureId: string): Promise<PaypalRefund> {
      return call('POST', `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`, {}, `qc-refund-${captureId}`);
    },
    /** The event of a delivery when PayPal says its signature verifies for the configured webhook; else undefined. */
    async verify(headers: Headers, payload: string): Promise<PaypalWebhookEvent | undefined> {
      if (!options.webhookId) return undefined;
      let event: PaypalWebhookEvent;
      try {
        event = JSON.parse(payload) as PaypalWebhookEvent;
      } catch {
        return undefined;
      }
      const request: Partial<PaypalVerifyRequest> = { webhook_id: options.webhookId, webhook_event: event };
      for (const [field, header] of Object.entries(PAYPAL_SIGNATURE_HEADERS)) {
        const value = headers.get(header);
        if (!value) return undefined;
        request[field as keyof typeof PAYPAL_SIGNATURE_HEADERS] = value;
      }
      const answer = await call<{ verification_status?: string }>('POST', '/v1/notifications/verify-webhook-signature', request);
      return answer.verification_status === 'SUCCESS' && typeof event?.event_type === 'string' ? event : undefined;
    },
  };
}
export type PaypalAccount = ReturnType<typeof paypalAccount>;
