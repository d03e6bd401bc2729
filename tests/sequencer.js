// The order jest starts the suites in. jest's own sequencer runs the suites that failed last time
// first, then the slowest of the last run (from its cache), then, for suites it has no time for, the
// largest files first. CI starts with no cache, and file size says little here: the slowest suites
// are short files that wait on child processes (npm pack and install, tsc, an inner jest, the built
// bin), and started last they ran alone at the end of the run on one core. So a suite without a
// time of its own takes its place from the list below (slowest first, docs/performance.md "Test
// time"), before the others; with times in the cache, jest's order is unchanged.
const path = require('node:path');
const Sequencer = require(require.resolve('@jest/test-sequencer', { paths: [path.dirname(require.resolve('jest'))] })).default;

const SLOWEST_FIRST = [
  'tests/consumer/consumer.test.ts',
  'tests/docs-examples.test.ts',
  'tests/scaffold.test.ts',
  'tests/reliability/lock-race.test.ts',
  'tests/cli-help.test.ts',
  'tests/dashboard/dashboard-browser.test.ts',
  'tests/browser/screens.test.ts',
  'tests/browser/authorize-application.test.ts',
  'tests/reliability/adversarial.test.ts',
  'tests/core/store-compact.test.ts',
  'tests/core/process.test.ts',
  // Short files that wait on a child process (vitest, `npm start`, the server): by size they came last
  // and ran alone at the end of the run (vitest's ~2.6 s, 2026-12-05).
  'tests/matchers/vitest.test.ts',
  'tests/start.test.ts',
  'tests/npm-start.test.ts',
];
const ROOT = path.join(__dirname, '..');

class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (test) => (test.duration == null ? SLOWEST_FIRST.indexOf(path.relative(ROOT, test.path).split(path.sep).join('/')) : -1);
    const known = sorted.filter((test) => rank(test) >= 0).sort((a, b) => rank(a) - rank(b));
    if (known.length === 0) return sorted;
    const failed = sorted.filter((test) => this.hasFailed(test) && rank(test) < 0);
    return [...failed, ...known, ...sorted.filter((test) => rank(test) < 0 && !this.hasFailed(test))];
  }
}

module.exports = SlowestFirstSequencer;
