// Locale negotiation and on-demand translations. The core carries English (`en.ts`) and this module; every other
// locale is a dynamic `import()`, which the ES module build emits as a chunk of its own next to the bundle (the
// classic-script build and the single-file esbuild bundles inline them, so they stay self-contained).
import en from './en.js';
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from '../session/locale-codes.js';
import type { Translation } from './translation.js';

export type { BillingField, LocaleCode, Translation, ValidationMessages } from './translation.js';
export { LOCALE_CODES };

// why one literal `import()` per locale: bundlers (rolldown, esbuild) split or inline only what they can see; the
// `Record` type makes this map fail the type check unless it covers exactly the codes of ./codes.ts.
const loaders: Record<Exclude<LocaleCode, typeof DEFAULT_LOCALE>, () => Promise<{ default: Translation }>> = {
  ca: () => import('./ca.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  hu: () => import('./hu.js'),
  nl: () => import('./nl.js'),
  sv: () => import('./sv.js'),
  no: () => import('./no.js'),
};

const loaded = new Map<LocaleCode, Translation>([[DEFAULT_LOCALE, en]]);
const loading = new Map<LocaleCode, Promise<Translation>>();

/** English, the translation every build carries. */
export const defaultTranslation: Translation = en;

/** The translation for a code if it is already loaded (English always is), else undefined. Unknown codes mean English. */
export function peekTranslation(code: string | null | undefined): Translation | undefined {
  return loaded.get(matchLocale(code) ?? DEFAULT_LOCALE);
}

/**
 * Loads the translation for a code (English for an unknown one); one request per locale however often it is asked.
 * A failed load (network) rejects and is forgotten, so a later call tries again.
 */
export function loadTranslation(code: string | null | undefined): Promise<Translation> {
  const locale = matchLocale(code) ?? DEFAULT_LOCALE;
  const hit = loaded.get(locale);
  if (hit) return Promise.resolve(hit);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale as keyof typeof loaders]().then(
      ({ default: translation }) => {
        loaded.set(locale, translation);
        loading.delete(locale);
        return translation;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
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

/** Tags that mean a supported code without being one: Norwegian Bokmål and Nynorsk both show `no`. */
const ALIASES: Readonly<Record<string, LocaleCode>> = { nb: 'no', nn: 'no' };

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
  return DEFAULT_LOCALE;
}

const isAuto = (value: string) => value.trim().toLowerCase() === 'auto';

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
    if (isAuto(value)) return negotiateLocale(options.languages);
    const match = matchLocale(value);
    if (match) return match;
  }
  return negotiateLocale(options.languages);
}

/**
 * The locales worth loading before the session arrives, so their chunks download in parallel with the session GET:
 * - a supported `locale` attribute decides alone (`auto` there means the browser's languages);
 * - otherwise the session will name a locale, or say `auto`: the page's language (`<html lang>`, or the nearest
 *   `lang` around the element) is the merchant's best hint for the first, the browser's languages decide the second.
 * English may be in the list; it is always loaded. At most two codes.
 */
export function predictLocales(options: {
  attribute?: string | null;
  documentLang?: string | null;
  languages?: readonly string[];
}): LocaleCode[] {
  const { attribute, documentLang, languages } = options;
  if (attribute && (isAuto(attribute) || matchLocale(attribute))) return [resolveLocale({ attribute, languages })];
  const page = matchLocale(documentLang);
  const browser = negotiateLocale(languages);
  return page && page !== browser ? [page, browser] : [browser];
}
