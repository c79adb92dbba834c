// The checkout model the element drives: one state (state.ts) and one run at a time. It loads and follows the
// session and takes the form's edits itself; the customer's larger actions live in files of their own (pay.ts,
// coupon.ts, cancel.ts, polling.ts), each given only the effects it needs (effects.ts). What the form shows is
// derived once per state (derive.ts). No Lit and no DOM here: the model runs in Node.
import { BadResponseError } from '../../api/errors.js';
import type { BillingField } from '../../session/fields.js';
import type { ProtocolSession } from '../../protocol/session.js';
import type { PaymentMethod } from '../../session/schema.js';
import { cancel } from './cancel.js';
import { applyCoupon, removeCoupon } from './coupon.js';
import { derive, type FormView } from './derive.js';
import type { ModelEffects } from './effects.js';
import { errorCode, RefusedSessionError } from './errors.js';
import { pay } from './pay.js';
import { follow, settled } from './polling.js';
import { pageReturn } from './resume.js';
import { Runs } from './run.js';
import { brokenSession, canReopen, isPayable, savesEdits } from './session-checks.js';
import {
  formOf,
  formTransition,
  initialForm,
  lastAttemptAlert,
  placeSession,
  sessionOf,
  type CheckoutState,
  type FormEvent,
  type ProcessorFieldRecord,
} from './state.js';
import { TAX_FIELDS, TaxPreviews } from './tax-preview.js';
import type { FocusTarget, ModelHost, ModelOptions, ModelProcessor } from './types.js';
import { alertMessage, errorMessage } from './words.js';

export type { FocusTarget, ModelHost, ModelOptions, ModelProcessor };

/** The load ends within the client's per-request `timeout` plus this: retries get what the first try left of it. */
const LOAD_RETRY_WINDOW_MS = 5000;

export class CheckoutModel {
  pollInterval: number;
  maxPollInterval: number;
  maxPollTime: number;
  private current: CheckoutState = { kind: 'loading' };
  private derived: { state: CheckoutState; view: FormView | undefined } | undefined;
  private readonly runs = new Runs();
  private readonly taxes: TaxPreviews;
  /** What the action files may do (effects.ts). */
  private readonly fx: ModelEffects;

  constructor(private readonly options: ModelOptions) {
    this.pollInterval = options.pollInterval ?? 1000;
    this.maxPollInterval = options.maxPollInterval ?? 5000;
    this.maxPollTime = options.maxPollTime ?? 120_000;
    this.taxes = new TaxPreviews(
      {
        current: () => (this.current.kind === 'form' ? { session: this.current.session, form: this.current.form } : undefined),
        apply: (preview) => this.edit({ type: 'tax', preview }),
        fetch: (query, signal) => options.client().previewTax(query, { signal }),
      },
      options.taxDebounceMs ?? 300,
    );
    this.fx = {
      state: () => this.current,
      set: (state) => this.set(state),
      edit: (event, save) => this.edit(event, save),
      view: () => this.view,
      run: (work) => this.runs.start(work),
      host: options.host,
      draft: options.draft,
      client: () => options.client(),
      processor: () => options.processor(),
      reload: () => this.load(true),
      accept: (session, saved) => this.accept(session, saved),
      reopen: (session, signal) => this.reopen(session, signal),
      refuseUnreadable: (error) => this.refuseUnreadable(error),
      report: (error) => this.report(error),
      settleTax: () => this.taxes.settle(),
      refreshTax: () => this.refreshTax(),
      pollWaits: () => ({ first: this.pollInterval, max: this.maxPollInterval, total: this.maxPollTime }),
    };
  }

  get state(): CheckoutState {
    return this.current;
  }

  /** What the form shows and Pay checks (derive.ts), for the state now; undefined when no form shows. */
  get view(): FormView | undefined {
    const state = this.current;
    if (this.derived?.state !== state) this.derived = { state, view: state.kind === 'form' ? derive(state) : undefined };
    return this.derived.view;
  }

  private get host(): ModelHost {
    return this.options.host;
  }

