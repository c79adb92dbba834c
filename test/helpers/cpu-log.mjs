// Opt-in measurement for CI time (`TEST_CPU_LOG=file node scripts/test.mjs …`): each process that loads this
// (every node:test file, via --import) appends one JSON line at exit with its own CPU seconds plus those of the
// children it waited for (tsc, npm, Chromium), read from /proc, so files can be compared on a shared machine
// where wall-clock times are inflated by other work.
import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const log = process.env.TEST_CPU_LOG;
if (log && process.platform === 'linux') {
  const started = performance.now();
  process.on('exit', () => {
    try {
      // why after the last ')': the command name may hold spaces; utime, stime, cutime, cstime are fields 14–17.
      const stat = readFileSync('/proc/self/stat', 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = (i) => Number(fields[i - 3]);
      const hz = 100;
      const own = (ticks(14) + ticks(15)) / hz;
      const children = (ticks(16) + ticks(17)) / hz;
      const file = process.argv[1] ? relative(process.cwd(), process.argv[1]) : '(no file)';
      appendFileSync(log, `${JSON.stringify({ file, cpuS: +(own + children).toFixed(2), ownS: +own.toFixed(2), childrenS: +children.toFixed(2), wallS: +((performance.now() - started) / 1000).toFixed(2) })}\n`);
    } catch {
      // a measurement only: never fail a test run over it
    }
  });
}
