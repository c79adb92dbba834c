// The framework-free checkout: one state (state.ts), the customer's intents as methods, and the effects (GET, PUT,
// coupon, cancel, pay, poll) run through an injected protocol client. The element renders `state` and does what the
// host callbacks ask (events, announcements, focus, navigation). No Lit and no DOM here: the flow runs in Node.
import { ApiError, ConflictError, TimeoutError, ValidationError } from '../../api/errors.ts';
import type { PublicClient } from '../../api/public.ts';
import { isHttpUrl } from '../../api/urls.ts';
import type { PayRequest } from '../../processors/processor.ts';
import { ADDRESS_FIELDS, isBillingField, validateBilling, type BillingField } from '../../session/fields.ts';
import type { CheckoutSession, PaymentMethod } from '../../session/schema.ts';
import type { DetailOf, QuadernoEventName } from '../events.ts';
import type { FieldError } from '../validation.ts';
import { describeCouponRefusal, refusalOf } from './coupon.ts';
import type { DraftStore } from './draft.ts';
import { delay, Runs } from './run.ts';
import { brokenSession, isPayable } from './session-checks.ts';
import {
  customerBody,
  formErrorCount,
  formOf,
  formTransition,
  initialForm,
  placeSession,
  sessionOf,
  type Busy,
  type CheckoutState,
  type FormEvent,
  type FormState,
  type ProcessorFieldState,
} from './state.ts';
import { errorMessage, type Words } from './words.ts';

/** Where the element should move focus (only ever in answer to the customer). */
export type FocusTarget = 'first-invalid' | 'coupon-input' | 'address';

/** What the model asks of the element that hosts it. */
export interface ModelHost {
  /** The state changed: render it. */
  changed(state: CheckoutState): void;
  /** Dispatches an event; false when a listener prevented a cancelable one. */
  emit<K extends QuadernoEventName>(name: K, detail: DetailOf<K>, cancelable?: boolean): boolean;
  /** Says something in a live region: polite for progress, assertive for errors. */
  announce(politeness: 'polite' | 'assertive', words: Words): void;
  focus(target: FocusTarget): void;
  /** Leaves the page for an http(s) URL (the model checks the scheme first). */
  navigate(url: string): void;
}

/** The part of a payment processor the model drives. */
export interface ModelProcessor {
  /** Starts the payment; resolves with the session the server returned. Throws ApiError. */
  pay(request: PayRequest): Promise<CheckoutSession>;
  /** Reports every field's current state before a payment; a promise when an SDK checks asynchronously. */
  validate?(): Promise<void> | void;
  /** Forgets everything typed (after a completed payment). */
  reset?(): void;
}

export interface ModelOptions {
  /** A factory, so an invalid permalink fails inside the load, as an error state. */
  client: () => PublicClient;
  processor: () => ModelProcessor;
  draft: DraftStore;
  host: ModelHost;
  /** First wait between status polls, in ms (backs off ×1.5 up to `maxPollInterval`). */
  pollInterval?: number;
  maxPollInterval?: number;
  /** How long to wait for a payment to settle before reporting a timeout. */
  maxPollTime?: number;
}

/** A session from a PUT or a poll that was refused (and shown as an error); it ends the run that fetched it. */
class RefusedSessionError extends Error {
  override readonly name = 'RefusedSessionError';
}

function errorCode(error: unknown): string {
  return error instanceof ApiError ? error.code : 'unknown';
}

export class CheckoutModel {
  state: CheckoutState = { kind: 'loading' };
  /** Set once the customer acts, so focus moves only in answer to them, never on page load. */
  acted = false;
  pollInterval: number;
  maxPollInterval: number;
  maxPollTime: number;
  private readonly runs = new Runs();
  private interrupted = false;
  private readySent = false;
  /** This model sent a payment, and reported it complete: both at most once. */
  private paid = false;
  private completeSent = false;

  constructor(private readonly options: ModelOptions) {
    this.pollInterval = options.pollInterval ?? 1000;
    this.maxPollInterval = options.maxPollInterval ?? 5000;
    this.maxPollTime = options.maxPollTime ?? 120_000;
  }

