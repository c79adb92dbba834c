// Generated session payloads, valid and broken, through the element in Chromium: it always ends in a form, a status
// view or the clear error state, with visible text, and never throws. The server cannot send broken sessions, so the
// load is answered by a stubbed fetch.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { describe, it, waitUntil } from '../helpers/harness.js';
import { CheckoutHarness } from '../helpers/harness.js';
import { json, stubFetch, useCheckoutSuite } from './support.js';
import { anySession } from '../hardening/generators.js';
import { watchErrors } from '../helpers/faults.js';
import { fcParameters } from '../helpers/fast-check.js';

const SETTLED = new Set(['form', 'error', 'processing', 'completed', 'failed', 'abandoned']);

describe('<quaderno-checkout> with generated sessions', () => {
  useCheckoutSuite();

  // why: printed once per run; the browser has no FC_SEED, so it always replays the fixed seed.
  const parameters = fcParameters('generated sessions in the element', 300);
  const RUNS = parameters.numRuns;

  it(`${RUNS} generated payloads: always a form, a state or the error state, with text, and no exception`, async function () {
    this.timeout(60_000);
    const watch = watchErrors();
    const container = document.createElement('div');
    document.body.append(container);
    let current: unknown;
    stubFetch((_input, init) => Promise.resolve(init?.method === 'GET' || !init?.method ? json(current) : json({ error: 'no' }, 409)));
    const views = new Map<string, number>();
    try {
      await fc.assert(
        fc.asyncProperty(anySession, async (payload) => {
          current = payload;
          const el = document.createElement('quaderno-checkout');
          el.setAttribute('permalink', 'https://sandbox.example/checkout/session/generated');
          el.setAttribute('locale', 'en');
          el.setAttribute('poll-interval', '5000');
          el.setAttribute('timeout', '500');
          container.append(el);
          const h = new CheckoutHarness(el);
          try {
            await waitUntil(() => SETTLED.has(h.state() ?? ''), () => `a settled view, is ${h.state()} for ${JSON.stringify(payload).slice(0, 300)}`, 3000);
            await el.updateComplete;
            const view = h.state()!;
            views.set(view, (views.get(view) ?? 0) + 1);
            if (h.text().length === 0) throw new Error(`blank ${view} for ${JSON.stringify(payload).slice(0, 300)}`);
            if (view === 'form' && !h.payButton()?.textContent?.trim()) throw new Error('a form without a pay label');
            if (view === 'form' && /NaN|Infinity|∞|undefined|null/.test(h.payButton()!.textContent!)) {
              throw new Error(`pay label ${h.payButton()!.textContent}`);
            }
            if (watch.errors.length) throw new Error(watch.errors.join('\n'));
          } finally {
            el.remove();
            sessionStorage.clear();
          }
        }),
        parameters,
      );
    } finally {
      watch.stop();
      container.remove();
    }
    const summary = [...views].map(([view, n]) => `${view} ${n}`).join(', ');
    console.log(`hardening: ${RUNS} generated sessions tried in the element (${summary}), 0 violations`);
    expect(watch.errors).to.deep.equal([]);
  });
});
