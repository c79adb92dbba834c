// What the model carries from state to state (state.ts PageFacts) and what it derives from the state before, in a
// table of action sequences against the real sandbox: focus may move only after the customer acted; a payment this
// page sent is reported once, however often the session is loaded again; quaderno-ready once per model.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckoutModel } from '../../../src/checkout/model/model.js';
import { FULL_CUSTOMER, fill, modelFor, names, sessionBody, useFlowSandbox } from './support.js';

type Step = (model: CheckoutModel) => Promise<void> | void;

const payByCard: Step = async (model) => {
  await fill(model, FULL_CUSTOMER);
  model.selectMethod('card');
  await model.pay();
};
const reload: Step = (model) => model.load(true);
const edit: Step = (model) => {
  model.input('first_name', 'Ada');
  model.blur('first_name');
};

describe('checkout model: what this page did, carried from state to state', () => {
  const env = useFlowSandbox();
  const cases: Array<[name: string, steps: Step[], expect: { acted: boolean; paid: boolean; view: string; events: string[] }]> = [
    ['loaded: nothing done', [], { acted: false, paid: false, view: 'form', events: ['quaderno-ready'] }],
    ['typing is no action: focus stays where the customer is', [edit], { acted: false, paid: false, view: 'form', events: ['quaderno-ready'] }],
    ['a reload: ready is not told again', [reload, reload], { acted: false, paid: false, view: 'form', events: ['quaderno-ready'] }],
    [
      'Pay: acted and paid; complete told once',
      [payByCard],
      { acted: true, paid: true, view: 'completed', events: ['quaderno-ready', 'quaderno-update', 'quaderno-complete'] },
    ],
    [
      'Pay, then the session loaded again (a reconnect): complete is not told twice',
      [payByCard, reload, reload],
      { acted: true, paid: true, view: 'completed', events: ['quaderno-ready', 'quaderno-update', 'quaderno-complete'] },
    ],
    [
      'Pay with an empty form: acted, nothing sent',
      [(model) => model.pay()],
      { acted: true, paid: false, view: 'form', events: ['quaderno-ready'] },
    ],
  ];
  for (const [name, steps, expect] of cases) {
    it(name, async () => {
      const { permalink } = await env().api.create(sessionBody({ customer: name.includes('empty') ? {} : { ...FULL_CUSTOMER } }));
      // why prevented: the redirect to success_url would end the page; the model stays to be loaded again.
      const r = modelFor(permalink!, { prevent: ['quaderno-complete'] });
      await r.model.load();
      for (const step of steps) await step(r.model);
      if (expect.view === 'completed') await r.waitFor('completed');
      const state = r.model.state;
      assert.equal(state.kind, expect.view);
      assert.equal(!!state.acted, expect.acted, 'acted');
      assert.equal(!!state.paid, expect.paid, 'paid');
      assert.deepEqual(names(r.events), expect.events);
    });
  }
});
