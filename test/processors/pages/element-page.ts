// A merchant's page script for the element-level processor suites (csp.test.ts, redirect.test.ts): the registered
// `<quaderno-checkout>` with the real processors (Stripe for cards), loaded through the official loader from the
// sandbox's Stripe.js double, under a strict CSP with Trusted Types. The element sits in an open shadow root of the
// merchant's own component, so its processor container is relayed to the document. `__SANDBOX__` is the sandbox.
import '../../../src/quaderno-checkout.js';
import type { QuadernoCheckout } from '../../../src/checkout/checkout.component.js';
import { realProcessors } from '../../../src/processors/real.js';
import { allowScripts, doubleStripeLoader } from './doubles.js';
import { readablePage } from './readable.js';

declare const __SANDBOX__: string;
allowScripts([`${__SANDBOX__}/doubles/`]);

const params = new URLSearchParams(location.search);
const el = document.createElement('quaderno-checkout') as QuadernoCheckout;
el.processor = realProcessors({ stripe: { loadStripe: doubleStripeLoader(__SANDBOX__) } });
el.setAttribute('poll-interval', '50');
el.setAttribute('locale', 'en');
el.permalink = params.get('permalink') ?? '';
const shop = document.getElementById('shop')!;
shop.attachShadow({ mode: 'open' }).append(el);
// why on the page: the scan runs as the merchant's own script would, with exactly its reach.
(window as unknown as { __readable: typeof readablePage }).__readable = readablePage;
