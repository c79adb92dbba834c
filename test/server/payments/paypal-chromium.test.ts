// In headless Chromium, PayPal paid inside the merchant's page on the merchant's own PayPal app: the example
// examples/server/stripe-in-page.ts runs as a merchant runs it (its own process and origin, its strict CSP), with the
// handler's default options plus the Stripe and PayPal secrets. The sandbox plays Quaderno (private API,
// transactions), PayPal's REST API (the test double the handler is pointed at with `paypalApiUrl`) and PayPal's JS SDK
// (its browser test double, loaded through the PayPal adapter script's `data-sdk-base-url`, whose window approves the
// very order the handler created). Funding that declines at capture records nothing and the element says so; the
// next approval is captured, the verified webhook racing the customer's return, and the sandbox holds exactly one paid
// PayPal invoice with the tax; `quaderno-complete` carries its permalink and the customer lands on success_url.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import en from '../../../src/locales/en.js';
import { PAYPAL_DOUBLE_CLIENT_ID, PAYPAL_DOUBLE_CLIENT_SECRET } from '../../../src/sandbox/paypal-api/double.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.js';
import { ensureBuild, launchBrowser } from '../../build/support.js';
import { ANA, fillBilling } from '../../helpers/fill-billing.js';
import { paypalRest, type PaypalRest } from '../../helpers/paypal-rest.js';
import { API_KEY, runExample } from '../support.js';
import { openShop, sandboxInvoices, shopEnv } from './shop-page.js';
import { freePort } from './support.js';

