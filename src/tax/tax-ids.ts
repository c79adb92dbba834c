// Tax ID validation: format and check digits from the maintained `stdnum` package (npm stdnum 1.12.0, a port of
// python-stdnum), never hand-written per country; where stdnum refuses valid numbers, tax-id-fixes.ts corrects it.
// Node-only. No network: the sandbox stands in for VIES and friends. The element asks this rule through the tax
// preview (stdnum's validators would add ~9 KB brotli to its bundle); what it checks by itself is tax-id-text.ts.
import { createRequire } from 'node:module';
import type { Validator } from 'stdnum';
import { EU_STATES } from './data/jurisdictions.js';
import { FIXED_VALIDATORS } from './tax-id-fixes.js';
import { taxIdPlausible, taxIdSpellings, compactTaxId } from './tax-id-text.js';

const require = createRequire(import.meta.url);

// why: the module of each EU state is the one stdnum's own `euVat` table names (a test holds them equal); loading
// stdnum's index instead would load every country's validators.
const EU_VAT_MODULES: Readonly<Record<string, string>> = {
  AT: 'at/uid', BE: 'be/vat', BG: 'bg/vat', CY: 'cy/vat', CZ: 'cz/dic', DE: 'de/vat', DK: 'dk/cvr', EE: 'ee/kmkr',
  ES: 'es/nif', FI: 'fi/alv', FR: 'fr/tva', GR: 'gr/vat', HR: 'hr/oib', HU: 'hu/anum', IE: 'ie/vat', IT: 'it/iva',
  LT: 'lt/pvm', LU: 'lu/tva', LV: 'lv/pvn', MT: 'mt/vat', NL: 'nl/btw', PL: 'pl/nip', PT: 'pt/nif', RO: 'ro/cif',
  SE: 'se/vat', SI: 'si/ddv', SK: 'sk/dph',
};

/**
 * The other tax numbers a customer of each country may give, each checked by its own stdnum module: a person's
 * tax number, a company's register number where it is the tax reference. A number is valid when any kind of its
 * country accepts it. (Cyprus's TIC, Croatia's OIB, Greece's AFM and Portugal's NIF are one number for everyone.)
 */
const NATIONAL_MODULES: Readonly<Record<string, readonly string[]>> = {
  AT: ['at/tin'],
  BE: ['be/nn', 'be/bis'],
  BG: ['bg/egn', 'bg/pnf'],
  CZ: ['cz/rc'],
  DE: ['de/idnr', 'de/stnr'],
  DK: ['dk/cpr'],
  EE: ['ee/ik', 'ee/registrikood'],
  FI: ['fi/ytunnus', 'fi/hetu'],
  FR: ['fr/nif', 'fr/siren', 'fr/siret'],
  IE: ['ie/pps'],
  IT: ['it/codicefiscale'],
  LT: ['lt/asmens'],
  NL: ['nl/bsn'],
  PL: ['pl/pesel', 'pl/regon'],
  RO: ['ro/cnp'],
  SE: ['se/orgnr', 'se/personnummer'],
  SK: ['sk/rc'],
};

/**
 * Kinds of tax number no maintained validator checks, by a loose shape: a number of that shape "could not be
 * checked" (null) rather than refused. why: never refuse a valid ID just because we cannot check its kind.
 */
const UNCHECKED_KINDS: Readonly<Record<string, readonly RegExp[]>> = {
  BG: [/^\d{13}$/], // a branch's 13-digit BULSTAT
  HU: [/^8\d{9}$/], // a person's adóazonosító jel
  LU: [/^\d{13}$/], // a person's matricule
  MT: [/^\d{1,7}[MGAPLHBZ]$/], // a person's ID card number
};

/** The stdnum module(s) of each country's VAT number (Canada: Québec's QST or the federal GST/HST number). */
const VAT_MODULES: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(EU_STATES.map((country) => [country, [EU_VAT_MODULES[country]!]])),
  GB: ['gb/vat'],
  CH: ['ch/vat'],
  NO: ['no/mva'],
  AU: ['au/abn'],
  NZ: ['nz/ird'],
  CA: ['ca/qst', 'ca/gst'],
};

const OTHER_NATIONAL_MODULES: Readonly<Record<string, readonly string[]>> = {
  GB: ['gb/utr'],
  CH: ['ch/uid', 'ch/ssn'],
  NO: ['no/orgnr', 'no/fodselsnummer'],
  AU: ['au/acn', 'au/tfn'],
  CA: ['ca/bn'],
};

/** The stdnum modules that check each country's tax IDs: its VAT number's first, then its other tax numbers. */
export const VALIDATORS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(VAT_MODULES).map(([country, vat]) => [country, [...vat, ...(NATIONAL_MODULES[country] ?? []), ...(OTHER_NATIONAL_MODULES[country] ?? [])]]),
);

/** Countries whose tax IDs can be checked. */
export const CHECKED_COUNTRIES: readonly string[] = Object.keys(VALIDATORS);

/**
 * Quaderno's sandbox test values: `DE111111111` is refused and `IE222222222` stands for "the authority's service did
 * not answer" (null). Everything else is decided by the number itself.
 */
export const SANDBOX_TAX_IDS: Readonly<Record<string, boolean | null>> = { DE111111111: false, IE222222222: null };

const loaded = new Map<string, Validator>();

// why: loading all of stdnum costs ~0.8 s; one country's module is a few ms, loaded the first time it is asked for.
export function validator(path: string): Validator {
  let found = loaded.get(path);
  if (!found) {
    found = FIXED_VALIDATORS[path] ?? (require(`stdnum/lib/cjs/${path}.js`) as Validator);
    loaded.set(path, found);
  }
  return found;
}

/**
 * `{valid}` for a tax ID in a country: true when a validator of that country accepts it in any spelling (with or
 * without separators and prefix), null when no validator covers the country or the number has the shape of a kind
 * none checks, false otherwise (every kind that country's numbers come in says it is wrong).
 */
export function checkTaxId(country: string, taxId: string): boolean | null {
  const code = country.trim().toUpperCase();
  const id = compactTaxId(taxId);
  if (id in SANDBOX_TAX_IDS) return SANDBOX_TAX_IDS[id]!;
  if (!taxIdPlausible(code, taxId)) return false;
  const paths = VALIDATORS[code];
  if (!paths) return null;
  const spellings = taxIdSpellings(code, taxId);
  if (accepted(paths, spellings)) return true;
  const unchecked = UNCHECKED_KINDS[code] ?? [];
  return spellings.some((text) => unchecked.some((shape) => shape.test(text))) ? null : false;
}

const accepted = (paths: readonly string[], spellings: readonly string[]) =>
  paths.some((path) => spellings.some((text) => validator(path).validate(text).isValid));

/**
 * Whether the tax ID is a valid VAT number of the country, which is what reverse charge needs: a consumer's codice
 * fiscale or DNI is a valid tax ID (`checkTaxId`) but no VAT number. Null where `checkTaxId` says null.
 */
export function checkVatNumber(country: string, taxId: string): boolean | null {
  const valid = checkTaxId(country, taxId);
  if (valid !== true || compactTaxId(taxId) in SANDBOX_TAX_IDS) return valid;
  const code = country.trim().toUpperCase();
  return accepted(VAT_MODULES[code] ?? [], taxIdSpellings(code, taxId));
}
