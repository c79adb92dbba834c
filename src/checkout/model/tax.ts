// The tax the checkout shows: the session's `tax` (for the saved customer) or a preview for what the customer typed,
// and the inputs a preview is keyed by. Pure functions; the preview's requests run in tax-preview.ts.
// No Lit and no DOM here.
import { capabilitiesOf } from '../../protocol/capabilities.js';
import type { ProtocolSession } from '../../protocol/session.js';
import type { TaxLine, TaxSummary } from '../../protocol/tax.js';
import type { BillingValues } from '../../session/fields.js';
import { sessionTotals } from '../../session/money.js';
import { savesEdits } from './session-checks.js';

export type { TaxLine, TaxSummary };

/** The preview's query: what the customer typed that the tax depends on. */
export interface TaxQuery {
  country?: string;
  postal_code?: string;
  tax_id?: string;
}

/** A preview kept in the form: its input's key, its figures (undefined when it failed) and whether a newer one runs. */
export interface TaxPreview {
  key: string;
  summary: TaxSummary | undefined;
  /** The country `summary` was computed for (while updating, the old figures' country, not the key's). */
  country?: string | undefined;
  updating: boolean;
}

/**
 * The session's `tax`, for its saved customer; undefined when the server sent none (an older server). The client
 * parsed it with the session (a malformed one failed there), so it is read as is.
 */
export function sessionTax(session: ProtocolSession): TaxSummary | undefined {
  return session.tax ?? undefined;
}

/** The query for the form's values: empty values left out, the country upper-cased. Undefined without a country. */
export function taxQuery(values: Pick<BillingValues, 'billing_country' | 'billing_postal_code' | 'tax_id'>): TaxQuery | undefined {
  const country = values.billing_country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) return undefined;
  const query: TaxQuery = { country };
  const postal = values.billing_postal_code.trim();
  const taxId = values.tax_id.trim();
  if (postal) query.postal_code = postal;
  if (taxId) query.tax_id = taxId;
  return query;
}

/** One string per distinct query: the preview cache's key. */
export function taxKey(query: TaxQuery): string {
  return [query.country ?? '', query.postal_code ?? '', query.tax_id ?? ''].join('\u0000');
}

/** Whether the server previews tax (a session without `capabilities` is the old sandbox, which does). */
export function canPreviewTax(session: ProtocolSession): boolean {
  return capabilitiesOf(session).has('tax_preview') && sessionTax(session) !== undefined;
}

/** The tax to show: the preview's when there is one, else the session's. */
export function shownTax(session: ProtocolSession, preview: TaxPreview | undefined): TaxSummary | undefined {
  // why: a session that cannot save what was typed (a failed one the server does not reopen) is paid for its saved
  // customer, so its tax shows.
  if (!savesEdits(session)) return sessionTax(session);
  return preview?.summary ?? sessionTax(session);
}

/**
 * The total on the Pay button, in minor units, and its currency: the shown tax's, or the items' less the coupon from
 * a server that sends no tax. The one figure the view shows and every payment request confirms.
 */
export function shownTotal(session: ProtocolSession, preview: TaxPreview | undefined): { total: number; currency: string } {
  const tax = shownTax(session, preview);
  const totals = sessionTotals(session);
  return tax ? { total: tax.total, currency: tax.currency } : { total: totals.total, currency: totals.currency };
}

/**
 * Whether the customer must give a tax ID now: the server says so (a domestic sale in BG, CY, ES, HR, IT or PT) for
 * the very country in the form. why the country check: while a preview for a new country runs, the old figures (and
 * their flag) still show; Pay waits for that preview and checks again.
 */
export function taxIdRequiredFor(country: string, session: ProtocolSession, preview: TaxPreview | undefined): boolean {
  const here = country.trim().toUpperCase();
  if (preview?.summary) return !!preview.summary.tax_id_required && preview.country === here;
  const saved = session.customer.billing_country?.trim().toUpperCase();
  return !!sessionTax(session)?.tax_id_required && saved === here;
}

/** What the tax ID field says about the check. */
export type TaxIdState = 'none' | 'checking' | 'valid' | 'invalid' | 'unverified';

/** The tax ID's state: checking while its preview runs, then the check that preview (or the session) carries. */
export function taxIdState(query: TaxQuery | undefined, preview: TaxPreview | undefined, session: TaxSummary | undefined): TaxIdState {
  if (!query?.tax_id) return 'none';
  if (preview && (preview.updating || preview.key !== taxKey(query))) return 'checking';
  const check = (preview ? preview.summary : session)?.tax_id;
  if (!check) return 'none';
  return check.valid === true ? 'valid' : check.valid === false ? 'invalid' : 'unverified';
}
