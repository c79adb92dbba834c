// The flow suite's set-up: the real sandbox app over HTTP, sessions created with the private client, and a model
// whose host records what the element would do (events, announcements, focus, navigation). No browser.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createPrivateClient, type PrivateClient } from '../../../src/api/private.js';
import { createPublicClient } from '../../../src/api/public.js';
import { CheckoutModel, type FocusTarget, type ModelProcessor } from '../../../src/checkout/model/model.js';
import { quadernoEvent } from '../../../src/checkout/events.js';
import type { Draft, DraftStore } from '../../../src/checkout/model/draft.js';
import type { ReturnReader } from '../../../src/checkout/model/resume.js';
import type { CheckoutState, CheckoutView } from '../../../src/checkout/model/state.js';
import en from '../../../src/locales/en.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server.js';

const KEY = 'sk_test_flow';
export { CANCEL_URL, FULL_CUSTOMER, sessionBody, SUCCESS_URL } from '../sessions.js';

/** One sandbox (with the fault schedule) for the enclosing suite, and a private client on it. */
export function useFlowSandbox(): () => { sandbox: RunningSandbox; api: PrivateClient } {
  let sandbox: RunningSandbox | undefined;
  let api: PrivateClient | undefined;
  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: KEY, processingDelayMs: 60, abandonAfterMs: 60_000, log: false, faults: true });
    api = createPrivateClient({ baseUrl: sandbox.url, apiKey: KEY });
  });
  after(() => sandbox?.close());
  return () => {
    assert.ok(sandbox && api, 'sandbox not started');
    return { sandbox, api };
  };
}

/** A draft store in memory (Node has no sessionStorage); `saved` is what the page would keep. */
export function memoryDraft(initial?: Draft): DraftStore & { saved: Draft | undefined } {
  return {
    saved: initial,
    restore() {
      return this.saved;
    },
    save(draft) {
      this.saved = draft;
    },
    clear() {
      this.saved = undefined;
    },
  };
}

/** The sandbox processor's payment, without its fields: a card number or a PayPal outcome, through `client.pay`. */
export function payingProcessor(body: { card_number?: string; outcome?: 'approve' | 'decline' } = {}): ModelProcessor & { resets: number } {
  return {
    resets: 0,
    pay({ method, client, signal }) {
      const payload = method === 'card' ? { method, card_number: body.card_number ?? '4242424242424242' } : { method, outcome: body.outcome ?? 'approve' };
      return client.pay(payload, { signal });
    },
    reset() {
      this.resets++;
    },
  };
}

export interface Recorded {
  model: CheckoutModel;
  events: Array<{ name: string; detail: any }>;
  announced: Array<{ politeness: string; text: string }>;
  focused: FocusTarget[];
  navigations: string[];
  views: CheckoutView[];
  draft: ReturnType<typeof memoryDraft>;
  processor: ReturnType<typeof payingProcessor>;
  /** Resolves when the state is of this kind (checked now and on every change). */
  waitFor(kind: CheckoutView, timeout?: number): Promise<CheckoutState>;
}

/** A model for a permalink whose host records everything; `prevent` names events whose default a listener prevents. */
export function modelFor(
  permalink: string,
  options: {
    processor?: ReturnType<typeof payingProcessor>;
    draft?: ReturnType<typeof memoryDraft>;
    prevent?: string[];
    timeoutMs?: number;
    /** Whether the page came back from a processor's redirect (resume.ts); Node has no address bar. */
    returned?: ReturnReader;
  } = {},
): Recorded {
  const events: Recorded['events'] = [];
  const announced: Recorded['announced'] = [];
  const focused: FocusTarget[] = [];
  const navigations: string[] = [];
  const views: CheckoutView[] = [];
  const waiters = new Set<() => void>();
  const draft = options.draft ?? memoryDraft();
  const processor = options.processor ?? payingProcessor();
  const model = new CheckoutModel({
    client: () => createPublicClient(permalink, { timeoutMs: options.timeoutMs ?? 2000 }),
    processor: () => processor,
    draft,
    returned: options.returned,
    pollInterval: 20,
    host: {
      changed(state) {
        if (views.at(-1) !== state.kind) views.push(state.kind);
        for (const wake of waiters) wake();
      },
      emit(name, detail) {
        events.push({ name, detail });
        // why the real class: whether an event can be prevented is its class's fact, not the test's.
        const event = quadernoEvent(name, detail);
        if (options.prevent?.includes(name)) event.preventDefault();
        return !event.defaultPrevented;
      },
      announce(politeness, words) {
        announced.push({ politeness, text: words(en) });
      },
      focus(target) {
        focused.push(target);
      },
      navigate(url) {
        navigations.push(url);
      },
    },
  });
  const waitFor = (kind: CheckoutView, timeout = 5000) =>
    new Promise<CheckoutState>((resolve, reject) => {
      const check = () => {
        if (model.state.kind !== kind) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(model.state);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`Timed out waiting for ${kind}; views were ${views.join(' → ')}`));
      }, timeout);
      waiters.add(check);
      check();
    });
  return { model, events, announced, focused, navigations, views, draft, processor, waitFor };
}

/** Fills every field of a customer, as typing then leaving each field would, and waits for the tax to show, as a customer would. */
export async function fill(model: CheckoutModel, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) {
    model.input(field as never, value);
    model.blur(field as never);
  }
  await model.settleTax();
}

export const names = (events: Recorded['events']) => events.map((e) => e.name);
