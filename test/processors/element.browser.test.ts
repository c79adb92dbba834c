// The real processors through the element: `realProcessors()` (Stripe for cards, PayPal for PayPal) set as the
// checkout's processor, against the sandbox and its SDK test doubles. The customer types billing data in the form
// and card data in the double's cross-origin frame; each flow also runs inside two nested closed shadow roots.
import { expect } from '@open-wc/testing';
import { loadStripe } from '@stripe/stripe-js/pure';
import '../../src/quaderno-checkout.js';
import type { QuadernoCheckout } from '../../src/checkout/checkout.component.js';
import { realProcessors } from '../../src/processors/real.js';
import type { StripeLoader } from '../../src/processors/stripe.js';
import en from '../../src/locales/en.js';
import { CheckoutHarness, waitUntil } from '../helpers/harness.js';
import { getSession } from '../helpers/sandbox.js';
import { frameClick, frameType, injectScript, paypalOrders, paySession, SANDBOX, SANDBOX_PAYPAL_CLIENT_ID, settled, until } from './support.js';

const CARD_FRAME = '/doubles/stripe/card';
const CHALLENGE_FRAME = '/doubles/stripe/challenge';
const WINDOW_FRAME = '/doubles/paypal/window';

const doubleLoader: StripeLoader = async (key) => {
  if (!('Stripe' in window)) await injectScript(`${SANDBOX()}/doubles/stripe.js`);
  return loadStripe(key);
};

type Place = 'document' | 'nested closed shadow roots';
const PLACES: Place[] = ['document', 'nested closed shadow roots'];

interface Checkout {
  el: QuadernoCheckout;
  h: CheckoutHarness;
  errors: string[];
  sessionId: number;
  permalink: string;
  /** The chosen method's processor container (one per processor), wherever it was placed. */
  container(): HTMLElement;
}

let cleanup: HTMLElement[] = [];
afterEach(() => {
  for (const node of cleanup) node.remove();
  cleanup = [];
});

