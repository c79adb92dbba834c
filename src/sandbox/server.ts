import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createSandboxApp, type SandboxOptions } from './app.ts';
import type { FaultSchedule } from './faults.ts';
import type { SandboxStore } from './store.ts';

export interface StartOptions extends SandboxOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  store: SandboxStore;
  /** The fault schedule, when started with `faults: true` (tests only). */
  faults?: FaultSchedule;
  close(): Promise<void>;
}

/** Starts the sandbox as a standalone HTTP server. Resolves once it listens; rejects if the port is taken. */
export function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const { port = 4010, host = '127.0.0.1', ...appOptions } = options;
  let bound: string | undefined;
  // why: permalinks name the configured origin or this server's own address, never a caller's Host header.
  const sandbox = createSandboxApp({ ...appOptions, publicOrigin: appOptions.publicOrigin ?? (() => bound) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: sandbox.app.fetch, port, hostname: host }) as Server;
    server.once('error', (error) => {
      sandbox.close();
      reject(error);
    });
    server.once('listening', () => {
      const actual = (server.address() as AddressInfo).port;
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      let closing: Promise<void> | undefined;
      bound = `http://${shown}:${actual}`;
      resolve({
        url: bound,
        port: actual,
        store: sandbox.store,
        faults: sandbox.faults,
        close() {
          closing ??= new Promise<void>((done) => {
            sandbox.close();
            server.close(() => done());
            // why: keep-alive connections (fetch in tests, browsers) would otherwise hold close() open.
            server.closeAllConnections();
          });
          return closing;
        },
      });
    });
  });
}
