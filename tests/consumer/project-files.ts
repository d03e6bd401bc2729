/**
 * A consumer project's files, written into a temporary directory by consumer.test.ts: each one uses
 * the packed package the way its README does (createApp + supertest), with nothing configured beyond
 * the test runner itself. They live here as strings so this repository's own jest and tsc never
 * mistake them for its tests.
 */

const FIXTURES = `{ users: [{ login: 'admin', email: 'admin@example.com', role: 'administrator',
    applicationPasswords: [{ name: 'ci', password: 'AAAA BBBB CCCC DDDD EEEE FFFF' }] }] }`;

/** The shared body: an emulator, one authenticated request, the clock, close. */
const body = (indent: string) =>
  [
    `const emu = await createApp({ fixtures: ${FIXTURES} });`,
    `const res = await request(emu.app).get('/wp-json/wp/v2/users/me').auth('admin', 'AAAA BBBB CCCC DDDD EEEE FFFF');`,
    `emu.clock.advance(901);`,
    `await emu.close();`,
  ]
    .map((line) => indent + line)
    .join('\n');

export const consumerFiles: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2),

  // Plain Node.js, CommonJS. Run with --no-experimental-require-module: any require() of an ES module fails.
  'cjs/check.cjs': `const { createApp } = require('wp-token-emulator');
const request = require('supertest');
(async () => {
${body('  ')}
  if (res.status !== 200 || res.body.slug !== 'admin') throw new Error('users/me answered ' + res.status);
  console.log('CJS: users/me ' + res.status + ' ' + res.body.slug);
})().catch((e) => { console.error(e); process.exit(1); });
`,

  // Plain Node.js, ES module, named import.
  'esm/check.mjs': `import { createApp } from 'wp-token-emulator';
import request from 'supertest';
${body('')}
if (res.status !== 200 || res.body.slug !== 'admin') throw new Error('users/me answered ' + res.status);
console.log('ESM: users/me ' + res.status + ' ' + res.body.slug);
`,

  // jest with its defaults: no config at all, plain JavaScript through babel-jest.
  'jest-js/package.json': JSON.stringify({ name: 'jest-js', private: true }, null, 2),
  'jest-js/emulator.test.js': `const request = require('supertest');
const { createApp } = require('wp-token-emulator');

test('GET /wp-json/wp/v2/users/me with an application password', async () => {
${body('  ')}
  expect(res.status).toBe(200);
  expect(res.body.slug).toBe('admin');
});
`,

  // jest with the ts-jest preset (the one line ts-jest's install asks for), TypeScript type-checked.
  'ts-jest/package.json': JSON.stringify({ name: 'ts-jest-project', private: true, jest: { preset: 'ts-jest' } }, null, 2),
  'ts-jest/emulator.test.ts': `import request = require('supertest');
import { createApp, type EmulatorApp } from 'wp-token-emulator';
import { emulatorMatchers, type EmulatorMatchers } from 'wp-token-emulator/matchers';

// The matchers as docs/dashboard.md shows them (ts-jest's defaults resolve 'wp-token-emulator/matchers' through typesVersions).
declare global {
  namespace jest {
    interface Matchers<R> extends EmulatorMatchers<R> {}
  }
}
expect.extend(emulatorMatchers);

test('GET /wp-json/wp/v2/users/me with an application password', async () => {
${body('  ')}
  expect(res.status).toBe(200);
  expect(res.body.slug).toBe('admin');
  expect(emu).toHaveReceived({ method: 'GET', path: '/wp-json/wp/v2/users/me', status: 200, user: 'admin', times: 1 });
});

// The package's types reach this file: were createApp untyped (any), this directive would be unused, a type error.
// @ts-expect-error advance() takes seconds as a number
const wrong: Parameters<EmulatorApp['clock']['advance']>[0] = 'soon';
void wrong;
`,

  // What the strict type check (check-declarations.js) compiles: the package's declarations as a
  // TypeScript program that uses them sees them (with Node's types, which the package's reach), not
  // jest's own declarations: ts-jest above checks a test file with jest's types already.
  'types/check.ts': `import request = require('supertest');
import { createApp, type EmulatorApp } from 'wp-token-emulator';

export async function usersMe(): Promise<number> {
  const emu: EmulatorApp = await createApp();
  const res = await request(emu.app).get('/wp-json/wp/v2/users/me');
  await emu.close();
  return res.status;
}

// The package's types reach this file: were createApp untyped (any), this directive would be unused, a type error.
// @ts-expect-error advance() takes seconds as a number
const wrong: Parameters<EmulatorApp['clock']['advance']>[0] = 'soon';
void wrong;
`,

  // vitest 3 with no config file.
  'vitest/package.json': JSON.stringify({ name: 'vitest-project', private: true, type: 'module' }, null, 2),
  'vitest/emulator.test.ts': `import { expect, test } from 'vitest';
import request from 'supertest';
import { createApp } from 'wp-token-emulator';

test('GET /wp-json/wp/v2/users/me with an application password', async () => {
${body('  ')}
  expect(res.status).toBe(200);
  expect(res.body.slug).toBe('admin');
});
`,
};

/** Test runners the consumer installs next to the package (linked from this repository's devDependencies). */
export const testRunners = ['jest', 'ts-jest', 'typescript', '@types/jest', 'vitest', 'supertest', '@types/supertest'];
