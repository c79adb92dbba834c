// The element's side of the processor contract (processors/processor.ts): it mounts the processor that pays for the
// chosen method into a light-DOM node of its own, tells it what changed, lends it the payment start, and adapts the
// mounted processor to the checkout model's `ModelProcessor` (pay, validate, reset). No processor code lives here.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translation } from '../../locales/translation.js';
import { loadErrorOf, ProcessorPaymentError, type ProcessorError } from '../../processors/errors.js';
import { hostedProcessor, paysOnHostedPage } from '../../processors/factories.js';
import { placeInLightDom } from '../../processors/light-dom.js';
import type { MountedProcessor, PaymentProcessor, ProcessorChanges, ProcessorContext } from '../../processors/processor.js';
import type { ProcessorData, ProcessorFieldReport, ShownFieldError } from '../../processors/processor.js';
import { registeredProcessors } from '../../processors/registry.js';
import { processorPublicKeys, ProcessorPayments } from './processor-payments.js';
import { sessionTotals } from '../../session/money.js';
import type { CheckoutSession, PaymentMethod } from '../../session/schema.js';
import type { ModelProcessor } from '../model/types.js';
import { renderProcessorFailure } from '../views/processor-failure.js';

/** The slot the processors' light-DOM containers are slotted into. */
export const PROCESSOR_SLOT = 'processor';

/** What the controller reads of the checkout model, and the model actions it calls. */
export interface ProcessorModelView {
  /** While the form shows: its session, the chosen method, whether a payment runs, the processor fields' errors. */
  form(): { session: CheckoutSession; method: PaymentMethod | undefined; disabled: boolean; errors: Record<string, ShownFieldError> } | undefined;
  /** A processor field's report. */
  report(key: string, field: ProcessorFieldReport, changed: boolean): void;
  /** Forgets the processor fields (another processor). */
  reset(): void;
  /** The checkout's Pay, for a processor whose own button pays. */
  pay(): Promise<void>;
}

export interface ProcessorInputs {
  model: ProcessorModelView;
  /** The element's `processor` property. */
  configured(): PaymentProcessor | readonly PaymentProcessor[];
  t(): Translation;
  theme(): string;
  /** The element's permalink (the one its client talks to). */
  permalink(): string;
  /** The customer typed: the inactivity timer starts again. */
  activity(): void;
  /** A processor cannot be used: the element says why in its assertive region. */
  failed(words: (t: Translation) => string): void;
}

/** One processor's light-DOM container (a child of the element, or of its outermost host), and its mount. */
interface Slot {
  processor: PaymentProcessor;
  node: HTMLElement;
  /** Takes out the relay slots that carry the node through the shadow roots around the element. */
  unrelay: () => void;
  mounted?: MountedProcessor;
  mounting?: Promise<void>;
  /** What the mounted processor was last told. */
  sent?: ProcessorData;
  failure?: HTMLElement;
}

const DATA_KEYS = ['method', 'locale', 't', 'theme', 'session', 'currency', 'disabled', 'publicKeys', 'errors'] as const;

/** Whether a processor asks the element for a payment start (`context.start`), so the start's code is worth fetching. */
const startsPayments = (processor: PaymentProcessor) => processor.startsPayments !== false;

