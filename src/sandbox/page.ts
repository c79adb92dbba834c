import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../session/schema.js';

/** The repository root (this file lives in src/sandbox/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_SCRIPT_URL = '/quaderno-checkout.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The origin of an absolute script URL, for the CSP; '' for a same-origin path. */
function scriptOrigin(scriptUrl: string): string {
  try {
    return /^https?:\/\//i.test(scriptUrl) ? new URL(scriptUrl).origin : '';
  } catch {
    return '';
  }
}

/**
 * The hosted page's Content-Security-Policy: no inline script at all, and no framing by any site.
 * why: style-src allows inline because Lit falls back to <style> elements where adoptedStyleSheets is missing.
 */
export function pageCsp(scriptUrl: string, apiOrigin?: string): string {
  const scripts = ["'self'", scriptOrigin(scriptUrl)].filter(Boolean).join(' ');
  const connect = ["'self'", apiOrigin ?? ''].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface PageOptions {
  permalink: string;
  scriptUrl: string;
  /** Optional `?locale=` override, passed on to the element when it is a known locale. */
  locale?: string | null;
  title?: string;
}

// why: without an icon link, browsers request /favicon.ico and log a 404 on every hosted checkout. A data: URL
// needs no route and is allowed by the page's img-src.
const ICON = `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23334bd1'/%3E%3Cpath d='M4 8.5l2.5 2.5L12 5.5' stroke='white' stroke-width='2' fill='none'/%3E%3C/svg%3E">`;

/** The hosted checkout page: the same `<quaderno-checkout>` merchants embed, loaded as an external module. */
export function checkoutPage({ permalink, scriptUrl, locale, title }: PageOptions): string {
  const localeAttr = locale && (LOCALES as readonly string[]).includes(locale) ? ` locale="${escapeHtml(locale)}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${ICON}
<title>${escapeHtml(title ?? 'Checkout')} · Quaderno sandbox</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #f5f6f8; color: #1d2330; }
  /* wide enough for the element's two-column layout (its container reaches 720px) */
  main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  .sandbox-banner { margin: 0 0 1rem; padding: .5rem .75rem; border-radius: .375rem; background: #fff4d6; font-size: .875rem; }
  .fallback { padding: 1rem; border: 1px dashed #9aa3b2; border-radius: .5rem; }
</style>
<script type="module" src="${escapeHtml(scriptUrl)}"></script>
</head>
<body>
<main>
<p class="sandbox-banner" role="note">Sandbox checkout: test mode, no real payment is made.</p>
<quaderno-checkout permalink="${escapeHtml(permalink)}"${localeAttr}>
<p class="fallback">Loading the checkout… If this message stays, the checkout script
(<code>${escapeHtml(scriptUrl)}</code>) could not be loaded: build it with <code>npm run build</code>, or check the server log.</p>
</quaderno-checkout>
</main>
</body>
</html>
`;
}

/** A small HTML page for errors (unknown session, script unavailable). */
export function messagePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${ICON}<title>${escapeHtml(title)} · Quaderno sandbox</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>
`;
}

export type ScriptResult = { ok: true; code: string; source: string } | { ok: false; error: string };

/**
 * Serves the element's script in standalone mode: `dist/quaderno-checkout.js` when it was built,
 * otherwise a bundle of `src/quaderno-checkout.ts` made with esbuild on first request and cached in memory
 * until one of its input files changes.
 */
export class ScriptBundler {
  private cache: { code: string; inputs: Map<string, number> } | null = null;
  private building: Promise<ScriptResult> | null = null;

  constructor(private readonly root = PROJECT_ROOT) {}

  /** `file` is the entry or, from a built dist/, one of its locale chunks (`quaderno-checkout-de-<hash>.js`). */
  async get(file = 'quaderno-checkout.js'): Promise<ScriptResult> {
    const dist = `${this.root}dist/quaderno-checkout.js`;
    if (existsSync(dist)) {
      try {
        if (!/^quaderno-checkout(?:-[\w-]+)?\.js$/.test(file)) throw new Error(file);
        return { ok: true, code: readFileSync(`${this.root}dist/${file}`, 'utf8'), source: `dist/${file}` };
      } catch {
        // fall through to the bundle
      }
    }
    // why: the esbuild bundle is one file with every locale inside; it never asks for a chunk.
    if (file !== 'quaderno-checkout.js') return { ok: false, error: `No ${file} without a built dist/` };
    if (this.cache && this.fresh(this.cache.inputs)) return { ok: true, code: this.cache.code, source: 'esbuild bundle' };
    this.building ??= this.build().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private fresh(inputs: Map<string, number>): boolean {
    for (const [file, mtime] of inputs) {
      try {
        if (statSync(file).mtimeMs !== mtime) return false;
      } catch {
        return false;
      }
    }
    return true;
  }

  private async build(): Promise<ScriptResult> {
    const entry = `${this.root}src/quaderno-checkout.ts`;
    if (!existsSync(entry)) return { ok: false, error: `The element's entry ${entry} does not exist yet` };
    try {
      // why: scripts/element-bundle.ts is the one esbuild config of the element (also the hardening suites' and the screenshots').
      const { bundleElement } = await import('../../scripts/element-bundle.js');
      const { code, inputs: files } = await bundleElement({ root: this.root });
      const inputs = new Map<string, number>();
      for (const file of files) {
        const path = `${this.root}${file}`;
        try {
          inputs.set(path, statSync(path).mtimeMs);
        } catch {
          // a virtual input; nothing to watch
        }
      }
      this.cache = { code, inputs };
      return { ok: true, code, source: 'esbuild bundle' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `Bundling src/quaderno-checkout.ts failed: ${message}` };
    }
  }
}
