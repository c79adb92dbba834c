// Template typings for Vue 3 (vue-tsc / Volar): `import type {} from 'quaderno-checkout/vue'` once.
// Types only; the module is empty at run time. Vue must treat the tag as a custom element:
// `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'quaderno-checkout' } } })`.
import type { DefineComponent } from 'vue';
import type { QuadernoCheckout } from './checkout/checkout.component.ts';
import type {
  QuadernoCancelEvent,
  QuadernoCompleteEvent,
  QuadernoErrorEvent,
  QuadernoReadyEvent,
  QuadernoUpdateEvent,
} from './checkout/events.ts';
import type { QuadernoCheckoutProperty } from './react.ts';

/** The props of `<quaderno-checkout>` in a Vue template; `@quaderno-complete` arrives as `onQuadernoComplete`. */
export interface QuadernoCheckoutVueProps extends Partial<Pick<QuadernoCheckout, QuadernoCheckoutProperty>> {
  'poll-interval'?: number | string;
  onQuadernoReady?: (event: QuadernoReadyEvent) => void;
  onQuadernoUpdate?: (event: QuadernoUpdateEvent) => void;
  onQuadernoComplete?: (event: QuadernoCompleteEvent) => void;
  onQuadernoCancel?: (event: QuadernoCancelEvent) => void;
  onQuadernoError?: (event: QuadernoErrorEvent) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'quaderno-checkout': DefineComponent<QuadernoCheckoutVueProps>;
  }
}
