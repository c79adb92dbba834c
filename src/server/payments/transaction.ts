// A paid payment record as Quaderno's `POST /api/transactions` body, and the two calls that record it: the lookup
// by processor id (`GET /api/{gateway}/charges/{id}.json`, the Ruby client's `Invoice.retrieve`) and the create.
// Quaderno documents no idempotency key; recorder.ts makes the pair exactly-once.
import type { TaxRate as CalculateAnswer } from '../../api/private.js';
import { lineTotal, minorDigits } from '../../session/money.js';
import type { CheckoutSession } from '../../session/schema.js';
import type { TaxSummary } from '../../tax/index.js';
import { allocate } from '../../tax/rounding.js';

/** What the handler keeps of a payment it started: what the customer confirmed, and what became of it. */
export interface PaymentRecord {
  processor: 'stripe' | 'paypal';
  /** The PaymentIntent id, or the PayPal order id. */
  processor_id: string;
  session_id: string;
  /** The session as confirmed (items, customer): the invoice is issued from this, never from a later read. */
  session: CheckoutSession;
  tax: TaxSummary;
  /**
   * Quaderno's calculate answer the tax came from (name, rate, country, region go on each item); null for a start
   * made before the customer gave a country, which can never be invoiced.
   */
  rate: CalculateAnswer | null;
  total: number;
  currency: string;
  ip: string | null;
  /** `refunded`: the money taken was not what was confirmed, so it went back and nothing was recorded. */
  state: 'open' | 'void' | 'recorded' | 'paid_elsewhere' | 'refunded';
  invoice: { id: number | string | null; permalink: string | null } | null;
}

/** An issued document as far as the handler reads it. */
export interface IssuedInvoice {
  id: number | string | null;
  permalink: string | null;
}

/** Minor units as the decimal string of the currency's major unit (1234 EUR → "12.34"). */
export const major = (minor: number, currency: string) => {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`;
};

/**
 * The transaction of a paid record. Each item's `amount` is what was charged for it after discounts and taxes: its
 * line total plus its share of the exclusive tax (shared by the one allocation rule, so the items add up to the
 * charge to the cent).
 */
export function transactionBody(record: PaymentRecord & { rate: CalculateAnswer }, payment: { processorId: string; cardCountry?: string }): Record<string, unknown> {
  const { session, tax, rate, currency } = record;
  const totals = session.items.map((item) => lineTotal(item));
  const exclusive = rate.tax_behavior !== 'inclusive';
  const taxShares = exclusive ? allocate(tax.tax, totals) : totals.map(() => 0);
  const c = session.customer;
  const company = c.company?.trim();
  return {
    type: 'sale',
    currency: currency.toUpperCase(),
    customer: {
      ...(company ? { kind: 'company', first_name: company } : { kind: 'person', first_name: c.first_name ?? null, last_name: c.last_name ?? null }),
      email: c.email ?? null,
      street_line_1: c.billing_street_line_1 ?? null,
      street_line_2: c.billing_street_line_2 ?? null,
      city: c.billing_city ?? null,
      postal_code: c.billing_postal_code ?? null,
      country: c.billing_country ?? null,
      tax_id: c.tax_id ?? null,
    },
    items: session.items.map((item, i) => ({
      description: item.name ?? item.description ?? item.product,
      quantity: item.quantity,
      amount: major(totals[i]! + taxShares[i]!, currency),
      tax: {
        name: rate.name ?? null,
        rate: rate.rate,
        country: rate.country ?? null,
        region: rate.region ?? null,
        taxable_part: rate.taxable_part ?? 100,
        ...(rate.extra_rate != null ? { extra_name: rate.extra_name ?? null, extra_rate: rate.extra_rate } : {}),
        ...(rate.status ? { status: rate.status } : {}),
        ...(rate.notes ? { notes: rate.notes } : {}),
      },
    })),
    payment: { method: record.processor === 'paypal' ? 'paypal' : 'credit_card', processor: record.processor, processor_id: payment.processorId },
    evidence: {
      billing_country: c.billing_country ?? null,
      ip_address: record.ip,
      ...(payment.cardCountry ? { bank_country: payment.cardCountry } : {}),
    },
    custom_metadata: { checkout_session: record.session_id, [record.processor === 'paypal' ? 'paypal_order' : 'payment_intent']: record.processor_id },
  };
}

export interface TransactionsApiOptions {
  apiUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Quaderno answered the create with a refusal (a 4xx): nothing was issued, so trying again cannot double it. */
export class TransactionRefused extends Error {
  override readonly name = 'TransactionRefused';
}

/** The two documented calls, with the handler's API key (HTTP Basic, as every private call). */
export function transactionsApi(options: TransactionsApiOptions) {
  const base = options.apiUrl.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${options.apiKey}:x`).toString('base64')}`;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await options.fetch(`${base}/api/${path}`, {
      method,
      headers: { Authorization: auth, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, data: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const invoiceOf = (data: Record<string, unknown>): IssuedInvoice => ({
    id: typeof data.id === 'number' || typeof data.id === 'string' ? data.id : null,
    permalink: typeof data.permalink === 'string' ? data.permalink : null,
  });
  return {
    /** The invoice already issued for this processor id, or null (a 404). Anything else throws. */
    async find(gateway: string, processorId: string): Promise<IssuedInvoice | null> {
      const { status, data } = await call('GET', `${gateway}/charges/${encodeURIComponent(processorId)}.json`);
      if (status === 404) return null;
      if (status !== 200) throw new Error(`Quaderno answered ${status} to the invoice lookup`);
      return invoiceOf(data);
    },
    async create(body: Record<string, unknown>): Promise<IssuedInvoice> {
      const { status, data } = await call('POST', 'transactions.json', body);
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new TransactionRefused(`Quaderno refused the transaction (${status}): ${JSON.stringify(data).slice(0, 300)}`);
      if (status !== 200 && status !== 201) throw new Error(`Quaderno answered ${status} to the transaction`);
      return invoiceOf(data);
    },
  };
}
export type TransactionsApi = ReturnType<typeof transactionsApi>;
