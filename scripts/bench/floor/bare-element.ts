// Lit's floor for the size budget: the smallest useful Lit element (one reactive property, a templated render),
// bundled with the same settings as <quaderno-checkout>. Never shipped; only measured by `npm run bench`.
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';

export class BareElement extends LitElement {
  @property() name = 'World';

  override render() {
    return html`<p>Hello, ${this.name}!</p>`;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('bare-element')) {
  customElements.define('bare-element', BareElement);
}
