// The package as an app installs it: `npm pack`, installed into a fresh project in the OS temp dir, then a TS file,
// a React TSX file and a Vue typings file compile against its declarations, and Node resolves its exports map.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, ensureBuild, installPacked } from './support.js';

/** Packages the consumer app itself has (the package's own dependencies are linked by installPacked). */
const CONSUMER = ['typescript', 'react', '@types/react', 'vue', '@types/node'];

const MAIN_TS = `
import 'quaderno-checkout';
import {
  QuadernoCheckout,
  createPrivateClient,
  createPublicClient,
  sessionSchema,
  ValidationError,
  QuadernoCompleteEvent,
  type CheckoutSession,
} from 'quaderno-checkout/core';

const el = document.createElement('quaderno-checkout');
const typed: QuadernoCheckout = el;
const permalink: string = el.permalink;
el.theme = 'dark';
el.addEventListener('quaderno-complete', (event) => {
  const session: CheckoutSession = event.detail.session;
  event.preventDefault();
  console.log(session.status, permalink, typed.session?.id);
});
el.addEventListener('quaderno-error', (event) => console.log(event.detail.code.toUpperCase(), event.detail.message));
document.addEventListener('quaderno-cancel', (event) => console.log(event.detail.session?.cancel_url));
const handler = (event: QuadernoCompleteEvent) => event.detail.session.id;
el.addEventListener('quaderno-complete', handler);
document.body.addEventListener('quaderno-complete', (event) => {
  // the event map names the class, and the class is a value to test against
  const same: QuadernoCompleteEvent = event;
  console.log(same instanceof QuadernoCompleteEvent && same.cancelable);
});
// @ts-expect-error: the transport is not part of the core
import type { requestJson } from 'quaderno-checkout/core';
// @ts-expect-error: a misspelt property does not exist
el.permalnk = 'x';
// @ts-expect-error: theme is a union
el.theme = 'blue';

export async function server(): Promise<number> {
  const quaderno = createPrivateClient({ baseUrl: 'http://127.0.0.1:4010', apiKey: 'sk_test_sandbox' });
  const session = await quaderno.create({ items: [{ product: '000000' }], success_url: 'https://a.example/ok', cancel_url: 'https://a.example/no' });
  const client = createPublicClient(session.permalink!);
  try {
    await client.update({ customer: { email: 'ana@example.com' } });
  } catch (error) {
    if (error instanceof ValidationError) console.log(error.fields);
  }
  return sessionSchema.parse(session).id ?? 0;
}
`;

const APP_TSX = `
import 'quaderno-checkout';
import type {} from 'quaderno-checkout/react';
import { useRef } from 'react';
import type { QuadernoCheckout } from 'quaderno-checkout/core';

export function Checkout({ permalink }: { permalink: string }) {
  const ref = useRef<QuadernoCheckout>(null);
  return (
    <quaderno-checkout
      ref={ref}
      permalink={permalink}
      locale="es"
      theme="dark"
      className="checkout"
      onquaderno-complete={(event) => {
        event.preventDefault();
        console.log(event.detail.session.status, ref.current?.session?.id);
      }}
      onquaderno-error={(event) => console.log(event.detail.code)}
    />
  );
}

// @ts-expect-error: theme is a union
export const wrongTheme = <quaderno-checkout permalink="x" theme="blue" />;
// @ts-expect-error: the detail of quaderno-complete has no 'code'
export const wrongDetail = <quaderno-checkout onquaderno-complete={(event) => event.detail.code} />;
`;

const VUE_TS = `
import type {} from 'quaderno-checkout/vue';
import type { GlobalComponents } from 'vue';
type Props = InstanceType<GlobalComponents['quaderno-checkout']>['$props'];
export const props: Props = { permalink: 'x', theme: 'light', onQuadernoComplete: (event) => event.detail.session.id };
// @ts-expect-error: theme is a union
export const wrong: Props = { theme: 'blue' };
`;

function tsconfig(moduleResolution: 'bundler' | 'nodenext'): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: moduleResolution === 'bundler' ? 'ESNext' : 'NodeNext',
      moduleResolution,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      // why: with bundler resolution, check the package's own declarations too, not only how the app uses them.
      skipLibCheck: moduleResolution !== 'bundler',
      types: [],
    },
    files: ['main.ts', 'app.tsx', 'vue.ts'],
  });
}

