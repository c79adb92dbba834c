// Quaderno's `GET /api/tax_rates/calculate` as a function: its query parameters in, its response fields out.
// Node-only. Amounts cross the API in major units (as the real API); inside, everything is integer minor units.
import { COUNTRY_CODES } from '../locales/countries.js';
import { majorToMinor, minorDigits } from '../session/money.js';
import { POSTAL_CODE_RATE_COUNTRIES, rateDependsOnPostalCode } from './postal-code-rule.js';
import { findRate, LocationError, taxCodeOf, type RateResult, type SellerSettings } from './rates.js';
import { computeTaxSummary } from './summary.js';
import { checkVatNumber } from './tax-ids.js';
import { TAX_CODES, type TaxBehavior } from './types.js';

/** The query parameters, as the official clients send them (all strings; absent = undefined). */
export type CalculateParams = Partial<
  Record<
    | 'to_country' | 'to_postal_code' | 'to_city' | 'tax_id' | 'from_country' | 'from_postal_code' | 'amount' | 'tax_code'
    | 'tax_behavior' | 'product_type' | 'date' | 'currency',
    string
  >
>;

/** Bad parameters: Quaderno's `{ errors: { field: [messages] } }`, answered with 422. */
export class TaxQueryError extends Error {
  override readonly name = 'TaxQueryError';
  constructor(readonly errors: Record<string, string[]>) {
    super(Object.entries(errors).map(([k, v]) => `${k} ${v.join(', ')}`).join('; '));
  }
}

const COUNTRY = /^[A-Za-z]{2}$/;
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Checks the parameters and collects every problem at once. */
function parse(params: CalculateParams, settings: SellerSettings) {
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => (errors[field] = [...(errors[field] ?? []), message]);
  const country = params.to_country?.trim() ?? '';
  if (!country) fail('to_country', "can't be blank");
  else if (!COUNTRY.test(country)) fail('to_country', 'must be an ISO 3166-1 alpha-2 code');
  else if (!COUNTRY_CODES.includes(country.toUpperCase())) fail('to_country', 'is not a country');
  if (params.from_country && !COUNTRY_CODES.includes(params.from_country.toUpperCase())) fail('from_country', 'is not a country');
  const upper = country.toUpperCase();
  if (rateDependsOnPostalCode(upper) && !params.to_postal_code?.trim()) fail('to_postal_code', `is required for ${POSTAL_CODE_RATE_COUNTRIES.join(' and ')}`);
  const behavior = (params.tax_behavior || 'exclusive') as TaxBehavior;
  if (behavior !== 'exclusive' && behavior !== 'inclusive') fail('tax_behavior', 'must be exclusive or inclusive');
  const productType = params.product_type || 'service';
  if (productType !== 'service' && productType !== 'good') fail('product_type', 'must be service or good');
  if (params.tax_code && !(TAX_CODES as readonly string[]).includes(params.tax_code)) {
    fail('tax_code', `must be one of ${TAX_CODES.join(', ')}`);
  }
  const currency = (params.currency || settings.currency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) fail('currency', 'must be an ISO 4217 code');
  if (params.date && !isDate(params.date)) fail('date', 'must be a date (YYYY-MM-DD)');
  if (params.amount !== undefined && params.amount !== '' && !DECIMAL.test(params.amount.trim())) fail('amount', 'is not a number');
  if (Object.keys(errors).length) throw new TaxQueryError(errors);
  return { country: upper, behavior, productType: productType as 'service' | 'good', currency };
}

/** Minor units back to the API's major-unit number (1095 EUR → 10.95). */
const major = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);

/** The calculate response, field for field and in the recorded key order. */
export function calculateTaxRate(params: CalculateParams, settings: SellerSettings): Record<string, unknown> {
  const { country, behavior, productType, currency } = parse(params, settings);
  const taxId = params.tax_id?.trim();
  let rate: RateResult;
  try {
    rate = findRate(
      {
        country,
        postal_code: params.to_postal_code,
        tax_id_valid: taxId ? checkVatNumber(country, taxId) : null,
        tax_code: params.tax_code,
        product_type: productType,
        date: params.date,
        from_country: params.from_country,
      },
      settings,
    );
  } catch (error) {
    if (error instanceof LocationError) throw new TaxQueryError({ [`to_${error.field}`]: [error.message] });
    throw error;
  }
  const code = taxCodeOf(params.tax_code, settings);
  const amount = params.amount?.trim() ? majorToMinor(params.amount.trim(), currency) : null;
  const summary =
    amount === null
      ? null
      : computeTaxSummary({ items: [{ amount, quantity: 1, currency, tax_code: code, behavior }], rates: { [code]: rate } });
  const line = summary?.lines[0];
  const us = country === 'US';
  const money = (minor: number | undefined) => (minor === undefined ? null : major(minor, currency));
  return {
    ...(us ? { city: params.to_city?.trim().toUpperCase() || null } : {}),
    country: rate.country,
    ...(us ? { county: null } : {}),
    currency,
    ...(rate.extra_rate != null ? { extra_name: rate.extra_name, extra_rate: rate.extra_rate } : {}),
    name: rate.name,
    notes: rate.notes,
    product_type: productType,
    rate: rate.rate,
    region: rate.region,
    tax_behavior: behavior,
    tax_code: code,
    taxable_part: rate.taxable_part,
    ...(us ? { taxable_base: money(line?.taxable_amount) } : {}),
    import: rate.import,
    subtotal: summary ? money(summary.total - summary.tax) : null,
    tax_amount: money(summary?.tax),
    total_amount: money(summary?.total),
    status: rate.status,
  };
}
