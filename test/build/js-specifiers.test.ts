// scripts/js-specifiers.ts: which specifiers it rewrites, found by TypeScript's parser, and which it leaves alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emittedSpecifier, rewriteSpecifiers } from '../../scripts/js-specifiers.js';

describe('js-specifiers', () => {
  const specifiers: Array<[from: string, to: string | undefined]> = [
    ['./x.ts', './x.js'],
    ['../a/b.ts', '../a/b.js'],
    ['./view.tsx', './view.js'],
    ['./tool.mts', './tool.mjs'],
    ['./x.js', undefined],
    ['./types.d.ts', undefined],
    ['lit', undefined],
    ['zod/mini', undefined],
    ['node:fs', undefined],
    ['./dir.v2/index', undefined],
    ['/abs/x.ts', undefined],
  ];
  for (const [from, to] of specifiers) {
    it(`${from} → ${to ?? 'unchanged'}`, () => assert.equal(emittedSpecifier(from), to));
  }

  it('rewrites imports, re-exports, dynamic imports and import types, and nothing in strings or comments', () => {
    const source = [
      `import { a } from './a.ts';`,
      `import type { B } from "../b.ts";`,
      `export * from './c.ts';`,
      `export { d } from './d.ts';`,
      `import './side.ts';`,
      `const e = () => import('./e.ts');`,
      `type F = typeof import('./f.ts');`,
      `// import { g } from './g.ts';`,
      `const text = "from './h.ts'";`,
      `import { html } from 'lit';`,
    ].join('\n');
    const { text, changed } = rewriteSpecifiers('x.ts', source);
    assert.equal(
      text,
      [
        `import { a } from './a.js';`,
        `import type { B } from "../b.js";`,
        `export * from './c.js';`,
        `export { d } from './d.js';`,
        `import './side.js';`,
        `const e = () => import('./e.js');`,
        `type F = typeof import('./f.js');`,
        `// import { g } from './g.ts';`,
        `const text = "from './h.ts'";`,
        `import { html } from 'lit';`,
      ].join('\n'),
    );
    assert.deepEqual(changed.map((c) => c.from), ['./a.ts', '../b.ts', './c.ts', './d.ts', './side.ts', './e.ts', './f.ts']);
  });

  it('reads TSX', () => {
    const { text } = rewriteSpecifiers('app.tsx', `import { A } from './a.tsx';\nexport const x = <A />;`);
    assert.equal(text, `import { A } from './a.js';\nexport const x = <A />;`);
  });
});
