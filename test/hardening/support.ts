// Shared set-up of the page-level hardening suites: the element bundled from src, a merchant's page on its own origin
// (with any CSP and any page CSS), the real sandbox on another origin, and headless Chromium through playwright-core.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bundleElement as bundleWith } from '../../scripts/element-bundle.js';

/** Bundles the registering entry as the hosted page does (scripts/element-bundle.ts: one minified ES module). */
export function bundleElement(minify = true): Promise<{ code: string; inputs: string[] }> {
  return bundleWith({ minify });
}

/** The strict policy the docs recommend (docs/security.md), for a page on `self` talking to `api`. */
export function strictCsp(api: string, trustedTypes = 'lit-html'): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${api}`,
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');
}

/** Merchant CSS that tries hard to break an embedded widget. */
export const AGGRESSIVE_CSS = `
* { all: revert !important; }
html, body { font: italic 700 31px/3 "Comic Sans MS", cursive !important; color: #f0f !important; letter-spacing: 4px !important;
  text-transform: uppercase !important; word-spacing: 12px !important; text-align: right !important; direction: ltr; }
input, select, textarea { display: none !important; }
button { visibility: hidden !important; }
div { position: absolute !important; }
form, fieldset, label, p, span { display: none !important; }
quaderno-checkout * { display: none !important; color: red !important; }
:root { --_primary: red; --_bg: black; --_text: yellow; }
`;

export interface PageSpec {
  permalink: string;
  csp?: string;
  css?: string;
  /** Extra attributes on the element, e.g. `theme="dark"`. */
  attributes?: string;
  /** Inline style on the element (written as an attribute; only allowed when the CSP permits it). */
  style?: string;
}

export interface MerchantSite {
  url: string;
  /** The URL of a page that embeds the element. */
  page(spec: PageSpec): string;
  close(): Promise<void>;
}

const BOOT = `
window.__violations = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
`;

/** A merchant's site on its own origin: `/page?id=N` embeds the element; the element script is served from `self`. */
export async function startMerchant(): Promise<MerchantSite> {
  const { code } = await bundleElement();
  const specs = new Map<string, PageSpec>();
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/element.js') return send(200, 'text/javascript', code);
    if (url.pathname === '/boot.js') return send(200, 'text/javascript', BOOT);
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    const spec = specs.get(url.searchParams.get('id') ?? '');
    if (!spec) return send(404, 'text/plain', 'no page');
    if (url.pathname === '/merchant.css') return send(200, 'text/css', spec.css ?? '');
    if (url.pathname !== '/page') return send(404, 'text/plain', 'no page');
    const headers: Record<string, string> = spec.csp ? { 'Content-Security-Policy': spec.csp } : {};
    const style = spec.style ? ` style="${spec.style}"` : '';
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Merchant</title>
<script src="/boot.js"></script>
${spec.css ? `<link rel="stylesheet" href="/merchant.css?id=${url.searchParams.get('id')}">` : ''}
<script type="module" src="/element.js"></script>
</head><body><h1>Shop</h1>
<quaderno-checkout permalink="${spec.permalink}" poll-interval="50" ${spec.attributes ?? ''}${style}></quaderno-checkout>
</body></html>`;
    return send(200, 'text/html; charset=utf-8', html, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // why: 'localhost' vs the sandbox's '127.0.0.1' makes the two sites different origins, as in production.
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    page(spec) {
      const id = String(++counter);
      specs.set(id, spec);
      return `${url}/page?id=${id}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// why: find-browser.mjs is plain JS without declarations; a computed specifier keeps tsc from asking for them.
const findBrowserModule = '../../scripts/find-browser.mjs';
const { findBrowser, CHROME_ARGS } = (await import(findBrowserModule)) as { findBrowser(): string; CHROME_ARGS: string[] };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findBrowser(), args: CHROME_ARGS });
}

/** Page errors, console errors and CSP violations seen by the page. */
export function watch(page: Page): { errors: string[]; violations: () => Promise<string[]> } {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`console.${message.type()}: ${message.text()}`);
  });
  return {
    errors,
    violations: async () => [
      ...((await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])) as string[]),
      ...((await page.evaluate(() => (window as unknown as { __errors?: string[] }).__errors ?? [])) as string[]),
    ],
  };
}

/** Waits for the element to show a view (playwright's CSS locators pierce shadow roots). */
export async function waitForView(page: Page, view: string, timeout = 10_000): Promise<void> {
  await page.locator(`quaderno-checkout [part="base"][data-state="${view}"]`).first().waitFor({ timeout });
}
