// quaderno-checkout behind plain node:http. Copy this file; set the four variables; `node --import tsx node-http.ts`.
//   QUADERNO_API_URL   https://ACCOUNT.quadernoapp.com
//   QUADERNO_API_KEY   your private key (it stays on this server)
//   CHECKOUT_SECRET    32+ random characters, the same across restarts (it signs the permalinks)
//   QUADERNO_PRODUCT   the code of a product in your Quaderno catalog
// and, behind a proxy, CHECKOUT_PUBLIC_ORIGIN: the origin customers use (e.g. https://shop.example);
// and, optionally, your processors' public keys (sent to the browser as the session's `processor_public_keys`):
//   STRIPE_PUBLISHABLE_KEY   pk_live_… or pk_test_… (never the secret key: it is refused)
//   PAYPAL_CLIENT_ID         your PayPal app's client id
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCheckoutHandler, createPrivateClient, toNodeListener } from 'quaderno-checkout/server';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`Set ${name}`); })();

const checkout = createCheckoutHandler({
  apiUrl: env('QUADERNO_API_URL'),
  apiKey: env('QUADERNO_API_KEY'),
  secret: env('CHECKOUT_SECRET'),
  prefix: '/checkout',
  // Behind a proxy or a platform's router, the origin customers use (else each request's own Host).
  publicOrigin: process.env.CHECKOUT_PUBLIC_ORIGIN || undefined,
  // Optional, public by design: they let Stripe.js and PayPal's buttons load before any payment starts.
  stripePublishableKey: process.env.STRIPE_PUBLISHABLE_KEY || undefined,
  paypalClientId: process.env.PAYPAL_CLIENT_ID || undefined,
  sellerCountry: process.env.QUADERNO_SELLER_COUNTRY || undefined,
});
const quaderno = createPrivateClient({ baseUrl: env('QUADERNO_API_URL'), apiKey: env('QUADERNO_API_KEY') });
const checkoutListener = toNodeListener(checkout);

const server = createServer(async (req, res) => {
  if (req.url?.startsWith('/checkout/')) return checkoutListener(req, res);
  if (req.method === 'GET' && req.url === '/buy') {
    const origin = `http://${req.headers.host}`;
    const session = await quaderno.create({
      items: [{ product: env('QUADERNO_PRODUCT') }],
      success_url: `${origin}/thanks`,
      cancel_url: `${origin}/`,
    });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><title>Checkout</title>
<script type="module" src="https://cdn.jsdelivr.net/npm/quaderno-checkout/dist/quaderno-checkout.js"></script>
<quaderno-checkout permalink="${checkout.permalinkFor(session.id!)}"></quaderno-checkout>`);
    return;
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
