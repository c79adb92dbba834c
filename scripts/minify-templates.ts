// A Vite plugin for the script-tag bundles: minifies the static text of Lit's `css`, `html` and `svg` tagged
// templates in `src/`, which a JavaScript minifier leaves alone (template text is data to it).
//   css``            comments and whitespace out, via esbuild's CSS minifier; `${}` holes must sit where a
//                    declaration goes (`{ ${darkDefaults} }`), anything else leaves the literal as written.
//   html`` / svg``   each run of whitespace that contains a line break becomes one space, in text and between
//                    attributes, never inside a quoted attribute value. Whitespace is never removed outright (a
//                    space between inline elements renders), and a template with <pre>, <textarea>, <script>,
//                    <style> or <title> (whose text is kept verbatim) is left as written.
// Only tags imported from Lit by those names are touched. Edits keep a source map, so the bundle's map still
// points at src/. The plugin throws rather than guess when the parser's offsets do not match the source.
import { transform as esbuildTransform } from 'esbuild';
import { parseSync, type Plugin } from 'vite';
import { applyEdits, editMap, type Edit } from './source-edits.ts';

/** Lit's modules that export the `css` / `html` / `svg` tags. */
const LIT_MODULES = new Set(['lit', 'lit-html', 'lit-element', 'lit-element/lit-element.js', 'lit-html/lit-html.js']);
const TAGS = new Set(['css', 'html', 'svg']);
/** Browsers the CSS may be rewritten for (Vite's `baseline-widely-available`), so esbuild emits nothing newer. */
const CSS_TARGET = ['chrome107', 'edge107', 'firefox104', 'safari16'];

interface Quasi {
  /** Offset of the literal text (after the backtick or `}`) in the source. */
  start: number;
  raw: string;
}

export interface MinifyTemplatesOptions {
  /** Absolute directory whose `.ts`/`.js` modules are transformed. */
  include: string;
  /** Absolute directories under `include` to leave alone. */
  exclude?: string[];
}