/** The element with the real processors, in the document or inside two nested closed shadow roots. */
async function mount(place: Place): Promise<Checkout> {
  // why: the resource timing buffer holds 250 entries; the counts below need room after the earlier tests.
  performance.clearResourceTimings();
  const session = await paySession();
  const el = document.createElement('quaderno-checkout') as QuadernoCheckout;
  el.processor = realProcessors({
    stripe: { loadStripe: doubleLoader },
    // why no clientId: the default path, where the client id comes from the session's processor_public_keys.
    paypal: { sdkBaseUrl: `${SANDBOX()}/doubles/paypal-sdk.js` },
  });
  el.setAttribute('poll-interval', '40');
  el.setAttribute('locale', 'en');
  el.permalink = session.permalink;
  const errors: string[] = [];
  el.addEventListener('quaderno-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code));
  let top: HTMLElement = el;
  if (place === 'nested closed shadow roots') {
    top = document.createElement('div');
    const middle = document.createElement('div');
    top.attachShadow({ mode: 'closed' }).append(middle);
    middle.attachShadow({ mode: 'closed' }).append(el);
  }
  document.body.append(top);
  cleanup.push(top);
  const h = new CheckoutHarness(el);
  await waitUntil(() => h.state() === 'form', () => `form, not ${h.state()}`, 15_000);
  // why: a Spanish customer of the (Spanish) sandbox seller must give a tax ID (the domestic tax-ID rule); these
  // flows are about the processors, so the customer is French, and `auto` then needs no more than the country.
  await h.fill('billing_country', 'FR');
  await h.fill('tax_id', ''); // the saved Spanish tax ID is no French one
  await h.fill('billing_postal_code', '75001');
  // why: France's total differs from the saved Spanish one; a customer sees it before paying (a Pay while the preview
  // runs only shows the new total and asks again).
  await new Promise((resolve) => setTimeout(resolve, 350));
  await waitUntil(() => h.$('.totals[aria-busy="false"]'), () => 'the tax preview to settle', 10_000);
  const container = () => {
    const found = (top === el ? el : top).querySelector<HTMLElement>(':scope > div[slot]:not([hidden])');
    if (!found) throw new Error('no processor container');
    return found;
  };
  return { el, h, errors, sessionId: session.id, permalink: session.permalink, container };
}

/** The paths the page requested since the `from`th resource entry. */
function paths(from: number): string[] {
  return performance
    .getEntriesByType('resource')
    .slice(from)
    .map((entry) => new URL(entry.name).pathname.replace(/\/checkout\/session\/[^/]+/, '/<permalink>'));
}

async function typeCard(number: string): Promise<void> {
  await frameType(CARD_FRAME, '#number', number, true);
  await frameType(CARD_FRAME, '#expiry', '1239', true);
  await frameType(CARD_FRAME, '#cvc', '123', true);
}

/** Waits for the Stripe double's card frame in the container. */
async function cardFrame(c: Checkout): Promise<HTMLIFrameElement> {
  await c.h.chooseMethod('card');
  return until(() => c.container().querySelector<HTMLIFrameElement>('iframe'), 'the card frame');
}

for (const place of PLACES) {
  describe(`the element with the real processors (${place})`, function () {
    this.timeout(90_000);

    it('pays by card through the Stripe adapter, and the session completes', async () => {
      const c = await mount(place);
      const chosen = performance.getEntriesByType('resource').length;
      const frame = await cardFrame(c);
      await until(() => !c.h.$('[part="pay-button"][aria-disabled="true"]'), 'the form to be idle');
      const toReady = paths(chosen);
      expect(frame.getRootNode()).to.equal(document);
      expect(toReady.filter((path) => path.endsWith('/payment.json')), 'the card fields need no payment start').to.have.length(0);
      await typeCard('4242 4242 4242 4242');
      await c.h.fill('first_name', 'Grace');
      const paid = performance.getEntriesByType('resource').length;
      await c.h.submit();
      await waitUntil(() => c.h.state() === 'completed', () => `completed, not ${c.h.state()}`, 30_000);
      const toDone = paths(paid);
      console.log(`${place}: card chosen → Stripe ready: ${toReady.length} requests (${toReady.join(', ')}); Pay → completed: ${toDone.length} (${toDone.join(', ')})`);
      expect(toDone.filter((path) => path.endsWith('/payment.json'))).to.have.length(1);
      const done = await getSession(c.sessionId);
      expect(done?.processor).to.equal('stripe');
      expect(done?.customer?.first_name).to.equal('Grace');
    });

    it('a decline keeps the form, the typed billing data and says the card was declined', async () => {
      const c = await mount(place);
      await cardFrame(c);
      await c.h.fill('first_name', 'Grace');
      await c.h.fill('last_name', 'Hopper');
      await typeCard('4000 0000 0000 0002');
      await c.h.submit();
      await waitUntil(() => c.h.alert() !== '', () => 'the alert', 30_000);
      expect(c.h.state()).to.equal('form');
      expect(c.h.alert()).to.contain('Your card was declined');
      expect(c.errors).to.include('payment_declined');
      expect(c.h.value('first_name')).to.equal('Grace');
      expect(c.h.value('last_name')).to.equal('Hopper');
      expect((await getSession(c.sessionId))?.status).to.equal('failed');
      // why: axe cannot enter closed shadow roots; the document run covers the same states.
      if (place === 'document') await expect(c.el).to.be.accessible();
    });

    it('a requires_action card completes after the simulated challenge', async () => {
      const c = await mount(place);
      await cardFrame(c);
      await typeCard('4000 0027 6000 3184');
      await c.h.submit();
      await until(() => document.querySelector('[data-stripe-double="challenge"]'), 'the challenge modal');
      await frameClick(CHALLENGE_FRAME, '#complete');
      await waitUntil(() => c.h.state() === 'completed', () => `completed, not ${c.h.state()}`, 30_000);
      expect((await settled(c.sessionId)).status).to.equal('completed');
    });

    it('showing the PayPal button creates no order; an invalid form at the click shows its errors and creates none', async () => {
      const c = await mount(place);
      await c.h.chooseMethod('paypal');
      const button = await until(() => c.container().querySelector<HTMLButtonElement>('[data-paypal-double="button"]'), 'the PayPal button');
      expect(await paypalOrders(c.permalink), 'no order before a click').to.deep.equal([]);
      await c.h.fill('email', '');
      button.click();
      await waitUntil(() => c.h.errorFor('email') !== '', () => 'the email error', 15_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(c.h.state()).to.equal('form');
      expect(document.querySelector('[data-paypal-double="window"]'), 'PayPal opened nothing').to.equal(null);
      expect(await paypalOrders(c.permalink), 'no order for an invalid form').to.deep.equal([]);
      expect((await getSession(c.sessionId))?.status).to.equal('pending');
      expect(c.errors).to.not.include('payment_failed');
    });

    it('a PayPal approve completes; a cancel returns to the form with the data kept', async () => {
      const c = await mount(place);
      await c.h.chooseMethod('paypal');
      const button = await until(() => c.container().querySelector<HTMLButtonElement>('[data-paypal-double="button"]'), 'the PayPal button');
      expect(await paypalOrders(c.permalink), 'no order before a click').to.deep.equal([]);
      const script = document.querySelector<HTMLScriptElement>('script[src*="/doubles/paypal-sdk.js"]')!;
      expect(new URL(script.src).searchParams.get('client-id'), 'the session\'s key, no page clientId').to.equal(SANDBOX_PAYPAL_CLIENT_ID);
      await c.h.fill('first_name', 'Grace');
      button.click();
      await until(() => document.querySelector('[data-paypal-double="window"]'), 'the PayPal window');
      await frameClick(WINDOW_FRAME, '#cancel');
      await waitUntil(() => c.h.alert() !== '', () => 'the alert', 30_000);
      expect(c.h.state()).to.equal('form');
      expect(c.h.alert()).to.contain('You closed PayPal');
      expect(c.errors).to.include('payment_cancelled');
      expect(c.h.value('first_name')).to.equal('Grace');
      // why: axe cannot enter closed shadow roots; the document run covers the same states.
      if (place === 'document') await expect(c.el).to.be.accessible();
      const again = await until(() => c.container().querySelector<HTMLButtonElement>('[data-paypal-double="button"]'), 'the PayPal button');
      again.click();
      await until(() => document.querySelector('[data-paypal-double="window"]'), 'the PayPal window again');
      await frameClick(WINDOW_FRAME, '#approve');
      await waitUntil(() => c.h.state() === 'completed', () => `completed, not ${c.h.state()}`, 30_000);
      const done = await getSession(c.sessionId);
      const orders = await paypalOrders(c.permalink);
      expect(orders.map((o) => o.status), 'one order per click: the cancelled one, then the paid one').to.deep.equal(['VOIDED', 'COMPLETED']);
      expect(done?.processor_id).to.equal(orders[1]!.id);
      expect(done?.processor).to.equal('paypal');
      expect(done?.customer?.first_name).to.equal('Grace');
    });
  });
}

describe('the element with PayPal, whose own button pays', function () {
  this.timeout(90_000);

  it("hides the element's Pay button; a submit says to use PayPal's button; an SDK error says PayPal failed", async () => {
    const c = await mount('document');
    const shown = () => {
      const pay = c.h.payButton();
      return !!pay && !pay.hidden && pay.getClientRects().length > 0;
    };
    expect(shown(), 'Pay shows for the card').to.equal(true);
    await c.h.chooseMethod('paypal');
    const button = await until(() => c.container().querySelector<HTMLButtonElement>('[data-paypal-double="button"]'), 'the PayPal button');
    await waitUntil(() => !shown(), () => 'the Pay button to hide beside the PayPal button', 5_000);
    // why requestSubmit: a page's script can still submit the form; only PayPal's button can open its window.
    c.h.control('email')!.form!.requestSubmit();
    await waitUntil(() => c.h.alert() !== '', () => 'the alert', 15_000);
    expect(c.h.alert()).to.contain(en.paypalUseButton);
    button.click();
    await until(() => document.querySelector('[data-paypal-double="window"]'), 'the PayPal window');
    await frameClick(WINDOW_FRAME, '#error');
    await waitUntil(() => c.h.alert().includes(en.paypalFailed), () => `PayPal's failure, not "${c.h.alert()}"`, 30_000);
    expect(c.errors).to.include('payment_failed');
    expect((await getSession(c.sessionId))?.status).to.equal('pending');
  });
});

describe('the element with the real processors: paying again after a decline', function () {
  this.timeout(90_000);

  /** Pays with a card the Stripe double declines; the form stays, with the card's error and the session failed. */
  async function declined(c: Checkout): Promise<void> {
    await cardFrame(c);
    await typeCard('4000 0000 0000 0002');
    await c.h.submit();
    await waitUntil(() => c.h.alert() !== '', () => 'the alert', 30_000);
    expect(c.h.state()).to.equal('form');
    expect(c.h.alert()).to.contain('Your card was declined');
    expect((await getSession(c.sessionId))?.status).to.equal('failed');
  }

  it('Stripe: the corrected address and another card, straight from the form: saved, taxed and paid', async () => {
    const c = await mount('document');
    await declined(c);
    // the customer corrects the address (Germany, not France) and the card
    await c.h.fill('billing_country', 'DE');
    await c.h.fill('billing_postal_code', '10117');
    await waitUntil(() => c.h.total('total')?.includes('24.99'), () => `German VAT in the summary, not ${c.h.total('total')}`, 10_000);
    await frameType(CARD_FRAME, '#number', '4242 4242 4242 4242', true);
    await c.h.submit();
    await waitUntil(() => c.h.state() === 'completed', () => `completed, not ${c.h.state()} (${c.h.alert()})`, 30_000);
    const done = (await settled(c.sessionId)) as Awaited<ReturnType<typeof settled>> & { charged?: { amount_cents: number; tax_rate: number } };
    expect(done.status).to.equal('completed');
    expect(done.processor).to.equal('stripe');
    expect(done.customer?.billing_country).to.equal('DE');
    expect(done.charged?.amount_cents, 'charged the total shown').to.equal(2499);
    expect(done.charged?.tax_rate).to.equal(19);
    expect(c.errors).to.deep.equal(['payment_declined']);
  });

  it('PayPal: after a declined card, the corrected address, and the PayPal button pays straight from the form', async () => {
    const c = await mount('document');
    await declined(c);
    await c.h.fill('billing_country', 'DE');
    await c.h.fill('billing_postal_code', '10117');
    await waitUntil(() => c.h.total('total')?.includes('24.99'), () => `German VAT in the summary, not ${c.h.total('total')}`, 10_000);
    await c.h.chooseMethod('paypal');
    const button = await until(() => c.container().querySelector<HTMLButtonElement>('[data-paypal-double="button"]'), 'the PayPal button');
    button.click();
    await until(() => document.querySelector('[data-paypal-double="window"]'), 'the PayPal window');
    await frameClick(WINDOW_FRAME, '#approve');
    await waitUntil(() => c.h.state() === 'completed', () => `completed, not ${c.h.state()} (${c.h.alert()})`, 30_000);
    const done = await settled(c.sessionId);
    expect(done.status).to.equal('completed');
    expect(done.processor).to.equal('paypal');
    expect(done.processor_id).to.equal((await paypalOrders(c.permalink)).at(-1)!.id);
    const { customer, charged } = done as typeof done & { charged?: { amount_cents: number; tax_rate: number } };
    expect([customer?.billing_country, charged?.amount_cents, charged?.tax_rate], 'saved, taxed and charged as shown').to.deep.equal(['DE', 2499, 19]);
    expect(c.errors).to.deep.equal(['payment_declined']);
  });
});
