// `npm run screenshots`: real PNGs of the widget, from headless Chromium, into docs/screenshots/.
// Starts the sandbox (on its own port) and a small page server (another port) that serves the shipped classic bundle,
// dist/quaderno-checkout.iife.js (run `npm run build` first): the pictures show what a merchant's page gets, template
// minification included (a bundle made another way once hid icons the minifier had broken).
// Env: CHROME_PATH (see scripts/find-browser.mjs); SHOTS=name,name to take only some.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startSandbox } from '../src/sandbox/server.js';

// why: find-browser.mjs is plain JS without declarations; a computed specifier keeps tsc from asking for them.
const findBrowserModule = './find-browser.mjs';
const { findBrowser, CHROME_ARGS } = (await import(findBrowserModule)) as { findBrowser(): string; CHROME_ARGS: string[] };

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs/screenshots');
const only = process.env.SHOTS?.split(',').filter(Boolean);

const bundle = join(root, 'dist/quaderno-checkout.iife.js');
if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
const script = readFileSync(bundle, 'utf8');

// why: a long processing delay holds a paid session in `processing` long enough to photograph it.
const sandbox = await startSandbox({ port: 0, processingDelayMs: 120_000, abandonAfterMs: 0 });
const { store } = sandbox;

const items = [
  { name: 'Pro plan · annual', description: 'Unlimited invoices, 3 team members', amount: 19900, currency: 'EUR', quantity: 1 },
  { name: 'Onboarding call', description: null, amount: 4900, currency: 'EUR', quantity: 2 },
];
const urls = { success_url: 'https://shop.example/thanks', cancel_url: 'https://shop.example/cart' };

function session(extra: Record<string, unknown> = {}, status?: 'completed' | 'failed' | 'abandoned'): string {
  const created = store.createSession(
    { items, ...urls, payment_methods: ['card', 'paypal'], billing_details_collection: 'required', coupon_collection: true, locale: 'en', ...extra },
    status ? { status } : {},
  );
  return store.toJSON(created, sandbox.url).permalink as string;
}

function page(permalink: string, theme: string, locale?: string): string {
  const dark = theme === 'dark';
  const attrs = `permalink="${permalink}" theme="${theme}"${locale ? ` locale="${locale}"` : ''}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; background: ${dark ? '#0b0d12' : '#eef0f5'}; }
  #frame { padding: 24px; }
  @media (max-width: 480px) { #frame { padding: 0; } }
  quaderno-checkout { margin: 0 auto; border-radius: 12px; box-shadow: 0 12px 32px rgb(16 24 40 / ${dark ? '0.5' : '0.08'}); }
</style>
<script src="/quaderno-checkout.js" defer></script></head>
<body><div id="frame"><quaderno-checkout ${attrs}></quaderno-checkout></div></body></html>`;
}

const pages = new Map<string, string>();
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/quaderno-checkout.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    return void res.end(script);
  }
  const html = pages.get(path);
  if (html === undefined) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROME_ARGS });

interface Shot {
  name: string;
  /** What it shows, printed as the script runs and listed in README.md. */
  title: string;
  width: number;
  permalink: () => string;
  theme?: 'light' | 'dark' | 'auto';
  locale?: string;
  /** The view to wait for before acting. */
  view?: string;
  act?: (page: Page) => Promise<void>;
}

const el = (page: Page) => page.locator('quaderno-checkout');
const view = (page: Page, name: string) => el(page).locator(`[part="base"][data-state="${name}"]`).waitFor({ timeout: 15_000 });

async function fillBilling(page: Page): Promise<void> {
  const e = el(page);
  await e.locator('#qc-email').fill('ana.garcia@example.com');
  await e.locator('#qc-first_name').fill('Ana');
  await e.locator('#qc-last_name').fill('García');
  await e.locator('#qc-billing_country').selectOption('ES');
  await e.locator('#qc-billing_street_line_1').fill('Calle Mayor 1');
  await e.locator('#qc-billing_city').fill('Madrid');
  await e.locator('#qc-billing_postal_code').fill('28013');
}

async function chooseCard(page: Page, number = '4242 4242 4242 4242'): Promise<void> {
  const e = el(page);
  await e.locator('#qc-method-card').check();
  await e.locator('#qc-card_number').fill(number);
  await e.locator('#qc-card_expiry').fill('12/29');
  await e.locator('#qc-card_cvc').fill('123');
}

async function applyCoupon(page: Page, code: string): Promise<void> {
  const e = el(page);
  await e.locator('#qc-coupon').fill(code);
  await e.locator('[data-action="coupon-apply"]').click();
}

