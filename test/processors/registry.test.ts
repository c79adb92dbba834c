// The registry the classic-script adapters fill (register.ts) and the core reads (registry.ts), in Node: which
// processor an element pays with, whatever order the scripts ran in.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { AdapterProcessor } from '../../src/processors/adapter-processor.ts';
import type { ProcessorAdapter } from '../../src/processors/mount.ts';
import type { PaymentProcessor } from '../../src/processors/processor.ts';
import { registerAdapter } from '../../src/processors/register.ts';
import { coreServices, REGISTRY_GLOBAL, registeredProcessor } from '../../src/processors/registry.ts';
import { createSandboxProcessor } from '../../src/processors/sandbox.ts';

const scope = globalThis as Record<string, unknown>;
const adapter = (id: 'stripe' | 'paypal') => async (): Promise<ProcessorAdapter> => ({ id, mount: async () => Promise.reject(new Error('not in Node')) });

describe('classic-script adapter registry', () => {
  afterEach(() => delete scope[REGISTRY_GLOBAL]);

  test('without an adapter script, an element pays with its configured processor', () => {
    const sandbox = createSandboxProcessor();
    assert.equal(registeredProcessor(sandbox), sandbox);
  });

  test('with one, the default sandbox processor gives way to one adapter processor per element', () => {
    registerAdapter('card', adapter('stripe'));
    const first = createSandboxProcessor();
    const second = createSandboxProcessor();
    const chosen = registeredProcessor(first);
    assert.ok(chosen instanceof AdapterProcessor);
    assert.equal(chosen.id, 'stripe');
    // why: the adapter scripts carry no payment start (no HTTP layer, no zod); the core lends its own.
    assert.equal((chosen as unknown as { services: unknown }).services, coreServices);
    assert.equal(registeredProcessor(first), chosen, 'the same processor on every render: it mounts once');
    assert.notEqual(registeredProcessor(second), chosen, 'each element has its own');
  });

  test('a processor the page set itself is kept', () => {
    registerAdapter('card', adapter('stripe'));
    const own = { id: 'custom' } as PaymentProcessor;
    assert.equal(registeredProcessor(own), own);
  });

  test('a second script adds its method to the same registry; an element created earlier sees it too', () => {
    const registry = registerAdapter('card', adapter('stripe'));
    const element = createSandboxProcessor();
    const earlier = registeredProcessor(element) as unknown as { loaders: object };
    assert.equal(registerAdapter('paypal', adapter('paypal')), registry);
    assert.equal(earlier.loaders, registry.adapters, 'it reads the live registry when a method is chosen');
    assert.deepEqual(Object.keys(registry.adapters).sort(), ['card', 'paypal']);
    assert.equal(scope[REGISTRY_GLOBAL], registry);
  });
});
