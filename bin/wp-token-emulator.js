#!/usr/bin/env node
'use strict';
// The command line (`npx wp-token-emulator ...`). Runs the compiled code in dist/; in a clone of the
// repository (scripts/build.js is there) it first rebuilds dist/ if a source changed since the last build.
const path = require('node:path');
const fs = require('node:fs');
const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'plugin', 'cli-main.js');
const builder = path.join(root, 'scripts', 'build.js');

async function ready() {
  if (!fs.existsSync(builder)) return; // installed package: dist/ is what it ships
  const { isStale, build } = require(builder);
  if (isStale('js')) await build({ parts: ['js'] });
}

ready().then(
  () => require(entry),
  (e) => {
    process.stderr.write(`Error: building dist/ failed: ${(e && e.message) || String(e)}\n`);
    process.exitCode = 1;
  },
);
