/**
 * The server's entry point: `node dist/plugin/server.js`, and what `npm start` (scripts/start.js)
 * runs. The code is in ./serve (startServer, runFromCommandLine), which the package exports.
 *
 * scripts/build.js bundles this file with the project's own modules (core/, plugin/, wp-json/) into
 * the one file dist/plugin/server.js, so that a start reads and compiles one file instead of ~170
 * (docs/performance.md, "Cold start"); the packages in node_modules stay require()s. Nothing else
 * may import this module: the bundle holds its own copy of every class (RestResponse, WpError, ...),
 * which the package's per-file modules would not recognise (`instanceof`). Import ./serve instead.
 */
import { runFromCommandLine } from './serve';

export { runFromCommandLine };

if (require.main === module) {
  runFromCommandLine().catch((e: unknown) => {
    process.stderr.write(`wp-token-emulator: ${(e as Error)?.message ?? String(e)}\n`);
    process.exit(1);
  });
}
