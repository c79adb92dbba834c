import {
  parseSessionList,
  SessionParseError,
  type CheckoutSession,
  type CreateSessionBody,
  type SessionStatus,
  type UpdateSessionBody,
} from '../session/schema.ts';
import { BadResponseError } from './errors.ts';
import { requestJson, type CallOptions, type TransportOptions } from './http.ts';
import { sessionFromBody } from './public.ts';

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
  };
}
