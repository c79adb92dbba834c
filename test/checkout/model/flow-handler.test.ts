// The checkout model in front of the merchant handler paying inside the page on its Stripe account: the customer's
// details are saved through the handler, the payment is confirmed (as Stripe.js would), the return reads the session,
// and `quaderno-complete` carries the paid invoice's permalink before success_url is followed. A PayPal capture
// refused on one handler instance while another answers the element's reads still ends with PayPal's words.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProcessorPayments } from '../../../src/checkout/controllers/processor-payments.js';
import type { ModelProcessor } from '../../../src/checkout/model/types.js';
import en from '../../../src/locales/en.js';
import { processorError } from '../../../src/processors/errors.js';
import type { MountedProcessor, PayRequest } from '../../../src/processors/processor.js';
import type { ProtocolSession } from '../../../src/protocol/session.js';
import { browser } from '../../server/support.js';
import { startPaypalRig, type PaypalRig } from '../../server/payments/paypal-support.js';
import { startInPage, type InPageRig } from '../../server/payments/support.js';
import { fill, FULL_CUSTOMER, modelFor, names } from './support.js';

describe('checkout model: paying in the page through the merchant handler', () => {
  let rig: InPageRig;
  before(async () => {
    rig = await startInPage();
  });
  after(() => rig.close());

  it('completes with the invoice permalink in quaderno-complete, then follows success_url', async () => {
    const { id } = rig.session({ customer: {} });
    const permalink = rig.permalink(id);
    const processor: ModelProcessor & { resets: number } = {
      resets: 0,
      async pay({ session, client, signal }) {
        const total = (session as unknown as { tax: { total: number } }).tax.total;
        const start = await browser(`${permalink}/payment.json`, { method: 'POST', body: { method: 'card', total } });
        assert.equal(start.status, 201, start.text);
        await rig.stripe.paymentIntents.confirm((start.json as { processor_id: string }).processor_id, { payment_method: 'pm_card_visa' });
        return client.retrieve({ signal });
      },
      reset() {
        this.resets++;
      },
    };
    const r = modelFor(permalink, { processor });
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    r.model.selectMethod('card');
    await r.model.pay();
    assert.equal(r.model.state.kind, 'completed');
    assert.deepEqual(names(r.events), ['quaderno-ready', 'quaderno-update', 'quaderno-complete']);
    const invoices = (await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id));
    assert.equal(invoices.length, 1);
    assert.equal(r.events.at(-1)!.detail.invoicePermalink, invoices[0]!.permalink);
    assert.deepEqual(r.navigations, ['https://shop.example/thanks']);
  });
});

describe('checkout model: a PayPal capture refused while another handler instance answers the reads', () => {
  let rig: PaypalRig;
  before(async () => {
    rig = await startPaypalRig({}, false);
  });
  after(() => rig.close());

  it("follows the session through processing back to pending and shows PayPal's words, with PayPal's decline code; a reload says them too", async () => {
    const { id } = rig.paypalSession({ customer: {} });
    const permalink = rig.permalink(id);
    // Instance A beside the served instance B, on one store: the customer's read after approval reaches A, whose
    // capture is held at PayPal's door until B has answered the element.
    const { handler: a, capturing, release } = rig.instanceHoldingCaptures();
    // The element's payment glue as the PayPal adapter drives it: its button's click, the order start, the approval.
    let running: Promise<void> | undefined;
    const payments = new ProcessorPayments({ session: () => undefined, permalink: () => permalink, pay: () => (running = r.model.pay()) });
    const button: MountedProcessor = {
      ownButton: true,
      update: () => undefined,
      validate: () => null,
      pay: async () => ({ status: 'failed', error: processorError('payment_incomplete', 'paypalUseButton') }),
      unmount: () => undefined,
    };
    const processor = { resets: 0, pay: (request: PayRequest) => payments.pay(button, request), unpaid: (session: ProtocolSession) => payments.unpaid(session) };
    const r = modelFor(permalink, { processor });
    await r.model.load();
    await fill(r.model, FULL_CUSTOMER);
    r.model.selectMethod('paypal');
    assert.equal(await payments.begin(), true, 'the form is accepted and saved');
    const start = await payments.start('paypal');
    assert.equal(start.processor, 'paypal');
    const orderId = (start as { order_id: string }).order_id;
    await rig.approve(orderId, 'declined');
    const throughA = a(new Request(`${permalink}.json`, { headers: { Accept: 'application/json' } }));
    await capturing;
    payments.finish({ status: 'confirmed', processorId: orderId, unpaid: processorError('payment_declined', 'paypalFailed', 'capture_declined') });
    await r.waitFor('processing');
    release();
    assert.equal(((await (await throughA).json()) as { status: string }).status, 'pending');
    await running;
    const state = r.model.state;
    assert.equal(state.kind, 'form');
    assert.deepEqual(state.kind === 'form' && [state.alert?.code, state.alert?.messageKey, state.busy], ['payment_declined', 'paypalFailed', undefined]);
    assert.deepEqual(r.views.slice(-2), ['processing', 'form']);
    assert.equal(r.announced.at(-1)?.text, en.paypalFailed);
    const error = r.events.find((e) => e.name === 'quaderno-error');
    assert.equal(error?.detail.code, 'payment_declined');
    assert.match(error?.detail.message, /INSTRUMENT_DECLINED/, "PayPal's decline code, from the session's last_payment_error");
    assert.equal((await rig.invoicesOf(id)).length, 0);

    // The page reloaded after the refusal (a fresh model, reading through the served instance) still says why.
    const reloaded = modelFor(permalink, { processor: { resets: 0, pay: () => Promise.reject(new Error('not paid here')) } });
    await reloaded.model.load();
    const shown = reloaded.model.state;
    assert.deepEqual(shown.kind === 'form' && [shown.alert?.code, shown.alert?.messageKey], ['payment_declined', 'paypalFailed']);
    assert.equal(reloaded.announced.at(-1)?.text, en.paypalFailed);
  });
});
