// The part of Stripe.js the Stripe adapter uses, in @stripe/stripe-js's own types. One home for the adapter
// (stripe.ts) and the sandbox's Stripe.js test double (src/sandbox/doubles/stripe.ts), which implements it; a
// compile-time check proves that the real SDK fits, so a signature change in @stripe/stripe-js breaks the build.
import type {
  ConfirmPaymentData,
  PaymentIntentResult,
  Stripe,
  StripeElements,
  StripeElementsOptionsClientSecret,
  StripeElementsUpdateOptions,
  StripeError,
  StripePaymentElementChangeEvent,
  StripePaymentElementOptions,
  StripePaymentElementUpdateOptions,
} from '@stripe/stripe-js';

export type {
  Appearance,
  ConfirmPaymentData,
  PaymentIntent,
  PaymentIntentResult,
  StripeElementLocale,
  StripeElementsOptionsClientSecret,
  StripeElementsUpdateOptions,
  StripeError,
  StripePaymentElementChangeEvent,
  StripePaymentElementOptions,
  StripePaymentElementUpdateOptions,
} from '@stripe/stripe-js';

export interface PaymentElementSurface {
  mount(domElement: string | HTMLElement): void;
  on(eventType: 'change', handler: (event: StripePaymentElementChangeEvent) => unknown): PaymentElementSurface;
  on(eventType: 'ready', handler: (event: { elementType: 'payment' }) => unknown): PaymentElementSurface;
  on(eventType: 'loaderror', handler: (event: { elementType: 'payment'; error: StripeError }) => unknown): PaymentElementSurface;
  update(options: Partial<StripePaymentElementUpdateOptions>): PaymentElementSurface;
  destroy(): void;
}

export interface ElementsSurface {
  create(elementType: 'payment', options?: StripePaymentElementOptions): PaymentElementSurface;
  update(options: StripeElementsUpdateOptions): Promise<void>;
  fetchUpdates(): Promise<{ error?: { message: string; status?: string } }>;
  /** Validates the fields where they are (the card frame) and answers `{error}` when they are not ready to confirm. */
  submit: StripeElements['submit'];
}

/** The answer of `elements.submit()`, as the SDK types it. */
export type SubmitResult = Awaited<ReturnType<StripeElements['submit']>>;

/** `confirmPayment`'s options as the adapter passes them: always `redirect: 'if_required'`. */
export interface ConfirmOptions {
  elements: ElementsSurface;
  confirmParams?: Partial<ConfirmPaymentData>;
  redirect: 'if_required';
}

export interface StripeSurface {
  elements(options: StripeElementsOptionsClientSecret): ElementsSurface;
  confirmPayment(options: ConfirmOptions): Promise<PaymentIntentResult>;
}

type Assert<T extends true> = T;
/** Compile-time proof that the real SDK fits this surface. */
export type StripeFitsSurface = Assert<Stripe extends StripeSurface ? true : false>;
