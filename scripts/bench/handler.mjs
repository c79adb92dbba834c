// The merchant handler's throughput: `createCheckoutHandler` in a child process of its own, in front of the
// sandbox (its own child too) acting as Quaderno, against the same calls made directly to the sandbox's private API.
// `node --import tsx scripts/bench/handler.mjs` measures and prints the markdown section alone; the bench imports it.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ms } from './lib.mjs';
import { load, startChild } from './throughput.mjs';

const API_KEY = process.env.QUADERNO_API_KEY ?? 'sk_test_sandbox';
const AUTH = { Authorization: `Basic ${Buffer.from(`${API_KEY}:x`).toString('base64')}` };
const CUSTOMER = { customer: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', billing_country: 'ES', billing_postal_code: '08001' } };

/** Child mode: the handler on node:http, in front of the sandbox at argv[3]; prints its permalink for session argv[4]. */
async function serveHandler(apiUrl, sessionId) {
  const { createCheckoutHandler, toNodeListener } = await import('../../src/server/index.ts');
  const handler = createCheckoutHandler({ apiUrl, apiKey: API_KEY, secret: 'bench-secret-that-is-long-enough-00', prefix: '/checkout' });
  const server = http.createServer(toNodeListener(handler));
  server.listen(0, '127.0.0.1', () => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    process.stdout.write(`${JSON.stringify({ permalink: handler.permalinkFor(sessionId, origin) })}\n`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

function startHandlerChild(apiUrl, sessionId) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', apiUrl, String(sessionId)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the handler child exited with ${code}`)));
    lines.once('line', (line) => resolve({ child, ...JSON.parse(line) }));
  });
}

async function stopChild(child) {
  child.stdin.end();
  child.kill('SIGTERM');
  await once(child, 'exit').catch(() => {});
}

export async function measureHandler({ concurrency = 16, seconds = 5, log = () => {} } = {}) {
  const sandbox = await startChild();
  let handler;
  try {
    const session = await (await fetch(`${sandbox.url}/checkout/session/${sandbox.token}.json`)).json();
    handler = await startHandlerChild(sandbox.url, session.id);
    const direct = `${sandbox.url}/api/checkout/sessions/${session.id}.json`;
    const common = { concurrency, seconds, warmupSeconds: 0.5 };
    log('handler: GET direct');
    const directGet = await load({ ...common, url: direct, method: 'GET', headers: AUTH });
    log('handler: GET through the handler');
    const get = await load({ ...common, url: `${handler.permalink}.json`, method: 'GET' });
    log('handler: PUT direct');
    const directPut = await load({ ...common, url: direct, method: 'PUT', body: CUSTOMER, headers: AUTH });
    log('handler: PUT through the handler');
    const put = await load({ ...common, url: `${handler.permalink}.json`, method: 'PUT', body: CUSTOMER });
    log('handler: one client at a time');
    const directOne = await load({ ...common, concurrency: 1, seconds: 3, url: direct, method: 'GET', headers: AUTH });
    const one = await load({ ...common, concurrency: 1, seconds: 3, url: `${handler.permalink}.json`, method: 'GET' });
    log('handler: tax preview');
    const tax = await load({ ...common, url: `${handler.permalink}/tax.json?country=ES&postal_code=08001`, method: 'GET' });
    return { concurrency, seconds, directGet, get, directPut, put, tax, directOne, one };
  } finally {
    if (handler) await stopChild(handler.child);
    await stopChild(sandbox.child);
  }
}

const tp = (r) => `${Math.round(r.rps).toLocaleString('en')} req/s · p50 ${ms(r.p50)} · p99 ${ms(r.p99)}${r.errors ? ` · ${r.errors} errors` : ''}`;
const overhead = (through, direct) =>
  `+${ms(through.p50 - direct.p50)} p50 · +${ms(through.p99 - direct.p99)} p99 · ${((through.rps / direct.rps) * 100).toFixed(0)}% of direct req/s`;

/** The markdown section for BENCHMARKS.md. */
export function handlerSection(r) {
  return `## Merchant handler

| Measure | Through the handler | Direct to Quaderno (the sandbox's private API) | Overhead |
| --- | --- | --- | --- |
| GET session, ${r.concurrency} keep-alive clients, ${r.seconds} s | ${tp(r.get)} | ${tp(r.directGet)} | ${overhead(r.get, r.directGet)} |
| PUT customer (5 fields), ${r.concurrency} clients, ${r.seconds} s | ${tp(r.put)} | ${tp(r.directPut)} | ${overhead(r.put, r.directPut)} |
| GET session, 1 client, 3 s (latency without queueing) | ${tp(r.one)} | ${tp(r.directOne)} | ${overhead(r.one, r.directOne)} |
| GET tax.json (ES, cached rate and session), ${r.concurrency} clients, ${r.seconds} s | ${tp(r.tax)} | no direct equivalent (one calculate call per minute per input) | |

How: \`scripts/bench/handler.mjs\`. The sandbox runs in a child process (as for the sandbox rows) on a copy of session
100; \`createCheckoutHandler\` runs in a second child on \`node:http\` (\`toNodeListener\`), calling the sandbox's private API
with the key. The clients (this process) loop over keep-alive connections, as above. "Direct" is the call the handler
itself makes for the same request (\`GET\`/\`PUT /api/checkout/sessions/ID.json\` with HTTP Basic), so the overhead is the
handler's own cost: token check, the body's checks, the upstream hop, the browser allowlist and the tax of the saved
customer (from its cache after the first call). On a 2-core machine three processes share two cores: the handler's
figures include the sandbox behind it, so they are a floor for a real deployment, whose Quaderno is a network away.
Under 16 clients the overhead is mostly queueing for those cores (two servers' work per request instead of one); the
one-client row is the handler's own latency. A real Quaderno adds its network round trip to both columns alike.
`;
}

if (process.argv[2] === 'child') await serveHandler(process.argv[3], process.argv[4]);
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const log = (line) => process.stderr.write(`[handler bench] ${line}\n`);
  console.log(handlerSection(await measureHandler({ log })));
}
