// The open payment record (src/sandbox/store/open-payment.ts) without HTTP: what no simulated processor can be made
// to report on demand (a capture for another amount), and the record's own bookkeeping.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SandboxStore } from '../../../src/sandbox/store/index.js';
import type { ProcessorPayment } from '../../../src/sandbox/store/open-payment.js';

function setup() {
  const store = new SandboxStore({ seed: false, processingDelayMs: 1000 });
  const voided: ProcessorPayment[] = [];
  store.payments.processors = { void: ({ processor, processor_id }) => void voided.push({ processor, processor_id }), voidAllBut: () => {} };
  const session = store.createSession({ billing_details_collection: 'auto', items: [{ name: 'Plan', amount: 1000, currency: 'EUR' }], customer: { billing_country: 'DE' } });
  let seq = 0;
  const start = () =>
    store.startProcessorPayment(session.token, { method: 'card', total: 1190 }, () => ({ processor: 'stripe', processor_id: `pi_${++seq}` }));
  return { store, session, voided, start };
}

describe('the open payment record', () => {
  test('a start records the customer’s tax inputs, the tax and the confirmed total; a second start voids the first', () => {
    const { store, session, voided, start } = setup();
    const first = start();
    assert.deepEqual([first.total, first.currency, first.inputs.billing_country, first.tax.total], [1190, 'EUR', 'DE', 1190]);
    const second = start();
    assert.deepEqual(voided, [{ processor: 'stripe', processor_id: first.processor_id }]);
    assert.equal(session.internal.openPayment, second);
    store.close();
  });

  test('a capture for another amount than the record is refused, voids the record and records nothing', () => {
    const { store, session, voided, start } = setup();
    const record = start();
    const accepted = store.settleProcessorPayment(session.token, { ...record, amount: 1270, currency: 'EUR', result: 'succeeded' });
    assert.equal(accepted, false);
    assert.deepEqual([session.status, session.internal.openPayment, session.internal.paidTax], ['pending', null, null]);
    assert.deepEqual(voided, [{ processor: 'stripe', processor_id: record.processor_id }]);
    store.close();
  });

  test('a capture of exactly the record settles it: the session’s tax is the record’s, even if the settings change', () => {
    const { store, session, start } = setup();
    const record = start();
    assert.equal(store.settleProcessorPayment(session.token, { ...record, amount: 1190, currency: 'eur', result: 'succeeded' }), true);
    store.taxSettings.update({ home_country: 'ES' });
    assert.deepEqual([session.status, store.taxOf(session)], ['processing', record.tax]);
    assert.equal(store.settleProcessorPayment(session.token, { ...record, amount: 1190, currency: 'EUR', result: 'succeeded' }), false, 'never twice');
    store.close();
  });
});
