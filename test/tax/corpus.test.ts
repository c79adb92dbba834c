// The tax-ID corpus (corpus-data.ts: python-stdnum's test data and examples, a library independent of the npm stdnum
// port the code uses) through what a customer meets: the element's field rule, and over HTTP the real sandbox (both
// Quaderno's private validate endpoint and the keyless tax_id.json the element asks) and the merchant's handler in
// front of it (its tax_id.json, which asks Quaderno). No valid number may be refused anywhere; every invalid number
// of a country we check is refused; the rest "could not be checked" (null).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateField } from '../../src/session/fields.js';
import { CHECKED_COUNTRIES } from '../../src/tax/tax-ids.js';
import { call, KEY, tokenOf, useSandbox } from '../sandbox/harness.js';
import { browser, startHandler } from '../server/support.js';
import { corpusCases } from './corpus-data.js';

type Answer = boolean | null;

describe('tax ID corpus', () => {
  const sandbox = useSandbox();

  test('no valid number refused; every invalid number of a checked country refused; counts printed', async () => {
    const cases = corpusCases();
    const session = sandbox().store.createSession({ items: [{ name: 'Plan', amount: 1000, currency: 'EUR' }] });
    const permalink = `/checkout/session/${tokenOf(sandbox().store.toJSON(session, sandbox().url))}`;
    const ask = async (path: string): Promise<Answer> => {
      const reply = await call(sandbox().url, path);
      assert.equal(reply.status, 200, `${path}: ${reply.text}`);
      return (reply.json as { valid: Answer }).valid;
    };

    const handler = await startHandler(sandbox().url, { apiKey: KEY });
    const merchant = handler.permalink(session.id);
    const askHandler = async (query: string): Promise<Answer> => {
      const reply = await browser(`${merchant}/tax_id.json?${query}`);
      assert.equal(reply.status, 200, `handler tax_id.json?${query}: ${reply.text}`);
      return (reply.json as { valid: Answer }).valid;
    };

    const wrong: string[] = [];
    const counts = { valid: 0, validTrue: 0, validNull: 0, fieldRefused: 0, invalidChecked: 0, invalidRefused: 0, invalidUnchecked: 0 };
    for (const { country, valid, kind, id } of cases) {
      const query = `country=${country}&tax_id=${encodeURIComponent(id)}`;
      const [api, preview, viaHandler] = await Promise.all([ask(`/api/tax_ids/validate.json?${query}`), ask(`${permalink}/tax_id.json?${query}`), askHandler(query)]);
      // why the whole field rule: its length limit too, on the text as typed, separators included.
      const field = validateField('tax_id', id, 'required', { country });
      const label = `${country} ${kind} "${id}"`;
      if (api !== preview || api !== viaHandler) wrong.push(`${label}: the endpoints disagree (sandbox ${api}, its tax_id.json ${preview}, the handler's ${viaHandler})`);
      if (field) {
        if (valid) counts.fieldRefused++;
        wrong.push(`${label}: refused by the field (${field.key})`);
      }
      const checked = CHECKED_COUNTRIES.includes(country);
      if (valid) {
        counts.valid++;
        if (api === false) wrong.push(`${label}: a valid number refused`);
        else if (api === true) counts.validTrue++;
        else counts.validNull++;
        if (api === null && checked) wrong.push(`${label}: valid, in a checked country, but not checked`);
      } else if (checked) {
        counts.invalidChecked++;
        if (api === false) counts.invalidRefused++;
        else wrong.push(`${label}: an invalid number of a checked country answered ${api}`);
      } else {
        counts.invalidUnchecked++;
        if (api !== null) wrong.push(`${label}: a country without a validator answered ${api}`);
      }
    }
    const countries = new Set(cases.map((c) => c.country));
    console.log(
      `tax ID corpus: ${cases.length} numbers, ${countries.size} countries (${[...countries].filter((c) => CHECKED_COUNTRIES.includes(c)).length} checked); ` +
        `valid ${counts.valid}: ${counts.validTrue} verified, ${counts.validNull} could not be checked, ${counts.fieldRefused} refused by the field; ` +
        `invalid in checked countries ${counts.invalidChecked}: ${counts.invalidRefused} refused; invalid elsewhere ${counts.invalidUnchecked}: could not be checked`,
    );
    await handler.close();
    assert.deepEqual(wrong, []);
    assert.ok(countries.size >= 60, `${countries.size} countries`);
    assert.equal(counts.invalidRefused, counts.invalidChecked);
  });
});
