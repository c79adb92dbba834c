// Plays a payment scenario (payment-scenario.ts) over real HTTP against the sandbox and its simulated processors, as
// the customers' browsers and the processors' SDKs would, and writes down what each client saw, confirmed and was
// told was captured. payment-oracle.ts then holds that against what the sandbox recorded and the doubles captured.
import { call, publicPath, type CallInit, type Reply } from './harness.js';
import { PROFILES, type CouponSpec, type Move, type Scenario, type SessionSpec, type Step, type TaxInputs } from './payment-scenario.js';

// why the challenge card: 3-D Secure leaves the intent waiting (requires_action) until `authenticate` answers.
const CARDS = { good: '4242 4242 4242 4242', declined: '4000 0000 0000 0002', challenge: '4000 0027 6000 3184' };

/** The suite's running figures, over every run. */
export interface Tally {
  runs: number;
  requests: number;
  captures: number;
  fiveHundreds: number;
  breaks: number;
}

/** A payment start the server accepted: what the client confirmed for that processor id, and when. */
export interface Start {
  step: number;
  confirmed: number;
  amount: number;
  /** A later PUT changed a tax input or the coupon: by the contract, capturing this start must be refused. */
  voidedBy: string | null;
}

/** A capture the client was told of: a confirm (or its 3-D Secure step) that succeeded, an approve that completed, a pay.json that will. */
export interface Capture {
  path: 'confirm' | 'approve' | 'pay';
  id: string;
  step: number;
  /** What the confirm answered as captured (Stripe), or undefined (PayPal's approve and pay.json do not say). */
  amount?: number;
  /** The totals the customer confirmed for this payment at the time of the capture (two when a start raced it). */
  confirmed: number[];
}

/** One session as its customer's client knows it. */
export interface Client {
  index: number;
  spec: SessionSpec;
  id: number;
  token: string;
  permalink: string;
  /** Every total the client was shown (session reads, previews, start answers), oldest first. */
  seen: number[];
  inputs: TaxInputs;
  coupon: string | null;
  /** Known PaymentIntents (newest first) and PayPal orders (newest first). */
  intents: Array<{ id: string; secret: string }>;
  orders: string[];
  /** Starts by processor id; the newest start of any id is the session's open payment. */
  starts: Map<string, Start[]>;
  /** The ids of the newest accepted start (two when starts raced), and its step. */
  latest: { ids: Set<string>; step: number } | null;
  captures: Capture[];
}

export interface RunCoupon {
  spec: CouponSpec;
  code: string;
  deleted: boolean;
}

const sameInputs = (a: TaxInputs, b: TaxInputs) =>
  a.billing_country === b.billing_country && a.billing_postal_code === b.billing_postal_code && a.tax_id === b.tax_id;

function inputsOf(json: any): TaxInputs {
  const customer = json?.customer ?? {};
  return { billing_country: customer.billing_country ?? null, billing_postal_code: customer.billing_postal_code ?? null, tax_id: customer.tax_id ?? null };
}

/** One run: its sessions and coupons, what happened, and every invariant break seen while playing. */
export class World {
  readonly clients: Client[] = [];
  readonly coupons: RunCoupon[] = [];
  readonly breaks: string[] = [];
  private step = 0;

  constructor(
    readonly base: string,
    readonly frame: string,
    private readonly run: number,
    private readonly tally: Tally,
  ) {}

  /** Sends one request; a 5xx (or no answer) is a break wherever it happens. */
  async send(label: string, origin: string, path: string, init: CallInit = {}): Promise<Reply> {
    this.tally.requests++;
    let reply: Reply;
    try {
      reply = await call(origin, path, init);
    } catch (error) {
      reply = { status: 0, headers: new Headers(), text: String(error), json: undefined };
    }
    if (reply.status >= 500 || reply.status === 0) {
      this.tally.fiveHundreds++;
      this.breaks.push(`${label}: answered ${reply.status} ${reply.text.slice(0, 160)}`);
    }
    return reply;
  }

