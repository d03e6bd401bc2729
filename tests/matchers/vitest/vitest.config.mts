// vitest for the matchers' spec beside it (run by tests/matchers/vitest.test.ts under jest).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: import.meta.dirname, include: ['*.spec.ts'], environment: 'node', testTimeout: 30000 },
});
