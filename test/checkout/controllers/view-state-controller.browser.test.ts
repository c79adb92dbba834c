// The view as a host custom state, in Chromium against the real sandbox: a page's own CSS and `matches()` see
// `quaderno-checkout:state(<view>)`, exactly one view at a time, following what is on screen.
import { expect } from '@open-wc/testing';
import { describe, it, waitUntil } from '../../helpers/harness.js';
import { createSession } from '../../helpers/sandbox.js';
import type { CheckoutView } from '../../../src/checkout/checkout.component.js';
import type { SessionStatus } from '../../../src/session/schema.js';
import { FULL_CUSTOMER, mount, sessionBody, useCheckoutSuite } from '../support.js';

const VIEWS: CheckoutView[] = ['loading', 'form', 'processing', 'completed', 'failed', 'abandoned', 'error'];

/** The views whose custom state the host has. */
const statesOf = (el: Element) => VIEWS.filter((view) => el.matches(`:state(${view})`));

describe('<quaderno-checkout> view as a host custom state', () => {
  useCheckoutSuite();

  const onLoad: Array<[SessionStatus, CheckoutView]> = [
    ['pending', 'form'],
    ['failed', 'failed'],
    ['abandoned', 'abandoned'],
    ['processing', 'processing'],
  ];
  for (const [status, view] of onLoad) {
    it(`a ${status} session: loading first, then :state(${view}) alone`, async () => {
      const session = await createSession(sessionBody(), status);
      const { h, el } = await mount(session.permalink);
      expect(statesOf(el)).to.deep.equal(['loading']);
      await h.waitFor(view);
      await el.updateComplete;
      expect(statesOf(el)).to.deep.equal([view]);
    });
  }

  it('an invalid permalink: :state(error)', async () => {
    const { h, el } = await mount('javascript:alert(1)');
    await h.waitFor('error');
    await el.updateComplete;
    expect(statesOf(el)).to.deep.equal(['error']);
  });

  it("a page's stylesheet styles the completed host after a payment", async () => {
    const style = document.createElement('style');
    style.textContent = 'quaderno-checkout:state(completed) { outline: 3px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const session = await createSession(sessionBody({ payment_methods: ['paypal'] }));
      const { h, el } = await mount(session.permalink);
      await h.waitFor('form');
      await el.updateComplete;
      expect(getComputedStyle(el).outlineColor).not.to.equal('rgb(1, 2, 3)');
      await h.fillAll(FULL_CUSTOMER);
      await h.submit();
      await h.waitFor('completed');
      await waitUntil(() => statesOf(el).join() === 'completed', () => `only completed, has ${statesOf(el).join()}`);
      expect(getComputedStyle(el).outlineColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });
});
