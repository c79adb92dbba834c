// The ES build loads code later only at its natural seams: a locale the page needs, or a payment processor's code.
// Everything else (the model's actions, the outcome views) is in the core, so no action ever waits for a download.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { LOCALE_CODES } from '../../src/session/locale-codes.js';
import { DIST, ROOT, ensureBuild } from './support.js';

/** The chunks a processor's code may load as (src/processors/<name>.ts), beside the locales. */
const PROCESSOR_MODULES = readdirSync(join(ROOT, 'src/processors'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => basename(file, '.ts'));

describe('chunks of the ES module build', () => {
  before(() => ensureBuild());

  it('are locales and processors only', () => {
    const chunks = readdirSync(DIST).filter((file) => /^quaderno-checkout-.+\.js$/.test(file) && !file.endsWith('.iife.js'));
    const names = chunks.map((file) => /^quaderno-checkout-(.+)-[\w-]{8}\.js$/.exec(file)?.[1] ?? file);
    const others = names.filter((name) => !(LOCALE_CODES as readonly string[]).includes(name) && !PROCESSOR_MODULES.includes(name));
    assert.deepEqual(others, [], `chunks that are neither a locale nor a processor: ${others.join()}`);
  });

  it('the core holds the actions and the outcome views', () => {
    const core = readFileSync(join(DIST, 'quaderno-checkout.js'), 'utf8');
    // The completed view's continue link, the poll's event, the cancel's event.
    for (const marker of ['continue-link', 'quaderno-complete', 'quaderno-cancel']) assert.ok(core.includes(marker), `${marker} in the core`);
  });
});
