// The real processors' factories: what a page sets as the element's `processor`. Each adapter's code is a chunk of its
// own (lazy.ts), fetched on the first mount of a session that pays through it.
import { lazyProcessor } from './lazy.js';
import type { PaymentProcessor } from './processor.js';
import type { PaypalAdapterOptions } from './paypal.js';
import type { StripeAdapterOptions } from './stripe.js';

/** Cards through Stripe's Payment Element. */
export function stripeProcessor(options: StripeAdapterOptions = {}): PaymentProcessor {
  return lazyProcessor({ id: 'stripe', testMode: false, methods: ['card'] }, () => import('./stripe.js').then((m) => m.createStripeAdapter(options)));
}

/** PayPal's buttons. */
export function paypalProcessor(options: PaypalAdapterOptions = {}): PaymentProcessor {
  return lazyProcessor({ id: 'paypal', testMode: false, methods: ['paypal'] }, () => import('./paypal.js').then((m) => m.createPaypalAdapter(options)));
}

/** Cards through Stripe and PayPal through PayPal: the element picks by the chosen method. */
export function realProcessors(options: { stripe?: StripeAdapterOptions; paypal?: PaypalAdapterOptions } = {}): readonly PaymentProcessor[] {
  return [stripeProcessor(options.stripe), paypalProcessor(options.paypal)];
}
