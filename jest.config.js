/** @type {import('jest').Config} */
module.exports = {
  // jest's 'node' environment plus a per-worker cache for the OpenAPI response check (tests/environment.js).
  testEnvironment: '<rootDir>/tests/environment.js',
  roots: ['<rootDir>/tests', '<rootDir>/core', '<rootDir>/wp-json', '<rootDir>/plugin', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  // lowdb and steno ship ESM only: let swc turn them into CommonJS for jest's module loader.
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  // One worker per core (jest's default is cores - 1: on the 2-core CI machine, one suite at a time).
  // Many suites wait on child processes (the built bin, npm pack/install, tsc, a browser), so a
  // second suite beside them uses the core they leave idle (docs/performance.md, "Test time").
  maxWorkers: '100%',
  // The slowest suites first also when jest has no times of its own yet (CI): tests/sequencer.js.
  testSequencer: '<rootDir>/tests/sequencer.js',
  globalSetup: '<rootDir>/tests/global-setup.js',
};