describe('npm pack → install in a fresh project', () => {
  let work: string;
  let project: string;
  let tarball: string;

  before(async () => {
    await ensureBuild();
    work = mkdtempSync(join(tmpdir(), 'quaderno-pack-'));
    const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    tarball = join(work, (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename);
    project = join(work, 'app');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    // why no npm: see installPacked; no cache and no network needed, as on a new contributor's machine.
    installPacked(tarball, project, CONSUMER);
    writeFileSync(join(project, 'main.ts'), MAIN_TS);
    writeFileSync(join(project, 'app.tsx'), APP_TSX);
    writeFileSync(join(project, 'vue.ts'), VUE_TS);
  });

  after(() => {
    // KEEP_PACK_DIR=1 keeps the project for a look at what failed.
    if (work && !process.env.KEEP_PACK_DIR) rmSync(work, { recursive: true, force: true });
    else if (work) console.log(`kept ${work}`);
  });

  it('the tarball holds the bundles, the npm modules, the declarations and the manifest, and no sources', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const file of [
      'package/dist/quaderno-checkout.js',
      'package/dist/quaderno-checkout.iife.js',
      'package/dist/lib/quaderno-checkout.js',
      'package/dist/lib/quaderno-checkout.d.ts',
      'package/dist/lib/index.js',
      'package/dist/lib/index.d.ts',
      'package/dist/lib/react.d.ts',
      'package/dist/lib/vue.d.ts',
      'package/dist/custom-elements.json',
      'package/package.json',
    ]) {
      assert.ok(listing.includes(file), `packs ${file}`);
    }
    assert.ok(!listing.some((file) => file.startsWith('package/src/') || file.startsWith('package/test/')), 'no sources or tests');
  });

  it('a TS file, a React 19 TSX file and Vue typings compile against the package (bundler and nodenext resolution)', async () => {
    // why: both in parallel; the full lib check (skipLibCheck false) is the slow one, so it runs once.
    const runs = (['bundler', 'nodenext'] as const).map((resolution) => {
      const config = join(project, `tsconfig.${resolution}.json`);
      writeFileSync(config, tsconfig(resolution));
      return new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: project });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => resolve(code === 0 ? '' : `moduleResolution ${resolution}: tsc exited with ${code}\n${output}`));
      });
    });
    const failures = (await Promise.all(runs)).filter(Boolean);
    assert.deepEqual(failures, []);
  });

  it("Node resolves the exports map: '.', './core', './react', './vue', the bundles and the manifest", () => {
    const script = `
      const core = await import('quaderno-checkout/core');
      const tag = await import('quaderno-checkout');
      await import('quaderno-checkout/react');
      await import('quaderno-checkout/vue');
      const { createRequire } = await import('node:module');
      const require = createRequire(import.meta.url);
      const manifest = require('quaderno-checkout/custom-elements.json');
      const bundle = import.meta.resolve('quaderno-checkout/dist/quaderno-checkout.js');
      console.log(JSON.stringify({ same: core.QuadernoCheckout === tag.QuadernoCheckout, tag: manifest.modules.some((m) => m.declarations?.some((d) => d.tagName === 'quaderno-checkout')), bundle: bundle.endsWith('/dist/quaderno-checkout.js') }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out.trim()), { same: true, tag: true, bundle: true });
  });

  it('package.json points customElements, types and exports at files that exist', () => {
    const pkg = JSON.parse(
      execFileSync('cat', [join(project, 'node_modules/quaderno-checkout/package.json')], { encoding: 'utf8' }),
    ) as { customElements: string; types: string; main: string; exports: Record<string, string | Record<string, string>> };
    const base = join(project, 'node_modules/quaderno-checkout');
    for (const path of [pkg.customElements, pkg.types, pkg.main]) assert.ok(existsSync(join(base, path)), path);
    for (const target of Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))) {
      assert.ok(existsSync(join(base, target)), target);
    }
    assert.ok(readdirSync(join(base, 'dist/lib')).includes('index.d.ts.map'));
  });
});
