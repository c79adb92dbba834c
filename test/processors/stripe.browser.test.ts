// The Stripe adapter in Chromium, mounted straight into a light-DOM container, against the sandbox and its Stripe.js
// test double (loaded through the official `loadStripe` of @stripe/stripe-js/pure). The card fields are in a frame
// on the sandbox's second port; the frame commands type into them as a customer would.
import { expect } from '@open-wc/testing';
import { loadStripe } from '@stripe/stripe-js/pure';
import { ApiError } from '../../src/api/errors.js';
import { createPublicClient } from '../../src/api/public.js';
import { ProcessorLoadError } from '../../src/processors/errors.js';
import type { PayInput } from '../../src/processors/processor.js';
import { createStripeAdapter, type StripeLoader } from '../../src/processors/stripe.js';
import { getSession } from '../helpers/sandbox.js';
import { readablePage } from './pages/readable.js';
import {
  expectCompleted,
  frameClick,
  frameRead,
  frameType,
  harness,
  injectScript,
  lightContainer,
  paySession,
  SANDBOX,
  serverTotal,
  settled,
  slottedThroughNestedShadows,
  until,
  useMounts,
} from './support.js';

const CARD_FRAME = '/doubles/stripe/card';
const CHALLENGE_FRAME = '/doubles/stripe/challenge';
const SHADOW_ROOT_ERROR = 'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.';

/** The official loader, finding the double that the test put on the page first. */
const doubleLoader: StripeLoader = async (key) => {
  if (!('Stripe' in window)) await injectScript(`${SANDBOX()}/doubles/stripe.js`);
  return loadStripe(key);
};

const PAY: Omit<PayInput, 'total' | 'session' | 'client'> = {
  method: 'card',
  signal: new AbortController().signal,
  billing: {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    address: { line1: null, line2: null, city: null, postal_code: null, country: 'ES' },
  },
  returnUrl: 'https://merchant.example/return',
};

/** The pay input for a session: the customer confirms the total the server has for it. */
const payFor = async (session: { permalink: string }): Promise<PayInput> => ({
  ...PAY,
  // why a bare session: the Stripe adapter pays for `total` through its own frame and reads nothing else of it.
  session: { permalink: session.permalink } as PayInput['session'],
  client: createPublicClient(session.permalink),
  total: await serverTotal(session.permalink),
});

async function typeCard(number: string, clear = false): Promise<void> {
  await frameType(CARD_FRAME, '#number', number, clear);
  await frameType(CARD_FRAME, '#expiry', '1239', clear);
  await frameType(CARD_FRAME, '#cvc', '123', clear);
}

