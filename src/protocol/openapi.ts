// The checkout protocol as an OpenAPI 3.1 document, generated from the zod schemas in schemas.ts with zod's own
// JSON Schema export. Node-only (scripts/build-protocol.ts and its test): nothing the element imports reaches here.
//
// why not zod-openapi: it renders every response body as zod "output", and the session schema is a tolerant parser
// with transforms (amounts as 2100.0, unknown locales fall back), which it refuses to render. What a server sends is
// the *input* of that parser, so every body here, request or response, is rendered with `io: 'input'`.
import * as z from 'zod/mini';
import { publicUpdateSchema } from '../session/requests.js';
import { LOCALES, sessionSchema } from '../session/schema.js';
import { CAPABILITIES, PROTOCOL_VERSION } from './capabilities.js';
import { PROTOCOL_ERROR_CODES, type ProtocolErrorCode } from './codes.js';
import { ERROR_STATUS } from './status.js';
import * as errors from './errors.js';
import * as payment from './payments.js';
import * as requests from './requests.js';
import * as session from './session.js';
import * as tax from './tax.js';

const s = { ...errors, ...payment, ...requests, ...session, ...tax };

type Json = Record<string, unknown>;
type Meta = { id?: string; description?: string; [key: string]: unknown };

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const TRANSPORT: ProtocolErrorCode[] = ['session_not_found', 'rate_limited', 'upstream_unavailable', 'internal'];
const BODY: ProtocolErrorCode[] = ['body_invalid', 'body_too_large', 'unsupported_media_type'];
/** A status change the customer asks for (cancel, retry): refused once the session has moved on, or where not offered. */
const STATUS_CHANGE: ProtocolErrorCode[] = [...BODY, 'session_not_pending', 'capability_unsupported', ...TRANSPORT];
/**
 * What either way of starting a payment (the server's own, a processor's) may refuse: a missing `total` is
 * `field_invalid`, another one `payment_total_changed`; a coupon that became unusable is `payment_total_changed` with
 * its reason in `field_codes.coupon`.
 */
const PAYMENT_START: ProtocolErrorCode[] = [
  ...BODY,
  'field_invalid',
  'session_not_pending',
  'session_broken',
  'payment_method_unavailable',
  'payment_total_changed',
  'coupon_unknown',
  'coupon_expired',
  'coupon_used_up',
  'coupon_currency',
  'tax_id_required',
  'capability_unsupported',
  ...TRANSPORT,
];

