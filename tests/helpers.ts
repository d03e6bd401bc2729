import * as fsp from 'node:fs/promises';
import { createApp, type CreateAppOptions, type EmulatorApp } from '../plugin/app';
import type { Fixtures } from '../core/fixtures';
import { nodeFs, type StoreFs } from '../core/store';
import { checkResponsesOf } from './openapi/response-hook';

/** Known application passwords of the standard test users (the same as wp-oracle's fixture). */
export const ADMIN_PASSWORD = 'AAAA BBBB CCCC DDDD EEEE FFFF';
export const EDITOR_PASSWORD = 'GGGG HHHH IIII JJJJ KKKK LLLL';
export const SUBSCRIBER_PASSWORD = 'MMMM NNNN OOOO PPPP QQQQ RRRR';

/** The standard users' login passwords (wp-login.php), and their bcrypt hashes (cost 4) as the fixtures give them. */
export const LOGIN_PASSWORDS = { admin: 'password', alice: 'alice-pass' } as const;
// bcrypt of 'password' and of 'alice-pass' at cost 4 ($2y$, as PHP writes it). Given as hashes, so that the
// ~500 sites the suites make do not each run bcrypt twice (~3 ms a site); tests/core/config-fixtures.test.ts checks them.
const ADMIN_LOGIN_HASH = '$2y$04$J63DyWWHa3BCzklcVfKMRe6a0lhhej4TeDPSku/m7QCzoufm128ja';
const ALICE_LOGIN_HASH = '$2y$04$jbSZUgc3INsihh5v7ZNhxea6MFN5rHxx/lUTEo8B2EgSy3ZvfX3Vy';

export const standardFixtures: Fixtures = {
  users: [
    {
      id: 1,
      login: 'admin',
      email: 'admin@localhost.com',
      role: 'administrator',
      passwordHash: ADMIN_LOGIN_HASH,
      applicationPasswords: [{ name: 'oracle-admin', password: ADMIN_PASSWORD, uuid: '11111111-1111-4111-8111-111111111111', created: 1700000000 }],
    },
    {
      id: 2,
      login: 'alice',
      email: 'alice@example.com',
      role: 'editor',
      displayName: 'Alice Example',
      passwordHash: ALICE_LOGIN_HASH,
      applicationPasswords: [{ name: 'oracle-alice', password: EDITOR_PASSWORD, uuid: '22222222-2222-4222-8222-222222222222', created: 1700000000 }],
    },
    {
      id: 3,
      login: 'sam',
      email: 'sam@example.com',
      role: 'subscriber',
      applicationPasswords: [{ name: 'sam-app', password: SUBSCRIBER_PASSWORD, uuid: '33333333-3333-4333-8333-333333333333', created: 1700000000 }],
    },
  ],
};

/** `Authorization: Basic ...` for login:password. */
export function basic(login: string, password: string): string {
  return 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64');
}

export const asAdmin = basic('admin', ADMIN_PASSWORD);
export const asEditor = basic('alice', EDITOR_PASSWORD);
export const asSubscriber = basic('sam', SUBSCRIBER_PASSWORD);

/** createApp with the standard users, a low bcrypt cost, and whatever else the test gives. */
export async function standardApp(options: CreateAppOptions = {}): Promise<EmulatorApp> {
  const emu = await createApp({ fixtures: standardFixtures, ...options, settings: { BCRYPT_COST: 4, ...options.settings } });
  checkResponsesOf(emu); // every response supertest gets from it is checked against its OpenAPI document
  return emu;
}

/**
 * File-system calls for `createApp({ storeFs })` whose writes can be made to fail: after
 * `fail('EIO')` (or 'ENOSPC', 'EROFS', ...) every write and writeFile on a file the store opens
 * rejects with that code; `fail(null)` makes the disk work again.
 */
export function flakyStoreFs(): { storeFs: StoreFs; fail(code: string | null): void } {
  let failing: string | null = null;
  const storeFs: StoreFs = {
    ...nodeFs,
    open: async (file, flags) => {
      const handle = await fsp.open(file, flags, 0o600);
      return new Proxy(handle, {
        get(target, prop) {
          if (failing !== null && (prop === 'write' || prop === 'writeFile')) {
            const code = failing;
            return async () => Promise.reject(Object.assign(new Error(code), { code }));
          }
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
  return { storeFs, fail: (code) => void (failing = code) };
}
