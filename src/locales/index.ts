import ca from './ca.ts';
import de from './de.ts';
import en from './en.ts';
import es from './es.ts';
import fi from './fi.ts';
import fr from './fr.ts';
import hu from './hu.ts';
import nl from './nl.ts';
import no from './no.ts';
import sv from './sv.ts';
import type { LocaleCode, Translation } from './translation.ts';

export type { BillingField, LocaleCode, Translation, ValidationMessages } from './translation.ts';

// why: locales are bundled, not fetched, so the form never waits on a second round trip after the session.
// All ten together are a few kilobytes gzipped, less than one request's overhead.
const translations: Record<LocaleCode, Translation> = { ca, de, en, es, fi, fr, hu, nl, sv, no };

/** The codes the widget can display. */
export const LOCALE_CODES: readonly LocaleCode[] = ['ca', 'de', 'en', 'es', 'fi', 'fr', 'hu', 'nl', 'sv', 'no'];

/** Tags that mean a supported code without being one: Norwegian Bokmål and Nynorsk both show `no`. */
const ALIASES: Readonly<Record<string, LocaleCode>> = { nb: 'no', nn: 'no' };

/** The translation for a code, English for anything unknown. */
export function getTranslation(code: string): Translation {
  return translations[matchLocale(code) ?? 'en'];
}

/** Lowercased, hyphenated, canonical where Intl can canonicalize it: "EN_us" → "en-us". */
function normalizeTag(tag: string): string {
  const hyphenated = tag.trim().replace(/_/g, '-');
  try {
    return (Intl.getCanonicalLocales(hyphenated)[0] ?? hyphenated).toLowerCase();
  } catch {
    return hyphenated.toLowerCase();
  }
}

/**
 * Maps a BCP 47 tag to a supported code, or undefined: `nb-NO` → `no`, `de-AT` → `de`, `pt` → undefined.
 * Lookup as in RFC 4647: the whole tag first (region), then shorter prefixes down to the language.
 */
export function matchLocale(tag: string | null | undefined): LocaleCode | undefined {
  if (!tag) return undefined;
  const subtags = normalizeTag(tag).split('-');
  for (let length = subtags.length; length > 0; length--) {
    const candidate = subtags.slice(0, length).join('-');
    if ((LOCALE_CODES as readonly string[]).includes(candidate)) return candidate as LocaleCode;
    const alias = ALIASES[candidate];
    if (alias) return alias;
  }
  return undefined;
}

/** The best supported code for the browser's preference list (navigator.languages), or English. */
export function negotiateLocale(languages: readonly string[] | null | undefined): LocaleCode {
  for (const language of languages ?? []) {
    const match = matchLocale(language);
    if (match) return match;
  }
  return 'en';
}

/**
 * Picks the display locale, per element:
 * 1. the element's `locale` attribute;
 * 2. the session's `locale`;
 * 3. for `auto` (or nothing set), the best match among `languages` (navigator.languages);
 * 4. English.
 * An explicit `auto` on the attribute overrides the session's locale, like any other attribute value.
 * A value that is neither `auto` nor supported (`pt`) is ignored, and the next rule applies.
 */
export function resolveLocale(options: {
  attribute?: string | null;
  session?: string | null;
  languages?: readonly string[];
}): LocaleCode {
  for (const value of [options.attribute, options.session]) {
    if (!value) continue;
    if (value.trim().toLowerCase() === 'auto') return negotiateLocale(options.languages);
    const match = matchLocale(value);
    if (match) return match;
  }
  return negotiateLocale(options.languages);
}
