// The hosted processor's choice and hand-off, as plain logic: which sessions it takes, and that paying navigates only
// to an http(s) hosted_url (through the element's one navigation helper) and saves nothing itself.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { setNavigator } from '../../src/ui/navigation.ts';
import { paysOnHostedPage, processorFor } from '../../src/processors/choice.ts';
import { HostedProcessor } from '../../src/processors/hosted.ts';
import { createSandboxProcessor } from '../../src/processors/sandbox.ts';
import type { PayRequest } from '../../src/processors/processor.ts';
import type { CheckoutSession } from '../../src/session/schema.ts';

const session = (extra: Record<string, unknown>) => ({ id: 1, status: 'pending', items: [], customer: {}, ...extra }) as unknown as CheckoutSession;
const HANDLER = ['update', 'tax_preview', 'tax_id_validation', 'hosted_payment'];

describe('processorFor', () => {
  const CASES: Array<[string, Record<string, unknown>, boolean]> = [
    ["the merchant handler's capabilities", { capabilities: HANDLER, hosted_url: 'https://acme.quadernoapp.com/checkout/session/x' }, true],
    ['hosted_payment and pay: pays in place', { capabilities: [...HANDLER, 'pay'] }, false],
    ['no hosted_payment', { capabilities: ['update', 'pay'] }, false],
    ['no capabilities (the old sandbox)', {}, false],
  ];
  for (const [name, extra, hosted] of CASES) {
    test(name, () => {
      const configured = createSandboxProcessor();
      assert.equal(paysOnHostedPage(session(extra)), hosted);
      const chosen = processorFor(session(extra), configured, () => new HostedProcessor());
      assert.equal(chosen.id, hosted ? 'hosted' : 'sandbox');
      assert.equal(processorFor(session(extra), configured, () => new HostedProcessor()), chosen, 'the same instance each time, so it mounts once');
    });
  }
  test('no session yet: the configured processor', () => {
    const configured = createSandboxProcessor();
    assert.equal(processorFor(undefined, configured, () => new HostedProcessor()), configured);
  });
});

describe('HostedProcessor.pay', () => {
  const visited: string[] = [];
  afterEach(() => {
    setNavigator();
    visited.length = 0;
  });
  const pay = (extra: Record<string, unknown>) =>
    new HostedProcessor().pay({ session: session({ capabilities: HANDLER, ...extra }), method: 'card', signal: new AbortController().signal } as unknown as PayRequest);

  test('hands the customer to hosted_url and answers the session unchanged', async () => {
    setNavigator((url) => visited.push(url));
    const url = 'https://acme.quadernoapp.com/checkout/session/abc';
    const answered = await pay({ hosted_url: url });
    assert.deepEqual(visited, [url]);
    assert.equal(answered.status, 'pending');
  });

  for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', null, undefined]) {
    test(`refuses a hosted_url of ${String(bad)} without navigating`, async () => {
      setNavigator((url) => visited.push(url));
      await assert.rejects(pay({ hosted_url: bad }), { name: 'BadResponseError' });
      assert.deepEqual(visited, []);
    });
  }
});
