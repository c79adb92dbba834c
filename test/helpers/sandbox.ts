// Browser side of the sandbox commands (test/helpers/wtr-plugins.mjs): the real sandbox runs in the test
// runner's Node process; the page only asks it, by command, to create and inspect sessions. No API key here.
import { executeServerCommand } from '@web/test-runner-commands';
import type { CheckoutSessionInput, CreateSessionBody, SessionStatus } from '../../src/session/schema.js';

/** A session as the sandbox serializes it (with its permalink on the sandbox's origin). */
export type SandboxSession = CheckoutSessionInput & { id: number; permalink: string };

/** The sandbox's origin, e.g. `http://127.0.0.1:41234`. */
export function sandboxUrl(): Promise<string> {
  return executeServerCommand<string, undefined>('sandbox-url');
}

/** Creates a session (the private create body), optionally stored straight in another status. */
export async function createSession(body: CreateSessionBody, status?: SessionStatus): Promise<SandboxSession> {
  const session = await executeServerCommand<SandboxSession | undefined, { body: CreateSessionBody; status?: SessionStatus }>(
    'sandbox-create',
    { body, status },
  );
  if (!session?.permalink) throw new Error(`sandbox-create returned no session for ${JSON.stringify(body)}`);
  return session;
}

/** The session as the sandbox holds it now, or null. */
export function getSession(id: number): Promise<SandboxSession | null> {
  return executeServerCommand<SandboxSession | null, { id: number }>('sandbox-get', { id });
}

/** The merchant's private update of a pending session (any subset of the create fields). */
export function updateSession(id: number, body: Partial<CreateSessionBody>): Promise<SandboxSession> {
  return executeServerCommand<SandboxSession, { id: number; body: Partial<CreateSessionBody> }>('sandbox-update', { id, body });
}

/** Forces a status (no payment is simulated). */
export function setStatus(id: number, status: SessionStatus): Promise<SandboxSession> {
  return executeServerCommand<SandboxSession, { id: number; status: SessionStatus }>('sandbox-set-status', { id, status });
}

/** The short-limit sandbox's default inactivity limit (web-test-runner.config.mjs): its sessions are abandoned after 10 s. */
export const SHORT_LIMIT_MS = 10_000;

/** Creates a session on a sandbox whose sessions are abandoned after `limitMs` (default SHORT_LIMIT_MS) without a write. */
export async function createShortLimitSession(body: CreateSessionBody, limitMs = SHORT_LIMIT_MS): Promise<SandboxSession> {
  const session = await executeServerCommand<SandboxSession | undefined, { body: CreateSessionBody; limitMs: number }>('short-limit-create', { body, limitMs });
  if (!session?.permalink) throw new Error('short-limit-create returned no session');
  return session;
}

/** A session of the short-limit sandbox (of `limitMs`) as it holds it now, or null. */
export function getShortLimitSession(id: number, limitMs = SHORT_LIMIT_MS): Promise<SandboxSession | null> {
  return executeServerCommand<SandboxSession | null, { id: number; limitMs: number }>('short-limit-get', { id, limitMs });
}

/** Changes the sandbox account's tax settings (`home_country`, registrations…), as the developer's own tools would. */
export function setTaxSettings(patch: Record<string, unknown>): Promise<unknown> {
  return executeServerCommand<unknown, { patch: Record<string, unknown> }>('sandbox-tax-settings', { patch });
}
