import { adoptStyles, html, nothing, render, type TemplateResult } from 'lit';
import { fieldStyles } from '../ui/field.styles.js';
import { themeStyles } from '../ui/theme.styles.js';
import type { Validator } from '../session/validation.js';
import { translateError } from '../locales/validation.js';
import { renderField } from '../ui/field.js';
import { renderRadios } from '../ui/radio.js';
// why: type-only, so the request schemas stay out of the processor's chunk.
import type { SIMULATED_OUTCOMES } from '../protocol/requests.js';
import { processorError, type ProcessorError } from './errors.js';
import type { MountedProcessor, PayInput, PayOutcome, PaymentProcessor, ProcessorChanges, ProcessorContext } from './processor.js';
import { cardCvc, cardDigits, cardExpiry, cardNumber, withExpirySlash } from './sandbox-card.js';

type CardField = 'card_number' | 'card_expiry' | 'card_cvc';
/** How the simulated PayPal account answers. */
export type PaypalOutcome = (typeof SIMULATED_OUTCOMES)[number];
/** The words of each outcome, in the order offered; `satisfies` keeps it in step with the protocol's list. */
const OUTCOME_LABELS = { approve: 'paypalApprove', decline: 'paypalDecline' } as const satisfies Record<PaypalOutcome, string>;
const OUTCOMES = Object.keys(OUTCOME_LABELS) as PaypalOutcome[];

const CARD_RULES: Record<CardField, Validator> = { card_number: cardNumber, card_expiry: cardExpiry, card_cvc: cardCvc };
const CARD_FIELDS = Object.keys(CARD_RULES) as CardField[];

/** Element ids of the sandbox's fields (inside its own shadow root). */
export const SANDBOX_FIELD_IDS: Record<CardField, string> = {
  card_number: 'qc-card_number',
  card_expiry: 'qc-card_expiry',
  card_cvc: 'qc-card_cvc',
};

/**
 * The sandbox processor, mounted: a test card field (4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined)
 * and an approve/decline choice for PayPal, both marked as test mode. It renders into its own shadow root on its
 * container, so page CSS cannot reach its inputs, and pays through the sandbox's `POST <permalink>/pay.json`. The card
 * number stays in this object only: never reported, stored or logged.
 */
class MountedSandbox implements MountedProcessor {
  readonly ownButton = false;
  private card: Record<CardField, string> = { card_number: '', card_expiry: '', card_cvc: '' };
  private touched = new Set<CardField>();
  private dirty = new Set<CardField>();
  private outcome: PaypalOutcome = 'approve';
  private root: ShadowRoot | undefined;

  constructor(
    container: HTMLElement,
    private ctx: ProcessorContext,
  ) {
    // why: a container is reused when the element reconnects; its shadow root can be attached only once.
    this.root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
    adoptStyles(this.root, [themeStyles, fieldStyles]);
    this.render();
    this.validate();
  }

  update(changes: ProcessorChanges): void {
    this.ctx = { ...this.ctx, ...changes };
    this.render();
  }

  unmount(): void {
    if (this.root) render(nothing, this.root);
    this.root = undefined;
  }

  validate(): ProcessorError | null {
    if (this.ctx.method !== 'card') return null;
    for (const field of CARD_FIELDS) this.report(field, false);
    return CARD_FIELDS.some((field) => CARD_RULES[field](this.card[field], {})) ? processorError('payment_incomplete', 'cardIncomplete') : null;
  }

  focusFirstInvalid(): boolean {
    const invalid = this.root?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    return !!invalid;
  }

  async pay({ method, client, signal }: PayInput): Promise<PayOutcome> {
    const body = method === 'card' ? { method, card_number: cardDigits(this.card.card_number) } : { method, outcome: this.outcome };
    return { status: 'confirmed', session: await client.pay(body, { signal }) };
  }

  reset(): void {
    this.card = { card_number: '', card_expiry: '', card_cvc: '' };
    this.touched.clear();
    this.dirty.clear();
    this.outcome = 'approve';
  }

  private render(): void {
    if (this.root) render(this.template(), this.root);
  }

  private report(field: CardField, changed: boolean): void {
    this.ctx.report(
      field,
      {
        error: CARD_RULES[field](this.card[field], {}),
        touched: this.touched.has(field),
        dirty: this.dirty.has(field),
        refused: field === 'card_number' ? { key: 'cardNumber' } : undefined,
      },
      changed,
    );
  }

  private template(): TemplateResult | typeof nothing {
    if (this.ctx.method === 'card') return this.renderCard();
    if (this.ctx.method === 'paypal') return this.renderPaypal();
    return nothing;
  }

  private renderCard(): TemplateResult {
    const { t, errors, disabled } = this.ctx;
    const field = (name: CardField, label: string, placeholder: string, maxlength: number) => {
      const shown = errors[name];
      return renderField({
        id: SANDBOX_FIELD_IDS[name],
        label,
        value: this.card[name],
        required: true,
        optionalText: t.optional,
        error: shown?.error && translateError(t.validation, shown.error),
        serverMessage: shown?.message,
        // why: this is a test card field; browsers must not offer the customer's real saved cards here.
        autocomplete: 'off',
        inputmode: 'numeric',
        placeholder,
        maxlength,
        disabled,
        onInput: (value) => {
          this.card[name] = name === 'card_expiry' ? withExpirySlash(value) : value;
          this.dirty.add(name);
          this.report(name, true);
          // why: the expiry may have gained its slash; the element tells only of changes that are its own (errors).
          this.render();
        },
        onBlur: () => {
          this.touched.add(name);
          this.report(name, false);
        },
      });
    };
    return html`<div class="processor-fields" data-processor="sandbox" data-method="card">
      ${this.renderTestMode(t.testModeCardHint, 'qc-card-hint')}
      ${field('card_number', t.cardNumber, '4242 4242 4242 4242', 23)}
      <div class="row">
        ${field('card_expiry', t.cardExpiry, t.cardExpiryPlaceholder, 7)} ${field('card_cvc', t.cardCvc, '123', 4)}
      </div>
    </div>`;
  }

  private renderPaypal(): TemplateResult {
    const { t, disabled } = this.ctx;
    return html`<div class="processor-fields" data-processor="sandbox" data-method="paypal">
      ${this.renderTestMode(t.paypalHint, 'qc-paypal-hint')}
      <fieldset class="choices" aria-describedby="qc-paypal-hint">
        <legend class="sr-only">${t.paymentMethods.paypal} · ${t.testMode}</legend>
        ${renderRadios({
          name: 'paypal-outcome',
          idPrefix: 'qc-paypal',
          values: OUTCOMES,
          selected: this.outcome,
          disabled,
          className: 'choice',
          content: (outcome) => html`<span>${t[OUTCOME_LABELS[outcome]]}</span>`,
          onSelect: (outcome) => {
            this.outcome = outcome;
            this.render();
          },
        })}
      </fieldset>
    </div>`;
  }

  private renderTestMode(hint: string, id: string): TemplateResult {
    return html`<div class="test-mode" part="test-mode">
      <span class="badge">${this.ctx.t.testMode}</span>
      <p id=${id}>${hint}</p>
    </div>`;
  }
}

/**
 * The sandbox processor's code (a chunk of its own: `sandboxProcessor()` in factories.ts loads it on first mount).
 * Each mount has its own state, so typed card data is never shared between elements.
 */
export function createSandboxProcessor(): PaymentProcessor {
  return {
    id: 'sandbox',
    testMode: true,
    startsPayments: false,
    mount: async (container, context) => new MountedSandbox(container, context),
  };
}
