// The tax preview and the tax ID check, on Quaderno's documented `tax_rates/calculate` and `tax_ids/validate`,
// each answer cached per input so a customer typing does not spend the merchant's rate limit.
import type { CallOptions } from '../api/http.js';
import type { PrivateClient, TaxRate } from '../api/private.js';
import type { CheckoutSession } from '../session/schema.js';
import { TtlCache } from './cache.js';
import { failure, fieldFailure } from './errors.js';
import type { TaxIdCheck } from '../protocol/tax.js';
import type { TaxSummary } from '../tax/index.js';
import { summarize } from './tax-summary.js';
import { rateDependsOnPostalCode } from '../tax/postal-code-rule.js';
import { taxIdRequired } from '../tax/tax-id-rule.js';
import { compactTaxId } from '../tax/tax-id-text.js';

export interface TaxInput {
  country?: string;
  postal_code?: string;
  /** Without the separators people type: the spelling the rate and the cache are asked about. */
  tax_id?: string;
  /** As typed (trimmed, upper-cased), only where it differs from `tax_id`. */
  tax_id_typed?: string;
}

/** Country, postal code and tax ID from a query, normalised (the cache key is the normalised input). */
export function parseTaxQuery(query: URLSearchParams): TaxInput {
  return normalizeTaxInput({ country: query.get('country'), postal_code: query.get('postal_code'), tax_id: query.get('tax_id') });
}

/** Trims, upper-cases and bounds each input; throws a 422 naming the field that can't be one. */
export function normalizeTaxInput(raw: Record<'country' | 'postal_code' | 'tax_id', string | null | undefined>): TaxInput {
  const value = (name: keyof typeof raw, max: number) => {
    const text = raw[name]?.trim() ?? '';
    if (text.length > max) throw fieldFailure('field_invalid', { [name]: [`Use at most ${max} characters`] });
    return text === '' ? undefined : text;
  };
  const country = value('country', 2)?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw fieldFailure('tax_location_invalid', { country: ['Use a two-letter country code'] }, 'Unknown country');
  }
  const typed = value('tax_id', 64)?.toUpperCase();
  // why: "ES B-1234.5678" and "ESB12345678" are one tax ID to the authority, so one cache entry; read as the element
  // and the sandbox read it (src/tax/tax-id-text.ts).
  const tax_id = typed === undefined ? undefined : compactTaxId(typed);
  return {
    country,
    postal_code: value('postal_code', 32)?.toUpperCase().replace(/\s+/g, ' '),
    tax_id,
    ...(typed !== tax_id ? { tax_id_typed: typed } : {}),
  };
}

export interface TaxPreviewOptions {
  ttlMs: number;
  maxEntries: number;
  /** The seller's country; when known, the summary says whether this sale needs the customer's tax ID. */
  sellerCountry?: string;
}

export class TaxPreviewer {
  private readonly rates: TtlCache<TaxRate>;
  private readonly validity: TtlCache<boolean | null>;

  private readonly sellerCountry: string | undefined;

  constructor(
    private readonly client: PrivateClient,
    options: TaxPreviewOptions,
  ) {
    this.sellerCountry = options.sellerCountry?.toUpperCase();
    this.rates = new TtlCache(options.ttlMs, options.maxEntries);
    this.validity = new TtlCache(options.ttlMs, options.maxEntries);
  }

  /** `{ valid }` of a tax ID; both inputs are required. */
  async taxIdCheck(input: TaxInput, call: CallOptions = {}): Promise<TaxIdCheck> {
    const missing = { ...(input.country ? {} : { country: ['is required'] }), ...(input.tax_id ? {} : { tax_id: ['is required'] }) };
    if (Object.keys(missing).length) throw fieldFailure('field_invalid', missing, 'A country and a tax ID are required');
    return { valid: await this.askValidity(input.country!, input.tax_id!, input.tax_id_typed, call) };
  }

  /** The session's summary for a location. Nothing is saved. */
  async summary(session: CheckoutSession, input: TaxInput, call: CallOptions = {}): Promise<TaxSummary> {
    const currency = session.items[0]?.currency ?? 'EUR';
    if (session.items.some((item) => item.currency !== currency)) {
      throw failure(422, 'session_broken', 'The session mixes currencies; it cannot be taxed or charged');
    }
    const needs: TaxSummary['needs'] = [];
    if (!input.country) needs.push('country');
    else if (rateDependsOnPostalCode(input.country) && !input.postal_code) needs.push('postal_code');
    const [rate, valid] = await Promise.all([
      needs.length ? undefined : this.rate(input, call),
      input.country && input.tax_id ? this.askValidity(input.country, input.tax_id, input.tax_id_typed, call) : undefined,
    ]);
    const tax_id_required = this.sellerCountry ? taxIdRequired(this.sellerCountry, input.country) : undefined;
    return summarize(session.items, session.coupon, rate, { needs, tax_id: valid === undefined ? null : { valid }, tax_id_required });
  }

  private rate(input: TaxInput, call: CallOptions): Promise<TaxRate> {
    const key = JSON.stringify([input.country, input.postal_code ?? '', input.tax_id ?? '']);
    return this.rates.get(key, () =>
      this.client.calculateTax({ to_country: input.country!, to_postal_code: input.postal_code, tax_id: input.tax_id }, call),
    );
  }

  /**
   * why a second question, as typed, after a refusal of the compact spelling: a few numbers keep a separator as part
   * of the number (Finland's personal code `131052-308T`, whose dash is its century), and a valid ID is never refused.
   */
  private async askValidity(country: string, taxId: string, typed: string | undefined, call: CallOptions): Promise<boolean | null> {
    const ask = (text: string) => this.validity.get(`${country}|${text}`, async () => (await this.client.validateTaxId({ country, tax_id: text }, call)).valid);
    const compact = await ask(taxId);
    return compact === false && typed ? ask(typed) : compact;
  }
}
