// The merchant's site of the processor suites that drive real page loads (csp.test.ts, redirect.test.ts): its own
// origin, the strict CSP of the hardening suite plus the processors' hosts (here the sandbox and its frame origin),
// and two pages: `/adapter` (one adapter, csp-page.ts) and `/checkout` (the element, element-page.ts).
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { elementBuildOptions } from '../../../scripts/element-bundle.js';
import { sandboxCspOrigins } from '../../../src/sandbox/csp.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.js';
import { launchBrowser, strictCsp } from '../../hardening/support.js';

/**
 * The hardening suite's policy, plus the sandbox's origins as `npm run sandbox` prints them (src/sandbox/csp.ts), and
 * the response's nonce in `style-src` for what PayPal's SDK injects (docs/processors.md).
 */
export function processorCsp(sandbox: RunningSandbox, nonce: string): string {
  const origins = sandboxCspOrigins({ api: sandbox.url, frame: sandbox.frameUrl });
  return strictCsp(origins['connect-src']!.join(' '), "lit-html 'allow-duplicates' default")
    .replace("script-src 'self'", `script-src 'self' ${origins['script-src']!.join(' ')}`)
    .replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`)
    .concat(`; frame-src ${origins['frame-src']!.join(' ')}`);
}

// why a boot script: it records violations before anything else runs (inline scripts are not allowed).
const BOOT = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;

const PAGES = {
  '/adapter': { script: '/adapter.js', entry: 'test/processors/pages/csp-page.ts', body: '<div id="checkout"><div id="processor"></div></div>' },
  '/checkout': { script: '/checkout.js', entry: 'test/processors/pages/element-page.ts', body: '<h1>Shop</h1><div id="shop"></div>' },
} as const;

export interface ProcessorSite {
  /** `http://localhost:PORT`: another origin than the sandbox's 127.0.0.1. */
  origin: string;
  close(): void;
}

export async function startProcessorSite(sandbox: RunningSandbox): Promise<ProcessorSite> {
  const scripts = new Map<string, string>();
  for (const page of Object.values(PAGES)) {
    const options = elementBuildOptions({ minify: false });
    const result = await build({
      ...options,
      entryPoints: [`${options.absWorkingDir}${page.entry}`],
      define: { ...options.define, __SANDBOX__: JSON.stringify(sandbox.url) },
    });
    scripts.set(page.script, result.outputFiles![0]!.text);
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const script = url.pathname === '/boot.js' ? BOOT : scripts.get(url.pathname);
    if (script !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      return res.end(script);
    }
    const page = PAGES[url.pathname as keyof typeof PAGES];
    if (!page) return res.writeHead(404).end();
    // why a fresh nonce per response: one that repeats protects nothing. The page script reads it from its own tag.
    const nonce = randomBytes(16).toString('base64');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': processorCsp(sandbox, nonce) });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="/boot.js"></script><script type="module" src="${page.script}" nonce="${nonce}"></script></head>
<body>${page.body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    // why: 'localhost' vs the sandbox's '127.0.0.1' keeps the merchant on its own origin.
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** For the enclosing suite: a sandbox (settling payments after `processingDelayMs`), the merchant's site and Chromium. */
export function useProcessorSite(processingDelayMs: number): () => { sandbox: RunningSandbox; site: ProcessorSite; browser: Browser } {
  let running: { sandbox: RunningSandbox; site: ProcessorSite; browser: Browser } | undefined;
  let sandbox: RunningSandbox | undefined;
  let site: ProcessorSite | undefined;
  let browser: Browser | undefined;
  before(async () => {
    sandbox = await startSandbox({ port: 0, processingDelayMs, log: false });
    site = await startProcessorSite(sandbox);
    browser = await launchBrowser();
    running = { sandbox, site, browser };
  });
  after(async () => {
    await browser?.close();
    site?.close();
    await sandbox?.close();
  });
  return () => {
    if (!running) throw new Error('the processor site did not start');
    return running;
  };
}

/** Where the sessions of these suites send the customer once paid (answered by the test, never fetched). */
export const SUCCESS_URL = 'https://shop.example/thanks';

/**
 * A pending session (21.00 EUR, card or PayPal, `auto` billing) for a customer in `country`, and a fresh browser
 * context's page that will open it at `url` (not yet opened, so a test can watch the page first).
 */
export async function checkoutPage(
  running: { sandbox: RunningSandbox; site: ProcessorSite; browser: Browser },
  billing: { billing_country: string; billing_postal_code: string },
): Promise<{ page: Page; id: number; url: string }> {
  const { sandbox, site, browser } = running;
  const session = sandbox.store.createSession({
    items: [{ product: '000000' }],
    payment_methods: ['card', 'paypal'],
    billing_details_collection: 'auto',
    success_url: SUCCESS_URL,
    customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', ...billing },
  });
  const permalink = sandbox.store.toJSON(session, sandbox.url).permalink as string;
  const page = await (await browser.newContext()).newPage();
  await page.route('https://shop.example/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Thanks</title>ok' }));
  return { page, id: session.id, url: `${site.origin}/checkout?permalink=${encodeURIComponent(permalink)}` };
}
