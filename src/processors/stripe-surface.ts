// The part of Stripe.js the Stripe adapter uses, in @stripe/stripe-js's own types. A compile-time check proves that
// the real SDK fits, so a signature change in @stripe/stripe-js breaks the build; the sandbox's Stripe.js test double
// types itself from the SDK, and test/processors/stripe.test.ts proves it fits this surface too.
import type * as StripeJs from '@stripe/stripe-js';

/** The SDK's own type definitions, for the few types the adapter and the double name beyond this surface. */
export type * as StripeJs from '@stripe/stripe-js';

export interface PaymentElementSurface {
  mount(domElement: string | HTMLElement): void;
  on(eventType: 'change', handler: (event: StripeJs.StripePaymentElementChangeEvent) => unknown): PaymentElementSurface;
  on(eventType: 'ready', handler: (event: { elementType: 'payment' }) => unknown): PaymentElementSurface;
  on(eventType: 'loaderror', handler: (event: { elementType: 'payment'; error: StripeJs.StripeError }) => unknown): PaymentElementSurface;
  update(options: Partial<StripeJs.StripePaymentElementUpdateOptions>): PaymentElementSurface;
  destroy(): void;
}

export interface ElementsSurface {
  create(elementType: 'payment', options?: StripeJs.StripePaymentElementOptions): PaymentElementSurface;
  update(options: StripeJs.StripeElementsUpdateOptions): Promise<void>;
  fetchUpdates(): Promise<{ error?: { message: string; status?: string } }>;
  /** Validates the fields where they are (the card frame) and answers `{error}` when they are not ready to confirm. */
  submit: StripeJs.StripeElements['submit'];
}

/** The answer of `elements.submit()`, as the SDK types it. */
export type SubmitResult = Awaited<ReturnType<StripeJs.StripeElements['submit']>>;

/**
 * `confirmPayment`'s options as the adapter passes them: always `redirect: 'if_required'`, and the PaymentIntent's
 * `clientSecret` when the elements were created without one (deferred mode: the intent is made at Pay).
 */
export interface ConfirmOptions {
  elements: ElementsSurface;
  clientSecret?: string;
  confirmParams?: Partial<StripeJs.ConfirmPaymentData>;
  redirect: 'if_required';
}

export interface StripeSurface {
  elements(options: StripeJs.StripeElementsOptionsMode): ElementsSurface;
  confirmPayment(options: ConfirmOptions): Promise<StripeJs.PaymentIntentResult>;
}

type Assert<T extends true> = T;
/** Compile-time proof that the real SDK fits this surface. */
export type StripeFitsSurface = Assert<StripeJs.Stripe extends StripeSurface ? true : false>;
