import type { nothing, TemplateResult } from 'lit';
import type { PublicClient } from '../api/public.ts';
import type { FieldError } from '../checkout/validation.ts';
import type { LocaleCode, Translation } from '../locales/translation.ts';
import type { CheckoutSession, PaymentMethod } from '../session/schema.ts';

/** What a processor gets to render its fields inside the element's form. */
export interface ProcessorRenderContext {
  t: Translation;
  locale: LocaleCode;
  session: CheckoutSession;
  /** True once the customer tried to pay: every error should show. */
  submitted: boolean;
  /** True while a payment is running: fields are read-only. */
  disabled: boolean;
  /** Asks the element to re-render after the processor's own state changed. */
  requestUpdate(): void;
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
}

/**
 * A payment processor: renders the method's own fields (card input, wallet button…), validates them,
 * and settles the session. The element saves the customer before `pay()` and polls after it, so an
 * adapter only has to move the session to `processing` (or straight to `completed` / `failed`).
 */
export interface PaymentProcessor {
  /** Stable id, e.g. `sandbox`, `stripe`, `paypal`. */
  readonly id: string;
  /** Whether the processor moves no real money; the element then shows a "Test mode" badge. */
  readonly testMode: boolean;
  /** The fields of a method, rendered below the method's radio; `nothing` when it needs none. */
  renderMethodFields(method: PaymentMethod, context: ProcessorRenderContext): TemplateResult | typeof nothing;
  /** The method's field errors keyed by element id (empty when valid); the element focuses the first. */
  validate(method: PaymentMethod): Record<string, FieldError>;
  /** Starts the payment and resolves with the session the processor's server returned. Throws ApiError. */
  pay(request: PayRequest): Promise<CheckoutSession>;
  /** Shows a 422's field errors from `pay()` next to the processor's fields; true if it handled any. */
  showServerErrors?(fields: Record<string, string[]>): boolean;
  /** Forgets everything typed (after a completed payment). */
  reset?(): void;
}