  /** Creates the run's coupons and sessions through the private API. */
  async setup(scenario: Scenario): Promise<void> {
    for (const [i, spec] of scenario.coupons.entries()) {
      const code = `RUN${this.run}C${i}`;
      const discount = spec.amount_off ? { amount_off: spec.amount_off.amount, currency: spec.amount_off.currency } : { percent_off: spec.percent_off };
      const reply = await this.send('create coupon', this.base, '/api/checkout/coupons.json', {
        method: 'POST',
        body: { code, ...discount, max_redemptions: spec.max_redemptions },
      });
      if (reply.status !== 201) throw new Error(`coupon ${code} not created: ${reply.status} ${reply.text}`);
      this.coupons.push({ spec, code, deleted: false });
    }
    for (const [index, spec] of scenario.sessions.entries()) {
      const items = spec.items.map((item) => ('product' in item ? item : { ...item, currency: spec.currency }));
      const reply = await this.send('create session', this.base, '/api/checkout/sessions.json', {
        method: 'POST',
        body: { items, payment_methods: ['card', 'paypal'], coupon_collection: true, customer: { ...PROFILES[spec.customer], email: `s${index}@example.com` } },
      });
      if (reply.status !== 201) throw new Error(`session not created: ${reply.status} ${reply.text}`);
      const json = reply.json;
      this.clients.push({
        index,
        spec,
        id: json.id,
        token: String(json.permalink).split('/').pop()!,
        permalink: json.permalink,
        seen: [json.tax.total],
        inputs: inputsOf(json),
        coupon: null,
        intents: [],
        orders: [],
        starts: new Map(),
        latest: null,
        captures: [],
      });
    }
  }

  async play(moves: Move[]): Promise<void> {
    for (const move of moves) {
      this.step++;
      if (move.op === 'race') await Promise.all([this.do(move.a, true), this.do(move.b, true)]);
      else await this.do(move, false);
    }
  }

  private client(s: number): Client {
    return this.clients[s % this.clients.length]!;
  }

  private coupon(c: number): RunCoupon {
    return this.coupons[c % this.coupons.length]!;
  }

  /** What the client shows on its Pay button: the total it saw last, or `back` totals before that. */
  private shown(client: Client, back: number): number {
    return client.seen[Math.max(0, client.seen.length - 1 - back)]!;
  }

  /**
   * Takes in a session JSON the server answered. A change of tax inputs or coupon seen by a sequential PUT voids
   * every open start (the contract's "replace" rule); racing moves void nothing, their order is unknown.
   */
  private learn(client: Client, json: any, voidingLabel: string | null, shown = true): void {
    if (!json || typeof json !== 'object' || json.id !== client.id) return;
    const inputs = inputsOf(json);
    const coupon: string | null = json.coupon?.code ?? null;
    if (voidingLabel && (!sameInputs(inputs, client.inputs) || coupon !== client.coupon)) {
      for (const starts of client.starts.values()) {
        const last = starts.at(-1);
        if (last && last.voidedBy === null) last.voidedBy = voidingLabel;
      }
    }
    client.inputs = inputs;
    client.coupon = coupon;
    if (shown && typeof json.tax?.total === 'number') client.seen.push(json.tax.total);
  }