describe('Stripe adapter (Stripe.js test double)', function () {
  // why: each test drives frames on another origin through the runner; a loaded machine needs the slack.
  this.timeout(60_000);
  const mounts = useMounts();

  async function mountCard() {
    const session = await paySession();
    const { host, container } = lightContainer();
    mounts.keep(host);
    const h = harness(session.permalink, host);
    const mounted = mounts.set(await createStripeAdapter({ loadStripe: doubleLoader }).mount(container, h.ctx));
    return { session, host, container, h, mounted };
  }

  it("loads Stripe.js with the session's publishable key while the payment start runs; another key in the start loads that one", async () => {
    for (const [sessionKey, loads] of [
      ['pk_test_sandbox', ['load pk_test_sandbox', 'start answered']],
      ['pk_test_other', ['load pk_test_other', 'start answered', 'load pk_test_sandbox']],
    ] as const) {
      const session = await paySession();
      const { host, container } = lightContainer();
      mounts.keep(host);
      const order: string[] = [];
      const h = harness(session.permalink, host, { publicKeys: { stripe: sessionKey } });
      const start = h.ctx.start;
      h.ctx.start = async (method, signal) => {
        const answer = await start(method, signal);
        order.push('start answered');
        return answer;
      };
      const recording: StripeLoader = (key) => {
        order.push(`load ${key}`);
        return doubleLoader(key);
      };
      const mounted = await createStripeAdapter({ loadStripe: recording }).mount(container, h.ctx);
      try {
        expect(order).to.deep.equal([...loads]);
        expect(h.reports.at(-1)).to.include({ key: 'card' });
      } finally {
        mounted.unmount();
      }
    }
  });

  it("with the session's publishable key and total, mounts with no payment start (one the server refuses stops nothing), follows the saved total, and Pay starts once", async () => {
    const session = await paySession();
    const served = (await (await fetch(`${session.permalink}.json`)).json()) as PayInput['session'] & {
      tax: { total: number; currency: string };
      processor_public_keys: { stripe: string };
    };
    const { host, container } = lightContainer();
    mounts.keep(host);
    // why a refusing start: a server refuses a start for a domestic customer without a tax ID; the fields need none.
    let refuse = true;
    const h = harness(session.permalink, host, { session: served, publicKeys: { stripe: served.processor_public_keys.stripe } });
    const start = h.ctx.start;
    h.ctx.start = async (method, signal) => {
      if (refuse) throw new ApiError('validation', 'The payment start was refused', 422, { code: 'tax_id_required' });
      return start(method, signal);
    };
    const amounts: Array<number | undefined> = [];
    const recording: StripeLoader = async (key) => {
      const stripe = await doubleLoader(key);
      if (!stripe) return stripe;
      const make = stripe.elements.bind(stripe);
      stripe.elements = (options) => {
        amounts.push('amount' in options ? options.amount : undefined);
        const group = make(options);
        const update = group.update.bind(group);
        group.update = (changes) => {
          if (changes.amount !== undefined) amounts.push(changes.amount);
          return update(changes);
        };
        return group;
      };
      return stripe;
    };
    const mounted = mounts.set(await createStripeAdapter({ loadStripe: recording }).mount(container, h.ctx));
    expect(h.starts, 'no payment start as the fields mount').to.equal(0);
    expect(amounts).to.deep.equal([served.tax.total]);
    expect(h.reports.at(-1)).to.include({ key: 'card' });

    // A saved customer changes the total shown: Elements follows it, in place.
    await mounted.update({ session: { ...served, tax: { ...served.tax, total: served.tax.total + 100 } } as PayInput['session'] });
    expect(amounts).to.deep.equal([served.tax.total, served.tax.total + 100]);

    // Pay while the server refuses the start: nothing is confirmed. Once it accepts, one start, and the card pays.
    await typeCard('4242 4242 4242 4242');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
    expect(await mounted.pay(await payFor(session)).catch((error: unknown) => (error as ApiError).reason)).to.equal('tax_id_required');
    refuse = false;
    const outcome = await mounted.pay(await payFor(session));
    expect(h.starts).to.equal(1);
    expect(amounts.at(-1), 'Elements holds the started total at confirm').to.equal(served.tax.total);
    await expectCompleted(outcome, session.id, 'stripe');
  });

  it('completes a card payment (4242…) and the session completes with the PaymentIntent', async () => {
    const { session, h, mounted } = await mountCard();
    expect(h.reports[0]).to.include({ key: 'card', complete: false });
    expect(await mounted.validate()).to.deep.include({ code: 'payment_incomplete', sdkCode: 'incomplete_number' });
    await typeCard('4242 4242 4242 4242');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
    expect(await mounted.validate()).to.equal(null);
    const outcome = await mounted.pay(await payFor(session));
    await expectCompleted(outcome, session.id, 'stripe');
  });

  it('asks the card frame at Pay (elements.submit()), not the last change event: a Pay that beats the event pays', async () => {
    const { session, h, mounted } = await mountCard();
    // why: `silent` sets the values with no input event, so the frame sends no `change`: the adapter's only way to
    // learn that the card is complete is to ask the frame, as Stripe's elements.submit() does.
    await frameType(CARD_FRAME, '#number', '4242 4242 4242 4242', true, true);
    await frameType(CARD_FRAME, '#expiry', '12 / 39', true, true);
    await frameType(CARD_FRAME, '#cvc', '123', true, true);
    expect(h.reports.at(-1)?.complete, 'no change event said complete').to.equal(false);
    expect(await mounted.validate()).to.equal(null);
    expect(h.reports.at(-1)).to.include({ key: 'card', empty: false, complete: true });
    await frameType(CARD_FRAME, '#cvc', '', true, true);
    expect(await mounted.validate()).to.deep.include({ code: 'payment_incomplete', sdkCode: 'incomplete_cvc' });
    expect((await frameRead(CARD_FRAME, 'p[role="alert"]')).text).to.equal("Your card's security code is incomplete.");
    await frameType(CARD_FRAME, '#cvc', '123', true, true);
    await expectCompleted(await mounted.pay(await payFor(session)), session.id, 'stripe');
  });

  it('is ready after three requests of the page (payment start, client secret check, card frame); axe finds nothing', async () => {
    (await mountCard()).mounted.unmount(); // warms the SDK double's script, loaded once per page as Stripe.js is
    const before = performance.getEntriesByType('resource').length;
    const started = performance.now();
    const { host, h } = await mountCard();
    const requests = performance
      .getEntriesByType('resource')
      .slice(before)
      .map((entry) => new URL(entry.name).pathname);
    console.log(`stripe mount: ${requests.length} requests in ${Math.round(performance.now() - started)} ms: ${requests.join(', ')}`);
    expect(requests.filter((path) => path.endsWith('/payment.json'))).to.have.length(1);
    expect(requests.length).to.be.at.most(3);
    expect(h.starts).to.equal(1);
    await expect(host).to.be.accessible();
  });

  it('a decline keeps the fields and what was typed; another card then pays', async () => {
    const { session, h, mounted } = await mountCard();
    await typeCard('4000 0000 0000 0002');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
    const outcome = await mounted.pay(await payFor(session));
    expect(outcome).to.deep.equal({
      status: 'failed',
      error: { code: 'payment_declined', messageKey: 'cardDeclined', sdkCode: 'card_declined' },
    });
    expect((await getSession(session.id))?.status).to.equal('failed');
    expect((await frameRead(CARD_FRAME, '#number')).value).to.equal('4000 0000 0000 0002');
    await frameType(CARD_FRAME, '#number', '4242 4242 4242 4242', true);
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete again');
    expect((await mounted.pay(await payFor(session))).status).to.equal('confirmed');
    expect((await settled(session.id)).status).to.equal('completed');
  });

  it('never confirms an amount the customer did not confirm: a start for another total confirms nothing', async () => {
    const { session, h, mounted } = await mountCard();
    await typeCard('4242 4242 4242 4242');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
    const confirmed = await payFor(session);
    // why: the Pay button showed one cent more than the server's total (a rate changed meanwhile).
    const outcome = await mounted.pay({ ...confirmed, total: confirmed.total + 1 });
    expect(outcome).to.deep.equal({ status: 'failed', error: { code: 'payment_failed', messageKey: 'paymentFailed', sdkCode: 'total_changed' } });
    const after = await getSession(session.id);
    expect(after?.status).to.equal('pending');
    expect(after?.charged ?? null).to.equal(null);
    expect((await mounted.pay(confirmed)).status).to.equal('confirmed');
    expect((await settled(session.id)).status).to.equal('completed');
  });

  it('a requires_action card (4000 0027 6000 3184) completes after the simulated 3-D Secure challenge', async () => {
    const { session, h, mounted } = await mountCard();
    await typeCard('4000 0027 6000 3184');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
    const paying = mounted.pay(await payFor(session));
    const modal = await until(() => document.querySelector<HTMLElement>('[data-stripe-double="challenge"]'), 'the challenge modal');
    await expect(modal).to.be.accessible();
    expect((await getSession(session.id))?.status).to.equal('pending');
    await frameClick(CHALLENGE_FRAME, '#complete');
    expect((await paying).status).to.equal('confirmed');
    expect(document.querySelector('[data-stripe-double="challenge"]')).to.equal(null);
    expect((await settled(session.id)).status).to.equal('completed');
  });

  it('a failed challenge is the element’s authentication error, and the session fails', async () => {
    const { session, h, mounted } = await mountCard();
    await typeCard('4000 0027 6000 3184');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
    const paying = mounted.pay(await payFor(session));
    await frameClick(CHALLENGE_FRAME, '#fail');
    const outcome = await paying;
    expect(outcome.status === 'failed' && outcome.error.code).to.equal('payment_authentication_failed');
    expect((await getSession(session.id))?.status).to.equal('failed');
  });

  it('the merchant page cannot reach the card number: not in the light DOM, shadow roots, any reachable frame or storage', async () => {
    const { h } = await mountCard();
    await typeCard('4242 4242 4242 4242');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
    const { text, unreadableFrames: unreachable } = readablePage();
    expect(unreachable, 'the card frame is cross-origin').to.be.greaterThan(0);
    const haystack = text.replace(/[\s-]/g, '');
    expect(haystack.includes('4242424242424242')).to.equal(false);
    expect((await frameRead(CARD_FRAME, '#number')).value, 'the number is in the frame').to.equal('4242 4242 4242 4242');
  });

  it('refuses a container inside a shadow root with Stripe’s own error, and mounts through chained slots', async () => {
    const session = await paySession();
    const outer = document.createElement('div');
    mounts.keep(outer);
    document.body.append(outer);
    const shadow = outer.attachShadow({ mode: 'closed' });
    const inShadow = document.createElement('div');
    shadow.append(inShadow);
    const error = await createStripeAdapter({ loadStripe: doubleLoader })
      .mount(inShadow, harness(session.permalink, outer).ctx)
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ProcessorLoadError);
    expect((error as ProcessorLoadError).error).to.deep.equal({ code: 'processor_unavailable', messageKey: 'processorUnavailable', sdkCode: 'mount_refused' });
    expect(((error as ProcessorLoadError).cause as Error).message).to.equal(SHADOW_ROOT_ERROR);

    // A closed shadow root nested in another: the container stays in the document and slots through both.
    const { page, container } = slottedThroughNestedShadows();
    mounts.keep(page);
    const h = harness((await paySession()).permalink, page);
    mounts.set(await createStripeAdapter({ loadStripe: doubleLoader }).mount(container, h.ctx));
    const frame = container.querySelector('iframe')!;
    expect(frame.getBoundingClientRect().height, 'rendered through both slots').to.be.greaterThan(100);
    await typeCard('4242 4242 4242 4242');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
  });

  it('themes the fields from the host’s --quaderno-* properties and maps ca to Stripe’s es', async () => {
    const session = await paySession();
    const { host, container } = lightContainer();
    mounts.keep(host);
    const h = harness(session.permalink, host, { locale: 'ca' });
    const mounted = mounts.set(await createStripeAdapter({ loadStripe: doubleLoader }).mount(container, h.ctx));
    const config = JSON.parse(decodeURIComponent(new URL(container.querySelector('iframe')!.src).hash.slice(1)));
    expect(config.locale).to.equal('es');
    expect(config.appearance.variables).to.include({ colorPrimary: 'rgb(200, 30, 90)', borderRadius: '3px' });
    expect((await frameRead(CARD_FRAME, 'label[data-field="number"] span')).text).to.equal('Número de tarjeta');
    await mounted.update({ ...h.ctx, locale: 'de' });
    await until(async () => (await frameRead(CARD_FRAME, 'label[data-field="number"] span')).text === 'Kartennummer', 'German labels');
    host.style.setProperty('--quaderno-color-primary', 'rgb(10, 120, 60)');
    const frame = container.querySelector('iframe')!;
    await mounted.update({ ...h.ctx, locale: 'de' });
    expect(container.querySelector('iframe'), 'a theme change does not remount').to.equal(frame);
    await until(
      async () => /rgb\(10, 120, 60\)/.test((await frameRead(CARD_FRAME, 'style', false)).text),
      'the new primary colour in the frame',
    );
    await mounted.update({ ...h.ctx, locale: 'de', disabled: true });
    await until(async () => (await frameRead(CARD_FRAME, '#number')).readOnly === true, 'read-only fields');
  });

  it('a load failure is processor_unavailable; a client secret Stripe does not know fails the payment, charging nothing', async () => {
    const session = await paySession();
    const { host, container } = lightContainer();
    mounts.keep(host);
    const failing = createStripeAdapter({ loadStripe: () => injectScript(`${SANDBOX()}/doubles/no-such-sdk.js`).then(() => null) });
    const loadError = await failing.mount(container, harness(session.permalink, host).ctx).catch((e: unknown) => e);
    expect((loadError as ProcessorLoadError).error?.sdkCode).to.equal('load_failed');
    expect(container.querySelector('iframe'), 'a failed mount leaves nothing behind').to.equal(null);

    // why at Pay: the elements are made in deferred mode, so the PaymentIntent (and its secret) is named at confirm.
    const h = harness(session.permalink, host);
    const forged = {
      ...h.ctx,
      start: async () => ({ ...(await h.ctx.start('card')), client_secret: 'pi_sandbox_forged_secret_nope' }),
    };
    const mounted = mounts.set(await createStripeAdapter({ loadStripe: doubleLoader }).mount(container, forged));
    await typeCard('4242 4242 4242 4242');
    await until(() => h.reports.at(-1)?.complete, 'the fields to be complete');
    const outcome = await mounted.pay(await payFor(session));
    expect(outcome.status === 'failed' && outcome.error).to.deep.include({ code: 'payment_failed', sdkCode: 'resource_missing' });
    expect((await getSession(session.id))?.status).to.equal('pending');
  });
});
