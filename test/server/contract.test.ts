// The protocol's contract suite against the merchant handler, with the sandbox's private API acting as Quaderno
// behind it (sessions and coupons as test/protocol/sandbox-target.ts makes them, as the merchant's server would).
// What the handler does not advertise (coupons, cancel, pay) is checked for its refusal only.
import { after, before } from 'node:test';
import { randomBytes } from 'node:crypto';
import { contractSuite } from '../protocol/contract.js';
import { sandboxBackedTarget } from '../protocol/sandbox-target.js';
import { API_KEY, startHandler, startQuaderno, type Quaderno } from './support.js';

// why not the sandbox's: the handler sends the keys it was configured with, never ones it learns from Quaderno.
const HANDLER_KEYS = { stripePublishableKey: 'pk_test_merchant_handler', paypalClientId: 'merchant-paypal-client' };
let quaderno: Quaderno;
let shop: Awaited<ReturnType<typeof startHandler>>;

before(async () => {
  quaderno = await startQuaderno();
  shop = await startHandler(quaderno.url, { fetch: quaderno.fetch, ...HANDLER_KEYS });
});
after(async () => {
  await shop?.close();
  await quaderno?.close();
});

contractSuite(
  sandboxBackedTarget({
    name: 'merchant handler (sandbox as Quaderno)',
    sandbox: () => quaderno.sandbox,
    apiKey: API_KEY,
    couponPrefix: 'HANDLER',
    permalink: (created) => shop.permalink(created.id),
    // why: a token of the handler's shape that it never issued (signed with no secret of its own).
    unknownPermalink: () => `${shop.url}/checkout/${randomBytes(22).toString('base64url')}`,
    publicKeys: { stripe: HANDLER_KEYS.stripePublishableKey, paypal: HANDLER_KEYS.paypalClientId },
  }),
);
