// The cancel link: tell the page (cancelable), abandon the session, then go to cancel_url. No Lit and no DOM here.
import { ConflictError } from '../../api/errors.js';
import { isHttpUrl } from '../../api/urls.js';
import type { ModelEffects } from './effects.js';
import { errorCode } from './errors.js';
import { placeSession } from './state.js';
import { errorMessage } from './words.js';

export type CancelEffects = Pick<ModelEffects, 'state' | 'set' | 'run' | 'client' | 'draft' | 'host' | 'report' | 'reload'>;

export async function cancel(fx: CancelEffects): Promise<void> {
  const state = fx.state();
  if (state.kind !== 'form' || state.busy) return;
  const session = state.session;
  const proceed = fx.host.emit('quaderno-cancel', { session });
  fx.set({ ...state, alert: undefined, busy: 'cancel' });
  const result = await fx.run((signal) => fx.client().cancel({ signal }));
  if (result.status === 'aborted') return;
  let url = session.cancel_url;
  if (result.status === 'complete') {
    const after = result.value;
    url = after.cancel_url ?? url;
    fx.draft.clear();
    fx.set(
      after.status === 'abandoned'
        ? { kind: 'abandoned', session: after, cancelledHere: true, redirecting: false }
        : placeSession(after, fx.state(), state.form),
    );
  } else {
    fx.set({ ...state, alert: undefined, busy: undefined });
    fx.report(result.error);
    if (result.error instanceof ConflictError) {
      // why: the session stopped being pending elsewhere (paid in another tab): the customer sees what it is now, and
      // leaves for cancel_url only when it did end abandoned.
      fx.host.announce('assertive', (t) => t.errorNotPending);
      await fx.reload();
      if (fx.state().kind !== 'abandoned') return;
    } else if (!proceed || !isHttpUrl(url)) {
      // why only then: the customer wants to leave; a failed cancel call must not trap them on the page.
      const code = errorCode(result.error);
      fx.set({ ...state, busy: undefined, alert: { code, retry: 'cancel' } });
      fx.host.announce('assertive', (t) => errorMessage(t, code));
      return;
    }
  }
  if (proceed && isHttpUrl(url)) {
    const now = fx.state();
    if (now.kind === 'abandoned' || now.kind === 'completed') fx.set({ ...now, redirecting: true });
    fx.host.navigate(url);
  }
}