  private get host(): ModelHost {
    return this.options.host;
  }

  private set(state: CheckoutState): void {
    this.state = state;
    this.host.changed(state);
  }

  // ---- lifecycle ------------------------------------------------------------------------------------------

  /** Aborts whatever runs (a disconnect); `resume()` then reloads from the server's current state. */
  stop(): void {
    if (this.runs.abort()) this.interrupted = true;
    const state = this.state;
    if (state.kind === 'form' && state.busy) this.set({ ...state, busy: undefined });
  }

  resume(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    void this.load(true);
  }

  /** Aborts for good (a new permalink replaced this model). */
  dispose(): void {
    this.runs.abort();
  }

  /** GETs the session. `keep` shows what is known meanwhile (a retry, a reload after a conflict). */
  async load(keep = false): Promise<void> {
    const state = this.state;
    const known = sessionOf(state);
    const form = formOf(state);
    if (!keep || !known) this.set({ kind: 'loading' });
    else if (state.kind === 'error' && form) this.set(placeSession(known, state, form));
    const result = await this.runs.start((signal) => this.options.client().retrieve({ signal }));
    if (result.status === 'aborted') return;
    if (result.status === 'error') {
      this.report(result.error);
      const code = errorCode(result.error);
      this.set({ kind: 'error', code, session: sessionOf(this.state), form: formOf(this.state) });
      this.host.announce('assertive', (t) => errorMessage(t, code));
      return;
    }
    this.loaded(result.value);
  }

  private loaded(session: CheckoutSession): void {
    const previous = formOf(this.state);
    if (this.refuseBroken(session)) return;
    const form = previous ?? initialForm(session, this.options.draft.restore());
    this.set(placeSession(session, this.state, form));
    if (!previous && form.draftRestored) this.host.announce('polite', (t) => t.draftRestored);
    if (session.status === 'completed') this.options.draft.clear();
    if (!this.readySent) {
      this.readySent = true;
      this.host.emit('quaderno-ready', { session });
    }
    if (session.status === 'processing') void this.follow(session, form);
    // why: a payment whose answer was lost (a timeout, a dropped connection) may have gone through; the reload finds it
    // completed, and the merchant's page must still hear about it.
    else if (session.status === 'completed' && this.paid) this.settled(session, form);
  }

  /** Shows the error state for a session that must not be shown or paid; true if it was refused. */
  private refuseBroken(session: CheckoutSession): boolean {
    const problem = brokenSession(session);
    if (!problem) return false;
    this.set({ kind: 'error', code: problem.code, session: sessionOf(this.state), form: formOf(this.state) });
    this.host.emit('quaderno-error', problem);
    this.host.announce('assertive', (t) => errorMessage(t, problem.code));
    return true;
  }

  /**
   * Takes a session a PUT or a poll returned, unless it is broken and could still be paid (then the run stops). Once
   * paid (processing, completed) the outcome is shown whatever the session says, since the customer must learn it.
   */
  private accept(session: CheckoutSession, saved: boolean): void {
    if (isPayable(session) && this.refuseBroken(session)) throw new RefusedSessionError();
    if (saved) this.host.emit('quaderno-update', { session });
  }

  // ---- the form -------------------------------------------------------------------------------------------

  private edit(event: FormEvent, save = false): void {
    const state = this.state;
    if (state.kind !== 'form') return;
    const form = formTransition(state.form, event);
    this.set({ ...state, form });
    if (save) this.options.draft.save({ customer: { ...form.values }, coupon: form.couponInput, method: form.method });
  }

  input(field: BillingField, value: string): void {
    this.edit({ type: 'input', field, value }, true);
  }

  blur(field: BillingField): void {
    this.edit({ type: 'blur', field });
  }

  selectMethod(method: PaymentMethod): void {
    this.edit({ type: 'method', method }, true);
  }

  couponInput(value: string): void {
    this.edit({ type: 'coupon-input', value }, true);
  }

  openAddress(): void {
    this.edit({ type: 'open-address' });
    this.host.focus('address');
  }

  /** A processor reports one of its fields; `changed` when the value changed (which clears a server refusal). */
  processorField(key: string, field: Omit<ProcessorFieldState, 'server'>, changed: boolean): void {
    this.edit({ type: 'processor-field', key, state: field, changed });
  }

