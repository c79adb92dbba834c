// The checkout model in front of the merchant handler paying inside the page on its Stripe account: the customer's
// details are saved through the handler, the payment is confirmed (as Stripe.js would), the return reads the session,
// and `quaderno-complete` carries the paid invoice's permalink before success_url is followed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ModelProcessor } from '../../../src/checkout/model/types.js';
import { browser } from '../../server/support.js';
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
