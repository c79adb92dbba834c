import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Translation } from '../../locales/translation.ts';
import type { Coupon } from '../../session/schema.ts';
import { errorIcon, icon, tagIcon } from './icons.ts';

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
      <button
        type="button"
        class="link"
        data-action="coupon-remove"
        aria-disabled=${m.busy || m.locked ? 'true' : 'false'}
        @click=${m.onRemove}
      >
        ${m.busy === 'remove' ? t.couponRemoving : t.couponRemove}
        <span class="sr-only">${m.applied.code}</span>
      </button>
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
      <button
        type="button"
        class="secondary"
        data-action="coupon-apply"
        aria-disabled=${m.busy || m.locked ? 'true' : 'false'}
        @click=${m.onApply}
      >
        ${m.busy === 'apply' ? t.couponApplying : t.couponApply}
      </button>
    </div>
    ${errorLine(m)}
  </div>`;
}

function errorLine(m: CouponViewModel): TemplateResult {
  return html`<p part="error" class="error" id="qc-coupon-error" data-server-message=${ifDefined(m.serverMessage)} data-code=${ifDefined(m.code)}>
    ${m.error ? html`${icon(errorIcon)}<span>${m.error}</span>` : nothing}
  </p>`;
}
