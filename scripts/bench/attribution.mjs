// Which source modules the bytes of a bundle come from, read from its source map: each generated character
// belongs to the source its mapping segment names (characters before any segment go to "(unmapped)"). A module's brotli share
// is its own text compressed alone, scaled so the shares add up to the bundle's brotli size (modules compress
// together in the real file, so this is an estimate that ranks well, not an exact split).
import { relative } from 'node:path';
import { decode } from '@jridgewell/sourcemap-codec';
import { sizes } from './lib.mjs';

/** Short names: `src/checkout/x.ts`, `lit-html/lit-html.js`, `zod/v4/core/schemas.js`. */
function shortName(source, root) {
  const path = relative(root, source.replace(/^file:\/\//, ''));
  const inModules = path.lastIndexOf('node_modules/');
  return inModules >= 0 ? path.slice(inModules + 'node_modules/'.length) : path;
}

/**
 * @param {string} code the bundle
 * @param {{ sources: string[], mappings: string, sourceRoot?: string }} map its source map
 * @param {string} mapDir the directory the map's relative sources are resolved against
 * @param {string} root project root, for names
 * @returns {{ module: string, raw: number, brotli: number }[]} sorted by brotli share, largest first
 */
export function attribute(code, map, mapDir, root) {
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  const texts = new Map();
  const add = (name, text) => texts.set(name, (texts.get(name) ?? '') + text);
  const names = map.sources.map((source) => shortName(new URL(source, `file://${mapDir}/`).pathname, root));
  // why the owner carries over from line to line: a minified bundle breaks lines only inside multi-line template
  // literals (css``, a country list), whose continuation lines start without a segment of their own.
  let owner = '(unmapped)';
  lines.forEach((line, i) => {
    const segments = [...(decoded[i] ?? [])].sort((a, b) => a[0] - b[0]);
    let column = 0;
    for (const segment of segments) {
      if (segment[0] > column) add(owner, line.slice(column, segment[0]));
      column = Math.max(column, segment[0]);
      owner = segment.length >= 4 ? names[segment[1]] : '(unmapped)';
    }
    add(owner, line.slice(column) + '\n');
  });
  const total = sizes(code).brotli;
  const rows = [...texts].map(([module, text]) => ({ module, raw: Buffer.byteLength(text), alone: sizes(text).brotli }));
  const sum = rows.reduce((acc, row) => acc + row.alone, 0);
  return rows
    .map(({ module, raw, alone }) => ({ module, raw, brotli: (alone / sum) * total }))
    .sort((a, b) => b.brotli - a.brotli);
}

/**
 * The areas of the core, first match wins: what the stack and the locale issue oblige every core to carry (Lit,
 * zod/mini, English), then the checkout's own parts. The one list the bench groups the attribution by.
 */
export const AREAS = [
  { area: 'Lit (lit-html, lit-element, reactive-element, directives)', floor: true, test: (m) => /^(lit-html|lit-element|@lit)\//.test(m) },
  { area: 'zod/mini', floor: true, test: (m) => m.startsWith('zod/') },
  { area: 'English (src/locales/en.ts)', floor: true, test: (m) => m === 'src/locales/en.ts' },
  { area: 'Styles (checkout.styles.ts, styles/, ui/*.styles.ts)', test: (m) => /^src\/(checkout\/(styles\/|checkout\.styles\.ts)|ui\/[^/]*\.styles\.ts)/.test(m) },
  { area: 'Element and views (checkout.component.ts, views/, ui/)', test: (m) => /^src\/(checkout\/(views\/|checkout\.component\.ts)|ui\/)/.test(m) },
  { area: 'Model (checkout/model/, the flow loader, events)', test: (m) => m.startsWith('src/checkout/') },
  { area: 'Session rules (schema, fields, validation, money)', test: (m) => m.startsWith('src/session/') },
  { area: 'HTTP client and errors (src/api/)', test: (m) => m.startsWith('src/api/') },
  { area: 'Locale negotiation and loading, country list', test: (m) => m.startsWith('src/locales/') },
  { area: 'Processor mount and deferral (src/processors/)', test: (m) => m.startsWith('src/processors/') },
  { area: 'Protocol (tax summary, error codes)', test: (m) => m.startsWith('src/protocol/') },
  { area: 'Entry and unmapped', test: () => true },
];

/**
 * @param {{ module: string, raw: number, brotli: number }[]} rows from attribute()
 * @returns {{ area: string, floor: boolean, raw: number, brotli: number, modules: number }[]} in AREAS order
 */
export function byArea(rows) {
  const totals = AREAS.map(({ area, floor }) => ({ area, floor: !!floor, raw: 0, brotli: 0, modules: 0 }));
  for (const row of rows) {
    const total = totals[AREAS.findIndex(({ test }) => test(row.module))];
    total.raw += row.raw;
    total.brotli += row.brotli;
    total.modules += 1;
  }
  return totals;
}
