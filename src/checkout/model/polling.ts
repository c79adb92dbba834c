// Following a payment: the status poll while the session is processing, and its outcome (the completed view, the
// `quaderno-complete` event and the redirect, or the failed view). No Lit and no DOM here.
import { isHttpUrl } from '../../api/urls.js';
import type { ProtocolSession } from '../../protocol/session.js';
import type { ModelEffects } from './effects.js';
import { errorCode, RefusedSessionError } from './errors.js';
import { pollSession } from './run.js';
import { placeSession, sessionOf, type FormState } from './state.js';
import { errorMessage } from './words.js';

export type PollEffects = Pick<ModelEffects, 'state' | 'set' | 'run' | 'client' | 'accept' | 'report' | 'host' | 'draft' | 'processor' | 'pollWaits'>;

/** Follows a session that is already processing (loaded that way, or after a reconnect). */
export async function follow(fx: PollEffects, session: ProtocolSession, form: FormState): Promise<void> {
  const result = await fx.run((signal) => poll(fx, session, form, signal));
  if (result.status === 'complete') settled(fx, result.value, form);
  else if (result.status === 'error' && !(result.error instanceof RefusedSessionError)) {
    fx.report(result.error);
    pollFailed(fx, result.error, sessionOf(fx.state()) ?? session, form);
  }
}

/** Polls `retrieve()` with backoff until the session leaves `processing`. */
export function poll(fx: PollEffects, start: ProtocolSession, form: FormState, signal: AbortSignal): Promise<ProtocolSession> {
  fx.set({ kind: 'processing', session: start, form });
  return pollSession(start, fx.pollWaits(), signal, async () => {
    const session = await fx.client().retrieve({ signal });
    fx.accept(session, false);
    if (session.status === 'processing') fx.set({ kind: 'processing', session, form });
    return session;
  });
}

/** Shows a payment's outcome; a completed one is told to the page (callers settle each payment once). */
export function settled(fx: PollEffects, session: ProtocolSession, form: FormState): void {
  if (session.status === 'failed') return fx.set({ kind: 'failed', session, form });
  if (session.status !== 'completed') return fx.set(placeSession(session, { kind: 'loading' }, form));
  fx.set({ kind: 'completed', session, redirecting: false });
  fx.draft.clear();
  fx.processor().reset?.();
  const invoice = (session as { invoice_permalink?: unknown }).invoice_permalink;
  const proceed = fx.host.emit('quaderno-complete', { session, invoicePermalink: isHttpUrl(invoice) ? invoice : null });
  if (proceed && isHttpUrl(session.success_url)) {
    fx.set({ kind: 'completed', session, redirecting: true });
    fx.host.navigate(session.success_url);
  }
}

/** Following failed (a timeout, the network): the error view, with the form kept for its retry. */
export function pollFailed(fx: Pick<ModelEffects, 'set' | 'host'>, error: unknown, session: ProtocolSession, form: FormState): void {
  const code = errorCode(error);
  fx.set({ kind: 'error', code, session, form });
  fx.host.announce('assertive', (t) => errorMessage(t, code));
}
