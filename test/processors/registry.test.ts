// The list the classic-script adapters fill (registry.ts), in Node: every script adds to one global list, in
// whatever order the scripts ran, and the core reads that live list.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { PaymentProcessor } from '../../src/processors/processor.js';
import { REGISTRY_GLOBAL, registeredProcessors, registerProcessor } from '../../src/processors/registry.js';

const scope = globalThis as Record<string, unknown>;
const processor = (id: 'stripe' | 'paypal', method: 'card' | 'paypal'): PaymentProcessor => ({
  id,
  testMode: false,
  methods: [method],
  mount: () => Promise.reject(new Error('not in Node')),
});

describe('classic-script adapter registry', () => {
  afterEach(() => delete scope[REGISTRY_GLOBAL]);

  test('without an adapter script, nothing is registered', () => {
    assert.deepEqual(registeredProcessors(), []);
  });

  test('a second script adds its processor to the same list; a reader from before sees it too', () => {
    const stripe = processor('stripe', 'card');
    const list = registerProcessor(stripe);
    const before = registeredProcessors();
    const paypal = processor('paypal', 'paypal');
    assert.equal(registerProcessor(paypal), list);
    assert.deepEqual(before, [stripe, paypal], 'the live list');
    assert.equal(scope[REGISTRY_GLOBAL], list, 'on the global the core reads');
  });
});
