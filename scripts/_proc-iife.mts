import { build } from 'vite';
import { brotliCompressSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { browserConfig } from '../vite.lib.config.ts';
const mode = process.argv[2];
const cfg = browserConfig((process.argv[3] as 'es' | 'iife') ?? 'iife'); if (process.env.ENTRY) (cfg.build!.lib as any).entry = process.env.ENTRY;
cfg.build!.outDir = '/tmp/proc-iife-' + mode;
if (mode === 'plugin') {
  const dynamic = /(?<!typeof\s+)\bimport\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)(?!\s*\.\s*[A-Z])/g;
  (cfg.plugins as any[]).push({ name: 'x', enforce: 'pre', transform(code: string, id: string) {
    if (!id.includes('/src/') || id.includes('/src/sandbox/')) return null;
    const heads: string[] = [];
    const out = code.replace(dynamic, (_m: string, q: string, p: string) => { const n = `__s${heads.length}`; heads.push(`import * as ${n} from ${q}${p}${q};`); return `Promise.resolve(${n})`; });
    return heads.length ? { code: heads.join('') + out, map: null } : null;
  } });
}
await build(cfg);
const f = readFileSync(`/tmp/proc-iife-${mode}/quaderno-checkout.${process.argv[3] === 'es' ? 'js' : 'iife.js'}`);
console.log(mode, (brotliCompressSync(f).length / 1024).toFixed(2), 'KB brotli', (f.length/1024).toFixed(1), 'raw');
