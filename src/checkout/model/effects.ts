// What the model lends its actions (pay.ts, coupon.ts, cancel.ts, polling.ts): each action file picks the few
// members it needs, so an action reads and changes the model only through them, never through the model itself.
// No Lit and no DOM here.
import type { PublicClient } from '../../api/public.js';
import type { ProtocolSession } from '../../protocol/session.js';
import type { FormView } from './derive.js';
import type { DraftStore } from './draft.js';
import type { RunResult } from './run.js';
import type { CheckoutState, FormEvent } from './state.js';
import type { ModelHost, ModelProcessor } from './types.js';

export interface ModelEffects {
  /** The state now (read again after every await: another action may have moved it). */
  state(): CheckoutState;
  set(state: CheckoutState): void;
  /** Changes the form (when one shows); `save` keeps the edit in the draft. */
  edit(event: FormEvent, save?: boolean): void;
  /** The form's derived view (derive.ts) for the state now, computed once per state; undefined when no form shows. */
  view(): FormView | undefined;
  /** Runs `work` as the one run (aborting the one before). */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<RunResult<T>>;
  readonly host: ModelHost;
  readonly draft: DraftStore;
  client(): PublicClient;
  processor(): ModelProcessor;
  /** GETs the session again, showing what is known meanwhile. */
  reload(): Promise<void>;
  /** Takes a session a PUT or a poll returned: throws RefusedSessionError for a broken one that could be paid. */
  accept(session: ProtocolSession, saved: boolean): void;
  /** Before an edit is saved to a failed session the server reopens, makes it pending again. */
  reopen(session: ProtocolSession, signal: AbortSignal): Promise<ProtocolSession>;
  /** Shows a PUT's answer that the session schema refuses as an error; true if it was one. */
  refuseUnreadable(error: unknown): boolean;
  /** Tells the page about a failure (`quaderno-error`), unless it was an abort. */
  report(error: unknown): void;
  /** Sends a waiting tax preview now and resolves once it has arrived. */
  settleTax(): Promise<void>;
  /** Forgets every tax preview (a coupon or a rate changed the base) and previews what was typed again. */
  refreshTax(): void;
  /** The status poll's waits, in ms. */
  pollWaits(): { first: number; max: number; total: number };
}