interface Operation {
  method: 'get' | 'put' | 'post';
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** The capability a server must advertise to offer this (`update` and `coupons` share the PUT). */
  capability?: string;
  request?: { id: string; examples?: Record<string, { summary: string; value: unknown }> };
  query?: z.ZodMiniObject;
  response: { status: 200 | 201 | 202; id: string; description: string };
  errors: ProtocolErrorCode[];
}

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/{token}.json',
    operationId: 'retrieveSession',
    summary: 'The session',
    description: 'The session as its customer may see it. A simple GET (no preflight).',
    response: { status: 200, id: 'Session', description: 'The session.' },
    errors: TRANSPORT,
  },
  {
    method: 'put',
    path: '/{token}.json',
    operationId: 'updateSession',
    summary: 'Save customer fields, apply or remove a coupon',
    description:
      'Customer fields (capability `update`) and `coupon` (capability `coupons`) only; any other key is refused ' +
      'with `field_not_allowed`, a refused field with `field_invalid` and per-field `field_codes`. A refused coupon ' +
      'refuses the whole request. A session that is no longer pending answers `session_not_pending` with its `status`. ' +
      'A change of a tax input (country, postal code, tax ID) or of the coupon voids the open payment, if any (see ' +
      'the open-payment rule above); other customer fields leave it open.',
    capability: 'update',
    request: {
      id: 'PublicUpdateBody',
      examples: {
        customer: { summary: 'Save customer fields', value: { customer: { first_name: 'Ada', billing_country: 'ES' } } },
        applyCoupon: { summary: 'Apply a coupon (CouponApplyBody)', value: { coupon: 'WELCOME10' } },
        removeCoupon: { summary: 'Remove the coupon (CouponRemoveBody)', value: { coupon: null } },
      },
    },
    response: { status: 200, id: 'Session', description: 'The session as saved.' },
    errors: [
      ...BODY,
      'field_invalid',
      'field_not_allowed',
      'session_not_pending',
      'coupon_unknown',
      'coupon_expired',
      'coupon_used_up',
      'coupon_currency',
      'coupon_not_accepted',
      'capability_unsupported',
      ...TRANSPORT,
    ],
  },
  {
    method: 'post',
    path: '/{token}/cancel.json',
    operationId: 'cancelSession',
    summary: 'The customer leaves',
    description: 'A pending or failed session becomes `abandoned`.',
    capability: 'cancel',
    request: { id: 'CancelBody' },
    response: { status: 200, id: 'Session', description: 'The session, now abandoned.' },
    errors: STATUS_CHANGE,
  },
  {
    method: 'post',
    path: '/{token}/retry.json',
    operationId: 'retrySession',
    summary: 'Try again after a decline',
    description:
      'A new attempt of the customer after a failed payment: the `failed` session becomes `pending` again (the failed ' +
      'attempt\'s `processor_id` stays), so what they now type is saved and taxed and they pay from the form. A pending ' +
      'session answers unchanged; a processing, completed or abandoned one answers `session_not_pending` with its ' +
      '`status`. A server that cannot reopen a session (one on Quaderno\'s private API) does not advertise `retry`.',
    capability: 'retry',
    request: { id: 'RetryBody' },
    response: { status: 200, id: 'Session', description: 'The session, pending again.' },
    errors: STATUS_CHANGE,
  },
  {
    method: 'post',
    path: '/{token}/pay.json',
    operationId: 'startPayment',
    summary: 'Start the payment',
    description:
      'Starts a payment with one of the session\'s payment methods. The server computes the amount; `total` (required) ' +
      'is the one the customer confirmed, and another is refused (`payment_total_changed`) with nothing started. It ' +
      'replaces any open payment. The answer is the session, `processing`; the element then polls it until it is ' +
      '`completed` or `failed`. Never retried. A server that pays only through real processors (a merchant\'s handler ' +
      'in front of Quaderno) advertises `pay` for the payment start and refuses this one with `capability_unsupported`.',
    capability: 'pay',
    request: {
      id: 'PayBody',
      examples: {
        card: { summary: 'The sandbox\'s test card (4000 0000 0000 0002 is declined)', value: { method: 'card', card_number: '4242 4242 4242 4242', total: 2541 } },
        paypal: { summary: 'The sandbox\'s simulated PayPal account', value: { method: 'paypal', outcome: 'approve', total: 2541 } },
      },
    },
    response: { status: 202, id: 'Session', description: 'The payment is under way: the session, `processing` until the server settles it (poll it).' },
    errors: [...PAYMENT_START, 'payment_declined'],
  },
  {
    method: 'post',
    path: '/{token}/payment.json',
    operationId: 'startProcessorPayment',
    summary: 'Start a processor payment',
    description:
      'Starts a payment through the session\'s real processor for a method: a Stripe PaymentIntent (publishable key ' +
      'and client secret) for `card`, a PayPal order (client id and order id) for `paypal`, for the server-computed ' +
      'total, tax included. `total` (required) is the one the customer confirmed; another is refused ' +
      '(`payment_total_changed`) and nothing is started or reserved. The start becomes the session\'s one open payment ' +
      '(replacing and voiding the previous one; a previous one that has already taken the money is settled instead, ' +
      'and the start answers `session_not_pending` with the session\'s `status`) and reserves its coupon; the server ' +
      'links it to the session ' +
      '(`processor`, `processor_id`); the browser confirms through the processor\'s SDK and then polls the session. ' +
      'An intent\'s amount never changes: a start for another total makes a new one.',
    capability: 'pay',
    request: { id: 'PaymentStartRequest' },
    response: { status: 201, id: 'PaymentStart', description: 'What the processor\'s SDK needs.' },
    errors: PAYMENT_START,
  },
  {
    method: 'get',
    path: '/{token}/tax.json',
    operationId: 'previewTax',
    summary: 'Tax preview',
    description:
      'The tax for a location and tax ID as typed, without saving them. A simple GET (no preflight) whose answer is ' +
      'cacheable per query. `needs` names inputs still missing for an exact figure.',
    capability: 'tax_preview',
    query: s.taxPreviewQuerySchema,
    response: { status: 200, id: 'TaxSummary', description: 'The tax lines and totals.' },
    errors: ['field_invalid', 'tax_location_invalid', 'capability_unsupported', ...TRANSPORT],
  },
  {
    method: 'get',
    path: '/{token}/tax_id.json',
    operationId: 'validateTaxId',
    summary: 'Tax ID validation',
    description: '`valid` is null when the tax authority could not be asked; the standard rate applies then.',
    capability: 'tax_id_validation',
    query: s.taxIdQuerySchema,
    response: { status: 200, id: 'TaxIdCheck', description: 'The check.' },
    errors: ['field_invalid', 'capability_unsupported', ...TRANSPORT],
  },
];

