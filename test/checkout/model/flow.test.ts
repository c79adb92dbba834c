// The checkout flow in Node against the real sandbox over HTTP, through the model alone: load, edit, coupon, save,
// pay, poll, cancel, conflicts, faults and disconnects. The Chromium suites keep rendering, focus, a11y and CSP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visibleFieldError, type CheckoutState } from '../../../src/checkout/model/state.js';
import { shownTax } from '../../../src/checkout/model/tax.js';
import { ProcessorPaymentError } from '../../../src/processors/errors.js';
import type { PayRequest } from '../../../src/processors/processor.js';
import { validateBilling } from '../../../src/session/fields.js';
import { CANCEL_URL, FULL_CUSTOMER, fill, memoryDraft, modelFor, names, payingProcessor, sessionBody, SUCCESS_URL, useFlowSandbox } from './support.js';

const tokenOf = (permalink: string) => new URL(permalink).pathname.split('/').pop()!;

describe('checkout model: flow against the sandbox', () => {
  const env = useFlowSandbox();
  const create = async (overrides = {}) => (await env().api.create(sessionBody(overrides))).permalink!;

  it('loads: loading, then the form with the session, and quaderno-ready once', async () => {
    const r = modelFor(await create());
    const loading = r.model.load();
    assert.equal(r.model.state.kind, 'loading');
    await loading;
    const state = await r.waitFor('form');
    assert.equal(state.kind === 'form' && state.session.items.length, 2);
    await r.model.load(true);
    assert.deepEqual(names(r.events), ['quaderno-ready']);
    assert.deepEqual(r.focused, [], 'nothing takes focus on page load');
  });

  it('one rule for field errors: touched and dirty, or submitted; prefilled counts as touched', async () => {
    const customer = { billing_country: 'DE', billing_postal_code: '123' };
    const r = modelFor((await env().api.create(sessionBody({ customer }))).permalink!);
    await r.model.load();
    const errorOf = (field: 'billing_postal_code' | 'first_name') => {
      const state = r.model.state;
      assert.equal(state.kind, 'form');
      if (state.kind !== 'form') return undefined;
      return visibleFieldError(state.form, field, validateBilling(state.form.values, 'required'))?.key;
    };
    assert.equal(errorOf('billing_postal_code'), 'postalCode', 'a prefilled field counts as touched');
    assert.equal(errorOf('first_name'), undefined);
    r.model.input('first_name', '');
    assert.equal(errorOf('first_name'), undefined, 'dirty but not touched');
    r.model.blur('first_name');
    assert.equal(errorOf('first_name'), 'required', 'touched and dirty');
    const r2 = modelFor(await create());
    await r2.model.load();
    await r2.model.pay();
    const state = r2.model.state;
    assert.ok(state.kind === 'form' && state.form.submitted);
    const errors = state.kind === 'form' ? validateBilling(state.form.values, 'required') : {};
    assert.equal(state.kind === 'form' && visibleFieldError(state.form, 'first_name', errors)?.key, 'required');
    assert.deepEqual(r2.announced, [{ politeness: 'assertive', text: 'Please correct 8 fields.' }]);
    assert.deepEqual(r2.focused, ['first-invalid']);
  });

  for (const method of ['card', 'paypal'] as const) {
    it(`saves the customer, pays with ${method}, polls, completes and goes to success_url`, async () => {
      const permalink = await create();
      const r = modelFor(permalink);
      await r.model.load();
      await fill(r.model, FULL_CUSTOMER);
      r.model.selectMethod(method);
      assert.deepEqual(r.draft.saved?.customer.email, FULL_CUSTOMER.email);
      await r.model.pay();
      assert.equal(r.model.state.kind, 'completed');
      assert.deepEqual(r.views, ['loading', 'form', 'processing', 'completed']);
      assert.deepEqual(names(r.events), ['quaderno-ready', 'quaderno-update', 'quaderno-complete']);
      assert.deepEqual(r.navigations, [SUCCESS_URL]);
      assert.equal(r.draft.saved, undefined, 'the draft is forgotten once paid');
      assert.equal(r.processor.resets, 1);
      const stored = await env().api.retrieve(r.events[0]!.detail.session.id);
      assert.equal(stored.status, 'completed');
      assert.equal(stored.customer.email, FULL_CUSTOMER.email);
      assert.equal(stored.processor, method === 'card' ? 'stripe' : 'paypal');
    });
  }

  it('a declined payment shows failed; Try again keeps everything; the second payment completes', async () => {
    const processor = payingProcessor({ card_number: '4000000000000002' });
    const r = modelFor(await create({ payment_methods: ['card'] }), { processor });
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    await r.model.pay();
    assert.equal(r.model.state.kind, 'failed');
    r.model.tryAgain();
    const state = r.model.state as CheckoutState;
    assert.ok(state.kind === 'form');
    assert.equal(state.kind === 'form' && state.form.values.billing_city, 'Berlin');
    assert.equal(state.kind === 'form' && state.form.submitted, false);
    const again = payingProcessor();
    Object.assign(processor, { pay: again.pay });
    await r.model.pay();
    assert.equal(r.model.state.kind, 'completed');
    assert.equal(names(r.events).filter((n) => n === 'quaderno-complete').length, 1);
  });

  /** The session's public requests after the `from`th, as `METHOD /path` with the permalink left out. */
  const requestsOf = (permalink: string, from = 0) =>
    env()
      .sandbox.faults!.seen.filter((s) => s.path.includes(tokenOf(permalink)))
      .slice(from)
      .map((s) => `${s.method} ${s.path.replace(/^\/checkout\/session\/[^/.]+/, '')}`);

  it('a decline that keeps the form (an adapter\'s): the failed session is read again, and Pay again reopens it, saves the edit and pays', async () => {
    const permalink = await create({ payment_methods: ['card'] });
    let attempts = 0;
    const processor = Object.assign(payingProcessor(), {
      async pay({ method, client, signal }: PayRequest) {
        // why: as the Stripe adapter's decline: the processor refuses the card, the session fails on the server, and
        // the form stays with the card's error.
        if (attempts++ > 0) return client.pay({ method, card_number: '4242424242424242' }, { signal });
        let session = await client.pay({ method, card_number: '4000000000000002' }, { signal });
        while (session.status === 'processing') session = await client.retrieve({ signal });
        throw new ProcessorPaymentError('payment_declined', 'card_declined');
      },
    });
    const r = modelFor(permalink, { processor });
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    await r.model.pay();
    const declined = r.model.state;
    assert.equal(declined.kind, 'form', 'the form stays');
    assert.equal(declined.kind === 'form' && declined.alert?.code, 'payment_declined');
    assert.equal(declined.kind === 'form' && declined.session.status, 'failed', 'the model holds what the server holds');
    const before = requestsOf(permalink).length;
    r.model.input('email', 'grace@example.com');
    await r.model.pay();
    assert.equal(r.model.state.kind, 'completed', `views: ${r.views.join(' → ')}`);
    assert.deepEqual(
      requestsOf(permalink, before).filter((line) => !line.startsWith('GET')),
      ['POST /retry.json', 'PUT .json', 'POST /pay.json'],
    );
    const stored = await env().api.retrieve(r.events[0]!.detail.session.id);
    assert.equal(stored.status, 'completed');
    assert.equal(stored.customer.email, 'grace@example.com', 'what was typed after the decline was saved');
  });

  it('Try again after a decline: the corrected address is saved and taxed, and the session completes with it', async () => {
    const permalink = await create({ payment_methods: ['card'] });
    const processor = payingProcessor({ card_number: '4000000000000002' });
    const r = modelFor(permalink, { processor });
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    await r.model.pay();
    assert.equal(r.model.state.kind, 'failed');
    r.model.tryAgain();
    Object.assign(processor, { pay: payingProcessor().pay });
    const moved = { billing_country: 'FR', billing_street_line_1: '1 rue de Rivoli', billing_city: 'Paris', billing_postal_code: '75001' };
    await fill(r.model, moved);
    const form = r.model.state as CheckoutState;
    assert.ok(form.kind === 'form');
    assert.equal(shownTax(form.session, form.form.tax)?.total, 2600 + 520, 'the summary shows French VAT for what was typed');
    await r.model.pay();
    assert.equal(r.model.state.kind, 'completed', `views: ${r.views.join(' → ')}`);
    const stored = (await env().api.retrieve(r.events[0]!.detail.session.id)) as typeof r.events[0]['detail']['session'];
    assert.equal(stored.customer.billing_country, 'FR');
    assert.equal(stored.customer.billing_city, 'Paris');
    assert.equal(stored.charged?.amount_cents, 2600 + 520, 'charged what was shown');
    assert.equal(stored.charged?.tax_rate, 20);
  });

  it('pays once however often Pay is pressed', async () => {
    const { sandbox } = env();
    const permalink = await create({ payment_methods: ['card'] });
    const r = modelFor(permalink);
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    await Promise.all([r.model.pay(), r.model.pay(), r.model.pay()]);
    const token = tokenOf(permalink);
    const pays = sandbox.faults!.seen.filter((s) => s.method === 'POST' && s.path.includes(token) && s.path.endsWith('/pay.json'));
    assert.equal(pays.length, 1);
    assert.equal(r.model.state.kind, 'completed');
  });

  it('restores a draft, announces it, and keeps the chosen method', async () => {
    const draft = memoryDraft({ customer: { email: 'draft@example.com' }, coupon: 'HALF', method: 'paypal' });
    const r = modelFor(await create(), { draft });
    await r.model.load();
    const state = r.model.state;
    assert.ok(state.kind === 'form');
    assert.equal(state.kind === 'form' && state.form.values.email, 'draft@example.com');
    assert.equal(state.kind === 'form' && state.form.couponInput, 'HALF');
    assert.equal(state.kind === 'form' && state.form.method, 'paypal');
    assert.deepEqual(r.announced, [{ politeness: 'polite', text: 'We restored the details you entered earlier.' }]);
  });

  for (const prevent of [false, true]) {
    it(`cancel ${prevent ? '(prevented) stays' : 'goes to cancel_url'} and abandons the session`, async () => {
      const r = modelFor(await create(), { prevent: prevent ? ['quaderno-cancel'] : [] });
      await r.model.load();
      await r.model.cancel();
      const state = r.model.state;
      assert.equal(state.kind, 'abandoned');
      assert.equal(state.kind === 'abandoned' && state.cancelledHere, true);
      assert.deepEqual(r.navigations, prevent ? [] : [CANCEL_URL]);
      assert.equal(state.kind === 'abandoned' && state.redirecting, !prevent);
      assert.deepEqual(names(r.events), ['quaderno-ready', 'quaderno-cancel']);
    });
  }

  it('cancel after the session was paid in another tab: no cancel_url, the paid session shows', async () => {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody({ payment_methods: ['card'] }));
    const r = modelFor(created.permalink!);
    await r.model.load();
    sandbox.store.setStatus(created.id!, 'completed');
    await r.model.cancel();
    assert.deepEqual(r.navigations, [], 'a paid session never sends the customer to cancel_url');
    await r.waitFor('completed');
    assert.deepEqual(r.events.filter((e) => e.name === 'quaderno-error').map((e) => e.detail.code), ['conflict']);
    assert.ok(r.announced.some((a) => a.politeness === 'assertive' && a.text === 'This checkout can no longer be changed.'));
  });

  it('a session that stops being pending mid-edit: the save is a conflict, the model reloads and shows it', async () => {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody({ payment_methods: ['card'] }));
    const r = modelFor(created.permalink!);
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    sandbox.store.setStatus(created.id!, 'completed');
    await r.model.pay();
    await r.waitFor('completed');
    const error = r.events.find((e) => e.name === 'quaderno-error');
    assert.equal(error?.detail.code, 'conflict');
    assert.ok(r.announced.some((a) => a.politeness === 'assertive' && a.text === 'This checkout can no longer be changed.'));
    assert.equal(r.draft.saved, undefined);
  });

  it('a payment the server refuses for a missing tax ID the form was not told of: the field says so, nothing is charged', async () => {
    const { api, sandbox } = env();
    // why this order: the seller's home country is France while the form loads (a Spanish customer then needs no tax
    // ID), and Spain by the time Pay is pressed, so only the server's check at the payment can catch it.
    sandbox.store.taxSettings.update({ home_country: 'FR' });
    try {
      const spanish = { ...FULL_CUSTOMER, billing_country: 'ES', billing_city: 'Madrid', billing_postal_code: '28013' };
      const created = await api.create(sessionBody({ payment_methods: ['card'], customer: spanish }));
      const r = modelFor(created.permalink!);
      await r.model.load();
      sandbox.store.taxSettings.update({ home_country: 'ES' });
      await r.model.pay();
      const state = r.model.state;
      assert.equal(state.kind, 'form');
      if (state.kind !== 'form') return;
      assert.equal(visibleFieldError(state.form, 'tax_id', {})?.key, 'taxIdRequired');
      assert.deepEqual(r.focused, ['first-invalid']);
      assert.ok(r.announced.some((a) => a.politeness === 'assertive' && a.text === 'Please correct 1 field.'));
      assert.equal((await api.retrieve(created.id!)).status, 'pending', 'nothing charged');
      await fill(r.model, { tax_id: 'ESA58818501' });
      await r.model.pay();
      await r.waitFor('completed');
    } finally {
      sandbox.store.taxSettings.reset();
    }
  });

  it('follows a processing session with backoff until it completes', async () => {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody());
    sandbox.store.setStatus(created.id!, 'processing');
    const r = modelFor(created.permalink!);
    await r.model.load();
    const loaded = performance.now();
    assert.equal(r.model.state.kind, 'processing');
    // why a lower bound only: a busy machine can only stretch the waits, so "no sooner than the backoff allows" holds
    // under any load, where a count within a time window does not. Waits of 20, 30, 45 and 68 ms put the fourth poll
    // at least 163 ms after the load; a fixed 20 ms interval would reach it after 80 ms.
    const token = tokenOf(created.permalink!);
    const polls = () => sandbox.faults!.seen.filter((s) => s.method === 'GET' && s.path.includes(token)).length - 1;
    const deadline = loaded + 10_000;
    while (polls() < 4 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
    const elapsed = performance.now() - loaded;
    assert.ok(polls() >= 4, `kept polling: ${polls()} polls in ${elapsed.toFixed(0)} ms`);
    assert.ok(elapsed >= 150, `the fourth poll came ${elapsed.toFixed(0)} ms after the load: sooner than a 20 ms ×1.5 backoff allows`);
    assert.equal(r.model.state.kind, 'processing');
    sandbox.store.setStatus(created.id!, 'completed');
    await r.waitFor('completed');
    assert.ok(names(r.events).includes('quaderno-complete'));
    assert.deepEqual(r.navigations, [SUCCESS_URL]);
  });

  it('stop() aborts the run in flight; resume() reloads and carries on', async () => {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody());
    sandbox.store.setStatus(created.id!, 'processing');
    const r = modelFor(created.permalink!);
    await r.model.load();
    r.model.stop();
    sandbox.store.setStatus(created.id!, 'completed');
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(r.model.state.kind, 'processing', 'no poll ran while stopped');
    r.model.resume();
    await r.waitFor('completed');
  });

  it('refuses a broken session a save returns, before anything is charged', async () => {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody({ payment_methods: ['card'] }));
    const r = modelFor(created.permalink!);
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    const stored = sandbox.store.getSession(created.id!)!;
    stored.items.push({ ...stored.items[0]!, currency: 'USD' });
    await r.model.pay();
    const state = r.model.state;
    assert.equal(state.kind, 'error');
    assert.equal(state.kind === 'error' && state.code, 'mixed_currencies');
    assert.equal(sandbox.store.getSession(created.id!)!.status, 'pending');
  });
});

