import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createSandboxApp, type SandboxOptions } from './app.js';
import type { FaultSchedule } from './faults.js';
import type { SandboxStore } from './store/index.js';

export interface StartOptions extends SandboxOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * A second port for the processors' SDK doubles' frames (their card fields), so that they are cross-origin to
   * the merchant page as Stripe's and PayPal's are. 0 picks a free port (the default); false serves none.
   */
  framePort?: number | false;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  store: SandboxStore;
  /** The fault schedule, when started with `faults: true` (tests only). */
  faults?: FaultSchedule;
  /** The second port's origin (the doubles' frames), unless started with `framePort: false`. */
  frameUrl?: string;
  close(): Promise<void>;
}

/** Starts the sandbox as a standalone HTTP server. Resolves once it listens; rejects if the port is taken. */
export function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const { port = 4010, host = '127.0.0.1', framePort = 0, ...appOptions } = options;
  let bound: string | undefined;
  // why: permalinks name the configured origin or this server's own address, never a caller's Host header.
  const sandbox = createSandboxApp({ ...appOptions, publicOrigin: appOptions.publicOrigin ?? (() => bound) });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const servers: Server[] = [];
  const listen = (at: number) =>
    new Promise<number>((resolve, reject) => {
      const server = serve({ fetch: sandbox.app.fetch, port: at, hostname: host }) as Server;
      servers.push(server);
      server.once('error', reject);
      server.once('listening', () => resolve((server.address() as AddressInfo).port));
    });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((done) => {
            server.close(() => done());
            // why: keep-alive connections (fetch in tests, browsers) would otherwise hold close() open.
            server.closeAllConnections();
          }),
      ),
    ).then(() => sandbox.close());
    return closing;
  };
  return (async () => {
    try {
      const actual = await listen(port);
      bound = `http://${shown}:${actual}`;
      const frameUrl = framePort === false ? undefined : `http://${shown}:${await listen(framePort)}`;
      sandbox.processors.frameOrigin = frameUrl;
      return { url: bound, port: actual, store: sandbox.store, faults: sandbox.faults, frameUrl, close };
    } catch (error) {
      sandbox.close();
      for (const server of servers) if (server.listening) server.close();
      throw error;
    }
  })();
}
