// The README's processor snippets: every code block whose first line names a source file (`// src/…`) is that file's
// own lines (pieces between `// …` lines, each verbatim and in order), so "Writing a processor" and "adding a
// processor" show the code the processor suites run, and cannot drift from it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertCopiedFrom } from '../helpers/readme-blocks.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe("README.md's source snippets are the sources' own lines", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  // why the indent: a block inside a numbered list is indented as a whole; its lines compare without it.
  const blocks = [...readme.matchAll(/^( *)```ts\n\1\/\/ (src\/\S+)\n([\s\S]*?)\1```/gm)].map(([, indent, file, body]) => ({
    file: file!,
    body: body!.replace(new RegExp(`^${indent}`, 'gm'), ''),
  }));

  test('the processor contract, the lazy factory and an adapter factory are shown', () => {
    const files = blocks.map((block) => block.file);
    for (const file of ['src/processors/sandbox.ts', 'src/processors/factories.ts', 'src/processors/real.ts']) assert.ok(files.includes(file), file);
  });

  test('every such block is copied from its file', () => {
    assert.ok(blocks.length > 0);
    for (const { file, body } of blocks) assertCopiedFrom(ROOT, file, body);
  });
});
