/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/core', '<rootDir>/wp-json', '<rootDir>/plugin', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  // lowdb and steno ship ESM only: let swc turn them into CommonJS for jest's module loader.
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/tests/global-setup.js',
};
