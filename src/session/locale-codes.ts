// The one home of the locale codes. Everything else derives from this list: the `LocaleCode` type, the session
// schema's `locale` enum (plus `auto`), the loaders in ./index.ts (type-checked against it), the build's chunk
// checks and the bench. Adding a locale: add its code here and write `src/locales/<code>.ts`.
// why a module of its own: the session schema needs the codes without pulling any translation into its importers.

/** The locales the widget ships translations for. English (`en`) is in the core bundle; the others load on demand. */
export const LOCALE_CODES = ['ca', 'de', 'en', 'es', 'fi', 'fr', 'hu', 'nl', 'sv', 'no'] as const;

export type LocaleCode = (typeof LOCALE_CODES)[number];

/** The locale every build carries, and the fallback for anything unknown. */
export const DEFAULT_LOCALE = 'en' satisfies LocaleCode;

/** Locales documented for checkout sessions (the session's `locale`); `auto` asks the browser. */
export const LOCALES = ['auto', ...LOCALE_CODES] as const;
export type SessionLocale = (typeof LOCALES)[number];
