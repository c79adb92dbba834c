// Replays the traffic recorded from Quaderno against the sandbox: same requests, same status codes, same shapes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordedInteractions, type RecordedInteraction } from '../helpers/fixtures.js';
import { AUTH, call, shapeOf, useSandbox } from './harness.js';

const OPTIONAL_KEYS = new Set(['processor', 'processor_id', 'coupon']);

/**
 * What the sandbox adds to Quaderno's recorded session (src/sandbox/README.md): the session's `tax` and, once paid,
 * `charged`. why compared without them: the recordings predate them and Quaderno's own JSON has no such keys; every
 * recorded key must still come back, in order and value, and any other extra key still fails.
 */
const SANDBOX_ADDITIONS = ['tax', 'charged'];

/** A session as recorded: the sandbox's additions removed (after checking the one it always sends). Other bodies as they are. */
function recordedPart(session: Record<string, any>): Record<string, any> {
  if (!('permalink' in session)) return session;
  assert.ok('tax' in session, `session ${session.id} carries its tax`);
  return Object.fromEntries(Object.entries(session).filter(([key]) => !SANDBOX_ADDITIONS.includes(key)));
}

/** Top-level, item and customer keys of a session, the optional ones left out. */
function keysOf(session: Record<string, any>) {
  return {
    top: Object.keys(session).filter((k) => !OPTIONAL_KEYS.has(k)).sort(),
    item: Object.keys(session.items?.[0] ?? {}).sort(),
    customer: Object.keys(session.customer ?? {}).sort(),
  };
}

const byFile = new Map<string, RecordedInteraction[]>();
for (const interaction of recordedInteractions()) {
  byFile.set(interaction.file, [...(byFile.get(interaction.file) ?? []), interaction]);
}

describe('replay of the recorded Quaderno traffic', () => {
  const sandbox = useSandbox();

  test('the fixtures hold the five session cassettes (and the tax ones, see tax-replay.test.ts)', () => {
    assert.equal([...byFile.keys()].filter((file) => !file.startsWith('validate_')).length, 5);
  });

  for (const [file, interactions] of byFile) {
    test(`${file}: ${interactions.map((i) => `${i.method} → ${i.status}`).join(', ')}`, async () => {
      const base = sandbox().url;
      const ids = new Map<number, number>();
      for (const recorded of interactions) {
        const uri = new URL(recorded.uri);
        // why: recorded ids belong to Quaderno's database; map each to the id the sandbox gave the same create.
        const path = uri.pathname.replace(/\/(\d+)(\.json)?$/, (_, id: string, ext = '') => `/${ids.get(Number(id)) ?? id}${ext}`);
        const reply = await call(base, `${path}${uri.search}`, {
          method: recorded.method,
          body: recorded.requestBody || undefined,
          // why: the cassettes redact Authorization ("Basic REDACTED") or drop it; the sandbox key stands in.
          headers: { Authorization: AUTH, Accept: 'application/json', ...(recorded.requestBody ? { 'Content-Type': 'application/json' } : {}) },
        });
        const label = `${recorded.method} ${recorded.uri}`;
        assert.equal(reply.status, recorded.status, `${label}: ${reply.text}`);
        if (!recorded.responseBody) {
          assert.equal(reply.text, '', `${label}: empty body`);
          continue;
        }
        const expected = JSON.parse(recorded.responseBody);
        if (Array.isArray(expected)) {
          assert.ok(Array.isArray(reply.json), label);
          const expectedKeys = keysOf(expected[0]);
          for (const session of reply.json) assert.deepEqual(keysOf(recordedPart(session)), expectedKeys, `${label}: keys of session ${session.id}`);
          // The sessions this cassette created are listed, each shaped exactly like its recorded counterpart.
          let compared = 0;
          for (const [recordedId, ourId] of ids) {
            const ours: Record<string, any> | undefined = reply.json.find((s: { id: number }) => s.id === ourId);
            const theirs: unknown = expected.find((s: { id: number }) => s.id === recordedId);
            if (!theirs) continue;
            assert.ok(ours, `${label}: session ${ourId} listed`);
            assert.deepEqual(shapeOf(recordedPart(ours)), shapeOf(theirs), `${label}: shape of session ${ourId}`);
            compared++;
          }
          assert.ok(ids.size === 0 || compared > 0, `${label}: no created session to compare`);
          continue;
        }
        if (recorded.method === 'POST') ids.set(expected.id, reply.json.id);
        const ours = recordedPart(reply.json);
        assert.deepEqual(shapeOf(ours), shapeOf(expected), `${label}: shape`);
        // The sandbox's catalog and defaults reproduce the recorded body itself, up to id and permalink.
        const normalize = (session: Record<string, unknown>) => ({
          ...session,
          id: 0,
          permalink: String(session.permalink).replace(/^.*\/checkout\/session\/[0-9a-f]{40}$/, 'PERMALINK'),
        });
        assert.deepEqual(normalize(ours), normalize(expected), `${label}: body`);
        assert.deepEqual(Object.keys(ours), Object.keys(expected), `${label}: key order`);
      }
    });
  }
});
