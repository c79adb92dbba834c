import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import { createSandboxApp, type SandboxOptions } from './app.js';

/** The paths the sandbox answers inside Vite; everything else goes on to Vite. */
export const SANDBOX_PATHS = /^\/(?:api|checkout|sandbox)(?:\/|$)/;

/**
 * Mounts the sandbox in Vite's dev server, so `npm start` serves the demo and the API on one origin.
 * The hosted checkout page loads `/src/quaderno-checkout.ts`, which Vite compiles on the fly.
 */
export function sandboxPlugin(options: SandboxOptions = {}): Plugin {
  return {
    name: 'quaderno-sandbox',
    configureServer(server) {
      // why: permalinks name SANDBOX_PUBLIC_ORIGIN, Vite's own `server.origin`, or the address Vite prints, never the
      // caller's Host header; read when needed, since the port is known only once Vite listens.
      const origin = () => process.env.SANDBOX_PUBLIC_ORIGIN || server.config.server.origin || server.resolvedUrls?.local[0];
      const sandbox = createSandboxApp({ log: true, scriptUrl: '/src/quaderno-checkout.ts', publicOrigin: origin, ...options });
      const listener = getRequestListener(sandbox.app.fetch);
      // why: registered directly (not in a returned post hook) so it runs before Vite's SPA fallback and static files.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (!SANDBOX_PATHS.test(path)) return next();
        listener(req, res).catch(next);
      });
      server.httpServer?.once('close', () => sandbox.close());
    },
  };
}
