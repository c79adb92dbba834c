// The model's actions load on demand (model/flow.ts, the element's flow chunk). These tests hold that load back or
// fail it, as a slow or offline link would, against the real sandbox: the form works meanwhile, nothing is paid
// before the code is in, and a load that fails shows the network error with a retry and keeps everything typed.
// (The Chromium version, against the built chunk, is test/build/flow-chunk.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPublicClient } from '../../../src/api/public.ts';
import * as modelFlow from '../../../src/checkout/model/flow.ts';
import type { ModelFlow } from '../../../src/checkout/model/model.ts';
import en from '../../../src/locales/en.ts';
import { FULL_CUSTOMER, fill, modelFor, names, sessionBody, useFlowSandbox } from './support.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A flow load the test settles: `release()` hands the module over, `fail()` rejects as an offline import does. */
function heldFlow() {
  const calls: Array<{ resolve: (flow: ModelFlow) => void; reject: (error: unknown) => void }> = [];
  return {
    calls,
    load: () => new Promise<ModelFlow>((resolve, reject) => calls.push({ resolve, reject })),
    release: () => calls.at(-1)!.resolve(modelFlow),
    fail: () => calls.at(-1)!.reject(new TypeError('Failed to fetch dynamically imported module: /quaderno-checkout-flow-x.js')),
  };
}

describe('checkout model: the lazily loaded actions', () => {
  const env = useFlowSandbox();
  const create = async () => (await env().api.create(sessionBody())).permalink!;
  // why prefilled: typing a tax input starts a preview, and Pay during one only shows the new total (the model's rule).
  const prefilled = async () => (await env().api.create(sessionBody({ customer: { ...FULL_CUSTOMER, first_name: 'Someone' } }))).permalink!;

  it('the load starts with the session GET; the form is editable before it arrives, and Pay waits for it', async () => {
    const permalink = await prefilled();
    const held = heldFlow();
    const r = modelFor(permalink, { flow: held.load });
    await r.model.load();
    assert.equal(held.calls.length, 1, 'the load started with the GET');
    assert.equal(r.model.state.kind, 'form');
    r.model.input('first_name', 'Ada');
    assert.equal(r.model.state.kind === 'form' && r.model.state.form.values.first_name, 'Ada');
    r.model.selectMethod('card');
    const paying = r.model.pay();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const server = await createPublicClient(permalink).retrieve();
    assert.equal(server.status, 'pending', 'nothing paid yet');
    assert.equal(server.customer.first_name, 'Someone', 'nothing saved yet either');
    assert.deepEqual(names(r.events), ['quaderno-ready']);
    assert.equal(r.model.state.kind, 'form');
    held.release();
    await paying;
    await r.waitFor('completed');
    assert.ok(names(r.events).includes('quaderno-complete'));
  });

  it('a load that fails: Pay shows the network error with a retry, keeps what was typed, and the retry pays', async () => {
    const held = heldFlow();
    const r = modelFor(await prefilled(), { flow: held.load });
    await r.model.load();
    held.fail();
    await tick();
    r.model.input('first_name', 'Ada');
    r.model.selectMethod('card');
    assert.equal(held.calls.length, 2, 'a failed load is tried again (by the edit)');
    held.fail();
    await tick();
    const paying = r.model.pay();
    assert.equal(held.calls.length, 3, 'and again by Pay');
    held.fail();
    await paying;
    const state = r.model.state;
    assert.ok(state.kind === 'form');
    assert.deepEqual(state.kind === 'form' && state.alert, { code: 'network', retry: 'pay' });
    assert.equal(state.kind === 'form' && state.form.values.first_name, 'Ada');
    assert.deepEqual(r.announced.at(-1), { politeness: 'assertive', text: en.errorNetwork });
    assert.equal(r.events.find((e) => e.name === 'quaderno-error')?.detail.code, 'network');
    r.model.retryAlert();
    assert.equal(held.calls.length, 4);
    held.release();
    await r.waitFor('completed');
  });

  it('a load that fails: Apply says so at the coupon field; the form and the code stay', async () => {
    const held = heldFlow();
    const r = modelFor(await create(), { flow: held.load });
    await r.model.load();
    r.model.couponInput('WELCOME10');
    const applying = r.model.applyCoupon();
    held.fail();
    held.fail();
    await applying;
    const state = r.model.state;
    assert.ok(state.kind === 'form');
    assert.equal(state.kind === 'form' && state.form.couponError?.kind === 'request' && state.form.couponError.code, 'network');
    assert.equal(state.kind === 'form' && state.form.couponInput, 'WELCOME10');
    const again = r.model.applyCoupon();
    held.release();
    await again;
    assert.equal(r.model.state.kind === 'form' && r.model.state.session.coupon?.code, 'WELCOME10');
  });

  it('fill() still settles the tax preview once the actions are in', async () => {
    const r = modelFor(await create());
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    const state = r.model.state;
    assert.ok(state.kind === 'form' && state.form.tax && !state.form.tax.updating);
  });
});