  /** Replaces the state, carrying what this page did (state.ts `PageFacts`) into the next. */
  private set(next: CheckoutState): void {
    const acted = next.acted ?? this.current.acted;
    const paid = next.paid ?? this.current.paid;
    this.current = acted === next.acted && paid === next.paid ? next : { ...next, ...(acted && { acted }), ...(paid && { paid }) };
    this.host.changed(this.current);
  }

  /** The customer did something: focus may now move to what it shows. */
  private act(): void {
    if (!this.current.acted) this.set({ ...this.current, acted: true });
  }

  // ---- lifecycle ------------------------------------------------------------------------------------------

  /** Aborts whatever runs (a disconnect); `resume()` then reloads from the server's current state. */
  stop(): void {
    this.runs.stop();
    this.taxes.stop();
    const state = this.current;
    if (state.kind === 'form' && state.busy) this.set({ ...state, busy: undefined });
  }

  resume(): void {
    if (this.runs.resume()) void this.load(true);
  }

  /** Aborts for good (a new permalink replaced this model). */
  dispose(): void {
    this.runs.abort();
    this.taxes.stop();
  }

  /** GETs the session. `keep` shows what is known meanwhile (a retry, a reload after a conflict). */
  async load(keep = false): Promise<void> {
    const state = this.current;
    const known = sessionOf(state);
    const form = formOf(state);
    if (!keep || !known) this.set({ kind: 'loading' });
    else if (state.kind === 'error' && form) this.set(placeSession(known, state, form));
    const result = await this.runs.start((signal) => {
      const client = this.options.client();
      // why a deadline: retries end with the error view and its Retry, not an endless "Loading…" (15 s by default).
      return client.retrieve({ signal, deadlineMs: client.timeoutMs + LOAD_RETRY_WINDOW_MS });
    });
    if (result.status === 'aborted') return;
    if (result.status === 'error') {
      this.report(result.error);
      const code = errorCode(result.error);
      this.set({ kind: 'error', code, session: sessionOf(this.current), form: formOf(this.current) });
      this.host.announce('assertive', (t) => errorMessage(t, code));
      return;
    }
    this.loaded(result.value);
  }

  private loaded(session: ProtocolSession): void {
    const before = this.current;
    const previous = formOf(before);
    if (this.refuseBroken(session)) return;
    const form = previous ?? initialForm(session, this.options.draft.restore());
    // why: back from a processor's redirect (a bank page), the payment this page sent is followed to its outcome.
    const returned = !previous && !!session.processor_id && (this.options.returned ?? pageReturn)(session.processor_id);
    const placed = placeSession(session, before, form);
    // why: a page opened (or reloaded) after a payment that took no money says why the form is back.
    const alert = previous || returned ? undefined : lastAttemptAlert(session);
    this.set(returned ? { ...placed, paid: true } : alert && placed.kind === 'form' ? { ...placed, alert } : placed);
    if (alert) this.host.announce('assertive', (t) => alertMessage(t, alert));
    else if (!previous && form.draftRestored) this.host.announce('polite', (t) => t.draftRestored);
    if (session.status === 'completed') this.options.draft.clear();
    // why: "ready" once, for the first session this model shows (a later load keeps the one it knows meanwhile).
    if (!sessionOf(before)) this.host.emit('quaderno-ready', { session });
    if (session.status === 'processing') void follow(this.fx, session, form);
    // why: a payment whose answer was lost (a timeout, a dropped connection) may have gone through; the reload finds it
    // completed, and the merchant's page must still hear about it (once: not when it was shown completed before).
    else if (session.status === 'completed' && this.current.paid && before.kind !== 'completed') settled(this.fx, session, form);
  }

  /** Shows the error state for a session that must not be shown or paid; true if it was refused. */
  private refuseBroken(session: ProtocolSession): boolean {
    const problem = brokenSession(session);
    if (!problem) return false;
    this.showBroken(problem);
    return true;
  }

  /**
   * A PUT answered JSON that the session schema refuses (impossible amounts…), unlike malformed JSON, which is a
   * retryable fault: the same as a refused session while it could still be paid. True if it was refused.
   */
  private refuseUnreadable(error: unknown): boolean {
    if (!(error instanceof BadResponseError) || typeof error.body !== 'object' || error.body === null) return false;
    const session = sessionOf(this.current);
    if (session && !isPayable(session)) return false;
    this.showBroken({ code: 'bad_response', message: error.message });
    return true;
  }