  private async do(step: Step, racing: boolean): Promise<void> {
    const at = this.step;
    const label = `step ${at} ${JSON.stringify(step)}`;
    if (step.op === 'delete-coupon') {
      const coupon = this.coupon(step.c);
      const reply = await this.send(label, this.base, `/api/checkout/coupons/${coupon.code}.json`, { method: 'DELETE' });
      if (reply.status === 204) coupon.deleted = true;
      return;
    }
    const client = this.client(step.s);
    const path = (suffix = '') => publicPath({ permalink: client.permalink }, suffix);
    switch (step.op) {
      case 'preview': {
        const { billing_country, billing_postal_code, tax_id } = PROFILES[step.at];
        const query = new URLSearchParams();
        if (billing_country) query.set('country', billing_country);
        if (billing_postal_code) query.set('postal_code', billing_postal_code);
        if (tax_id) query.set('tax_id', tax_id);
        const reply = await this.send(label, this.base, `${path('/tax')}?${query}`);
        if (reply.status === 200 && typeof reply.json?.total === 'number') client.seen.push(reply.json.total);
        return;
      }
      case 'put':
      case 'rename':
      case 'coupon': {
        let body: Record<string, unknown>;
        if (step.op === 'put') body = { customer: Object.fromEntries(step.fields.map((field) => [field, PROFILES[step.to][field]])) };
        else if (step.op === 'rename') body = { customer: { email: `renamed${at}@example.com`, first_name: 'Ada' } };
        else if (typeof step.c === 'number') body = { coupon: this.coupon(step.c).code };
        else body = { coupon: step.c === 'none' ? null : step.c };
        const reply = await this.send(label, this.base, path(), { method: 'PUT', body });
        if (reply.status === 200) this.learn(client, reply.json, racing ? null : `PUT ${JSON.stringify(body)} at step ${at}`);
        return;
      }
      case 'merchant': {
        // why not shown and voiding nothing in the model: the customer's page learns of it on its next read, and the
        // contract's replace rule is the public PUT's; the end-of-run checks hold whatever the private API did.
        const items = step.items === null ? undefined : [{ name: 'Changed', amount: step.items, currency: client.spec.currency }];
        const body = items ? { items } : { customer: PROFILES[step.to] };
        const reply = await this.send(label, this.base, `/api/checkout/sessions/${client.id}.json`, { method: 'PUT', body });
        if (reply.status === 200) this.learn(client, reply.json, null, false);
        return;
      }
      case 'start': {
        const total = this.shown(client, step.back);
        const reply = await this.send(label, this.base, path('/payment'), { method: 'POST', body: { method: step.method, total } });
        if (reply.status === 201) {
          const json = reply.json;
          if (json.amount !== total) this.breaks.push(`${label}: the start answered amount ${json.amount} for a confirmed total of ${total}`);
          if (!racing) await this.deletedCoupon(label, client);
          const id: string = json.processor_id;
          if (json.processor === 'stripe') {
            client.intents = [{ id, secret: json.client_secret }, ...client.intents.filter((intent) => intent.id !== id)];
          } else client.orders = [id, ...client.orders];
          const starts = client.starts.get(id) ?? [];
          starts.push({ step: at, confirmed: total, amount: json.amount, voidedBy: null });
          client.starts.set(id, starts);
          if (client.latest?.step === at) client.latest.ids.add(id);
          else if (!client.latest || client.latest.step < at) client.latest = { ids: new Set([id]), step: at };
          client.seen.push(json.amount);
        } else {
          if (reply.json?.field_codes?.coupon && !racing) client.coupon = null;
          this.refusedTotal(label, reply);
        }
        return;
      }
      case 'confirm':
      case 'authenticate': {
        const intent = client.intents[step.pick % Math.max(1, client.intents.length)];
        if (!intent) return;
        const body =
          step.op === 'confirm'
            ? { client_secret: intent.secret, card: { number: CARDS[step.card], expiry: '12/39', cvc: '123' } }
            : { client_secret: intent.secret, passed: step.passed };
        const reply = await this.send(label, this.frame, `/doubles/stripe/v1/payment_intents/${intent.id}/${step.op}`, { method: 'POST', body });
        if (reply.status === 200 && reply.json?.status === 'succeeded') this.captured(client, 'confirm', intent.id, at, label, reply.json.amount);
        return;
      }
      case 'approve':
      case 'paypal-cancel': {
        const order = client.orders[step.pick % Math.max(1, client.orders.length)];
        if (!order) return;
        const action = step.op === 'approve' ? 'approve' : 'cancel';
        const reply = await this.send(label, this.frame, `/doubles/paypal/v2/checkout/orders/${order}/${action}`, { method: 'POST' });
        if (action === 'approve' && reply.status === 200 && reply.json?.status === 'COMPLETED') this.captured(client, 'approve', order, at, label);
        return;
      }
      case 'pay': {
        const total = this.shown(client, step.back);
        const body =
          step.method === 'card'
            ? { method: 'card', card_number: step.good ? CARDS.good : CARDS.declined, total }
            : { method: 'paypal', outcome: step.good ? 'approve' : 'decline', total };
        const reply = await this.send(label, this.base, path('/pay'), { method: 'POST', body });
        if (reply.status === 202) {
          const id: string = reply.json?.processor_id;
          if (!racing) await this.deletedCoupon(label, client);
          if (step.good) client.captures.push({ path: 'pay', id, step: at, confirmed: [total] });
        } else {
          if (reply.json?.field_codes?.coupon && !racing) client.coupon = null;
          this.refusedTotal(label, reply);
        }
        return;
      }
      case 'retry': {
        const reply = await this.send(label, this.base, path('/retry'), { method: 'POST', body: {} });
        if (reply.status === 200) {
          if (reply.json?.status !== 'pending') this.breaks.push(`${label}: retry answered 200 with status ${reply.json?.status}`);
          this.learn(client, reply.json, null);
        } else if (!(reply.status === 422 && reply.json?.code === 'session_not_pending') && reply.status < 500) {
          this.breaks.push(`${label}: retry answered ${reply.status} ${reply.text.slice(0, 160)} (the contract: 200, or 422 session_not_pending)`);
        }
        return;
      }
      case 'cancel': {
        const reply = await this.send(label, this.base, path('/cancel'), { method: 'POST', body: {} });
        if (reply.status === 200) this.learn(client, reply.json, null);
        return;
      }
      case 'poll': {
        const reply = await this.send(label, this.base, path());
        if (reply.status === 200) this.learn(client, reply.json, null);
        return;
      }
    }
  }

