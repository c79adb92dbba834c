// Small Intl helpers shared by the translations and the element. No Lit, no DOM.

const pluralRulesCache = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of `count` in `locale`: pluralCategory('fr', 0) → "one", pluralCategory('fi', 2) → "other". */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesCache.set(locale, rules);
  }
  return rules.select(count);
}

/** Picks the form for `count`; categories a caller leaves out fall back to `other` (e.g. French "many"). */
export function plural(
  locale: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  return forms[pluralCategory(locale, count)] ?? forms.other;
}

/** True where the family name is written first, so the form should ask for it first (Hungarian: Vezetéknév, Keresztnév). */
export function familyNameFirst(locale: string): boolean {
  return ['hu', 'ja', 'ko', 'vi', 'zh'].includes(locale.toLowerCase().split(/[-_]/)[0] ?? '');
}
