// docs/accessibility.md, the conformance report: every WCAG 2.2 A and AA criterion has one row, with a status, its
// EN 301 549 clause and at least one test that exists (the file, and the test's name in it); the README claims
// exactly what the report says.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const report = readFileSync(join(ROOT, 'docs/accessibility.md'), 'utf8');

/** The 55 success criteria of WCAG 2.2 at levels A and AA (4.1.1 Parsing was removed in 2.2). */
const WCAG_22_A_AA = [
  '1.1.1', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.2.5', '1.3.1', '1.3.2', '1.3.3', '1.3.4', '1.3.5', '1.4.1', '1.4.2',
  '1.4.3', '1.4.4', '1.4.5', '1.4.10', '1.4.11', '1.4.12', '1.4.13', '2.1.1', '2.1.2', '2.1.4', '2.2.1', '2.2.2',
  '2.3.1', '2.4.1', '2.4.2', '2.4.3', '2.4.4', '2.4.5', '2.4.6', '2.4.7', '2.4.11', '2.5.1', '2.5.2', '2.5.3', '2.5.4',
  '2.5.7', '2.5.8', '3.1.1', '3.1.2', '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.2.6', '3.3.1', '3.3.2', '3.3.3', '3.3.4',
  '3.3.7', '3.3.8', '4.1.2', '4.1.3',
];

interface Row {
  criterion: string;
  clause: string;
  status: string;
  proof: string;
}

const rows: Row[] = report
  .split('\n')
  .map((line) => line.match(/^\| (\d\.\d\.\d+) [^|]+\| ([^|]+) \| ([^|]+) \| [^|]+ \| (.+) \|$/))
  .filter((match) => match !== null)
  .map((match) => ({ criterion: match[1]!, clause: match[2]!.trim(), status: match[3]!.trim(), proof: match[4]! }));

/** A quoted string in source: '…', "…" or `…`, its text in the group of its quote. */
const LITERAL = /'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\])*)`/;

/**
 * The names of a test file's tests: the titles of its `it(…)` and `test(…)` calls, and the `name` of each row of a
 * table its tests are made from (`it(`${state.name}: …`)`), so a cited name must be a test's, not any text in the file.
 */
function testNames(source: string): string[] {
  const titles = [...source.matchAll(new RegExp(String.raw`\b(?:it|test|describe)\(\s*(?:` + LITERAL.source + ')', 'g'))];
  const rows = [...source.matchAll(new RegExp(String.raw`\bname:\s*(?:` + LITERAL.source + ')', 'g'))];
  return [...titles, ...rows].map((m) => (m[1] ?? m[2] ?? m[3]!).replace(/\\(.)/g, '$1'));
}

/** The tests a cell names: `file` › “name”. */
function citations(cell: string): Array<{ file: string; name: string }> {
  return [...cell.matchAll(/`(test\/[^`]+\.ts)` › “([^”]+)”/g)].map((m) => ({ file: m[1]!, name: m[2]! }));
}

describe('docs/accessibility.md', () => {
  test('one row per WCAG 2.2 A and AA criterion, 55 in all, with its EN 301 549 clause and a status', () => {
    assert.equal(WCAG_22_A_AA.length, 55);
    assert.deepEqual(rows.map((row) => row.criterion).sort(), [...WCAG_22_A_AA].sort());
    for (const row of rows) {
      assert.equal(row.clause, `9.${row.criterion}`, `${row.criterion}: EN 301 549 clause`);
      assert.ok(['Supports', 'Not applicable'].includes(row.status), `${row.criterion}: status ${row.status}`);
    }
  });

  test('every row and the 11.7 row name at least one test, and every test named exists in its file', () => {
    const clause117 = report.split('\n').find((line) => line.startsWith('| 11.7 '));
    assert.ok(clause117, 'the 11.7 row');
    const cells = [...rows.map((row) => ({ what: row.criterion, cell: row.proof })), { what: '11.7', cell: clause117 }];
    const names = new Map<string, string[]>();
    for (const { what, cell } of cells) {
      const cited = citations(cell);
      assert.ok(cited.length > 0, `${what} names no test`);
      for (const { file, name } of cited) {
        assert.ok(existsSync(join(ROOT, file)), `${what}: ${file} does not exist`);
        if (!names.has(file)) names.set(file, testNames(readFileSync(join(ROOT, file), 'utf8')));
        assert.ok(
          names.get(file)!.some((title) => title.includes(name)),
          `${what}: no test named “${name}” in ${file}`,
        );
      }
    }
  });

  test('a cited name is a test’s title, not any text of its file', () => {
    const source = `// a comment: the whole purchase\nit('validates on submit', () => {});\nconst STATES = [{ name: 'paying', view: 'form' }];`;
    assert.deepEqual(testNames(source), ['validates on submit', 'paying']);
    assert.ok(!testNames(source).some((title) => title.includes('the whole purchase')));
  });

  test('the README claims exactly the report: its counts and a link to it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const bullet = readme.split('\n').findIndex((line) => line.startsWith('- **Accessibility.**'));
    assert.ok(bullet >= 0, 'the README has an accessibility bullet');
    const text = readme.split('\n').slice(bullet, bullet + 8).join(' ');
    const supports = rows.filter((row) => row.status === 'Supports').length;
    const na = rows.length - supports;
    assert.match(text, /\(docs\/accessibility\.md\)/);
    assert.ok(text.includes(`${supports} Supports`), `README says ${supports} Supports: ${text}`);
    assert.ok(text.includes(`${na} Not applicable`), `README says ${na} Not applicable: ${text}`);
    assert.doesNotMatch(text, /axe finds nothing in any state/, 'no claim beyond the report');
  });

  test('the README’s custom properties keep exactly the contrasts the report asks a theme to keep, and claim no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rowsOf = (text: string) =>
      new Map([...text.matchAll(/^\| `(--quaderno-[a-z-]+)` \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!] as const));
    const themed = report.slice(report.indexOf('| Custom property | Must keep |'));
    const keep = rowsOf(themed.slice(0, themed.indexOf('\n\n')));
    const described = rowsOf(readme);
    assert.ok(keep.size >= 10, `the report's theme table: ${keep.size} rows`);
    for (const [property, description] of described) {
      const must = keep.get(property);
      const claimed = description.match(/\(must keep: (.+)\)\.$/)?.[1];
      if (must && !must.startsWith('nothing')) assert.equal(claimed, must.replace(/\.$/, ''), `${property} in the README`);
      else assert.doesNotMatch(description, /\d(\.\d+)?:1/, `${property}: a contrast the report does not ask for`);
    }
    for (const property of keep.keys()) assert.ok(described.has(property), `${property} is in the README's table`);
  });
});
