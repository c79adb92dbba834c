// The real processors' factories. Each method's adapter (stripe.ts, paypal.ts) is a dynamic import, so its chunk
// (and its SDK loader) is fetched on the first mount of a session that needs it; the payment start is the core's
// lazy one (registry.ts), a chunk an app's bundler shares with the core's read of the script-tag registry.
import { AdapterProcessor } from './adapter-processor.ts';
import { coreServices } from './registry.ts';
import type { StripeAdapterOptions } from './stripe.ts';
import type { PaypalAdapterOptions } from './paypal.ts';

export { AdapterProcessor };

/** Cards through Stripe's Payment Element; the adapter chunk loads on the first mount of a card session. */
export function stripeProcessor(options: StripeAdapterOptions = {}): AdapterProcessor {
  return new AdapterProcessor({ card: () => import('./stripe.ts').then((m) => m.createStripeAdapter(options)) }, coreServices);
}

/** PayPal's buttons; the adapter chunk loads on the first mount of a PayPal session. */
export function paypalProcessor(options: PaypalAdapterOptions = {}): AdapterProcessor {
  return new AdapterProcessor({ paypal: () => import('./paypal.ts').then((m) => m.createPaypalAdapter(options)) }, coreServices);
}

/** Cards through Stripe and PayPal through PayPal: the element picks by the chosen method. */
export function realProcessors(options: { stripe?: StripeAdapterOptions; paypal?: PaypalAdapterOptions } = {}): AdapterProcessor {
  return new AdapterProcessor(
    {
      card: () => import('./stripe.ts').then((m) => m.createStripeAdapter(options.stripe)),
      paypal: () => import('./paypal.ts').then((m) => m.createPaypalAdapter(options.paypal)),
    },
    coreServices,
  );
}
