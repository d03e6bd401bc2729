/**
 * The package as another project gets it: `npm pack` output installed into a fresh temporary
 * project, then used with nothing configured beyond the test runner: require() (CommonJS), import
 * (ES module), jest's defaults, the ts-jest preset and vitest, each with createApp + supertest.
 *
 * The tarball is packed once from dist/ as jest's globalSetup built it (--ignore-scripts: packing
 * would otherwise run `prepare`, a rebuild of dist/ under the feet of the suites running beside
 * this one). Its dependencies install from the local npm cache where they are there
 * (--prefer-offline); the test runners are this repository's devDependencies, linked in. The six
 * checks are separate processes, started together once the project is installed.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { consumerFiles, testRunners } from './project-files';

const ROOT = path.join(__dirname, '..', '..');
const MINUTES = 60_000;

let dir: string;
let packed: { filename: string; size: number; files: { path: string }[] };

/** The environment of a child: this one's, less what jest and npm's lifecycle put there for this repository. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(JEST_|npm_)/i.test(k) && k !== 'NODE_OPTIONS' && k !== 'INIT_CWD') env[k] = v;
  return { ...env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };
}

function run(command: string, args: string[], cwd: string, timeout = 3 * MINUTES): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: childEnv(), encoding: 'utf8', timeout });
}

type Outcome = Pick<SpawnSyncReturns<string>, 'status' | 'signal' | 'stdout' | 'stderr' | 'error'>;

/** run(), without blocking: the checks are separate processes, so they run side by side (the suite's wall time is the slowest, not the sum). */
function start(command: string, args: string[], cwd: string, timeout = 4 * MINUTES): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: childEnv(), timeout });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error) => resolve({ status: null, signal: null, stdout, stderr, error }));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** The six checks of the installed package, started together at the end of beforeAll. */
const checks: Record<string, Promise<Outcome>> = {};

function expectSuccess(result: Outcome): string {
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`exit ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}:\n${output.slice(-4000)}`);
  return output;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-consumer-'));
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  expectSuccess(pack);
  [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
  for (const [file, text] of Object.entries(consumerFiles)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  expectSuccess(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', `./${packed.filename}`], dir));
  // After npm install (it would remove what its package.json does not name): the test runners.
  for (const name of testRunners) {
    const link = path.join(dir, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), link, 'dir');
  }
  const jest = path.join(dir, 'node_modules', 'jest', 'bin', 'jest.js');
  checks.cjs = start(process.execPath, ['--no-experimental-require-module', 'cjs/check.cjs'], dir);
  checks.esm = start(process.execPath, ['esm/check.mjs'], dir);
  checks.jestJs = start(process.execPath, [jest, '--ci'], path.join(dir, 'jest-js'));
  checks.tsJest = start(process.execPath, [jest, '--ci'], path.join(dir, 'ts-jest'));
  // `tsc --noEmit --strict --module node16 --target es2022 --types node check.ts` without skipLibCheck
  // for this package's declarations, through the compiler API: ours and the consumer's file get the
  // full check, the insides of Node's, Express's and supertest's declarations do not (their packages'
  // business; ~2/3 of tsc's CPU). check-declarations.js says what exactly.
  checks.tsc = start(process.execPath, [path.join(__dirname, 'check-declarations.js'), 'check.ts'], path.join(dir, 'types'));
  checks.vitest = start(process.execPath, [path.join(dir, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], path.join(dir, 'vitest'));
}, 5 * MINUTES);

afterAll(async () => {
  await Promise.all(Object.values(checks)); // none still writing into the directory removed below
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds what users run and read, and no tests, bench, CI, scripts or recordings', () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of ['package.json', 'README.md', 'bin/wp-token-emulator.js', 'dist/plugin/index.js', 'dist/plugin/index.d.ts', 'dist/plugin/server.js', 'dist/plugin/cli-main.js', 'examples/demo-fixtures.json']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /^(tests|bench|\.ci|scripts|coverage|data)\//.test(f) || /recording|\.map$|\.v8-cache|\.test\.|(^|\/)src\/|\.ts$/.test(f.replace(/\.d\.ts$/, '')))).toEqual([]);
  });

  it('carries an exports map with types, and the bundled CommonJS copy of lowdb', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'wp-token-emulator', 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/plugin/index.d.ts', default: './dist/plugin/index.js' });
    expect(fs.existsSync(path.join(dir, 'node_modules', 'wp-token-emulator', 'dist', 'vendor', 'lowdb.js'))).toBe(true);
  });
});

describe('installed in a fresh project, with no configuration beyond the test runner', () => {
  it("require('wp-token-emulator') from CommonJS, with require() of ES modules switched off", async () => {
    const out = expectSuccess(await checks.cjs!);
    expect(out).toContain('CJS: users/me 200 admin');
  }, 4 * MINUTES);

  it("import { createApp } from 'wp-token-emulator' in an ES module", async () => {
    const out = expectSuccess(await checks.esm!);
    expect(out).toContain('ESM: users/me 200 admin');
  }, 4 * MINUTES);

  it("a plain JavaScript jest test with jest's defaults", async () => {
    const out = expectSuccess(await checks.jestJs!);
    expect(out).toMatch(/Tests:\s+1 passed, 1 total/);
  }, 4 * MINUTES);

  it('a TypeScript jest test with the ts-jest preset (type-checked against the package types)', async () => {
    const out = expectSuccess(await checks.tsJest!);
    expect(out).toMatch(/Tests:\s+1 passed, 1 total/);
  }, 4 * MINUTES);

  it("the package's declarations type-check under tsc --strict, without skipLibCheck for them", async () => {
    const out = expectSuccess(await checks.tsc!);
    // It reached the package's declarations (index.d.ts and what it imports), so they were checked.
    expect(Number(/(\d+) of them this package's declarations/.exec(out)?.[1])).toBeGreaterThan(10);
  }, 4 * MINUTES);

  it('a vitest 3 test', async () => {
    const out = expectSuccess(await checks.vitest!);
    expect(out).toMatch(/Tests\s+1 passed \(1\)/);
  }, 4 * MINUTES);
});
