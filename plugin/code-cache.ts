/**
 * Loads the build's two process bundles (dist/plugin/server.bundle.js, the server; dist/plugin/
 * cli-main.bundle.js, the command line) with V8's code cache, through Node's public `vm.Script`
 * `cachedData` API. scripts/build.js writes dist/plugin/server.js and cli-main.js as three-line stubs
 * that call loadBundle().
 *
 * Why: every start of the command line or the server compiled the same ~600 KB bundle again. With
 * the cache V8 takes the bytecode of the last run's compiled functions instead: `npx
 * wp-token-emulator user list` 114 → 98 ms of CPU (plain `node -e 0`: 60 ms), and `npm test` starts
 * ~150 of them (docs/performance.md, "Test time"). Node 22 offers this as
 * `module.enableCompileCache()`; Node 20, which this project supports, does not.
 *
 * The cache is a file beside the bundle (`<bundle>.v8-cache`), written once at the exit of a process
 * that found none or found it unusable (another Node.js version or V8 flags: V8 rejects it, checking
 * its version, flags and the source's hash), through a temporary file and a rename, so that
 * processes starting side by side never read half a file. It never goes to a shared directory such
 * as /tmp: a cache another user could write would run as code here. Where the directory cannot be
 * written (a read-only install), nothing is cached and nothing fails.
 *
 * With source maps on (`node --enable-source-maps`, `npm run dev`) the bundle is require()d as usual:
 * Node 20 maps stack traces only of code it loaded itself.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

type CommonJsBody = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;

/**
 * Runs `bundle` (a CommonJS file) as module `module` (the stub's own: the bundle's `module.exports`
 * become the stub's) and returns its exports.
 */
export function loadBundle(bundle: string, module: NodeJS.Module): unknown {
  if (process.sourceMapsEnabled) {
    module.exports = require(bundle) as unknown;
    return module.exports;
  }
  const source = fs.readFileSync(bundle, 'utf8');
  const cacheFile = `${bundle}.v8-cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // none yet (or unreadable): compiled as usual, written at exit
  }
  // Node's own CommonJS wrapper, on the bundle's first line (line numbers in stack traces unchanged).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) process.once('exit', () => writeCache(script, cacheFile));
  const body = script.runInThisContext() as CommonJsBody;
  body.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return module.exports;
}

/** The functions this process compiled, for the next start; any failure leaves things as they were. */
function writeCache(script: Script, cacheFile: string): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o644 });
    fs.renameSync(temp, cacheFile);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // read-only directory: nothing was written
    }
  }
}
