import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type * as z from 'zod/mini';
import { payBodySchema } from '../../src/protocol/requests.js';
import { publicUpdateSchema } from '../../src/session/requests.js';
import { CAPABILITIES, PROTOCOL_VERSION } from '../../src/protocol/capabilities.js';
import { PROTOCOL_ERROR_CODES } from '../../src/protocol/codes.js';
import { protocolDocument, protocolDocumentText } from '../../src/protocol/openapi.js';
import { ERROR_STATUS } from '../../src/protocol/status.js';

const FILE = new URL('../../docs/protocol.openapi.json', import.meta.url);

test('docs/protocol.openapi.json is what the schemas generate (run `npm run build:protocol` after changing them)', () => {
  assert.equal(readFileSync(FILE, 'utf8'), protocolDocumentText());
});

test('the document is valid OpenAPI 3.1', async () => {
  const validator = new Validator();
  const result = await validator.validate(protocolDocument());
  assert.equal(validator.version, '3.1');
  assert.ok(result.valid, JSON.stringify(result.errors));
});

test('every $ref points at a component of the document', () => {
  const document = protocolDocument() as { components: Record<string, Record<string, unknown>> };
  const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 10);
  for (const ref of refs) {
    const [, kind, name] = /#\/components\/(\w+)\/(\w+)/.exec(ref) ?? [];
    assert.ok(kind && name && document.components[kind]?.[name], `${ref} resolves`);
  }
});

test('it carries the protocol version, every error code with a status, and one capability per gated operation', () => {
  const document = protocolDocument() as any;
  assert.equal(document.info.version, PROTOCOL_VERSION);
  assert.deepEqual(document.components.schemas.ProtocolErrorCode.enum, [...PROTOCOL_ERROR_CODES]);
  for (const code of PROTOCOL_ERROR_CODES) assert.ok(ERROR_STATUS[code] >= 400, code);
  const operations = Object.values(document.paths).flatMap((item: any) => Object.values(item)) as any[];
  const capabilities = operations.map((op) => op['x-capability']).filter(Boolean);
  for (const capability of capabilities) assert.ok((CAPABILITIES as readonly string[]).includes(capability));
  for (const op of operations) {
    for (const code of op['x-error-codes']) assert.ok(op.responses[String(ERROR_STATUS[code as keyof typeof ERROR_STATUS])], `${op.operationId} documents ${code}'s status`);
  }
  assert.deepEqual(
    operations.map((op) => op.operationId).sort(),
    ['cancelSession', 'previewTax', 'retrieveSession', 'retrySession', 'startPayment', 'startProcessorPayment', 'updateSession', 'validateTaxId'],
  );
});

test('every way of starting a payment requires the confirmed total and may answer payment_total_changed', () => {
  const document = protocolDocument() as any;
  const { schemas } = document.components;
  for (const id of ['PayBody', 'PaymentStartRequest']) {
    assert.ok(schemas[id].required.includes('total'), `${id} requires total`);
    assert.equal(schemas[id].properties.total.type, 'integer');
  }
  for (const op of [document.paths['/{token}/pay.json'].post, document.paths['/{token}/payment.json'].post]) {
    for (const code of ['payment_total_changed', 'field_invalid', 'coupon_unknown', 'tax_id_required']) {
      assert.ok(op['x-error-codes'].includes(code), `${op.operationId} lists ${code}`);
    }
  }
  assert.equal(document.paths['/{token}/retry.json'].post['x-capability'], 'retry');
  assert.match(document.info.description, /One open payment/);
});

test('amounts are integers on the wire and the session tolerates what Quaderno sends', () => {
  const { schemas } = (protocolDocument() as any).components;
  assert.equal(schemas.TaxSummary.properties.total.type, 'integer');
  assert.equal(schemas.TaxLine.properties.amount.type, 'integer');
  assert.equal(schemas.Session.properties.items.items.properties.amount.type, 'number');
  const paid = (protocolDocument() as any).paths['/{token}/pay.json'].post.responses['202'];
  assert.deepEqual(paid.content['application/json'].schema, { $ref: '#/components/schemas/Session' });
  assert.equal(schemas.PayResult, undefined);
});

test('every request example is a body its schema accepts', () => {
  const schemas: Record<string, z.ZodMiniType> = { PublicUpdateBody: publicUpdateSchema, PayBody: payBodySchema };
  const operations = Object.values((protocolDocument() as any).paths).flatMap((item: any) => Object.values(item)) as any[];
  let seen = 0;
  for (const op of operations) {
    const media = op.requestBody?.content['application/json'];
    for (const [name, example] of Object.entries<any>(media?.examples ?? {})) {
      const id = (media.schema.$ref as string).split('/').pop()!;
      assert.ok(schemas[id], `${op.operationId}: a schema for ${id}`);
      const parsed = schemas[id].safeParse(example.value);
      assert.ok(parsed.success, `${op.operationId} example ${name}: ${JSON.stringify(parsed.error?.issues)}`);
      seen++;
    }
  }
  assert.equal(seen, 5);
});
