// Replays Quaderno's recorded tax traffic (validate_*.yml, recorded by the official Ruby client) against the sandbox:
// the same request URIs answer with the same status and the same body, field for field and in the same key order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordedInteractions } from '../helpers/fixtures.js';
import { AUTH, call, useSandbox } from './harness.js';

const TAX_CASSETTES = recordedInteractions().filter((i) => i.file.startsWith('validate_'));

describe('replay of the recorded tax traffic', () => {
  const sandbox = useSandbox();

  test('the four tax cassettes hold five interactions', () => {
    assert.deepEqual(
      [...new Set(TAX_CASSETTES.map((i) => i.file))],
      ['validate_invalid_tax_ID.yml', 'validate_tax_id.yml', 'validate_tax_rate.yml', 'validate_valid_tax_ID.yml'],
    );
    assert.equal(TAX_CASSETTES.length, 5);
  });

  for (const recorded of TAX_CASSETTES) {
    const uri = new URL(recorded.uri);
    test(`${recorded.file}: GET ${uri.pathname}${uri.search} → ${recorded.responseBody}`, async () => {
      const reply = await call(sandbox().url, `${uri.pathname}${uri.search}`, {
        method: recorded.method,
        headers: { Authorization: AUTH, Accept: 'application/json', 'User-Agent': 'Quaderno Ruby Gem 3.0.0' },
      });
      assert.equal(reply.status, recorded.status, reply.text);
      assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
      const expected = JSON.parse(recorded.responseBody);
      assert.deepEqual(reply.json, expected);
      assert.deepEqual(Object.keys(reply.json), Object.keys(expected), 'key order');
    });
  }
});
