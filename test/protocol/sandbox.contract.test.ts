// The contract suite against the sandbox, over HTTP on an ephemeral port (sessions and coupons as sandbox-target.ts
// makes them).
import { after, before } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.js';
import { send } from '../helpers/http.js';
import { contractSuite } from './contract.js';
import { sandboxBackedTarget } from './sandbox-target.js';

const API_KEY = 'sk_test_contract';
// why not the defaults: the sessions must carry the keys the sandbox was given.
const PUBLIC_KEYS = { stripePublishableKey: 'pk_test_contract', paypalClientId: 'sb-contract-client' };
let sandbox: RunningSandbox;

before(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, processingDelayMs: 150, processors: PUBLIC_KEYS });
});
after(() => sandbox.close());

contractSuite(
  sandboxBackedTarget({
    name: 'sandbox',
    sandbox: () => sandbox,
    apiKey: API_KEY,
    couponPrefix: 'CONTRACT',
    permalink: (created) => created.permalink,
    unknownPermalink: () => `${sandbox.url}/checkout/session/${'0'.repeat(40)}`,
    publicKeys: { stripe: PUBLIC_KEYS.stripePublishableKey, paypal: PUBLIC_KEYS.paypalClientId },
    startsPayments: true,
    // The simulated Stripe's confirm, as its card fields in the page send it.
    async capture(start) {
      if (start.processor !== 'stripe') return false;
      const reply = await send(`${sandbox.frameUrl}/doubles/stripe/v1/payment_intents/${start.processor_id}/confirm`, {
        method: 'POST',
        body: { client_secret: start.client_secret, card: { number: '4242 4242 4242 4242', expiry: '12/39', cvc: '123' } },
      });
      return reply.status === 200;
    },
    // why: the sandbox stands in for Quaderno's own hosted page, whose ids are the sandbox's dev data; the demo and
    // its tests read them. A merchant's handler hides them unless told otherwise (test/server/contract.test.ts).
    showsSessionId: true,
  }),
);
