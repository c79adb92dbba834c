// Small helpers shared by the benchmark parts: compression, statistics, a static server and a latency proxy.
import http from 'node:http';
import zlib from 'node:zlib';
import { readFileSync } from 'node:fs';

/** Raw, gzip (level 9) and brotli (quality 11, text mode) byte counts of a buffer or string. */
export function sizes(content) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return {
    raw: buffer.length,
    gzip: zlib.gzipSync(buffer, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

export function fileSizes(path) {
  return sizes(readFileSync(path));
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const signedKb = (bytes) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024).toFixed(1)} KB`;
export const ms = (value) => (value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`);

export function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Listens on 127.0.0.1 with a free port; resolves { server, port, url, close }. */
export function listen(handler, host = '127.0.0.1') {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      resolve({
        server,
        port,
        url: `http://${host}:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Serves fixed routes: `{ '/path': { type, body } }`; anything else is a 404. */
export function staticServer(routes) {
  return listen((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const body = typeof route.body === 'function' ? route.body() : route.body;
    res.writeHead(200, { 'Content-Type': route.type, 'Cache-Control': 'no-store' }).end(body);
  });
}

const sleep = (delay) => new Promise((resolve) => setTimeout(resolve, delay));

/**
 * A loopback proxy that holds each request for `delayMs` before forwarding it, and each response for `delayMs`
 * before answering: every round trip through it costs 2 × delayMs more, as a distant server would.
 * `log` gets { method, path, headers, start, end } (performance.now() in this process) for each exchange.
 */
export function delayProxy(target, delayMs, log = []) {
  const agent = new http.Agent({ keepAlive: true });
  const targetUrl = new URL(target);
  return listen(async (req, res) => {
    const entry = { method: req.method, path: req.url, headers: { ...req.headers }, start: performance.now(), end: NaN };
    log.push(entry);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    await sleep(delayMs);
    // why the retry: a kept-alive upstream socket the server has just closed (its keep-alive timeout) fails with
    // ECONNRESET before any answer; the request never reached the server, so sending it again is safe.
    const forward = (retry) => {
      const upstream = http.request(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: targetUrl.host }, agent },
        async (response) => {
          const body = [];
          for await (const chunk of response) body.push(chunk);
          await sleep(delayMs);
          res.writeHead(response.statusCode ?? 502, response.headers);
          res.end(Buffer.concat(body));
          entry.end = performance.now();
        },
      );
      upstream.on('error', (error) => {
        if (retry && error.code === 'ECONNRESET') return forward(false);
        res.writeHead(502).end();
        entry.end = performance.now();
      });
      upstream.end(Buffer.concat(chunks));
    };
    forward(true);
  });
}

/** Sequential round trips of a set of timed requests: the longest chain where each starts after the previous ended. */
export function roundTrips(requests) {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth = new Map();
  let max = 0;
  for (const request of sorted) {
    let d = 1;
    for (const before of sorted) {
      if (before === request) break;
      if (before.end <= request.start) d = Math.max(d, depth.get(before) + 1);
    }
    depth.set(request, d);
    max = Math.max(max, d);
  }
  return max;
}
