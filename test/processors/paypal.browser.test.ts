// The PayPal adapter in Chromium, mounted straight into a light-DOM container, against the sandbox and its PayPal
// SDK test double, loaded by the official `loadScript` of @paypal/paypal-js through its `sdkBaseUrl` option.
import { expect } from '@open-wc/testing';
import { ProcessorLoadError } from '../../src/processors/errors.js';
import type { PayInput, PayOutcome } from '../../src/processors/processor.js';
import { createPaypalAdapter } from '../../src/processors/paypal.js';
import { getSession } from '../helpers/sandbox.js';
import {
  expectCompleted,
  frameClick,
  harness,
  lightContainer,
  paypalOrders,
  paySession,
  SANDBOX,
  SANDBOX_PAYPAL_CLIENT_ID,
  slottedThroughNestedShadows,
  until,
  type Harness,
  useMounts,
} from './support.js';

const WINDOW_FRAME = '/doubles/paypal/window';
// why: loadScript inserts each script first in <head>, so the newest is the first one.
const newestScript = () => document.querySelector<HTMLScriptElement>('script[src*="/doubles/paypal-sdk.js"]')!;

describe('PayPal adapter (PayPal SDK test double)', function () {
  // why: each test drives frames on another origin through the runner; a loaded machine needs the slack.
  this.timeout(60_000);
  const mounts = useMounts();

  async function mountPaypal(overrides: Partial<Harness['ctx']> = {}) {
    const session = await paySession();
    const { host, container } = lightContainer();
    mounts.keep(host);
    const h = harness(session.permalink, host, { method: 'paypal', ...overrides });
    const adapter = createPaypalAdapter({ clientId: SANDBOX_PAYPAL_CLIENT_ID, sdkBaseUrl: `${SANDBOX()}/doubles/paypal-sdk.js`, cspNonce: 'n0nce' });
    const mounted = mounts.set(await adapter.mount(container, h.ctx));
    const button = () => container.querySelector<HTMLButtonElement>('[data-paypal-double="button"]');
    return { session, container, h, mounted, button };
  }

  /** Clicks the PayPal button, then a choice in the PayPal window; resolves with what the adapter reported. */
  async function payWith(h: Harness, button: HTMLButtonElement, choice: 'approve' | 'cancel' | 'error'): Promise<PayOutcome> {
    const before = h.finished.length;
    button.click();
    const window = await until(() => document.querySelector<HTMLElement>('[data-paypal-double="window"]'), 'the PayPal window');
    if (choice === 'approve') await expect(window).to.be.accessible();
    await frameClick(WINDOW_FRAME, `#${choice}`);
    return until(() => h.finished[before], 'the outcome');
  }

  it('loads the SDK with the session currency, an xx_XX locale and the CSP nonce', async () => {
    const { button, mounted, h } = await mountPaypal({ locale: 'ca' });
    expect(mounted.ownButton).to.equal(true);
    expect(button(), 'the PayPal button').to.not.equal(null);
    expect(h.reports.at(-1)).to.include({ key: 'paypal', complete: true });
    const script = newestScript();
    const query = new URL(script.src).searchParams;
    expect(query.get('currency')).to.equal('EUR');
    expect(query.get('locale')).to.equal('es_ES');
    expect(query.get('client-id')).to.match(/^sb-/);
    expect(script.getAttribute('data-csp-nonce')).to.equal('n0nce');
    expect(script.nonce).to.equal('n0nce');
  });

  it('an approve completes the session with the order; axe finds nothing in the button or the window', async () => {
    const { session, h, button, container } = await mountPaypal();
    await expect(container).to.be.accessible();
    const outcome = await payWith(h, button()!, 'approve');
    await expectCompleted(outcome, session.id, 'paypal');
    // What the element shows should the server still hold the session pending (a capture declined after approval).
    expect(outcome.status === 'confirmed' && outcome.unpaid).to.deep.equal({ code: 'payment_declined', messageKey: 'paypalFailed', sdkCode: 'capture_declined' });
  });

  it('a cancel returns to the form: the session stays pending and the button can pay again', async () => {
    const { session, h, button } = await mountPaypal();
    const cancelled = await payWith(h, button()!, 'cancel');
    expect(cancelled).to.deep.equal({ status: 'failed', error: { code: 'payment_cancelled', messageKey: 'paypalCancelled', sdkCode: 'cancel' } });
    expect(document.querySelector('[data-paypal-double="window"]')).to.equal(null);
    expect((await getSession(session.id))?.status).to.equal('pending');
    await expectCompleted(await payWith(h, button()!, 'approve'), session.id, 'paypal');
  });

  it('an SDK error becomes paypalFailed and charges nothing', async () => {
    const { session, h, button } = await mountPaypal();
    const outcome = await payWith(h, button()!, 'error');
    expect(outcome.status === 'failed' && outcome.error).to.deep.equal({ code: 'payment_failed', messageKey: 'paypalFailed', sdkCode: 'sdk_error' });
    expect((await getSession(session.id))?.status).to.equal('pending');
  });

  it('a mount that is never clicked creates no order', async () => {
    const { session, h, button } = await mountPaypal();
    expect(button(), 'the PayPal button').to.not.equal(null);
    expect(h.starts, 'no payment start').to.equal(0);
    expect(await paypalOrders(session.permalink)).to.deep.equal([]);
    expect((await getSession(session.id))?.processor_id ?? null).to.equal(null);
  });

  it('the order is created on the click, after begin, for the session total', async () => {
    const order: string[] = [];
    const { session, h, button } = await mountPaypal({
      begin: async () => {
        order.push(`begin (orders: ${(await paypalOrders(session.permalink)).length})`);
        return true;
      },
    });
    button()!.click();
    await until(() => document.querySelector('[data-paypal-double="window"]'), 'the PayPal window');
    const orders = await paypalOrders(session.permalink);
    expect(order).to.deep.equal(['begin (orders: 0)']);
    expect(h.starts).to.equal(1);
    expect(orders).to.have.length(1);
    expect(orders[0]).to.include({ status: 'CREATED', currency: 'EUR' });
    expect(orders[0]!.amount).to.be.greaterThan(0);
    await frameClick(WINDOW_FRAME, '#approve');
    await expectCompleted(await until(() => h.finished[0], 'the outcome'), session.id, 'paypal');
  });

  it('when the element refuses to begin (invalid form), createOrder rejects: no order, no window, no PayPal error', async () => {
    let asked = 0;
    const { session, h, button } = await mountPaypal({
      begin: async () => {
        asked++;
        return false;
      },
    });
    button()!.click();
    await until(() => asked === 1, 'begin to be asked');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.starts, 'no payment start').to.equal(0);
    expect(await paypalOrders(session.permalink)).to.deep.equal([]);
    expect(document.querySelector('[data-paypal-double="window"]')).to.equal(null);
    expect(h.finished, 'the refusal is the element\'s to show').to.deep.equal([]);
  });

  const otherClient: Array<[string, { clientId?: string }, Partial<Harness['ctx']>]> = [
    ['the page\'s clientId', { clientId: 'sb-someone-else' }, {}],
    ['the session\'s key', {}, { publicKeys: { paypal: 'sb-someone-else' } }],
  ];
  for (const [source, options, ctx] of otherClient) {
    it(`an order of another client id than ${source} is refused before PayPal opens`, async () => {
      const session = await paySession();
      const { host, container } = lightContainer();
      mounts.keep(host);
      const h = harness(session.permalink, host, { method: 'paypal', ...ctx });
      const adapter = createPaypalAdapter({ ...options, sdkBaseUrl: `${SANDBOX()}/doubles/paypal-sdk.js` });
      mounts.set(await adapter.mount(container, h.ctx));
      expect(h.starts, 'no payment start at mount').to.equal(0);
      container.querySelector<HTMLButtonElement>('[data-paypal-double="button"]')!.click();
      const outcome = await until(() => h.finished[0], 'the outcome');
      expect(outcome.status === 'failed' && outcome.error.code).to.equal('payment_failed');
      expect(document.querySelector('[data-paypal-double="window"]')).to.equal(null);
    });
  }

  it('without a page clientId, the session\'s processor_public_keys.paypal loads PayPal: no order until the click', async () => {
    const session = await paySession();
    // why: the keys as the permalink serves them, not a copy of the sandbox's default.
    const served = (await (await fetch(`${session.permalink}.json`)).json()) as { processor_public_keys: { paypal: string } };
    expect(served.processor_public_keys.paypal).to.equal(SANDBOX_PAYPAL_CLIENT_ID);
    const { host, container } = lightContainer();
    mounts.keep(host);
    const h = harness(session.permalink, host, { method: 'paypal', publicKeys: served.processor_public_keys });
    mounts.set(await createPaypalAdapter({ sdkBaseUrl: `${SANDBOX()}/doubles/paypal-sdk.js` }).mount(container, h.ctx));
    expect(new URL(newestScript().src).searchParams.get('client-id')).to.equal(SANDBOX_PAYPAL_CLIENT_ID);
    expect(h.starts, 'no payment start at mount').to.equal(0);
    expect(await paypalOrders(session.permalink)).to.deep.equal([]);
    await expectCompleted(await payWith(h, container.querySelector<HTMLButtonElement>('[data-paypal-double="button"]')!, 'approve'), session.id, 'paypal');
    expect(h.starts).to.equal(1);
  });

  it('only with neither a page clientId nor a session key (an older server), the mount learns it from one payment start', async () => {
    const session = await paySession();
    const { host, container } = lightContainer();
    mounts.keep(host);
    const h = harness(session.permalink, host, { method: 'paypal', publicKeys: {} });
    mounts.set(await createPaypalAdapter({ sdkBaseUrl: `${SANDBOX()}/doubles/paypal-sdk.js` }).mount(container, h.ctx));
    expect(new URL(newestScript().src).searchParams.get('client-id')).to.equal(SANDBOX_PAYPAL_CLIENT_ID);
    expect(h.starts).to.equal(1);
    expect(await paypalOrders(session.permalink), 'the documented cost: one unused order').to.have.length(1);
  });

  it('a currency change reloads the script; disabled disables the button; its own button is the way to pay', async () => {
    const { h, mounted, button, container } = await mountPaypal();
    await mounted.update({ ...h.ctx, currency: 'USD' });
    const script = newestScript();
    expect(new URL(script.src).searchParams.get('currency')).to.equal('USD');
    expect(container.querySelectorAll('[data-paypal-double="button"]').length, 'one button after the reload').to.equal(1);
    await mounted.update({ ...h.ctx, currency: 'USD', disabled: true });
    expect(button()!.disabled).to.equal(true);
    await mounted.update({ ...h.ctx, currency: 'USD', disabled: false });
    expect(button()!.disabled).to.equal(false);
    const viaElement = await mounted.pay({} as PayInput);
    expect(viaElement.status === 'failed' && viaElement.error.messageKey).to.equal('paypalUseButton');
  });

  it('pays from a container slotted through two nested closed shadow roots', async () => {
    const session = await paySession();
    const { page, container } = slottedThroughNestedShadows();
    mounts.keep(page);
    const h = harness(session.permalink, page, { method: 'paypal' });
    mounts.set(await createPaypalAdapter({ clientId: SANDBOX_PAYPAL_CLIENT_ID, sdkBaseUrl: `${SANDBOX()}/doubles/paypal-sdk.js` }).mount(container, h.ctx));
    expect(h.starts, 'no order before the click').to.equal(0);
    const button = container.querySelector<HTMLButtonElement>('[data-paypal-double="button"]')!;
    expect(button.getBoundingClientRect().height, 'rendered through both slots').to.be.greaterThan(0);
    await expectCompleted(await payWith(h, button, 'approve'), session.id, 'paypal');
  });

  it('a script that fails to load becomes processor_unavailable', async () => {
    const session = await paySession();
    const { host, container } = lightContainer();
    mounts.keep(host);
    const adapter = createPaypalAdapter({ sdkBaseUrl: `${SANDBOX()}/doubles/no-such-sdk.js` });
    const error = await adapter.mount(container, harness(session.permalink, host, { method: 'paypal' }).ctx).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ProcessorLoadError);
    expect((error as ProcessorLoadError).error).to.deep.equal({ code: 'processor_unavailable', messageKey: 'processorUnavailable', sdkCode: 'load_failed' });
  });
});
