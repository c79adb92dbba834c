// The hosted processor's choice and hand-off, as plain logic: which sessions it takes, and that paying navigates only
// to an http(s) hosted_url (through the element's one navigation helper) and saves nothing itself.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { setNavigator } from '../../src/ui/navigation.js';
import { paysOnHostedPage } from '../../src/processors/factories.js';
import { createHostedProcessor } from '../../src/processors/hosted.js';
import type { PayInput } from '../../src/processors/processor.js';
import type { CheckoutSession } from '../../src/session/schema.js';

const session = (extra: Record<string, unknown>) => ({ id: 1, status: 'pending', items: [], customer: {}, ...extra }) as unknown as CheckoutSession;
const HANDLER = ['update', 'tax_preview', 'tax_id_validation', 'hosted_payment'];

describe('paysOnHostedPage', () => {
  const CASES: Array<[string, Record<string, unknown> | undefined, boolean]> = [
    ["the merchant handler's capabilities", { capabilities: HANDLER, hosted_url: 'https://acme.quadernoapp.com/checkout/session/x' }, true],
    ['hosted_payment and pay: pays in place', { capabilities: [...HANDLER, 'pay'] }, false],
    ['no hosted_payment', { capabilities: ['update', 'pay'] }, false],
    ['no capabilities (the old sandbox)', {}, false],
    ['no session yet', undefined, false],
  ];
  for (const [name, extra, hosted] of CASES) {
    test(name, () => assert.equal(paysOnHostedPage(extra && session(extra)), hosted));
  }
});

describe('the hosted processor pays', () => {
  const visited: string[] = [];
  afterEach(() => {
    setNavigator();
    visited.length = 0;
  });
  const pay = async (extra: Record<string, unknown>) => {
    const hosted = createHostedProcessor();
    assert.equal(hosted.id, 'hosted');
    assert.equal(hosted.testMode, false);
    const mounted = await mountWithoutDom(hosted);
    return mounted.pay({ session: session({ capabilities: HANDLER, ...extra }), method: 'card' } as PayInput);
  };

  test('hands the customer to hosted_url and answers the session unchanged', async () => {
    setNavigator((url) => visited.push(url));
    const url = 'https://acme.quadernoapp.com/checkout/session/abc';
    const outcome = (await pay({ hosted_url: url })) as { status: string; session: CheckoutSession };
    assert.deepEqual(visited, [url]);
    assert.equal(outcome.status, 'confirmed');
    assert.equal(outcome.session.status, 'pending');
  });

  for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', null, undefined]) {
    test(`refuses a hosted_url of ${String(bad)} without navigating`, async () => {
      setNavigator((url) => visited.push(url));
      await assert.rejects(pay({ hosted_url: bad }), { name: 'BadResponseError' });
      assert.deepEqual(visited, []);
    });
  }
});

/** The mounted hosted processor, with a minimal stand-in for the one `document.createElement` it makes. */
async function mountWithoutDom(hosted: ReturnType<typeof createHostedProcessor>) {
  const scope = globalThis as { document?: unknown };
  const had = 'document' in scope;
  const element = () => ({ setAttribute() {}, remove() {}, textContent: '' });
  scope.document ??= { createElement: element };
  try {
    const container = { shadowRoot: { replaceChildren() {} } } as unknown as HTMLElement;
    return await hosted.mount(container, { t: { hostedPaymentNote: 'note' } } as never);
  } finally {
    if (!had) delete scope.document;
  }
}
