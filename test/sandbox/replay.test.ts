// Replays the traffic recorded from Quaderno against the sandbox: same requests, same status codes, same shapes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordedInteractions, type RecordedInteraction } from '../helpers/fixtures.ts';
import { AUTH, call, shapeOf, useSandbox } from './harness.ts';

const OPTIONAL_KEYS = new Set(['processor', 'processor_id', 'coupon']);

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
          for (const session of reply.json) assert.deepEqual(keysOf(session), expectedKeys, `${label}: keys of session ${session.id}`);
          // The sessions this cassette created are listed, each shaped exactly like its recorded counterpart.
          let compared = 0;
          for (const [recordedId, ourId] of ids) {
            const ours: unknown = reply.json.find((s: { id: number }) => s.id === ourId);
            const theirs: unknown = expected.find((s: { id: number }) => s.id === recordedId);
            if (!theirs) continue;
            assert.ok(ours, `${label}: session ${ourId} listed`);
            assert.deepEqual(shapeOf(ours), shapeOf(theirs), `${label}: shape of session ${ourId}`);
            compared++;
          }
          assert.ok(ids.size === 0 || compared > 0, `${label}: no created session to compare`);
          continue;
        }
        if (recorded.method === 'POST') ids.set(expected.id, reply.json.id);
        assert.deepEqual(shapeOf(reply.json), shapeOf(expected), `${label}: shape`);
        // The sandbox's catalog and defaults reproduce the recorded body itself, up to id and permalink.
        const normalize = (session: Record<string, unknown>) => ({
          ...session,
          id: 0,
          permalink: String(session.permalink).replace(/^.*\/checkout\/session\/[0-9a-f]{40}$/, 'PERMALINK'),
        });
        assert.deepEqual(normalize(reply.json), normalize(expected), `${label}: body`);
        assert.deepEqual(Object.keys(reply.json), Object.keys(expected), `${label}: key order`);
      }
    });
  }
});
