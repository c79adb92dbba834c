// The adapters, and the element with the Stripe adapter, on a merchant's page under the strict CSP of the hardening
// suite (Trusted Types included), plus the processors' hosts (here: the sandbox's doubles and its frame origin), in
// headless Chromium: no violations, and the card number out of the page's reach (DOM, frames, storage).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForView, watch } from '../hardening/support.js';
import { checkoutPage, SUCCESS_URL, useProcessorSite } from './pages/server.js';

describe('processors under a strict CSP', () => {
  const env = useProcessorSite(50);

  async function open(processor: 'stripe' | 'paypal', extra = ''): Promise<{ page: Page; id: number; violations: () => Promise<string[]> }> {
    const { sandbox, site, browser } = env();
    const session = sandbox.store.createSession({ items: [{ product: '000000' }], payment_methods: ['card', 'paypal'] });
    const permalink = sandbox.store.toJSON(session, sandbox.url).permalink as string;
    const page = await browser.newPage();
    const watched = watch(page);
    await page.goto(`${site.origin}/adapter?processor=${processor}&permalink=${encodeURIComponent(permalink)}${extra}`);
    await page.waitForFunction(() => (window as { __ready?: boolean; __failure?: string }).__ready || (window as { __failure?: string }).__failure, null, { timeout: 30_000 });
    const failure = await page.evaluate(() => (window as { __failure?: string }).__failure);
    assert.equal(failure, undefined, failure);
    return { page, id: session.id, violations: watched.violations };
  }

  async function completed(id: number): Promise<string> {
    const { sandbox } = env();
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

  test("PayPal without the page's nonce: the style PayPal's SDK injects is refused (style-src has no 'unsafe-inline')", { timeout: 90_000 }, async () => {
    const { page, violations } = await open('paypal', '&nonce=off');
    assert.equal(await page.locator('style[data-paypal-double="style"]').count(), 1);
    assert.deepEqual(await violations(), ['style-src-elem inline']);
    await page.context().close();
  });

  test("PayPal with the page's nonce (the adapter's cspNonce): mount, approve in the window: no violation", { timeout: 90_000 }, async () => {
    const { page, id, violations } = await open('paypal');
    const nonce = await page.locator('style[data-paypal-double="style"]').evaluate((style: HTMLStyleElement) => style.nonce);
    assert.ok(nonce && nonce === (await page.locator('script[type="module"][nonce]').evaluate((script: HTMLScriptElement) => script.nonce)), "PayPal's style carries the page's nonce");
    await page.locator('[data-paypal-double="button"]').click();
    await page.frameLocator('[data-paypal-double="window"] iframe').locator('#approve').click();
    await page.waitForFunction(() => (window as { __outcome?: unknown }).__outcome, null, { timeout: 30_000 });
    assert.equal(await completed(id), 'completed');
    assert.deepEqual(await violations(), []);
    await page.context().close();
  });
});

describe('the element with the Stripe adapter under a strict CSP: the card number stays in the processor’s frame', () => {
  const CARD_NUMBER = '4242424242424242';
  const env = useProcessorSite(50);

  test('type a card in the double’s frame, pay through <quaderno-checkout>: no violation, and the number is nowhere in the page', { timeout: 90_000 }, async () => {
    const { sandbox } = env();
    const { page, id, url } = await checkoutPage(env(), { billing_country: 'DE', billing_postal_code: '10117' });
    const watched = watch(page);
    await page.goto(url);
    await waitForView(page, 'form', 30_000);
    const el = page.locator('quaderno-checkout');
    await el.locator('#qc-method-card').check();
    await el.locator('#qc-first_name').fill('Grace');
    const card = page.frameLocator('iframe[title="Secure payment input frame"]');
    await card.locator('#number').pressSequentially('4242 4242 4242 4242');
    await card.locator('#expiry').pressSequentially('1239');
    await card.locator('#cvc').pressSequentially('123');
    assert.equal(await card.locator('#number').inputValue(), '4242 4242 4242 4242', 'the number is in the frame');

    const readable = await page.evaluate(() => (window as unknown as { __readable(): { text: string; unreadableFrames: number } }).__readable());
    const flat = readable.text.replace(/[\s-]/g, '');
    assert.ok(readable.unreadableFrames >= 1, 'the card frame is cross-origin to the page');
    assert.ok(flat.includes('Grace'), 'the scan reaches the element’s fields (and the draft in sessionStorage)');
    assert.ok(readable.text.includes('quaderno-checkout:draft:'), 'the scan reads sessionStorage');
    assert.equal(flat.includes(CARD_NUMBER), false, 'the card number is nowhere the page can read');
    assert.deepEqual(await watched.violations(), []);

    await el.locator('.totals[aria-busy="false"]').waitFor();
    // why the keyboard, as a keyboard user pays: a click is aimed at coordinates, and in 3 of 10 runs it reached no
    // element of the page right after typing in the card frame (the page had scrolled to reveal the frame's field).
    await Promise.all([page.waitForURL(SUCCESS_URL, { timeout: 30_000 }), el.locator('[part="pay-button"]').press('Enter')]);
    assert.equal(sandbox.store.getSession(id)?.processor, 'stripe');
    // why the console: the violations array left with the page; Chromium logs every CSP refusal as a console error.
    assert.deepEqual(watched.errors, []);
    await page.context().close();
  });
});
