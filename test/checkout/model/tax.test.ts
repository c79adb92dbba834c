// The tax preview and the total the customer pays, through the model against the real sandbox over HTTP: one
// debounced request per change, a cache per input, a fault that falls back to the session's tax, and a pay that
// sends the total shown and asks again when the server's differs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckoutState } from '../../../src/checkout/model/state.js';
import { needsOf, requiredNow, validateNow } from '../../../src/checkout/model/billing-rule.js';
import { shownTax, taxIdState, taxQuery } from '../../../src/checkout/model/tax.js';
import { startFaultServer } from '../../helpers/fault-server.js';
import { FULL_CUSTOMER, fill, modelFor, sessionBody, useFlowSandbox, type Recorded } from './support.js';

const tokenOf = (permalink: string) => new URL(permalink).pathname.split('/').pop()!;
type FormView = Extract<CheckoutState, { kind: 'form' }>;

function formOf(r: Recorded): FormView {
  const state = r.model.state;
  assert.equal(state.kind, 'form');
  return state as FormView;
}

/** Resolves once the preview settled (nothing pending: no timer, no request), checked every 10 ms. */
async function settled(r: Recorded, timeout = 3000): Promise<FormView> {
  const start = Date.now();
  // why: past the debounce first, so a preview that has not started yet is not taken for a settled one.
  await new Promise((resolve) => setTimeout(resolve, 350));
  while (Date.now() - start < timeout) {
    const state = r.model.state;
    if (state.kind === 'form' && !state.form.tax?.updating) return state;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the tax preview did not settle');
}

describe('checkout model: tax preview against the sandbox', () => {
  const env = useFlowSandbox();
  const start = async (customer: Record<string, string> = { billing_country: 'DE' }) => {
    const { api, sandbox } = env();
    const permalink = (await api.create(sessionBody({ billing_details_collection: 'auto', customer }))).permalink!;
    const r = modelFor(permalink);
    await r.model.load();
    const previews = () => sandbox.faults!.seen.filter((s) => s.path.includes(tokenOf(permalink)) && s.path.endsWith('/tax.json')).length;
    return { r, permalink, previews };
  };

  it("shows the session's tax first: MwSt. 19 % for a German customer, the total with it", async () => {
    const { r } = await start();
    const tax = shownTax(formOf(r).session, undefined);
    assert.equal(tax?.lines[0]?.name, 'MwSt.');
    assert.equal(tax?.lines[0]?.rate, 19);
    assert.equal(tax?.total, 2600 + 494);
  });

  it("reads the session's tax as the client parsed it: the same object on every read, never parsed again", async () => {
    const { r } = await start();
    const { session } = formOf(r);
    assert.ok(session.tax, 'the sandbox sends a tax');
    assert.equal(shownTax(session, undefined), session.tax);
    assert.equal(shownTax(session, undefined), shownTax(session, undefined));
  });

  it('changing the country updates the tax with one request', async () => {
    const { r, previews } = await start();
    r.model.input('billing_country', 'FR');
    const during = formOf(r).form.tax;
    assert.equal(during?.updating, true, 'marked as updating meanwhile');
    assert.equal(during?.summary, undefined, "no preview yet: the session's figures stay");
    const state = await settled(r);
    const tax = shownTax(state.session, state.form.tax);
    assert.equal(tax?.lines[0]?.name, 'TVA');
    assert.equal(tax?.total, 2600 + 520);
    assert.equal(previews(), 1);
  });

  it('typing a postal code fast sends one request', async () => {
    const { r, previews } = await start({ billing_country: 'US' });
    assert.deepEqual(shownTax(formOf(r).session, undefined)?.needs, ['postal_code']);
    for (const typed of ['9', '90', '902', '9021', '90210']) r.model.input('billing_postal_code', typed);
    const state = await settled(r);
    assert.equal(previews(), 1);
    assert.deepEqual(shownTax(state.session, state.form.tax)?.needs, []);
  });

  it('a cached input sends no request and shows at once', async () => {
    const { r, previews } = await start();
    r.model.input('billing_country', 'FR');
    await settled(r);
    r.model.input('billing_country', 'IT');
    await settled(r);
    assert.equal(previews(), 2);
    r.model.input('billing_country', 'FR');
    const state = formOf(r);
    assert.equal(state.form.tax?.updating, false, 'from the cache, at once');
    assert.equal(shownTax(state.session, state.form.tax)?.lines[0]?.name, 'TVA');
    await settled(r);
    assert.equal(previews(), 2);
  });

  it('a stale preview is aborted: only the last input is shown', async () => {
    const { r, permalink } = await start();
    env().sandbox.faults!.add({ kind: 'delay', delayMs: 600, token: tokenOf(permalink), path: '/tax.json' });
    r.model.input('billing_country', 'FR');
    await new Promise((resolve) => setTimeout(resolve, 400));
    r.model.input('billing_country', 'IT');
    const state = await settled(r, 4000);
    assert.equal(shownTax(state.session, state.form.tax)?.lines[0]?.name, 'IVA');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(shownTax(formOf(r).session, formOf(r).form.tax)?.lines[0]?.name, 'IVA', 'the slow French answer never lands');
  });

  it('the tax ID check rides on the preview: valid gives the reverse charge, null the standard rate', async () => {
    const { r, previews } = await start();
    r.model.input('tax_id', 'DE136695976');
    let state = await settled(r);
    assert.equal(taxIdState(taxQuery(state.form.values), state.form.tax, undefined), 'valid');
    assert.equal(shownTax(state.session, state.form.tax)?.status, 'reverse_charge');
    r.model.input('billing_country', 'IE');
    r.model.input('tax_id', 'IE222222222');
    state = await settled(r);
    assert.equal(taxIdState(taxQuery(state.form.values), state.form.tax, undefined), 'unverified');
    assert.equal(shownTax(state.session, state.form.tax)?.lines[0]?.rate, 23);
    r.model.input('tax_id', 'DE111111111');
    r.model.input('billing_country', 'DE');
    state = await settled(r);
    assert.equal(taxIdState(taxQuery(state.form.values), state.form.tax, undefined), 'invalid');
    assert.equal(previews(), 3, 'one request per settled input, no separate check');
  });

  it('Pay while the preview of a new country is on its way: nothing is sent, the new total shows, and the next Pay confirms exactly it', async () => {
    const { r, permalink } = await start();
    const { sandbox } = env();
    const confirmed: number[] = [];
    const pay = r.processor.pay;
    r.processor.pay = (request) => {
      confirmed.push(request.total);
      return pay(request);
    };
    await fill(r.model, FULL_CUSTOMER);
    r.model.selectMethod('card');
    assert.equal(shownTax(formOf(r).session, formOf(r).form.tax)?.total, 3094, 'German VAT on the button');
    // why the delay: the preview is still on its way when Pay is pressed (a loaded machine).
    sandbox.faults!.add({ kind: 'delay', token: tokenOf(permalink), path: '/tax.json', delayMs: 400 });
    const sent = () => sandbox.faults!.seen.filter((s) => s.path.includes(tokenOf(permalink)) && s.method !== 'GET').length;
    const before = sent();
    r.model.input('billing_country', 'FR');
    r.model.input('billing_postal_code', '75001');
    r.model.input('billing_city', 'Paris');
    await r.model.pay();
    const state = formOf(r);
    assert.equal(state.alert?.code, 'payment_total_changed', 'asked again');
    assert.equal(sent(), before, 'no save and no payment for the total that was on the button');
    assert.deepEqual(confirmed, []);
    assert.equal(shownTax(state.session, state.form.tax)?.total, 3120, 'the French total shows');
    await r.model.pay();
    await r.waitFor('completed');
    assert.deepEqual(confirmed, [3120], 'the processor was handed the total shown');
    const body = (await (await fetch(`${permalink}.json`)).json()) as { charged?: { amount_cents: number } };
    assert.equal(body.charged?.amount_cents, 3120);
  });

  for (const fault of [{ kind: 'status', status: 500 }, { kind: 'drop' }, { kind: 'malformed' }] as const) {
    it(`${fault.kind} on the preview: the session's tax shows, the form stays usable, and the pay asks again for the real total`, async () => {
      const { r, permalink } = await start();
      const { sandbox } = env();
      // why several: the client retries a failed GET; the preview must fail for good to fall back.
      sandbox.faults!.add({ ...fault, token: tokenOf(permalink), path: '/tax.json', times: 10 });
      await fill(r.model, { ...FULL_CUSTOMER, billing_country: 'FR', billing_postal_code: '75001', billing_city: 'Paris' });
      let state = await settled(r);
      assert.equal(state.form.tax, undefined, 'the failed preview is dropped');
      assert.equal(shownTax(state.session, undefined)?.total, 3094, "the session's (German) total shows");
      r.model.selectMethod('card');
      await r.model.pay();
      state = formOf(r);
      assert.equal(state.alert?.code, 'payment_total_changed', 'the German total is refused: the French one was never shown');
      assert.equal(shownTax(state.session, state.form.tax)?.total, 3120, 'the new total shows');
      assert.ok(r.announced.some((a) => a.text === 'The total has changed. Check the new amount and pay again.'));
      await r.model.pay();
      await r.waitFor('completed');
      const body = (await (await fetch(`${permalink}.json`)).json()) as { charged?: { amount_cents: number } };
      assert.equal(body.charged?.amount_cents, 3120, 'charged what was shown the second time');
    });
  }
});

describe('billing_details_collection auto: only what the tax needs', () => {
  const env = useFlowSandbox();
  const required = (r: Recorded) => {
    const { session, form } = formOf(r);
    return ['billing_postal_code', 'billing_street_line_1', 'billing_city'].filter((f) => requiredNow(f as never, needsOf(session, form)));
  };

  it('the postal code only for US/CA, the invoice address once a valid tax ID is given', async () => {
    const permalink = (await env().api.create(sessionBody({ billing_details_collection: 'auto', customer: { billing_country: 'DE' } }))).permalink!;
    const r = modelFor(permalink);
    await r.model.load();
    assert.deepEqual(required(r), [], 'a German customer: the country is enough');
    r.model.input('billing_country', 'US');
    await r.model.settleTax();
    assert.deepEqual(required(r), ['billing_postal_code']);
    r.model.input('billing_country', 'DE');
    r.model.input('tax_id', 'DE136695976');
    await r.model.settleTax();
    assert.deepEqual(required(r), ['billing_postal_code', 'billing_street_line_1', 'billing_city'], 'reverse charge: a full invoice address');
  });

  it('a domestic sale in Spain asks for the tax ID and Pay is blocked by a field error until it is given', async () => {
    const customer = { email: 'ana@example.com', first_name: 'Ana', last_name: 'García', billing_country: 'ES' };
    const permalink = (await env().api.create(sessionBody({ billing_details_collection: 'auto', customer }))).permalink!;
    const r = modelFor(permalink);
    await r.model.load();
    const taxIdRequired = () => requiredNow('tax_id', needsOf(formOf(r).session, formOf(r).form));
    assert.equal(taxIdRequired(), true, "the session's tax says so for the saved Spanish customer");
    r.model.selectMethod('card');
    await r.model.pay();
    assert.deepEqual(validateNow(needsOf(formOf(r).session, formOf(r).form)).tax_id, { key: 'taxIdRequired' });
    assert.equal(formOf(r).busy, undefined, 'nothing was sent');
    assert.ok(r.announced.some((a) => a.text === 'Please correct 1 field.'), JSON.stringify(r.announced));
    r.model.input('billing_country', 'FR');
    await r.model.settleTax();
    assert.equal(taxIdRequired(), false, 'a French customer of a Spanish seller: optional');
    r.model.input('billing_country', 'ES');
    await r.model.settleTax();
    assert.equal(taxIdRequired(), true, 'back in Spain, from its preview');
    r.model.input('tax_id', 'ESA58818501');
    await r.model.settleTax();
    assert.equal(validateNow(needsOf(formOf(r).session, formOf(r).form)).tax_id, undefined, 'given: no error left');
  });

  it('required mode keeps asking for everything', async () => {
    const permalink = (await env().api.create(sessionBody({ customer: { billing_country: 'DE' } }))).permalink!;
    const r = modelFor(permalink);
    await r.model.load();
    assert.deepEqual(required(r), ['billing_postal_code', 'billing_street_line_1', 'billing_city']);
  });
});

describe('checkout model: a session whose tax is malformed', () => {
  // why a scripted server: no sound server sends a malformed tax, and the sandbox cannot be told to.
  it('fails the load at the client with bad_response: the error view and quaderno-error, never a form without its tax', async () => {
    const env = await startFaultServer();
    try {
      const body = {
        status: 'pending',
        items: [{ name: 'Plan', amount: 2600, currency: 'EUR', quantity: 1 }],
        capabilities: ['update', 'pay', 'tax_preview'],
        tax: { currency: 'EUR', subtotal: 2600, discount: 0, tax: 494, total: '30.94', lines: [], status: 'taxable', needs: [], tax_id: null },
      };
      env.queue({ status: 200, body });
      const r = modelFor(`${env.url}/checkout/session/abc123`);
      await r.model.load();
      assert.equal(r.model.state.kind, 'error');
      assert.equal(r.model.state.kind === 'error' && r.model.state.code, 'bad_response');
      assert.deepEqual(r.events.filter((e) => e.name === 'quaderno-error').map((e) => e.detail.code), ['bad_response']);
    } finally {
      await env.close();
    }
  });
});