  /** A payment accepted with a coupon that was deleted: every path must refuse it, as pay.json does. */
  private async deletedCoupon(label: string, client: Client): Promise<void> {
    const coupon = this.coupons.find((c) => c.code === client.coupon);
    if (!coupon?.deleted) return;
    // why read again: the client's view of the session's coupon may be stale; only the session's own counts.
    const reply = await this.send(`${label}: read back`, this.base, publicPath({ permalink: client.permalink }));
    if (reply.json?.coupon?.code === coupon.code) this.breaks.push(`${label}: accepted a payment with the deleted coupon ${coupon.code}`);
  }

  /** The confirmed total is a required field of every start and pay: refusing the field itself breaks the contract. */
  private refusedTotal(label: string, reply: Reply): void {
    if (reply.json?.code === 'field_invalid' && reply.json?.errors?.total) {
      this.breaks.push(`${label}: refused the confirmed total itself: ${reply.status} ${reply.text.slice(0, 200)}`);
    }
  }

  /**
   * A processor said it captured `id`. By the contract it may only be the session's open payment: its newest start
   * (or one racing the capture), not replaced by a later start and not voided by a PUT since.
   */
  private captured(client: Client, path: 'confirm' | 'approve', id: string, at: number, label: string, amount?: number): void {
    const starts = client.starts.get(id) ?? [];
    const before = starts.filter((start) => start.step < at).at(-1);
    const racing = starts.filter((start) => start.step === at);
    const candidates = [...(before ? [before] : []), ...racing];
    client.captures.push({ path, id, step: at, amount, confirmed: candidates.map((start) => start.confirmed) });
    if (racing.length > 0) return;
    if (before?.voidedBy) this.breaks.push(`${label}: captured ${id}, whose start the ${before.voidedBy} voided`);
    const latest = client.latest;
    if (latest && !latest.ids.has(id) && latest.step < at) {
      this.breaks.push(`${label}: captured ${id}, which the start of step ${latest.step} (${[...latest.ids].join(', ')}) replaced`);
    }
  }
}
