// The minimal shape of a processor that mounts into real DOM (issue 12 item 4, issue 14): the checkout gives it a
// light-DOM container (a `<div slot>` child of the element, slotted into its shadow tree) and a context; the
// processor draws its SDK's fields there. Small on purpose, so it maps onto the checkout model's interface.
// why no HTTP and no zod here: the classic adapter scripts bundle this module; the payment start (payment-start.ts)
// is the core's, lent to them through `AdapterServices`.
import type { LocaleCode } from '../locales/translation.ts';
import type { PaymentErrorCode, PaymentProcessorId, PaymentStartResponse } from '../protocol/payments.ts';
import type { PaymentMethod } from '../session/schema.ts';

/**
 * Translation keys of the processors' customer-facing errors (one home; each locale needs them).
 * en: processorUnavailable "The payment form could not load. Check your connection and try again.",
 * cardIncomplete "Complete your card details.", cardDeclined "Your card was declined. Try another card.",
 * paymentAuthenticationFailed "Your bank could not confirm the payment. Try again or use another card.",
 * paymentFailed "The payment did not go through. Try again.", paypalCancelled "You closed PayPal before paying.",
 * paypalFailed "PayPal could not take the payment. Try again.", paypalUseButton "Pay with the PayPal button."
 */
export const PROCESSOR_MESSAGE_KEYS = [
  'processorUnavailable',
  'cardIncomplete',
  'cardDeclined',
  'paymentAuthenticationFailed',
  'paymentFailed',
  'paypalCancelled',
  'paypalFailed',
  'paypalUseButton',
] as const;
export type ProcessorMessageKey = (typeof PROCESSOR_MESSAGE_KEYS)[number];

/** A processor error as the element shows it (localized by key) and reports it (`quaderno-error` with `code`). */
export interface ProcessorError {
  code: PaymentErrorCode;
  messageKey: ProcessorMessageKey;
  /** The SDK's own code (`card_declined`, `resource_missing`…), for logs and the event's detail. */
  sdkCode?: string;
}

export function processorError(code: PaymentErrorCode, messageKey: ProcessorMessageKey, sdkCode?: string): ProcessorError {
  return sdkCode === undefined ? { code, messageKey } : { code, messageKey, sdkCode };
}

/** The processor's own fields, for the element's one rule on when errors show. */
export interface ProcessorFieldState {
  /** The SDK drew its fields. */
  ready: boolean;
  empty: boolean;
  complete: boolean;
  /** The SDK failed to load or refused its configuration. */
  error?: ProcessorError;
}

/** How a payment attempt ended in the browser. After `confirmed`, the element polls the session as today. */
export type PayOutcome = { status: 'confirmed'; processorId: string } | { status: 'failed'; error: ProcessorError };

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

/** What the element tells a mounted processor; `update()` receives a fresh one whenever any of it changes. */
export interface ProcessorMountContext {
  method: PaymentMethod;
  locale: LocaleCode;
  currency: string;
  disabled: boolean;
  /** The checkout element: its computed theme tokens style the processor's fields. */
  host: HTMLElement;
  /**
   * The processors' public keys the session carries (`processor_public_keys`: a Stripe publishable key, a PayPal
   * client id), so an SDK can load before any payment starts. Missing from an older server's session.
   */
  publicKeys?: Readonly<Partial<Record<PaymentProcessorId, string>>>;
  /** Starts (or refreshes) the payment on the server: the protocol's payment start. */
  start(method: PaymentMethod, signal?: AbortSignal): Promise<PaymentStartResponse>;
  /** The processor's fields changed. */
  report(state: ProcessorFieldState): void;
  /**
   * For a processor whose own button starts the payment (PayPal): the element validates its form and saves the
   * customer; false stops the payment before it starts.
   */
  begin(): Promise<boolean>;
  /** The outcome of a payment that the processor's own button started. */
  finish(outcome: PayOutcome): void;
}

export interface PayInput {
  billing: BillingDetails;
  /** Where a redirect-based method brings the customer back (the page the element resumes on). */
  returnUrl: string;
}

export interface MountedProcessor {
  /** True when the processor's own button pays (the element then hides its Pay button). */
  readonly ownButton: boolean;
  update(ctx: ProcessorMountContext): Promise<void>;
  /** The error to show before paying (fields empty or incomplete), or null; a promise when the SDK checks its fields. */
  validate(): ProcessorError | null | Promise<ProcessorError | null>;
  /** Confirms the payment through the SDK. Every SDK failure is an outcome; only the payment start's ApiError is thrown. */
  pay(input: PayInput): Promise<PayOutcome>;
  unmount(): void;
}

/** A real processor: mounts into a light-DOM container. */
export interface ProcessorAdapter {
  readonly id: 'stripe' | 'paypal';
  /**
   * Starts the payment, loads the SDK and draws its fields. Rejects with a ProcessorLoadError when the SDK cannot
   * be used, or with the payment start's ApiError (a session no longer pending, a method not offered…).
   */
  mount(container: HTMLElement, ctx: ProcessorMountContext): Promise<MountedProcessor>;
}

/** Thrown by `mount()` when the SDK cannot be used; the element shows `error.messageKey`. */
export class ProcessorLoadError extends Error {
  override readonly name = 'ProcessorLoadError';
  constructor(
    readonly error: ProcessorError,
    options?: { cause?: unknown },
  ) {
    super(`Processor unavailable (${error.sdkCode ?? error.code})`, options);
  }
}

/** The protocol's payment start, `POST <permalink>/payment.json` (payment-start.ts). */
export type StartPayment = (permalink: string, method: PaymentMethod, total: number, options?: { signal?: AbortSignal }) => Promise<PaymentStartResponse>;

/**
 * What the core lends the adapters' processor, so an adapter script carries no HTTP layer and no zod of its own
 * (registry.ts gives the core's; lazy.ts the same for the npm factories).
 */
export interface AdapterServices {
  /** The payment start, loaded on first use (a chunk of its own where the build splits). */
  loadPaymentStart(): Promise<StartPayment>;
}

/** A theme token: the element's resolved private custom property, and the public one a merchant sets. */
export interface ThemeToken {
  private: string;
  public: string;
}

/** Reads a theme token's current value ('' when neither property is set). */
export type TokenReader = (token: ThemeToken) => string;

/** The reader for an element's computed style. */
// why: the private `--_x` tokens carry the element's defaults (and its dark scheme); the public ones win inside them.
export function computedTokens(host: Element): TokenReader {
  const style = getComputedStyle(host);
  return (token) => (style.getPropertyValue(`--_${token.private}`) || style.getPropertyValue(`--quaderno-${token.public}`)).trim();
}
