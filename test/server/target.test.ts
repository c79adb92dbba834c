// The contract-suite target (startHandlerTarget) works as the suite will use it: sessions made in any status, read
// and refused through the handler's permalinks.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browser, startHandlerTarget } from './support.ts';

describe('startHandlerTarget', () => {
  let target: Awaited<ReturnType<typeof startHandlerTarget>>;
  before(async () => {
    target = await startHandlerTarget();
  });
  after(() => target?.close());

  test('a session created in a status reads back through the handler in that status', async () => {
    for (const status of ['pending', 'completed', 'abandoned'] as const) {
      const { id, permalink } = target.createSession({ items: [{ product: '000000' }] }, status);
      assert.ok(permalink.startsWith(`${target.url}/checkout/`));
      const reply = await browser(`${permalink}.json`);
      assert.deepEqual([reply.status, reply.json.id, reply.json.status], [200, id, status]);
      assert.deepEqual(reply.json.capabilities, [...target.capabilities]);
    }
  });
});
