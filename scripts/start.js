#!/usr/bin/env node
'use strict';
/**
 * `npm start`: runs the server from dist/ at once; builds the JavaScript first only when dist/ is
 * missing or older than a source file (a fresh clone's `npm install` has already built it). The
 * server runs in this process, so a start costs one Node.js process, as a bare Express app's does.
 */
const path = require('node:path');
const { isStale } = require('./build.js');

async function main() {
  if (isStale('js')) {
    process.stderr.write('wp-token-emulator: sources changed since the last build: building dist/ ...\n');
    await require('./build.js').build({ parts: ['js'] });
  }
  const { runFromCommandLine } = require(path.join(__dirname, '..', 'dist', 'plugin', 'server.js'));
  await runFromCommandLine();
}

main().catch((e) => {
  process.stderr.write(`wp-token-emulator: ${(e && e.message) || String(e)}\n`);
  process.exit(1);
});
