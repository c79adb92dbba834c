// Sessions the element must refuse to show or pay: unsafe return URLs, implausible amounts, mixed currencies.
// The money rules are src/session/amounts.ts's, the ones the sandbox refuses sessions by. No Lit and no DOM here.
import { isHttpUrl } from '../../api/urls.js';
import { capabilitiesOf } from '../../protocol/capabilities.js';
import { hasImplausibleAmounts, mixedCurrencies } from '../../session/amounts.js';
import { isPayable } from '../../session/status.js';
import type { ProtocolSession } from '../../protocol/session.js';

/** A success_url or cancel_url that is set but not http(s): the session must not be shown, let alone followed. */
function hasUnsafeUrl(session: ProtocolSession): boolean {
  return [session.success_url, session.cancel_url].some((url) => url != null && url.trim() !== '' && !isHttpUrl(url));
}

/** Why a session must not be shown or paid, with the `quaderno-error` code and message; undefined when it is sound. */
export function brokenSession(session: ProtocolSession): { code: string; message: string } | undefined {
  if (hasUnsafeUrl(session)) return { code: 'unsafe_url', message: 'The session has a success_url or cancel_url that is not http(s)' };
  if (hasImplausibleAmounts(session)) return { code: 'bad_response', message: 'The session has no items or implausible amounts' };
  if (mixedCurrencies(session).length > 0) return { code: 'mixed_currencies', message: 'The session mixes currencies' };
  return undefined;
}

// why re-exported: the model's checks read as one list; the rule's one home is src/session/status.ts.
export { isPayable };

/** A failed session the server can return to pending (`retry`), so what the customer corrects is saved and taxed. */
export function canReopen(session: ProtocolSession): boolean {
  return session.status === 'failed' && capabilitiesOf(session).has('retry');
}

/**
 * Whether the customer's edits (billing fields, coupon) can be saved: a pending session, or a failed one the server
 * reopens first. Anywhere else the form locks them: it never accepts an edit it cannot save.
 */
export function savesEdits(session: ProtocolSession): boolean {
  return session.status === 'pending' || canReopen(session);
}
