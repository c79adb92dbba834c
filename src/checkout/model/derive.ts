// The form's derived view: everything the form shows or Pay checks that follows from the state alone (what each
// field asks and shows, the tax and total shown, the tax ID's check, the Pay button, how many problems stop a
// payment). One pure function, computed once per state by the model and read by the views and by pay.ts, so the
// form and the payment can never disagree. No Lit and no DOM here.
import { BILLING_FIELDS, type BillingErrors, type BillingField } from '../../session/fields.js';
import type { FieldError } from '../../session/validation.js';
import { autoNeeds, needsOf, requiredNow, validateNow, type BillingNeeds } from './billing-rule.js';
import { savesEdits } from './session-checks.js';
import { visibleFieldError, type FormKind } from './state.js';
import { sessionTax, shownTax, shownTotal, taxIdState, taxQuery, type TaxIdState, type TaxSummary } from './tax.js';

/** What a billing field shows as its error: a rule's error, or the tax ID check's refusal (its own words). */
export type FieldMessage = { error: FieldError } | { message: 'taxIdInvalid' | 'taxIdInvalidRequired' };

/** What a billing field says under it while it has no error. */
export type FieldHint = 'taxIdChecking' | 'taxIdValid' | 'taxIdUnverified';

export interface FormView {
  /** The billing rule's inputs (billing-rule.ts). */
  needs: BillingNeeds;
  /** Every billing field's error now, shown or not: what stops a payment. */
  invalid: BillingErrors;
  /** The errors the fields show now (the one rule of state.ts `showsError`, and a refused tax ID at once). */
  errors: Partial<Record<BillingField, FieldMessage>>;
  hints: Partial<Record<BillingField, FieldHint>>;
  /** The fields that must be filled now. */
  required: ReadonlySet<BillingField>;
  /** The optional address fields show (opened, or asked for by `auto`). */
  addressOpen: boolean;
  /** The tax shown (the preview's or the session's), and whether a newer preview is on its way. */
  tax: TaxSummary | undefined;
  taxUpdating: boolean;
  taxId: TaxIdState;
  /** The total on the Pay button, in minor units: what every payment request confirms. */
  total: { total: number; currency: string };
  /** What the Pay button says. */
  payLabel: 'saving' | 'processing' | 'pay';
  /** A save or payment is in flight: the customer's fields and the method are disabled. */
  paying: boolean;
  /** A failed session the server cannot reopen is paid with its saved details: they cannot be edited. */
  locked: boolean;
  /** A payment was tried without a method. */
  methodMissing: boolean;
  /** How many problems stop a payment: billing fields, a refused tax ID, a missing method, the processor's fields. */
  errorCount: number;
}

export function derive(state: FormKind): FormView {
  const { session, form, busy } = state;
  const needs = needsOf(session, form);
  const invalid = validateNow(needs);
  const taxId = taxIdState(taxQuery(form.values), form.tax, sessionTax(session));
  const errors: FormView['errors'] = {};
  const required = new Set<BillingField>();
  for (const field of BILLING_FIELDS) {
    const error = visibleFieldError(form, field, invalid);
    if (error) errors[field] = { error };
    if (requiredNow(field, needs)) required.add(field);
  }
  const hints: FormView['hints'] = {};
  if (taxId === 'invalid' && !errors.tax_id) errors.tax_id = { message: needs.taxIdRequired ? 'taxIdInvalidRequired' : 'taxIdInvalid' };
  else if (taxId === 'checking') hints.tax_id = 'taxIdChecking';
  else if (taxId === 'valid') hints.tax_id = 'taxIdValid';
  else if (taxId === 'unverified') hints.tax_id = 'taxIdUnverified';
  // why: a tax ID the check refused is a field error too; the customer fixes it or leaves it empty.
  const billing = Object.keys(invalid).length + (!invalid.tax_id && taxId === 'invalid' ? 1 : 0);
  const processor = Object.values(form.processor).filter((field) => field.error || field.server).length;
  return {
    needs,
    invalid,
    errors,
    hints,
    required,
    addressOpen: form.addressOpen || (needs.mode === 'auto' && autoNeeds(needs).address),
    tax: shownTax(session, form.tax),
    taxUpdating: !!form.tax?.updating,
    taxId,
    total: shownTotal(session, form.tax),
    payLabel: busy === 'saving' ? 'saving' : busy === 'paying' ? 'processing' : 'pay',
    paying: busy === 'saving' || busy === 'paying',
    locked: !savesEdits(session),
    methodMissing: form.submitted && !form.method,
    errorCount: billing + (form.method ? processor : 1),
  };
}
