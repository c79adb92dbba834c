// Loads the element's flow chunk (flow.ts) once per page; a load that failed (offline) is tried again on the next call.
// The processors that come with it are deferred until it is in (processors/deferred.ts).
import type { PaymentProcessor, ProcessorContext } from '../processors/processor.ts';
import { DeferredProcessor } from '../processors/deferred.ts';

export type ElementFlow = typeof import('./flow.ts');

let loading: Promise<ElementFlow> | undefined;
let loaded: ElementFlow | undefined;

/** The flow chunk, loading it if it is not yet. */
export function loadFlow(): Promise<ElementFlow> {
  return (loading ??= import('./flow.ts').then(
    (flow) => (loaded = flow),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** The flow chunk if it is in, else undefined. */
export function loadedFlow(): ElementFlow | undefined {
  return loaded;
}

/**
 * The sandbox processor's height per method while its code loads: measured in Chromium at the default font size and
 * spacing and a wide widget (card 265 px, PayPal 179 px at 15 px), scaled by the merchant's font size. (Custom
 * properties survive the container's `all: initial`.)
 */
const SANDBOX_HEIGHT: Partial<Record<string, string>> = { card: 'calc(17.66 * var(--quaderno-font-size, 15px))', paypal: 'calc(11.96 * var(--quaderno-font-size, 15px))' };

/** The default processor: the sandbox's, from the flow chunk. */
export function deferredSandbox(): PaymentProcessor {
  return new DeferredProcessor('sandbox', true, () => loadFlow().then((flow) => flow.createSandboxProcessor()), (context: ProcessorContext) => SANDBOX_HEIGHT[context.method ?? ''] ?? '');
}

/** The hosted hand-off, from the flow chunk. */
export function deferredHosted(): PaymentProcessor {
  return new DeferredProcessor('hosted', false, () => loadFlow().then((flow) => new flow.HostedProcessor()));
}
