// The whole-widget views besides the form: the loading skeleton and the error with its retry, and the status box the
// outcomes of a payment (outcome.ts) share.
import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Translation } from '../../locales/translation.js';
import { errorMessage } from '../model/words.js';
import { errorIcon, icon } from '../../ui/icons.js';

/** The skeleton shown at once, before the session arrives. */
export function renderLoading(t: Translation): TemplateResult {
  return html`<div part="status" class="skeleton" data-skeleton aria-busy="true">
    <span class="sr-only">${t.loading}</span>
    <div class="layout" aria-hidden="true">
      <div class="summary skeleton-card">
        <span class="bone w40"></span><span class="bone h32 w60"></span><span class="bone"></span>
        <span class="bone w80"></span><span class="bone w60"></span>
      </div>
      <div class="skeleton-form">
        <span class="bone w40"></span><span class="bone h40"></span><span class="bone h40"></span>
        <span class="bone h40"></span><span class="bone h48"></span>
      </div>
    </div>
  </div>`;
}

export interface StatusOptions {
  kind: string;
  iconContent: SVGTemplateResult;
  title: string;
  /** A figure shown under the title (the amount paid). */
  amount?: string | undefined;
  /** A "Test mode" badge, so a sandbox confirmation never passes for a real one. */
  testMode?: string | undefined;
  body: string;
  busy?: boolean;
  actions?: TemplateResult | typeof nothing;
}

export function renderStatus(o: StatusOptions): TemplateResult {
  // why keyed: each view gets a heading of its own. Reused from processing to failed, the heading focus was on only
  // changed its text, and focusing it again is no focus change: nothing would read the new view.
  return html`${keyed(
    o.kind,
    html`<section part="status" class="status status-${o.kind}" aria-labelledby="qc-status-heading">
      ${o.busy ? html`<div class="spinner" aria-hidden="true"></div>` : icon(o.iconContent, 'icon status-icon')}
      <h2 id="qc-status-heading" class="state-heading" tabindex="-1" aria-describedby="qc-status-body">${o.title}</h2>
      ${o.amount ? html`<p class="status-amount" data-amount>${o.amount}</p>` : nothing}
      ${o.testMode ? html`<span class="badge" part="test-badge">${o.testMode}</span>` : nothing}
      <p class="status-body" id="qc-status-body">${o.body}</p>
      ${o.actions ? html`<div class="actions">${o.actions}</div>` : nothing}
    </section>`,
  )}`;
}

export function renderError(t: Translation, code: string, onRetry: () => void): TemplateResult {
  return renderStatus({
    kind: 'error',
    iconContent: errorIcon,
    title: t.errorTitle,
    body: errorMessage(t, code),
    actions: html`<button type="button" part="retry-button" class="button primary" data-action="retry" @click=${onRetry}>
      ${t.retry}
    </button>`,
  });
}
