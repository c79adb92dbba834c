// Browser-side helpers of the processor suites: a mount context wired to the real sandbox, and the frame commands
// (frame-commands.mjs) that type and click inside the SDK doubles' cross-origin frames.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import en from '../../src/locales/en.js';
import type { MountedProcessor, PayOutcome, ProcessorContext, ProcessorFieldReport } from '../../src/processors/processor.js';
import { startPayment } from '../../src/processors/payment-start.js';
import type { PaymentMethod } from '../../src/session/schema.js';
import { createSession, getSession, type SandboxSession } from '../helpers/sandbox.js';

export { injectScript } from './pages/doubles.js';

declare global {
  interface Window {
    __SANDBOX_URL__: string;
  }
}

export const SANDBOX = (): string => window.__SANDBOX_URL__;

/**
 * A pending session of product 000000 (21.00 EUR) offering card and PayPal. The customer is Spanish, with the tax ID a
 * domestic sale of the Spanish sandbox seller needs before any payment starts (it changes no rate).
 */
export function paySession(): Promise<SandboxSession> {
  return createSession({
    billing_details_collection: 'auto',
    items: [{ product: '000000' }],
    payment_methods: ['card', 'paypal'],
    customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', billing_country: 'ES', tax_id: 'ESA58818501' },
  });
}

/** The session's total as the server has it now (its `tax.total`): what an element would show and confirm. */
export async function serverTotal(permalink: string): Promise<number> {
  const session = (await (await fetch(`${permalink}.json`)).json()) as { tax?: { total?: number } | null };
  const total = session.tax?.total;
  if (typeof total !== 'number') throw new Error(`no tax.total in ${permalink}`);
  return total;
}

export async function until<T>(read: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The session once it left `processing` (the element polls the same way). */
export function settled(id: number): Promise<SandboxSession> {
  return until(async () => {
    const session = await getSession(id);
    return session && session.status !== 'processing' && session.status !== 'pending' ? session : null;
  }, `session ${id} to settle`);
}

/** Asserts a confirmed outcome completed its session through the processor, with the outcome's payment id. */
export async function expectCompleted(outcome: PayOutcome, sessionId: number, processor: 'stripe' | 'paypal'): Promise<void> {
  expect(outcome.status).to.equal('confirmed');
  const done = await settled(sessionId);
  expect(done.status).to.equal('completed');
  expect(done.processor).to.equal(processor);
  expect(outcome.status === 'confirmed' && outcome.processorId).to.equal(done.processor_id);
}

/** One report, with what it says of an SDK's fields read back: `complete` (no error) and `empty` (not dirty). */
export type Report = ProcessorFieldReport & { key: string; changed: boolean; complete: boolean; empty: boolean };

export interface Harness {
  ctx: ProcessorContext;
  reports: Report[];
  finished: PayOutcome[];
  starts: number;
}

/** A mount context on a session's permalink, recording what the processor reports. */
export function harness(
  permalink: string,
  host: HTMLElement,
  overrides: Partial<ProcessorContext> = {},
): Harness {
  const h: Harness = {
    reports: [],
    finished: [],
    starts: 0,
    ctx: {
      method: 'card',
      locale: 'en',
      t: en,
      theme: 'auto',
      // why a bare session: an adapter reads the currency, keys and errors from their own context fields.
      session: { permalink } as ProcessorContext['session'],
      currency: 'EUR',
      disabled: false,
      publicKeys: {},
      errors: {},
      host,
      start: async (method: PaymentMethod, signal?: AbortSignal) => {
        h.starts++;
        // why the session's total: the start requires the total the customer confirmed, here the saved one.
        const total = (await (await fetch(`${permalink}.json`, { signal })).json()).tax.total;
        return startPayment(permalink, method, total, { signal });
      },
      report: (key, field, changed) => void h.reports.push({ key, ...field, changed, complete: !field.error, empty: !field.dirty }),
      begin: async () => true,
      finish: (outcome) => void h.finished.push(outcome),
      ...overrides,
    },
  };
  return h;
}

/** A light-DOM container in the document, and a host carrying theme properties. */
export function lightContainer(): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement('div');
  host.style.setProperty('--quaderno-color-primary', 'rgb(200, 30, 90)');
  host.style.setProperty('--quaderno-radius', '3px');
  const container = document.createElement('div');
  container.className = 'processor-container';
  host.append(container);
  document.body.append(host);
  return { host, container };
}

/** Types into a frame's field; `silent` sets the value without the input event (the frame then reports nothing). */
export const frameType = (url: string, selector: string, text: string, clear = false, silent = false) =>
  executeServerCommand('frame-type', { url, selector, text, clear, silent });
export const frameClick = (url: string, selector: string) => executeServerCommand('frame-click', { url, selector });
export const frameRead = (url: string, selector: string, visible = true) =>
  executeServerCommand<{ text: string; value: string | null; readOnly: boolean | null }, { url: string; selector: string; visible: boolean }>(
    'frame-read',
    { url, selector, visible },
  );

/**
 * A container in the document's light DOM, shown through slots across two nested closed shadow roots: how a
 * checkout inside a merchant's own component keeps its processor container out of every shadow root.
 */
export function slottedThroughNestedShadows(): { page: HTMLElement; container: HTMLElement } {
  const page = document.createElement('div');
  document.body.append(page);
  const inner = document.createElement('div');
  page.attachShadow({ mode: 'closed' }).append(inner);
  const relay = document.createElement('slot');
  relay.name = 'pay';
  relay.slot = 'pay';
  inner.append(relay);
  const last = document.createElement('slot');
  last.name = 'pay';
  inner.attachShadow({ mode: 'closed' }).append(last);
  const container = document.createElement('div');
  container.slot = 'pay';
  page.append(container);
  return { page, container };
}

/** Per-test bookkeeping of a suite: the mounted processor and the nodes to remove, undone after each test. */
export function useMounts(): { set(mounted: MountedProcessor): MountedProcessor; keep<T extends HTMLElement>(node: T): T } {
  let mounted: MountedProcessor | undefined;
  let nodes: HTMLElement[] = [];
  afterEach(() => {
    mounted?.unmount();
    mounted = undefined;
    for (const node of nodes) node.remove();
    nodes = [];
  });
  return {
    set: (processor) => (mounted = processor),
    keep: (node) => {
      nodes.push(node);
      return node;
    },
  };
}

/** The sandbox's default PayPal client id (startSandbox's `paypalClientId`), which its payment starts answer. */
export const SANDBOX_PAYPAL_CLIENT_ID = 'sb-sandbox';

/** The PayPal orders the sandbox's simulated PayPal holds for a session, read over HTTP. */
export async function paypalOrders(permalink: string): Promise<Array<{ id: string; status: string; amount: number; currency: string }>> {
  const token = new URL(permalink).pathname.split('/').pop()!;
  const response = await fetch(`${SANDBOX()}/doubles/paypal/v2/checkout/orders?session=${encodeURIComponent(token)}`);
  if (!response.ok) throw new Error(`orders of ${token}: HTTP ${response.status}`);
  return ((await response.json()) as { orders: Array<{ id: string; status: string; amount: number; currency: string }> }).orders;
}
