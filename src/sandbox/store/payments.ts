// The sandbox's simulated payment: which bodies a pay request accepts and how the simulated charge ends.
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { minorUnits } from '../../protocol/tax.js';
import { brokenAmounts } from '../../session/amounts.js';
import { cardDigits, isCardNumber } from '../../session/card.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../../session/schema.js';
import type { TaxSummary } from '../../tax/types.js';
import { invalid, parseOptions, refusedBody, type SandboxError } from '../errors.js';
import type { Processor, StoredSession } from './types.js';

/** Stripe's test numbers that decline; any other Luhn-valid number succeeds. */
export const DECLINED_CARDS: ReadonlySet<string> = new Set(['4000000000000002', '4000000000009995', '4000000000000069']);

const payBodySchema = z.object({
  method: z.string(),
  card_number: z.optional(z.string().check(z.maxLength(40))),
  outcome: z.optional(z.string()),
  // why the protocol's rule: the total the customer saw is required, compared, never charged, and exact minor units.
  total: minorUnits,
});

/** How a simulated payment will go, decided when it starts. */
export interface PaymentPlan {
  processor: Processor;
  processor_id: string;
  outcome: 'completed' | 'failed';
  /** The total the customer confirmed (minor units); compared with the server's by `totalChanged`. */
  confirmedTotal: number;
}

function randomAlnum(length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * Throws 422 unless the session can be charged with `method`: the method is one it offers
 * (`payment_method_unavailable`), and it has items whose tax can be computed (`session_broken`). Every way of paying
 * (pay.json, the processors' start) asks this first.
 */
export function refuseUnchargeable(session: StoredSession, method: PaymentMethod): void {
  if (!session.payment_methods.includes(method)) {
    const error = `${method} is not offered by this session (${session.payment_methods.join(', ')})`;
    throw invalid({ method: [error] }, { field_codes: { method: 'payment_method_unavailable' } });
  }
  if (session.items.length === 0) {
    throw invalid({ items: ['The session has no items to pay'] }, { code: 'session_broken', field_codes: { items: 'session_broken' } });
  }
  // why: only a test override stores such amounts; their tax cannot be computed, so they are never charged.
  const broken = brokenAmounts(session);
  if (broken.length > 0) {
    const errors = Object.fromEntries(broken.map((issue) => [issue.path, [issue.message]]));
    throw invalid(errors, { code: 'session_broken', field_codes: Object.fromEntries(broken.map((issue) => [issue.path, 'session_broken' as const])) });
  }
}

/**
 * Checks a pay body against the session and plans the charge. Throws 422 naming `method`, `card_number`, `outcome`,
 * `total` (not minor units) or `items` (none, or amounts that cannot be charged: `session_broken`).
 */
export function planPayment(session: StoredSession, body: unknown): PaymentPlan {
  const parsed = payBodySchema.safeParse(body, parseOptions);
  if (!parsed.success) throw refusedBody(parsed.error);
  const { method, card_number, outcome, total } = parsed.data;
  if (!(PAYMENT_METHODS as readonly string[]).includes(method)) {
    throw invalid({ method: [`must be one of ${PAYMENT_METHODS.join(', ')}`] });
  }
  refuseUnchargeable(session, method as PaymentMethod);
  let declined: boolean;
  if (method === 'card') {
    if (!isCardNumber(card_number ?? '')) throw invalid({ card_number: ['is not a valid card number'] });
    declined = DECLINED_CARDS.has(cardDigits(card_number ?? ''));
  } else {
    if (outcome !== 'approve' && outcome !== 'decline') throw invalid({ outcome: ['must be "approve" or "decline"'] });
    declined = outcome === 'decline';
  }
  const settles = declined ? 'failed' : 'completed';
  return method === 'card'
    ? { processor: 'stripe', processor_id: `ch_sandbox_${randomBytes(12).toString('hex')}`, outcome: settles, confirmedTotal: total }
    : { processor: 'paypal', processor_id: `PAYID-${randomAlnum(24)}`, outcome: settles, confirmedTotal: total };
}

/**
 * The refusal when the saved customer makes a domestic sale that needs their tax ID (BG, CY, ES, HR, IT, PT: the
 * session's tax says `tax_id_required`) and gave none: 422 `field_invalid` naming `tax_id` with its field code
 * `tax_id_required`; null otherwise. why here too: the form asks for it, but a payment is the server's to allow, and
 * an invoice without the ID would be wrong whichever client started it.
 */
export function missingTaxId(session: StoredSession, tax: TaxSummary | null | undefined): SandboxError | null {
  if (!tax?.tax_id_required || (session.customer?.tax_id ?? '').trim() !== '') return null;
  const country = (session.customer?.billing_country ?? '').toUpperCase();
  return invalid(
    { tax_id: [`is required for a sale within ${country}; nothing was charged`] },
    { field_codes: { tax_id: 'tax_id_required' } },
  );
}

/**
 * The refusal when the customer confirmed another total than the one the server would charge (the country changed
 * in another tab, a rate changed): 422 `payment_total_changed` naming `total`; null when they agree.
 * The server's figure is `tax.total`; the browser's is only ever compared, never charged.
 */
export function totalChanged(confirmedTotal: number, tax: TaxSummary): SandboxError | null {
  if (confirmedTotal === tax.total) return null;
  const message = `is ${confirmedTotal}, but the session's total is now ${tax.total} (${tax.currency} minor units)`;
  return invalid(
    { total: [message] },
    {
      code: 'payment_total_changed',
      error: `The total changed to ${tax.total} ${tax.currency} minor units; nothing was charged: show the new total and pay again`,
      field_codes: { total: 'payment_total_changed' },
    },
  );
}

/** Why a payment is refused once the tax is known, in order: a missing tax ID, then a total the customer did not see. */
export function chargeRefusal(session: StoredSession, confirmedTotal: number, tax: TaxSummary): SandboxError | null {
  return missingTaxId(session, tax) ?? totalChanged(confirmedTotal, tax);
}
