import { createApp, type CreateAppOptions, type EmulatorApp } from '../plugin/app';
import type { Fixtures } from '../core/fixtures';

/** Known application passwords of the standard test users (the same as wp-oracle's fixture). */
export const ADMIN_PASSWORD = 'AAAA BBBB CCCC DDDD EEEE FFFF';
export const EDITOR_PASSWORD = 'GGGG HHHH IIII JJJJ KKKK LLLL';
export const SUBSCRIBER_PASSWORD = 'MMMM NNNN OOOO PPPP QQQQ RRRR';

export const standardFixtures: Fixtures = {
  users: [
    {
      id: 1,
      login: 'admin',
      email: 'admin@localhost.com',
      role: 'administrator',
      password: 'password',
      applicationPasswords: [{ name: 'oracle-admin', password: ADMIN_PASSWORD, uuid: '11111111-1111-4111-8111-111111111111', created: 1700000000 }],
    },
    {
      id: 2,
      login: 'alice',
      email: 'alice@example.com',
      role: 'editor',
      displayName: 'Alice Example',
      password: 'alice-pass',
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
export function standardApp(options: CreateAppOptions = {}): Promise<EmulatorApp> {
  return createApp({ fixtures: standardFixtures, ...options, settings: { BCRYPT_COST: 4, ...options.settings } });
}
