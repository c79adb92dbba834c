// quaderno-checkout behind Hono (Node, Bun, Deno: Hono hands the handler a standard Request). Copy this file; set the
// variables listed in node-http.ts; run it with tsx.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCheckoutHandler, createPrivateClient } from 'quaderno-checkout/server';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`Set ${name}`); })();

const checkout = createCheckoutHandler({
  apiUrl: env('QUADERNO_API_URL'),
  apiKey: env('QUADERNO_API_KEY'),
  secret: env('CHECKOUT_SECRET'),
  prefix: '/checkout',
  // Behind a proxy or a platform's router, the origin customers use (else each request's own URL).
  publicOrigin: process.env.CHECKOUT_PUBLIC_ORIGIN || undefined,
  // Optional, public by design: they let Stripe.js and PayPal's buttons load before any payment starts.
  stripePublishableKey: process.env.STRIPE_PUBLISHABLE_KEY || undefined,
  paypalClientId: process.env.PAYPAL_CLIENT_ID || undefined,
  sellerCountry: process.env.QUADERNO_SELLER_COUNTRY || undefined,
});
const quaderno = createPrivateClient({ baseUrl: env('QUADERNO_API_URL'), apiKey: env('QUADERNO_API_KEY') });

const app = new Hono();
app.all('/checkout/*', (c) => checkout(c.req.raw));
// The element's files, from node_modules/quaderno-checkout/dist: the bundle loads its chunks from beside itself.
const dist = dirname(fileURLToPath(import.meta.resolve('quaderno-checkout/bundle')));
app.use('/quaderno-checkout/*', serveStatic({ root: dist, rewriteRequestPath: (path) => path.slice('/quaderno-checkout'.length) }));

app.get('/buy', async (c) => {
  const origin = new URL(c.req.url).origin;
  const session = await quaderno.create({
    items: [{ product: env('QUADERNO_PRODUCT') }],
    success_url: `${origin}/thanks`,
    cancel_url: `${origin}/`,
  });
  return c.html(`<!doctype html><meta charset="utf-8"><title>Checkout</title>
<script type="module" src="/quaderno-checkout/quaderno-checkout.js"></script>
<quaderno-checkout permalink="${checkout.permalinkFor(session.id!)}"></quaderno-checkout>`);
});

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