const SHOTS: Shot[] = [
  {
    name: 'form-desktop',
    title: 'The form on a desktop: order summary beside billing details and payment',
    width: 1100,
    permalink: () => session(),
    act: async (page) => {
      await fillBilling(page);
      await chooseCard(page);
    },
  },
  {
    name: 'form-mobile',
    title: 'On a 375 px phone: one column, the order summary folded to one line with the total and its tax',
    width: 375,
    permalink: () => session(),
    act: async (page) => {
      // why a country: the folded summary's line then shows the tax beside the total.
      await el(page).locator('#qc-billing_country').selectOption('FR');
      await el(page).locator('#qc-method-card').check();
      await el(page).locator('.totals[aria-busy="false"]').waitFor({ state: 'attached' });
      await page.waitForTimeout(400);
      await el(page).locator('.totals[aria-busy="false"]').waitFor({ state: 'attached' });
    },
  },
  {
    name: 'coupon-applied',
    title: 'A coupon applied (WELCOME10): the discount and the new total',
    width: 1100,
    permalink: () => session(),
    act: async (page) => {
      await applyCoupon(page, 'WELCOME10');
      await el(page).locator('[data-action="coupon-remove"]').waitFor();
    },
  },
  {
    name: 'coupon-refused-fr',
    title: 'French: an expired code is refused next to the field, with its reason',
    width: 800,
    locale: 'fr',
    permalink: () => session({ locale: 'fr' }),
    act: async (page) => {
      await applyCoupon(page, 'EXPIRED');
      await el(page).locator('#qc-coupon[aria-invalid="true"]').waitFor();
    },
  },
  {
    name: 'validation',
    title: 'Pay with an empty form: every error next to its field',
    width: 1100,
    permalink: () => session(),
    act: async (page) => {
      await el(page).locator('#qc-email').fill('ana@');
      await el(page).locator('[part="pay-button"]').click();
      await page.waitForTimeout(150);
    },
  },
  {
    name: 'processing',
    title: 'After Pay: processing while the element polls the session',
    width: 800,
    permalink: () => session(),
    act: async (page) => {
      await fillBilling(page);
      await chooseCard(page);
      await el(page).locator('[part="pay-button"]').click();
      await view(page, 'processing');
    },
  },
  {
    name: 'completed',
    title: 'A paid session: the confirmation, with a link on to success_url',
    width: 800,
    view: 'completed',
    permalink: () => session({}, 'completed'),
  },
  {
    name: 'dark-de',
    title: 'Dark theme, German, `auto` billing, PayPal (sandbox approve / decline)',
    width: 1100,
    theme: 'dark',
    locale: 'de',
    permalink: () => session({ billing_details_collection: 'auto', locale: 'de' }),
    act: async (page) => {
      await el(page).locator('#qc-method-paypal').check();
    },
  },
  {
    name: 'error',
    title: 'A permalink that does not exist: a clear error and a retry button',
    width: 800,
    view: 'error',
    permalink: () => `${sandbox.url}/checkout/session/0000000000000000000000000000000000000000`,
  },
];

mkdirSync(outDir, { recursive: true });
let failures = 0;
try {
  for (const shot of SHOTS) {
    if (only && !only.includes(shot.name)) continue;
    const tab = await browser.newPage({ viewport: { width: shot.width, height: 900 }, reducedMotion: 'reduce', colorScheme: shot.theme === 'dark' ? 'dark' : 'light' });
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    try {
      const path = `/${shot.name}.html`;
      pages.set(path, page(shot.permalink(), shot.theme ?? 'light', shot.locale));
      await tab.goto(`${site}${path}`);
      await view(tab, shot.view ?? 'form');
      await shot.act?.(tab);
      // why: let transitions and the last update settle; the caret is hidden so pictures are stable.
      await tab.addStyleTag({ content: '* { caret-color: transparent !important; }' });
      await tab.evaluate(() => document.fonts.ready);
      // why: a viewport as tall as the page keeps the sticky summary at the top and nothing scrolled.
      await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const height = await tab.evaluate(() => document.documentElement.scrollHeight);
      await tab.setViewportSize({ width: shot.width, height });
      await tab.evaluate(() => window.scrollTo(0, 0));
      await tab.waitForTimeout(250);
      const file = join(outDir, `${shot.name}.png`);
      await tab.locator('#frame').screenshot({ path: file });
      console.log(`docs/screenshots/${shot.name}.png  ${shot.title}${errors.length ? `  (page errors: ${errors.join('; ')})` : ''}`);
    } catch (error) {
      failures++;
      console.error(`${shot.name}: ${(error as Error).message}`);
    } finally {
      await tab.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections();
  await sandbox.close();
}
process.exit(failures ? 1 : 0);
