// The merchant's checkout page of examples/server/stripe-in-page.ts in Chromium, as the in-page payment runs watch it:
// every failed request of the page and its frames, the console's errors, the payment starts the element asked for,
// and the element's `quaderno-complete` and `quaderno-error` events. Plus the sandbox's invoices, read back through
// its Quaderno API as a merchant would.
import type { Browser, Page } from 'playwright-core';
import type { RunningSandbox } from '../../../src/sandbox/server.js';
import { STRIPE_DOUBLE_SECRET_KEY } from '../../../src/sandbox/stripe-api/double.js';
import { collectErrors, waitForView } from '../../build/support.js';
import { API_KEY, SECRET } from '../support.js';
import { PUBLISHABLE_KEY } from './support.js';

/** The example's env on `port`: the sandbox as Quaderno, and its test doubles where Stripe's hosts would be. */
export function shopEnv(sandbox: RunningSandbox, port: number, stripeWebhookSecret: string): Record<string, string> {
  return {
    PORT: String(port),
    QUADERNO_API_URL: sandbox.url,
    QUADERNO_API_KEY: API_KEY,
    CHECKOUT_SECRET: SECRET,
    QUADERNO_PRODUCT: '000000',
    STRIPE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
    STRIPE_SECRET_KEY: STRIPE_DOUBLE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
    // Stripe's API, Stripe.js, and the origin of its card frames.
    STRIPE_API_URL: sandbox.url,
    STRIPE_JS_URL: `${sandbox.url}/doubles/stripe.js`,
    STRIPE_FRAME_ORIGINS: sandbox.frameUrl!,
  };
}

export interface ShopPage<Start> {
  tab: Page;
  /** `status method path code` of each failed response (the code from its JSON body, when it has one). */
  failed: string[];
  errors: string[];
  /** The bodies of the payment starts answered 201. */
  starts: Start[];
  completions: Array<{ invoicePermalink: string | null; status: string }>;
  /** `detail.code` of each `quaderno-error`. */
  reported: string[];
}

/** Opens `<shop>/buy` and waits for the form, listening to all of the above. */
export async function openShop<Start>(browser: Browser, shop: string): Promise<ShopPage<Start>> {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 1600 } });
  const page: ShopPage<Start> = { tab, failed: [], errors: collectErrors(tab), starts: [], completions: [], reported: [] };
  tab.on('response', (response) => {
    if (response.url().endsWith('/payment.json') && response.status() === 201) void response.json().then((body: Start) => page.starts.push(body), () => undefined);
    if (response.status() < 400) return;
    const line = `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`;
    void response.json().then(
      (body: { error?: { code?: string }; code?: string }) => page.failed.push(`${line} ${body.error?.code ?? body.code}`),
      () => page.failed.push(line),
    );
  });
  await tab.exposeFunction('recordCompletion', (detail: { invoicePermalink: string | null; status: string }) => page.completions.push(detail));
  await tab.exposeFunction('recordError', (code: string) => page.reported.push(code));
  await tab.goto(`${shop}/buy`);
  await waitForView(tab, 'form', 20_000);
  // why evaluate: the page's policy allows no inline script; the test's listeners are not the merchant's code.
  await tab.evaluate(() => {
    const el = document.querySelector('quaderno-checkout')!;
    const test = window as unknown as { recordCompletion: (d: object) => void; recordError: (code: string) => void };
    el.addEventListener('quaderno-complete', (event) => {
      const detail = (event as CustomEvent<{ invoicePermalink: string | null; session: { status: string } }>).detail;
      void test.recordCompletion({ invoicePermalink: detail.invoicePermalink, status: detail.session.status });
    });
    el.addEventListener('quaderno-error', (event) => void test.recordError((event as CustomEvent<{ code: string }>).detail.code));
  });
  return page;
}

/** Every invoice the sandbox issued, through its Quaderno API. */
export async function sandboxInvoices(sandboxUrl: string): Promise<Array<Record<string, any>>> {
  const reply = await fetch(`${sandboxUrl}/api/invoices.json`, { headers: { Authorization: `Basic ${Buffer.from(`${API_KEY}:x`).toString('base64')}` } });
  return (await reply.json()) as Array<Record<string, any>>;
}
