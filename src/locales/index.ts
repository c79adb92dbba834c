import en from './en.ts';
import type { LocaleCode, Translation } from './translation.ts';

export type { BillingField, LocaleCode, Translation, ValidationMessages } from './translation.ts';

// why: locales are bundled, not fetched, so the form never waits on a second round trip after the session.
const translations: Partial<Record<LocaleCode, Translation>> = { en };

/** The codes the widget can display. */
export const LOCALE_CODES: readonly LocaleCode[] = ['ca', 'de', 'en', 'es', 'fi', 'fr', 'hu', 'nl', 'sv', 'no'];

/** The translation for a code, English for anything unknown. */
export function getTranslation(code: string): Translation {
  return translations[code as LocaleCode] ?? en;
}

/** Maps a BCP 47 tag to a supported code, or undefined: `nb-NO` → `no`, `de-AT` → `de`. */
export function matchLocale(tag: string | null | undefined): LocaleCode | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  const language = lower.split('-')[0] ?? '';
  if (language === 'nb' || language === 'nn' || language === 'no') return 'no';
  return (LOCALE_CODES as readonly string[]).includes(language) ? (language as LocaleCode) : undefined;
}

/** Picks the display locale: the element's attribute, then the session's, then (for `auto`) the browser's, then English. */
export function resolveLocale(options: {
  attribute?: string | null;
  session?: string | null;
  languages?: readonly string[];
}): LocaleCode {
  const fromAttribute = options.attribute && options.attribute !== 'auto' ? matchLocale(options.attribute) : undefined;
  if (fromAttribute) return fromAttribute;
  const fromSession = options.session && options.session !== 'auto' ? matchLocale(options.session) : undefined;
  if (fromSession) return fromSession;
  for (const language of options.languages ?? []) {
    const match = matchLocale(language);
    if (match) return match;
  }
  return 'en';
}
