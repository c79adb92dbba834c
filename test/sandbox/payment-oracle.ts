// The invariants of one played run (payment-world.ts), each read back over HTTP: what the doubles captured, what the
// sandbox recorded and what the customer confirmed agree; the recorded tax is the recorded customer's; coupon caps
// hold; at most one capture per session. Returns every break, described well enough to replay.
import { isDeepStrictEqual } from 'node:util';
import type { TaxSettings } from '../../src/sandbox/tax/settings.js';
import { chargedTax, computeSessionTax } from '../../src/sandbox/tax/session-tax.js';
import { eventually } from './harness.js';
import type { Client, World } from './payment-world.js';

/** A capture that stands at the end of the run: the doubles' own state, or the sandbox's simulated charge. */
interface Standing {
  path: 'confirm' | 'approve' | 'pay';
  id: string;
  amount: number | undefined;
  confirmed: number[];
}

/**
 * What the doubles hold as captured for a client's intents and orders (a refund or void takes it back).
 * why the doubles' state and not only the answers: a capture the processor keeps is money the customer paid.
 */
async function heldByDoubles(world: World, client: Client): Promise<Array<{ id: string; amount: number; processor: 'stripe' | 'paypal' }>> {
  const held: Array<{ id: string; amount: number; processor: 'stripe' | 'paypal' }> = [];
  for (const intent of client.intents) {
    const path = `/doubles/stripe/v1/payment_intents/${intent.id}?client_secret=${encodeURIComponent(intent.secret)}`;
    const reply = await world.send(`read intent ${intent.id}`, world.frame, path);
    const json = reply.json ?? {};
    const refunded = (json.amount_refunded ?? 0) > 0 || json.refunded === true;
    if (reply.status === 200 && json.status === 'succeeded' && !refunded) held.push({ id: intent.id, amount: json.amount, processor: 'stripe' });
  }
  const reply = await world.send(`list orders of session ${client.index}`, world.base, `/doubles/paypal/v2/checkout/orders?session=${client.token}`);
  for (const order of (reply.json?.orders ?? []) as Array<{ id: string; status: string; amount: number }>) {
    if (order.status === 'COMPLETED') held.push({ id: order.id, amount: order.amount, processor: 'paypal' });
  }
  return held;
}

const startsOf = (client: Client) => [...client.starts.values()].reduce((sum, starts) => sum + starts.length, 0);

const taxInputs = (session: any) => {
  const { billing_country, billing_postal_code, tax_id } = session.customer ?? {};
  return { billing_country, billing_postal_code, tax_id };
};

export interface RunResult {
  breaks: string[];
  /** Captures standing at the end, over every session. */
  captures: number;
  /** Each session's final status, how many captures of it stand, and how many payment starts the server accepted. */
  sessions: Array<{ status: string; captures: number; starts: number }>;
}

