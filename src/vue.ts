// Template typings for Vue 3 (vue-tsc / Volar): `import type {} from 'quaderno-checkout/vue'` once.
// Types only; the module is empty at run time. Vue must treat the tag as a custom element:
// `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'quaderno-checkout' } } })`.
import type { DefineComponent } from 'vue';
import type { QuadernoCheckout } from './checkout/checkout.component.js';
import type { QuadernoEventMap } from './checkout/events.js';
import type { QuadernoCheckoutProperty } from './react.js';

/** An event name as Vue names its listener prop: `quaderno-complete` → `QuadernoComplete` (after `on`). */
type PascalCase<S extends string> = S extends `${infer Head}-${infer Rest}` ? `${Capitalize<Head>}${PascalCase<Rest>}` : Capitalize<S>;

/** A listener prop for every event in the element's event map; `@quaderno-complete` arrives as `onQuadernoComplete`. */
export type QuadernoCheckoutVueListeners = {
  [K in keyof QuadernoEventMap as `on${PascalCase<K>}`]?: (event: QuadernoEventMap[K]) => void;
};

/** The props of `<quaderno-checkout>` in a Vue template. */
export interface QuadernoCheckoutVueProps extends Partial<Pick<QuadernoCheckout, QuadernoCheckoutProperty>>, QuadernoCheckoutVueListeners {
  'poll-interval'?: number | string;
}

declare module 'vue' {
  interface GlobalComponents {
    'quaderno-checkout': DefineComponent<QuadernoCheckoutVueProps>;
  }
}
