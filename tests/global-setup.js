// Tests that start the real server in a child process run the compiled code in dist/, as `npm start`
// does. Build it once before the suites. Type errors are the type check's business (npm run
// typecheck); here only a missing entry point is fatal.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function globalSetup() {
  const root = path.join(__dirname, '..');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  if (!fs.existsSync(path.join(root, 'dist', 'plugin', 'server.js'))) {
    throw new Error(`Building dist/ for the child-process tests failed:\n${result.stdout}\n${result.stderr}`);
  }
};
