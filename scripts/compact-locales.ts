// A Vite plugin for the script-tag bundles: the ten bundled translations spell out the same ~90 keys ten times;
// this writes each key once. A locale module `const xx: Translation = { $code: 'xx', …, fields: { … }, … };
// export default xx;` becomes `const xx: Translation = translation([ 'xx', …, [ … ], … ]);`, where `translation`
// (a virtual module) rebuilds the object from one shared key list.
//
// The rebuilt object is the literal's equal: the same keys in the same order, the same values (each value's
// source text is kept as written and evaluated in the same order, in the same module scope), nested objects
// rebuilt alike, and a function value named after its key as the literal would name it (`itemCount.name`).
// Only locales whose key tree is exactly the reference locale's are rewritten; a literal with anything but
// plain `key: value` properties (spread, computed or quoted-odd keys, methods, shorthand, getters) is left alone.
// `scripts/build.ts` compares the rebuilt translations with the source ones after every build.
import { readFileSync } from 'node:fs';
import { parseSync, type Plugin } from 'vite';
import { applyEdits, editMap, type Edit } from './source-edits.ts';

const VIRTUAL = '\0quaderno:translation';

/** A key tree: each entry a key, or a nested object's key followed by its own tree (`['fields', 'email', …]`). */
type ShapeEntry = string | ShapeEntry[];
type Shape = ShapeEntry[];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNode = any;

interface Literal {
  /** The object literal's source range. */
  start: number;
  end: number;
  shape: Shape;
  /** The values' source ranges, nested like the shape. */
  values: Array<{ start: number; end: number } | Literal>;
}

export interface CompactLocalesOptions {
  /** Absolute paths of the locale modules. */
  files: readonly string[];
  /** The locale whose key tree the others must match (English). */
  reference: string;
}

export function compactLocales({ files, reference }: CompactLocalesOptions): Plugin {
  let shape: Shape | undefined;
  const shapeOf = (): Shape | undefined => {
    if (shape) return shape;
    const literal = localeLiteral(reference, readFileSync(reference, 'utf8'));
    return (shape = literal?.shape);
  };
  return {
    name: 'quaderno:compact-locales',
    enforce: 'pre',
    resolveId(source) {
      return source === VIRTUAL ? VIRTUAL : null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      const keys = shapeOf();
      if (!keys) throw new Error(`compact-locales: ${reference} is not a plain translation literal`);
      // why: `name` is what `key: () => …` in a literal gives a function (SetFunctionName); an array element gets ''.
      return [
        `const build = (shape, values) => {`,
        `  const object = {};`,
        `  shape.forEach((key, i) => {`,
        `    let value = values[i];`,
        `    if (typeof key !== 'string') value = build(key.slice(1), value), key = key[0];`,
        `    else if (typeof value === 'function' && !value.name) Object.defineProperty(value, 'name', { value: key });`,
        `    object[key] = value;`,
        `  });`,
        `  return object;`,
        `};`,
        `const SHAPE = ${JSON.stringify(keys)};`,
        `export default (values) => build(SHAPE, values);`,
      ].join('\n');
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!files.includes(file)) return null;
      const keys = shapeOf();
      const literal = localeLiteral(file, code);
      if (!keys || !literal || JSON.stringify(literal.shape) !== JSON.stringify(keys)) return null;
      // The values' text stays where it is; only what lies between them (keys, braces) is replaced.
      const edits: Edit[] = [{ start: 0, end: 0, text: `import __quadernoTranslation from ${JSON.stringify(VIRTUAL)};` }];
      let pos = literal.start;
      let pending = '__quadernoTranslation(';
      const emit = (object: Literal) => {
        pending += '[';
        object.values.forEach((value, i) => {
          if (i > 0) pending += ',';
          if ('shape' in value) return emit(value);
          edits.push({ start: pos, end: value.start, text: pending });
          pending = '';
          pos = value.end;
        });
        pending += ']';
      };
      emit(literal);
      edits.push({ start: pos, end: literal.end, text: pending + ')' });
      return { code: applyEdits(code, edits), map: editMap(code, edits, file) };
    },
  };
}

/** The module's one top-level `const x = { … }` that `export default x` exports, or undefined. */
export function localeLiteral(file: string, code: string): Literal | undefined {
  const parsed = parseSync(file, code);
  if (parsed.errors.length > 0) return undefined;
  const body = parsed.program.body as AnyNode[];
  const exported = body.find((n) => n.type === 'ExportDefaultDeclaration')?.declaration;
  if (exported?.type !== 'Identifier') return undefined;
  const declarator = body
    .filter((n) => n.type === 'VariableDeclaration' && n.kind === 'const')
    .flatMap((n) => n.declarations as AnyNode[])
    .find((d) => d.id.type === 'Identifier' && d.id.name === exported.name);
  if (declarator?.init?.type !== 'ObjectExpression') return undefined;
  // why: the binding must not be reassigned or mutated before export for the rewrite to be moot; it is const
  // and the rewrite keeps it a fresh object, so only the literal's own form matters.
  return objectLiteral(code, declarator.init);
}

