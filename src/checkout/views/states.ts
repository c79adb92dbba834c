import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import { isHttpUrl } from '../../api/urls.ts';
import type { LocaleCode, Translation } from '../../locales/translation.ts';
import { formatMoney, sessionTotals } from '../../session/money.ts';
import type { CheckoutSession } from '../../session/schema.ts';
import { sessionTax } from '../model/tax.ts';
import { abandonedWords, errorMessage } from '../model/words.ts';
import { checkIcon, clockIcon, errorIcon, icon } from './icons.ts';

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

interface StatusOptions {
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

function renderStatus(o: StatusOptions): TemplateResult {
  return html`<section part="status" class="status status-${o.kind}" aria-labelledby="qc-status-heading">
    ${o.busy ? html`<div class="spinner" aria-hidden="true"></div>` : icon(o.iconContent, 'icon status-icon')}
    <h2 id="qc-status-heading" class="state-heading" tabindex="-1">${o.title}</h2>
    ${o.amount ? html`<p class="status-amount" data-amount>${o.amount}</p>` : nothing}
    ${o.testMode ? html`<span class="badge" part="test-badge">${o.testMode}</span>` : nothing}
    <p class="status-body">${o.body}</p>
    ${o.actions ? html`<div class="actions">${o.actions}</div>` : nothing}
  </section>`;
}

function link(url: string | null | undefined, text: string, part: string): TemplateResult | typeof nothing {
  // why: a link is a navigation too; only http(s) ever becomes an href.
  return isHttpUrl(url) ? html`<a part=${part} class="button primary" href=${url}>${text}</a>` : nothing;
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

export function renderProcessing(t: Translation): TemplateResult {
  return renderStatus({ kind: 'processing', iconContent: clockIcon, title: t.processing, body: t.processingHint, busy: true });
}

export function renderCompleted(
  t: Translation,
  successUrl: string | null | undefined,
  redirecting: boolean,
  amount?: string | undefined,
  testMode = false,
): TemplateResult {
  return renderStatus({
    kind: 'completed',
    iconContent: checkIcon,
    title: t.completedTitle,
    amount,
    testMode: testMode ? t.testMode : undefined,
    body: redirecting ? `${t.completedBody} ${t.redirecting}` : t.completedBody,
    actions: redirecting ? nothing : link(successUrl, t.continueToMerchant, 'continue-link'),
  });
}

export function renderFailed(t: Translation, onTryAgain: () => void): TemplateResult {
  return renderStatus({
    kind: 'failed',
    iconContent: errorIcon,
    title: t.failedTitle,
    body: t.failedBody,
    actions: html`<button type="button" part="retry-button" class="button primary" data-action="try-again" @click=${onTryAgain}>
      ${t.tryAgain}
    </button>`,
  });
}

export function renderAbandoned(
  t: Translation,
  cancelUrl: string | null | undefined,
  redirecting: boolean,
  cancelled = false,
): TemplateResult {
  const { title, body } = abandonedWords(t, cancelled);
  return renderStatus({
    kind: 'abandoned',
    iconContent: clockIcon,
    title,
    body: redirecting ? `${body} ${t.redirecting}` : body,
    actions: redirecting ? nothing : link(cancelUrl, t.returnToMerchant, 'return-link'),
  });
}

/** The total the customer paid, for the confirmation; undefined when the session's items cannot say. */
export function paidAmount(session: CheckoutSession, locale: LocaleCode): string | undefined {
  const tax = sessionTax(session);
  if (tax) return formatMoney(tax.total, tax.currency, locale);
  const totals = sessionTotals(session);
  if (session.items.length === 0 || totals.mixedCurrencies || !Number.isSafeInteger(totals.total)) return undefined;
  return formatMoney(totals.total, totals.currency, locale);
}
