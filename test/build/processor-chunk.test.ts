// The sandbox processor is a chunk of its own in the ES build (src/processors/factories.ts), fetched when the form
// shows. In Chromium, against the real sandbox and the built dist/, under `script-src 'self'`: while the chunk is held
// back the processor area keeps the height its fields take; a chunk that cannot load shows the network error with a
// retry, keeps everything typed, and the retry pays.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningSandbox } from '../../src/sandbox/server.js';
import { DIST, createSession, ensureBuild, holdSessionUntil, waitForView, builtSiteSuite, type StaticServer } from './support.js';
import { fillBilling } from '../helpers/fill-billing.js';

/** The sandbox processor's own chunk (src/processors/factories.ts). */
const SANDBOX_CHUNK = /\/quaderno-checkout-sandbox-[\w-]+\.js$/;
function page(permalink: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src *">
<script type="module" src="/dist/quaderno-checkout.js"></script></head>
<body><quaderno-checkout permalink="${permalink}" poll-interval="100"></quaderno-checkout></body></html>`;
}

async function payByCard(tab: Page): Promise<void> {
  const el = tab.locator('quaderno-checkout');
  await el.locator('#qc-card_number').fill('4242 4242 4242 4242');
  await el.locator('#qc-card_expiry').fill('12/39');
  await el.locator('#qc-card_cvc').fill('123');
  await el.locator('.totals[aria-busy="false"]').waitFor();
  await el.locator('[part="pay-button"]').click();
}

/** The processor's light-DOM container: its height now. */
const processorHeight = (tab: Page) => tab.evaluate(() => document.querySelector('quaderno-checkout > [slot]')!.getBoundingClientRect().height);

describe('the sandbox processor chunk of the ES module build', () => {
  before(() => ensureBuild());

  it('is a chunk of its own: its PayPal choice is neither in the core nor anywhere else', () => {
    const core = readFileSync(join(DIST, 'quaderno-checkout.js'), 'utf8');
    const sandbox = readdirSync(DIST).find((name) => SANDBOX_CHUNK.test(`/${name}`));
    assert.ok(sandbox, 'dist/ holds quaderno-checkout-sandbox-<hash>.js');
    assert.ok(readFileSync(join(DIST, sandbox), 'utf8').includes('paypal-outcome') && !core.includes('paypal-outcome'));
  });
});

describe('the sandbox processor chunk in Chromium under script-src self', () => {
  let box: RunningSandbox;
  let site: StaticServer;
  let browser: Browser;
  const pages: Record<string, string> = { '/thanks': '<!doctype html><title>Thanks</title><h1>Thanks</h1>' };

  builtSiteSuite(pages, (env) => ({ box, site, browser } = env));

  const open = async (name: string) => {
    const permalink = createSession(box, { success_url: `${site.url}/thanks`, cancel_url: `${site.url}/cart` });
    pages[`/${name}.html`] = page(permalink);
    const tab = await browser.newPage();
    const writes: string[] = [];
    tab.on('request', (request) => {
      if (request.url().startsWith(box.url) && request.method() !== 'GET' && request.method() !== 'OPTIONS') writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    return { tab, writes, token: new URL(permalink).pathname.split('/').pop()! };
  };

  it('is fetched while the session loads (one round trip to the payment fields), and no payment start for it', async () => {
    const { tab } = await open('parallel');
    const { requested, whileHeld } = await holdSessionUntil(tab, (path) => SANDBOX_CHUNK.test(path));
    try {
      await tab.goto(`${site.url}/parallel.html`);
      await waitForView(tab, 'form');
      await tab.locator('quaderno-checkout #qc-card_number').waitFor();
      assert.equal(whileHeld(), true, 'the sandbox chunk was requested while the session answer was on its way');
      assert.deepEqual([...requested].filter((path) => /quaderno-checkout-payment-start-/.test(path)), [], 'the sandbox starts no payment');
    } finally {
      await tab.close();
    }
  });

  it('held back: the processor area keeps the height its fields take (no layout shift when they arrive)', async () => {
    const { tab } = await open('height');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await tab.route(SANDBOX_CHUNK, async (route) => {
      await released;
      await route.continue();
    });
    try {
      await tab.goto(`${site.url}/height.html`);
      await waitForView(tab, 'form');
      const reserved = await processorHeight(tab);
      release();
      await tab.locator('quaderno-checkout #qc-card_number').waitFor();
      const mounted = await processorHeight(tab);
      assert.ok(reserved > 100 && Math.abs(mounted - reserved) <= 8, `${reserved}px reserved, ${mounted}px mounted`);
    } finally {
      await tab.close();
    }
  });

  it('cannot load: the processor area shows the network error with a retry; Pay stops there; nothing typed is lost; the retry pays', async () => {
    const { tab, writes, token } = await open('offline');
    let offline = true;
    await tab.route(SANDBOX_CHUNK, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    try {
      await tab.goto(`${site.url}/offline.html`);
      await waitForView(tab, 'form');
      await fillBilling(tab);
      const el = tab.locator('quaderno-checkout');
      const processorRetry = tab.locator('quaderno-checkout > [slot] [data-action="processor-retry"]');
      await processorRetry.waitFor();
      assert.match((await tab.locator('quaderno-checkout > [slot] [part="alert"]').textContent()) ?? '', /Check your connection/);
      await el.locator('[role="alert"][aria-live="assertive"]', { hasText: 'Check your connection' }).waitFor({ state: 'attached' });
      // Pay stops at the processor that could not load (an invalid field): nothing is saved or charged.
      await el.locator('[part="pay-button"]').click();
      await processorRetry.waitFor();
      assert.equal(await el.locator('#qc-email').inputValue(), 'ana@example.com', 'the typed data stays');
      assert.equal(await el.locator('#qc-billing_city').inputValue(), 'Madrid');
      assert.deepEqual(writes, []);
      await processorRetry.click();
      await processorRetry.waitFor();
      assert.equal(await el.locator('#qc-card_number').count(), 0, 'still offline: the retry says so again');
      offline = false;
      await processorRetry.click();
      await el.locator('#qc-card_number').waitFor();
      assert.equal(await processorRetry.count(), 0);
      assert.deepEqual(writes, []);
      await payByCard(tab);
      await tab.waitForURL(`${site.url}/thanks`, { timeout: 10_000 });
      assert.equal(box.store.getByToken(token)?.status, 'completed');
    } finally {
      await tab.close();
    }
  });
});
