import { html, type TemplateResult } from 'lit';
import type { Translation } from '../../locales/translation.js';
import { clockIcon, icon } from '../../ui/icons.js';

/**
 * The warning before an idle checkout closes, with its one action. why no role here: the element says it through its
 * assertive live region when it appears (a region added with its text is not reliably announced), and the button
 * is a plain button in the tab order, first in the form.
 */
export function renderExpiryWarning(t: Translation, minutes: number, onExtend: () => void): TemplateResult {
  return html`<div part="notice" class="notice expiry-warning" data-expiry>
    ${icon(clockIcon)}
    <p id="qc-expiry-text">${t.expiryWarning(minutes)}</p>
    <button type="button" class="button primary" data-action="extend" aria-describedby="qc-expiry-text" @click=${onExtend}>
      ${t.expiryExtend}
    </button>
  </div>`;
}
