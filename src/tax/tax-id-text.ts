// What a customer typed as a tax ID, read the same way by the element's field and by every server that checks it:
// case, the separators people type and the country prefix never decide anything. Browser-safe and tiny; the
// checks themselves (src/tax/tax-ids.ts) are Node-only, and the element asks them through the tax preview.

/** The longest tax ID the field takes (the field table's maxLength) and any server checks. */
export const TAX_ID_MAX_LENGTH = 30;

/** The prefixes a country's tax IDs may carry: its ISO code, and Greece's EL besides GR. */
export function taxIdPrefixes(country: string): readonly string[] {
  const code = country.trim().toUpperCase();
  return code === 'GR' ? ['EL', 'GR'] : [code];
}

/** Upper-cased, without the separators people type: spaces, dots, dashes and slashes. */
export function compactTaxId(value: string): string {
  return value.toUpperCase().replace(/[\s.\-/]/g, '');
}

/** The number without separators and without the country's prefix, if it had one. */
export function taxIdBody(country: string, value: string): string {
  const compact = compactTaxId(value);
  const prefix = taxIdPrefixes(country).find((p) => compact.startsWith(p));
  return prefix ? compact.slice(prefix.length) : compact;
}

/**
 * The spellings of one typed ID a validator is asked about: as typed (some numbers keep a sign, like Finland's
 * personal code `131052-308T`), without spaces, without any separator, each with and without the country prefix.
 * why several: a prefix may also be the start of the number itself (Switzerland's `CHE…`, a codice fiscale `IT…`).
 */
export function taxIdSpellings(country: string, value: string): string[] {
  const typed = value.trim().toUpperCase();
  const bases = [typed, typed.replace(/\s/g, ''), compactTaxId(typed)];
  const out = new Set<string>();
  for (const base of bases) {
    out.add(base);
    for (const prefix of taxIdPrefixes(country)) {
      if (base.startsWith(prefix)) out.add(base.slice(prefix.length).replace(/^[\s:]+/, ''));
    }
  }
  out.delete('');
  return [...out];
}

/**
 * Whether the text can be a tax ID at all, anywhere: something is left once separators and prefix are gone, and
 * it fits the field. The one refusal the element makes by itself; everything else is the server's check.
 */
export function taxIdPlausible(country: string, value: string): boolean {
  const body = taxIdBody(country, value);
  return body !== '' && /[A-Z0-9]/.test(body) && compactTaxId(value).length <= TAX_ID_MAX_LENGTH;
}

// why: the field error shows one example of the number customers there most often give (the VAT number).
const EXAMPLES: Readonly<Record<string, string>> = {
  AT: 'ATU12345678', BE: 'BE0123456789', BG: 'BG123456789', CY: 'CY12345678L', CZ: 'CZ12345678', DE: 'DE123456789',
  DK: 'DK12345678', EE: 'EE123456789', GR: 'EL123456789', ES: 'ESX1234567X', FI: 'FI12345678', FR: 'FR12345678901',
  HR: 'HR12345678901', HU: 'HU12345678', IE: 'IE1234567WA', IT: 'IT12345678901', LT: 'LT123456789', LU: 'LU12345678',
  LV: 'LV12345678901', MT: 'MT12345678', NL: 'NL123456789B01', PL: 'PL1234567890', PT: 'PT123456789',
  RO: 'RO1234567890', SE: 'SE123456789001', SI: 'SI12345678', SK: 'SK1234567890',
};

/** An example tax ID for the error message: the country's VAT number format, Germany's elsewhere. */
export function taxIdExample(country: string): string {
  return EXAMPLES[country.trim().toUpperCase()] ?? EXAMPLES.DE!;
}
