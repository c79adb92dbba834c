// quaderno-checkout behind Express. Copy this file; set the variables listed in node-http.ts; run it with tsx.
import express from 'express';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCheckoutHandler, createPrivateClient, toNodeListener } from 'quaderno-checkout/server';
import type { AddressInfo } from 'node:net';

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

const app = express();
// Before any body parser (express.json()): the handler reads and bounds the body itself.
app.all('/checkout/{*rest}', toNodeListener(checkout));
// The element's files, from node_modules/quaderno-checkout/dist: the bundle loads its chunks from beside itself.
const dist = dirname(fileURLToPath(import.meta.resolve('quaderno-checkout/bundle')));
app.use('/quaderno-checkout', express.static(dist));

app.get('/buy', async (req, res) => {
  const origin = `${req.protocol}://${req.get('host')}`;
  const session = await quaderno.create({
    items: [{ product: env('QUADERNO_PRODUCT') }],
    success_url: `${origin}/thanks`,
    cancel_url: `${origin}/`,
  });
  res.type('html').send(`<!doctype html><meta charset="utf-8"><title>Checkout</title>
<script type="module" src="/quaderno-checkout/quaderno-checkout.js"></script>
<quaderno-checkout permalink="${checkout.permalinkFor(session.id!)}"></quaderno-checkout>`);
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