  /** Forgets the processor's fields (a new processor or method). */
  resetProcessorFields(): void {
    this.edit({ type: 'reset-processor' });
  }

  /** The failed view's "Try again": the form again, everything typed kept. */
  tryAgain(): void {
    this.acted = true;
    const state = this.state;
    if (state.kind !== 'failed') return;
    this.set({ kind: 'form', session: state.session, form: { ...state.form, submitted: false }, busy: undefined, alert: undefined });
  }

  /** The error view's retry. */
  retry(): void {
    this.acted = true;
    void this.load(true);
  }

  /** The in-form alert's retry: repeats what failed. */
  retryAlert(): void {
    const state = this.state;
    if (state.kind !== 'form') return;
    const retry = state.alert?.retry;
    this.set({ ...state, alert: undefined });
    if (retry === 'pay') void this.pay();
    else if (retry === 'cancel') void this.cancel();
  }

  // ---- coupon ---------------------------------------------------------------------------------------------

  async applyCoupon(): Promise<void> {
    this.acted = true;
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    const code = state.form.couponInput.trim();
    if (code === '') {
      this.edit({ type: 'coupon-error', error: { kind: 'field', error: { key: 'required' } } });
      this.host.announce('assertive', (t) => t.validation.required);
      return;
    }
    this.edit({ type: 'coupon-error', error: undefined });
    // why: only the coupon is sent; the customer's fields stay in the form, untouched by the answer.
    const session = await this.save('coupon-apply', (signal) => this.options.client().update({ coupon: code }, { signal }));
    if (!session) return;
    const applied = session.coupon;
    if (applied) {
      this.edit({ type: 'coupon-input', value: '' }, true);
      this.host.announce('polite', (t) => t.couponApplied(applied.code));
    } else {
      this.edit({ type: 'coupon-error', error: { kind: 'refused', refusal: { reason: 'invalid' }, serverMessage: undefined } });
      this.host.announce('assertive', (t) => t.couponInvalid);
    }
  }

  async removeCoupon(): Promise<void> {
    this.acted = true;
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    const session = await this.save('coupon-remove', (signal) => this.options.client().update({ coupon: null }, { signal }));
    if (!session) return;
    this.host.announce('polite', (t) => t.couponRemoved);
    this.host.focus('coupon-input');
  }

  /** Runs a coupon PUT with the form busy; the saved session, or undefined when it failed (and was told). */
  private async save(busy: Busy, work: (signal: AbortSignal) => Promise<CheckoutSession>): Promise<CheckoutSession | undefined> {
    const start = this.state;
    if (start.kind !== 'form') return undefined;
    this.set({ ...start, busy });
    const result = await this.runs.start(async (signal) => {
      const session = await work(signal);
      this.accept(session, true);
      return session;
    });
    if (result.status === 'aborted') return undefined;
    const form = formOf(this.state) ?? start.form;
    if (result.status === 'complete') {
      this.set(placeSession(result.value, this.state, form));
      return this.state.kind === 'form' ? result.value : undefined;
    }
    if (result.error instanceof RefusedSessionError) return undefined;
    this.set({ ...start, form, busy: undefined });
    await this.couponFailed(result.error);
    return undefined;
  }

  private async couponFailed(error: unknown): Promise<void> {
    if (error instanceof ConflictError) {
      this.report(error);
      this.host.announce('assertive', (t) => t.errorNotPending);
      await this.load(true);
      return;
    }
    if (error instanceof ValidationError) {
      const serverMessage = error.fields.coupon?.[0] ?? Object.values(error.fields)[0]?.[0];
      const refusal = refusalOf(error);
      this.edit({ type: 'coupon-error', error: { kind: 'refused', refusal, code: error.fieldCodes.coupon, serverMessage } });
      this.host.announce('assertive', (t) => describeCouponRefusal(t, refusal));
      return;
    }
    this.report(error);
    const code = errorCode(error);
    this.edit({ type: 'coupon-error', error: { kind: 'request', code, serverMessage: error instanceof Error ? error.message : String(error) } });
    this.host.announce('assertive', (t) => errorMessage(t, code));
  }

