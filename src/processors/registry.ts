// The core's side of the classic-script adapters (dist/quaderno-checkout-stripe.iife.js, -paypal.iife.js): a page
// without a module loader adds them as script tags, and each fills one global registry. The core only reads it, when
// it picks the processor of an element, so the scripts may come before or after the core. Kept tiny on purpose: it
// is in every core bundle (the adapters themselves are not).
import type { PaymentMethod } from '../session/schema.ts';
import type { AdapterServices, ProcessorAdapter } from './mount.ts';
import type { PaymentProcessor } from './processor.ts';

/** The global the adapter scripts fill: `window.QuadernoCheckoutProcessors`. */
// why: not a property of `window.QuadernoCheckout`: the core IIFE assigns that global whole, so an adapter script
// that ran first would lose its registration.
export const REGISTRY_GLOBAL = 'QuadernoCheckoutProcessors';

export interface ProcessorRegistry {
  /** Each method's adapter, added by its script. */
  adapters: Partial<Record<PaymentMethod, () => Promise<ProcessorAdapter>>>;
  /** A new processor over `adapters`, for one element, with what the core lends it (set by the first adapter script). */
  create?: (services: AdapterServices) => PaymentProcessor;
}

/**
 * The core's services for the adapters: the payment start, which needs the HTTP layer and zod the core already has.
 * why a dynamic import: in the ES core it stays a chunk off the critical path (fetched beside an adapter); the classic
 * core's build makes it a static import (vite.lib.config.ts, `staticImports`), its own copy inside.
 */
export const coreServices: AdapterServices = {
  loadPaymentStart: () => import('./payment-start.ts').then((m) => m.startPayment),
};

const made = new WeakMap<PaymentProcessor, PaymentProcessor>();

/**
 * The processor an element pays with: its configured one, or, while that is still the default sandbox processor
 * and an adapter script has registered, one processor over the registered adapters (one per element, so it mounts once).
 */
export function registeredProcessor(configured: PaymentProcessor): PaymentProcessor {
  const create = (globalThis as { [REGISTRY_GLOBAL]?: ProcessorRegistry })[REGISTRY_GLOBAL]?.create;
  if (!create || configured.id !== 'sandbox') return configured;
  let processor = made.get(configured);
  if (!processor) made.set(configured, (processor = create(coreServices)));
  return processor;
}
