// A processor whose code loads on demand: the element's default sandbox processor and the hosted hand-off come with
// its flow chunk (checkout/flow.ts), which the element starts fetching with the session GET. Until the code is in,
// the processor's area keeps the height its fields will take (no layout shift); validate() and pay() await the same
// load. A load that fails (offline) says so in the area, with a retry, and the form keeps everything typed.
import type { CheckoutSession } from '../session/schema.ts';
import type { PaymentProcessor, PayRequest, ProcessorContext } from './processor.ts';

export class DeferredProcessor implements PaymentProcessor {
  private inner: PaymentProcessor | undefined;
  private loading: Promise<PaymentProcessor> | undefined;
  private container: HTMLElement | undefined;
  private context: ProcessorContext | undefined;
  private failure: HTMLElement | undefined;
  private placeholder: HTMLElement | undefined;

  constructor(
    readonly id: string,
    readonly testMode: boolean,
    private readonly load: () => Promise<PaymentProcessor>,
    /** The CSS height the fields will take for a context (e.g. the card fields), kept while they load. */
    private readonly reserve: (context: ProcessorContext) => string = () => '',
  ) {}

  async mount(container: HTMLElement, context: ProcessorContext): Promise<void> {
    this.container = container;
    if (this.inner) return this.inner.mount(container, context);
    this.update(context);
    await this.ready().catch(() => {});
  }

  update(context: ProcessorContext): void {
    this.context = context;
    if (this.inner) return this.inner.update(context);
    if (!this.container || this.failure) return;
    // why a child: the container itself is reset by the checkout's `all: initial !important`. Set through the CSSOM,
    // which a strict CSP (style-src without 'unsafe-inline') allows; the processor's shadow root hides it once mounted.
    this.placeholder ??= this.container.appendChild(document.createElement('div'));
    this.placeholder.style.height = this.reserve(context);
  }

  unmount(): void {
    this.inner?.unmount();
    this.clear();
    this.container = undefined;
  }

  validate(): Promise<void> | void {
    return this.inner ? this.inner.validate() : this.ready().then((inner) => inner.validate());
  }

  focusFirstInvalid(): boolean {
    return this.inner?.focusFirstInvalid() ?? false;
  }

  async pay(request: PayRequest): Promise<CheckoutSession> {
    return (await this.ready()).pay(request);
  }

  reset(): void {
    this.inner?.reset?.();
  }

  /** The loaded processor, mounted into the container it was given; rejects (and says so there) when it cannot load. */
  private ready(): Promise<PaymentProcessor> {
    if (this.inner) return Promise.resolve(this.inner);
    return (this.loading ??= this.load().then(
      async (inner) => {
        this.inner = inner;
        const { container, context } = this;
        this.clear();
        if (container && context) await inner.mount(container, context);
        return inner;
      },
      (error: unknown) => {
        this.loading = undefined;
        this.clear();
        this.showFailure();
        throw error;
      },
    ));
  }

  private clear(): void {
    this.failure?.remove();
    this.placeholder?.remove();
    this.failure = this.placeholder = undefined;
  }

  /** The network error and a retry, as text (the translation's words only). */
  private showFailure(): void {
    const { container, context } = this;
    if (!container || !context || this.failure) return;
    const box = document.createElement('div');
    box.setAttribute('part', 'alert');
    box.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.textContent = context.t.errorNetwork;
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.dataset.action = 'processor-retry';
    retry.textContent = context.t.retry;
    retry.addEventListener('click', () => {
      this.clear();
      this.update(this.context ?? context);
      this.ready().catch(() => {});
    });
    box.append(text, retry);
    container.append(box);
    this.failure = box;
  }
}
