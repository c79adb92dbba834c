// The packed tarball as a TypeScript user with the still-common `moduleResolution: "node"` installs it: the
// subpath entries (/core, /react, /vue, /server) type-check through `typesVersions`, and Node runs /server.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, ensureBuild, installPacked } from '../build/support.js';

/** Packages the consumer app itself has (the package's own dependencies are linked by installPacked). */
const CONSUMER = ['typescript', 'react', '@types/react', '@types/node'];

const APP_TSX = `
import 'quaderno-checkout';
import type {} from 'quaderno-checkout/react';
import type { QuadernoCheckout } from 'quaderno-checkout/core';
import { createCheckoutHandler, type CheckoutHandler } from 'quaderno-checkout/server';
import { useRef } from 'react';

export function Checkout({ permalink }: { permalink: string }) {
  const ref = useRef<QuadernoCheckout>(null);
  return <quaderno-checkout ref={ref} permalink={permalink} onquaderno-complete={(event) => event.detail.session.id} />;
}

export const handler: CheckoutHandler = createCheckoutHandler({ apiUrl: 'https://a.quadernoapp.com', apiKey: 'k', secret: 's'.repeat(32) });
export const link: string = handler.permalinkFor(1);
// @ts-expect-error: permalinkFor takes a session id
handler.permalinkFor({});
`;

describe('packed tarball, moduleResolution "node" (node10)', () => {
  let work: string;
  let project: string;

  before(async () => {
    await ensureBuild();
    work = mkdtempSync(join(tmpdir(), 'quaderno-pack-node10-'));
    const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    const tarball = join(work, (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename);
    project = join(work, 'app');
    // why: unpacked as npm would, with no network and no npm cache; the dependencies are linked from this repository.
    installPacked(tarball, project, CONSUMER);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    writeFileSync(join(project, 'app.tsx'), APP_TSX);
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('/core, /react and /server type-check (a QuadernoCheckout ref, a typed handler)', () => {
    const config = {
      compilerOptions: {
        target: 'ES2022', module: 'CommonJS', moduleResolution: 'node', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, esModuleInterop: true, types: ['node'],
      },
      files: ['app.tsx'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(config));
    const tsc = spawnSync(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  test('without typesVersions the same file fails with TS2307 (what the entry fixes)', () => {
    const pkgPath = join(project, 'node_modules/quaderno-checkout/package.json');
    const original = execFileSync('cat', [pkgPath], { encoding: 'utf8' });
    const pkg = JSON.parse(original) as Record<string, unknown>;
    delete pkg.typesVersions;
    writeFileSync(pkgPath, JSON.stringify(pkg));
    try {
      const tsc = spawnSync(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
      assert.notEqual(tsc.status, 0);
      assert.match(tsc.stdout, /TS2307: Cannot find module 'quaderno-checkout\/(react|core|server)'/);
    } finally {
      writeFileSync(pkgPath, original);
    }
  });

  test("Node resolves 'quaderno-checkout/server' and its handler answers", () => {
    const script = `
      const { createCheckoutHandler } = await import('quaderno-checkout/server');
      const handler = createCheckoutHandler({ apiUrl: 'https://a.quadernoapp.com', apiKey: 'k', secret: 's'.repeat(32) });
      const reply = await handler(new Request('https://shop.example/checkout/nope.json'));
      console.log(JSON.stringify({ status: reply.status, code: (await reply.json()).code, link: handler.permalinkFor(5).startsWith('/checkout/') }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out.trim()), { status: 404, code: 'session_not_found', link: true });
  });
});
