// A merchant's page script for csp.test.ts: mounts one adapter under a strict CSP with Trusted Types, against the
// sandbox's SDK doubles. Bundled by the test; `__SANDBOX__` is the sandbox's origin.
import { createPublicClient } from '../../../src/api/public.js';
import en from '../../../src/locales/en.js';
import type { PayOutcome, ProcessorContext } from '../../../src/processors/processor.js';
import { startPayment } from '../../../src/processors/payment-start.js';
import { createPaypalAdapter } from '../../../src/processors/paypal.js';
import { createStripeAdapter } from '../../../src/processors/stripe.js';
import { allowScripts, doubleStripeLoader } from './doubles.js';

declare const __SANDBOX__: string;
type PageWindow = Window & {
  __pay?: () => Promise<void>;
  __outcome?: PayOutcome;
  __ready?: boolean;
  __failure?: string;
};
const page = window as unknown as PageWindow;
allowScripts([`${__SANDBOX__}/doubles/`]);

const params = new URLSearchParams(location.search);
const permalink = params.get('permalink') ?? '';
const method = params.get('processor') === 'paypal' ? 'paypal' : 'card';
const host = document.getElementById('checkout')!;
const container = document.getElementById('processor')!;
const ctx: ProcessorContext = {
  method,
  locale: 'en',
  t: en,
  theme: 'auto',
  session: { permalink } as ProcessorContext['session'],
  currency: 'EUR',
  disabled: false,
  publicKeys: {},
  errors: {},
  host,
  // why the session's total: the start requires the total the customer confirmed, here the saved one.
  start: async (m) => startPayment(permalink, m, (await (await fetch(`${permalink}.json`)).json()).tax.total),
  report: () => {},
  begin: async () => true,
  finish: (outcome) => void (page.__outcome = outcome),
};

try {
  if (method === 'card') {
    const adapter = createStripeAdapter({ loadStripe: doubleStripeLoader(__SANDBOX__) });
    const mounted = await adapter.mount(container, ctx);
    page.__pay = async () => {
      page.__outcome = await mounted.pay({
        method,
        session: ctx.session,
        client: createPublicClient(permalink),
        signal: new AbortController().signal,
        billing: { name: 'Ada', email: 'ada@example.com', address: { line1: null, line2: null, city: null, postal_code: null, country: 'ES' } },
        returnUrl: location.href,
        total: (await (await fetch(`${permalink}.json`)).json()).tax.total,
      });
    };
  } else {
    // The page's nonce for PayPal's injected styles, as a merchant passes it (`?nonce=off`: a page that forgets).
    const cspNonce = params.get('nonce') === 'off' ? undefined : document.querySelector<HTMLScriptElement>('script[type="module"][nonce]')?.nonce;
    await createPaypalAdapter({ sdkBaseUrl: `${__SANDBOX__}/doubles/paypal-sdk.js`, cspNonce }).mount(container, ctx);
  }
  page.__ready = true;
} catch (error) {
  page.__failure = String(error);
}
