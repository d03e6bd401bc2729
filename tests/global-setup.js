// Tests that start the real server in a child process run the compiled code in dist/, as `npm start`
// does, and tests/consumer/ packs dist/ with its type declarations. Build what is older than the
// sources, once, before the suites (scripts/build.js). Type errors are the type check's business
// (npm run typecheck); here only a failed build is fatal.
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function globalSetup() {
  const root = path.join(__dirname, '..');
  const { build } = require(path.join(root, 'scripts', 'build.js'));
  await build({ ifStale: true });
  if (!fs.existsSync(path.join(root, 'dist', 'plugin', 'server.js'))) throw new Error('Building dist/ for the child-process tests failed: dist/plugin/server.js is missing');
};