  // ---- payment --------------------------------------------------------------------------------------------

  /** The pay button: checks the form, PUTs the customer (pending only), hands off to the processor, then polls. */
  async pay(): Promise<void> {
    this.acted = true;
    if (this.state.kind !== 'form' || this.state.busy) return;
    // why: awaited only when the processor checks asynchronously (an SDK), so the sandbox's check stays in this task.
    const validating = this.options.processor().validate?.();
    if (validating) await validating;
    // why: read after any await, so a second click that waited alongside finds the first one busy.
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    let form = formTransition(state.form, { type: 'submit' });
    const count = formErrorCount(form, state.session);
    if (count > 0) {
      const errors = validateBilling(form.values, state.session.billing_details_collection);
      if (ADDRESS_FIELDS.some((field) => errors[field])) form = formTransition(form, { type: 'open-address' });
      this.set({ ...state, form });
      this.host.announce('assertive', (t) => t.formHasErrors(count));
      this.host.focus('first-invalid');
      return;
    }
    form = formTransition(form, { type: 'clear-coupon-error' });
    const method = form.method!;
    const client = this.options.client();
    this.paid = true;
    let phase: 'saving' | 'paying' | 'polling' = state.session.status === 'pending' ? 'saving' : 'paying';
    this.set({ ...state, form, alert: undefined, busy: phase });
    const result = await this.runs.start(async (signal) => {
      let session = state.session;
      if (session.status === 'pending') {
        session = await client.update({ customer: customerBody(form.values) }, { signal });
        this.accept(session, true);
      }
      phase = 'paying';
      this.set({ kind: 'form', session, form, busy: 'paying', alert: undefined });
      session = await this.options.processor().pay({ session, method, client, signal });
      this.accept(session, false);
      phase = 'polling';
      return this.poll(session, form, signal);
    });
    if (result.status === 'aborted') return;
    if (result.status === 'complete') return this.settled(result.value, form);
    if (result.error instanceof RefusedSessionError) return;
    await this.payFailed(result.error, phase, form);
  }

  private async payFailed(error: unknown, phase: 'saving' | 'paying' | 'polling', form: FormState): Promise<void> {
    this.report(error);
    const session = sessionOf(this.state)!;
    if (phase === 'polling') return this.pollFailed(error, session, form);
    const idle: CheckoutState = { kind: 'form', session, form, busy: undefined, alert: undefined };
    this.set(idle);
    if (error instanceof ConflictError) {
      this.host.announce('assertive', (t) => t.errorNotPending);
      await this.load(true);
      return;
    }
    if (error instanceof ValidationError && this.showServerErrors(error, phase, form)) return;
    const code = phase === 'saving' ? 'save' : errorCode(error);
    this.set({ ...idle, form: formOf(this.state)!, alert: { code, retry: 'pay' } });
    this.host.announce('assertive', (t) => errorMessage(t, code));
  }

  /** Puts a 422's field errors next to their fields; false when none of them is a field the form shows. */
  private showServerErrors(error: ValidationError, phase: 'saving' | 'paying', form: FormState): boolean {
    const billing: Partial<Record<BillingField, string>> = {};
    const processor: Record<string, { error: FieldError; message: string }> = {};
    let coupon: string | undefined;
    for (const [key, messages] of Object.entries(error.fields)) {
      const field = key.replace(/^customer\./, '');
      const message = messages[0] ?? '';
      if (isBillingField(field)) billing[field] = message;
      const reported = form.processor[key];
      if (phase === 'paying' && reported) processor[key] = { error: reported.refused ?? reported.error ?? { key: 'required' }, message };
      if (key === 'coupon') coupon = message;
    }
    if (Object.keys(billing).length + Object.keys(processor).length === 0 && coupon === undefined) return false;
    this.edit({ type: 'server-errors', billing, processor });
    if (coupon !== undefined) {
      this.edit({ type: 'coupon-error', error: { kind: 'refused', refusal: refusalOf(error), code: error.fieldCodes.coupon, serverMessage: coupon } });
    }
    const count = Object.keys(error.fields).length;
    this.host.announce('assertive', (t) => t.formHasErrors(count));
    this.host.focus('first-invalid');
    return true;
  }

