// Quaderno's Transactions API in the sandbox: `POST /api/transactions` issues the paid invoice of a sale a merchant
// took itself, and `GET /api/{gateway}/charges/{id}.json` (the Ruby client's `Invoice.retrieve`) finds it again by
// the processor's id. Like Quaderno, the sandbox has no idempotency key: posting the same sale twice issues two
// invoices, which is exactly the trap a caller must avoid (the merchant handler's recorder does).
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { majorToMinor, minorDigits } from '../../session/money.js';
import { divideRounded } from '../../tax/rounding.js';
import { notFound, parseOptions, refusedBody, SandboxError } from '../errors.js';

const PAYMENT_METHODS = ['credit_card', 'cash', 'wire_transfer', 'direct_debit', 'check', 'iou', 'paypal', 'other'] as const;

// why strings or numbers: the Ruby and PHP clients send JSON numbers; a form body (curl -d) sends strings.
const decimal = z.union([z.number(), z.string().check(z.regex(/^-?\d{1,12}(\.\d{1,6})?$/))]);
const text = (max: number) => z.string().check(z.maxLength(max));
/** A field Quaderno takes as text or null, or leaves out. */
const maybeText = (max: number) => z.optional(z.nullable(text(max)));
const maybeDecimal = z.optional(z.nullable(decimal));

const taxSchema = z.object({
  name: maybeText(100),
  rate: maybeDecimal,
  country: maybeText(2),
  region: maybeText(50),
  taxable_part: maybeDecimal,
  tax_code: maybeText(50),
  county: maybeText(100),
  city: maybeText(100),
  status: maybeText(30),
  notes: maybeText(500),
  extra_name: maybeText(100),
  extra_rate: maybeDecimal,
});

const itemSchema = z.object({
  product_code: z.optional(text(100)),
  description: z.optional(text(1000)),
  quantity: z.optional(decimal),
  discount_rate: z.optional(decimal),
  tax: z.optional(taxSchema),
  amount: decimal,
});

const customerSchema = z.object({
  id: z.optional(z.union([z.number(), text(40)])),
  first_name: maybeText(255),
  last_name: maybeText(255),
  email: maybeText(255),
  street_line_1: maybeText(255),
  street_line_2: maybeText(255),
  city: maybeText(255),
  postal_code: maybeText(40),
  region: maybeText(255),
  country: maybeText(2),
  tax_id: maybeText(64),
  kind: z.optional(z.nullable(z.enum(['person', 'company']))),
});

const transactionSchema = z.object({
  type: z.optional(z.enum(['sale', 'refund'])),
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  customer: z.optional(customerSchema),
  currency: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/))),
  items: z.array(itemSchema).check(z.minLength(1), z.maxLength(200)),
  payment: z.object({
    method: z.optional(z.enum(PAYMENT_METHODS)),
    processor: z.optional(text(40)),
    processor_id: z.optional(text(255)),
  }),
  processor: z.optional(text(40)),
  processor_id: z.optional(text(255)),
  evidence: z.optional(
    z.object({ billing_country: maybeText(2), ip_address: maybeText(64), bank_country: maybeText(2) }),
  ),
  po_number: z.optional(text(255)),
  tags: z.optional(text(1000)),
  notes: z.optional(text(5000)),
  custom_metadata: z.optional(z.record(z.string().check(z.maxLength(40)), z.union([z.string().check(z.maxLength(500)), z.number(), z.boolean(), z.null()]))),
});
export type TransactionInput = z.infer<typeof transactionSchema>;

/** The document the sandbox issued, as Quaderno answers it (Invoice for a sale, Credit for a refund). */
export type IssuedDocument = Record<string, unknown> & {
  id: number;
  type: 'Invoice' | 'Credit';
  total_cents: number;
  permalink: string;
  payments: Array<{ processor: string | null; processor_id: string | null }>;
};

const numeric = (value: string | number | null | undefined, fallback: number) =>
  value === undefined || value === null || value === '' ? fallback : Number(value);

/** One issued line: `amount` is what was charged for it (after discounts and taxes); the tax inside it is backed out. */
function lineOf(item: TransactionInput['items'][number], currency: string) {
  const total = majorToMinor(item.amount, currency);
  const rate = numeric(item.tax?.rate, 0);
  const part = numeric(item.tax?.taxable_part, 100);
  // why the one rounding rule (tax/rounding.ts): the tax inside a gross amount, rounded half away from zero, at 1/10 000 %.
  const scale = 10_000n;
  const weight = BigInt(Math.round(rate * 10_000)) * BigInt(Math.round(part * 10_000));
  const denominator = 100n * scale * 100n * scale;
  const tax = Number(divideRounded(BigInt(total) * weight, denominator + weight));
  return {
    description: item.description ?? item.product_code ?? '',
    product_code: item.product_code ?? null,
    quantity: numeric(item.quantity, 1),
    discount_rate: numeric(item.discount_rate, 0),
    tax_name: item.tax?.name ?? null,
    tax_rate: rate,
    tax_country: item.tax?.country ?? null,
    tax_region: item.tax?.region ?? null,
    taxable_part: part,
    subtotal_cents: total - tax,
    tax_cents: tax,
    total_amount_cents: total,
  };
}

const major = (minor: number, currency: string) => (minor / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));

/** The sandbox's transactions: every document issued, and the index the charges lookup reads. */
export class TransactionsLedger {
  private readonly documents: IssuedDocument[] = [];
  private nextId = 1;

  constructor(private readonly origin: () => string) {}

