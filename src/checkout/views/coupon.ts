import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Translation } from '../../locales/translation.js';
import type { Coupon } from '../../session/schema.js';
import { errorIcon, icon, tagIcon } from '../../ui/icons.js';

export interface CouponViewModel {
  t: Translation;
  /** The coupon the session carries, if one is applied. */
  applied: Coupon | null | undefined;
  value: string;
  /** Translated error to show next to the field. */
  error: string | undefined;
  /** The server's own message for the error, kept as data. */
  serverMessage: string | undefined;
  /** The protocol's code for a refusal (`coupon_expired`…), kept as data for hosts and tests. */
  code?: string | undefined;
  /** A coupon request is running (which one: apply or remove). */
  busy: 'apply' | 'remove' | undefined;
  /** Another request (payment) runs: buttons are inert. */
  locked: boolean;
  onInput(value: string): void;
  onApply(): void;
  onRemove(): void;
}

/** The discount-code field (only when the session collects coupons), or the applied code with Remove. */
export function renderCoupon(m: CouponViewModel): TemplateResult {
  const { t } = m;
  if (m.applied) {
    return html`<div part="coupon" class="coupon coupon-applied">
      <span class="coupon-tag">${icon(tagIcon, 'icon small')}<span class="coupon-code">${m.applied.code}</span></span>
      ${m.applied.name ? html`<span class="coupon-name">${m.applied.name}</span>` : nothing}
      ${couponButton(m, 'remove', html`<span class="sr-only">${m.applied.code}</span>`)}
      ${errorLine(m)}
    </div>`;
  }
  return html`<div part="coupon" class="coupon">
    <label part="label" class="label" for="qc-coupon">${t.couponLabel}</label>
    <div class="coupon-row">
      <input
        part="input"
        class="input"
        id="qc-coupon"
        name="coupon"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        maxlength="64"
        placeholder=${t.couponPlaceholder}
        .value=${live(m.value)}
        aria-invalid=${m.error ? 'true' : 'false'}
        aria-describedby="qc-coupon-error"
        @input=${(e: Event) => m.onInput((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            m.onApply();
          }
        }}
      />
      ${couponButton(m, 'apply')}
    </div>
    ${errorLine(m)}
  </div>`;
}

/** The coupon's two buttons: their look, and their words when idle and while their own request runs. */
const BUTTONS = {
  apply: { className: 'secondary', label: (t: Translation) => t.couponApply, busy: (t: Translation) => t.couponApplying },
  remove: { className: 'link', label: (t: Translation) => t.couponRemove, busy: (t: Translation) => t.couponRemoving },
} as const;

/** Apply or Remove: inert (aria-disabled, still focusable) while any coupon request or a payment runs. */
function couponButton(m: CouponViewModel, action: keyof typeof BUTTONS, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  const button = BUTTONS[action];
  return html`<button
    type="button"
    class=${button.className}
    data-action="coupon-${action}"
    aria-disabled=${m.busy || m.locked ? 'true' : 'false'}
    @click=${action === 'apply' ? m.onApply : m.onRemove}
  >
    ${m.busy === action ? button.busy(m.t) : button.label(m.t)} ${extra}
  </button>`;
}

function errorLine(m: CouponViewModel): TemplateResult {
  return html`<p part="error" class="error" id="qc-coupon-error" data-server-message=${ifDefined(m.serverMessage)} data-code=${ifDefined(m.code)}>
    ${m.error ? html`${icon(errorIcon)}<span>${m.error}</span>` : nothing}
  </p>`;
}