/** The protocol's schemas by component name, with the annotations JSON Schema cannot infer from a refine. */
function registries() {
  const registry = z.registry<Meta>();
  const components: Array<[z.core.$ZodType, Meta]> = [
    [s.protocolErrorCodeSchema, { id: 'ProtocolErrorCode', description: 'A machine code; the element reads these, never `error`.' }],
    [s.protocolErrorBodySchema, { id: 'ProtocolErrorBody', description: 'Every error: `code` and an English `error`, plus `errors`/`field_codes` keyed by field (Quaderno\'s `errors` shape).' }],
    [s.protocolSessionSchema, { id: 'Session', description: 'A checkout session through its permalink.' }],
    [s.lastPaymentErrorSchema, { id: 'LastPaymentError', description: 'A payment attempt that took no money, and why.' }],
    [s.taxLineSchema, { id: 'TaxLine' }],
    [s.taxSummarySchema, { id: 'TaxSummary', description: 'Amounts in minor units; `total` is what will be charged.' }],
    [s.taxIdCheckSchema, { id: 'TaxIdCheck' }],
    [publicUpdateSchema, { id: 'PublicUpdateBody', description: 'Customer fields and/or a coupon code (null removes it). Unknown keys are refused.' }],
    [s.customerUpdateBodySchema, { id: 'CustomerUpdateBody' }],
    [s.couponApplyBodySchema, { id: 'CouponApplyBody' }],
    [s.couponRemoveBodySchema, { id: 'CouponRemoveBody' }],
    [s.cancelBodySchema, { id: 'CancelBody' }],
    [s.retryBodySchema, { id: 'RetryBody' }],
    [s.payBodySchema, { id: 'PayBody', description: '`card_number` and `outcome` are for the sandbox\'s simulated processor only.' }],
    [s.paymentStartRequest, { id: 'PaymentStartRequest' }],
    [s.paymentStartResponse, { id: 'PaymentStart', description: 'What the processor\'s SDK needs, by processor.' }],
  ];
  for (const [schema, meta] of components) registry.add(schema, meta);
  const session = sessionSchema.shape;
  const annotations: Array<[z.core.$ZodType, Meta]> = [
    [s.minorUnits, { type: 'integer', description: 'Minor units of the currency (2100 = 21.00 EUR).' }],
    [s.startAmount, { type: 'integer', maximum: Number.MAX_SAFE_INTEGER, description: 'The total to charge, in minor units of `currency` (the server\'s figure, tax included).' }],
    [session.items.def.element.shape.amount, { type: 'number', description: 'Unit price in minor units. Quaderno sends floats (2100.0); a numeric string is tolerated.' }],
    [session.locale, { enum: [...LOCALES], description: 'An unknown locale is read as `auto`.' }],
    [s.protocolSessionSchema.shape.protocol_version, { description: `The protocol version the server speaks (\`${PROTOCOL_VERSION}\`). Missing means 1.0.`, examples: [PROTOCOL_VERSION] }],
    [s.protocolSessionSchema.shape.capabilities, { description: `What the server offers the element, from: ${CAPABILITIES.join(', ')}. Unknown names are ignored; a missing list means every one but hosted_payment.` }],
    [s.protocolSessionSchema.shape.hosted_url, { description: 'With `hosted_payment`: the http(s) page where the customer pays. Otherwise null.' }],
    [s.protocolSessionSchema.shape.tax, { description: 'The tax for the saved customer.' }],
    [s.protocolSessionSchema.shape.expires_at, { description: 'When a pending session is abandoned for inactivity (ISO 8601), unless the customer writes first: any successful PUT of the permalink, `{}` included, restarts the clock. Missing or null where no limit applies (any other status).' }],
    [s.protocolSessionSchema.shape.last_payment_error, { description: 'A pending session whose last payment attempt took no money: its payment error `code` (`payment_declined`), the `processor` and `processor_id` of that attempt, and the processor\'s `decline_code` (PayPal\'s `INSTRUMENT_DECLINED`). Set by a server that captures after the customer approved (PayPal through the merchant handler), so any of its instances tells the customer why; gone once a new payment starts. Missing or null otherwise.' }],
    [s.protocolSessionSchema.shape.processor_public_keys, { description: 'Each processor\'s public key, for its SDK before any payment starts: `stripe` the publishable key (pk_…), `paypal` the client id. Null where no method of the session uses the processor or the server has no key; never a secret key. A missing field is an older server: the element then learns a key from the payment start.' }],
  ];
  return { registry, annotations: new Map(annotations) };
}

