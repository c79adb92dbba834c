// The protocol's contract suite against the merchant handler that takes payments inside the page (its Stripe and
// PayPal accounts on the sandbox's API doubles, the sandbox as Quaderno): the payment start's required total and the
// open-payment rule hold here as on the sandbox.
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { contractSuite } from '../../protocol/contract.js';
import { sandboxBackedTarget } from '../../protocol/sandbox-target.js';
import { API_KEY } from '../support.js';
import { startPaypalRig, type PaypalRig } from './paypal-support.js';
import { PUBLISHABLE_KEY } from './support.js';

let rig: PaypalRig;
before(async () => {
  rig = await startPaypalRig();
});
after(() => rig?.close());

contractSuite(
  sandboxBackedTarget({
    name: 'merchant handler taking payments in the page (sandbox as Quaderno, Stripe and PayPal doubles)',
    sandbox: () => rig.quaderno.sandbox,
    apiKey: API_KEY,
    couponPrefix: 'INPAGE',
    permalink: (created) => rig.permalink(created.id),
    unknownPermalink: () => `${rig.url}/checkout/${randomBytes(22).toString('base64url')}`,
    publicKeys: { stripe: PUBLISHABLE_KEY, paypal: 'sandbox-paypal-client' },
    startsPayments: true,
    // why: `pay` is advertised for the payment start; pay.json is the sandbox's simulated payment, which a handler in
    // front of Quaderno has no processor for, so the pay.json cases check its refusal.
    simulatesPayments: false,
    async capture(start) {
      if (start.processor !== 'stripe') return false;
      const confirmed = await rig.stripe.paymentIntents.confirm(start.processor_id, { payment_method: 'pm_card_visa' }).catch(() => undefined);
      return confirmed?.status === 'succeeded';
    },
  }),
);
