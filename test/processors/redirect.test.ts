// Redirect-based methods through the element, with real page navigation in Chromium: the customer picks iDEAL (or
// Bancontact) in the Stripe.js double's frame and pays; the whole page goes to the simulated bank on the sandbox's other origin, and
// comes back to the same page (`return_url`) with Stripe's return parameters, where the element resumes: authorized
// goes on to success_url, failed shows the failed state with what was typed. Under the processors' strict CSP.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { RETURN_PARAMS } from '../../src/checkout/model/resume.js';
import type { RedirectMethod } from '../../src/sandbox/doubles/messages.js';
import { waitForView, watch } from '../hardening/support.js';
import { checkoutPage, SUCCESS_URL, useProcessorSite } from './pages/server.js';

describe('redirect-based methods (iDEAL and Bancontact through the Stripe.js double) and the return to the page', () => {
  const env = useProcessorSite(300);

  /** Where each method's customer lives: iDEAL is Dutch, Bancontact Belgian. */
  const CUSTOMERS: Record<RedirectMethod, { billing_country: string; billing_postal_code: string }> = {
    ideal: { billing_country: 'NL', billing_postal_code: '1012 JS' },
    bancontact: { billing_country: 'BE', billing_postal_code: '1000' },
  };

  /** Opens the checkout, types a name, picks the method in the frame and pays: resolves on the bank's page. */
  async function payWith(method: RedirectMethod): Promise<{ page: Page; id: number; checkoutUrl: string; addresses: string[]; errors: string[] }> {
    const { sandbox } = env();
    const { page, id, url: checkoutUrl } = await checkoutPage(env(), CUSTOMERS[method]);
    const { errors } = watch(page);
    const addresses: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) addresses.push(frame.url());
    });
    await page.goto(checkoutUrl);
    await waitForView(page, 'form', 30_000);
    const el = page.locator('quaderno-checkout');
    await el.locator('#qc-method-card').check();
    await el.locator('#qc-first_name').fill('Grace');
    await el.locator('#qc-company').fill('Hopper & Co');
    await page.frameLocator('iframe[title="Secure payment input frame"]').locator(`#method-${method}`).check();
    await el.locator('.totals[aria-busy="false"]').waitFor();
    const bank = `${sandbox.frameUrl}/doubles/stripe/bank`;
    // why the keyboard: see csp.test.ts (a click aimed right after using the card frame can miss the page).
    await Promise.all([page.waitForURL((url) => url.href.startsWith(bank), { timeout: 30_000 }), el.locator('[part="pay-button"]').press('Enter')]);
    assert.equal(sandbox.store.getSession(id)?.status, 'pending', 'nothing is charged before the bank answers');
    assert.equal(sandbox.store.getSession(id)?.customer?.first_name, 'Grace', 'the customer was saved before leaving');
    return { page, id, checkoutUrl, addresses, errors };
  }

  /** The address the bank sent the page back to: the checkout's own, plus Stripe's return parameters. */
  function returnAddress(addresses: string[], checkoutUrl: string): URL {
    const back = addresses.map((a) => new URL(a)).find((url) => url.searchParams.has('payment_intent'));
    assert.ok(back, `a return to the checkout page: ${addresses.join(' → ')}`);
    for (const name of RETURN_PARAMS) back.searchParams.delete(name);
    assert.equal(back.href, new URL(checkoutUrl).href, 'the return_url is the page the customer paid on');
    return back;
  }

  for (const method of Object.keys(CUSTOMERS) as RedirectMethod[]) {
    test(`${method}: authorize at the bank: the page comes back, follows the payment and goes on to success_url`, { timeout: 90_000 }, async () => {
      const { sandbox } = env();
      const { page, id, checkoutUrl, addresses, errors } = await payWith(method);
      assert.match(await page.locator('h1').innerText(), new RegExp(method === 'ideal' ? 'iDEAL' : 'Bancontact'), "the method's own bank page");
      await page.locator('#authorize').click();
      await page.waitForURL(SUCCESS_URL, { timeout: 30_000 });
      const back = addresses.find((a) => a.includes('payment_intent='))!;
      assert.equal(new URL(back).searchParams.get('redirect_status'), 'succeeded');
      assert.equal(new URL(back).searchParams.get('payment_intent'), sandbox.store.getSession(id)?.processor_id);
      returnAddress(addresses, checkoutUrl);
      assert.equal(sandbox.store.getSession(id)?.status, 'completed');
      assert.equal(sandbox.store.getSession(id)?.processor, 'stripe');
      assert.deepEqual(errors, [], 'no CSP refusal or page error');
      await page.context().close();
    });
  }

  test('fail at the bank: the failed state, the return parameters gone from the address, and the typed data kept', { timeout: 90_000 }, async () => {
    const { sandbox, site } = env();
    const { page, id, checkoutUrl, addresses, errors } = await payWith('ideal');
    await page.locator('#fail').click();
    await page.waitForURL((url) => url.href.startsWith(site.origin), { timeout: 30_000 });
    await waitForView(page, 'failed', 30_000);
    const back = returnAddress(addresses, checkoutUrl);
    assert.equal(new URL(addresses.find((a) => a.includes('payment_intent='))!).searchParams.get('redirect_status'), 'failed');
    assert.equal(page.url(), back.href, 'history.replaceState took Stripe’s parameters out of the address bar');
    assert.equal(sandbox.store.getSession(id)?.status, 'failed');
    const el = page.locator('quaderno-checkout');
    await el.locator('[data-action="try-again"]').click();
    await waitForView(page, 'form');
    assert.equal(await el.locator('#qc-first_name').inputValue(), 'Grace');
    assert.equal(await el.locator('#qc-company').inputValue(), 'Hopper & Co');
    assert.equal(await el.locator('#qc-method-card').isChecked(), true);
    await page.reload();
    await waitForView(page, 'failed', 30_000);
    // why the 402: the bank page's failed authorization is answered 402, as Stripe's API does, and Chromium logs it.
    assert.deepEqual(errors.filter((e) => !e.includes('status of 402')), [], 'no CSP refusal or page error');
    await page.context().close();
  });
});
