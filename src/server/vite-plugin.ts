// `npm start` against a real Quaderno account: with QUADERNO_API_URL and QUADERNO_API_KEY set, the demo page talks to
// createCheckoutHandler (in Vite's dev server) instead of the in-memory sandbox. Dev only; not part of the package.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { createPrivateClient } from '../api/private.js';
import { sessionTotals } from '../session/money.js';
import { createCheckoutHandler } from './handler.js';
import { toNodeListener } from './node.js';

const PREFIX = '/checkout';

/** The demo's session list, from the account (newest first, at most 50). */
const LIST_LIMIT = 50;

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 4096) break;
  }
  try {
    const value = JSON.parse(text || '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/**
 * The plugin, or undefined when the two variables are not both set (then the sandbox serves the demo).
 * It answers the demo page's three `/sandbox/*` calls from the account (listing its sessions; no copies, no reset),
 * serves the handler under `/checkout/`, and never exposes the private API: `/api/*` is a 404 here.
 */
export function accountPlugin(env: Record<string, string | undefined> = process.env): Plugin | undefined {
  const apiUrl = env.QUADERNO_API_URL;
  const apiKey = env.QUADERNO_API_KEY;
  if (!apiUrl || !apiKey) return undefined;
  // why: without a fixed secret the permalinks change at every restart, which a demo can live with.
  const secret = env.CHECKOUT_SECRET ?? randomBytes(32).toString('base64url');
  const handler = createCheckoutHandler({ apiUrl, apiKey, secret, prefix: PREFIX });
  const client = createPrivateClient({ baseUrl: apiUrl, apiKey });
  const checkout = toNodeListener(handler);

  async function sandboxCall(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    if (path === '/sandbox/sessions.json' && req.method === 'GET') {
      const sessions = (await client.list()).slice(0, LIST_LIMIT);
      return send(
        res,
        200,
        sessions.map((session) => {
          const { total, currency } = sessionTotals(session);
          const label = `#${session.id} · ${session.items[0]?.name ?? 'no items'} · ${(total / 100).toFixed(2)} ${currency} · ${session.status}`;
          const { id, status, locale, payment_methods, coupon_collection } = session;
          return { id, label, status, permalink: handler.permalinkFor(id!, origin), locale, currency, payment_methods, coupon_collection };
        }),
      );
    }
    if (path === '/sandbox/sessions.json' && req.method === 'POST') {
      // why: a real account's sessions are not copied; the demo opens the one chosen.
      const from = (await readJson(req)).from;
      if (typeof from !== 'number') return send(res, 422, { errors: { from: ['must be the id of a session'] } });
      return send(res, 201, { id: from, permalink: handler.permalinkFor(from, origin) });
    }
    if (path === '/sandbox/reset.json' && req.method === 'POST') return send(res, 204);
    return send(res, 404, { error: 'Not available against a real account' });
  }

  return {
    name: 'quaderno-account',
    configureServer(server) {
      server.config.logger.info(`  quaderno-checkout: serving the demo through createCheckoutHandler against ${new URL(apiUrl).origin}`);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path.startsWith(`${PREFIX}/`)) return void checkout(req, res);
        if (path.startsWith('/sandbox/')) {
          return void sandboxCall(req, res, path.replace(/(\.json)?$/, '.json')).catch((error: unknown) => {
            server.config.logger.error(`quaderno-checkout: ${error instanceof Error ? error.message : String(error)}`);
            send(res, 502, { error: 'The Quaderno account did not answer' });
          });
        }
        if (path === '/api' || path.startsWith('/api/')) return send(res, 404, { error: 'The private API is not served to browsers' });
        next();
      });
    },
  };
}
