// The statuses a checkout session moves through, and the two rules every part reads them by: the session schema,
// the money checks (amounts.ts), the sandbox's store and the element's model. No zod, no Lit.

/** Statuses a checkout session moves through. Only `pending` sessions accept updates. */
export const STATUSES = ['pending', 'processing', 'failed', 'completed', 'abandoned'] as const;

export type SessionStatus = (typeof STATUSES)[number];

/** Only pending sessions can be updated or deleted. */
export function isEditable(session: { status: SessionStatus }): boolean {
  return session.status === 'pending';
}

/**
 * Whether the customer could still be charged for it: pending, or failed (a failed session can be paid again). A
 * payment may start and the customer may cancel only here, and only here do the session's amounts matter.
 */
export function isPayable(session: { status: SessionStatus }): boolean {
  return session.status === 'pending' || session.status === 'failed';
}
