// The adapter scripts' side of registry.ts: what dist/quaderno-checkout-stripe.iife.js and -paypal.iife.js run when
// they load. Each brings its own copy of the AdapterProcessor (a classic script cannot share modules) but not the
// payment start: the core passes its own to `create` (registry.ts), so no adapter script carries the HTTP layer or
// zod. The first script to load sets `create`, and every script adds its method's adapter to the one registry.
import { AdapterProcessor } from './adapter-processor.ts';
import type { ProcessorAdapter } from './mount.ts';
import { REGISTRY_GLOBAL, type ProcessorRegistry } from './registry.ts';
import type { PaymentMethod } from '../session/schema.ts';

/** Adds a method's adapter to the page's registry (creating it), so every element on the page pays through it. */
export function registerAdapter(method: PaymentMethod, load: () => Promise<ProcessorAdapter>): ProcessorRegistry {
  const scope = globalThis as { [REGISTRY_GLOBAL]?: ProcessorRegistry };
  const registry = (scope[REGISTRY_GLOBAL] ??= { adapters: {} });
  registry.adapters[method] = load;
  // why: the processor reads `adapters` when a method is chosen, so a script that registers later still counts.
  registry.create ??= (services) => new AdapterProcessor(registry.adapters, services);
  return registry;
}

/** The `data-*` options of the script tag that is running now (read at once: `currentScript` is null later). */
export function scriptOptions(): { data: DOMStringMap; nonce: string | undefined } {
  const script = typeof document === 'undefined' ? null : (document.currentScript as HTMLScriptElement | null);
  return { data: script?.dataset ?? {}, nonce: script?.nonce || undefined };
}
