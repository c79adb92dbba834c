// The sandbox mounted in a real Vite dev server: its paths go to the sandbox, everything else to Vite.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ViteDevServer } from 'vite';
import { sandboxPlugin } from '../../src/sandbox/vite-plugin.js';
import { AUTH, call, getWithHost } from './harness.js';

describe('sandboxPlugin in the Vite dev server', () => {
  let server: ViteDevServer;
  let base: string;
  const root = mkdtempSync(join(tmpdir(), 'sandbox-vite-'));
  const lines: string[] = [];

  before(async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title><p>demo page</p>');
    const { createServer } = await import('vite');
    server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, ws: false },
      plugins: [sandboxPlugin({ apiKey: 'sk_vite', log: (line) => lines.push(line) })],
    });
    await server.listen();
    base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  });
  after(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the private API answers on the dev server origin', async () => {
    const auth = `Basic ${Buffer.from('sk_vite:x').toString('base64')}`;
    const reply = await call(base, '/api/checkout/sessions.json', { headers: { Authorization: auth } });
    assert.equal(reply.status, 200);
    assert.ok(reply.json[0].permalink.startsWith(`${base}/checkout/session/`), 'permalinks follow the dev server');
    assert.equal((await call(base, '/api/checkout/sessions.json', { headers: { Authorization: AUTH } })).status, 401);
    assert.ok(lines.some((line) => /^GET \/api\/checkout\/sessions\.json 200 /.test(line)), 'one log line per request');
  });

  test('a Host header is never reflected into permalinks: they name the address Vite listens on', async () => {
    // why: Vite itself refuses unknown host names (403); an IP address passes its check and reached the permalinks.
    const reply = await getWithHost(base, '/sandbox/sessions.json', '10.9.9.9:8080');
    assert.equal(reply.status, 200);
    for (const entry of reply.json) assert.ok(entry.permalink.startsWith(`${base}/checkout/session/`), entry.permalink);
  });

  test('the hosted page loads the TypeScript entry through Vite', async () => {
    const list = (await call(base, '/sandbox/sessions.json')).json;
    const page = await call(base, new URL(list.find((s: { id: number }) => s.id === 100).permalink).pathname);
    assert.equal(page.status, 200);
    assert.match(page.text, /<script type="module" src="\/src\/quaderno-checkout\.ts"><\/script>/);
  });

  test('other paths go on to Vite', async () => {
    const reply = await call(base, '/');
    assert.equal(reply.status, 200);
    assert.match(reply.text, /demo page/);
  });
});
