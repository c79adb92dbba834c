// Shared set-up of the checkout suites: sessions to create, mounting, navigation and fetch spies, tear-down.
import { setNavigator } from '../../src/ui/navigation.js';
import type { CreateSessionBody } from '../../src/session/schema.js';
import { sessionBody } from './sessions.js';
import { afterEach, beforeEach, mountCheckout, waitUntil, type HarnessField, type Mounted } from '../helpers/harness.js';
import { createSession, type SandboxSession } from '../helpers/sandbox.js';

export { CANCEL_URL, FULL_CUSTOMER, sessionBody, SUCCESS_URL } from './sessions.js';

/**
 * Just what `auto` mode requires of a customer abroad. why French: the sandbox seller is Spanish, and a Spanish
 * customer of a Spanish seller must also give a tax ID (the domestic tax-ID rule), which then asks for the address.
 */
export const AUTO_CUSTOMER: Partial<Record<HarnessField, string>> = {
  email: 'grace@example.com',
  first_name: 'Grace',
  last_name: 'Hopper',
  billing_country: 'FR',
  billing_postal_code: '75001',
};

/** Mounts the element (see mountCheckout) with the display locale given, or none. */
export function mount(permalink: string, options: { locale?: string } = {}): Promise<Mounted> {
  return mountCheckout(permalink, options);
}

/** Creates a session, mounts it and waits for the form: the set-up most tests start from. */
export async function openForm(
  overrides: Partial<CreateSessionBody> = {},
  options: { locale?: string; timeout?: number } = {},
): Promise<Mounted & { session: SandboxSession }> {
  const session = await createSession(sessionBody(overrides));
  const mounted = await mountCheckout(session.permalink, options);
  await mounted.h.waitFor('form');
  // why: the sandbox processor is a chunk of its own too; a chosen method's fields show once it is in.
  await waitUntil(
    () => !mounted.h.$('input[name="payment-method"]:checked') || mounted.h.processorRoot?.querySelector('.processor-fields'),
    () => 'the sandbox processor to mount',
  );
  return { ...mounted, session };
}

export function eventNames(events: CustomEvent[]): string[] {
  return events.map((e) => e.type);
}

export type { Mounted };

/** Where the element navigated (it never leaves the test page). */
export const navigations: string[] = [];

const realFetch = window.fetch;
/** Every request the page made through fetch, with its signal. */
export const requests: Array<{
  method: string;
  url: string;
  signal: AbortSignal | null | undefined;
  credentials: RequestCredentials | undefined;
}> = [];

type FetchStub = (input: RequestInfo | URL, init: RequestInit | undefined, real: typeof fetch) => Promise<Response>;

/** Replaces window.fetch, for a fault the sandbox cannot produce. Restored after each test. */
export function stubFetch(stub: FetchStub): void {
  window.fetch = (input, init) => {
    record(input, init);
    return stub(input, init, realFetch);
  };
}

function record(input: RequestInfo | URL, init: RequestInit | undefined): void {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  requests.push({ method: init?.method ?? 'GET', url, signal: init?.signal, credentials: init?.credentials });
}

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Per-test state: navigation spy, a recording (not stubbing) fetch, clean storage and <html lang>. */
export function useCheckoutSuite(): void {
  beforeEach(() => {
    navigations.length = 0;
    requests.length = 0;
    setNavigator((url) => navigations.push(url));
    window.fetch = (input, init) => {
      record(input, init);
      return realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
    setNavigator();
    sessionStorage.clear();
    document.documentElement.lang = 'en';
  });
}

/** Requests whose URL ends with the given path and method. */
export function requestsTo(suffix: string, method = 'GET') {
  return requests.filter((r) => r.method === method && new URL(r.url).pathname.endsWith(suffix));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
