// Back from a processor's redirect (resume.ts): the return parameters read from the page's address, in a table, and
// the model resuming against the real sandbox after a redirect-based payment (the simulated Stripe's iDEAL): the
// outcome is followed and shown, and only the payment the address names is claimed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReturn, RETURN_PARAMS } from '../../../src/checkout/model/resume.js';
import { FULL_CUSTOMER, memoryDraft, modelFor, names, sessionBody, SUCCESS_URL, useFlowSandbox } from './support.js';

describe('processor return parameters', () => {
  const cases: Array<[string, string, ReturnType<typeof parseReturn>]> = [
    [
      'Stripe’s three parameters are read and taken away; the rest of the address stays',
      'https://shop.example/pay?plan=pro&payment_intent=pi_1&payment_intent_client_secret=pi_1_secret_x&redirect_status=succeeded#top',
      { paymentId: 'pi_1', cleaned: 'https://shop.example/pay?plan=pro#top' },
    ],
    [
      'a failed redirect names its payment the same way',
      'http://localhost:8080/?redirect_status=failed&payment_intent=pi_2',
      { paymentId: 'pi_2', cleaned: 'http://localhost:8080/' },
    ],
    ['no payment_intent: no return', 'https://shop.example/pay?redirect_status=succeeded', undefined],
    ['an empty payment_intent: no return', 'https://shop.example/pay?payment_intent=', undefined],
    ['not a URL', 'not a url', undefined],
  ];
  for (const [name, href, expected] of cases) {
    it(name, () => assert.deepEqual(parseReturn(href), expected));
  }

  it('names exactly Stripe’s return parameters', () => {
    assert.deepEqual([...RETURN_PARAMS], ['payment_intent', 'payment_intent_client_secret', 'redirect_status']);
  });
});

describe('checkout model: resuming after a redirect-based payment', () => {
  const env = useFlowSandbox();

  /** A session paid through the simulated Stripe's iDEAL up to the bank's answer, as the Stripe.js double does it. */
  async function redirectPaid(passed: boolean) {
    const { api, sandbox } = env();
    const created = await api.create(sessionBody({ payment_methods: ['card'], customer: { ...FULL_CUSTOMER } }));
    const permalink = created.permalink!;
    const post = async (url: string, body: unknown) => {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, json: (await response.json()) as Record<string, any> };
    };
    // why the session's total: the start requires the total the customer confirmed.
    const shown = (await (await fetch(`${permalink}.json`)).json()) as { tax: { total: number } };
    const start = await post(`${permalink}/payment.json`, { method: 'card', total: shown.tax.total });
    assert.equal(start.status, 201);
    const { client_secret: secret, processor_id: paymentId } = start.json as { client_secret: string; processor_id: string };
    const intent = `${sandbox.frameUrl}/doubles/stripe/v1/payment_intents/${paymentId}`;
    const confirmed = await post(`${intent}/confirm`, { client_secret: secret, payment_method_type: 'ideal', return_url: 'https://shop.example/pay' });
    assert.equal(confirmed.json.next_action?.type, 'redirect_to_url');
    await post(`${intent}/authenticate`, { client_secret: secret, passed });
    return { permalink, paymentId, id: created.id! };
  }

  it('authorized: the page that comes back follows the payment to completed and goes on to success_url', async () => {
    const { permalink, paymentId } = await redirectPaid(true);
    const asked: string[] = [];
    const r = modelFor(permalink, { returned: (id) => (asked.push(id), id === paymentId) });
    await r.model.load();
    await r.waitFor('completed');
    assert.deepEqual(asked, [paymentId], 'asked once, for the session’s own payment');
    assert.ok(names(r.events).includes('quaderno-complete'));
    assert.deepEqual(r.navigations, [SUCCESS_URL]);
  });

  it('still processing when the page comes back: processing is shown and polled until the outcome', async () => {
    const { permalink, paymentId, id } = await redirectPaid(true);
    // why: the sandbox settles in 60 ms; a forced `processing` stays so until the test moves it on.
    env().sandbox.store.setStatus(id, 'processing');
    const r = modelFor(permalink, { returned: (payment) => payment === paymentId });
    await r.model.load();
    assert.equal(r.model.state.kind, 'processing');
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(r.model.state.kind, 'processing');
    env().sandbox.store.setStatus(id, 'completed');
    await r.waitFor('completed');
    assert.deepEqual(r.navigations, [SUCCESS_URL]);
  });

  it('an address naming another payment claims nothing: a completed session is shown, with no redirect', async () => {
    const { permalink, id } = await redirectPaid(true);
    // why: a session still processing is followed to its end whoever paid it; this is about a completed one.
    for (let i = 0; i < 100 && env().sandbox.store.getSession(id)?.status !== 'completed'; i++) await new Promise((r) => setTimeout(r, 20));
    const r = modelFor(permalink, { returned: (payment) => payment === 'pi_someone_else' });
    await r.model.load();
    await r.waitFor('completed');
    assert.equal(names(r.events).includes('quaderno-complete'), false);
    assert.deepEqual(r.navigations, []);
  });

  it('failed at the bank: the failed state, with the form restored from the draft', async () => {
    const { permalink, paymentId } = await redirectPaid(false);
    const draft = memoryDraft({ customer: { first_name: 'Grace', billing_city: 'Arlington' }, coupon: 'WELCOME10', method: 'card' });
    const r = modelFor(permalink, { draft, returned: (id) => id === paymentId });
    await r.model.load();
    const state = await r.waitFor('failed');
    assert.equal(state.kind === 'failed' && state.form.values.first_name, 'Grace');
    assert.equal(state.kind === 'failed' && state.form.values.billing_city, 'Arlington');
    assert.equal(state.kind === 'failed' && state.form.method, 'card');
    assert.deepEqual(r.navigations, []);
    assert.ok(draft.saved, 'the draft is kept for the next try');
    r.model.tryAgain();
    assert.equal(r.model.state.kind === 'form' && r.model.state.form.values.first_name, 'Grace');
  });
});
