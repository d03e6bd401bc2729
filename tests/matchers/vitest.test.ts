/**
 * The matchers under vitest 3 as well as jest: runs vitest (this repository's devDependency) on
 * tests/matchers/vitest/, where the spec extends vitest's expect with the same emulatorMatchers.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

it('the matcher spec passes under vitest, a failing matcher printing its near misses', () => {
  const env = { ...process.env };
  delete env.JEST_WORKER_ID;
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'tests/matchers/vitest/vitest.config.mts', '--reporter=verbose'], {
    cwd: ROOT,
    env: { ...env, CI: 'true', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${run.stdout}\n${run.stderr}`;
  expect(out).toMatch(/Tests\s+3 passed \(3\)/);
  expect(out).toMatch(/a failing matcher prints the near misses/);
  expect(run.status).toBe(0);
}, 120_000);
