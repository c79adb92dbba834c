// A Material-Web-style harness: tests drive <quaderno-checkout> through intent (fill, submit, applyCoupon…)
// so markup can change without rewriting them.
import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/quaderno-checkout.js';
import type { QuadernoCheckout } from '../../src/checkout/checkout.component.js';
import type { CheckoutView } from '../../src/checkout/checkout.component.js';
import { QUADERNO_EVENTS } from '../../src/checkout/events.js';
import type { PaymentMethod } from '../../src/session/schema.js';
import type { BillingField } from '../../src/locales/translation.js';

// why: the globals web-test-runner's mocha provides, re-exported so suites import them like any helper.
type Done = (error?: unknown) => void;
type TestFn = (this: { timeout(ms: number): void }, done: Done) => void | Promise<unknown>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: TestFn): void;
  beforeEach(body: TestFn): void;
  afterEach(body: TestFn): void;
  before(body: TestFn): void;
  after(body: TestFn): void;
}
const mocha = globalThis as unknown as MochaGlobals;
export const describe = (title: string, body: () => void) => mocha.describe(title, body);
export const it = (title: string, body: TestFn) => mocha.it(title, body);
export const beforeEach = (body: TestFn) => mocha.beforeEach(body);
export const afterEach = (body: TestFn) => mocha.afterEach(body);

/** Fields the harness can fill: billing fields, the sandbox card fields, and the coupon. */
export type HarnessField = BillingField | 'card_number' | 'card_expiry' | 'card_cvc' | 'coupon';

const ADDRESS = new Set<HarnessField>(['billing_street_line_1', 'billing_street_line_2', 'billing_city']);

