// A node:test reporter for scripts/test.mjs: it counts the run's results from the runner's own events and writes
// them as JSON (`{passed, failed, cancelled, skipped, todo, files}`) to its destination, beside the spec reporter people
// read. Suites are not counted, only the tests in them; a file that fails to load is a failed test of its own.
// `files` lists each file's summed top-level test time, slowest first, so CI time can be traced to files.

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* summary(source) {
  const tally = { passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0 };
  /** @type {Map<string, { tests: number, ms: number }>} */
  const files = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.nesting === 0 && data.file) {
      const file = files.get(data.file) ?? { tests: 0, ms: 0 };
      file.ms += data.details?.duration_ms ?? 0;
      files.set(data.file, file);
    }
    if (data.file && data.details?.type !== 'suite') {
      const file = files.get(data.file) ?? { tests: 0, ms: 0 };
      file.tests++;
      files.set(data.file, file);
    }
    if (data.details?.type === 'suite') continue;
    if (data.skip !== undefined && data.skip !== false) tally.skipped++;
    else if (data.todo !== undefined && data.todo !== false) tally.todo++;
    else if (event.type === 'test:pass') tally.passed++;
    else if (data.details?.error?.failureType === 'cancelledByParent') tally.cancelled++;
    else tally.failed++;
  }
  const cwd = `${process.cwd()}/`;
  const byFile = [...files]
    .map(([file, { tests, ms }]) => ({ file: file.startsWith(cwd) ? file.slice(cwd.length) : file, tests, ms: Math.round(ms) }))
    .sort((a, b) => b.ms - a.ms);
  yield `${JSON.stringify({ ...tally, files: byFile })}\n`;
}
