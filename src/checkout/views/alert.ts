// The form's alert box, one look for every failure shown in the form: a failed save or payment, and a processor that
// cannot be used. An icon, the locale's words and, when the failure can be tried again, a retry button.
import { html, nothing, type TemplateResult } from 'lit';
import { errorIcon, icon } from '../../ui/icons.js';

export interface AlertRetry {
  label: string;
  /** The button's `data-action`, which tests and merchants' analytics find it by. */
  action: string;
  onClick: () => void;
}

/** `code` is the failure's machine code (`data-alert`), where it has one. */
export function renderAlert(text: string, retry?: AlertRetry, code?: string): TemplateResult {
  return html`<div part="alert" class="alert" data-alert=${code ?? nothing}>
    ${icon(errorIcon)}
    <p>${text}</p>
    ${retry ? html`<button type="button" class="secondary" data-action=${retry.action} @click=${retry.onClick}>${retry.label}</button>` : nothing}
  </div>`;
}