describe('checkout model: faults from the sandbox', () => {
  const env = useFlowSandbox();

  it('a 500 on load is retried by the client and never shown', async () => {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody());
    sandbox.faults!.add({ kind: 'status', status: 500, token: tokenOf(created.permalink!), method: 'GET' });
    const r = modelFor(created.permalink!);
    await r.model.load();
    assert.equal(r.model.state.kind, 'form');
    assert.deepEqual(names(r.events), ['quaderno-ready']);
  });

  it('malformed JSON on load: the error view, then retry recovers', async () => {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody());
    sandbox.faults!.add({ kind: 'malformed', token: tokenOf(created.permalink!), method: 'GET' });
    const r = modelFor(created.permalink!);
    await r.model.load();
    const state = r.model.state;
    assert.equal(state.kind === 'error' && state.code, 'bad_response');
    r.model.retry();
    await r.waitFor('form');
  });

  for (const fault of [{ kind: 'status', status: 500 }, { kind: 'malformed' }, { kind: 'drop' }] as const) {
    it(`${fault.kind} on pay: an alert with retry, nothing typed lost, and the retry completes`, async () => {
      const { api, sandbox } = env();
      const created = await api.create(sessionBody({ payment_methods: ['card'] }));
      const r = modelFor(created.permalink!);
      await r.model.load();
      await fill(r.model, FULL_CUSTOMER);
      sandbox.faults!.add({ ...fault, token: tokenOf(created.permalink!), method: 'POST', path: '/pay.json' });
      await r.model.pay();
      const state = r.model.state;
      if (state.kind === 'completed') return; // why: a dropped keep-alive request may be resent by fetch itself
      assert.equal(state.kind, 'form');
      assert.equal(state.kind === 'form' && state.alert?.retry, 'pay');
      assert.equal(state.kind === 'form' && state.busy, undefined);
      assert.equal(state.kind === 'form' && state.form.values.email, FULL_CUSTOMER.email);
      assert.ok(names(r.events).includes('quaderno-error'));
      r.model.retryAlert();
      await r.waitFor('completed');
    });
  }

  it('a failed save says the details were kept', async () => {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody({ payment_methods: ['card'] }));
    const r = modelFor(created.permalink!, { timeoutMs: 300 });
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    sandbox.faults!.add({ kind: 'malformed', token: tokenOf(created.permalink!), method: 'PUT' });
    await r.model.pay();
    const state = r.model.state;
    assert.equal(state.kind === 'form' && state.alert?.code, 'save');
    assert.ok(r.announced.some((a) => a.text === 'We couldn’t save your details. Nothing you typed has been lost.'));
  });
});
