// The element's own processors: the sandbox's (its default, a chunk of its own fetched on the first mount) and the
// hosted hand-off. The real processors' factories are in real.ts, apart, so the element's module graph never
// reaches the adapters.
import { capabilitiesOf } from '../protocol/capabilities.js';
import type { CheckoutSession } from '../session/schema.js';
import { createHostedProcessor } from './hosted.js';
import { lazyProcessor } from './lazy.js';
import type { PaymentProcessor } from './processor.js';

/**
 * The sandbox processor's height per method while its code loads: measured in Chromium at the default font size and
 * spacing and a wide widget (card 265 px, PayPal 179 px at 15 px), scaled by the merchant's font size. (Custom
 * properties survive the container's `all: initial`.)
 */
const SANDBOX_HEIGHT: Partial<Record<string, string>> = {
  card: 'calc(17.66 * var(--quaderno-font-size, 15px))',
  paypal: 'calc(11.96 * var(--quaderno-font-size, 15px))',
};

/** The sandbox's test card and PayPal choice (the element's default): pays through the sandbox's `pay.json`. */
export function sandboxProcessor(): PaymentProcessor {
  return lazyProcessor({ id: 'sandbox', testMode: true, startsPayments: false, reserve: (method) => SANDBOX_HEIGHT[method] ?? '' }, () =>
    import('./sandbox.js').then((m) => m.createSandboxProcessor()),
  );
}

/**
 * The hosted hand-off: paying sends the customer to the session's `hosted_url`. why not lazy: it is a paragraph and
 * a navigation (0.4 KB), less than a chunk's request and the classic build's lazy-module wrapping cost.
 */
export function hostedProcessor(): PaymentProcessor {
  return createHostedProcessor();
}

/** Whether a session is paid elsewhere: its server offers the hosted page and no payment of its own. */
export function paysOnHostedPage(session: CheckoutSession | undefined): boolean {
  if (!session) return false;
  const can = capabilitiesOf({ capabilities: session.capabilities });
  return can.has('hosted_payment') && !can.has('pay');
}