  private showBroken(problem: { code: string; message: string }): void {
    this.set({ kind: 'error', code: problem.code, session: sessionOf(this.current), form: formOf(this.current) });
    this.host.emit('quaderno-error', problem);
    this.host.announce('assertive', (t) => errorMessage(t, problem.code));
  }

  /**
   * Takes a session a PUT or a poll returned, unless it is broken and could still be paid (then the run stops). Once
   * paid (processing, completed) the outcome is shown whatever the session says, since the customer must learn it.
   */
  private accept(session: ProtocolSession, saved: boolean): void {
    if (isPayable(session) && this.refuseBroken(session)) throw new RefusedSessionError();
    if (saved) this.host.emit('quaderno-update', { session });
  }

  /** Before an edit is saved to a failed session the server reopens (`retry`), it is made pending again; else as it is. */
  private async reopen(session: ProtocolSession, signal: AbortSignal): Promise<ProtocolSession> {
    if (!canReopen(session)) return session;
    const reopened = await this.options.client().retry({ signal });
    this.accept(reopened, false);
    return reopened;
  }

  private report(error: unknown): void {
    if (errorCode(error) === 'aborted') return;
    this.host.emit('quaderno-error', { code: errorCode(error), message: error instanceof Error ? error.message : String(error) });
  }

  // ---- the form -------------------------------------------------------------------------------------------

  private edit(event: FormEvent, save = false): void {
    const state = this.current;
    if (state.kind !== 'form') return;
    const form = formTransition(state.form, event);
    this.set({ ...state, form });
    if (save) this.options.draft.save({ customer: { ...form.values }, coupon: form.couponInput, method: form.method });
  }

  input(field: BillingField, value: string): void {
    const state = this.current;
    // why: a session that cannot save edits (failed, and not reopened by the server) is paid with its saved customer.
    if (state.kind === 'form' && !savesEdits(state.session)) return;
    this.edit({ type: 'input', field, value }, true);
    if ((TAX_FIELDS as readonly string[]).includes(field)) this.taxes.changed();
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
  processorField(key: string, field: Omit<ProcessorFieldRecord, 'server'>, changed: boolean): void {
    this.edit({ type: 'processor-field', key, state: field, changed });
  }

  /** Forgets the processor's fields (a new processor or method). */
  resetProcessorFields(): void {
    this.edit({ type: 'reset-processor' });
  }

  // ---- the tax preview ------------------------------------------------------------------------------------

  /** Resolves once the tax preview for what was typed has arrived (a waiting one is sent now). */
  settleTax(): Promise<void> {
    return this.taxes.settle();
  }

  /** Drops every tax preview (the session's own tax shows meanwhile) and previews what was typed again. */
  private refreshTax(): void {
    this.taxes.forget();
    this.edit({ type: 'tax', preview: undefined });
    this.taxes.changed();
  }

  // ---- the customer's actions -----------------------------------------------------------------------------

  /** The pay button (pay.ts). */
  async pay(): Promise<void> {
    this.act();
    await pay(this.fx);
  }

  /** The cancel link (cancel.ts). */
  async cancel(): Promise<void> {
    this.act();
    await cancel(this.fx);
  }

  async applyCoupon(): Promise<void> {
    this.act();
    await applyCoupon(this.fx);
  }

  async removeCoupon(): Promise<void> {
    this.act();
    await removeCoupon(this.fx);
  }

  /** The failed view's "Try again": the form again, everything typed kept. */
  tryAgain(): void {
    this.act();
    const state = this.current;
    if (state.kind !== 'failed') return;
    this.set({ kind: 'form', session: state.session, form: { ...state.form, submitted: false }, busy: undefined, alert: undefined });
  }

  /** The error view's retry. */
  retry(): void {
    this.act();
    void this.load(true);
  }

  /** The in-form alert's retry: repeats what failed. */
  retryAlert(): void {
    const state = this.current;
    if (state.kind !== 'form') return;
    const retry = state.alert?.retry;
    this.set({ ...state, alert: undefined });
    if (retry === 'pay') void this.pay();
    else if (retry === 'cancel') void this.cancel();
  }
}
