// What a merchant's page does to use the processors under Trusted Types, here against the sandbox's SDK doubles:
// the `default` policy docs/processors.md asks for (the SDK loaders set `script.src` from strings), allowing script
// URLs from the processors' hosts only, and a Stripe loader that finds the Stripe.js double.
import { loadStripe } from '@stripe/stripe-js/pure';
import type { StripeLoader } from '../../../src/processors/stripe.js';

type Policy = { createScriptURL(url: string): unknown };
type TrustedTypesWindow = Window & {
  trustedTypes: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): Policy };
};

/** Creates the page's `default` Trusted Types policy for scripts under `prefixes`. */
export function allowScripts(prefixes: string[]): void {
  (window as unknown as TrustedTypesWindow).trustedTypes.createPolicy('default', {
    createScriptURL(url) {
      if (prefixes.some((prefix) => url.startsWith(prefix))) return url;
      throw new TypeError(`Script URL not allowed: ${url}`);
    },
  });
}

/** Adds a classic script and resolves once it ran. */
export function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

/** The official `loadStripe`, after putting the sandbox's Stripe.js double on the page. */
export function doubleStripeLoader(sandbox: string): StripeLoader {
  return async (key) => {
    if (!('Stripe' in window)) await injectScript(`${sandbox}/doubles/stripe.js`);
    return loadStripe(key);
  };
}
