// A Fetch handler as a `node:http` listener (plain Node, Express, Fastify's raw routes): the one adapter a merchant
// without a Fetch-native framework needs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export interface NodeListenerOptions {
  /** The origin requests are seen on, e.g. `https://shop.example` behind a proxy. Default: `http://` + the Host header. */
  origin?: string;
}

/** `(req, res)` for a Fetch handler. Uses Express's `originalUrl` when mounted under a path. */
export function toNodeListener(handler: (request: Request) => Promise<Response>, options: NodeListenerOptions = {}) {
  return async (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): Promise<void> => {
    try {
      const origin = options.origin ?? `http://${req.headers.host ?? 'localhost'}`;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(new URL(req.originalUrl ?? req.url ?? '/', origin), {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        duplex: 'half',
      } as RequestInit);
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 'internal', error: 'The checkout server failed' }));
      console.error('[quaderno-checkout/server]', error);
    }
  };
}
