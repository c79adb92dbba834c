// Cancelling and removing: what a customer's own cancel says, what stays clickable while a payment runs, and the
// coupon's Remove button's own words while it works.
import { expect } from '@open-wc/testing';
import { describe, it, waitUntil } from '../helpers/harness.js';
import { createSession } from '../helpers/sandbox.js';
import { getTranslation } from '../../src/locales/all.js';
import { FULL_CUSTOMER, eventNames, mount, navigations, openForm, requestsTo, sessionBody, sleep, stubFetch, useCheckoutSuite } from './support.js';

describe('<quaderno-checkout> cancel', () => {
  useCheckoutSuite();

  const cancels: Array<{ locale: string; title: string; body: string; expired: string }> = [
    { locale: 'en', title: 'Checkout cancelled', body: 'You cancelled this checkout.', expired: 'This checkout has expired' },
    { locale: 'de', title: 'Bezahlvorgang abgebrochen', body: 'Sie haben den Bezahlvorgang abgebrochen.', expired: 'abgelaufen' },
  ];
  for (const { locale, title, body, expired } of cancels) {
    it(`a customer's own cancel says cancelled, not expired (${locale})`, async () => {
      const session = await createSession(sessionBody());
      const { h, el } = await mount(session.permalink, { locale });
      el.addEventListener('quaderno-cancel', (e) => e.preventDefault());
      await h.waitFor('form');
      await h.cancel();
      await waitUntil(() => h.state() === 'abandoned', () => `abandoned, is ${h.state()}`);
      await el.updateComplete;
      expect(h.$('.state-heading')!.textContent!.trim()).to.equal(title);
      expect(h.text()).to.contain(body);
      expect(h.text()).not.to.contain(expired);
      expect(navigations).to.deep.equal([]);
      await sleep(0);
      await el.updateComplete;
      // why focus, not the polite region: the customer's cancel led here, and a heading focused is read (once).
      expect(h.focused()?.textContent?.trim()).to.equal(title);
    });
  }

  it('the cancel link is marked disabled while a payment runs, and does nothing then', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['card'] }));
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    stubFetch(async (input, init, real) => {
      if (init?.method === 'PUT') await held;
      return real(input, init);
    });
    const { h, events } = await mount(session.permalink);
    await h.waitFor('form');
    const cancel = h.$('[data-action="cancel"]')!;
    expect(cancel.getAttribute('aria-disabled')).to.equal('false');
    await h.fillCheckout(FULL_CUSTOMER);
    await h.submit();
    await waitUntil(() => h.payButton()?.getAttribute('aria-disabled') === 'true', () => 'the form to be busy');
    expect(h.$('[data-action="cancel"]')!.getAttribute('aria-disabled')).to.equal('true');
    await h.cancel();
    expect(eventNames(events)).not.to.include('quaderno-cancel');
    release();
    await h.waitFor('completed');
    expect(requestsTo('/cancel.json', 'POST')).to.have.length(0);
  });
});

describe('<quaderno-checkout> coupon buttons while busy', () => {
  useCheckoutSuite();

  for (const locale of ['en', 'de', 'fi'] as const) {
    it(`Remove says it is removing, not applying, while the code is removed (${locale})`, async () => {
      const t = getTranslation(locale);
      const { h } = await openForm({}, { locale });
      await h.applyCoupon('WELCOME10');
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      stubFetch(async (input, init, real) => {
        if (init?.method === 'PUT') await held;
        return real(input, init);
      });
      await h.click('[data-action="coupon-remove"]');
      const button = h.$('[data-action="coupon-remove"]')!;
      expect(button.textContent).to.contain(t.couponRemoving);
      expect(button.textContent).not.to.contain(t.couponApplying);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      release();
      await h.settle();
      expect(h.total('discount')).to.equal(undefined);
    });
  }
});
