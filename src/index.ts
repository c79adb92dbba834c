// The package's side-effect-free entry: the element class (not registered: import `quaderno-checkout.ts` for the tag),
// its events and types, the API client, the session schemas and money helpers, the locales, the processors.
export { QuadernoCheckout } from './checkout/checkout.component.ts';
export type { CheckoutView, CheckoutTheme } from './checkout/checkout.component.ts';
export * from './checkout/events.ts';
export { navigate, setNavigator } from './ui/navigation.ts';
export type { Navigator } from './ui/navigation.ts';
export * as validation from './session/validation.ts';
export type { FieldError, ErrorKey } from './session/validation.ts';
export * from './api/index.ts';
export * from './session/index.ts';
export type { ProtocolSession } from './protocol/session.ts';
export type { TaxIdCheck, TaxLine, TaxSummary } from './protocol/tax.ts';
export { loadTranslation, peekTranslation, predictLocales, matchLocale, resolveLocale, LOCALE_CODES } from './locales/index.ts';
export { getTranslation, TRANSLATIONS } from './locales/all.ts';
export type { BillingField, LocaleCode, Translation, ValidationMessages } from './locales/index.ts';
export * from './processors/index.ts';
