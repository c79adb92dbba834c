// A node:test reporter for scripts/test.mjs: it counts the run's results from the runner's own events and writes
// them as JSON (`{passed, failed, cancelled, skipped, todo}`) to its destination, beside the spec reporter people
// read. Suites are not counted, only the tests in them; a file that fails to load is a failed test of its own.

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* summary(source) {
  const tally = { passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') continue;
    if (data.skip !== undefined && data.skip !== false) tally.skipped++;
    else if (data.todo !== undefined && data.todo !== false) tally.todo++;
    else if (event.type === 'test:pass') tally.passed++;
    else if (data.details?.error?.failureType === 'cancelledByParent') tally.cancelled++;
    else tally.failed++;
  }
  yield `${JSON.stringify(tally)}\n`;
}
