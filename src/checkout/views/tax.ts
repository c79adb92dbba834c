import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleCode, Translation } from '../../locales/translation.js';
import { formatMoney } from '../../session/money.js';
import type { TaxLine, TaxSummary } from '../model/tax.js';

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A rate in the display locale's own percent style: "21%", "19 %", "21 %". */
export function formatRate(rate: number, locale: LocaleCode): string {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 });
    percentFormats.set(locale, format);
  }
  return format.format(rate / 100);
}

/** A line's label: the server's name and the formatted rate, and a stacked tax after it (Canada's PST/QST). */
export function taxLabel(line: TaxLine, locale: LocaleCode): string {
  const main = `${line.name} ${formatRate(line.rate, locale)}`;
  return line.extra_name && line.extra_rate ? `${main} + ${line.extra_name} ${formatRate(line.extra_rate, locale)}` : main;
}

/**
 * The tax rows of the totals: exclusive lines as amounts, inclusive ones as "Includes …", a localized note for a
 * reverse charge, the server's note for another 0% line, and nothing where no tax applies.
 */
export function renderTaxRows(t: Translation, locale: LocaleCode, tax: TaxSummary): TemplateResult | typeof nothing {
  if (tax.needs.includes('postal_code')) {
    return html`<div class="totals-row tax-note" data-tax="needs-postal-code"><dt>${t.taxNeedsPostalCode}</dt><dd></dd></div>`;
  }
  const money = (minor: number) => formatMoney(minor, tax.currency, locale);
  const rows = tax.lines.map((line) => {
    if (line.status === 'reverse_charge') return html`<div class="totals-row tax-note" data-tax="reverse-charge"><dt>${t.reverseCharge}</dt><dd></dd></div>`;
    if (line.rate === 0 || line.amount === 0) {
      return line.notes ? html`<div class="totals-row tax-note" data-tax="note"><dt>${line.notes}</dt><dd></dd></div>` : nothing;
    }
    const label = taxLabel(line, locale);
    return line.behavior === 'inclusive'
      ? html`<div class="totals-row tax-included" data-tax="included"><dt>${t.includesTax(label)}</dt><dd>${money(line.amount)}</dd></div>`
      : html`<div class="totals-row tax" data-tax="line"><dt>${label}</dt><dd>${money(line.amount)}</dd></div>`;
  });
  return html`${rows}`;
}

/**
 * The tax in one phrase for the folded summary's line ("Includes MwSt. 19% €4.94"), or undefined where no tax is
 * charged (none applies, a reverse charge, a rate still waiting for the postal code).
 */
export function taxPhrase(t: Translation, locale: LocaleCode, tax: TaxSummary): string | undefined {
  const charged = tax.needs.length === 0 ? tax.lines.filter((line) => line.amount > 0) : [];
  if (charged.length === 0) return undefined;
  const labels = charged.map((line) => taxLabel(line, locale)).join(', ');
  return `${t.includesTax(labels)} ${formatMoney(tax.tax, tax.currency, locale)}`;
}

/**
 * What the polite live region says when the tax shown changes: each tax row as the totals show it, then the total
 * ("MwSt. 19% €2.56. Total due: €16.05"; "Reverse charge: … Total due: €13.49").
 */
export function taxChangeWords(t: Translation, locale: LocaleCode, tax: TaxSummary): string {
  const money = (minor: number) => formatMoney(minor, tax.currency, locale);
  if (tax.needs.includes('postal_code')) return t.taxNeedsPostalCode;
  const rows = tax.lines.flatMap((line) => {
    if (line.status === 'reverse_charge') return [t.reverseCharge];
    if (line.rate === 0 || line.amount === 0) return line.notes ? [line.notes] : [];
    const label = taxLabel(line, locale);
    return [line.behavior === 'inclusive' ? `${t.includesTax(label)} ${money(line.amount)}` : `${label} ${money(line.amount)}`];
  });
  // why: a row may end with its own full stop (the reverse-charge note); the next sentence starts after one.
  return [...rows, `${t.total}: ${money(tax.total)}`].map((part) => part.replace(/[.。]\s*$/, '')).join('. ') + '.';
}
