/**
 * plugin/code-cache.ts, as the build's entry stubs use it: each case runs real Node.js processes on
 * a small bundle in a temporary directory, through the compiled loader (dist/plugin/code-cache.js,
 * built by jest's global setup), the way `node dist/plugin/server.js` runs the server's bundle.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const LOADER = path.join(__dirname, '..', '..', 'dist', 'plugin', 'code-cache.js');
let dir: string;

/** A bundle that uses what a CommonJS module gets, and a stub beside it as scripts/build.js writes one. */
function writeProgram(bundleBody = ''): { stub: string; bundle: string; cache: string } {
  const bundle = path.join(dir, 'app.bundle.js');
  fs.writeFileSync(path.join(dir, 'helper.js'), 'module.exports = { six: 6 };\n');
  fs.writeFileSync(
    bundle,
    `"use strict";
const helper = require('./helper.js');
function main() { process.stdout.write(['main', helper.six * 7, path.basename(__filename), path.basename(__dirname), typeof exports].join(' ') + '\\n'); }
const path = require('node:path');
${bundleBody}
module.exports = { main, answer: 42 };
`,
  );
  const stub = path.join(dir, 'app.js');
  fs.writeFileSync(stub, `'use strict';\nconst bundle = require(${JSON.stringify(LOADER)}).loadBundle(require('node:path').join(__dirname, 'app.bundle.js'), module);\nif (require.main === module) bundle.main();\n`);
  return { stub, bundle, cache: `${bundle}.v8-cache` };
}

function node(...args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-code-cache-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadBundle (the entry stubs of dist/plugin/)', () => {
  it('runs the bundle as the stub module: its require, __filename, __dirname and exports, and require.main', () => {
    const { stub } = writeProgram();
    expect(node(stub)).toEqual({ code: 0, stdout: `main 42 app.bundle.js ${path.basename(dir)} object\n`, stderr: '' });
    // Required by another module (as scripts/start.js requires dist/plugin/server.js), it exports and does not run main.
    expect(node('-e', `const m = require(${JSON.stringify(stub)}); process.stdout.write(String(m.answer) + ' ' + typeof m.main)`)).toEqual({ code: 0, stdout: '42 function', stderr: '' });
  });

  it('writes the code cache beside the bundle at the first exit, then starts from it without writing it again', () => {
    const { stub, cache } = writeProgram();
    expect(fs.existsSync(cache)).toBe(false);
    expect(node(stub).code).toBe(0);
    const written = fs.statSync(cache);
    expect(written.size).toBeGreaterThan(0);
    expect(node(stub).stdout).toMatch(/^main 42/);
    expect(fs.statSync(cache).mtimeMs).toBe(written.mtimeMs);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a cache V8 rejects (another bundle, another Node.js, garbage) and still runs the bundle', () => {
    const { stub, cache } = writeProgram();
    fs.writeFileSync(cache, 'not a code cache');
    expect(node(stub)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^main 42/) });
    expect(fs.readFileSync(cache).toString('latin1')).not.toBe('not a code cache');
    // The bundle changed (a rebuild): the old cache is rejected (V8 checks the source's hash) and replaced.
    const before = fs.readFileSync(cache);
    writeProgram('const changed = true;');
    expect(node(stub)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^main 42/) });
    expect(fs.readFileSync(cache).equals(before)).toBe(false);
  });

  it('runs where the cache cannot be written (a read-only install), without a cache and without an error', () => {
    const { stub, cache } = writeProgram();
    // Unwritable for root as well (root ignores a directory's mode): a directory where the cache file would go.
    fs.mkdirSync(cache);
    expect(node(stub)).toEqual({ code: 0, stdout: expect.stringMatching(/^main 42/), stderr: '' });
    expect(fs.statSync(cache).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('with source maps on (npm run dev), require()s the bundle so that stack traces map to the sources', () => {
    const { stub, bundle } = writeProgram('if (process.env.THROW) (function thrower() { throw new Error("from the bundle"); })();');
    // A hand-made source map: every line of the bundle comes from line 1 of original.ts.
    const lines = fs.readFileSync(bundle, 'utf8').split('\n').length;
    fs.writeFileSync(`${bundle}.map`, JSON.stringify({ version: 3, sources: ['original.ts'], names: [], mappings: Array(lines).fill('AAAA').join(';') }));
    fs.appendFileSync(bundle, '//# sourceMappingURL=app.bundle.js.map\n');
    const mapped = spawnSync(process.execPath, ['--enable-source-maps', stub], { cwd: dir, encoding: 'utf8', env: { ...process.env, THROW: '1' } });
    expect(mapped.status).toBe(1);
    expect(mapped.stderr).toContain('original.ts:1');
    expect(fs.existsSync(`${bundle}.v8-cache`)).toBe(false);
  });
});
