// Registers <quaderno-checkout>. Import this module for the tag; import `index.ts` for the side-effect-free API.
import { QuadernoCheckout } from './checkout/checkout.component.js';

export { QuadernoCheckout };
export default QuadernoCheckout;

// why: importing in Node (SSR, tests, bundler analysis) must not touch browser globals; loading twice must not throw.
if (typeof customElements !== 'undefined' && !customElements.get('quaderno-checkout')) {
  customElements.define('quaderno-checkout', QuadernoCheckout);
}

declare global {
  interface HTMLElementTagNameMap {
    'quaderno-checkout': QuadernoCheckout;
  }
}
