// The core of the checkout model: one state (state.ts) and one run at a time, the load and the form's edits: what an
// interactive form needs. model.ts adds the customer's actions (coupon, pay, cancel), following a payment and the tax
// preview, from the lazily loaded flow.ts; the members flow.ts uses are public for it. No Lit and no DOM here.
import { ApiError, BadResponseError } from '../../api/errors.ts';
import { processorErrorOf } from '../../processors/errors.ts';
import type { BillingField } from '../../session/fields.ts';
import type { ProtocolSession } from '../../protocol/session.ts';
import type { PaymentMethod } from '../../session/schema.ts';
import { pageReturn } from './resume.ts';
import { Runs } from './run.ts';
import type { TaxPreviews } from './tax-preview.ts';
import { brokenSession, isPayable, savesEdits } from './session-checks.ts';
import {
  formOf,
  formTransition,
  initialForm,
  placeSession,
  sessionOf,
  type CheckoutState,
  type FormEvent,
  type FormState,
  type ProcessorFieldRecord,
} from './state.ts';
import type { ModelHost, ModelOptions } from './types.ts';
import { errorMessage } from './words.ts';

/** A session from a PUT or a poll that was refused (and shown as an error); it ends the run that fetched it. */
export class RefusedSessionError extends Error {
  override readonly name = 'RefusedSessionError';
}

export function errorCode(error: unknown): string {
  // why by its data: an adapter script's processor error is its own copy of the class (processors/errors.ts).
  return error instanceof ApiError ? error.code : (processorErrorOf(error)?.code ?? 'unknown');
}

/** The load ends within the client's per-request `timeout` plus this: retries get what the first try left of it. */
const LOAD_RETRY_WINDOW_MS = 5000;

/** The state, the runs, loading and following a session, and the form's edits; checkout-model.ts adds the actions. */
export abstract class CheckoutCore {
  state: CheckoutState = { kind: 'loading' };
  /** Set once the customer acts, so focus moves only in answer to them, never on page load. */
  acted = false;
  pollInterval: number;
  maxPollInterval: number;
  maxPollTime: number;
  readonly runs = new Runs();
  private interrupted = false;
  private readySent = false;
  /** This model sent a payment, and reported it complete: both at most once. */
  paid = false;
  completeSent = false;
  /** The tax previews, made by flow.ts on the first change of a tax input. */
  taxes: TaxPreviews | undefined;

  constructor(readonly options: ModelOptions) {
    this.pollInterval = options.pollInterval ?? 1000;
    this.maxPollInterval = options.maxPollInterval ?? 5000;
    this.maxPollTime = options.maxPollTime ?? 120_000;
  }

  /** The pay button (model.ts). */
  abstract pay(): Promise<void>;
  /** The cancel link (model.ts). */
  abstract cancel(): Promise<void>;
  /** Starts loading the actions' code (model.ts), so it is in by the time the customer acts. */
  protected abstract prefetch(): void;
  /** Follows a session that is processing until it settles (model.ts, flow.ts). */
  protected abstract follow(session: ProtocolSession, form: FormState): void;
  /** Shows a payment's outcome and tells the page once (model.ts, flow.ts). */
  protected abstract settled(session: ProtocolSession, form: FormState): void;

  get host(): ModelHost {
    return this.options.host;
  }

  set(state: CheckoutState): void {
    this.state = state;
    this.host.changed(state);
  }

  // ---- lifecycle ------------------------------------------------------------------------------------------

  /** Aborts whatever runs (a disconnect); `resume()` then reloads from the server's current state. */
  stop(): void {
    if (this.runs.abort()) this.interrupted = true;
    this.taxes?.stop();
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
    this.taxes?.stop();
  }

