// quaderno-checkout with card payments inside your page, on your own Stripe account, behind plain node:http.
// `npm i quaderno-checkout stripe`, copy this file, set the variables, `node --import tsx stripe-in-page.ts`.
//   QUADERNO_API_URL         https://ACCOUNT.quadernoapp.com
//   QUADERNO_API_KEY         your private key (it stays on this server)
//   CHECKOUT_SECRET          32+ random characters, the same across restarts (it signs the permalinks)
//   QUADERNO_PRODUCT         the code of a product in your Quaderno catalog
//   STRIPE_PUBLISHABLE_KEY   pk_live_… / pk_test_… (goes to the browser: Stripe.js draws the card fields with it)
//   STRIPE_SECRET_KEY        sk_… or rk_… (stays here: it creates the PaymentIntents)
//   STRIPE_WEBHOOK_SECRET    whsec_… of the endpoint https://YOUR.SHOP/checkout/webhooks/stripe
//   QUADERNO_SELLER_COUNTRY  optional: your country, so a domestic customer is asked for the tax ID where one is required
// PayPal inside the page too (optional; unset, the page offers the card only):
//   PAYPAL_CLIENT_ID         your REST app's public client id (goes to the browser: PayPal's buttons)
//   PAYPAL_CLIENT_SECRET     the same app's secret (stays here: it creates and captures the orders)
//   PAYPAL_WEBHOOK_ID        the id PayPal gave the webhook https://YOUR.SHOP/checkout/webhooks/paypal
//   PAYPAL_API_URL           https://api-m.sandbox.paypal.com for PayPal's sandbox; unset, PayPal live
// The test suite also sets STRIPE_API_URL, STRIPE_JS_URL, STRIPE_FRAME_ORIGINS, PAYPAL_SDK_URL and
// PAYPAL_FRAME_ORIGINS to the sandbox's test doubles; leave them unset: then it is Stripe and PayPal themselves.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCheckoutHandler, createPrivateClient, toNodeListener } from 'quaderno-checkout/server';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`Set ${name}`); })();

const checkout = createCheckoutHandler({
  apiUrl: env('QUADERNO_API_URL'),
  apiKey: env('QUADERNO_API_KEY'),
  secret: env('CHECKOUT_SECRET'),
  prefix: '/checkout',
  stripePublishableKey: env('STRIPE_PUBLISHABLE_KEY'),
  stripeSecretKey: env('STRIPE_SECRET_KEY'),
  stripeWebhookSecret: env('STRIPE_WEBHOOK_SECRET'),
  // Your country (optional): a domestic customer where a sale needs the buyer's tax ID (ES, IT, PT…) is asked for it.
  sellerCountry: process.env.QUADERNO_SELLER_COUNTRY || undefined,
  // The customer's IP for the tax evidence: only from a header your own proxy sets (else leave it out).
  clientIp: (request) => request.headers.get('x-forwarded-for')?.split(',')[0]?.trim(),
  // Only if your Stripe account is connected to Quaderno (Quaderno then invoices every Stripe payment itself).
  quadernoInvoicesStripe: process.env.QUADERNO_INVOICES_STRIPE === 'true',
  // Tests only: the sandbox's Stripe API test double. Unset, the official SDK talks to Stripe.
  stripeApiUrl: process.env.STRIPE_API_URL || undefined,
  // PayPal's buttons in the page, the orders created and captured here: only with the app's secret.
  paypalClientId: process.env.PAYPAL_CLIENT_ID || undefined,
  paypalClientSecret: process.env.PAYPAL_CLIENT_SECRET || undefined,
  paypalWebhookId: process.env.PAYPAL_WEBHOOK_ID || undefined,
  paypalApiUrl: process.env.PAYPAL_API_URL || undefined,
});
const paypalInPage = !!process.env.PAYPAL_CLIENT_SECRET;

// Stripe.js loads from Stripe and draws the card fields in its own frames: the page's policy names those hosts.
const stripeJs = process.env.STRIPE_JS_URL || 'https://js.stripe.com/endive/stripe.js';
const stripeFrames = process.env.STRIPE_FRAME_ORIGINS || 'https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com';
// PayPal's hosts (its script, its calls, its window's frames, its styles and images) and the styles its script injects
// into this page, which carry the response's nonce: named only when PayPal pays in the page.
const paypalSdk = process.env.PAYPAL_SDK_URL || 'https://www.paypal.com/sdk/js';
const paypalHosts = !paypalInPage ? '' : process.env.PAYPAL_SDK_URL ? ` ${new URL(paypalSdk).origin}` : ' https://*.paypal.com https://*.paypalobjects.com';
const paypalFrames = paypalInPage ? ` ${process.env.PAYPAL_FRAME_ORIGINS || 'https://*.paypal.com https://*.paypalobjects.com'}` : '';
const policy = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'self' ${new URL(stripeJs).origin}${paypalHosts}`,
    `style-src 'self'${paypalInPage ? `${paypalHosts} 'nonce-${nonce}'` : ''}`,
    `frame-src ${stripeFrames}${paypalFrames}`,
    `connect-src 'self' https://api.stripe.com${paypalHosts}`,
    `img-src 'self'${paypalInPage ? `${paypalHosts} data:` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
const quaderno = createPrivateClient({ baseUrl: env('QUADERNO_API_URL'), apiKey: env('QUADERNO_API_KEY') });
const checkoutListener = toNodeListener(checkout);
// The element's files: the ES module, its chunks beside it, and the Stripe and PayPal adapters' scripts.
const dist = dirname(fileURLToPath(import.meta.resolve('quaderno-checkout/bundle')));

const server = createServer(async (req, res) => {
  const path = (req.url ?? '/').split('?')[0]!;
  // The handler answers the element, and Stripe's signed webhook at /checkout/webhooks/stripe.
  if (path.startsWith('/checkout/')) return checkoutListener(req, res);
  if (/^\/quaderno-checkout\/quaderno-checkout[\w.-]*\.js$/.test(path)) {
    const file = await readFile(join(dist, path.slice('/quaderno-checkout/'.length))).catch(() => null);
    if (!file) return void res.writeHead(404).end();
    return void res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(file);
  }
  if (req.method === 'GET' && path === '/buy') {
    const origin = `http://${req.headers.host}`;
    const session = await quaderno.create({
      items: [{ product: env('QUADERNO_PRODUCT') }],
      payment_methods: paypalInPage ? ['card', 'paypal'] : ['card'],
      success_url: `${origin}/thanks`,
      cancel_url: `${origin}/`,
    });
    // A fresh nonce for each response (one that repeats protects nothing), handed to the PayPal adapter by its tag.
    const nonce = randomBytes(16).toString('base64');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy(nonce) });
    res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Checkout</title>
<script src="${stripeJs}"></script>
<script type="module" src="/quaderno-checkout/quaderno-checkout.js"></script>
<script src="/quaderno-checkout/quaderno-checkout-stripe.iife.js"></script>
${paypalInPage ? `<script src="/quaderno-checkout/quaderno-checkout-paypal.iife.js" data-sdk-base-url="${paypalSdk}" nonce="${nonce}"></script>\n` : ''}<quaderno-checkout permalink="${checkout.permalinkFor(session.id!)}"></quaderno-checkout>`);
    return;
  }
  if (path === '/thanks') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Thanks</title><p>Thank you!</p>');
  res.writeHead(404).end();
});
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