describe('Chromium: PayPal paid inside the page through the handler, recorded once in Quaderno', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let paypal: PaypalRest;
  let shop = '';
  const children = new Set<ChildProcess>();
  const quadernoCalls: string[] = [];

  before(async () => {
    await ensureBuild();
    sandbox = await startSandbox({ port: 0, apiKey: API_KEY, processingDelayMs: 40, log: (line) => quadernoCalls.push(line) });
    paypal = await paypalRest(sandbox.url);
    const port = await freePort();
    // As a merchant does in PayPal's developer dashboard: a webhook for the handler's route, its id in the env. The
    // double delivers each event as it happens, so the approval's webhook races the element's return.
    const hook = await paypal('POST', '/v1/notifications/webhooks', {
      url: `http://127.0.0.1:${port}/checkout/webhooks/paypal`,
      event_types: [{ name: 'CHECKOUT.ORDER.APPROVED' }, { name: 'PAYMENT.CAPTURE.COMPLETED' }],
    });
    assert.equal(hook.status, 201);
    ({ url: shop } = await runExample(
      'examples/server/stripe-in-page.ts',
      {
        // why any signing secret: no card is paid here, so no Stripe event is delivered.
        ...shopEnv(sandbox, port, 'whsec_unused'),
        PAYPAL_CLIENT_ID: PAYPAL_DOUBLE_CLIENT_ID,
        PAYPAL_CLIENT_SECRET: PAYPAL_DOUBLE_CLIENT_SECRET,
        PAYPAL_WEBHOOK_ID: hook.json.id,
        // The test doubles where PayPal's hosts would be: its REST API, its JS SDK, and the origin of its window.
        PAYPAL_API_URL: sandbox.url,
        PAYPAL_SDK_URL: `${sandbox.url}/doubles/paypal-sdk.js`,
        PAYPAL_FRAME_ORIGINS: sandbox.frameUrl!,
      },
      children,
    ));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const child of children) child.kill();
    await sandbox?.close();
  });

  test('a capture declined after approval records nothing and says so; the next approval pays: one paid PayPal invoice with the tax, its permalink in quaderno-complete, success_url followed', { timeout: 90_000 }, async () => {
    const started = performance.now();
    const { tab, failed, errors, starts, completions, reported } = await openShop<{ processor: string; order_id: string; client_id: string; amount: number }>(browser, shop);
    const settings = async (approvalsDecline: boolean) => assert.equal((await paypal('POST', '/sandbox/paypal/settings', { approvals_decline: approvalsDecline })).status, 200);
    try {
      const el = tab.locator('quaderno-checkout');
      await fillBilling(tab, ANA, 'paypal');
      const button = tab.locator('div[data-processor="paypal"] [data-paypal-double="button"]');
      const approve = async () => {
        await el.locator('.totals[aria-busy="false"]').waitFor();
        await button.click();
        await tab.frameLocator('[data-paypal-double="window"] iframe').locator('#approve').click();
      };

      // Funding that PayPal declines at capture: the customer approved, the handler's capture is refused.
      await settings(true);
      await approve();
      await el.locator('[part="alert"]').waitFor({ timeout: 20_000 });
      assert.equal((await el.locator('[part="alert"] p').textContent())?.trim(), en.paypalFailed);
      assert.deepEqual(reported, ['payment_declined'], "the page's quaderno-error");
      assert.equal(await el.locator('[part="pay-button"]').count(), 0, "PayPal's button pays, not the element's");
      assert.equal(await button.isEnabled(), true, 'the customer can approve again');
      assert.equal(quadernoCalls.filter((line) => line.startsWith('POST /api/transactions')).length, 0, 'a declined capture posts no transaction');
      const declined = starts[0]!.order_id;
      assert.equal((await paypal('GET', `/v2/checkout/orders/${declined}`)).json.status, 'APPROVED', 'approved, never captured');

      await settings(false);
      await approve();
      // why no wait for the completed view: the element follows success_url as soon as it shows it.
      await tab.waitForURL(`${shop}/thanks`, { timeout: 30_000 });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      assert.deepEqual(starts.map((start) => [start.processor, start.amount, start.client_id]), [
        ['paypal', 2541, PAYPAL_DOUBLE_CLIENT_ID],
        ['paypal', 2541, PAYPAL_DOUBLE_CLIENT_ID],
      ], 'one order per click, each for 21.00 + 21 % IVA for a customer in Madrid');
      const paid = starts[1]!.order_id;
      assert.notEqual(paid, declined);
      const order = (await paypal('GET', `/v2/checkout/orders/${paid}`)).json;
      assert.equal(order.status, 'COMPLETED');
      const capture = order.purchase_units[0].payments.captures[0];

      const invoices = await sandboxInvoices(sandbox.url);
      assert.equal(invoices.length, 1, 'exactly one invoice, none for the declined capture');
      const invoice = invoices[0]!;
      assert.deepEqual([invoice.type, invoice.state, invoice.total_cents, invoice.currency], ['Invoice', 'paid', 2541, 'EUR']);
      assert.deepEqual([invoice.taxes[0].rate, invoice.taxes[0].amount_cents, invoice.taxes[0].country], [21, 441, 'ES']);
      assert.equal(invoice.contact.email, ANA.email);
      assert.deepEqual([invoice.payments[0].processor, invoice.payments[0].processor_id], ['paypal', capture.id]);
      const posts = quadernoCalls.filter((line) => line.startsWith('POST /api/transactions'));
      assert.equal(posts.length, 1, `one POST /api/transactions (${posts.join(', ')})`);

      assert.deepEqual(completions, [{ invoicePermalink: invoice.permalink, status: 'completed' }]);
      assert.deepEqual(reported, ['payment_declined'], 'no error for the payment that went through');
      // No request of the page or its frames failed (a decline at capture is the handler's to see, not a browser
      // error), and the console is clean: no CSP violation either. why a 404 line may show: the browser's own
      // /favicon.ico, which is no page request (a page resource that failed would be in `failed`).
      assert.deepEqual(failed, []);
      assert.deepEqual(errors.filter((line) => !/Failed to load resource: the server responded with a status of 404/.test(line)), []);
      console.log(`in-page PayPal (Chromium): declined capture + pay in ${seconds} s; ${starts.length} orders, ${posts.length} transaction, 1 invoice of ${invoice.total_cents} (tax ${invoice.taxes[0].amount_cents})`);
    } catch (error) {
      // why: what the page and the sandbox saw is the only trace of a failure in a browser run.
      console.log({ failed, errors, starts, sandbox: quadernoCalls.filter((line) => !line.includes('/doubles/')) });
      throw error;
    } finally {
      await tab.close();
    }
  });
});