function objectLiteral(code: string, node: AnyNode): Literal | undefined {
  const shape: Shape = [];
  const values: Literal['values'] = [];
  for (const prop of node.properties as AnyNode[]) {
    if (prop.type !== 'Property' || prop.kind !== 'init' || prop.computed || prop.method || prop.shorthand) {
      return undefined;
    }
    const key =
      prop.key.type === 'Identifier' ? prop.key.name : typeof prop.key.value === 'string' ? prop.key.value : undefined;
    if (key === undefined || key === '__proto__' || shape.some((k) => (typeof k === 'string' ? k : k[0]) === key)) {
      return undefined;
    }
    const value = prop.value;
    if (value.type === 'ObjectExpression') {
      const nested = objectLiteral(code, value);
      if (!nested) return undefined;
      shape.push([key, ...nested.shape]);
      values.push(nested);
      continue;
    }
    // why: the rebuilt object names a nameless function after its key, which is exactly what the literal does
    // for an anonymous function definition, and only for that; so every value must be a string or one of those.
    const plain =
      (value.type === 'Literal' && typeof value.value === 'string') ||
      value.type === 'TemplateLiteral' ||
      value.type === 'ArrowFunctionExpression' ||
      (value.type === 'FunctionExpression' && !value.id);
    if (!plain) return undefined;
    shape.push(key);
    values.push({ start: value.start, end: value.end });
  }
  return { start: node.start, end: node.end, shape, values };
}

// ---- the guard -----------------------------------------------------------------------------------------------

/**
 * Builds `entry` (a module whose `translations` export, or `getTranslation`, reaches every locale) twice in
 * memory, unminified, with and without the plugin, and throws unless every translation is the same: keys in the
 * same order at every level, equal strings, and functions with the same source text, `name`, `length`, own
 * property order and results for sample arguments.
 */
export async function verifyCompactLocales(options: {
  build: (withPlugin: boolean) => Promise<string>;
  codes: readonly string[];
}): Promise<number> {
  const load = async (withPlugin: boolean) => {
    const code = await options.build(withPlugin);
    const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    return module.getTranslation as (code: string) => unknown;
  };
  const [plain, compact] = await Promise.all([load(false), load(true)]);
  const samples: unknown[][] = [[], [0], [1], [2], [5], [21], ['EUR 1.00'], ['CODE10', 'x'], [3, '€4.00']];
  let compared = 0;
  const same = (a: unknown, b: unknown, path: string): void => {
    const fail = (what: string) => {
      throw new Error(`compact-locales: the rebuilt translation differs at ${path}: ${what}`);
    };
    if (typeof a !== typeof b) fail(`${typeof a} vs ${typeof b}`);
    if (typeof a === 'function' && typeof b === 'function') {
      if (a.toString() !== b.toString()) fail(`source ${a.toString()} vs ${b.toString()}`);
      const descriptors = (f: unknown) => JSON.stringify(Object.getOwnPropertyDescriptors(f));
      if (descriptors(a) !== descriptors(b)) fail(`own properties ${descriptors(a)} vs ${descriptors(b)}`);
      for (const args of samples) {
        const result = (f: (...args: unknown[]) => unknown) => {
          try {
            return JSON.stringify(f(...args));
          } catch (error) {
            return `throws ${String(error)}`;
          }
        };
        if (result(a as never) !== result(b as never)) fail(`result for ${JSON.stringify(args)}`);
      }
    } else if (a !== null && typeof a === 'object') {
      if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) {
        fail('prototype');
      }
      const keys = JSON.stringify(Reflect.ownKeys(a));
      if (keys !== JSON.stringify(Reflect.ownKeys(b as object))) fail(`keys ${keys}`);
      const descriptors = (o: object) =>
        JSON.stringify(Object.values(Object.getOwnPropertyDescriptors(o)).map(({ value: _value, ...rest }) => rest));
      if (descriptors(a) !== descriptors(b as object)) fail('property attributes');
      for (const key of Object.keys(a)) same((a as never)[key], (b as never)[key], `${path}.${key}`);
    } else if (a !== b) fail(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    compared++;
  };
  for (const code of options.codes) {
    const a = plain(code);
    const b = compact(code);
    if (a === plain('__none__') && code !== 'en') throw new Error(`compact-locales: no translation for ${code}`);
    same(a, b, code);
  }
  return compared;
}
