import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderField } from '../checkout/views/field.ts';
import { translateError, type FieldError, type Validator } from '../checkout/validation.ts';
import { cardCvc, cardDigits, cardExpiry, cardNumber, withExpirySlash } from './sandbox-card.ts';
import type { CheckoutSession, PaymentMethod } from '../session/schema.ts';
import type { PaymentProcessor, PayRequest, ProcessorRenderContext } from './processor.ts';

type CardField = 'card_number' | 'card_expiry' | 'card_cvc';
/** How the simulated PayPal account answers. */
export type PaypalOutcome = 'approve' | 'decline';

const CARD_RULES: Record<CardField, Validator> = {
  card_number: cardNumber,
  card_expiry: cardExpiry,
  card_cvc: cardCvc,
};

/** Element ids of the sandbox's fields. */
export const SANDBOX_FIELD_IDS: Record<CardField, string> = {
  card_number: 'qc-card_number',
  card_expiry: 'qc-card_expiry',
  card_cvc: 'qc-card_cvc',
};

/**
 * The sandbox processor: a test card field (4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined)
 * and an approve/decline choice for PayPal, both marked as test mode. It pays through the sandbox's
 * `POST <permalink>/pay.json`. The card number stays in memory only: never stored, never logged.
 */
export class SandboxProcessor implements PaymentProcessor {
  readonly id = 'sandbox';
  readonly testMode = true;
  private card: Record<CardField, string> = { card_number: '', card_expiry: '', card_cvc: '' };
  private touched = new Set<CardField>();
  private dirty = new Set<CardField>();
  private serverErrors: Partial<Record<CardField, { error: FieldError; message: string }>> = {};
  private outcome: PaypalOutcome = 'approve';
  private submitted = false;

  renderMethodFields(method: PaymentMethod, ctx: ProcessorRenderContext): TemplateResult | typeof nothing {
    this.submitted = ctx.submitted;
    return method === 'card' ? this.renderCard(ctx) : method === 'paypal' ? this.renderPaypal(ctx) : nothing;
  }

  validate(method: PaymentMethod): Record<string, FieldError> {
    if (method !== 'card') return {};
    const errors: Record<string, FieldError> = {};
    for (const field of Object.keys(CARD_RULES) as CardField[]) {
      const error = this.errorOf(field);
      if (error) errors[SANDBOX_FIELD_IDS[field]] = error;
    }
    return errors;
  }

  pay({ method, client, signal }: PayRequest): Promise<CheckoutSession> {
    this.serverErrors = {};
    const body =
      method === 'card'
        ? { method, card_number: cardDigits(this.card.card_number) }
        : { method, outcome: this.outcome };
    return client.pay(body, { signal });
  }

  showServerErrors(fields: Record<string, string[]>): boolean {
    const message = fields.card_number?.[0];
    if (message === undefined) return false;
    this.serverErrors.card_number = { error: { key: 'cardNumber' }, message };
    return true;
  }

  reset(): void {
    this.card = { card_number: '', card_expiry: '', card_cvc: '' };
    this.touched.clear();
    this.dirty.clear();
    this.serverErrors = {};
    this.outcome = 'approve';
  }

  private errorOf(field: CardField): FieldError | undefined {
    return this.serverErrors[field]?.error ?? CARD_RULES[field](this.card[field], {});
  }

  private visibleError(field: CardField): FieldError | undefined {
    const show = this.submitted || (this.touched.has(field) && this.dirty.has(field)) || !!this.serverErrors[field];
    return show ? this.errorOf(field) : undefined;
  }

  private renderCard(ctx: ProcessorRenderContext): TemplateResult {
    const { t } = ctx;
    const field = (name: CardField, label: string, placeholder: string, extra: { maxlength: number; hint?: string }) => {
      const error = this.visibleError(name);
      return renderField({
        id: SANDBOX_FIELD_IDS[name],
        label,
        value: this.card[name],
        required: true,
        optionalText: t.optional,
        error: error && translateError(t.validation, error),
        serverMessage: this.serverErrors[name]?.message,
        hint: extra.hint,
        // why: this is a test card field; browsers must not offer the customer's real saved cards here.
        autocomplete: 'off',
        inputmode: 'numeric',
        placeholder,
        maxlength: extra.maxlength,
        disabled: ctx.disabled,
        onInput: (value) => {
          this.card[name] = name === 'card_expiry' ? withExpirySlash(value) : value;
          this.dirty.add(name);
          delete this.serverErrors[name];
          ctx.requestUpdate();
        },
        onBlur: () => {
          this.touched.add(name);
          ctx.requestUpdate();
        },
      });
    };
    return html`<div class="processor-fields" data-processor="sandbox" data-method="card">
      ${this.renderTestMode(ctx, t.testModeCardHint, 'qc-card-hint')}
      ${field('card_number', t.cardNumber, '4242 4242 4242 4242', { maxlength: 23 })}
      <div class="row">
        ${field('card_expiry', t.cardExpiry, t.cardExpiryPlaceholder, { maxlength: 7 })}
        ${field('card_cvc', t.cardCvc, '123', { maxlength: 4 })}
      </div>
    </div>`;
  }

  private renderPaypal(ctx: ProcessorRenderContext): TemplateResult {
    const { t } = ctx;
    const choice = (outcome: PaypalOutcome, label: string) =>
      html`<label class="choice" for="qc-paypal-${outcome}">
        <input
          type="radio"
          id="qc-paypal-${outcome}"
          name="paypal-outcome"
          value=${outcome}
          .checked=${live(this.outcome === outcome)}
          ?disabled=${ctx.disabled}
          @change=${() => {
            this.outcome = outcome;
            ctx.requestUpdate();
          }}
        />
        <span>${label}</span>
      </label>`;
    return html`<div class="processor-fields" data-processor="sandbox" data-method="paypal">
      ${this.renderTestMode(ctx, t.paypalHint, 'qc-paypal-hint')}
      <fieldset class="choices" aria-describedby="qc-paypal-hint">
        <legend class="sr-only">${t.paymentMethods.paypal} · ${t.testMode}</legend>
        ${choice('approve', t.paypalApprove)} ${choice('decline', t.paypalDecline)}
      </fieldset>
    </div>`;
  }

  private renderTestMode(ctx: ProcessorRenderContext, hint: string, id: string): TemplateResult {
    return html`<div class="test-mode" part="test-mode">
      <span class="badge">${ctx.t.testMode}</span>
      <p id=${id}>${hint}</p>
    </div>`;
  }
}

/** A fresh sandbox processor (each element gets its own, so typed card data is never shared). */
export function createSandboxProcessor(): SandboxProcessor {
  return new SandboxProcessor();
}
