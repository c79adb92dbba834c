// A Fetch handler as a `node:http` listener (plain Node, Express, Fastify's raw routes): the one adapter a merchant
// without a Fetch-native framework needs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ProtocolErrorBody } from '../protocol/codes.js';

export interface NodeListenerOptions {
  /** The origin requests are seen on, e.g. `https://shop.example` behind a proxy. Default: `http://` + the Host header. */
  origin?: string;
  /** Where a failure of the handler goes. Default: the handler's own `onError` (a CheckoutHandler's), else console.error. */
  onError?: (error: unknown) => void;
}

/** An RFC 9110 method token. */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// why: fetch's Request refuses these with a TypeError; they are a client's mistake (or probe), never the server's fault.
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

function refusal(status: number, body: ProtocolErrorBody, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store', ...headers } });
}

/**
 * The Fetch Request for `req`, or the 4xx a malformed one gets (a method fetch cannot carry, a Host or target that
 * makes no URL). `signal` aborts once the client has gone.
 */
function toRequest(req: IncomingMessage & { originalUrl?: string }, origin: string | undefined, signal: AbortSignal): Request | Response {
  const method = (req.method ?? 'GET').toUpperCase();
  if (!METHOD.test(method) || FORBIDDEN_METHODS.has(method)) {
    return refusal(405, { code: 'capability_unsupported', error: `${method} is not supported here` }, { Allow: 'GET, PUT, POST, OPTIONS' });
  }
  const target = req.originalUrl ?? req.url ?? '/';
  let url: URL;
  try {
    // why concatenated, not resolved: a target such as `//other.example/…` must stay a path on this origin.
    if (!target.startsWith('/')) throw new TypeError('not an origin-form target');
    url = new URL(`${origin ?? `http://${req.headers.host ?? 'localhost'}`}${target}`);
  } catch {
    return refusal(400, { code: 'body_invalid', error: 'The request target or its Host header is malformed' });
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
    signal,
  } as RequestInit);
}

/** `(req, res)` for a Fetch handler. Uses Express's `originalUrl` when mounted under a path. */
export function toNodeListener(
  handler: ((request: Request) => Promise<Response>) & { onError?: (error: unknown) => void },
  options: NodeListenerOptions = {},
) {
  const onError = options.onError ?? handler.onError ?? ((error: unknown) => console.error('[quaderno-checkout/server]', error));
  return async (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): Promise<void> => {
    // why: a client that goes away (a closed tab, the element's own timeout) cancels the handler's calls to Quaderno.
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    let response: Response;
    try {
      const request = toRequest(req, options.origin, gone.signal);
      response = request instanceof Response ? request : await handler(request);
    } catch (error) {
      onError(error);
      response = refusal(500, { code: 'internal', error: 'The checkout server failed' });
    }
    if (res.destroyed) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
  };
}
