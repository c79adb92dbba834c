// Tax ID validation: format and check digits from the maintained `stdnum` package (npm stdnum 1.12.0, a port of
// python-stdnum), never hand-written per country. Node-only. No network: the sandbox stands in for VIES and friends.
import { createRequire } from 'node:module';
import type { Validator } from 'stdnum';
import { EU_STATES } from './data/jurisdictions.ts';

const require = createRequire(import.meta.url);

// why: the module of each EU state is the one stdnum's own `euVat` table names (a test holds them equal); loading
// stdnum's index instead would load every country's validators.
const EU_VAT_MODULES: Readonly<Record<string, string>> = {
  AT: 'at/uid', BE: 'be/vat', BG: 'bg/vat', CY: 'cy/vat', CZ: 'cz/dic', DE: 'de/vat', DK: 'dk/cvr', EE: 'ee/kmkr',
  ES: 'es/nif', FI: 'fi/alv', FR: 'fr/tva', GR: 'gr/vat', HR: 'hr/oib', HU: 'hu/anum', IE: 'ie/vat', IT: 'it/iva',
  LT: 'lt/pvm', LU: 'lu/tva', LV: 'lv/pvn', MT: 'mt/vat', NL: 'nl/btw', PL: 'pl/nip', PT: 'pt/nif', RO: 'ro/cif',
  SE: 'se/vat', SI: 'si/ddv', SK: 'sk/dph',
};

/** The stdnum module(s) that check each country's tax IDs; Canada: Québec's QST or the federal GST/HST number. */
export const VALIDATORS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(EU_STATES.map((country) => [country, [EU_VAT_MODULES[country]!]])),
  GB: ['gb/vat'],
  CH: ['ch/vat'],
  NO: ['no/mva'],
  AU: ['au/abn'],
  NZ: ['nz/ird'],
  CA: ['ca/qst', 'ca/gst'],
};

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
    found = require(`stdnum/lib/cjs/${path}.js`) as Validator;
    loaded.set(path, found);
  }
  return found;
}

const compact = (value: string) => value.toUpperCase().replace(/[\s.\-/]/g, '');

/** `{valid}` for a tax ID in a country: true, false, or null when it cannot be checked. */
export function validateTaxId(country: string, taxId: string): boolean | null {
  const id = compact(taxId);
  if (id in SANDBOX_TAX_IDS) return SANDBOX_TAX_IDS[id]!;
  const paths = VALIDATORS[country.toUpperCase()];
  if (!paths) return null;
  return paths.some((path) => validator(path).validate(taxId).isValid);
}
