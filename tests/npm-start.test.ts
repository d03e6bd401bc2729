/**
 * `npm start` (scripts/start.js) builds dist/ only when it is missing or older than a source, and
 * otherwise starts the server straight away. Run on a copy of the sources in a temporary directory
 * (node_modules linked), so this repository's dist/, which other suites run, is never rebuilt here.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..');
let copy: string;

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-npm-start-'));
  for (const entry of ['core', 'plugin', 'wp-json', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) {
    fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

/** `node scripts/start.js` in the copy until it serves GET /wp-json/; then stopped. Returns what it printed on stderr. */
function startOnce(): Promise<{ stderr: string; status: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.js'], {
      cwd: copy,
      env: { PATH: process.env.PATH, PORT: '0', DB_FILE: ':memory:', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', async (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      child.stdout!.removeAllListeners('data');
      try {
        const res = await fetch(`${m[1]}/wp-json/`);
        child.once('exit', () => resolve({ stderr: err, status: res.status }));
        child.kill('SIGTERM');
      } catch (e) {
        child.kill('SIGKILL');
        reject(e);
      }
    });
    child.once('exit', (code) => {
      if (!/listening on/.test(out)) reject(new Error(`start.js exited (${code}) before serving: ${err}`));
    });
  });
}

describe('npm start (scripts/start.js)', () => {
  it('with no dist/: builds it, then serves', async () => {
    expect(fs.existsSync(path.join(copy, 'dist'))).toBe(false);
    const run = await startOnce();
    expect(run.status).toBe(200);
    expect(run.stderr).toContain('building dist/');
    expect(fs.existsSync(path.join(copy, 'dist', 'plugin', 'server.js'))).toBe(true);
  });

  it('with dist/ current: serves without building', async () => {
    const before = fs.statSync(path.join(copy, 'dist', 'plugin', 'server.js')).mtimeMs;
    const run = await startOnce();
    expect(run.status).toBe(200);
    expect(run.stderr).not.toContain('building');
    expect(fs.statSync(path.join(copy, 'dist', 'plugin', 'server.js')).mtimeMs).toBe(before);
  });

  it('after a source changed: builds again, and runs the changed code', async () => {
    const file = path.join(copy, 'plugin', 'serve.ts'); // bundled into dist/plugin/server.bundle.js
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('wp-token-emulator listening on', 'wp-token-emulator (changed) listening on'));
    const later = new Date(Date.now() + 2000);
    fs.utimesSync(file, later, later); // past any stamp written in the same clock tick
    const run = await startOnce();
    expect(run.status).toBe(200);
    expect(run.stderr).toContain('building dist/');
    expect(fs.readFileSync(path.join(copy, 'dist', 'plugin', 'server.bundle.js'), 'utf8')).toContain('(changed) listening on');
  });
});
