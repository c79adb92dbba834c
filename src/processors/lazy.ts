// One helper for a processor whose code is a chunk of its own (`import()`), fetched on its first mount: the sandbox
// processor, the hosted hand-off, and the Stripe and PayPal adapters. Until the code is in, the processor's area keeps
// the height its fields will take (no layout shift); a load that fails rejects the mount, which the element shows in
// place with a retry, and the next mount loads again.
import type { PaymentMethod } from '../session/schema.js';
import type { PaymentProcessor } from './processor.js';

export interface LazyProcessorInfo {
  id: string;
  testMode: boolean;
  methods?: readonly PaymentMethod[];
  /** PaymentProcessor's `startsPayments`. */
  startsPayments?: boolean;
  /** The CSS height the fields will take for a method, kept while the code loads. */
  reserve?: (method: PaymentMethod) => string;
}

/** A processor whose code `load` fetches on first mount; what the element needs before that comes from `info`. */
export function lazyProcessor(info: LazyProcessorInfo, load: () => Promise<PaymentProcessor>): PaymentProcessor {
  let loading: Promise<PaymentProcessor> | undefined;
  const { reserve, ...known } = info;
  const fetchCode = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return {
    ...known,
    preload() {
      fetchCode().catch(() => {});
    },
    async mount(container, context) {
      // why a child: set through the CSSOM, which a strict CSP (style-src without 'unsafe-inline') allows; the
      // processor's own content replaces it once mounted.
      const placeholder = container.appendChild(document.createElement('div'));
      placeholder.style.height = reserve?.(context.method) ?? '';
      try {
        const inner = await fetchCode();
        placeholder.remove();
        return await inner.mount(container, context);
      } catch (error) {
        placeholder.remove();
        throw error;
      }
    },
  };
}