/** Waits until no session of the run is processing, then checks every invariant. Returns the breaks. */
export async function checkRun(world: World, settings: TaxSettings): Promise<RunResult> {
  const breaks = [...world.breaks];
  const finals = new Map<Client, any>();
  let captures = 0;
  const outcome: RunResult['sessions'] = [];
  for (const client of world.clients) {
    const read = () => world.send(`final read of session ${client.index}`, world.base, `/checkout/session/${client.token}.json`);
    const reply = await eventually(read, (r) => r.status !== 200 || r.json?.status !== 'processing', 4000);
    const session = reply.json;
    finals.set(client, session);
    const where = `session ${client.index} (${session?.status}, ${client.spec.currency})`;
    if (reply.status !== 200) {
      breaks.push(`${where}: the final read answered ${reply.status}`);
      outcome.push({ status: 'unreadable', captures: 0, starts: startsOf(client) });
      continue;
    }

    const standing: Standing[] = [];
    for (const held of await heldByDoubles(world, client)) {
      const told = client.captures.find((capture) => capture.id === held.id && capture.path !== 'pay');
      if (!told) breaks.push(`${where}: the ${held.processor} double holds a capture of ${held.id} (${held.amount}) that no confirm or approve was answered`);
      if (told?.amount !== undefined && told.amount !== held.amount) {
        breaks.push(`${where}: ${held.id} was confirmed as ${told.amount} but the double holds ${held.amount}`);
      }
      standing.push({ path: told?.path ?? 'confirm', id: held.id, amount: held.amount, confirmed: told?.confirmed ?? [] });
    }
    for (const pay of client.captures.filter((capture) => capture.path === 'pay')) {
      const charged = session.processor_id === pay.id ? session.charged?.amount_cents : undefined;
      if (session.status !== 'completed' || session.processor_id !== pay.id) {
        breaks.push(`${where}: pay.json accepted a good payment (${pay.id}) at step ${pay.step}, but the session ended ${session.status} with ${session.processor_id}`);
      }
      standing.push({ path: 'pay', id: pay.id, amount: charged, confirmed: pay.confirmed });
    }
    captures += standing.length;
    outcome.push({ status: session.status, captures: standing.length, starts: startsOf(client) });

    const list = standing.map((s) => `${s.path} ${s.id} ${s.amount}`).join(', ');
    if (standing.length > 1) breaks.push(`${where}: ${standing.length} captures (${list}), at most one allowed`);
    if (session.status === 'completed') {
      const charged = session.charged;
      if (standing.length === 0) breaks.push(`${where}: completed, charged ${charged?.amount_cents}, but nothing was captured`);
      const capture = standing.find((s) => s.id === session.processor_id);
      if (standing.length > 0 && !capture) breaks.push(`${where}: completed with ${session.processor_id}, which is not what was captured (${list})`);
      if (capture) {
        if (charged?.amount_cents !== capture.amount) breaks.push(`${where}: captured ${capture.amount} but recorded charged.amount_cents ${charged?.amount_cents}`);
        if (capture.amount === undefined || !capture.confirmed.includes(capture.amount)) {
          breaks.push(`${where}: captured ${capture.amount}, but the customer confirmed ${capture.confirmed.join(' or ') || 'nothing'} for ${capture.id}`);
        }
      }
      // why recomputed here: the recorded tax must be the tax of the recorded customer, whatever path recorded it.
      const expected = computeSessionTax({ items: session.items, coupon: session.coupon ?? null, customer: session.customer }, settings);
      if (!isDeepStrictEqual(session.tax, expected)) {
        breaks.push(
          `${where}: recorded tax ${session.tax?.total} (${session.tax?.status}, tax ${session.tax?.tax}) but the recorded customer ` +
            `${JSON.stringify(taxInputs(session))} with coupon ${session.coupon?.code ?? 'none'} owes ${expected.total} (${expected.status}, tax ${expected.tax})`,
        );
      }
      if (session.tax && !isDeepStrictEqual(charged, chargedTax(session.tax))) {
        breaks.push(`${where}: charged ${JSON.stringify(charged)} is not the recorded tax's ${JSON.stringify(chargedTax(session.tax))}`);
      }
      if (session.tax?.tax_id_required && !String(session.customer?.tax_id ?? '').trim()) {
        breaks.push(`${where}: completed a ${session.customer?.billing_country} domestic sale without the tax ID it requires`);
      }
    } else if (standing.length > 0) {
      breaks.push(`${where}: ${list} captured, but the session records no payment`);
    }
  }

  for (const coupon of world.coupons) {
    const redeemedBy = [...finals.values()].filter((s) => s?.status === 'completed' && s.coupon?.code === coupon.code).length;
    const cap = coupon.spec.max_redemptions;
    if (cap !== null && redeemedBy > cap) breaks.push(`coupon ${coupon.code} (max ${cap}): ${redeemedBy} sessions completed with it`);
    if (coupon.deleted) continue;
    const reply = await world.send(`read coupon ${coupon.code}`, world.base, `/api/checkout/coupons/${coupon.code}.json`);
    const times = reply.json?.times_redeemed;
    if (cap !== null && times > cap) breaks.push(`coupon ${coupon.code}: times_redeemed ${times} over max_redemptions ${cap}`);
    if (times !== redeemedBy) breaks.push(`coupon ${coupon.code}: times_redeemed ${times}, but ${redeemedBy} sessions completed with it`);
  }
  return { breaks, captures, sessions: outcome };
}