/** Resolves when `check` is truthy; fails with `describe()` after `timeout` ms. */
export async function waitUntil<T>(check: () => T, message: () => string, timeout = 5000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms: ${message()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export class CheckoutHarness {
  constructor(readonly element: QuadernoCheckout) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** The processor's own shadow root, on the light-DOM container the element slots in (when one is mounted). */
  get processorRoot(): ShadowRoot | null {
    // why: inside shadow roots the container sits at the outermost host, relayed by slots (src/processors/light-dom.ts).
    const slot = this.root.querySelector<HTMLSlotElement>('slot[name="processor"]');
    const container = slot?.assignedElements({ flatten: true })[0] ?? this.element.querySelector(':scope > [slot="processor"]');
    return container?.shadowRoot ?? null;
  }

  /** The first match in the element's shadow root, else in the processor's. */
  $<E extends Element = HTMLElement>(selector: string): E | null {
    return this.root.querySelector<E>(selector) ?? this.processorRoot?.querySelector<E>(selector) ?? null;
  }

  $$<E extends Element = HTMLElement>(selector: string): E[] {
    return [...this.root.querySelectorAll<E>(selector), ...(this.processorRoot?.querySelectorAll<E>(selector) ?? [])];
  }

  /** The element's current view (`data-state` of the base part). */
  state(): CheckoutView | undefined {
    return this.$('[part="base"]')?.dataset.state as CheckoutView | undefined;
  }

  /** Waits for a view. */
  async waitFor(state: CheckoutView, timeout = 5000): Promise<void> {
    await waitUntil(
      () => this.state() === state,
      () => `state ${state}, but it is ${this.state()} (${this.text().slice(0, 200)})`,
      timeout,
    );
    await this.element.updateComplete;
  }

  /** Visible text of the element, collapsed. */
  text(): string {
    // why: the processor's fields are slotted from its own shadow root, which the base's innerText does not reach.
    const processor = this.processorRoot?.querySelector<HTMLElement>('.processor-fields')?.innerText ?? '';
    return `${this.root.querySelector<HTMLElement>('[part="base"]')?.innerText ?? ''} ${processor}`.replace(/\s+/g, ' ').trim();
  }

  control(field: HarnessField): HTMLInputElement | HTMLSelectElement | null {
    return this.$<HTMLInputElement | HTMLSelectElement>(`#qc-${field}`);
  }

  /** Types a value into a field: input events, then blur (the field is touched and dirty). */
  async fill(field: HarnessField, value: string): Promise<void> {
    if (!this.control(field) && ADDRESS.has(field)) await this.click('[data-action="open-address"]');
    const control = this.control(field);
    if (!control) throw new Error(`No field ${field} in state ${this.state()}`);
    control.focus();
    control.value = value;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
    control.dispatchEvent(new FocusEvent('blur'));
    await this.element.updateComplete;
  }

  /** Fills several fields in order. */
  async fillAll(values: Partial<Record<HarnessField, string>>): Promise<void> {
    for (const [field, value] of Object.entries(values)) await this.fill(field as HarnessField, value!);
  }

  value(field: HarnessField): string | undefined {
    return this.control(field)?.value;
  }

  /** The error text shown for a field ('' when none). */
  errorFor(field: HarnessField | 'method'): string {
    return (this.$(`#qc-${field}-error`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  async click(selector: string): Promise<void> {
    const target = this.$(selector);
    if (!target) throw new Error(`Nothing matches ${selector} in state ${this.state()}`);
    target.click();
    await this.element.updateComplete;
  }

  async chooseMethod(method: PaymentMethod): Promise<void> {
    await this.click(`#qc-method-${method}`);
  }

  async choosePaypal(outcome: 'approve' | 'decline'): Promise<void> {
    // why: as fillCard, the sandbox's PayPal choice shows once the flow chunk is in.
    await waitUntil(() => !!this.$(`#qc-paypal-${outcome}`), () => `the PayPal choice to show (${this.text().slice(0, 200)})`);
    await this.click(`#qc-paypal-${outcome}`);
  }

  async fillCard(number: string, expiry = '12/39', cvc = '123'): Promise<void> {
    // why: the sandbox processor comes with the flow chunk; a customer types once its fields show.
    await waitUntil(() => !!this.control('card_number'), () => `the card fields to show (${this.text().slice(0, 200)})`);
    await this.fillAll({ card_number: number, card_expiry: expiry, card_cvc: cvc });
  }

  /** The usual set-up before paying: the customer, the card method and a card (the success card by default). */
  async fillCheckout(customer: Partial<Record<HarnessField, string>>, card = '4242424242424242'): Promise<void> {
    await this.fillAll(customer);
    if (this.$('#qc-method-card') && !this.$<HTMLInputElement>('#qc-method-card')!.checked) await this.chooseMethod('card');
    await this.fillCard(card);
  }

  payButton(): HTMLButtonElement | null {
    return this.$<HTMLButtonElement>('[part="pay-button"]');
  }

  /** Clicks Pay (a real submit of the form). */
  async submit(): Promise<void> {
    // why: a customer sees the tax for what they typed before paying; Pay pressed while it updates asks again.
    await waitUntil(() => !this.root.querySelector('.totals[aria-busy="true"]'), () => 'the tax preview to settle');
    const button = this.payButton();
    if (!button) throw new Error(`No pay button in state ${this.state()}`);
    button.click();
    await this.element.updateComplete;
  }

  /** Waits until no request of the form is running (the pay button is enabled again, or the form is gone). */
  async settle(timeout = 5000): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await waitUntil(
      () => this.state() !== 'form' || this.payButton()?.getAttribute('aria-disabled') === 'false',
      () => `the form to be idle (${this.text().slice(0, 200)})`,
      timeout,
    );
    await this.element.updateComplete;
  }

  async applyCoupon(code: string): Promise<void> {
    await this.fill('coupon', code);
    await this.click('[data-action="coupon-apply"]');
    await this.settle();
  }

  async removeCoupon(): Promise<void> {
    await this.click('[data-action="coupon-remove"]');
    await this.settle();
  }

  /** A summary amount as shown: subtotal, discount or total. */
  total(kind: 'subtotal' | 'discount' | 'total'): string | undefined {
    return this.$(`[data-total="${kind}"]`)?.textContent?.trim();
  }

  /** The text of the in-form alert ('' when none). */
  alert(): string {
    return (this.$('[part="alert"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  async retry(): Promise<void> {
    await this.click('[data-action="retry"], [data-action="alert-retry"]');
  }

  async tryAgain(): Promise<void> {
    await this.click('[data-action="try-again"]');
  }

  async cancel(): Promise<void> {
    await this.click('[data-action="cancel"]');
  }

  /** What the polite / assertive live regions say now. */
  announcement(kind: 'polite' | 'assertive' = 'polite'): string {
    return this.$(kind === 'polite' ? '[role="status"]' : '[role="alert"]')?.textContent?.trim() ?? '';
  }

  /** The element focused inside the shadow root. */
  focused(): Element | null {
    return this.root.activeElement ?? this.processorRoot?.activeElement ?? null;
  }
}

export interface Mounted {
  h: CheckoutHarness;
  el: HTMLElementTagNameMap['quaderno-checkout'];
  /** Every quaderno-* event the element dispatched, in order. */
  events: CustomEvent[];
}

/**
 * Mounts the element with fast polling, listening to every event in QUADERNO_EVENTS before it connects.
 * `timeout` sets the per-request timeout (the fault suites use a short one).
 */
export async function mountCheckout(permalink: string, options: { locale?: string; timeout?: number } = {}): Promise<Mounted> {
  const events: CustomEvent[] = [];
  const el = document.createElement('quaderno-checkout');
  el.setAttribute('permalink', permalink);
  el.setAttribute('locale', options.locale ?? '');
  el.setAttribute('poll-interval', '40');
  if (options.timeout !== undefined) el.setAttribute('timeout', String(options.timeout));
  for (const name of QUADERNO_EVENTS) el.addEventListener(name, (e) => events.push(e as CustomEvent));
  await fixture(html`${el}`);
  return { h: new CheckoutHarness(el), el, events };
}
