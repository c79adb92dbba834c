// What the polite live region says when the tax shown changes (a country, a postal code, a VAT number): the new tax
// rows and total, once per change. No DOM here.
import type { LocaleCode, Translation } from '../locales/translation.js';
import type { FormView } from './model/derive.js';
import type { CheckoutState } from './model/state.js';
import { taxChangeWords } from './views/tax.js';

export class TaxAnnouncer {
  /** The tax rows and total last shown, as the region would say them (undefined until a form shows). */
  private last: { locale: LocaleCode; words: string } | undefined;

  /**
   * Called after every render: the words to announce, or undefined. why only a preview's change: a change that came
   * with a save (a coupon, a payment) has its own announcement, and the first form shown is no change. why the
   * locale: switching language rewords the same tax.
   */
  next(state: CheckoutState, view: FormView | undefined, t: Translation, locale: LocaleCode): string | undefined {
    if (state.kind !== 'form' || !view || view.taxUpdating) return undefined;
    const tax = view.tax;
    const words = tax ? taxChangeWords(t, locale, tax) : '';
    const before = this.last;
    this.last = { locale, words };
    if (!before || before.locale !== locale || words === before.words || !words || !state.form.tax) return undefined;
    return words;
  }
}
