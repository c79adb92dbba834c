// node's test runner over the files given, started in the order given (scripts/test.mjs puts the slowest first).
// why not `node --test FILES`: in Node 20 the CLI sorts its files by name, so a long file near the end of the
// alphabet starts last and leaves a core idle while it runs; run() keeps the order. Same as the CLI otherwise:
// a process per file (with this process's --import flags), two at a time, the spec reporter on stdout, and the
// counting reporter (test/helpers/node-summary-reporter.mjs) into the file named first.
//   node --import tsx scripts/node-tests.mjs SUMMARY.json FILE...
import { createWriteStream } from 'node:fs';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import summary from '../test/helpers/node-summary-reporter.mjs';

const [summaryFile, ...files] = process.argv.slice(2);
const stream = run({ files, concurrency: 2 });
stream.on('test:fail', (data) => {
  if (!data.todo && !data.skip) process.exitCode = 1;
});
stream.compose(new spec()).pipe(process.stdout);
stream.compose(summary).pipe(createWriteStream(summaryFile));
