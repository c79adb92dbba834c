// The outcomes of a payment (processing, completed, failed, abandoned) and what a screen reader hears when one shows.
import { html, nothing, type TemplateResult } from 'lit';
import { isHttpUrl } from '../../api/urls.js';
import type { LocaleCode, Translation } from '../../locales/translation.js';
import { formatMoney, sessionTotals } from '../../session/money.js';
import type { ProtocolSession } from '../../protocol/session.js';
import type { CheckoutState } from '../model/state.js';
import { sessionTax } from '../model/tax.js';
import { abandonedWords, type Words } from '../model/words.js';
import { checkIcon, clockIcon, errorIcon } from '../../ui/icons.js';
import { renderStatus } from './states.js';

/** A state after the form: a payment processing or settled, or a session abandoned. */
export type OutcomeState = Extract<CheckoutState, { kind: 'processing' | 'completed' | 'failed' | 'abandoned' }>;

/** The view of an outcome; `testMode` badges a sandbox confirmation. */
export function renderOutcome(state: OutcomeState, t: Translation, locale: LocaleCode, testMode: boolean, onTryAgain: () => void): TemplateResult {
  switch (state.kind) {
    case 'processing':
      return renderProcessing(t);
    case 'completed':
      return renderCompleted(t, state.session.success_url, state.redirecting, paidAmount(state.session, locale), testMode);
    case 'failed':
      return renderFailed(t, onTryAgain);
    case 'abandoned':
      return renderAbandoned(t, state.session.cancel_url, state.redirecting, state.cancelledHere);
  }
}

/** What a screen reader hears when an outcome shows (the error view's words are the model's own announcement). */
export function outcomeWords(state: CheckoutState): Words | undefined {
  switch (state.kind) {
    case 'processing':
      return (t) => `${t.processing} ${t.processingHint}`;
    case 'completed':
      return (t) => (state.redirecting ? `${t.completedTitle}. ${t.redirecting}` : t.completedTitle);
    case 'failed':
      return (t) => `${t.failedTitle}. ${t.failedBody}`;
    case 'abandoned':
      return (t) => {
        const { title, body } = abandonedWords(t, state.cancelledHere);
        return `${title}. ${body}`;
      };
    default:
      return undefined;
  }
}

function link(url: string | null | undefined, text: string, part: string): TemplateResult | typeof nothing {
  // why: a link is a navigation too; only http(s) ever becomes an href.
  return isHttpUrl(url) ? html`<a part=${part} class="button primary" href=${url}>${text}</a>` : nothing;
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
export function paidAmount(session: ProtocolSession, locale: LocaleCode): string | undefined {
  const tax = sessionTax(session);
  if (tax) return formatMoney(tax.total, tax.currency, locale);
  const totals = sessionTotals(session);
  if (session.items.length === 0 || totals.mixedCurrencies || !Number.isSafeInteger(totals.total)) return undefined;
  return formatMoney(totals.total, totals.currency, locale);
}
