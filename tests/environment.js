// jest's node test environment ('node', as before), plus one thing: every test file gets the same
// per-worker object (tests/openapi/worker-cache.js) as the global `__wpteWorkerCache`.
//
// Why here: jest gives each test file a module registry of its own, and since jest 30 that includes
// require()s made through node:module's createRequire, so a module the tests load can no longer reach
// Node's own require. jest loads this environment with Node's require, once per worker process, so
// what it requires lives as long as the worker: the OpenAPI response check's Ajv instance, compiled
// validators and generated documents (tests/openapi/response-check.ts) are made once per worker, not
// again in each of the ~70 files that make apps (docs/performance.md, "Test time").
const path = require('node:path');

const jestConfig = require.resolve('jest-config', { paths: [path.dirname(require.resolve('jest'))] });
const { TestEnvironment } = require(require.resolve('jest-environment-node', { paths: [path.dirname(jestConfig)] }));
const workerCache = require('./openapi/worker-cache.js');

class ProjectEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__wpteWorkerCache = workerCache;
  }
}

module.exports = ProjectEnvironment;
