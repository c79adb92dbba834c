// The classic-script adapters (dist/quaderno-checkout-{stripe,paypal}.iife.js) on a page of script tags: the main
// IIFE plus one adapter script, in either order, against the sandbox and its SDK test doubles, in headless Chromium
// through playwright-core. The element keeps its default processor; the adapter script is all the page adds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import en from '../../src/locales/en.js';
import type { RunningSandbox } from '../../src/sandbox/server.js';
import { collectErrors, DIST, ensureBuild, launchBrowser, sandbox as startBox, serveStatic, waitForView, type StaticServer } from '../build/support.js';

// why French: the sandbox's seller is Spanish, and a domestic Spanish sale asks for a tax ID in auto mode.
const CUSTOMER = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  billing_country: 'FR',
  billing_postal_code: '75001',
};

describe('classic-script adapters (IIFE build)', () => {
  let box: RunningSandbox;
  let server: StaticServer;
  let browser: Browser;
  let origin: string;
  const pages: Record<string, string> = {};

  before(async () => {
    await ensureBuild();
    box = await startBox();
    server = await serveStatic(DIST, { pages });
    // why: 'localhost' vs the sandbox's '127.0.0.1' keeps the merchant page on its own origin.
    origin = server.url.replace('127.0.0.1', 'localhost');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await box?.close();
  });

  /** Sessions offering one method (one element each), and a page with the given script tags before the elements. */
  async function openMany(
    method: 'card' | 'paypal',
    scripts: string[],
    count: number,
  ): Promise<{ page: Page; sessions: { id: number; token: string }[]; errors: string[] }> {
    const sessions = Array.from({ length: count }, () => {
      const session = box.store.createSession({
        items: [{ product: '000000' }],
        payment_methods: [method],
        billing_details_collection: 'auto',
        customer: CUSTOMER,
      });
      return { id: session.id, permalink: box.store.toJSON(session, box.url).permalink as string };
    });
    const path = `/${method}-${sessions.map((s) => s.id).join('-')}.html`;
    const elements = sessions.map((s) => `<quaderno-checkout permalink="${s.permalink}" locale="en" poll-interval="50"></quaderno-checkout>`);
    pages[path] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
${scripts.join('\n')}
</head><body>${elements.join('\n')}</body></html>`;
    // why tall: with Pay below the fold, Playwright's scroll-then-click sometimes never reached the page while focus
    // was in the card's cross-origin frame; nothing has to scroll here.
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 * count } });
    const errors = collectErrors(page);
    await page.goto(`${origin}${path}`);
    for (let i = 0; i < count; i++) {
      await page.locator('quaderno-checkout').nth(i).locator('[part="base"][data-state="form"]').waitFor({ timeout: 20_000 });
    }
    return { page, sessions: sessions.map((s) => ({ id: s.id, token: new URL(s.permalink).pathname.split('/').pop()! })), errors };
  }

  /** A session offering one method, and a page with the given script tags before the element. */
  async function open(method: 'card' | 'paypal', scripts: string[]): Promise<{ page: Page; id: number; token: string; errors: string[] }> {
    const { page, sessions, errors } = await openMany(method, scripts, 1);
    return { page, ...sessions[0]!, errors };
  }

  /** Chooses card in the nth element and types a card (default: the success card) into its Stripe frame. */
  async function typeCard(page: Page, nth = 0, number = '4242424242424242') {
    const el = page.locator('quaderno-checkout').nth(nth);
    const method = el.locator('#qc-method-card');
    if (!(await method.isChecked())) await method.check();
    const card = el.frameLocator('div[data-processor="stripe"] iframe');
    await card.locator('#number').pressSequentially(number);
    await card.locator('#expiry').pressSequentially('1239');
    await card.locator('#cvc').pressSequentially('123');
    // why: the card frame's last change event crosses processes to the page (a race between the frame's process and the page's).
    await page.waitForTimeout(300);
    assert.equal(await el.locator('#qc-card_number').count(), 0, "the sandbox's own card fields are gone");
    await el.locator('.totals[aria-busy="false"]').waitFor();
    await el.locator('[part="pay-button"]:not([aria-disabled="true"])').waitFor();
    return el;
  }

  async function paidThrough(page: Page, id: number, processor: 'stripe' | 'paypal'): Promise<void> {
    await waitForView(page, 'completed', 30_000);
    const session = box.store.getSession(id)!;
    assert.equal(session.status, 'completed');
    assert.equal(session.processor, processor);
  }

  const STRIPE_PAGE = () => [
    '<script src="/quaderno-checkout.iife.js"></script>',
    // why data-stripe-js-url: Stripe.js then loads from the sandbox's test double instead of js.stripe.com.
    `<script src="/quaderno-checkout-stripe.iife.js" data-stripe-js-url="${box.url}/doubles/stripe.js"></script>`,
  ];

  test('main IIFE, then the Stripe adapter script: a card payment completes through Stripe', { timeout: 120_000 }, async () => {
    const { page, id, errors } = await open('card', STRIPE_PAGE());
    assert.deepEqual(await page.evaluate(() => (window as { QuadernoCheckoutProcessors?: Array<{ id: string }> }).QuadernoCheckoutProcessors?.map((p) => p.id)), ['stripe']);
    const el = await typeCard(page);
    assert.equal(await page.locator(`script[src="${box.url}/doubles/stripe.js"]`).count(), 1, 'Stripe.js came from data-stripe-js-url');
    await el.locator('[part="pay-button"]').click();
    await paidThrough(page, id, 'stripe');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('two elements on one page: each mounts its own Stripe fields, and each pays its own session', { timeout: 120_000 }, async () => {
    const { page, sessions, errors } = await openMany('card', STRIPE_PAGE(), 2);
    const second = await typeCard(page, 1);
    const first = await typeCard(page, 0);
    assert.equal(await page.locator('div[data-processor="stripe"] iframe').count(), 2, 'one card frame per element');
    await second.locator('[part="pay-button"]').click();
    await second.locator('[part="base"][data-state="completed"]').waitFor({ timeout: 30_000 });
    assert.equal(box.store.getSession(sessions[1]!.id)!.processor, 'stripe');
    assert.equal(box.store.getSession(sessions[0]!.id)!.status, 'pending', 'the first element did not pay');
    await first.locator('[part="pay-button"]').click();
    await first.locator('[part="base"][data-state="completed"]').waitFor({ timeout: 30_000 });
    assert.equal(box.store.getSession(sessions[0]!.id)!.status, 'completed');
    assert.deepEqual(errors, []);
    await page.close();
  });

  // why: the adapter script bundles its own copy of the processor error class; the core recognises it by its code.
  test('a declined card through the Stripe adapter script keeps its code: quaderno-error says payment_declined, the alert the decline', { timeout: 120_000 }, async () => {
    const { page, id } = await open('card', STRIPE_PAGE());
    await page.evaluate(() => {
      const codes: string[] = ((window as unknown as { __codes: string[] }).__codes = []);
      document.querySelector('quaderno-checkout')!.addEventListener('quaderno-error', (e) => codes.push((e as CustomEvent<{ code: string }>).detail.code));
    });
    const el = await typeCard(page, 0, '4000000000000002');
    await el.locator('[part="pay-button"]').click();
    await el.locator('[part="alert"]').waitFor({ timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __codes: string[] }).__codes), ['payment_declined']);
    assert.equal((await el.locator('[part="alert"] p').textContent())?.trim(), en.cardDeclined);
    assert.notEqual(box.store.getSession(id)!.status, 'completed', 'nothing was charged');
    await page.close();
  });

  // why: the payment start is the core's (processor-controller.ts), so its refusals are the core's error classes; an adapter
  // script with its own copy of the HTTP layer threw a ConflictError the checkout model did not recognise.
  test("a payment start refused as no longer pending is the core's ConflictError: the element says so and reloads the session", { timeout: 120_000 }, async () => {
    const { page, id, errors } = await open('card', STRIPE_PAGE());
    const el = await typeCard(page);
    // why the route: the session must change between the customer's save and the payment start; the sandbox
    // itself then refuses the start (422 session_not_pending), nothing is faked.
    await page.route('**/payment.json', async (route) => {
      box.store.setStatus(id, 'completed');
      await route.continue();
    });
    await el.locator('[part="pay-button"]').click();
    await waitForView(page, 'completed', 30_000);
    // why the words: the model announces them for a ConflictError only; any other error would show a failed payment.
    await el.locator('[role="alert"][aria-live="assertive"]', { hasText: en.errorNotPending }).waitFor({ state: 'attached' });
    assert.deepEqual(
      errors.filter((e) => !e.includes('422')),
      [],
      'only the refused start is logged',
    );
    await page.close();
  });

  // why the ES module core too: the registry's read is in both script-tag bundles, and the README says either works.
  for (const core of ['<script src="/quaderno-checkout.iife.js"></script>', '<script type="module" src="/quaderno-checkout.js"></script>']) {
    test(`the PayPal adapter script, then ${core.includes('module') ? 'the ES module core' : 'the main IIFE'}: no order until the click; an approve completes through PayPal`, { timeout: 120_000 }, async () => {
      const { page, id, token, errors } = await open('paypal', [
        `<script src="/quaderno-checkout-paypal.iife.js" data-client-id="sb-sandbox" data-sdk-base-url="${box.url}/doubles/paypal-sdk.js" nonce="n0nce"></script>`,
        core,
      ]);
      const orders = async () =>
        ((await (await fetch(`${box.url}/doubles/paypal/v2/checkout/orders?session=${token}`)).json()) as { orders: unknown[] }).orders;
      const el = page.locator('quaderno-checkout');
      const method = el.locator('#qc-method-paypal');
      if ((await method.count()) > 0 && !(await method.isChecked())) await method.check();
      const button = page.locator('[data-paypal-double="button"]');
      await button.waitFor({ timeout: 20_000 });
      const script = await page.evaluate(() => {
        const s = document.querySelector<HTMLScriptElement>('script[src*="/doubles/paypal-sdk.js"]')!;
        return { query: new URL(s.src).searchParams.get('client-id'), nonce: s.getAttribute('data-csp-nonce') };
      });
      assert.deepEqual(script, { query: 'sb-sandbox', nonce: 'n0nce' });
      assert.deepEqual(await orders(), [], 'showing the button created no order');
      await el.locator('.totals[aria-busy="false"]').waitFor();
      await button.click();
      await page.frameLocator('[data-paypal-double="window"] iframe').locator('#approve').click();
      await paidThrough(page, id, 'paypal');
      assert.equal((await orders()).length, 1);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
