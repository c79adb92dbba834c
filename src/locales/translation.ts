import type { BillingField } from '../session/fields.js';
import type { LocaleCode } from '../session/locale-codes.js';
import type { ErrorKey } from '../session/validation.js';

/** Locales the widget ships translations for (every documented session locale except `auto`); see src/session/locale-codes.ts. */
export type { LocaleCode };

/** The billing fields the form can show (the table in src/session/fields.ts); each locale labels every one. */
export type { BillingField };

/** Keys of validation errors; the validators return these with parameters, the locale words them. */
export interface ValidationMessages {
  required: string;
  /** The server refused a value the form's own rules accepted, and gave no reason the form words. */
  invalid: string;
  /** No payment method chosen (a radio group, so not "fill in this field"). */
  paymentMethod: string;
  email: string;
  tooLong: (max: number) => string;
  /** `example` is a sample of the expected format, e.g. "DE123456789". */
  taxId: (example: string) => string;
  postalCode: string;
  /** A domestic sale where the customer's tax ID is mandatory (BG, CY, ES, HR, IT, PT) and none was given. */
  taxIdRequired: string;
  country: string;
  cardNumber: string;
  cardExpiry: string;
  cardCvc: string;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that the locales word exactly the validators' error keys. */
export type ValidationKeysMatch = Assert<Same<keyof ValidationMessages, ErrorKey>>;
type Assert<T extends true> = T;

/**
 * Every string the element shows. One typed object per locale implements it, so a missing or
 * extra key fails the type check. Terms with parameters are functions.
 */
export interface Translation {
  /** BCP 47 tag used for Intl (number, currency, plural, collation, display names). */
  $code: LocaleCode;
  $dir: 'ltr' | 'rtl';

  // loading and errors of the whole widget
  loading: string;
  errorTitle: string;
  errorLoad: string;
  errorNetwork: string;
  errorTimeout: string;
  errorNotFound: string;
  errorInvalidPermalink: string;
  errorRateLimited: string;
  errorServer: string;
  errorBadResponse: string;
  errorUnsafeUrl: string;
  errorSave: string;
  errorNotPending: string;
  errorMixedCurrencies: string;
  retry: string;

  // order summary
  orderSummary: string;
  itemCount: (count: number) => string;
  quantity: string;
  unitPrice: string;
  lineTotal: string;
  quantityTimesPrice: (quantity: number, price: string) => string;
  subtotal: string;
  discountWithCode: (code: string) => string;
  total: string;
  /** An inclusive price's tax, e.g. "Includes VAT 21 %" (`tax` is the line's name and rate). */
  includesTax: (tax: string) => string;
  /** Said where a valid foreign EU VAT number moves the VAT to the customer. */
  reverseCharge: string;
  /** The rate depends on the postal code (US, CA) and none is given yet. */
  taxNeedsPostalCode: string;
  taxIdChecking: string;
  taxIdValid: string;
  /** The tax ID check said no: a field error. */
  taxIdInvalid: string;
  /** The same where the tax ID is mandatory (a domestic sale in BG, CY, ES, HR, IT, PT): leaving it empty is no way out. */
  taxIdInvalidRequired: string;
  /** The tax authority could not be asked: the standard rate applies. */
  taxIdUnverified: string;
  /** The pay was refused because the total differs from the one shown. */
  errorTotalChanged: string;
  /** The phone layout's disclosure of the collapsed summary. */
  showOrderSummary: string;
  hideOrderSummary: string;

  // billing form
  billingDetails: string;
  contactDetails: string;
  optional: string;
  fields: Record<BillingField, string>;
  selectCountry: string;
  showFullAddress: string;
  formHasErrors: (count: number) => string;
  validation: ValidationMessages;

  // coupon
  couponLabel: string;
  couponPlaceholder: string;
  couponApply: string;
  couponApplying: string;
  couponRemove: string;
  /** The Remove button while the code is being removed. */
  couponRemoving: string;
  couponApplied: (code: string) => string;
  couponRemoved: string;
  couponInvalid: string;
  couponNotAccepted: string;
  /** A refused coupon whose validity date has passed. */
  couponExpired: string;
  /** A refused coupon redeemed as often as it may be. */
  couponUsedUp: string;
  /** A refused coupon restricted to another currency (an ISO 4217 code). */
  couponCurrency: (currency: string) => string;

  // payment
  paymentMethod: string;
  paymentMethods: { card: string; paypal: string };
  payAmount: (amount: string) => string;
  saving: string;
  processing: string;
  processingHint: string;
  testMode: string;
  testModeCardHint: string;
  cardNumber: string;
  cardExpiry: string;
  /** The expiry field's placeholder, in the locale's own letters (MM/AA, KK/VV…). */
  cardExpiryPlaceholder: string;
  cardCvc: string;
  paypalApprove: string;
  paypalDecline: string;
  paypalHint: string;
  redirecting: string;
  cancel: string;
  cancelling: string;

  // session states
  completedTitle: string;
  completedBody: string;
  failedTitle: string;
  failedBody: string;
  tryAgain: string;
  abandonedTitle: string;
  abandonedBody: string;
  /** The customer cancelled here (the session is abandoned because of it, not expired). */
  cancelledTitle: string;
  cancelledBody: string;
  continueToMerchant: string;
  returnToMerchant: string;
  draftRestored: string;

  // the hosted payment hand-off (a server that advertises `hosted_payment`, not `pay`)
  /** Under the payment methods: the customer finishes paying on Quaderno's page. */
  hostedPaymentNote: string;
  // real processors (Stripe, PayPal): their loading, field and payment errors
  processorUnavailable: string;
  cardIncomplete: string;
  cardDeclined: string;
  paymentAuthenticationFailed: string;
  paymentFailed: string;
  paypalCancelled: string;
  paypalFailed: string;
  paypalUseButton: string;
  // the session's inactivity limit: a warning before it, and its one-action extension
  /** Shown (as an alert) a few minutes before an idle checkout closes. */
  expiryWarning: (minutes: number) => string;
  /** The warning's button: keeps the checkout open. */
  expiryExtend: string;
  /** Said once the checkout was kept open. */
  expiryExtended: string;
  /** Over the form of a failed session the server cannot reopen (no `retry`): why the fields are locked. */
  detailsLocked: string;
}
