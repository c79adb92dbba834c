// A session's tax: its items (taxed as their catalog product says), its coupon and a customer location → TaxSummary.
import { COUNTRY_CODES } from '../../locales/countries.js';
import { findRate, LocationError, taxCodeOf, taxNeeds, type SellerSettings } from '../../tax/rates.js';
import { taxIdRequired } from '../../tax/tax-id-rule.js';
import { computeTaxSummary, type SummaryInput, type TaxableItem } from '../../tax/summary.js';
import { checkTaxId, checkVatNumber } from '../../tax/tax-ids.js';
import type { TaxRate, TaxSummary } from '../../tax/types.js';
import { PRODUCTS } from '../seed.js';

/** The parts of a stored session the tax reads (a structural type: any store's session fits). */
export interface TaxableSession {
  items: ReadonlyArray<{ product: string | null; amount: number; currency: string; quantity: number }>;
  coupon: SummaryInput['coupon'];
  customer: { billing_country?: string | null; billing_postal_code?: string | null; tax_id?: string | null };
}

/** Where the customer is and who they are: the preview's query, or the saved customer. */
export interface TaxLocation {
  country?: string | null;
  postal_code?: string | null;
  tax_id?: string | null;
}

const PRODUCT_TAX = new Map(PRODUCTS.map((p) => [p.code, p]));

/** The items as the tax sees them: the catalog product decides code and behaviour; no product → default, exclusive. */
export function taxableItems(session: TaxableSession, settings: SellerSettings): TaxableItem[] {
  return session.items.map((item) => {
    const product = item.product ? PRODUCT_TAX.get(item.product) : undefined;
    return {
      amount: item.amount,
      quantity: item.quantity,
      currency: item.currency,
      tax_code: taxCodeOf(product?.tax_code, settings),
      behavior: product?.tax_type === 'included' ? 'inclusive' : 'exclusive',
    };
  });
}

const clean = (value: string | null | undefined) => value?.trim() || null;

/**
 * The TaxSummary of a session for a location. Nothing is saved. Throws LocationError for a country or postal code
 * that cannot be placed (the preview answers 422 `tax_location_invalid`).
 */
export function computeLocationTax(session: TaxableSession, location: TaxLocation, settings: SellerSettings): TaxSummary {
  const country = clean(location.country)?.toUpperCase() ?? null;
  const postal = clean(location.postal_code);
  const taxId = clean(location.tax_id);
  if (country && !COUNTRY_CODES.includes(country)) throw new LocationError('country', 'is not a country');
  const items = taxableItems(session, settings);
  const needs = taxNeeds(country, postal);
  const valid = country && taxId ? checkTaxId(country, taxId) : null;
  // why: only a VAT number makes a sale reverse-charged; a consumer's national tax number is valid, but not one.
  const vatNumber = country && taxId && valid === true ? checkVatNumber(country, taxId) : valid;
  const rates: Record<string, TaxRate> = {};
  if (country && needs.length === 0) {
    for (const code of new Set(items.map((item) => item.tax_code))) {
      rates[code] = findRate({ country, postal_code: postal, tax_id_valid: vatNumber, tax_code: code }, settings);
    }
  }
  return computeTaxSummary({
    items,
    coupon: session.coupon,
    rates,
    needs,
    tax_id: country && taxId ? { valid } : null,
    tax_id_required: taxIdRequired(settings.home_country, country),
  });
}

/** The `tax` of a session's JSON: its saved customer's tax. A saved location that cannot be placed only `needs` more. */
export function computeSessionTax(session: TaxableSession, settings: SellerSettings): TaxSummary {
  const location = {
    country: session.customer.billing_country,
    postal_code: session.customer.billing_postal_code,
    tax_id: session.customer.tax_id,
  };
  try {
    return computeLocationTax(session, location, settings);
  } catch (error) {
    if (!(error instanceof LocationError)) throw error;
    const field = error.field;
    return computeLocationTax(session, { ...location, postal_code: null, ...(field === 'country' ? { country: null } : {}) }, settings);
  }
}

/** What Quaderno's `checkout.succeeded` event records of the tax that was charged. */
export interface ChargedTax {
  tax_name: string | null;
  tax_rate: number;
  extra_tax_name: string | null;
  extra_tax_rate: number | null;
  /** The total charged, in minor units. */
  amount_cents: number;
  currency: string;
}

/**
 * The event's tax fields for a summary. The event has room for one tax (and its extra), so a basket with several
 * lines reports the line that carries the most tax; the amount is always the whole total.
 */
export function chargedTax(summary: TaxSummary): ChargedTax {
  const line = summary.lines.reduce<TaxSummary['lines'][number] | undefined>((best, l) => (!best || l.amount > best.amount ? l : best), undefined);
  return {
    tax_name: line?.name ?? null,
    tax_rate: line?.rate ?? 0,
    extra_tax_name: line?.extra_name ?? null,
    extra_tax_rate: line?.extra_rate ?? null,
    amount_cents: summary.total,
    currency: summary.currency,
  };
}
