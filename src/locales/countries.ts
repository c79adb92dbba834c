// Country lists for the billing form and the VAT validator. No Lit, no DOM.

/**
 * Every officially assigned ISO 3166-1 alpha-2 code (249). Exceptionally reserved codes (EU, UN, UK,
 * EA, IC, AC, TA, DG, CP, EZ, FX) and user-assigned ones (XK) are left out: none is a billing country.
 */
export const COUNTRY_CODES: readonly string[] = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
  BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
  CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
  DE DJ DK DM DO DZ
  EC EE EG EH ER ES ET
  FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
  HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT
  JE JM JO JP
  KE KG KH KI KM KN KP KR KW KY KZ
  LA LB LC LI LK LR LS LT LU LV LY
  MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
  NA NC NE NF NG NI NL NO NP NR NU NZ
  OM
  PA PE PF PG PH PK PL PM PN PR PS PT PW PY
  QA
  RE RO RS RU RW
  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
  TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
  UA UG UM US UY UZ
  VA VC VE VG VI VN VU
  WF WS
  YE YT
  ZA ZM ZW
`
  .trim()
  .split(/\s+/);

/** The 27 EU member states, by ISO 3166-1 code (Greece is GR here; its VAT numbers start with EL). */
export const EU_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

/** True for an EU member state's ISO code. */
export function isEuCountry(country: string): boolean {
  return EU_COUNTRIES.includes(country.toUpperCase());
}

/** The prefix of a country's EU VAT numbers: the ISO code, except Greece's EL. */
export function vatPrefix(country: string): string {
  const code = country.toUpperCase();
  return code === 'GR' ? 'EL' : code;
}

/** One entry of the country select. */
export interface CountryOption {
  code: string;
  name: string;
}

const optionsCache = new Map<string, CountryOption[]>();

/**
 * Every country with its name in `locale` (Intl.DisplayNames), sorted by that locale's Intl.Collator.
 * Memoized per locale; the array and its entries are frozen, so copy before sorting or editing.
 */
export function countryOptions(locale: string): CountryOption[] {
  const cached = optionsCache.get(locale);
  if (cached) return cached;
  let names: Intl.DisplayNames;
  let collator: Intl.Collator;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    collator = new Intl.Collator(locale);
  } catch {
    // why: a malformed tag throws a RangeError; the select still needs a list.
    names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    collator = new Intl.Collator('en');
  }
  const options = COUNTRY_CODES.map((code) => Object.freeze({ code, name: names.of(code) ?? code }));
  options.sort((a, b) => collator.compare(a.name, b.name));
  Object.freeze(options);
  optionsCache.set(locale, options);
  return options;
}
