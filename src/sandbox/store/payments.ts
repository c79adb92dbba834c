// The sandbox's simulated payment: which bodies a pay request accepts and how the simulated charge ends.
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { cardDigits, isCardNumber } from '../../session/card.ts';
import { PAYMENT_METHODS, type PaymentMethod } from '../../session/schema.ts';
import { invalid, parseOptions, refusedBody } from '../errors.ts';
import type { Processor, StoredSession } from './types.ts';

/** Stripe's test numbers that decline; any other Luhn-valid number succeeds. */
export const DECLINED_CARDS: ReadonlySet<string> = new Set(['4000000000000002', '4000000000009995', '4000000000000069']);

const payBodySchema = z.object({
  method: z.string(),
  card_number: z.optional(z.string().check(z.maxLength(40))),
  outcome: z.optional(z.string()),
});

/** How a simulated payment will go, decided when it starts. */
export interface PaymentPlan {
  processor: Processor;
  processor_id: string;
  outcome: 'completed' | 'failed';
}

function randomAlnum(length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Checks a pay body against the session and plans the charge. Throws 422 naming `method`, `card_number`, `outcome` or `items`. */
export function planPayment(session: StoredSession, body: unknown): PaymentPlan {
  const parsed = payBodySchema.safeParse(body, parseOptions);
  if (!parsed.success) throw refusedBody(parsed.error);
  const { method, card_number, outcome } = parsed.data;
  if (!(PAYMENT_METHODS as readonly string[]).includes(method)) {
    throw invalid({ method: [`must be one of ${PAYMENT_METHODS.join(', ')}`] });
  }
  if (!session.payment_methods.includes(method as PaymentMethod)) {
    const error = `${method} is not offered by this session (${session.payment_methods.join(', ')})`;
    throw invalid({ method: [error] }, { field_codes: { method: 'payment_method_unavailable' } });
  }
  if (session.items.length === 0) {
    throw invalid({ items: ['The session has no items to pay'] }, { code: 'session_broken', field_codes: { items: 'session_broken' } });
  }
  let declined: boolean;
  if (method === 'card') {
    if (!isCardNumber(card_number ?? '')) throw invalid({ card_number: ['is not a valid card number'] });
    declined = DECLINED_CARDS.has(cardDigits(card_number ?? ''));
  } else {
    if (outcome !== 'approve' && outcome !== 'decline') throw invalid({ outcome: ['must be "approve" or "decline"'] });
    declined = outcome === 'decline';
  }
  return method === 'card'
    ? { processor: 'stripe', processor_id: `ch_sandbox_${randomBytes(12).toString('hex')}`, outcome: declined ? 'failed' : 'completed' }
    : { processor: 'paypal', processor_id: `PAYID-${randomAlnum(24)}`, outcome: declined ? 'failed' : 'completed' };
}
