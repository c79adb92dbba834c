// Hand-typed facts the maintained rate data set (sales-tax) does not carry. Each table says where it comes from and
// when it was typed. They are a sandbox's approximation of Quaderno's engine, not tax advice.
import type { TaxCode } from '../types.js';

// why: the EU list has one home, the country lists of the billing form.
export { COUNTRY_CODES, EU_COUNTRIES as EU_STATES } from '../../locales/countries.js';

/** The name each country's invoices give the tax (the national abbreviation), typed 2026-12-01. */
export const TAX_NAMES: Readonly<Record<string, string>> = {
  AT: 'USt.', BE: 'BTW', BG: 'ДДС', CY: 'ΦΠΑ', CZ: 'DPH', DE: 'MwSt.', DK: 'moms', EE: 'KM', ES: 'IVA', FI: 'ALV',
  FR: 'TVA', GR: 'ΦΠΑ', HR: 'PDV', HU: 'ÁFA', IE: 'VAT', IT: 'IVA', LT: 'PVM', LU: 'TVA', LV: 'PVN', MT: 'VAT',
  NL: 'btw', PL: 'VAT', PT: 'IVA', RO: 'TVA', SE: 'moms', SI: 'DDV', SK: 'DPH',
  GB: 'VAT', NO: 'MVA', CH: 'MWST', AU: 'GST', NZ: 'GST', CA: 'GST', US: 'Sales tax', JP: 'JCT', SG: 'GST', IN: 'GST',
};

/**
 * Reduced rates for e-books (tax code `ebook`), in percent. Source: the European Commission's table "VAT rates
 * applied in the Member States of the European Union" (situation at 1 January 2025), with the 2025 changes in
 * Estonia (books 13%), Finland (14%), Slovakia (5%) and Romania (11% from 2025-08-01); GB and NO zero-rate e-books,
 * CH applies its reduced rate (2.6% since 2024). Typed by hand on 2026-12-01 after that table, not machine-checked
 * against it (no maintained package carries reduced rates per category); a state absent here (DK) applies its
 * standard rate.
 */
export const EBOOK_RATES: Readonly<Record<string, number>> = {
  AT: 10, BE: 6, BG: 9, CY: 5, CZ: 0, DE: 7, EE: 13, ES: 4, FI: 14, FR: 5.5, GR: 6, HR: 5, HU: 5, IE: 0, IT: 4,
  LT: 9, LU: 3, LV: 12, MT: 5, NL: 9, PL: 5, PT: 6, RO: 11, SE: 6, SI: 5, SK: 5,
  GB: 0, NO: 0, CH: 2.6,
};

/**
 * EU territories outside the EU VAT area (Directive 2006/112/EC, Article 6), by postal code as each national post
 * numbers them. Typed 2026-12-01.
 */
export const SPECIAL_TERRITORIES: ReadonlyArray<{ country: string; region: string; name: string; postal: RegExp }> = [
  { country: 'ES', region: 'CN', name: 'Canary Islands', postal: /^3[58]\d{3}$/ },
  { country: 'ES', region: 'CE', name: 'Ceuta', postal: /^51\d{3}$/ },
  { country: 'ES', region: 'ML', name: 'Melilla', postal: /^52\d{3}$/ },
  { country: 'FI', region: 'AX', name: 'Åland', postal: /^(AX-?)?22\d{3}$/ },
  { country: 'DE', region: 'BUS', name: 'Büsingen am Hochrhein', postal: /^78266$/ },
  { country: 'DE', region: 'HEL', name: 'Heligoland', postal: /^27498$/ },
  { country: 'IT', region: 'LIV', name: 'Livigno', postal: /^23041$/ },
  { country: 'IT', region: 'CAM', name: "Campione d'Italia", postal: /^22061$/ },
  { country: 'GR', region: 'ATH', name: 'Mount Athos', postal: /^6308[67]$/ },
];

/** Canadian provinces by the first letter of the postal code (Canada Post's forward sortation areas). */
export const CA_PROVINCE_BY_LETTER: Readonly<Record<string, string>> = {
  A: 'NL', B: 'NS', C: 'PE', E: 'NB', G: 'QC', H: 'QC', J: 'QC', K: 'ON', L: 'ON', M: 'ON', N: 'ON', P: 'ON',
  R: 'MB', S: 'SK', T: 'AB', V: 'BC', X: 'NT', Y: 'YT',
};

/** The name of each Canadian provincial tax kind in the rate data (Manitoba calls its PST "RST"). */
export const CA_PROVINCIAL_NAMES: Readonly<Record<string, string>> = { pst: 'PST', qst: 'QST', hst: 'HST', MB: 'RST' };

/** How a US state treats a tax code: untaxed, or taxed on a part of the price. */
export type UsTreatment = 'non_taxable' | { taxable_part: number };

const TAXED = { taxable_part: 100 } as const;

/**
 * US state taxability of the tax codes that differ from `standard` (always taxed). From the states' published
 * guidance as summarised in 2025 (e.g. Texas Tax Code §151.351: data processing and information services taxed on
 * 80% of the price); typed 2026-12-01. A state not listed taxes e-services, SaaS and e-books and not consulting.
 */
export const US_TAXABILITY: Readonly<Record<string, Partial<Record<TaxCode, UsTreatment>>>> = {
  CA: { eservice: 'non_taxable', saas: 'non_taxable', ebook: 'non_taxable' },
  FL: { eservice: 'non_taxable', saas: 'non_taxable', ebook: 'non_taxable' },
  NY: { ebook: 'non_taxable' },
  TX: { eservice: { taxable_part: 80 }, saas: { taxable_part: 80 } },
  WA: {},
  IL: { saas: 'non_taxable', eservice: 'non_taxable' },
  GA: { saas: 'non_taxable', eservice: 'non_taxable' },
};

/** What a US state does with a tax code. */
export function usTreatment(state: string, code: TaxCode): UsTreatment {
  const listed = US_TAXABILITY[state]?.[code];
  if (listed) return listed;
  return code === 'consulting' ? 'non_taxable' : TAXED;
}
