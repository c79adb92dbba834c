// The merchant's site of the processor suites that drive real page loads (csp.test.ts, redirect.test.ts): its own
// origin, the strict CSP of the hardening suite plus the processors' hosts (here the sandbox and its frame origin),
// and two pages: `/adapter` (one adapter, csp-page.ts) and `/checkout` (the element, element-page.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { elementBuildOptions } from '../../../scripts/element-bundle.ts';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';
import { strictCsp } from '../../hardening/support.ts';

/** The hardening suite's policy, with what docs/processors.md adds for the processors. */
export function processorCsp(sandbox: RunningSandbox): string {
  return strictCsp(`${sandbox.url} ${sandbox.frameUrl}`, "lit-html 'allow-duplicates' default")
    .replace("script-src 'self'", `script-src 'self' ${sandbox.url}`)
    .concat(`; frame-src ${sandbox.frameUrl}`);
}

// why a boot script: it records violations before anything else runs (inline scripts are not allowed).
const BOOT = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;

const PAGES = {
  '/adapter': { script: '/adapter.js', entry: 'test/processors/pages/csp-page.ts', body: '<div id="checkout"><div id="processor"></div></div>' },
  '/checkout': { script: '/checkout.js', entry: 'test/processors/pages/element-page.ts', body: '<h1>Shop</h1><div id="shop"></div>' },
} as const;

export interface ProcessorSite {
  /** `http://localhost:PORT`: another origin than the sandbox's 127.0.0.1. */
  origin: string;
  close(): void;
}

export async function startProcessorSite(sandbox: RunningSandbox): Promise<ProcessorSite> {
  const scripts = new Map<string, string>();
  for (const page of Object.values(PAGES)) {
    const options = elementBuildOptions({ minify: false });
    const result = await build({
      ...options,
      entryPoints: [`${options.absWorkingDir}${page.entry}`],
      define: { ...options.define, __SANDBOX__: JSON.stringify(sandbox.url) },
    });
    scripts.set(page.script, result.outputFiles![0]!.text);
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const script = url.pathname === '/boot.js' ? BOOT : scripts.get(url.pathname);
    if (script !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      return res.end(script);
    }
    const page = PAGES[url.pathname as keyof typeof PAGES];
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': processorCsp(sandbox) });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="/boot.js"></script><script type="module" src="${page.script}"></script></head>
<body>${page.body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    // why: 'localhost' vs the sandbox's '127.0.0.1' keeps the merchant on its own origin.
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
