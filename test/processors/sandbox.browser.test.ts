// The sandbox processor mounted in the checkout's light-DOM container: its own shadow root, its fields' words per
// locale, the expiry on a phone keypad, and a payment from inside a closed shadow root nested in another (a merchant's
// own web component or design system often renders the checkout there; its events must still reach the document).
import { expect } from '@open-wc/testing';
import '../../src/quaderno-checkout.js';
import { setNavigator } from '../../src/ui/navigation.js';
import { CheckoutHarness, describe as suite, it as test, waitUntil } from '../helpers/harness.js';
import { createSession, getSession } from '../helpers/sandbox.js';
import { FULL_CUSTOMER, mount, openForm, sessionBody, useCheckoutSuite } from '../checkout/support.js';

describe('inside other shadow roots', () => {
  const navigations: string[] = [];
  let outer: HTMLElement;
  beforeEach(() => setNavigator((url) => navigations.push(url)));
  afterEach(() => {
    setNavigator();
    outer?.remove();
    sessionStorage.clear();
  });

  it('pays from two shadow roots deep, and quaderno-complete reaches the document', async () => {
    const session = await createSession(sessionBody());
    outer = document.createElement('div');
    document.body.append(outer);
    const middle = document.createElement('section');
    outer.attachShadow({ mode: 'open' }).append(middle);
    const checkout = document.createElement('quaderno-checkout');
    checkout.setAttribute('poll-interval', '40');
    checkout.permalink = session.permalink;
    // why: a closed root is the harshest host; nothing the element does may depend on being reachable from the document.
    middle.attachShadow({ mode: 'closed' }).append(checkout);

    const completed = new Promise<Event>((resolve) => document.addEventListener('quaderno-complete', resolve, { once: true }));
    const h = new CheckoutHarness(checkout);
    await h.waitFor('form');
    await h.fillAll(FULL_CUSTOMER);
    await h.chooseMethod('card');
    await h.fillCard('4242 4242 4242 4242');
    await h.submit();
    await h.waitFor('completed');
    const event = await completed;
    expect(event.composed).to.equal(true);
    expect((await getSession(session.id))?.status).to.equal('completed');
    expect(navigations).to.deep.equal([session.success_url]);
  });
});

suite('sandbox processor', () => {
  useCheckoutSuite();

  test('mounts into a light-DOM container of the checkout, slotted into its shadow tree, with its own shadow root', async () => {
    const { h, el } = await openForm({ payment_methods: ['card'] });
    const containers = el.querySelectorAll(':scope > [slot="processor"]');
    expect(containers).to.have.length(1);
    const container = containers[0] as HTMLElement;
    expect(h.root.querySelector<HTMLSlotElement>('slot[name="processor"]')!.assignedElements()).to.deep.equal([container]);
    expect(container.shadowRoot!.querySelector('#qc-card_number')).to.exist;
    expect(h.root.querySelector('#qc-card_number'), 'no card field in the checkout’s own tree').to.equal(null);
    // an error shows by the checkout's rule: not on typing alone, but once the field is left
    const input = container.shadowRoot!.querySelector<HTMLInputElement>('#qc-card_number')!;
    input.value = '4242';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(h.errorFor('card_number')).to.equal('');
    input.dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
    expect(h.errorFor('card_number')).to.equal('Enter a valid card number.');
  });

  test('follows the theme and leaves the container when the element leaves the page', async () => {
    const { el } = await mount((await createSession(sessionBody({ payment_methods: ['card'] }))).permalink);
    el.theme = 'dark';
    const h = new CheckoutHarness(el);
    await h.waitFor('form');
    await waitUntil(() => h.processorRoot, () => 'the sandbox processor to mount');
    const container = el.querySelector<HTMLElement>(':scope > [slot="processor"]')!;
    expect(container.getAttribute('theme')).to.equal('dark');
    el.remove();
    expect(container.shadowRoot!.querySelector('#qc-card_number')).to.equal(null);
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
      const { h } = await openForm({ payment_methods: ['card'] }, { locale });
      const input = h.control('card_expiry') as HTMLInputElement;
      expect(input.placeholder).to.equal(placeholder);
      expect(h.$('label[for="qc-card_expiry"]')!.textContent).to.contain(placeholder);
    });
  }

  it('puts the slash in an expiry typed as digits only (a phone keypad has no "/"), and pays with it', async () => {
    const { h } = await openForm({ payment_methods: ['card'] });
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
});
