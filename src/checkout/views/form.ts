import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleCode, Translation } from '../../locales/translation.js';
import { BILLING_FIELDS, type BillingField } from '../../session/fields.js';
import type { FieldMessage, FormView } from '../model/derive.js';
import { formatMoney } from '../../session/money.js';
import type { PaymentMethod } from '../../session/schema.js';
import { describeCouponRefusal } from '../model/coupon-refusal.js';
import type { CouponError, FormKind } from '../model/state.js';
import { alertMessage, errorMessage } from '../model/words.js';
import { translateError } from '../../locales/validation.js';
import { renderAlert } from './alert.js';
import { renderBilling } from './billing.js';
import { renderCoupon } from './coupon.js';
import { icon, lockIcon } from '../../ui/icons.js';
import { renderItems } from './items.js';
import { renderMethods } from './methods.js';

/** What the form's controls call: the model's intents. */
export interface FormActions {
  input(field: BillingField, value: string): void;
  blur(field: BillingField): void;
  selectMethod(method: PaymentMethod): void;
  couponInput(value: string): void;
  applyCoupon(): void;
  removeCoupon(): void;
  openAddress(): void;
  pay(): void;
  cancel(): void;
  retryAlert(): void;
}

export interface FormViewModel {
  t: Translation;
  locale: LocaleCode;
  state: FormKind;
  /** What the state shows (model/derive.ts), derived once by the model. */
  view: FormView;
  testMode: boolean;
  /** The slot name of the processor's container (its fields render there, in the light DOM). */
  processorSlot: string;
  /** The processor's own button pays (PayPal's): the form shows no Pay button of its own. */
  ownButton?: boolean;
  actions: FormActions;
}

function couponErrorText(t: Translation, error: CouponError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.kind === 'refused') return describeCouponRefusal(t, error.refusal);
  if (error.kind === 'request') return errorMessage(t, error.code);
  return translateError(t.validation, error.error);
}

function fieldMessage(t: Translation, shown: FieldMessage): string {
  return 'message' in shown ? t[shown.message] : translateError(t.validation, shown.error);
}

/** The order summary with the coupon, and the billing, method and pay form. */
export function renderForm(m: FormViewModel): TemplateResult {
  const { t, locale, state, actions, view } = m;
  const { session, form, busy, alert } = state;
  const { paying, locked } = view;
  const errors: Partial<Record<BillingField, string>> = {};
  const hints: Partial<Record<BillingField, string>> = {};
  for (const field of BILLING_FIELDS) {
    const error = view.errors[field];
    const hint = view.hints[field];
    if (error) errors[field] = fieldMessage(t, error);
    if (hint) hints[field] = t[hint];
  }
  const couponError = form.couponError;
  const coupon =
    session.coupon_collection && !locked
      ? renderCoupon({
          t,
          applied: session.coupon,
          value: form.couponInput,
          error: couponErrorText(t, couponError),
          serverMessage: couponError && couponError.kind !== 'field' ? couponError.serverMessage : undefined,
          code: couponError?.kind === 'refused' ? couponError.code : undefined,
          busy: busy === 'coupon-apply' ? 'apply' : busy === 'coupon-remove' ? 'remove' : undefined,
          locked: paying,
          onInput: actions.couponInput,
          onApply: actions.applyCoupon,
          onRemove: actions.removeCoupon,
        })
      : nothing;
  const payLabel = view.payLabel === 'pay' ? t.payAmount(formatMoney(view.total.total, view.total.currency, locale)) : t[view.payLabel];
  const inert = busy ? 'true' : 'false';
  return html`<div class="layout">
    ${renderItems(t, locale, session, coupon, view.tax, view.taxUpdating)}
    <form
      part="form"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        actions.pay();
      }}
    >
      ${form.draftRestored ? html`<div part="notice" class="notice"><p>${t.draftRestored}</p></div>` : nothing}
      ${locked ? html`<div part="notice" class="notice" data-notice="details-locked"><p>${t.detailsLocked}</p></div>` : nothing}
      ${renderBilling({
        t,
        locale,
        mode: session.billing_details_collection,
        values: form.values,
        errors,
        hints,
        serverMessages: form.serverErrors,
        addressOpen: view.addressOpen,
        required: (field) => view.required.has(field),
        disabled: paying || locked,
        onInput: actions.input,
        onBlur: actions.blur,
        onOpenAddress: actions.openAddress,
      })}
      ${renderMethods({
        t,
        methods: session.payment_methods,
        selected: form.method,
        error: view.methodMissing ? t.validation.paymentMethod : undefined,
        testMode: m.testMode,
        disabled: paying,
        fields: html`<slot name=${m.processorSlot}></slot>`,
        onSelect: actions.selectMethod,
      })}
      ${alert
        ? renderAlert(alertMessage(t, alert), alert.retry ? { label: t.retry, action: 'alert-retry', onClick: actions.retryAlert } : undefined, alert.code)
        : nothing}
      <div class="pay-area">
        ${m.ownButton
          ? nothing
          : html`<button part="pay-button" class="pay" type="submit" aria-disabled=${inert}>
              ${paying ? html`<span class="spinner small-spinner" aria-hidden="true"></span>` : icon(lockIcon)}
              <span>${payLabel}</span>
            </button>`}
        <button part="cancel" type="button" class="link cancel" data-action="cancel" aria-disabled=${inert} @click=${actions.cancel}>
          ${busy === 'cancel' ? t.cancelling : t.cancel}
        </button>
      </div>
    </form>
  </div>`;
}
