import * as z from 'zod/mini';
import {
  couponSchema,
  parseSessionList,
  SessionParseError,
  type CheckoutSession,
  type Coupon,
  type CreateSessionBody,
  type SessionStatus,
  type UpdateSessionBody,
} from '../session/schema.js';
import { taxIdCheckSchema, type TaxIdCheck } from '../protocol/tax.js';
import { BadResponseError } from './errors.js';
import { requestJson, type CallOptions, type TransportOptions } from './http.js';
import { sessionFromBody } from './public.js';

export interface PrivateClientOptions extends TransportOptions {
  /** The account's API origin, e.g. `https://ACCOUNT.quadernoapp.com` or the sandbox's `http://localhost:4010`. */
  baseUrl: string;
  /** The secret API key. Server-side only: never ship it to a browser. */
  apiKey: string;
}

/** The merchant-side API, authenticated with HTTP Basic (API key as the user name). For servers. */
export interface PrivateClient {
  list(filter?: { status?: SessionStatus }, options?: CallOptions): Promise<CheckoutSession[]>;
  create(body: CreateSessionBody, options?: CallOptions): Promise<CheckoutSession>;
  retrieve(id: number | string, options?: CallOptions): Promise<CheckoutSession>;
  update(id: number | string, body: UpdateSessionBody, options?: CallOptions): Promise<CheckoutSession>;
  delete(id: number | string, options?: CallOptions): Promise<void>;
  /** `GET /api/tax_rates/calculate.json`: the tax that applies to a customer's location and tax ID. */
  calculateTax(query: TaxRateQuery, options?: CallOptions): Promise<TaxRate>;
  /** `GET /api/tax_ids/validate.json`: true, false, or null when the tax authority did not answer. */
  validateTaxId(query: { country: string; tax_id: string }, options?: CallOptions): Promise<TaxIdCheck>;
  /** `GET /api/checkout/coupons.json` */
  listCoupons(options?: CallOptions): Promise<Coupon[]>;
  /** `GET /api/checkout/coupons/CODE.json` */
  retrieveCoupon(code: string, options?: CallOptions): Promise<Coupon>;
}

/** The query of `tax_rates/calculate` (see the tax facts: `to_country` is the only required one). */
export interface TaxRateQuery {
  to_country: string;
  to_postal_code?: string;
  to_city?: string;
  tax_id?: string;
  from_country?: string;
  from_postal_code?: string;
  /** Major units, as the real API takes it. */
  amount?: string;
  tax_code?: string;
  tax_behavior?: 'exclusive' | 'inclusive';
  product_type?: 'service' | 'good';
  date?: string;
  currency?: string;
}

const nullableText = z.nullish(z.string());
const nullableNumber = z.nullish(z.number());

/** A `tax_rates/calculate` answer, as recorded; unknown keys are kept. */
export const taxRateSchema = z.looseObject({
  country: nullableText,
  region: nullableText,
  currency: nullableText,
  name: nullableText,
  rate: z.number(),
  extra_name: nullableText,
  extra_rate: nullableNumber,
  taxable_part: nullableNumber,
  tax_behavior: nullableText,
  tax_code: nullableText,
  product_type: nullableText,
  status: nullableText,
  notes: nullableText,
  subtotal: nullableNumber,
  taxable_base: nullableNumber,
  tax_amount: nullableNumber,
  total_amount: nullableNumber,
});
export type TaxRate = z.output<typeof taxRateSchema>;

/** Parses a body with a schema, reporting a mismatch as a bad response (never as the caller's fault). */
function parsed<T>(schema: z.ZodMiniType<T>, data: unknown, status: number, what: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new BadResponseError(`Unexpected ${what} response`, status, data);
  return result.data;
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.size ? `?${params}` : '';
}

function basicAuth(apiKey: string): string {
  const raw = `${apiKey}:x`;
  // why: btoa only takes Latin-1, and an API key may in principle hold anything.
  const bytes = new TextEncoder().encode(raw);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

export function createPrivateClient(options: PrivateClientOptions): PrivateClient {
  const { baseUrl, apiKey, ...rest } = options;
  const transport: TransportOptions = { ...rest, headers: { ...rest.headers, Authorization: basicAuth(apiKey) } };
  const root = baseUrl.replace(/\/+$/, '');
  const sessionUrl = (id: number | string) => `${root}/api/checkout/sessions/${encodeURIComponent(String(id))}.json`;

  return {
    async list(filter = {}, callOptions = {}) {
      const query = filter.status ? `?status=${encodeURIComponent(filter.status)}` : '';
      const response = await requestJson(
        { ...callOptions, method: 'GET', url: `${root}/api/checkout/sessions.json${query}` },
        transport,
      );
      try {
        return parseSessionList(response.data);
      } catch (error) {
        if (error instanceof SessionParseError) throw new BadResponseError(error.message, response.status, response.data);
        throw error;
      }
    },
    async create(body, callOptions = {}) {
      const response = await requestJson(
        { ...callOptions, method: 'POST', url: `${root}/api/checkout/sessions.json`, body },
        transport,
      );
      return sessionFromBody(response.data, response.status);
    },
    async retrieve(id, callOptions = {}) {
      const response = await requestJson({ ...callOptions, method: 'GET', url: sessionUrl(id) }, transport);
      return sessionFromBody(response.data, response.status);
    },
    async update(id, body, callOptions = {}) {
      const response = await requestJson({ ...callOptions, method: 'PUT', url: sessionUrl(id), body }, transport);
      return sessionFromBody(response.data, response.status);
    },
    async delete(id, callOptions = {}) {
      await requestJson({ ...callOptions, method: 'DELETE', url: sessionUrl(id) }, transport);
    },
    async calculateTax(query, callOptions = {}) {
      const url = `${root}/api/tax_rates/calculate.json${queryString(query)}`;
      const response = await requestJson({ ...callOptions, method: 'GET', url }, transport);
      return parsed(taxRateSchema, response.data, response.status, 'tax rate');
    },
    async validateTaxId(query, callOptions = {}) {
      const url = `${root}/api/tax_ids/validate.json${queryString(query)}`;
      const response = await requestJson({ ...callOptions, method: 'GET', url }, transport);
      return parsed(taxIdCheckSchema, response.data, response.status, 'tax ID validation');
    },
    async listCoupons(callOptions = {}) {
      const response = await requestJson({ ...callOptions, method: 'GET', url: `${root}/api/checkout/coupons.json` }, transport);
      return parsed(z.array(couponSchema), response.data, response.status, 'coupon list');
    },
    async retrieveCoupon(code, callOptions = {}) {
      const url = `${root}/api/checkout/coupons/${encodeURIComponent(code)}.json`;
      const response = await requestJson({ ...callOptions, method: 'GET', url }, transport);
      return parsed(couponSchema, response.data, response.status, 'coupon');
    },
  };
}
