import { html, nothing, type TemplateResult } from 'lit';
import { countryOptions } from '../../locales/countries.js';
import { familyNameFirst } from '../../locales/format.js';
import type { LocaleCode, Translation } from '../../locales/translation.js';
import { BILLING_FIELDS, FIELD_SPECS, isRequired, type BillingField, type BillingValues } from '../../session/fields.js';
import type { BillingMode } from '../../session/schema.js';
import { renderField } from '../../ui/field.js';

/** The DOM id of a billing field. */
export function fieldId(field: BillingField): string {
  return `qc-${field}`;
}


export interface BillingViewModel {
  t: Translation;
  locale: LocaleCode;
  mode: BillingMode;
  values: BillingValues;
  /** Translated errors to show now (touched and dirty, prefilled, or submitted). */
  errors: Partial<Record<BillingField, string>>;
  /** Hints under fields (the tax ID's check). */
  hints?: Partial<Record<BillingField, string>>;
  serverMessages: Partial<Record<BillingField, string>>;
  /** Whether a field must be filled now (the `auto` rule, billing-rule.ts); default: the field table's. */
  required?: (field: BillingField) => boolean;
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

/** Contact and billing fieldsets, following `billing_details_collection` and the field table's order and rows. */
export function renderBilling(m: BillingViewModel): TemplateResult {
  const { t } = m;
  const field = (name: BillingField) => {
    const spec = FIELD_SPECS[name];
    const select = spec.select === 'country';
    return renderField({
      id: fieldId(name),
      label: t.fields[name],
      value: m.values[name],
      required: m.required ? m.required(name) : isRequired(name, m.mode),
      optionalText: t.optional,
      error: m.errors[name],
      hint: m.hints?.[name],
      serverMessage: m.serverMessages[name],
      autocomplete: spec.autocomplete,
      type: spec.type,
      inputmode: spec.inputmode,
      maxlength: select ? undefined : spec.maxLength,
      disabled: m.disabled,
      options: select ? [{ value: '', label: t.selectCountry }, ...countries(m.locale, m.values[name])] : undefined,
      onInput: (value) => m.onInput(name, value),
      onBlur: () => m.onBlur(name),
    });
  };
  const hidden = (name: BillingField) => m.mode === 'auto' && !m.addressOpen && !!FIELD_SPECS[name].address;
  const section = (which: 'contact' | 'billing') => {
    const blocks = groupRows(BILLING_FIELDS.filter((name) => FIELD_SPECS[name].section === which));
    // why: the "add address" button sits where the hidden address ends, after the last block that holds part of it.
    const lastAddress = blocks.reduce((last, block, i) => (block.some((name) => FIELD_SPECS[name].address) ? i : last), -1);
    return blocks.map((block, index) => {
      const names = block.filter((name) => !hidden(name));
      const ordered = block.includes('first_name') && familyNameFirst(m.locale) ? [...names].reverse() : names;
      const content =
        block.length > 1 ? html`<div class="row">${ordered.map(field)}</div>` : names.length ? field(names[0]!) : nothing;
      return index === lastAddress && m.mode === 'auto' && !m.addressOpen ? html`${content}${addAddress(m)}` : content;
    });
  };
  return html`<fieldset class="group" part="fieldset">
      <legend class="legend">${t.contactDetails}</legend>
      ${section('contact')}
    </fieldset>
    <fieldset class="group" part="fieldset">
      <legend class="legend">${t.billingDetails}</legend>
      ${section('billing')}
    </fieldset>`;
}

/** Consecutive fields that share a row name, as one block; every other field alone. */
function groupRows(fields: readonly BillingField[]): BillingField[][] {
  const blocks: BillingField[][] = [];
  for (const name of fields) {
    const row = FIELD_SPECS[name].row;
    const last = blocks.at(-1);
    if (row && last && FIELD_SPECS[last[0]!].row === row) last.push(name);
    else blocks.push([name]);
  }
  return blocks;
}

function addAddress(m: BillingViewModel): TemplateResult {
  return html`<button type="button" class="link add-address" data-action="open-address" aria-expanded="false" @click=${m.onOpenAddress}>
    <span aria-hidden="true">+</span> ${m.t.showFullAddress}
  </button>`;
}
