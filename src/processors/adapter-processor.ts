// The real processors behind the element's PaymentProcessor interface: one AdapterProcessor over each method's
// adapter loader. Apart from the factories (lazy.ts), so the classic-script adapters (register.ts) carry the class
// without the other adapter's dynamic import; the payment start comes in `AdapterServices`, so they carry no HTTP
// layer either.
import type { CheckoutSession, PaymentMethod } from '../session/schema.ts';
import { sessionTotals } from '../session/money.ts';
import type { Translation } from '../locales/translation.ts';
import { ProcessorPaymentError } from './errors.ts';
import type { PaymentProcessor, PayRequest, ProcessorContext } from './processor.ts';
import type {
  AdapterServices,
  BillingDetails,
  MountedProcessor,
  PayOutcome,
  ProcessorAdapter,
  ProcessorError,
  ProcessorFieldState,
  ProcessorMountContext,
} from './mount.ts';

export type AdapterLoader = () => Promise<ProcessorAdapter>;

/** One method's adapter: its own light-DOM node inside the checkout's container. */
interface Slot {
  node: HTMLElement;
  message: HTMLElement;
  mounted?: MountedProcessor;
  mounting?: Promise<void>;
  state: ProcessorFieldState;
  /** Shown under the fields: a load failure, or incomplete card fields once the field rule says so. */
  error?: ProcessorError;
}

const pending = (): ProcessorFieldState => ({ ready: false, empty: true, complete: false });

/** Stripe for cards and/or PayPal, each adapter loaded on first use. */
export class AdapterProcessor implements PaymentProcessor {
  readonly id: string;
  readonly testMode: boolean;
  private container: HTMLElement | undefined;
  private context: ProcessorContext | undefined;
  private readonly slots = new Map<PaymentMethod, Slot>();
  /** PayPal's own button asked to pay: resolves its `begin()` once the model hands the payment over. */
  private begun: ((go: boolean) => void) | undefined;
  private finishing: { resolve(outcome: PayOutcome): void } | undefined;
  /** The session the latest pay() was handed, saved with the customer's data: the total a payment start confirms. */
  private saved: CheckoutSession | undefined;

  constructor(
    private readonly loaders: Partial<Record<PaymentMethod, AdapterLoader>>,
    /** The payment start, lent by the core (registry.ts) or the npm factories (lazy.ts). */
    private readonly services: AdapterServices,
    options: { testMode?: boolean } = {},
  ) {
    this.id = Object.keys(loaders).map((m) => (m === 'card' ? 'stripe' : m)).join('+');
    this.testMode = options.testMode ?? false;
  }

  async mount(container: HTMLElement, context: ProcessorContext): Promise<void> {
    this.container = container;
    this.update(context);
    await Promise.all([...this.slots.values()].map((slot) => slot.mounting));
  }

  update(context: ProcessorContext): void {
    this.context = context;
    const container = this.container;
    if (!container) return;
    for (const [method, slot] of this.slots) {
      slot.node.hidden = method !== context.method;
      void slot.mounted?.update(this.mountContext(method)).catch(() => {});
      this.showMessage(method, slot);
    }
    const method = context.method;
    if (!method || this.slots.has(method)) return;
    const load = this.loaders[method];
    if (!load) return;
    const node = document.createElement('div');
    node.dataset.processorMethod = method;
    const message = document.createElement('p');
    message.id = `qc-processor-message-${method}`;
    message.setAttribute('role', 'alert');
    message.hidden = true;
    container.append(node, message);
    const slot: Slot = { node, message, state: pending() };
    this.slots.set(method, slot);
    this.report(method, slot.state, false);
    // why: the payment start's module is fetched beside the adapter, not after it (or on PayPal's click), when a
    // bundler made it a chunk of its own: one round trip less before the fields and before PayPal's window.
    slot.mounting = Promise.all([load(), this.services.loadPaymentStart()])
      .then(([adapter]) => adapter.mount(node, this.mountContext(method)))
      .then(
        (mounted) => {
          if (this.slots.get(method) === slot) slot.mounted = mounted;
          else mounted.unmount();
        },
        (error: unknown) => {
          // why: an unavailable processor is shown in place; the billing form around it keeps what was typed.
          const failure = (error as { error?: ProcessorError }).error;
          slot.error = failure ?? { code: 'processor_unavailable', messageKey: 'processorUnavailable' };
          this.showMessage(method, slot);
        },
      );
  }

  unmount(): void {
    for (const slot of this.slots.values()) {
      slot.mounted?.unmount();
      slot.node.remove();
      slot.message.remove();
    }
    this.slots.clear();
    this.container = undefined;
  }

  async validate(): Promise<void> {
    const method = this.context?.method;
    const slot = method && this.slots.get(method);
    if (!slot) return;
    // why: an SDK that checks its own fields (Stripe's elements.submit()) reports their state now; the last change
    // event from its frame may still be on its way.
    await slot.mounted?.validate();
    this.report(method, slot.state, false);
  }

