// Browser side of the fault suites: fault injection into the real sandbox (test/helpers/hardening-plugins.mjs),
// mounting with a short request timeout, and a page-wide watch for uncaught errors.
import { executeServerCommand } from '@web/test-runner-commands';
import type { FaultSpec } from '../../src/sandbox/faults.js';
import { mountCheckout, type Mounted } from './harness.js';

export interface FaultCounts {
  pending: number;
  injected: number;
}

async function command<T, P>(name: string, payload?: P): Promise<T> {
  try {
    return await executeServerCommand<T, P>(name, payload);
  } catch (error) {
    throw new Error(
      `${name} failed: register hardeningCommands(sandbox) from test/helpers/hardening-plugins.mjs in ` +
        `web-test-runner.config.mjs and start its sandbox with faults: true (${String(error)})`,
    );
  }
}

/** The sessions this page (one test file) scheduled faults for: the only ones it may clear. */
const tokens = new Set<string>();

/** Schedules a fault in the sandbox the page talks to, for one session: another file's sessions never see it. */
export function injectFault(spec: FaultSpec & { token: string }): Promise<FaultCounts> {
  tokens.add(spec.token);
  return command<FaultCounts, FaultSpec>('sandbox-fault', spec);
}

/** Drops the faults this page scheduled that no request took yet; another file's faults stay. */
export async function clearFaults(): Promise<void> {
  const mine = [...tokens];
  tokens.clear();
  await command<{ cleared: number }, { tokens: string[] }>('sandbox-faults-clear', { tokens: mine });
}

/** The faults still pending for one session, and how many were injected into its requests. */
export function faultCounts(token: string): Promise<FaultCounts> {
  return command<FaultCounts, { token: string }>('sandbox-faults', { token });
}

/** The permalink's token (its last path segment). */
export function tokenOf(permalink: string): string {
  return new URL(permalink).pathname.split('/').pop()!;
}

/**
 * Mounts the element in English with fast polling. The per-request timeout is 5 s unless a test about timeouts gives
 * its own: a shorter default made a loaded machine's slow answer read as a failed save.
 */
export function mountFast(permalink: string, timeout = 5000): Promise<Mounted> {
  return mountCheckout(permalink, { locale: 'en', timeout });
}

/** Collects uncaught errors and unhandled rejections while a test runs. */
export function watchErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
