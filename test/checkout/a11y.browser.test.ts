// axe (WCAG 2.2 AA) in the states test/checkout does not reach, and what the live regions announce as the flow moves.
import { expect } from '@open-wc/testing';
import { describe, it, waitUntil } from '../helpers/harness.js';
import { createSession } from '../helpers/sandbox.js';
import { getTranslation } from '../../src/locales/all.js';
import { AUTO_CUSTOMER, FULL_CUSTOMER, sessionBody, useCheckoutSuite, type Mounted } from './support.js';
import { injectFault, mountFast, tokenOf } from '../helpers/faults.js';

const t = getTranslation('en');

/** Every text a live region showed, in order (announcements are cleared and set, so a poll would miss some). */
function recordLiveRegions(m: Mounted): { polite: string[]; assertive: string[]; stop(): void } {
  const polite: string[] = [];
  const assertive: string[] = [];
  const observer = new MutationObserver(() => {
    const p = m.h.announcement('polite');
    const a = m.h.announcement('assertive');
    if (p && polite.at(-1) !== p) polite.push(p);
    if (a && assertive.at(-1) !== a) assertive.push(a);
  });
  observer.observe(m.h.root, { subtree: true, childList: true, characterData: true });
  return { polite, assertive, stop: () => observer.disconnect() };
}

