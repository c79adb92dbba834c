// Permalink tokens: unforgeable, deterministic, hiding the session id. Property runs use a fixed, printed seed
// (FC_SEED / FC_RUNS explore others).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createTokenSigner } from '../../src/server/token.js';

const SECRET = 'a-secret-of-at-least-thirty-two-chars';
const SCOPE = 'https://acme.quadernoapp.com';
const seed = Number(process.env.FC_SEED ?? 20261201);
const numRuns = Number(process.env.FC_RUNS ?? 300);

describe('permalink tokens', () => {
  const signer = createTokenSigner(SECRET, SCOPE);

  test('round trip, the same token each time, for any Quaderno id', () => {
    console.log(`fast-check seed ${seed}, ${numRuns} runs`);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (n) => {
        const id = n.toString();
        const token = signer.sign(id);
        assert.match(token, /^[A-Za-z0-9_-]+$/, 'safe in a URL path');
        assert.equal(signer.verify(token), id);
        assert.equal(signer.sign(Number(id) <= Number.MAX_SAFE_INTEGER ? Number(id) : id), token);
      }),
      { seed, numRuns },
    );
  });

  test('every single-character change of a token is refused', () => {
    const token = signer.sign(424242);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let tried = 0;
    for (let i = 0; i < token.length; i++) {
      for (const ch of alphabet) {
        if (ch === token[i]) continue;
        tried++;
        assert.equal(signer.verify(token.slice(0, i) + ch + token.slice(i + 1)), undefined, `position ${i} → ${ch}`);
      }
    }
    assert.ok(tried > 1000);
  });

  test('random strings never verify', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'AZaz09-_'.split('')), minLength: 0, maxLength: 60 }), (s) => {
      assert.equal(signer.verify(s), undefined);
    }), { seed, numRuns });
  });

  test('another secret, another account, truncation and extension are refused', () => {
    const token = signer.sign(1000);
    assert.equal(createTokenSigner('another-secret-of-thirty-two-chars!!', SCOPE).verify(token), undefined);
    assert.equal(createTokenSigner(SECRET, 'https://other.quadernoapp.com').verify(token), undefined);
    assert.equal(signer.verify(token.slice(0, -2)), undefined);
    assert.equal(signer.verify(`${token}AA`), undefined);
    assert.equal(signer.verify(''), undefined);
  });

  test('a short secret or an id that is not Quaderno’s is refused when signing', () => {
    assert.throws(() => createTokenSigner('short', SCOPE), /at least 32/);
    for (const id of ['', 'abc', '1.5', '-1', '1'.repeat(16), '../1']) assert.throws(() => signer.sign(id), /Not a Quaderno session id/);
  });
});
