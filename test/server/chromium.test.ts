// In headless Chromium: a merchant page on its own origin (strict CSP, connect-src 'self') loads a session through the
// handler and saves the customer in Quaderno (the sandbox's private API). The browser never talks to Quaderno's API
// and never sees the key. Paying is the hosted page's job (the element's `hosted` processor is another branch), so
// the pay step ends in the handler's 405 capability_unsupported here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { completeCheckout, DIST, ensureBuild, launchBrowser, waitForView } from '../build/support.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.ts';
import { createCheckoutHandler, type CheckoutHandler } from '../../src/server/index.ts';
import { API_KEY, KEY_ON_THE_WIRE, SECRET, serveFetch, type Served } from './support.ts';

describe('Chromium: a merchant page through the handler', () => {
  let sandbox: RunningSandbox;
  let shop: Served;
  let handler: CheckoutHandler;
  let browser: Browser;
  let page = '';

  before(async () => {
    await ensureBuild();
    sandbox = await startSandbox({ port: 0, apiKey: API_KEY });
    handler = createCheckoutHandler({ apiUrl: sandbox.url, apiKey: API_KEY, secret: SECRET, prefix: '/checkout', onError: () => undefined });
    const bundle = readFileSync(join(DIST, 'quaderno-checkout.js'), 'utf8');
    shop = await serveFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/checkout/')) return handler(request);
      if (path === '/quaderno-checkout.js') return new Response(bundle, { headers: { 'Content-Type': 'text/javascript' } });
      if (path === '/buy') {
        return new Response(page, {
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'",
          },
        });
      }
      return new Response('not found', { status: 404 });
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
    await sandbox?.close();
  });

  test('loads the session, saves what the customer typed, and no request leaves the shop origin', async () => {
    const session = sandbox.store.createSession({
      items: [{ product: '000000' }],
      payment_methods: ['card'],
      billing_details_collection: 'required',
      success_url: `${shop.url}/thanks`,
      cancel_url: `${shop.url}/cart`,
      metadata: { crm: 'secret-crm-id' },
    });
    page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/quaderno-checkout.js"></script></head>
<body><quaderno-checkout permalink="${handler.permalinkFor(session.id)}"></quaderno-checkout></body></html>`;
    const tab = await browser.newPage();
    const requests: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
    const bodies: string[] = [];
    tab.on('request', (request) => requests.push({ url: request.url(), method: request.method(), headers: request.headers() }));
    tab.on('response', (response) => void response.text().then((text) => bodies.push(text), () => undefined));
    try {
      await tab.goto(`${shop.url}/buy`);
      await waitForView(tab, 'form');
      await completeCheckout(tab);
      const deadline = Date.now() + 10_000;
      while (sandbox.store.getSession(session.id)!.customer.email !== 'ana@example.com' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const saved = sandbox.store.getSession(session.id)!.customer;
      assert.deepEqual([saved.email, saved.first_name, saved.billing_country, saved.billing_postal_code], ['ana@example.com', 'Ana', 'ES', '28013']);
      assert.ok(requests.every((r) => new URL(r.url).origin === shop.url), requests.map((r) => r.url).join('\n'));
      assert.ok(requests.some((r) => r.method === 'PUT' && r.url.endsWith('.json')));
      for (const r of requests) assert.ok(!JSON.stringify(r).includes(KEY_ON_THE_WIRE) && !JSON.stringify(r).includes(API_KEY));
      await tab.waitForTimeout(200);
      assert.ok(bodies.length > 2);
      for (const body of bodies) assert.ok(!body.includes(API_KEY) && !body.includes('secret-crm-id'));
    } finally {
      await tab.close();
    }
  });
});
