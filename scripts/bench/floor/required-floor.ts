// The floor under the checkout's requirements: the bare Lit element, plus what the stack and the locales oblige
// every ES core to carry — one zod/mini object schema parsing the data, and the one locale the core holds
// (English; the others load as chunks). It renders nothing a customer could use; it only shows how much of
// the critical-path goal is spoken for before any checkout code. Never shipped; only measured by `npm run bench`.
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import * as z from 'zod/mini';
import en from '../../../src/locales/en.js';
import { LOCALE_CODES } from '../../../src/session/locale-codes.js';

const data = z.looseObject({ name: z.nullish(z.string()), locale: z.enum(LOCALE_CODES) });

export class FloorElement extends LitElement {
  @property() json = '{"name":"World","locale":"en"}';

  override render() {
    const parsed = data.safeParse(JSON.parse(this.json));
    if (!parsed.success) return html`<p>${parsed.error.issues[0]?.message}</p>`;
    return html`<p lang=${parsed.data.locale}>${en.total}: ${parsed.data.name}</p>`;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('floor-element')) {
  customElements.define('floor-element', FloorElement);
}
