import { parseSession, SessionParseError, type CheckoutSession, type PublicUpdateBody } from '../session/schema.ts';
import { BadResponseError } from './errors.ts';
import { requestJson, type CallOptions, type TransportOptions } from './http.ts';
import { permalinkEndpoint } from './urls.ts';

/** Turns a response body into a session, reporting a schema failure as a bad response. */
export function sessionFromBody(data: unknown, status?: number): CheckoutSession {
  try {
    return parseSession(data);
  } catch (error) {
    if (error instanceof SessionParseError) throw new BadResponseError(error.message, status, data);
    throw error;
  }
}

/**
 * The customer-side API, keyed by the session's permalink. It needs no API key and sends none:
 * this is what runs in the browser.
 */
export interface PublicClient {
  readonly permalink: string;
  /** The timeout and credentials its calls use, for the protocol's other calls (the tax preview) to share. */
  readonly transport?: TransportOptions;
  /** `GET <permalink>.json` */
  retrieve(options?: CallOptions): Promise<CheckoutSession>;
  /** `PUT <permalink>.json`: customer fields and a coupon code (null removes it). */
  update(body: PublicUpdateBody, options?: CallOptions): Promise<CheckoutSession>;
  /** `POST <permalink>/cancel.json`: the customer leaves; the session becomes abandoned. */
  cancel(options?: CallOptions): Promise<CheckoutSession>;
  /** `POST <permalink>/pay.json`: starts a payment with the processor's body (the sandbox's simulated payment). */
  pay(body: unknown, options?: CallOptions): Promise<CheckoutSession>;
  /** `POST <permalink>/retry.json` (capability `retry`): a failed session becomes pending again, to correct and pay. */
  retry(options?: CallOptions): Promise<CheckoutSession>;
}

/** Creates the public client; throws InvalidPermalinkError at once for a permalink that is not http(s). */
export function createPublicClient(permalink: string, transport: TransportOptions = {}): PublicClient {
  const endpoint = permalinkEndpoint(permalink);
  async function post(subpath: string, body: unknown, options: CallOptions): Promise<CheckoutSession> {
    const url = permalinkEndpoint(permalink, subpath);
    const response = await requestJson({ ...options, method: 'POST', url, body }, transport);
    return sessionFromBody(response.data, response.status);
  }
  return {
    permalink,
    transport,
    async retrieve(options = {}) {
      const response = await requestJson({ ...options, method: 'GET', url: endpoint }, transport);
      return sessionFromBody(response.data, response.status);
    },
    async update(body, options = {}) {
      const response = await requestJson({ ...options, method: 'PUT', url: endpoint, body }, transport);
      return sessionFromBody(response.data, response.status);
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
  };
}
