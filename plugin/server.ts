/**
 * The server's entry point: `node dist/plugin/server.js`, and what `npm start` (scripts/start.js)
 * runs. The code is in ./serve (startServer, runFromCommandLine), which the package exports.
 *
 * scripts/build.js bundles this file with the project's own modules (core/, plugin/, wp-json/) into
 * the one file dist/plugin/server.bundle.js, so that a start reads and compiles one file instead of
 * ~170 (docs/performance.md, "Cold start"); the packages in node_modules stay require()s. The entry
 * point dist/plugin/server.js is a stub that loads it with V8's code cache (./code-cache). Nothing else
 * may import this module: the bundle holds its own copy of every class (RestResponse, WpError, ...),
 * which the package's per-file modules would not recognise (`instanceof`). Import ./serve instead.
 */
import { runFromCommandLine } from './serve';

export { runFromCommandLine };

/**
 * The process's start: what `node dist/plugin/server.js` runs (that file is the build's stub, which
 * loads this bundle and calls main() when it is the process's main module).
 */
export function main(): void {
  runFromCommandLine().catch((e: unknown) => {
    process.stderr.write(`wp-token-emulator: ${(e as Error)?.message ?? String(e)}\n`);
    process.exit(1);
  });
}
