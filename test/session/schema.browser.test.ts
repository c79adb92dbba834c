// The session schema in Chromium, over the same fixtures the Node suite reads: the recorded list and the seed document.
import { expect } from '@open-wc/testing';
import { parseSession, parseSessionList, SessionParseError } from '../../src/session/schema.js';
import { sessionTotals } from '../../src/session/money.js';

async function fixture(path: string): Promise<string> {
  const response = await fetch(new URL(`../fixtures/${path}`, import.meta.url));
  expect(response.ok, path).to.equal(true);
  return response.text();
}

describe('session schema in the browser', () => {
  it('parses all 21 recorded sessions and keeps their metadata', async () => {
    const sessions = parseSessionList(JSON.parse(await fixture('recorded/sessions-list.json')));
    expect(sessions).to.have.length(21);
    expect(sessions.every((s) => s.metadata && Object.keys(s.metadata).length === 0)).to.equal(true);
    expect(sessionTotals(sessions[0]!).total).to.equal(19700);
  });

  it('parses every JSON example of the seed document, duplicated key included', async () => {
    const doc = await fixture('checkout-sessions-api.md');
    const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    const sessions = examples.flatMap((e) => (Array.isArray(e) ? e : [e])).map((raw) => parseSession(raw));
    expect(sessions.map((s) => s.status)).to.deep.equal(['completed', 'failed', 'abandoned', 'completed']);
    expect(sessions[2]!.success_url).to.equal('http://success.com');
    expect(sessions[2]!.items[0]!.description).to.equal(null);
  });

  const broken: Array<[string, (s: Record<string, unknown>) => unknown, string]> = [
    ['an unknown status', (s) => ({ ...s, status: 'refunded' }), 'status'],
    ['a non-numeric amount', (s) => ({ ...s, items: [{ name: 'x', currency: 'EUR', amount: {} }] }), 'items.0.amount'],
    ['items that are not an array', (s) => ({ ...s, items: 'none' }), 'items'],
  ];
  for (const [name, mutate, path] of broken) {
    it(`rejects ${name}, naming ${path}`, async () => {
      const [first] = JSON.parse(await fixture('recorded/sessions-list.json'));
      let caught: unknown;
      try {
        parseSession(mutate(first));
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(SessionParseError);
      expect((caught as SessionParseError).path).to.equal(path);
    });
  }
});
