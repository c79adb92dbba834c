// Sandbox throughput: the permalink GET and PUT under concurrent keep-alive clients on loopback, for a bounded time.
// The sandbox runs in a child process, so it has an event loop (and a core) of its own; the clients run here.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { percentile } from './lib.mjs';

const CUSTOMER = {
  customer: {
    email: 'ada@example.com',
    first_name: 'Ada',
    last_name: 'Lovelace',
    billing_street_line_1: '12 St James’s Square',
    billing_city: 'London',
    billing_postal_code: 'SW1Y 4JH',
    billing_country: 'GB',
  },
};

export function startChild() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/sandbox-child.mjs'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox child exited with ${code}`)));
    lines.once('line', (line) => resolve({ child, ...JSON.parse(line) }));
  });
}

/** `concurrency` clients, each sending its next request as soon as the last one answered, for `seconds`. */
export async function load({ url, method, body, concurrency, seconds, warmupSeconds, headers: extra = {} }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = { Accept: 'application/json', ...extra, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) };
  const once1 = () =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers, agent },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });

  const run = async (duration, record) => {
    const deadline = performance.now() + duration * 1000;
    const latencies = [];
    let errors = 0;
    const client = async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        const status = await once1().catch(() => 0);
        if (status !== 200) errors++;
        if (record) latencies.push(performance.now() - start);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, client));
    return { latencies, errors, elapsed: (performance.now() - started) / 1000 };
  };

  await run(warmupSeconds, false);
  const { latencies, errors, elapsed } = await run(seconds, true);
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export async function measureThroughput({ concurrency = 16, seconds = 5, log = () => {} } = {}) {
  const server = await startChild();
  const permalink = `${server.url}/checkout/session/${server.token}.json`;
  const common = { concurrency, warmupSeconds: 0.5 };
  try {
    log('throughput: GET');
    const get = await load({ ...common, url: permalink, method: 'GET', seconds });
    log('throughput: PUT');
    const put = await load({ ...common, url: permalink, method: 'PUT', body: CUSTOMER, seconds });
    log('throughput: node:http floor');
    const floorGet = await load({ ...common, url: `${server.floor}/x.json`, method: 'GET', seconds: Math.min(seconds, 3) });
    const floorPut = await load({ ...common, url: `${server.floor}/x.json`, method: 'PUT', body: CUSTOMER, seconds: Math.min(seconds, 3) });
    return { concurrency, seconds, bytes: server.bytes, get, put, floorGet, floorPut };
  } finally {
    server.child.stdin.end();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit').catch(() => {});
  }
}
