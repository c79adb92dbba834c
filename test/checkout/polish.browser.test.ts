// Behaviour found in a customer's walk-through: what a cancel says, what stays clickable while paying, the
// expiry field on a phone's numeric keypad, and the confirmation's amount.
import { expect } from '@open-wc/testing';
import { describe, it, waitUntil } from '../helpers/harness.ts';
import { createSession } from '../helpers/sandbox.ts';
import {
  FULL_CUSTOMER,
  eventNames,
  mount,
  navigations,
  requestsTo,
  sessionBody,
  sleep,
  stubFetch,
  useCheckoutSuite,
} from './support.ts';

const normalize = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('<quaderno-checkout> polish', () => {
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
      expect(h.announcement()).to.contain(title);
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
    await h.fillAll(FULL_CUSTOMER);
    await h.fillCard('4242424242424242');
    await h.submit();
    await waitUntil(() => h.payButton()?.getAttribute('aria-disabled') === 'true', () => 'the form to be busy');
    expect(h.$('[data-action="cancel"]')!.getAttribute('aria-disabled')).to.equal('true');
    await h.cancel();
    expect(eventNames(events)).not.to.include('quaderno-cancel');
    release();
    await h.waitFor('completed');
    expect(requestsTo('/cancel.json', 'POST')).to.have.length(0);
  });

  const placeholders: Array<[string, string]> = [
    ['en', 'MM/YY'],
    ['fr', 'MM/AA'],
    ['de', 'MM/JJ'],
    ['fi', 'KK/VV'],
    ['hu', 'HH/ÉÉ'],
    ['sv', 'MM/ÅÅ'],
  ];
  for (const [locale, placeholder] of placeholders) {
    it(`the expiry placeholder speaks ${locale}, like its label (${placeholder})`, async () => {
      const session = await createSession(sessionBody({ payment_methods: ['card'] }));
      const { h } = await mount(session.permalink, { locale });
      await h.waitFor('form');
      const input = h.control('card_expiry') as HTMLInputElement;
      expect(input.placeholder).to.equal(placeholder);
      expect(h.$('label[for="qc-card_expiry"]')!.textContent).to.contain(placeholder);
    });
  }

  it('puts the slash in an expiry typed as digits only (a phone keypad has no "/"), and pays with it', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['card'] }));
    const { h } = await mount(session.permalink);
    await h.waitFor('form');
    await h.fillAll(FULL_CUSTOMER);
    await h.fillCard('4242424242424242', '1239', '123');
    expect(h.value('card_expiry')).to.equal('12/39');
    expect(h.errorFor('card_expiry')).to.equal('');
    await h.fill('card_expiry', '1/39');
    expect(h.value('card_expiry')).to.equal('1/39');
    await h.fill('card_expiry', '12');
    expect(h.value('card_expiry')).to.equal('12');
    await h.fill('card_expiry', '122039');
    expect(h.value('card_expiry')).to.equal('12/2039');
    expect(h.errorFor('card_expiry')).to.equal('');
    await h.submit();
    await h.waitFor('completed');
  });

  it('the confirmation shows the amount paid, in the display locale, marked as test mode', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['paypal'] }), 'completed');
    const { h } = await mount(session.permalink, { locale: 'fi' });
    await h.waitFor('completed');
    expect(normalize(h.$('[data-amount]')!.textContent!.trim())).to.equal('26,00 €');
    expect(h.$('[part="status"] [part="test-badge"]')!.textContent!.trim()).to.equal('Testitila');
  });
});
