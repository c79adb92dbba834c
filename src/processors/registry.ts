// The classic-script adapters (dist/quaderno-checkout-stripe.iife.js, -paypal.iife.js): a page without a module
// loader adds them as script tags, and each adds its processor to one global list. The core only reads it when it
// picks an element's processors, so the scripts may come before or after the core. Tiny on purpose: the core and
// each adapter script carry it.
import type { PaymentProcessor } from './processor.js';

/** The global the adapter scripts fill: `window.QuadernoCheckoutProcessors`. */
// why: not a property of `window.QuadernoCheckout`: the core IIFE assigns that global whole, so an adapter script
// that ran first would lose its registration.
export const REGISTRY_GLOBAL = 'QuadernoCheckoutProcessors';

type Scope = { [REGISTRY_GLOBAL]?: PaymentProcessor[] };

/** Adds a processor to the page's list (creating it), so every element that keeps its default pays through it. */
export function registerProcessor(processor: PaymentProcessor): readonly PaymentProcessor[] {
  const list = ((globalThis as Scope)[REGISTRY_GLOBAL] ??= []);
  list.push(processor);
  return list;
}

/** The processors the page's adapter scripts registered, in the order they ran (empty without any). */
export function registeredProcessors(): readonly PaymentProcessor[] {
  return (globalThis as Scope)[REGISTRY_GLOBAL] ?? [];
}

/** The `data-*` options of the script tag that is running now (read at once: `currentScript` is null later). */
export function scriptOptions(): { data: DOMStringMap; nonce: string | undefined } {
  const script = typeof document === 'undefined' ? null : (document.currentScript as HTMLScriptElement | null);
  return { data: script?.dataset ?? {}, nonce: script?.nonce || undefined };
}
