// `billing_details_collection: auto` as Quaderno's "only if needed" rule: always the country; the postal code only
// where the rate depends on it (the tax still `needs` it, or a US/CA customer); the full billing address once a valid
// tax ID is given. `required` keeps asking for everything (the field table's own rule). In both modes, the tax ID
// where the server says a domestic sale needs one (BG, CY, ES, HR, IT, PT): that is the law, not the form's choice,
// and the server refuses the payment without it. No Lit and no DOM here.
import { validateBilling, type BillingErrors, type BillingField, type BillingValues } from '../../session/fields.js';
import { isRequired } from '../../session/fields.js';
import type { ProtocolSession } from '../../protocol/session.js';
import type { BillingMode } from '../../session/schema.js';
import { rateDependsOnPostalCode } from '../../tax/postal-code-rule.js';
import { sessionTax, shownTax, taxIdRequiredFor, taxIdState, taxQuery, type TaxPreview, type TaxSummary } from './tax.js';

/** What a reverse-charge invoice needs besides the country. */
const INVOICE_ADDRESS: readonly BillingField[] = ['billing_street_line_1', 'billing_city', 'billing_postal_code'];

export interface BillingNeeds {
  mode: BillingMode;
  values: BillingValues;
  /** The tax shown now (preview or session). */
  tax: TaxSummary | undefined;
  preview: TaxPreview | undefined;
  /** The session's own tax, for the tax ID check of the saved customer. */
  sessionTax: TaxSummary | undefined;
  /** The server says this customer must give a tax ID (taxIdRequiredFor). */
  taxIdRequired?: boolean;
}

/** Whether `auto` asks for the postal code now, and whether it asks for the whole address. */
export function autoNeeds(n: BillingNeeds): { postalCode: boolean; address: boolean } {
  const country = n.values.billing_country.trim().toUpperCase();
  const address = taxIdState(taxQuery(n.values), n.preview, n.sessionTax) === 'valid';
  const postalCode = address || rateDependsOnPostalCode(country) || !!n.tax?.needs.includes('postal_code');
  return { postalCode, address };
}

/** Whether a field must be filled now. */
export function requiredNow(field: BillingField, n: BillingNeeds): boolean {
  if (field === 'tax_id' && n.taxIdRequired) return true;
  if (n.mode !== 'auto') return isRequired(field, n.mode);
  const needs = autoNeeds(n);
  if (field === 'billing_postal_code') return needs.postalCode;
  return isRequired(field, n.mode) || (needs.address && INVOICE_ADDRESS.includes(field));
}

/** The form's errors under the rule: the field table's checks, with `required` as the rule says. */
export function validateNow(n: BillingNeeds): BillingErrors {
  const errors = validateBilling(n.values, n.mode);
  if (n.mode === 'auto') {
    for (const field of INVOICE_ADDRESS) {
      const required = requiredNow(field, n);
      const empty = n.values[field].trim() === '';
      if (!required && empty && errors[field]?.key === 'required') delete errors[field];
      if (required && empty && !errors[field]) errors[field] = { key: 'required' };
    }
  }
  // why its own words: the customer did not skip a field the form always wanted; the law of their country wants it.
  if (n.taxIdRequired && n.values.tax_id.trim() === '' && !errors.tax_id) errors.tax_id = { key: 'taxIdRequired' };
  return errors;
}

/** What the rule reads of a form: what was typed and its tax preview (a FormState has both). */
export interface TypedForm {
  values: BillingValues;
  tax: TaxPreview | undefined;
}

/** The rule's inputs for a session and its form. */
export function needsOf(session: ProtocolSession, form: TypedForm): BillingNeeds {
  return {
    mode: session.billing_details_collection,
    values: form.values,
    tax: shownTax(session, form.tax),
    preview: form.tax,
    sessionTax: sessionTax(session),
    taxIdRequired: taxIdRequiredFor(form.values.billing_country, session, form.tax),
  };
}
