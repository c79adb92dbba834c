import type { PublicClient } from '../api/public.ts';
import type { FieldError } from '../session/validation.ts';
import type { LocaleCode, Translation } from '../locales/translation.ts';
import type { CheckoutSession, PaymentMethod } from '../session/schema.ts';

/** What a processor reports about one of its fields. It never reports the value: card data stays with the processor. */
export interface ProcessorFieldReport {
  /** The field's own error now, or undefined when it is valid. */
  error: FieldError | undefined;
  /** The customer has left the field. */
  touched: boolean;
  /** The customer has changed the field. */
  dirty: boolean;
  /** The error to show when the server refuses this field's value. */
  refused?: FieldError | undefined;
}

/**
 * The checkout's field state, as a processor sees it. The processor reports its fields here and asks back which error
 * to show: one rule (touched and dirty, or submitted) decides, for billing and processor fields alike.
 */
export interface ProcessorFields {
  /** Reports a field; `changed` when its value changed (which clears a server refusal of the old value). */
  report(key: string, field: ProcessorFieldReport, changed: boolean): void;
  /** The error to show for a field now, or undefined. */
  errorFor(key: string): FieldError | undefined;
  /** The server's own words for a refused field, kept as data (never as HTML). */
  serverMessage(key: string): string | undefined;
}

/** What a processor gets on mount and on every update. */
export interface ProcessorContext {
  t: Translation;
  locale: LocaleCode;
  session: CheckoutSession;
  /** The chosen method; undefined shows nothing. */
  method: PaymentMethod | undefined;
  /** True while a payment runs: fields are read-only. */
  disabled: boolean;
  fields: ProcessorFields;
  /**
   * Runs the checkout's Pay (validate, save the customer, then `pay()`), for a processor whose own button pays
   * (PayPal). Resolves when the whole payment is over.
   */
  pay?: () => Promise<void>;
  /** The checkout element (its theme tokens style an SDK's fields); the container may sit elsewhere (light-dom.ts). */
  host?: HTMLElement;
}

/** One payment hand-off. */
export interface PayRequest {
  /** The session, already saved with the customer's data when it was pending. */
  session: CheckoutSession;
  method: PaymentMethod;
  /** The session's public client (its permalink's origin only). */
  client: PublicClient;
  /** Aborts the hand-off (a disconnect, or a newer run). */
  signal: AbortSignal;
  /**
   * The total on the Pay button, in minor units: what the customer confirmed. Every request that starts the payment
   * carries it, and the server refuses another (`payment_total_changed`); a processor never confirms another amount.
   */
  total: number;
}

/**
 * A payment processor. The checkout creates a light-DOM `<div slot="…">` of its own and slots it into its shadow tree
 * below the payment methods; the processor mounts its fields (its own shadow root, or an SDK's iframe) into that
 * container. The checkout saves the customer before `pay()` and polls after it, so an adapter only has to move the
 * session to `processing` (or straight to `completed` / `failed`). See the README's "Writing a processor".
 */
export interface PaymentProcessor {
  /** Stable id, e.g. `sandbox`, `stripe`, `paypal`. */
  readonly id: string;
  /** Whether the processor moves no real money; the element then shows a "Test mode" badge. */
  readonly testMode: boolean;
  /**
   * True while the processor's own button pays for the chosen method (PayPal's): the element then hides its Pay
   * button. Read on every render; report a field (`context.fields.report`) when it changes, so the element renders.
   */
  readonly ownButton?: boolean;
  /** Renders into the container (once per container) and reports every field it shows. May load an SDK first. */
  mount(container: HTMLElement, context: ProcessorContext): Promise<void>;
  /** The locale, method, session or disabled state changed, or a field error must show or hide. */
  update(context: ProcessorContext): void;
  /** Takes everything out of the container (the element left the page, or the processor was replaced). */
  unmount(): void;
  /** Reports every field's current state; called before each payment. Return a promise when the check is asynchronous. */
  validate(): Promise<void> | void;
  /** Focuses the first field that shows an error; false when none does. */
  focusFirstInvalid(): boolean;
  /** Starts the payment and resolves with the session the processor's server returned. Throws ApiError. */
  pay(request: PayRequest): Promise<CheckoutSession>;
  /** Forgets everything typed (after a completed payment). */
  reset?(): void;
}