  /** Follows a session that is already processing (loaded that way, or after a reconnect). */
  private async follow(session: CheckoutSession, form: FormState): Promise<void> {
    const result = await this.runs.start((signal) => this.poll(session, form, signal));
    if (result.status === 'complete') this.settled(result.value, form);
    else if (result.status === 'error' && !(result.error instanceof RefusedSessionError)) {
      this.report(result.error);
      this.pollFailed(result.error, sessionOf(this.state) ?? session, form);
    }
  }

  /** Polls `retrieve()` with backoff until the session leaves `processing`. */
  private async poll(start: CheckoutSession, form: FormState, signal: AbortSignal): Promise<CheckoutSession> {
    let session = start;
    this.set({ kind: 'processing', session, form });
    let wait = this.pollInterval;
    const deadline = Date.now() + this.maxPollTime;
    while (session.status === 'processing') {
      if (Date.now() > deadline) throw new TimeoutError(this.maxPollTime);
      await delay(wait, signal);
      session = await this.options.client().retrieve({ signal });
      this.accept(session, false);
      if (session.status === 'processing') this.set({ kind: 'processing', session, form });
      wait = Math.min(Math.round(wait * 1.5), this.maxPollInterval);
    }
    return session;
  }

  private settled(session: CheckoutSession, form: FormState): void {
    if (session.status === 'failed') return this.set({ kind: 'failed', session, form });
    if (session.status !== 'completed') return this.set(placeSession(session, { kind: 'loading' }, form));
    this.set({ kind: 'completed', session, redirecting: false });
    if (this.completeSent) return;
    this.completeSent = true;
    this.options.draft.clear();
    this.options.processor().reset?.();
    const proceed = this.host.emit('quaderno-complete', { session }, true);
    if (proceed && isHttpUrl(session.success_url)) {
      this.set({ kind: 'completed', session, redirecting: true });
      this.host.navigate(session.success_url);
    }
  }

  private pollFailed(error: unknown, session: CheckoutSession, form: FormState): void {
    const code = errorCode(error);
    this.set({ kind: 'error', code, session, form });
    this.host.announce('assertive', (t) => errorMessage(t, code));
  }

  // ---- cancel ---------------------------------------------------------------------------------------------

  /** The customer leaves: tell the page (cancelable), abandon the session, then go to cancel_url. */
  async cancel(): Promise<void> {
    this.acted = true;
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    const session = state.session;
    const proceed = this.host.emit('quaderno-cancel', { session }, true);
    this.set({ ...state, alert: undefined, busy: 'cancel' });
    const result = await this.runs.start((signal) => this.options.client().cancel({ signal }));
    if (result.status === 'aborted') return;
    let url = session.cancel_url;
    if (result.status === 'complete') {
      const after = result.value;
      url = after.cancel_url ?? url;
      this.options.draft.clear();
      this.set(
        after.status === 'abandoned'
          ? { kind: 'abandoned', session: after, cancelledHere: true, redirecting: false }
          : placeSession(after, this.state, state.form),
      );
    } else {
      this.set({ ...state, alert: undefined, busy: undefined });
      if (!(result.error instanceof ConflictError)) {
        this.report(result.error);
        // why: the customer wants to leave; a failed cancel call must not trap them on the page.
        if (!proceed || !isHttpUrl(url)) {
          const code = errorCode(result.error);
          this.set({ ...state, busy: undefined, alert: { code, retry: 'cancel' } });
          this.host.announce('assertive', (t) => errorMessage(t, code));
          return;
        }
      }
    }
    if (proceed && isHttpUrl(url)) {
      const now = this.state;
      if (now.kind === 'abandoned' || now.kind === 'completed') this.set({ ...now, redirecting: true });
      this.host.navigate(url);
    }
  }

  // ---- errors ---------------------------------------------------------------------------------------------

  private report(error: unknown): void {
    if (errorCode(error) === 'aborted') return;
    this.host.emit('quaderno-error', { code: errorCode(error), message: error instanceof Error ? error.message : String(error) });
  }
}
