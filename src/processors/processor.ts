// The one processor contract. The sandbox processor, the hosted hand-off, Stripe and PayPal all implement it, and
// the element drives it through one controller (checkout/controllers/processor-controller.ts). Types only: every
// bundle that carries a processor (the core, an adapter chunk, a classic adapter script) may import it for free.
import type { PublicClient } from '../api/public.js';
import type { LocaleCode, Translation } from '../locales/translation.js';
import type { PaymentProcessorId, PaymentStartResponse } from '../protocol/payments.js';
import type { CheckoutSession, PaymentMethod } from '../session/schema.js';
import type { FieldError } from '../session/validation.js';
import type { ProcessorError } from './errors.js';

/**
 * A payment processor: what the element's `processor` property takes (or a list of them, one per method). The element
 * creates a light-DOM node of its own for it, slotted into its shadow tree below the payment methods, and calls
 * `mount()` the first time a method it pays for is chosen. See the README's "Writing a processor".
 */
export interface PaymentProcessor {
  /** Stable id, e.g. `sandbox`, `stripe`, `paypal`, `hosted`. */
  readonly id: string;
  /** Whether the processor moves no real money; the element then shows a "Test mode" badge. */
  readonly testMode: boolean;
  /** The methods it pays for; undefined for every method. */
  readonly methods?: readonly PaymentMethod[];
  /**
   * false for a processor that never asks for a payment start (`context.start`): simulated payments, a hand-off to
   * another page. The element then never fetches the start's code for it. Default true.
   */
  readonly startsPayments?: boolean;
  /**
   * Draws the processor's fields into `container` (its own shadow root, or an SDK's iframes) and reports each of
   * them (`context.report`). Rejects with a ProcessorLoadError (or any error: shown as `processorUnavailable`) when
   * it cannot be used; the element then shows that in place, with a retry, and keeps the rest of the form.
   */
  mount(container: HTMLElement, context: ProcessorContext): Promise<MountedProcessor>;
  /**
   * Starts fetching what `mount()` will need (a lazy processor's chunk), so it arrives with the session rather than
   * after it. Optional; the element calls it while the session loads, and a failure shows only at `mount()`.
   */
  preload?(): void;
}

/** A processor drawn into its container. */
export interface MountedProcessor {
  /** True when the processor's own button pays (PayPal's): the element then hides its Pay button. */
  readonly ownButton: boolean;
  /** Some of the context changed (only the changed data keys are given; the callbacks never change). */
  update(changes: ProcessorChanges): void | Promise<void>;
  /**
   * Reports every field's current state before a payment; returns the error that stops it, or null. A promise
   * when the SDK checks its fields itself.
   */
  validate(): ProcessorError | null | Promise<ProcessorError | null>;
  /**
   * Pays for `input.total`, or for nothing. Every failure of the processor itself is a `failed` outcome; only the
   * checkout's own server answers (an ApiError from the payment start or the client) are thrown.
   */
  pay(input: PayInput): Promise<PayOutcome>;
  /** Takes everything out of the container (the element left the page, or the processor was replaced). */
  unmount(): void;
  /** Focuses the first field that shows an error; false when none does. */
  focusFirstInvalid?(): boolean;
  /** Forgets everything typed (after a completed payment). */
  reset?(): void;
}

/** What a processor reports about one of its fields: never the value (card data stays with the processor). */
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

/** A processor field's error as the element decided to show it now (one rule for billing and processor fields). */
export interface ShownFieldError {
  error?: FieldError;
  /** The server's own words for a refused value, as data (never rendered as HTML). */
  message?: string;
}

/** The data of a processor's context: `update()` receives the keys of it that changed. */
export interface ProcessorData {
  /** The chosen method (one this processor pays for). */
  method: PaymentMethod;
  locale: LocaleCode;
  /** The locale's words (a processor draws its own labels and messages with them). */
  t: Translation;
  /** The element's colour scheme attribute (`auto`, `light`, `dark`): its computed theme tokens change with it. */
  theme: string;
  /** The session as last received (its currency, total and customer). */
  session: CheckoutSession;
  /** ISO currency of the session's items. */
  currency: string;
  /** True while a payment runs: fields are read-only. */
  disabled: boolean;
  /**
   * The processors' public keys the session carries (`processor_public_keys`: a Stripe publishable key, a PayPal
   * client id), so an SDK can load before any payment starts.
   */
  publicKeys: Readonly<Partial<Record<PaymentProcessorId, string>>>;
  /** The error each reported field shows now, by the processor's own key (absent: none). */
  errors: Readonly<Record<string, ShownFieldError>>;
}

export type ProcessorChanges = Partial<ProcessorData>;

/** What a processor gets on mount. */
export interface ProcessorContext extends ProcessorData {
  /** The checkout element: its computed theme tokens style an SDK's fields (the container sits in the light DOM). */
  host: HTMLElement;
  /**
   * Reports a field, by a key of the processor's own; `changed` when its value changed (which clears a server
   * refusal of the old value). The element decides when its error shows and gives it back in `errors`.
   */
  report(key: string, field: ProcessorFieldReport, changed: boolean): void;
  /**
   * Starts (or refreshes) the payment on the server: the protocol's payment start. While a payment runs it carries
   * the total the customer confirmed (else the session's own), and a server that answers another refuses.
   */
  start(method: PaymentMethod, signal?: AbortSignal): Promise<PaymentStartResponse>;
  /**
   * For a processor whose own button starts the payment (PayPal): the element validates its form and saves the
   * customer; false stops the payment before it starts.
   */
  begin(): Promise<boolean>;
  /** The outcome of a payment that the processor's own button started. */
  finish(outcome: PayOutcome): void;
}

/** The customer's billing details (the element collects them; the processor's fields never ask again). */
export interface BillingDetails {
  name: string | null;
  email: string | null;
  address: {
    line1: string | null;
    line2: string | null;
    city: string | null;
    postal_code: string | null;
    country: string | null;
  };
}

/** One payment, once the element has saved the customer. */
export interface PayInput {
  method: PaymentMethod;
  /** The session, saved with the customer's data. */
  session: CheckoutSession;
  billing: BillingDetails;
  /** The total the customer confirmed (minor units): the processor confirms this amount or none. */
  total: number;
  /** Where a redirect-based method brings the customer back (the page the element resumes on). */
  returnUrl: string;
  /** The session's public client (its permalink only); its `pay` carries `total`. */
  client: PublicClient;
  /** Aborts the payment (a disconnect, or a newer run). */
  signal: AbortSignal;
}

/**
 * How a payment ended in the browser. `confirmed` with the session when the processor's server answered it, else
 * the element reads the session and follows it (polls) to its outcome. `unpaid`: what to tell the customer when the
 * server still holds the session `pending` after this confirmation (the money was refused after it, as a PayPal
 * capture declined after the buyer approved).
 */
export type PayOutcome =
  | { status: 'confirmed'; processorId?: string; session?: CheckoutSession; unpaid?: ProcessorError }
  | { status: 'failed'; error: ProcessorError };

/** What the checkout model asks for one payment (model/types.ts `ModelProcessor`); the element makes it a PayInput. */
export interface PayRequest {
  session: CheckoutSession;
  method: PaymentMethod;
  client: PublicClient;
  signal: AbortSignal;
  /** The total on the Pay button, in minor units: what the customer confirmed. */
  total: number;
}
