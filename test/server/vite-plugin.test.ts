// `npm start` against an account: the demo's Vite dev server with accountPlugin, the sandbox's private API acting as
// the real account behind it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ViteDevServer } from 'vite';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.js';
import { accountPlugin } from '../../src/server/vite-plugin.js';
import { API_KEY, browser, KEY_ON_THE_WIRE } from './support.js';

describe('accountPlugin in the Vite dev server', () => {
  let sandbox: RunningSandbox;
  let server: ViteDevServer;
  let base: string;
  const root = mkdtempSync(join(tmpdir(), 'account-vite-'));

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: API_KEY });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title><p>demo page</p>');
    const { createServer } = await import('vite');
    const plugin = accountPlugin({ QUADERNO_API_URL: sandbox.url, QUADERNO_API_KEY: API_KEY });
    assert.ok(plugin);
    server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, ws: false },
      plugins: [plugin],
    });
    await server.listen();
    base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  });
  after(async () => {
    await server?.close();
    await sandbox?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('without both variables there is no plugin (the sandbox serves the demo)', () => {
    assert.equal(accountPlugin({}), undefined);
    assert.equal(accountPlugin({ QUADERNO_API_URL: 'https://a.quadernoapp.com' }), undefined);
  });

  test("the demo's session list comes from the account, with the handler's permalinks on the dev origin", async () => {
    const list = await browser(`${base}/sandbox/sessions.json`);
    assert.equal(list.status, 200);
    assert.ok(list.json.length > 0);
    const pending = list.json.find((s: { status: string }) => s.status === 'pending');
    assert.ok(pending.permalink.startsWith(`${base}/checkout/`));
    assert.ok(!('custom' in pending) && !('customer' in pending));
    const opened = await browser(`${base}/sandbox/sessions.json`, { method: 'POST', body: { from: pending.id } });
    assert.deepEqual([opened.status, opened.json.permalink], [201, pending.permalink], 'the same session, not a copy');
    const session = await browser(`${pending.permalink}.json`);
    assert.equal(session.status, 200);
    assert.equal(session.json.permalink, pending.permalink);
    const saved = await browser(`${pending.permalink}.json`, { method: 'PUT', body: { customer: { first_name: 'Ana' } } });
    assert.equal(saved.status, 200);
    assert.equal(sandbox.store.getSession(pending.id)!.customer.first_name, 'Ana');
    for (const reply of [list, opened, session, saved]) assert.ok(!reply.text.includes(API_KEY) && !reply.text.includes(KEY_ON_THE_WIRE));
  });

  test('the private API is not served to the browser, and other paths go on to Vite', async () => {
    const api = await browser(`${base}/api/checkout/sessions.json`);
    assert.equal(api.status, 404);
    const page = await browser(`${base}/`, { headers: { Accept: 'text/html' } });
    assert.match(page.text, /demo page/);
  });
});
