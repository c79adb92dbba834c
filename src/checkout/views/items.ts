import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { LocaleCode, Translation } from '../../locales/translation.js';
import { formatMoney, lineTotal, sessionTotals, toMinor } from '../../session/money.js';
import type { ProtocolSession } from '../../protocol/session.js';
import type { TaxSummary } from '../model/tax.js';
import { icon } from '../../ui/icons.js';
import { renderTaxRows, taxPhrase } from './tax.js';

const chevron = svg`<path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

/**
 * The phone layout's disclosure. why a button with aria-expanded and aria-controls, not <details>: the fold exists
 * only below the two-column breakpoint (a container query), and at wide widths the summary must show whatever the
 * fold's state; a closed <details> hides its content at every width, and no CSS opens it portably. why its state
 * lives in the DOM (like a <details>' `open`), not in the checkout model: it is presentation only; Lit binds neither
 * attribute, so a re-render (a new total, a keystroke) keeps it, and the words follow it in CSS.
 */
function toggleSummary(event: Event): void {
  const button = event.currentTarget as HTMLElement;
  button.setAttribute('aria-expanded', button.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
}

/**
 * The order summary: each item with quantity, unit price and line total, then subtotal, discount, tax and total.
 * Below the two-column breakpoint it folds to one line, "Show order summary" and the total (checkout.styles.ts).
 */
export function renderItems(
  t: Translation,
  locale: LocaleCode,
  session: ProtocolSession,
  coupon: TemplateResult | typeof nothing,
  tax: TaxSummary | undefined,
  updating: boolean,
): TemplateResult {
  const items = sessionTotals(session);
  // why: the server's tax summary is what will be charged; the items' own sums only stand in for an older server.
  const totals = tax ? { ...items, subtotal: tax.subtotal, discount: tax.discount, total: tax.total } : items;
  const money = (minor: number, currency = totals.currency) => formatMoney(minor, currency, locale);
  const count = session.items.reduce((sum, item) => sum + item.quantity, 0);
  const phrase = tax && taxPhrase(t, locale, tax);
  const busy = updating ? 'updating' : '';
  const busyMark = updating ? 'true' : 'false';
  // why: the lines change only with the session or the locale; unguarded, every keystroke in the form re-formats
  // and re-diffs every line (the keystroke rows of `npm run bench`).
  const lines = guard([session.items, locale, t], () =>
    session.items.map((item) => {
      const unit = money(toMinor(item.amount), item.currency);
      return html`<li part="item" class="item">
        <div class="item-main">
          <span class="item-name">${item.name}</span>
          ${item.description ? html`<span class="item-description">${item.description}</span>` : nothing}
          <span class="item-quantity">
            <span aria-hidden="true">${t.quantityTimesPrice(item.quantity, unit)}</span>
            <span class="sr-only">${t.quantity}: ${item.quantity}. ${t.unitPrice}: ${unit}.</span>
          </span>
        </div>
        <span class="item-total"><span class="sr-only">${t.lineTotal}: </span>${money(lineTotal(item), item.currency)}</span>
      </li>`;
    }),
  );
  return html`<section part="summary" class="summary" aria-labelledby="qc-summary-heading">
    <h2 id="qc-summary-heading" class="summary-heading state-heading" tabindex="-1">${t.orderSummary}</h2>
    <button type="button" class="summary-toggle" aria-expanded="false" aria-controls="qc-summary-body" @click=${toggleSummary}>
      <span class="toggle-row">
        <span class="toggle-label">
          <span class="when-collapsed">${t.showOrderSummary}</span><span class="when-expanded">${t.hideOrderSummary}</span>${icon(chevron, 'chevron')}
        </span>
        <span class="toggle-total ${busy}" aria-busy=${busyMark} data-collapsed-total>${money(totals.total)}</span>
      </span>
      ${phrase ? html`<span class="toggle-tax ${busy}" aria-busy=${busyMark} data-collapsed-tax>${phrase}</span>` : nothing}
    </button>
    <div id="qc-summary-body" class="summary-body">
      <p class="summary-total ${updating ? 'updating' : ''}" aria-hidden="true">${money(totals.total)}</p>
      <p class="item-count">${t.itemCount(count)}</p>
      <ul class="items" role="list">
        ${lines}
      </ul>
      ${coupon}
      <dl class="totals ${updating ? 'updating' : ''}" aria-busy=${updating ? 'true' : 'false'}>
        <div class="totals-row">
          <dt>${t.subtotal}</dt>
          <dd data-total="subtotal">${money(totals.subtotal)}</dd>
        </div>
        ${totals.discount > 0 && session.coupon
          ? html`<div class="totals-row discount">
              <dt>${t.discountWithCode(session.coupon.code)}</dt>
              <dd data-total="discount">−${money(totals.discount)}</dd>
            </div>`
          : nothing}
        ${tax ? renderTaxRows(t, locale, tax) : nothing}
        <div part="total" class="totals-row total">
          <dt>${t.total}</dt>
          <dd data-total="total">${money(totals.total)}</dd>
        </div>
      </dl>
    </div>
  </section>`;
}
