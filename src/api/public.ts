// The customer-side client: every call of the checkout protocol, keyed by the session's permalink. Each answer is
// parsed once, here, into the protocol's types (src/protocol/): nothing downstream casts or parses again.
import { parseProtocolSession, type ProtocolSession } from '../protocol/session.js';
import {
  taxIdCheckSchema,
  taxSummarySchema,
  type TaxIdCheck,
  type TaxIdQuery,
  type TaxPreviewQuery,
  type TaxSummary,
} from '../protocol/tax.js';
import { parseSession, SessionParseError, type CheckoutSession } from '../session/schema.js';
import type { PublicUpdateBody } from '../session/requests.js';
import { BadResponseError } from './errors.js';
import { DEFAULT_TIMEOUT_MS, requestJson, type CallOptions, type TransportOptions } from './http.js';
import { permalinkEndpoint } from './urls.js';

/** Runs a session parser over a response body, reporting a schema failure as a bad response that names the path. */
function parsedSession<T>(parse: (data: unknown) => T, data: unknown, status?: number): T {
  try {
    return parse(data);
  } catch (error) {
    if (error instanceof SessionParseError) throw new BadResponseError(error.message, status, data);
    throw error;
  }
}

/** Turns a private API response body into a session, reporting a schema failure as a bad response. */
export function sessionFromBody(data: unknown, status?: number): CheckoutSession {
  return parsedSession(parseSession, data, status);
}

/** Turns a permalink's answer into the protocol's session, reporting a schema failure as a bad response. */
export function protocolSessionFromBody(data: unknown, status?: number): ProtocolSession {
  return parsedSession(parseProtocolSession, data, status);
}

/** `<permalink>/<subpath>.json?…` with the given query; empty and missing values are left out. */
export function protocolUrl(permalink: string, subpath: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(permalinkEndpoint(permalink, subpath));
  // why: sorted, so the same input is the same URL and an HTTP cache keyed by URL hits.
  for (const key of Object.keys(query).sort()) {
    const value = query[key]?.trim();
    if (value) url.searchParams.set(key, value);
  }
  return url.toString();
}

/**
 * The customer-side API, keyed by the session's permalink. It needs no API key and sends none:
 * this is what runs in the browser.
 */
export interface PublicClient {
  readonly permalink: string;
  /** The per-attempt timeout of its calls, in ms (the transport's `timeoutMs`, or DEFAULT_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** `GET <permalink>.json` */
  retrieve(options?: CallOptions): Promise<ProtocolSession>;
  /** `PUT <permalink>.json`: customer fields and a coupon code (null removes it). */
  update(body: PublicUpdateBody, options?: CallOptions): Promise<ProtocolSession>;
  /** `POST <permalink>/cancel.json`: the customer leaves; the session becomes abandoned. */
  cancel(options?: CallOptions): Promise<ProtocolSession>;
  /** `POST <permalink>/pay.json`: starts a payment with the processor's body (the sandbox's simulated payment). */
  pay(body: unknown, options?: CallOptions): Promise<ProtocolSession>;
  /** `POST <permalink>/retry.json` (capability `retry`): a failed session becomes pending again, to correct and pay. */
  retry(options?: CallOptions): Promise<ProtocolSession>;
  /**
   * `GET <permalink>/tax.json` (capability `tax_preview`): the tax for a location and tax ID as typed; nothing is
   * saved. A simple GET (no body, no custom header), so a browser sends it without a preflight.
   */
  previewTax(query: TaxPreviewQuery, options?: CallOptions): Promise<TaxSummary>;
  /** `GET <permalink>/tax_id.json` (capability `tax_id_validation`): `{ valid }`, null when the authority could not be asked. */
  validateTaxId(query: TaxIdQuery, options?: CallOptions): Promise<TaxIdCheck>;
}

/** Creates the public client; throws InvalidPermalinkError at once for a permalink that is not http(s). */
export function createPublicClient(permalink: string, transport: TransportOptions = {}): PublicClient {
  const endpoint = permalinkEndpoint(permalink);
  async function post(subpath: string, body: unknown, options: CallOptions): Promise<ProtocolSession> {
    const url = permalinkEndpoint(permalink, subpath);
    const response = await requestJson({ ...options, method: 'POST', url, body }, transport);
    return protocolSessionFromBody(response.data, response.status);
  }
  async function get<T>(url: string, schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } }, options: CallOptions): Promise<T> {
    const response = await requestJson({ ...options, method: 'GET', url }, transport);
    const parsed = schema.safeParse(response.data);
    if (!parsed.success) throw new BadResponseError(`Unexpected answer from ${new URL(url).pathname}`, response.status, response.data);
    return parsed.data;
  }
  return {
    permalink,
    timeoutMs: transport.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    async retrieve(options = {}) {
      const response = await requestJson({ ...options, method: 'GET', url: endpoint }, transport);
      return protocolSessionFromBody(response.data, response.status);
    },
    async update(body, options = {}) {
      const response = await requestJson({ ...options, method: 'PUT', url: endpoint, body }, transport);
      return protocolSessionFromBody(response.data, response.status);
    },
    cancel(options = {}) {
      return post('/cancel', {}, options);
    },
    pay(body, options = {}) {
      return post('/pay', body, options);
    },
    retry(options = {}) {
      return post('/retry', {}, options);
    },
    previewTax(query, options = {}) {
      return get(protocolUrl(permalink, '/tax', { ...query }), taxSummarySchema, options);
    },
    validateTaxId(query, options = {}) {
      return get(protocolUrl(permalink, '/tax_id', { ...query }), taxIdCheckSchema, options);
    },
  };
}
