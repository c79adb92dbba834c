// The adapters on a merchant's page under the strict CSP of the hardening suite (Trusted Types included), plus the
// processors' hosts (here: the sandbox's doubles and its frame origin), in headless Chromium: no violations.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/sandbox/page.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.ts';
import { launchBrowser, strictCsp, watch } from '../hardening/support.ts';

/** The hardening suite's policy, with what docs/processors.md adds for the processors. */
function processorCsp(sandbox: RunningSandbox): string {
  return strictCsp(`${sandbox.url} ${sandbox.frameUrl}`, "lit-html 'allow-duplicates' default")
    .replace("script-src 'self'", `script-src 'self' ${sandbox.url}`)
    .concat(`; frame-src ${sandbox.frameUrl}`);
}

describe('processors under a strict CSP', () => {
  let sandbox: RunningSandbox;
  let server: Server;
  let origin: string;
  let browser: Browser;

  before(async () => {
    sandbox = await startSandbox({ port: 0, processingDelayMs: 50, log: false });
    const script = await build({
      entryPoints: [`${PROJECT_ROOT}test/processors/pages/csp-page.ts`],
      bundle: true,
      format: 'esm',
      write: false,
      target: 'es2022',
      logLevel: 'silent',
      define: { __SANDBOX__: JSON.stringify(sandbox.url) },
    });
    const code = script.outputFiles[0]!.text;
    const boot = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/app.js' || url.pathname === '/boot.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        return res.end(url.pathname === '/app.js' ? code : boot);
      }
      if (url.pathname !== '/page') return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': processorCsp(sandbox) });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="/boot.js"></script><script type="module" src="/app.js"></script></head>
<body><div id="checkout"><div id="processor"></div></div></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // why: 'localhost' vs the sandbox's '127.0.0.1' keeps the merchant on its own origin.
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
    await sandbox?.close();
  });

  async function open(processor: 'stripe' | 'paypal'): Promise<{ page: Page; id: number; violations: () => Promise<string[]> }> {
    const session = sandbox.store.createSession({ items: [{ product: '000000' }], payment_methods: ['card', 'paypal'] });
    const permalink = sandbox.store.toJSON(session, sandbox.url).permalink as string;
    const page = await browser.newPage();
    const watched = watch(page);
    await page.goto(`${origin}/page?processor=${processor}&permalink=${encodeURIComponent(permalink)}`);
    await page.waitForFunction(() => (window as { __ready?: boolean; __failure?: string }).__ready || (window as { __failure?: string }).__failure, null, { timeout: 30_000 });
    const failure = await page.evaluate(() => (window as { __failure?: string }).__failure);
    assert.equal(failure, undefined, failure);
    return { page, id: session.id, violations: watched.violations };
  }

  async function completed(id: number): Promise<string> {
    for (let i = 0; i < 200 && sandbox.store.getSession(id)?.status !== 'completed'; i++) await new Promise((r) => setTimeout(r, 25));
    return sandbox.store.getSession(id)!.status;
  }

  test('Stripe: mount, type a card in the frame, pay: no violation', { timeout: 90_000 }, async () => {
    const { page, id, violations } = await open('stripe');
    const card = page.frameLocator('iframe[title="Secure payment input frame"]');
    await card.locator('#number').pressSequentially('4242424242424242');
    await card.locator('#expiry').pressSequentially('1239');
    await card.locator('#cvc').pressSequentially('123');
    // why no wait: Pay asks the frame itself (elements.submit()), so it may follow the last keystroke at once.
    await page.evaluate(() => (window as { __pay?: () => Promise<void> }).__pay!());
    assert.equal(await page.evaluate(() => (window as { __outcome?: { status: string } }).__outcome?.status), 'confirmed');
    assert.equal(await completed(id), 'completed');
    assert.deepEqual(await violations(), []);
    await page.close();
  });

  test('PayPal: mount, approve in the window: no violation', { timeout: 90_000 }, async () => {
    const { page, id, violations } = await open('paypal');
    await page.locator('[data-paypal-double="button"]').click();
    await page.frameLocator('[data-paypal-double="window"] iframe').locator('#approve').click();
    await page.waitForFunction(() => (window as { __outcome?: unknown }).__outcome, null, { timeout: 30_000 });
    assert.equal(await completed(id), 'completed');
    assert.deepEqual(await violations(), []);
    await page.close();
  });
});
