// The few objects of PayPal's REST API the handler reads and writes (Orders v2, Payments v2 captures and refunds,
// webhook notifications), named after PayPal's documented fields. No PayPal server SDK is a dependency: these are
// the handler's own minimal types, and the sandbox's PayPal API test double answers in them.

/** PayPal's money: an upper-case ISO 4217 code and a decimal string in the currency's major unit. */
export interface PaypalMoney {
  currency_code: string;
  value: string;
}

export type PaypalCaptureStatus = 'COMPLETED' | 'DECLINED' | 'PARTIALLY_REFUNDED' | 'PENDING' | 'REFUNDED' | 'FAILED';

export interface PaypalCapture {
  id: string;
  status: PaypalCaptureStatus;
  amount: PaypalMoney;
  final_capture?: boolean;
  custom_id?: string;
  create_time?: string;
  update_time?: string;
  /** On a webhook's capture resource: the order it belongs to. */
  supplementary_data?: { related_ids?: { order_id?: string } };
}

export type PaypalOrderStatus = 'CREATED' | 'SAVED' | 'APPROVED' | 'VOIDED' | 'COMPLETED' | 'PAYER_ACTION_REQUIRED';

export interface PaypalPurchaseUnit {
  reference_id?: string;
  custom_id?: string;
  invoice_id?: string;
  description?: string;
  amount: PaypalMoney;
  payments?: { captures?: PaypalCapture[] };
}

export interface PaypalOrder {
  id: string;
  status: PaypalOrderStatus;
  intent?: 'CAPTURE' | 'AUTHORIZE';
  purchase_units: PaypalPurchaseUnit[];
  payer?: { payer_id?: string; email_address?: string; address?: { country_code?: string } };
  create_time?: string;
  update_time?: string;
  links?: Array<{ href: string; rel: string; method?: string }>;
}

/** `POST /v2/checkout/orders`'s body, as far as the handler fills it. */
export interface PaypalOrderRequest {
  intent: 'CAPTURE';
  purchase_units: Array<Pick<PaypalPurchaseUnit, 'reference_id' | 'custom_id' | 'invoice_id' | 'description' | 'amount'>>;
}

export interface PaypalRefund {
  id: string;
  status: 'CANCELLED' | 'FAILED' | 'PENDING' | 'COMPLETED';
  amount?: PaypalMoney;
}

/** PayPal's error body (`name`, `message`, `details[].issue` such as `INSTRUMENT_DECLINED`). */
export interface PaypalError {
  name: string;
  message: string;
  debug_id?: string;
  details?: Array<{ issue: string; description?: string; field?: string }>;
}

/** `POST /v1/oauth2/token`'s answer to `grant_type=client_credentials`. */
export interface PaypalToken {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
  app_id?: string;
  nonce?: string;
}

/** A webhook notification as PayPal posts it. */
export interface PaypalWebhookEvent {
  id: string;
  event_version?: string;
  create_time: string;
  resource_type: string;
  resource_version?: string;
  event_type: string;
  summary?: string;
  resource: Record<string, unknown>;
}

/** `POST /v1/notifications/verify-webhook-signature`'s body: the delivery's five `PAYPAL-*` headers and the event. */
export interface PaypalVerifyRequest {
  auth_algo: string;
  cert_url: string;
  transmission_id: string;
  transmission_sig: string;
  transmission_time: string;
  webhook_id: string;
  webhook_event: unknown;
}

/** The headers a webhook delivery carries its signature in, and the verify call's fields they fill. */
export const PAYPAL_SIGNATURE_HEADERS = {
  auth_algo: 'paypal-auth-algo',
  cert_url: 'paypal-cert-url',
  transmission_id: 'paypal-transmission-id',
  transmission_sig: 'paypal-transmission-sig',
  transmission_time: 'paypal-transmission-time',
} as const satisfies Partial<Record<keyof PaypalVerifyRequest, string>>;