export class ProcessorController implements ReactiveController {
  private readonly slots = new Map<PaymentProcessor, Slot>();
  private hosted: PaymentProcessor | undefined;
  private chosen: Slot | undefined;
  /**
   * Reports that came while the element renders or runs `updated()` (a render that removes a focused field blurs it),
   * applied together in a microtask after it: a change there would schedule another update (Lit's change-in-update).
   */
  private queued: Array<() => void> = [];
  /** True from the element's render to the end of its `updated()`. */
  private rendering = false;
  /** True while reports apply at once: before the render (they join it), and during a validate() the model awaits. */
  private direct = false;
  private readonly payments: ProcessorPayments;
  private preloaded = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly inputs: ProcessorInputs,
  ) {
    host.addController(this);
    this.payments = new ProcessorPayments({
      session: () => this.inputs.model.form()?.session,
      permalink: inputs.permalink,
      pay: () => this.inputs.model.pay(),
    });
  }

  /** What the checkout model drives. */
  readonly model: ModelProcessor = {
    validate: () => this.validate(),
    pay: (request) => {
      const mounted = this.chosen?.mounted;
      if (!mounted) throw new ProcessorPaymentError('processor_unavailable', 'not_mounted');
      return this.payments.pay(mounted, request);
    },
    unpaid: (session) => this.payments.unpaid(session),
    reset: () => {
      this.payments.reset();
      for (const slot of this.slots.values()) slot.mounted?.reset?.();
    },
  };

  /** The processors that pay now: the hosted hand-off where the server offers only that, else the configured ones. */
  private active(session: CheckoutSession | undefined): readonly PaymentProcessor[] {
    if (paysOnHostedPage(session)) return [(this.hosted ??= hostedProcessor())];
    const configured = this.inputs.configured();
    const list = Array.isArray(configured) ? configured : [configured as PaymentProcessor];
    // why: the default sandbox processor gives way to the adapters the page's script tags registered.
    const registered = registeredProcessors();
    return registered.length > 0 && list.length === 1 && list[0]!.id === 'sandbox' ? registered : list;
  }

  private pick(session: CheckoutSession | undefined, method: PaymentMethod | undefined): PaymentProcessor | undefined {
    const list = this.active(session);
    return method ? list.find((p) => !p.methods || p.methods.includes(method)) : list[0];
  }

  /** The chosen method's processor is a test one (the element shows its badge). */
  testMode(session: CheckoutSession | undefined, method: PaymentMethod | undefined): boolean {
    return this.pick(session, method)?.testMode ?? false;
  }

  /** The chosen method's processor pays with its own button: the element hides its Pay button. */
  get ownButton(): boolean {
    return !!this.chosen?.mounted?.ownButton;
  }

  /** Focuses the chosen processor's first invalid field (or its load failure's retry); false when there is none. */
  focusFirstInvalid(): boolean {
    const slot = this.chosen;
    const retry = slot?.failure?.querySelector('button');
    if (retry) retry.focus();
    return !!retry || !!slot?.mounted?.focusFirstInvalid?.();
  }

  hostUpdate(): void {
    this.preload();
    this.direct = true;
    try {
      this.sync();
    } finally {
      this.direct = false;
      this.rendering = true;
    }
  }

  hostUpdated(): void {
    // why a microtask: it runs once the element's own updated() has returned.
    queueMicrotask(() => {
      this.rendering = false;
      this.flush();
    });
  }

  hostDisconnected(): void {
    this.unmountAll();
  }

  /**
   * While the session loads, the configured processors' code (and the payment start an adapter asks for as it mounts)
   * is fetched beside the GET, so the form's payment fields need no second round trip. Once per element: a processor
   * set later loads on its first mount.
   */
  private preload(): void {
    if (this.preloaded || !this.inputs.permalink()) return;
    this.preloaded = true;
    const configured = this.active(undefined);
    for (const processor of configured) processor.preload?.();
    if (configured.some(startsPayments)) this.payments.prefetch();
  }

  /** Mounts the chosen method's processor while the form shows, and tells every mounted one what changed. */
  private sync(): void {
    const form = this.inputs.model.form();
    if (!form) return;
    const active = this.active(form.session);
    if ([...this.slots.keys()].some((p) => !active.includes(p))) this.unmountAll();
    const chosen = this.pick(form.session, form.method);
    for (const slot of this.slots.values()) {
      slot.node.hidden = slot.processor !== chosen;
      this.dress(slot.node);
      if (slot.mounted) this.tell(slot, form);
    }
    if (chosen && form.method && !this.slots.has(chosen)) this.mount(chosen, form.method);
    this.chosen = chosen && this.slots.get(chosen);
  }

  /** The element's theme and language on a container. */
  private dress(node: HTMLElement): void {
    const t = this.inputs.t();
    node.setAttribute('theme', this.inputs.theme());
    // why: the container is a light-DOM child, outside the shadow tree's lang, so the page's language would name the
    // processor's fields.
    node.setAttribute('lang', t.$code);
    node.setAttribute('dir', t.$dir);
  }

  private data(form: NonNullable<ReturnType<ProcessorModelView['form']>>, method: PaymentMethod): ProcessorData {
    const t = this.inputs.t();
    return {
      method,
      locale: t.$code,
      t,
      theme: this.inputs.theme(),
      session: form.session,
      currency: sessionTotals(form.session).currency || 'EUR',
      disabled: form.disabled,
      publicKeys: processorPublicKeys(form.session),
      errors: form.errors,
    };
  }

  /** Gives a mounted processor the data keys that changed since it was last told. */
  private tell(slot: Slot, form: NonNullable<ReturnType<ProcessorModelView['form']>>): void {
    const sent = slot.sent!;
    const method = form.method && (!slot.processor.methods || slot.processor.methods.includes(form.method)) ? form.method : sent.method;
    const next = this.data(form, method);
    const changes: Partial<Record<keyof ProcessorData, unknown>> = {};
    for (const key of DATA_KEYS) {
      const same = key === 'errors' || key === 'publicKeys' ? JSON.stringify(next[key]) === JSON.stringify(sent[key]) : next[key] === sent[key];
      if (!same) changes[key] = next[key];
    }
    slot.sent = next;
    if (Object.keys(changes).length > 0) void Promise.resolve(slot.mounted!.update(changes as ProcessorChanges)).catch(() => {});
  }

  private mount(processor: PaymentProcessor, method: PaymentMethod): void {
    if (startsPayments(processor)) this.payments.prefetch();
    const node = document.createElement('div');
    node.dataset.processor = processor.id;
    this.dress(node);
    const slot: Slot = { processor, node, unrelay: placeInLightDom(this.host, node, PROCESSOR_SLOT) };
    this.slots.set(processor, slot);
    const form = this.inputs.model.form()!;
    const data = this.data(form, method);
    const context: ProcessorContext = {
      ...data,
      host: this.host,
      report: (key, field, changed) => this.report(slot, key, field, changed),
      start: (startMethod, signal) => this.payments.start(startMethod, signal),
      begin: () => this.payments.begin(),
      finish: (outcome) => this.payments.finish(outcome),
    };
    slot.mounting = processor.mount(node, context).then(
      (mounted) => {
        if (this.slots.get(processor) !== slot) return mounted.unmount();
        slot.mounted = mounted;
        slot.sent = data;
        const now = this.inputs.model.form();
        if (now) this.tell(slot, now);
        // why: the element renders again, and reads `ownButton` now that the processor is in.
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.slots.get(processor) === slot) this.showFailure(slot, loadErrorOf(error));
      },
    );
  }

  /** A processor that cannot be used says so in its place, with a retry; the form around it keeps what was typed. */
  private showFailure(slot: Slot, error: ProcessorError): void {
    slot.failure = renderProcessorFailure(slot.node, this.inputs.t(), error, () => void this.retry(slot));
    this.inputs.failed((t) => t[error.messageKey]);
    // why: a failed processor is an invalid field, so Pay stops at it instead of saving a customer it cannot charge.
    this.report(slot, slot.processor.id, { error: { key: 'required' }, touched: true, dirty: true }, false);
  }

  /** Mounts a failed processor again (its retry, or Pay). */
  private retry(slot: Slot): Promise<void> | undefined {
    const method = this.inputs.model.form()?.method;
    if (!method) return undefined;
    this.report(slot, slot.processor.id, { error: undefined, touched: false, dirty: false }, true);
    slot.node.remove();
    slot.unrelay();
    this.slots.delete(slot.processor);
    this.mount(slot.processor, method);
    this.chosen = this.slots.get(slot.processor);
    return this.chosen?.mounting;
  }

  private report(slot: Slot, key: string, field: ProcessorFieldReport, changed: boolean): void {
    if (this.slots.get(slot.processor) !== slot) return;
    const apply = () => {
      if (changed) this.inputs.activity();
      this.inputs.model.report(key, field, changed);
    };
    if (this.direct || !this.rendering) return apply();
    this.queued.push(apply);
  }

  private flush(): void {
    const queued = this.queued;
    this.queued = [];
    for (const apply of queued) apply();
  }

  /** Before a payment: the chosen processor (mounted again once if it failed) reports its fields. */
  private validate(): Promise<void> | void {
    const slot = this.chosen;
    if (slot?.failure) return this.retry(slot)?.then(() => this.check());
    if (slot && !slot.mounted) return slot.mounting?.then(() => this.check());
    return this.check();
  }

  private check(): Promise<void> | void {
    this.flush();
    const mounted = this.chosen?.mounted;
    if (!mounted) return;
    // why at once: the model reads the field state right after a check that is not asynchronous (the sandbox's).
    this.direct = true;
    let checking: ReturnType<MountedProcessor['validate']>;
    try {
      checking = mounted.validate();
    } finally {
      this.direct = false;
    }
    if (checking instanceof Promise) return checking.then(() => this.flush());
  }

  private unmountAll(): void {
    if (this.slots.size === 0) return;
    for (const slot of this.slots.values()) {
      slot.mounted?.unmount();
      // why a fresh container per mount: the next processor (an SDK) never finds the last one's shadow root.
      slot.node.remove();
      slot.unrelay();
    }
    this.slots.clear();
    this.chosen = undefined;
    this.inputs.model.reset();
  }
}
