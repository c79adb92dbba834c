// The options of paying inside the page, and the startup check that keeps every secret among them on the server.
import type { PaymentStore } from './store.js';

/** The options of paying inside the page (all server-side secrets: none of them ever reaches a browser). */
export interface InPagePaymentOptions {
  /**
   * The secret (`sk_…`) or restricted (`rk_…`) key of the merchant's Stripe account. With it (and
   * `stripePublishableKey`), card payments happen inside the page and each sale is recorded through Quaderno's
   * `POST /api/transactions`. Needs the `stripe` package. Default none: the customer pays on Quaderno's hosted page.
   */
  stripeSecretKey?: string;
  /** The signing secret (`whsec_…`) of the webhook endpoint pointed at `<prefix>/webhooks/stripe`. */
  stripeWebhookSecret?: string;
  /** Another Stripe API origin for the SDK (its `host`/`port`/`protocol`): the sandbox's test double. Default Stripe's. */
  stripeApiUrl?: string;
  /**
   * true when the account's Stripe integration in Quaderno already issues an invoice for every Stripe payment: the
   * handler then records nothing (a transaction would be a second invoice) and says so once at startup. Default false.
   */
  quadernoInvoicesStripe?: boolean;
  /**
   * The secret of the merchant's PayPal REST app whose public `paypalClientId` the page loads PayPal's buttons with.
   * With it (and `paypalWebhookId`), PayPal payments happen inside the page: the handler creates and captures the
   * Orders v2 order and records each sale through `POST /api/transactions`. Default none: PayPal pays on the hosted page.
   */
  paypalClientSecret?: string;
  /** The id PayPal gave the webhook pointed at `<prefix>/webhooks/paypal` (its signature is verified with it). */
  paypalWebhookId?: string;
  /**
   * PayPal's REST origin. Default `https://api-m.paypal.com` (live); PayPal's sandbox is
   * `https://api-m.sandbox.paypal.com`, and the sandbox's PayPal API test double is its own origin.
   */
  paypalApiUrl?: string;
  /** Payment records and locks. Default in memory: one instance only; several instances must share one store. */
  paymentStore?: PaymentStore;
  /** The customer's IP address for the tax evidence (e.g. from your proxy's header). Default none. */
  clientIp?: (request: Request) => string | undefined;
  /** Where the startup notice goes. Default console.info. */
  log?: (line: string) => void;
}

/** Refuses options that would put a secret where a browser gets it, or the wrong kind of key in a secret's place. */
export function checkPaymentOptions(options: InPagePaymentOptions & { stripePublishableKey?: string; paypalClientId?: string }): void {
  const fail = (message: string) => {
    throw new TypeError(`createCheckoutHandler: ${message}`);
  };
  if (options.stripeSecretKey !== undefined) {
    if (!/^(sk|rk)_(live|test)_\w+$/.test(options.stripeSecretKey)) fail('`stripeSecretKey` must be a secret or restricted key (sk_… or rk_…)');
    if (!options.stripePublishableKey) fail('`stripeSecretKey` needs `stripePublishableKey`: the card fields in the page are made with it');
    if (!options.stripeWebhookSecret) fail('`stripeSecretKey` needs `stripeWebhookSecret` (whsec_…): a sale is recorded from the signed webhook');
  }
  if (options.stripeWebhookSecret !== undefined && !/^whsec_\w+$/.test(options.stripeWebhookSecret)) {
    fail('`stripeWebhookSecret` must be a webhook signing secret (whsec_…)');
  }
  if (options.paypalClientSecret !== undefined) {
    if (!options.paypalClientId) fail('`paypalClientSecret` needs `paypalClientId`: PayPal\'s buttons in the page are made with it');
    // why: the client id goes to every browser; the secret given there by mistake would too.
    if (options.paypalClientSecret === options.paypalClientId) fail('`paypalClientId` is the secret: give the public client id there');
    if (!options.paypalWebhookId) fail('`paypalClientSecret` needs `paypalWebhookId`: a sale is recorded from the verified webhook');
  }
  if (options.paypalWebhookId !== undefined && !/^[A-Za-z0-9]+$/.test(options.paypalWebhookId)) fail('`paypalWebhookId` must be the id PayPal gave the webhook');
  if (options.paypalApiUrl !== undefined && !/^https?:\/\/[^/]+\/?$/.test(options.paypalApiUrl)) fail('`paypalApiUrl` must be an http(s) origin');
}
