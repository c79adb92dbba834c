// quaderno-checkout behind plain node:http. Copy this file; set the four variables; `node --import tsx node-http.ts`.
//   QUADERNO_API_URL   https://ACCOUNT.quadernoapp.com
//   QUADERNO_API_KEY   your private key (it stays on this server)
//   CHECKOUT_SECRET    32+ random characters, the same across restarts (it signs the permalinks)
//   QUADERNO_PRODUCT   the code of a product in your Quaderno catalog
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCheckoutHandler, createPrivateClient, toNodeListener } from 'quaderno-checkout/server';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`Set ${name}`); })();

const checkout = createCheckoutHandler({
  apiUrl: env('QUADERNO_API_URL'),
  apiKey: env('QUADERNO_API_KEY'),
  secret: env('CHECKOUT_SECRET'),
  prefix: '/checkout',
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