function componentSchemas(): Record<string, Json> {
  const { registry, annotations } = registries();
  const rendered = z.toJSONSchema(registry, {
    io: 'input',
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    // why: an override, not registry metadata: metadata on a pipe (a tolerant field) is lost when it is flattened.
    override: ({ zodSchema, jsonSchema }) => {
      const meta = annotations.get(zodSchema);
      if (meta) Object.assign(jsonSchema, meta);
    },
  }) as { schemas: Record<string, Json> };
  const out: Record<string, Json> = {};
  for (const id of Object.keys(rendered.schemas).sort()) {
    // why: each component is a fragment of this document, not a standalone JSON Schema resource.
    const { $schema: _schema, $id: _id, ...schema } = rendered.schemas[id]!;
    out[id] = schema;
  }
  return out;
}

function queryParameters(query: z.ZodMiniObject): Json[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const { $schema: _schema, ...schema } = z.toJSONSchema(field as z.core.$ZodType, { io: 'input', target: 'draft-2020-12' }) as Json;
    const optional = (field as z.core.$ZodType)._zod.optin === 'optional';
    return { name, in: 'query', required: !optional, schema };
  });
}

/** A JSON body (request or response) that is one of the components. */
function jsonOf(id: string): Json {
  return { content: { 'application/json': { schema: ref(id) } } };
}

