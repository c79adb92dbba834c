// The domestic-sale rule of the handler's in-page payment start (src/server/payments/index.ts): where a sale inside
// the seller's own country needs the buyer's tax ID (BG, CY, ES, HR, IT, PT), a consumer's personal number is that
// tax ID, not only a VAT number. Each consumer pays by card inside the page and the invoice carries the number;
// without one the start is refused with tax_id_required and no PaymentIntent is made.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DOMESTIC_CONSUMERS } from '../../helpers/domestic-consumers.js';
import { browser } from '../support.js';
import { startInPage, type InPageRig } from './support.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const [country, kind, taxId, postalCode] of DOMESTIC_CONSUMERS) {
  describe(`in-page card payment through the handler, a seller in ${country}`, () => {
    let rig: InPageRig;
    before(async () => {
      rig = await startInPage({ sellerCountry: country });
      rig.quaderno.sandbox.store.taxSettings.update({ home_country: country });
    });
    after(() => rig.close());

    test(`a domestic consumer pays with their ${kind}; without a tax ID the start is refused`, async () => {
      const { id } = rig.session({
        customer: { billing_country: country, billing_postal_code: postalCode, first_name: 'Alex', last_name: 'Doe', email: 'alex@example.com' },
      });
      const refused = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total: await rig.total(id) } });
      assert.equal(refused.status, 422, refused.text);
      assert.equal((refused.json as { field_codes: Record<string, string> }).field_codes.tax_id, 'tax_id_required');

      // The element saves the number through the handler as the customer gives it.
      const saved = await browser(`${rig.permalink(id)}.json`, { method: 'PUT', body: { customer: { tax_id: taxId } } });
      assert.equal(saved.status, 200, saved.text);
      const shown = saved.json as { tax: { total: number; tax_id: { valid: boolean | null } | null; tax_id_required?: boolean } };
      assert.deepEqual([shown.tax.tax_id, shown.tax.tax_id_required], [{ valid: true }, true], 'the personal number is verified, and required here');
      const start = await browser(`${rig.permalink(id)}/payment.json`, { method: 'POST', body: { method: 'card', total: shown.tax.total } });
      assert.equal(start.status, 201, start.text);
      const { processor_id } = start.json as { processor_id: string };
      await rig.stripe.paymentIntents.confirm(processor_id, { payment_method: 'pm_card_visa' });
      let invoices: Array<Record<string, any>> = [];
      for (let i = 0; i < 100 && invoices.length === 0; i++) {
        invoices = (await rig.invoices()).filter((doc) => doc.custom_metadata.checkout_session === String(id));
        if (invoices.length === 0) await wait(20);
      }
      assert.equal(invoices.length, 1, 'one invoice');
      assert.deepEqual([invoices[0]!.contact.tax_id, invoices[0]!.total_cents], [taxId, shown.tax.total]);
      assert.equal(((await browser(`${rig.permalink(id)}.json`)).json as { status: string }).status, 'completed');
    });
  });
}