  focusFirstInvalid(): boolean {
    const method = this.context?.method;
    const slot = method && this.slots.get(method);
    if (!slot || slot.message.hidden) return false;
    slot.node.querySelector<HTMLElement>('iframe')?.focus();
    return true;
  }

  async pay({ session, method, client, signal }: PayRequest): Promise<CheckoutSession> {
    const mounted = this.slots.get(method)?.mounted;
    if (!mounted) throw new ProcessorPaymentError('processor_unavailable', 'not_mounted');
    this.saved = session;
    let outcome: PayOutcome;
    if (mounted.ownButton) {
      // why: only the processor's own button pays (PayPal opens its window from the click); the Pay button cannot.
      if (!this.begun) throw new ProcessorPaymentError('payment_incomplete', 'use_own_button');
      const begun = this.begun;
      this.begun = undefined;
      outcome = await new Promise<PayOutcome>((resolve) => {
        this.finishing = { resolve };
        begun(true);
      });
    } else {
      outcome = await mounted.pay({ billing: billingOf(session), returnUrl: location.href });
    }
    if (outcome.status === 'failed') throw new ProcessorPaymentError(outcome.error.code, outcome.error.sdkCode);
    return client.retrieve({ signal });
  }

  reset(): void {
    this.begun?.(false);
    this.begun = undefined;
  }

  private mountContext(method: PaymentMethod): ProcessorMountContext {
    const context = this.context!;
    const host = context.host ?? this.container!;
    return {
      method,
      locale: context.locale,
      currency: sessionTotals(context.session).currency || 'EUR',
      disabled: context.disabled,
      host,
      publicKeys: publicKeysOf(context.session),
      start: async (startMethod, signal) => {
        const startPayment = await this.services.loadPaymentStart();
        // why: the element's permalink is the one its client talks to; the session's own is the fallback.
        const permalink = (host as HTMLElement & { permalink?: string }).permalink || this.context!.session.permalink || '';
        // why the saved session's total: the start now requires a confirmed total; this is the one the server last
        // said for the saved customer (pay() passes the freshly saved session).
        const saved = (this.saved ?? this.context!.session) as { tax?: { total?: unknown } | null };
        const total = typeof saved.tax?.total === 'number' ? saved.tax.total : sessionTotals(this.context!.session).total;
        return startPayment(permalink, startMethod, total, { signal });
      },
      report: (state) => {
        const slot = this.slots.get(method);
        if (!slot) return;
        slot.state = state;
        if (state.error) slot.error = state.error;
        this.report(method, state, true);
      },
      begin: () =>
        new Promise<boolean>((resolve) => {
          this.begun = resolve;
          // why: the model validates and saves the customer, then calls pay(), which says go; when it stops before
          // (an invalid form), its run ends with begin still waiting, and the PayPal window must not open.
          void this.context?.pay?.().finally(() => {
            if (this.begun === resolve) this.begun = undefined;
            resolve(false);
          });
          if (!this.context?.pay) resolve(false);
        }),
      finish: (outcome) => {
        const finishing = this.finishing;
        this.finishing = undefined;
        finishing?.resolve(outcome);
      },
    };
  }

  /** Tells the checkout's field rule about the method's fields (never their values). */
  private report(method: PaymentMethod, state: ProcessorFieldState, changed: boolean): void {
    const invalid = !!state.error || !state.complete;
    this.context?.fields.report(method, { error: invalid ? { key: 'required' } : undefined, touched: !state.empty, dirty: !state.empty }, changed);
    const slot = this.slots.get(method);
    if (slot) this.showMessage(method, slot);
  }

  private showMessage(method: PaymentMethod, slot: Slot): void {
    const context = this.context;
    if (!context) return;
    let key: keyof Translation | undefined;
    if (slot.error?.code === 'processor_unavailable') key = slot.error.messageKey;
    else if (context.fields.errorFor(method)) key = method === 'card' ? 'cardIncomplete' : undefined;
    slot.message.hidden = !key || method !== context.method;
    slot.message.textContent = key ? (context.t[key] as string) : '';
  }
}

/**
 * The session's `processor_public_keys`, only the non-empty strings. why by hand: the element's session parser keeps
 * the protocol's extra fields as they came (like `capabilities`), and a full schema here would grow the core bundle.
 */
function publicKeysOf(session: CheckoutSession): Partial<Record<string, string>> {
  const keys = (session as { processor_public_keys?: unknown }).processor_public_keys;
  if (!keys || typeof keys !== 'object') return {};
  return Object.fromEntries(Object.entries(keys).filter(([, key]) => typeof key === 'string' && key !== ''));
}

/** The customer's billing details from the saved session (Stripe's fields are set never to ask again). */
function billingOf(session: CheckoutSession): BillingDetails {
  const c = session.customer;
  const name = [c.first_name, c.last_name].filter(Boolean).join(' ') || null;
  return {
    name,
    email: c.email || null,
    address: {
      line1: c.billing_street_line_1 || null,
      line2: c.billing_street_line_2 || null,
      city: c.billing_city || null,
      postal_code: c.billing_postal_code || null,
      country: c.billing_country || null,
    },
  };
}
