import { build } from 'esbuild';
import { brotliCompressSync } from 'node:zlib';
import { adapterScriptOptions } from './element-bundle.ts';
for (const name of ['stripe', 'paypal'] as const) {
  const r = await build({ ...adapterScriptOptions(name), metafile: true });
  const code = r.outputFiles![0]!.text;
  const out = Object.values(r.metafile!.outputs)[0]!.inputs;
  const top = Object.entries(out).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,12).map(([k,v])=>`${k.replace('node_modules/','')}:${v.bytesInOutput}`);
  console.log(name, code.length, brotliCompressSync(Buffer.from(code)).length, top.join(' '));
}