export function minifyTemplates({ include, exclude = [] }: MinifyTemplatesOptions): Plugin {
  return {
    name: 'quaderno:minify-templates',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.startsWith(include) || exclude.some((dir) => file.startsWith(dir))) return null;
      if (!/\.[cm]?[jt]s$/.test(file) || !/(css|html|svg)`/.test(code)) return null;
      const edits = await templateEdits(file, code);
      if (edits.length === 0) return null;
      return { code: applyEdits(code, edits), map: editMap(code, edits, file) };
    },
  };
}

/** The edits that minify every Lit template literal in one module. */
export async function templateEdits(file: string, code: string): Promise<Edit[]> {
  const parsed = parseSync(file, code);
  if (parsed.errors.length > 0) return [];
  const tags = new Map<string, string>();
  for (const node of parsed.program.body as AnyNode[]) {
    if (node.type !== 'ImportDeclaration' || !LIT_MODULES.has(node.source.value) || node.importKind === 'type') continue;
    for (const spec of node.specifiers as AnyNode[]) {
      if (spec.type === 'ImportSpecifier' && spec.importKind !== 'type' && TAGS.has(spec.imported.name)) {
        tags.set(spec.local.name, spec.imported.name);
      }
    }
  }
  if (tags.size === 0) return [];

  const literals: Array<{ tag: string; quasis: Quasi[] }> = [];
  walk(parsed.program, (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
    const tag = tags.get(node.tag.name);
    if (!tag) return;
    const quasis = (node.quasi.quasis as AnyNode[]).map((q) => ({ start: q.start + 1, raw: q.value.raw as string }));
    for (const q of quasis) {
      if (code.slice(q.start, q.start + q.raw.length) !== q.raw) {
        throw new Error(`minify-templates: ${file}: template offsets do not match the source at ${q.start}`);
      }
    }
    literals.push({ tag, quasis });
  });

  const edits: Edit[] = [];
  for (const { tag, quasis } of literals) {
    const texts = tag === 'css' ? await minifyCss(quasis.map((q) => q.raw)) : minifyMarkup(quasis.map((q) => q.raw));
    if (!texts) continue;
    quasis.forEach((q, i) => {
      if (texts[i] !== q.raw) edits.push({ start: q.start, end: q.start + q.raw.length, text: texts[i]! });
    });
  }
  return edits.sort((a, b) => a.start - b.start);
}

// ---- html`` / svg`` --------------------------------------------------------------------------------------

const VERBATIM_ELEMENTS = /<(pre|textarea|script|style|title|xmp|listing|plaintext)[\s>/]/i;

/**
 * Collapses whitespace runs containing a line break to one space, outside quoted attribute values and comments.
 * Returns undefined (leave the template alone) when it holds an element whose text is kept verbatim.
 */
export function minifyMarkup(strings: readonly string[]): string[] | undefined {
  // why: a backslash before a line break is a line continuation (the break is not in the cooked string).
  if (strings.some((s) => VERBATIM_ELEMENTS.test(s) || /\\\r?\n/.test(s))) return undefined;
  // The state carries across `${}` holes: a hole inside a quoted value leaves the quote open.
  let state: 'text' | 'tag' | 'dq' | 'sq' | 'comment' = 'text';
  return strings.map((s) => {
    let out = '';
    let i = 0;
    while (i < s.length) {
      const ch = s[i]!;
      if (state === 'comment') {
        if (s.startsWith('-->', i)) {
          out += '-->';
          i += 3;
          state = 'text';
        } else out += s[i++];
        continue;
      }
      if (state === 'dq' || state === 'sq') {
        if (ch === (state === 'dq' ? '"' : "'")) state = 'tag';
        out += ch;
        i++;
        continue;
      }
      if (/\s/.test(ch)) {
        let j = i;
        while (j < s.length && /\s/.test(s[j]!)) j++;
        const run = s.slice(i, j);
        out += /[\n\r]/.test(run) ? ' ' : run;
        i = j;
        continue;
      }
      if (state === 'text') {
        if (s.startsWith('<!--', i)) {
          state = 'comment';
          out += '<!--';
          i += 4;
          continue;
        }
        if (ch === '<' && /[a-zA-Z/!?]/.test(s[i + 1] ?? '')) state = 'tag';
      } else if (ch === '"') state = 'dq';
      else if (ch === "'") state = 'sq';
      else if (ch === '>') state = 'text';
      out += ch;
      i++;
    }
    return out;
  });
}

// ---- css`` -----------------------------------------------------------------------------------------------

const HOLE = (n: number) => `--qc-minify-hole-${n}:0`;
const HOLE_PATTERN = /--qc-minify-hole-(\d+):0/g;

/**
 * Minifies a `css` literal's strings with esbuild. `${}` holes stand in as custom-property declarations, so they
 * are only accepted where a declaration may go. A literal without `{` is a declaration list (a fragment meant for
 * a hole) and is minified inside a dummy rule. Returns undefined to leave the literal as written.
 */
export async function minifyCss(strings: readonly string[]): Promise<string[] | undefined> {
  // why: Lit reads the cooked strings and esbuild would read the raw ones; they differ only where a backslash is.
  if (strings.some((s) => s.includes('\\'))) return undefined;
  const withoutComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '');
  for (let i = 0; i < strings.length - 1; i++) {
    const before = withoutComments(strings[i]!).trimEnd();
    const after = withoutComments(strings[i + 1]!).trimStart();
    if (!/[{;]$/.test(before) || !/^[};]/.test(after)) return undefined;
  }
  const joined = strings.reduce((acc, s, i) => acc + HOLE(i - 1) + s);
  const fragment = !withoutComments(joined).includes('{');
  const input = fragment ? `qc-minify-fragment{${joined}}` : joined;
  const result = await esbuildTransform(input, { loader: 'css', minify: true, target: CSS_TARGET, logLevel: 'silent' });
  if (result.warnings.length > 0) return undefined;
  let css = result.code.trim();
  if (fragment) {
    const match = /^qc-minify-fragment\{([\s\S]*)\}$/.exec(css);
    if (!match) return undefined;
    css = match[1]!;
  }
  // Split back at the holes, which must come out in order and once each.
  const parts: string[] = [];
  let last = 0;
  let expected = 0;
  for (const match of css.matchAll(HOLE_PATTERN)) {
    if (Number(match[1]) !== expected++) return undefined;
    parts.push(css.slice(last, match.index));
    last = match.index + match[0].length;
  }
  parts.push(css.slice(last));
  if (parts.length !== strings.length || parts.some((p) => p.includes('`') || p.includes('${') || p.includes('\\'))) {
    return undefined;
  }
  return parts;
}

// ---- a minimal AST walk ------------------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNode = any;

function walk(node: AnyNode, visit: (node: AnyNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node.type === 'string') visit(node);
  for (const key in node) {
    if (key !== 'parent' && key !== 'start' && key !== 'end') walk(node[key], visit);
  }
}
