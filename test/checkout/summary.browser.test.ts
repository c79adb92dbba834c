// The order summary's phone fold (src/checkout/views/items.ts, styles/summary.styles.ts) in Chromium against the real
// sandbox: below the two-column breakpoint of the element's own width it is one line, "Show order summary" and the
// total, opened and closed from the keyboard; that line follows the tax preview; at wide widths nothing folds.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { describe, it, waitUntil } from '../helpers/harness.js';
import { openForm, requestsTo, sleep, useCheckoutSuite, type Mounted } from './support.js';

const normalize = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

/** The element at a given width (the fold follows the element's width, not the viewport's). */
async function openAt(width: number): Promise<Mounted> {
  const m = await openForm({ billing_details_collection: 'auto', customer: { billing_country: 'DE' } });
  m.el.style.width = `${width}px`;
  await m.el.updateComplete;
  return m;
}

const toggle = (m: Mounted) => m.h.$<HTMLButtonElement>('.summary-toggle')!;
const body = (m: Mounted) => m.h.$('#qc-summary-body')!;
const shown = (element: Element) => getComputedStyle(element).display !== 'none';
const collapsedTotal = (m: Mounted) => m.h.$('[data-collapsed-total]')!;
const collapsedTax = (m: Mounted) => m.h.$('[data-collapsed-tax]');

describe('<quaderno-checkout> order summary on a phone', () => {
  useCheckoutSuite();

  it('is one line with the total, collapsed by default, its button naming what it controls', async () => {
    const m = await openAt(375);
    const button = toggle(m);
    expect(shown(button)).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal(body(m).id);
    expect(shown(body(m)), 'the items, coupon and totals are folded away').to.equal(false);
    expect(normalize(button.innerText)).to.equal('Show order summary €30.94 Includes MwSt. 19% €4.94');
    expect(m.h.$('#qc-summary-heading')!.getBoundingClientRect().width, 'the heading is visually hidden').to.be.at.most(1);
    expect(m.h.$('[part="summary"]')!.getBoundingClientRect().height, 'a line and the tax under it').to.be.lessThan(100);
    await expect(m.el).to.be.accessible();
  });

  it('opens and closes from the keyboard (Enter and Space), and a re-render keeps it open', async () => {
    const m = await openAt(375);
    toggle(m).focus();
    await sendKeys({ press: 'Enter' });
    await m.el.updateComplete;
    expect(toggle(m).getAttribute('aria-expanded')).to.equal('true');
    expect(shown(body(m))).to.equal(true);
    expect(normalize(toggle(m).innerText)).to.equal('Hide order summary €30.94 Includes MwSt. 19% €4.94');
    expect(m.h.total('total')).to.equal('€30.94');
    await expect(m.el).to.be.accessible();
    await m.h.fill('email', 'ada@example.com');
    expect(toggle(m).getAttribute('aria-expanded'), 'typing elsewhere re-renders; the fold stays open').to.equal('true');
    toggle(m).focus();
    await sendKeys({ press: 'Space' });
    await m.el.updateComplete;
    expect(toggle(m).getAttribute('aria-expanded')).to.equal('false');
    expect(shown(body(m))).to.equal(false);
  });

  it('the collapsed line follows a country change (marked as updating, then the new total and tax, one preview) and a reverse charge', async () => {
    const m = await openAt(375);
    await m.h.fill('billing_country', 'FR');
    for (const figure of [collapsedTotal(m), collapsedTax(m)!]) {
      expect(figure.getAttribute('aria-busy')).to.equal('true');
      expect(figure.classList.contains('updating')).to.equal(true);
    }
    expect(normalize(collapsedTotal(m).textContent), 'the old figure stays meanwhile').to.equal('€30.94');
    await sleep(350);
    await waitUntil(() => collapsedTotal(m).getAttribute('aria-busy') === 'false', () => 'the preview to settle');
    await m.el.updateComplete;
    expect(normalize(collapsedTotal(m).textContent)).to.equal('€31.20');
    expect(collapsedTax(m)!.getAttribute('aria-busy')).to.equal('false');
    expect(normalize(collapsedTax(m)!.textContent)).to.equal('Includes TVA 20% €5.20');
    expect(normalize(toggle(m).innerText)).to.equal('Show order summary €31.20 Includes TVA 20% €5.20');
    await m.h.fill('tax_id', 'FR40303265045');
    await sleep(350);
    await waitUntil(() => collapsedTotal(m).getAttribute('aria-busy') === 'false', () => 'the preview to settle');
    await m.el.updateComplete;
    expect(collapsedTax(m), 'a reverse charge: no tax phrase').to.equal(null);
    expect(normalize(toggle(m).innerText), 'a reverse charge: no tax in the line').to.equal('Show order summary €26.00');
    expect(requestsTo('/tax.json')).to.have.length(2);
  });

  it('at a wide width nothing folds: no toggle, the heading and the whole summary show', async () => {
    const m = await openAt(780);
    expect(shown(toggle(m)), 'the toggle is not rendered (nor in the accessibility tree)').to.equal(false);
    expect(shown(body(m))).to.equal(true);
    expect(m.h.$('#qc-summary-heading')!.getBoundingClientRect().width).to.be.greaterThan(1);
    expect(m.h.total('total')).to.equal('€30.94');
    const summary = m.h.$('[part="summary"]')!.getBoundingClientRect();
    const form = m.h.$('[part="form"]')!.getBoundingClientRect();
    // why horizontal: the wide summary is sticky, so its top follows the page's scroll, not the form's.
    expect(summary.right, 'two columns: the summary beside the form').to.be.at.most(form.left);
    await expect(m.el).to.be.accessible();
  });
});
