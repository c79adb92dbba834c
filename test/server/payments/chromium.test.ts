// In headless Chromium, a card paid inside the merchant's page on the merchant's own Stripe account: the example
// examples/server/stripe-in-page.ts runs as a merchant runs it (its own process and origin, its strict CSP), with the
// handler's default options plus the Stripe keys. The sandbox plays Quaderno (private API, transactions), Stripe's
// API (the test double the `stripe` SDK is pointed at) and Stripe.js (its browser test double, loaded where
// js.stripe.com would be, confirming the intent the handler's payment start created). A declined card records
// nothing; the success card then pays, the signed webhook and the customer's return both reach the handler, and the
// sandbox holds exactly one paid invoice with the tax; `quaderno-complete` carries its permalink and the customer
// lands on success_url. Showing the card fields starts no payment: the one PaymentIntent is Pay's.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import en from '../../../src/locales/en.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.js';
import { ensureBuild, launchBrowser } from '../../build/support.js';
import { ANA, fillBilling } from '../../helpers/fill-billing.js';
import { API_KEY, runExample } from '../support.js';
import { openShop, sandboxInvoices, shopEnv } from './shop-page.js';
import { deliver, freePort, PUBLISHABLE_KEY, sdkFor, setAutoDeliver } from './support.js';

describe('Chromium: a card paid inside the page through the handler, recorded once in Quaderno', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let shop = '';
  const children = new Set<ChildProcess>();
  const quadernoCalls: string[] = [];

  before(async () => {
    await ensureBuild();
    sandbox = await startSandbox({ port: 0, apiKey: API_KEY, processingDelayMs: 40, log: (line) => quadernoCalls.push(line) });
    const stripe = sdkFor(sandbox.url);
    const port = await freePort();
    // As a merchant does in Stripe's dashboard: an endpoint for the handler's webhook route, its signing secret in the env.
    // why off: the test delivers each event itself, so it knows every delivery happened and what it was answered.
    await setAutoDeliver(sandbox.url, false);
    const endpoint = await stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${port}/checkout/webhooks/stripe`, enabled_events: ['payment_intent.succeeded'] });
    // why a seller in Spain: the customer from Madrid is then domestic, and must give a tax ID before paying.
    const env = { ...shopEnv(sandbox, port, endpoint.secret!), QUADERNO_SELLER_COUNTRY: 'ES' };
    ({ url: shop } = await runExample('examples/server/stripe-in-page.ts', env, children));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const child of children) child.kill();
    await sandbox?.close();
  });

  test('a decline records nothing; the success card pays: one paid invoice with the tax, its permalink in quaderno-complete, success_url followed', { timeout: 90_000 }, async () => {
    const started = performance.now();
    const { tab, failed, errors, starts, completions } = await openShop<{ processor_id: string; client_secret: string; amount: number; publishable_key: string }>(browser, shop);
    try {
      const el = tab.locator('quaderno-checkout');
      const stripe = sdkFor(sandbox.url);
      const created = async () => (await stripe.events.list({ type: 'payment_intent.created' })).data.length;
      // The card fields load from the session's publishable key and total: showing them started no payment.
      await el.frameLocator('div[data-processor="stripe"] iframe').locator('#number').waitFor({ timeout: 20_000 });
      assert.deepEqual([starts.length, await created()], [0, 0], 'no payment start and no PaymentIntent for a page that shows the card fields');
      // A domestic customer without the tax ID yet: Pay says so on the tax-ID field, and starts nothing.
      await fillBilling(tab, { ...ANA, tax_id: '' });
      await el.locator('.totals[aria-busy="false"]').waitFor();
      await el.locator('[part="pay-button"]').click();
      await el.locator('#qc-tax_id-error', { hasText: en.validation.taxIdRequired }).waitFor({ timeout: 20_000 });
      assert.deepEqual([starts.length, await created()], [0, 0], 'a Pay refused for the missing tax ID makes no PaymentIntent');
      await fillBilling(tab, ANA);
      const card = el.frameLocator('div[data-processor="stripe"] iframe');
      const typeCard = async (number: string) => {
        await card.locator('#number').fill('');
        await card.locator('#number').pressSequentially(number);
        await card.locator('#expiry').fill('');
        await card.locator('#expiry').pressSequentially('1239');
        await card.locator('#cvc').fill('123');
        // why: the frame's last change event crosses processes to the page before Pay reads the fields.
        await tab.waitForTimeout(300);
        await el.locator('.totals[aria-busy="false"]').waitFor();
        await el.locator('[part="pay-button"]').click();
      };
      assert.equal(await el.locator('#qc-card_number').count(), 0, "Stripe's fields, not the sandbox's own");

      // A declined card: the element says so, and nothing reaches Quaderno's transactions.
      await typeCard('4000000000000002');
      await el.locator('[part="alert"]').waitFor({ timeout: 20_000 });
      assert.equal((await el.locator('[part="alert"] p').textContent())?.trim(), en.cardDeclined);
      // One start, Pay's, for the confirmed total.
      assert.deepEqual(starts.map((start) => start.amount), [2541], '21.00 + 21 % IVA for a customer in Madrid');
      assert.ok(starts.every((start) => start.publishable_key === PUBLISHABLE_KEY));
      assert.equal(quadernoCalls.filter((line) => line.startsWith('POST /api/transactions')).length, 0, 'a decline posts no transaction');

      // The success card: the same intent (its amount unchanged) is confirmed in the page. The test is Stripe's
      // webhook sender: the signed event goes out as soon as it exists, racing the element's return to the handler.
      await typeCard('4242424242424242');
      let succeeded: Array<{ id: string }> = [];
      for (let i = 0; i < 200 && succeeded.length === 0; i++) {
        succeeded = (await stripe.events.list({ type: 'payment_intent.succeeded' })).data;
        if (succeeded.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.equal(succeeded.length, 1, 'one payment_intent.succeeded');
      const first = deliver(sandbox.url, succeeded[0]!.id);
      // why no wait for the completed view: the element follows success_url as soon as it shows it.
      await tab.waitForURL(`${shop}/thanks`, { timeout: 30_000 });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const intent = starts.at(-1)!.processor_id;
      assert.deepEqual(starts.map((s) => s.processor_id), [intent, intent], 'the declined intent was reused for the success card');
      assert.equal((await stripe.paymentIntents.retrieve(intent)).status, 'succeeded');
      assert.equal(await created(), 1, 'one PaymentIntent in all');
      // Whichever came first, the webhook was answered 200; delivered twice more (Stripe retries), still 200 each.
      assert.deepEqual(await first, [200]);
      assert.deepEqual(await Promise.all([deliver(sandbox.url, succeeded[0]!.id), deliver(sandbox.url, succeeded[0]!.id)]), [[200], [200]]);

      const invoices = await sandboxInvoices(sandbox.url);
      const ours = invoices.filter((doc) => doc.custom_metadata?.payment_intent === intent);
      assert.equal(ours.length, 1, 'exactly one invoice for the payment');
      assert.equal(invoices.length, 1, 'and none for the decline');
      const invoice = ours[0]!;
      assert.deepEqual([invoice.type, invoice.state, invoice.total_cents, invoice.currency], ['Invoice', 'paid', 2541, 'EUR']);
      assert.deepEqual([invoice.taxes[0].rate, invoice.taxes[0].amount_cents, invoice.taxes[0].country], [21, 441, 'ES']);
      assert.equal(invoice.contact.email, ANA.email);
      assert.match(invoice.payments[0].processor_id, /^ch_/);
      const posts = quadernoCalls.filter((line) => line.startsWith('POST /api/transactions'));
      assert.equal(posts.length, 1, `one POST /api/transactions (${posts.join(', ')})`);

      assert.deepEqual(completions, [{ invoicePermalink: invoice.permalink, status: 'completed' }]);
      // The one failed request of the page and its frames is the declined confirm; the rest of the console is clean
      // (no CSP violation either). why a 404 line may show: the browser's own /favicon.ico, which is no page request
      // (a page resource that failed would be in `failed` above).
      assert.deepEqual(failed.map((line) => line.replace(/pi_\w+/, 'pi_…')), ['402 POST /doubles/stripe/v1/payment_intents/pi_…/confirm card_declined']);
      assert.deepEqual(errors.filter((line) => !/Failed to load resource: the server responded with a status of (402|404)/.test(line)), []);
      console.log(`in-page Stripe (Chromium): decline + pay in ${seconds} s; ${starts.length} starts, ${posts.length} transaction, 1 invoice of ${invoice.total_cents} (tax ${invoice.taxes[0].amount_cents}); 3 webhook deliveries answered 200`);
    } catch (error) {
      // why: what the page and the sandbox saw is the only trace of a failure in a browser run.
      console.log({ failed, errors, starts: starts.map((s) => s.amount), sandbox: quadernoCalls.filter((line) => !line.includes('/doubles/')) });
      throw error;
    } finally {
      await tab.close();
    }
  });
});
