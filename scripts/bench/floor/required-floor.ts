// The floor under the issues' requirements: the bare Lit element, plus what the foundation and locale issues
// oblige every build to carry — one zod/mini object schema parsing the data, and the ten translations.
// It renders nothing a customer could use; it only shows how much of the 25 KB budget is spoken for before any
// checkout code. Never shipped; only measured by `npm run bench`.
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import * as z from 'zod/mini';
import ca from '../../../src/locales/ca.ts';
import de from '../../../src/locales/de.ts';
import en from '../../../src/locales/en.ts';
import es from '../../../src/locales/es.ts';
import fi from '../../../src/locales/fi.ts';
import fr from '../../../src/locales/fr.ts';
import hu from '../../../src/locales/hu.ts';
import nl from '../../../src/locales/nl.ts';
import no from '../../../src/locales/no.ts';
import sv from '../../../src/locales/sv.ts';

const translations = { ca, de, en, es, fi, fr, hu, nl, no, sv };
const data = z.looseObject({ name: z.nullish(z.string()), locale: z.enum(['ca', 'de', 'en', 'es', 'fi', 'fr', 'hu', 'nl', 'no', 'sv']) });

export class FloorElement extends LitElement {
  @property() json = '{"name":"World","locale":"en"}';

  override render() {
    const parsed = data.safeParse(JSON.parse(this.json));
    if (!parsed.success) return html`<p>${parsed.error.issues[0]?.message}</p>`;
    return html`<p>${translations[parsed.data.locale].total}: ${parsed.data.name}</p>`;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('floor-element')) {
  customElements.define('floor-element', FloorElement);
}
