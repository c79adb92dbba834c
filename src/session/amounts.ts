// Which session amounts can be shown and charged: the one rule shared by the session schema (parseSession), the
// sandbox (create and update refuse what it forbids) and the element. No zod, no Lit: it ships to browsers.
import { lineTotal, sessionTotals } from './money.js';
import { isPayable, type SessionStatus } from './status.js';

/** What the money rules read of a session (a parsed CheckoutSession and a sandbox StoredSession both fit). */
export type AmountsOf = Parameters<typeof sessionTotals>[0];

/** One broken amount, with the dotted path of the field to blame. */
export interface AmountIssue {
  path: string;
  message: string;
}

/**
 * Line totals (unit amount × quantity) and session totals that are not exact integers of minor units: beyond
 * `Number.MAX_SAFE_INTEGER` a sum or a product is rounded, and 1e308 × 2 is Infinity. Such a session must not be
 * shown, let alone charged.
 */
export function inexactAmounts(session: AmountsOf): AmountIssue[] {
  const issues: AmountIssue[] = [];
  session.items.forEach((item, index) => {
    if (!Number.isSafeInteger(lineTotal(item))) {
      issues.push({ path: `items.${index}.amount`, message: 'The line total (amount × quantity) is beyond exact integers of minor units' });
    }
  });
  if (issues.length > 0) return issues;
  const totals = sessionTotals(session);
  if (![totals.subtotal, totals.discount, totals.total].every(Number.isSafeInteger)) {
    issues.push({ path: 'items', message: 'The session total is beyond exact integers of minor units' });
  }
  return issues;
}

/** Items in another currency than the first one: a total over them cannot be charged (nothing converts them). */
export function mixedCurrencies(session: AmountsOf): AmountIssue[] {
  const currency = session.items[0]?.currency;
  return session.items.flatMap((item, index) =>
    item.currency === currency ? [] : [{ path: `items.${index}.currency`, message: `must be ${currency}, the currency of the first item` }],
  );
}

/** Everything that makes a session's money unchargeable: mixed currencies, then inexact amounts. */
export function brokenAmounts(session: AmountsOf): AmountIssue[] {
  return [...mixedCurrencies(session), ...inexactAmounts(session)];
}

/**
 * The element's check on a session it is about to show as payable (pending or failed): an empty order, an amount
 * beyond exact integers or a negative total. Other statuses are past paying, so their amounts do not matter.
 */
export function hasImplausibleAmounts(session: AmountsOf & { status: SessionStatus }): boolean {
  if (!isPayable(session)) return false;
  if (session.items.length === 0) return true;
  return inexactAmounts(session).length > 0 || sessionTotals(session).total < 0;
}
