// Serves the TEST DOUBLES of Stripe.js and the PayPal JS SDK (see README.md in this folder), bundled from their
// TypeScript sources with esbuild on first request, and the pages of their frames. Sandbox only: never in the package.
import type { Context, Hono } from 'hono';
import { PROJECT_ROOT } from '../page.js';

/** The scripts a page loads in place of the real SDKs, and the scripts of the doubles' own frames. */
const ENTRIES: Record<string, string> = {
  '/doubles/stripe.js': 'src/sandbox/doubles/stripe.ts',
  '/doubles/paypal-sdk.js': 'src/sandbox/doubles/paypal.ts',
  '/doubles/stripe/card.js': 'src/sandbox/doubles/stripe-card-frame.ts',
  '/doubles/stripe/challenge.js': 'src/sandbox/doubles/stripe-challenge-frame.ts',
  '/doubles/stripe/bank.js': 'src/sandbox/doubles/stripe-bank-page.ts',
  '/doubles/paypal/window.js': 'src/sandbox/doubles/paypal-window-frame.ts',
};

/** The frames (and the bank page, a whole page): each an empty page that runs its script (built with DOM calls). */
const FRAMES: Record<string, { title: string; script: string }> = {
  '/doubles/stripe/card': { title: 'Card details (Stripe.js test double)', script: '/doubles/stripe/card.js' },
  '/doubles/stripe/challenge': { title: '3-D Secure challenge (Stripe.js test double)', script: '/doubles/stripe/challenge.js' },
  '/doubles/stripe/bank': { title: 'Bank payment page (Stripe.js test double)', script: '/doubles/stripe/bank.js' },
  '/doubles/paypal/window': { title: 'PayPal (PayPal SDK test double)', script: '/doubles/paypal/window.js' },
};

const FRAME_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const bundles = new Map<string, Promise<string>>();

async function bundle(entry: string, frameOrigin: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [`${PROJECT_ROOT}${entry}`],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
    absWorkingDir: PROJECT_ROOT,
    // why: the double's script is served from the page's side; its frames must come from the other origin.
    define: { __DOUBLE_FRAME_ORIGIN__: JSON.stringify(frameOrigin) },
  });
  return result.outputFiles[0]?.text ?? '';
}

function framePage(title: string, script: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title></head>
<body><script src="${script}"></script></body></html>
`;
}

/** Mounts the doubles' scripts and frame pages. `frameOrigin()` is the second port's origin, once it listens. */
export function mountDoubles(app: Hono, frameOrigin: () => string | undefined): void {
  for (const [path, entry] of Object.entries(ENTRIES)) {
    app.get(path, async (c: Context) => {
      const origin = frameOrigin() ?? new URL(c.req.url).origin;
      const key = `${entry}|${origin}`;
      let code = bundles.get(key);
      if (!code) {
        code = bundle(entry, origin);
        bundles.set(key, code);
        code.catch(() => bundles.delete(key));
      }
      try {
        const text = await code;
        c.header('Content-Type', 'text/javascript; charset=utf-8');
        c.header('Cache-Control', 'no-cache');
        return c.body(text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return c.text(`/* bundling ${entry} failed: ${message.replace(/\*\//g, '* /')} */\n`, 503);
      }
    });
  }
  for (const [path, frame] of Object.entries(FRAMES)) {
    app.get(path, (c: Context) => {
      c.header('Content-Security-Policy', FRAME_CSP);
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.html(framePage(frame.title, frame.script));
    });
  }
}
