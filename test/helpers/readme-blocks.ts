// The README's code blocks that name a file on their first line (`// examples/server/…`, `// src/…`): each must be
// that file's own lines, so the README shows what the suites run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Asserts a block is copied from `file` under `root`: its pieces between `// …` lines, each verbatim and in order. */
export function assertCopiedFrom(root: string, file: string, body: string): void {
  const source = readFileSync(join(root, file), 'utf8');
  let from = 0;
  for (const piece of body.split(/^\/\/ …\n/m).filter((part) => part.trim())) {
    const at = source.indexOf(piece, from);
    assert.ok(at >= 0, `README block of ${file}: not in the file (or out of order):\n${piece}`);
    from = at + piece.length;
  }
}
