// `tsx scripts/js-specifiers.ts [--check] [dir|file …]`: relative import specifiers written as the emitted file
// (`./x.js`), not as the source (`./x.ts`). With `.js` specifiers, tsc writes declarations that resolve as they stand
// (it copies specifiers into `.d.ts` files unchanged, even with `rewriteRelativeImportExtensions`), and tsx, Vite,
// esbuild and web-test-runner's esbuild plugin all map `./x.js` to `./x.ts`. The specifiers are found by TypeScript's
// own parser, so strings and comments that merely look like imports are left alone.
//   default   rewrites the files in place and prints how many specifiers changed
//   --check   changes nothing; lists every `.ts` specifier left and exits 1 if there is one
// Without paths it covers src, test, scripts, demo, examples and the configuration files at the root.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Source extension → the extension of what it compiles to. */
const EMITTED: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/** The emitted form of a relative specifier to a TypeScript source, or undefined when it is something else. */
export function emittedSpecifier(specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  if (/\.d\.[cm]?ts$/.test(specifier)) return undefined;
  const dot = specifier.lastIndexOf('.');
  const slash = specifier.lastIndexOf('/');
  if (dot <= slash) return undefined;
  const replacement = EMITTED[specifier.slice(dot)];
  return replacement ? specifier.slice(0, dot) + replacement : undefined;
}

/** Every module specifier literal in a file: static and dynamic imports, re-exports, `import('…')` types, `require`. */
function specifierLiterals(file: ts.SourceFile): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) found.push(argument);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) {
      found.push(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The file's text with its relative `.ts` specifiers in their emitted form, and how many there were. */
export function rewriteSpecifiers(fileName: string, text: string): { text: string; changed: Array<{ from: string; to: string }> } {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const edits = specifierLiterals(file)
    .map((literal) => ({ literal, to: emittedSpecifier(literal.text) }))
    .filter((edit): edit is { literal: ts.StringLiteralLike; to: string } => edit.to !== undefined)
    // why from the end: each edit then leaves the positions of the ones still to make where they were.
    .sort((a, b) => b.literal.getStart(file) - a.literal.getStart(file));
  let out = text;
  for (const { literal, to } of edits) {
    // why inside the quotes: the literal's own quote characters stay as written.
    const start = literal.getStart(file) + 1;
    const end = literal.getEnd() - 1;
    out = out.slice(0, start) + to + out.slice(end);
  }
  return { text: out, changed: edits.reverse().map(({ literal, to }) => ({ from: literal.text, to })) };
}

const SKIP = new Set(['node_modules', 'dist', '.tmp', '.git']);

function sources(path: string): string[] {
  if (!statSync(path).isDirectory()) return /\.[cm]?tsx?$/.test(path) && !/\.d\.[cm]?ts$/.test(path) ? [path] : [];
  return readdirSync(path)
    .filter((name) => !SKIP.has(name))
    .flatMap((name) => sources(join(path, name)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const check = process.argv.includes('--check');
  const given = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const rootFiles = readdirSync(root).filter((name) => /\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts'));
  const paths = given.length > 0 ? given : ['src', 'test', 'scripts', 'demo', 'examples', ...rootFiles].map((p) => join(root, p));
  let count = 0;
  let files = 0;
  for (const file of paths.flatMap(sources)) {
    const before = readFileSync(file, 'utf8');
    const { text, changed } = rewriteSpecifiers(file, before);
    if (changed.length === 0) continue;
    count += changed.length;
    files++;
    if (check) for (const { from } of changed) console.log(`${relative(root, file)}: '${from}'`);
    else writeFileSync(file, text);
  }
  if (check) {
    console.log(count === 0 ? 'every relative specifier names the emitted file' : `${count} .ts specifiers in ${files} files`);
    process.exit(count === 0 ? 0 : 1);
  }
  console.log(`${count} specifiers in ${files} files now name the emitted file`);
}
