// A processor that cannot be used (its SDK did not load, or refused its configuration), shown in its place: the
// locale's words and a retry, looking like the form's other alerts. why no role: the element says it through its
// assertive region (a box added with its text in it is not reliably announced), as it does the form's alerts.
import { adoptStyles, html, render } from 'lit';
import type { Translation } from '../../locales/translation.js';
import type { ProcessorError } from '../../processors/errors.js';
import { themeStyles } from '../../ui/theme.styles.js';
import { formStyles } from '../styles/form.styles.js';
import { stateStyles } from '../styles/states.styles.js';
import { renderAlert } from './alert.js';

/**
 * Renders the failure into the processor's container and returns its box. why a shadow root of the container's own:
 * the container is a light-DOM child of the element (card SDKs refuse shadow roots), which the element's styles do
 * not reach and `::slotted` resets to initial values, so a bare button there was 21 px high with the browser's thin
 * focus ring, and the text was black on the dark scheme. A failed container is never mounted into again (its retry
 * makes a new one), so the shadow root hides nothing a processor needs.
 */
export function renderProcessorFailure(container: HTMLElement, t: Translation, error: ProcessorError, onRetry: () => void): HTMLElement {
  container.replaceChildren();
  const root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
  adoptStyles(root, [themeStyles, formStyles, stateStyles]);
  render(
    html`<div class="processor-fields">${renderAlert(t[error.messageKey], { label: t.retry, action: 'processor-retry', onClick: onRetry })}</div>`,
    root,
  );
  return root.querySelector<HTMLElement>('.alert')!;
}
