import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../locales/translation.js';
import type { PaymentMethod } from '../../session/schema.js';
import { cardIcon, errorIcon, icon, paypalIcon } from '../../ui/icons.js';
import { renderRadios } from '../../ui/radio.js';

const ICONS = { card: cardIcon, paypal: paypalIcon } as const;

export interface MethodsViewModel {
  t: Translation;
  methods: readonly PaymentMethod[];
  selected: PaymentMethod | undefined;
  error: string | undefined;
  testMode: boolean;
  disabled: boolean;
  /** The processor's fields for the selected method. */
  fields: TemplateResult | typeof nothing;
  onSelect(method: PaymentMethod): void;
}

/** The payment methods as a radio group with labels and icons, then the chosen method's fields. */
export function renderMethods(m: MethodsViewModel): TemplateResult {
  const { t } = m;
  return html`<fieldset part="methods" class="group methods" aria-describedby="qc-method-error">
    <legend class="legend">
      ${t.paymentMethod} ${m.testMode ? html`<span class="badge" part="test-badge">${t.testMode}</span>` : nothing}
    </legend>
    <div class="method-list">
      ${renderRadios({
        name: 'payment-method',
        idPrefix: 'qc-method',
        values: m.methods,
        selected: m.selected,
        disabled: m.disabled,
        className: 'method',
        part: 'method',
        invalid: !!m.error,
        content: (method) => html`${icon(ICONS[method], 'icon method-icon')}<span class="method-name">${t.paymentMethods[method]}</span>`,
        onSelect: m.onSelect,
      })}
    </div>
    <p part="error" class="error" id="qc-method-error">
      ${m.error ? html`${icon(errorIcon)}<span>${m.error}</span>` : nothing}
    </p>
    ${m.fields}
  </fieldset>`;
}
