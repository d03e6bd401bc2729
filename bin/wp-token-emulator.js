#!/usr/bin/env node
'use strict';
// The command line (`npx wp-token-emulator ...`). Runs the compiled code in dist/, building it first if needed.
const path = require('node:path');
const fs = require('node:fs');
const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'plugin', 'cli-main.js');
if (!fs.existsSync(entry)) {
  const { execFileSync } = require('node:child_process');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
require(entry);