function errorResponses(codes: ProtocolErrorCode[]): Record<string, Json> {
  const byStatus = new Map<number, ProtocolErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        { description: `A protocol error: ${list.map((code) => `\`${code}\``).join(', ')}.`, ...jsonOf('ProtocolErrorBody') },
      ]),
  );
}

function operation(op: Operation): Json {
  const result: Json = {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    parameters: [{ $ref: '#/components/parameters/token' }, ...(op.query ? queryParameters(op.query) : [])],
    responses: {
      [String(op.response.status)]: { description: op.response.description, ...jsonOf(op.response.id) },
      ...errorResponses(op.errors),
    },
    'x-error-codes': op.errors,
  };
  if (op.capability) result['x-capability'] = op.capability;
  if (op.request) {
    const media: Json = { schema: ref(op.request.id) };
    if (op.request.examples) media.examples = op.request.examples;
    result.requestBody = { required: true, content: { 'application/json': media } };
  }
  return result;
}

const DESCRIPTION = `The protocol between the \`<quaderno-checkout>\` element and a server that holds checkout sessions: the
sandbox, Quaderno, or a merchant's own handler. Every endpoint hangs off the session's **permalink**
(\`{origin}{prefix}/{token}\`): the element appends \`.json\` or \`/<action>.json\` to the permalink's path.

- **Version.** This document is protocol ${PROTOCOL_VERSION}. A server says which version it speaks in every session body, as
  \`protocol_version\` (\`MAJOR.MINOR\`; missing means 1.0). A minor version only adds; an element refuses a major it does not know.
- **Capabilities.** A session lists in \`capabilities\` what the server can do; each operation names its capability
  (\`x-capability\`). A server refuses an operation it does not advertise with \`capability_unsupported\`.
- **Errors.** Every error is a \`ProtocolErrorBody\` with a machine \`code\`; \`x-error-codes\` lists each operation's.
  Codes: ${PROTOCOL_ERROR_CODES.join(', ')}. A refused field is a 422 whose \`errors\` and \`field_codes\` are keyed
  by the field's path in the request (\`customer.email\`, \`coupon\`, \`method\`); its top \`code\` is \`field_invalid\`, or
  the field's own code (\`field_not_allowed\`) when that is every refusal. An unknown permalink is a 404
  \`session_not_found\` that names nothing. An operation whose capability is not advertised is a 422
  \`capability_unsupported\` (for a coupon, \`field_codes.coupon\` may carry it under \`field_invalid\`).
- **Money** is in integer minor units of the session's currency.
- **One open payment.** Every request that starts or makes a payment carries \`total\`, the total the customer
  confirmed; a server whose total differs answers \`payment_total_changed\` and starts nothing. A start is recorded as
  the session's one open payment (its tax inputs, tax, coupon and total); a new start replaces it. The capture settles
  exactly that record, or nothing. A PUT that changes a tax input or the coupon voids it (its intent or order can no
  longer be captured), and the next start reflects the change. A session is captured at most once.
- **CORS.** Any origin may call these endpoints without credentials; \`PUT\` and \`POST\` are preflighted, the GETs are
  simple requests. \`Retry-After\` is exposed.
- **No key.** The permalink's token is the only credential; no API key is ever sent by or to the browser.`;

/** The OpenAPI 3.1 document of the checkout protocol. Deterministic: the same schemas give the same JSON. */
export function protocolDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quaderno checkout protocol',
      version: PROTOCOL_VERSION,
      description: DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: '{origin}{prefix}',
        description: 'Where the permalinks of a server live.',
        variables: {
          origin: { default: 'http://127.0.0.1:4010', description: 'The server\'s origin (the sandbox by default).' },
          prefix: { default: '/checkout/session', description: 'The path before the token.' },
        },
      },
    ],
    paths,
    components: {
      parameters: {
        token: {
          name: 'token',
          in: 'path',
          required: true,
          description: 'The permalink\'s last segment: a bearer credential for one session.',
          schema: { type: 'string' },
        },
      },
      schemas: componentSchemas(),
    },
  };
}

/** The document as written to docs/protocol.openapi.json. */
export function protocolDocumentText(): string {
  return `${JSON.stringify(protocolDocument(), null, 2)}\n`;
}