describe('<quaderno-checkout> accessibility', () => {
  useCheckoutSuite();

  const states: Array<{ name: string; arrange: () => Promise<Mounted> }> = [
    {
      name: 'coupon refused (alone, next to its field)',
      arrange: async () => {
        const m = await mountFast((await createSession(sessionBody())).permalink);
        await m.h.waitFor('form');
        await m.h.applyCoupon('NOSUCHCODE');
        expect(m.h.errorFor('coupon')).to.equal('This code isn’t valid.');
        return m;
      },
    },
    {
      name: 'coupon applied, with its discount and Remove',
      arrange: async () => {
        const m = await mountFast((await createSession(sessionBody())).permalink);
        await m.h.waitFor('form');
        await m.h.applyCoupon('WELCOME10');
        expect(m.h.total('discount')).to.exist;
        return m;
      },
    },
    {
      name: 'PayPal chosen (test-mode approve/decline group)',
      arrange: async () => {
        const m = await mountFast((await createSession(sessionBody())).permalink);
        await m.h.waitFor('form');
        await m.h.chooseMethod('paypal');
        return m;
      },
    },
    {
      name: 'auto billing mode with the optional address folded',
      arrange: async () => {
        const m = await mountFast((await createSession(sessionBody({ billing_details_collection: 'auto' }))).permalink);
        await m.h.waitFor('form');
        await m.h.fillAll(AUTO_CUSTOMER);
        return m;
      },
    },
    {
      name: 'saving (form locked, progress on the pay button)',
      arrange: async () => {
        const session = await createSession(sessionBody({ payment_methods: ['card'] }));
        await injectFault({ kind: 'delay', delayMs: 1500, method: 'PUT', token: tokenOf(session.permalink) });
        const m = await mountFast(session.permalink, 5000);
        await m.h.waitFor('form');
        await m.h.fillCheckout(FULL_CUSTOMER);
        await m.h.submit();
        expect(m.h.payButton()!.getAttribute('aria-disabled')).to.equal('true');
        return m;
      },
    },
    {
      name: 'an alert in the form (the save failed), with its retry',
      arrange: async () => {
        const session = await createSession(sessionBody({ payment_methods: ['card'] }));
        await injectFault({ kind: 'malformed', method: 'PUT', token: tokenOf(session.permalink) });
        const m = await mountFast(session.permalink);
        await m.h.waitFor('form');
        await m.h.fillCheckout(FULL_CUSTOMER);
        await m.h.submit();
        await waitUntil(() => m.h.alert(), () => 'an alert', 8000);
        return m;
      },
    },
    {
      name: 'a declined card, server error shown on the card field',
      arrange: async () => {
        const m = await mountFast((await createSession(sessionBody({ payment_methods: ['card'] }))).permalink);
        await m.h.waitFor('form');
        await m.h.fillCheckout(FULL_CUSTOMER, '4000000000000002');
        await m.h.submit();
        await m.h.waitFor('failed', 6000);
        return m;
      },
    },
    {
      name: 'dark theme, form with every error showing',
      arrange: async () => {
        const m = await mountFast((await createSession(sessionBody())).permalink);
        m.el.theme = 'dark';
        await m.h.waitFor('form');
        await m.h.chooseMethod('card');
        await m.h.submit();
        await m.h.applyCoupon('EXPIRED');
        return m;
      },
    },
    {
      name: 'dark theme, error state',
      arrange: async () => {
        const m = await mountFast('https://');
        m.el.theme = 'dark';
        await m.h.waitFor('error');
        return m;
      },
    },
    {
      name: 'not found error state',
      arrange: async () => {
        const session = await createSession(sessionBody());
        const m = await mountFast(session.permalink.replace(/[0-9a-f]{40}$/, '0'.repeat(40)));
        await m.h.waitFor('error');
        return m;
      },
    },
  ];
  for (const { name, arrange } of states) {
    it(`axe finds nothing: ${name}`, async function () {
      // why: axe over the whole form takes seconds on a loaded machine (6.5 s measured at load 30 on 2 cores).
      this.timeout(20_000);
      const { el } = await arrange();
      await expect(el).to.be.accessible();
    });
  }

  it('announces errors assertively and status changes politely, through the flow', async () => {
    const m = await mountFast((await createSession(sessionBody({ payment_methods: ['card'] }))).permalink);
    const live = recordLiveRegions(m);
    try {
      await m.h.waitFor('form');
      await m.h.submit();
      await waitUntil(() => live.assertive.length, () => 'an assertive announcement');
      expect(live.assertive.at(-1)).to.equal(t.formHasErrors(10));
      await m.h.applyCoupon('NOSUCHCODE');
      await waitUntil(() => live.assertive.at(-1) === t.couponInvalid, () => `coupon refused, got ${live.assertive}`);
      await m.h.applyCoupon('WELCOME10');
      await waitUntil(() => live.polite.at(-1) === t.couponApplied('WELCOME10'), () => `coupon applied, got ${live.polite}`);
      await m.h.removeCoupon();
      await waitUntil(() => live.polite.at(-1) === t.couponRemoved, () => `coupon removed, got ${live.polite}`);
      await m.h.fillCheckout(FULL_CUSTOMER, '4000000000000002');
      await m.h.submit();
      await m.h.waitFor('failed', 6000);
      // why not in the polite region: the customer's Pay led to these views, so their focused headings say them
      // (accessibility.browser.test.ts checks each is said once).
      await waitUntil(() => m.h.focused()?.textContent?.trim() === t.failedTitle, () => `failed, focus on ${m.h.focused()?.textContent}`);
      await m.h.tryAgain();
      await m.h.fillCard('4242424242424242');
      await m.h.submit();
      await m.h.waitFor('completed', 6000);
      await waitUntil(() => m.h.focused()?.textContent?.trim() === t.completedTitle, () => `completed, focus on ${m.h.focused()?.textContent}`);
      // the live regions are always in the tree (a region added with its text is not announced)
      expect(m.h.$$('[role="status"][aria-live="polite"], [role="alert"][aria-live="assertive"]')).to.have.length(2);
    } finally {
      live.stop();
    }
  });

  it('announces a load failure assertively', async () => {
    const m = await mountFast('ftp://example.com/x');
    await m.h.waitFor('error');
    await waitUntil(() => m.h.announcement('assertive') === t.errorInvalidPermalink, () => `load error, got ${m.h.announcement('assertive')}`);
  });
});