  /** GETs the session. `keep` shows what is known meanwhile (a retry, a reload after a conflict). */
  async load(keep = false): Promise<void> {
    const state = this.state;
    const known = sessionOf(state);
    const form = formOf(state);
    if (!keep || !known) this.set({ kind: 'loading' });
    else if (state.kind === 'error' && form) this.set(placeSession(known, state, form));
    const running = this.runs.start((signal) => {
      const client = this.options.client();
      // why a deadline: retries end with the error view and its Retry, not an endless "Loading…" (15 s by default).
      return client.retrieve({ signal, deadlineMs: client.timeoutMs + LOAD_RETRY_WINDOW_MS });
    });
    // why here: the actions' code downloads while the session GET runs (asked just after it, so the GET goes first).
    this.prefetch();
    const result = await running;
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

  private loaded(session: ProtocolSession): void {
    const previous = formOf(this.state);
    if (this.refuseBroken(session)) return;
    const form = previous ?? initialForm(session, this.options.draft.restore());
    this.set(placeSession(session, this.state, form));
    if (!previous && form.draftRestored) this.host.announce('polite', (t) => t.draftRestored);
    // why: back from a processor's redirect (a bank page), the payment this page sent is followed to its outcome.
    if (!previous && session.processor_id && (this.options.returned ?? pageReturn)(session.processor_id)) this.paid = true;
    if (session.status === 'completed') this.options.draft.clear();
    if (!this.readySent) {
      this.readySent = true;
      this.host.emit('quaderno-ready', { session });
    }
    if (session.status === 'processing') this.follow(session, form);
    // why: a payment whose answer was lost (a timeout, a dropped connection) may have gone through; the reload finds it
    // completed, and the merchant's page must still hear about it.
    else if (session.status === 'completed' && this.paid) this.settled(session, form);
  }

  /** Shows the error state for a session that must not be shown or paid; true if it was refused. */
  protected refuseBroken(session: ProtocolSession): boolean {
    const problem = brokenSession(session);
    if (!problem) return false;
    this.showBroken(problem);
    return true;
  }

  /**
   * A PUT answered JSON that the session schema refuses (impossible amounts…), unlike malformed JSON, which is a
   * retryable fault: the same as a refused session while it could still be paid. True if it was refused.
   */
  refuseUnreadable(error: unknown): boolean {
    if (!(error instanceof BadResponseError) || typeof error.body !== 'object' || error.body === null) return false;
    const session = sessionOf(this.state);
    if (session && !isPayable(session)) return false;
    this.showBroken({ code: 'bad_response', message: error.message });
    return true;
  }

  private showBroken(problem: { code: string; message: string }): void {
    this.set({ kind: 'error', code: problem.code, session: sessionOf(this.state), form: formOf(this.state) });
    this.host.emit('quaderno-error', problem);
    this.host.announce('assertive', (t) => errorMessage(t, problem.code));
  }

  /**
   * Takes a session a PUT or a poll returned, unless it is broken and could still be paid (then the run stops). Once
   * paid (processing, completed) the outcome is shown whatever the session says, since the customer must learn it.
   */
  accept(session: ProtocolSession, saved: boolean): void {
    if (isPayable(session) && this.refuseBroken(session)) throw new RefusedSessionError();
    if (saved) this.host.emit('quaderno-update', { session });
  }

  // ---- the form -------------------------------------------------------------------------------------------

  edit(event: FormEvent, save = false): void {
    const state = this.state;
    if (state.kind !== 'form') return;
    const form = formTransition(state.form, event);
    this.set({ ...state, form });
    if (save) this.options.draft.save({ customer: { ...form.values }, coupon: form.couponInput, method: form.method });
  }

  input(field: BillingField, value: string): void {
    const state = this.state;
    // why: a session that cannot save edits (failed, and not reopened by the server) is paid with its saved customer.
    if (state.kind === 'form' && !savesEdits(state.session)) return;
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
  processorField(key: string, field: Omit<ProcessorFieldRecord, 'server'>, changed: boolean): void {
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


  // ---- errors ---------------------------------------------------------------------------------------------

  report(error: unknown): void {
    if (errorCode(error) === 'aborted') return;
    this.host.emit('quaderno-error', { code: errorCode(error), message: error instanceof Error ? error.message : String(error) });
  }
}
