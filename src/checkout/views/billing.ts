import { html, nothing, type TemplateResult } from 'lit';
import { countryOptions } from '../../locales/countries.ts';
import { familyNameFirst } from '../../locales/format.ts';
import type { BillingField, LocaleCode, Translation } from '../../locales/translation.ts';
import type { BillingMode } from '../../session/schema.ts';
import { isRequired, type BillingValues } from '../validation.ts';
import { renderField } from './field.ts';

/** Autofill tokens and input kinds of the billing fields. */
export const FIELD_SPECS: Record<
  BillingField,
  { autocomplete: string; type?: 'text' | 'email'; inputmode?: 'email' | 'text'; maxlength: number }
> = {
  first_name: { autocomplete: 'given-name', maxlength: 100 },
  last_name: { autocomplete: 'family-name', maxlength: 100 },
  email: { autocomplete: 'email', type: 'email', inputmode: 'email', maxlength: 254 },
  company: { autocomplete: 'organization', maxlength: 200 },
  // why: there is no autofill token for a tax ID; "on" still lets the browser suggest what was typed before.
  tax_id: { autocomplete: 'on', maxlength: 30 },
  billing_street_line_1: { autocomplete: 'address-line1', maxlength: 200 },
  billing_street_line_2: { autocomplete: 'address-line2', maxlength: 200 },
  billing_city: { autocomplete: 'address-level2', maxlength: 100 },
  billing_postal_code: { autocomplete: 'postal-code', maxlength: 20 },
  billing_country: { autocomplete: 'country', maxlength: 2 },
};

/** The DOM id of a billing field. */
export function fieldId(field: BillingField): string {
  return `qc-${field}`;
}

/** In `auto` mode these sit behind "Add full billing address" until opened or filled. */
export const ADDRESS_FIELDS: readonly BillingField[] = ['billing_street_line_1', 'billing_street_line_2', 'billing_city'];

export interface BillingViewModel {
  t: Translation;
  locale: LocaleCode;
  mode: BillingMode;
  values: BillingValues;
  /** Translated errors to show now (touched and dirty, prefilled, or submitted). */
  errors: Partial<Record<BillingField, string>>;
  serverMessages: Partial<Record<BillingField, string>>;
  /** `auto` mode: whether the optional address fields are shown. */
  addressOpen: boolean;
  disabled: boolean;
  onInput(field: BillingField, value: string): void;
  onBlur(field: BillingField): void;
  onOpenAddress(): void;
}

const countryCache = new Map<string, ReadonlyArray<{ value: string; label: string }>>();

function countries(locale: LocaleCode, current: string): ReadonlyArray<{ value: string; label: string }> {
  let list = countryCache.get(locale);
  if (!list) {
    const options: ReadonlyArray<{ code: string; name: string }> = countryOptions(locale);
    list = options.map(({ code, name }) => ({ value: code, label: name }));
    countryCache.set(locale, list);
  }
  // why: a prefilled code the list does not know is kept as a choice rather than silently dropped.
  if (current && !list.some((option) => option.value === current)) return [...list, { value: current, label: current }];
  return list;
}

/** Contact and billing fieldsets, following `billing_details_collection`. */
export function renderBilling(m: BillingViewModel): TemplateResult {
  const { t } = m;
  const field = (name: BillingField) => {
    const spec = FIELD_SPECS[name];
    const country = name === 'billing_country';
    return renderField({
      id: fieldId(name),
      label: t.fields[name],
      value: m.values[name],
      required: isRequired(name, m.mode),
      optionalText: t.optional,
      error: m.errors[name],
      serverMessage: m.serverMessages[name],
      autocomplete: spec.autocomplete,
      type: spec.type,
      inputmode: spec.inputmode,
      maxlength: country ? undefined : spec.maxlength,
      disabled: m.disabled,
      options: country ? [{ value: '', label: t.selectCountry }, ...countries(m.locale, m.values[name])] : undefined,
      onInput: (value) => m.onInput(name, value),
      onBlur: () => m.onBlur(name),
    });
  };
  const address =
    m.mode === 'required' || m.addressOpen
      ? html`${field('billing_street_line_1')} ${field('billing_street_line_2')}`
      : nothing;
  return html`<fieldset class="group" part="fieldset">
      <legend class="legend">${t.contactDetails}</legend>
      ${field('email')}
    </fieldset>
    <fieldset class="group" part="fieldset">
      <legend class="legend">${t.billingDetails}</legend>
      <div class="row">
        ${familyNameFirst(m.locale)
          ? html`${field('last_name')} ${field('first_name')}`
          : html`${field('first_name')} ${field('last_name')}`}
      </div>
      ${field('billing_country')} ${address}
      <div class="row">
        ${m.mode === 'required' || m.addressOpen ? field('billing_city') : nothing} ${field('billing_postal_code')}
      </div>
      ${m.mode === 'auto' && !m.addressOpen
        ? html`<button
            type="button"
            class="link add-address"
            data-action="open-address"
            aria-expanded="false"
            @click=${m.onOpenAddress}
          >
            <span aria-hidden="true">+</span> ${t.showFullAddress}
          </button>`
        : nothing}
      ${field('company')} ${field('tax_id')}
    </fieldset>`;
}