  /** Issues the document of a sale (or the credit note of a refund). Never deduplicates: Quaderno documents no key. */
  issue(input: TransactionInput): IssuedDocument {
    const currency = (input.currency ?? 'EUR').toUpperCase();
    const items = input.items.map((item) => lineOf(item, currency));
    const total = items.reduce((sum, item) => sum + item.total_amount_cents, 0);
    const taxes = new Map<string, { label: string; rate: number; amount_cents: number; country: string | null; region: string | null }>();
    for (const item of items) {
      if (!item.tax_cents && !item.tax_rate) continue;
      const key = `${item.tax_name}|${item.tax_rate}|${item.tax_country}|${item.tax_region}`;
      const line = taxes.get(key) ?? { label: `${item.tax_name ?? 'Tax'} (${item.tax_rate}%)`, rate: item.tax_rate, amount_cents: 0, country: item.tax_country, region: item.tax_region };
      line.amount_cents += item.tax_cents;
      taxes.set(key, line);
    }
    const id = this.nextId++;
    const type = input.type === 'refund' ? 'Credit' : 'Invoice';
    const token = randomBytes(16).toString('hex');
    const date = input.date ?? new Date().toISOString().slice(0, 10);
    const payment = {
      id,
      date,
      payment_method: input.payment.method ?? 'other',
      amount: major(total, currency),
      amount_cents: total,
      processor: input.payment.processor ?? null,
      processor_id: input.payment.processor_id ?? null,
    };
    const customer = input.customer ?? {};
    const document: IssuedDocument = {
      id,
      type,
      number: `${type === 'Invoice' ? 'S' : 'C'}${String(id).padStart(5, '0')}`,
      state: type === 'Invoice' ? 'paid' : 'refunded',
      issue_date: date,
      currency,
      contact: {
        id: typeof customer.id === 'number' ? customer.id : 1000 + id,
        full_name: [customer.first_name, customer.last_name].filter(Boolean).join(' ') || null,
        ...customer,
      },
      country: customer.country ?? null,
      tax_id: customer.tax_id ?? null,
      items,
      payments: [payment],
      taxes: [...taxes.values()],
      subtotal_cents: items.reduce((sum, item) => sum + item.subtotal_cents, 0),
      total_cents: total,
      processor: input.processor ?? null,
      processor_id: input.processor_id ?? null,
      evidence: input.evidence ?? null,
      custom_metadata: input.custom_metadata ?? {},
      notes: input.notes ?? null,
      po_number: input.po_number ?? null,
      tag_list: (input.tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean),
      permalink: `${this.origin()}/sandbox/documents/${token}`,
      pdf: `${this.origin()}/sandbox/documents/${token}.pdf`,
      url: `${this.origin()}/api/invoices/${id}.json`,
      created_at: Math.floor(Date.now() / 1000),
    };
    this.documents.push(document);
    return document;
  }

  /** The first document whose payment has this processor id, as `Invoice.retrieve` / `Credit.retrieve` find it. */
  byProcessorId(gateway: string, processorId: string, type: IssuedDocument['type']): IssuedDocument | undefined {
    return this.documents.find(
      (doc) => doc.type === type && doc.payments.some((p) => p.processor_id === processorId && (p.processor ?? 'stripe') === gateway),
    );
  }

  list(type?: IssuedDocument['type']): IssuedDocument[] {
    return this.documents.filter((doc) => !type || doc.type === type);
  }

  byPermalink(permalink: string): IssuedDocument | undefined {
    return this.documents.find((doc) => doc.permalink === permalink);
  }

  clear(): void {
    this.documents.length = 0;
    this.nextId = 1;
  }
}

/** Mounts the routes on the app (behind its /api/* key check); the ledger is returned for resets and tests. */
export function mountTransactions(app: Hono, readBody: (c: Context) => Promise<unknown>, origin: (c: Context) => string): TransactionsLedger {
  let lastOrigin = 'http://localhost';
  const ledger = new TransactionsLedger(() => lastOrigin);

  app.on('POST', ['/api/transactions', '/api/transactions.json'], async (c) => {
    const parsed = transactionSchema.safeParse(await readBody(c), parseOptions);
    if (!parsed.success) throw refusedBody(parsed.error);
    const described = parsed.data.items.findIndex((item) => !item.description && !item.product_code);
    if (described !== -1) throw new SandboxError(422, { errors: { [`items.${described}.description`]: ["can't be blank"] } });
    lastOrigin = origin(c);
    return c.json(ledger.issue(parsed.data), 201);
  });

  // The Ruby client's `Invoice.retrieve(id, gateway)` and `Credit.retrieve(id, gateway)`.
  const retrieve = (type: IssuedDocument['type']) => (c: Context) => {
    const id = (c.req.param('id') ?? '').replace(/\.json$/i, '');
    const found = ledger.byProcessorId(c.req.param('gateway') ?? '', id, type);
    if (!found) throw notFound(type);
    return c.json(found);
  };
  app.get('/api/:gateway/charges/:id', retrieve('Invoice'));
  app.get('/api/:gateway/refunds/:id', retrieve('Credit'));
  app.on('GET', ['/api/invoices', '/api/invoices.json'], (c) => c.json(ledger.list('Invoice')));
  app.get('/api/invoices/:id', (c) => {
    const id = Number((c.req.param('id') ?? '').replace(/\.json$/i, ''));
    const found = ledger.list('Invoice').find((doc) => doc.id === id);
    if (!found) throw notFound('Invoice');
    return c.json(found);
  });
  // why: the document's permalink must open somewhere; a plain text stand-in for Quaderno's public invoice page.
  app.get('/sandbox/documents/:token', (c) => {
    const doc = ledger.byPermalink(`${origin(c)}/sandbox/documents/${c.req.param('token')}`);
    if (!doc) return c.text('Document not found', 404);
    return c.text(`${doc.type} ${String(doc.number)} · ${String(doc.state)} · ${major(doc.total_cents, String(doc.currency))} ${String(doc.currency)}\n`);
  });
  return ledger;
}
