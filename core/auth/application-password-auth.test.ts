import fc from 'fast-check';
import type { EmulatorApp } from '../../plugin/app';
import { ADMIN_PASSWORD, basic, standardApp } from '../../tests/helpers';
import type { RequestContext } from '../pipeline/context';
import { applicationPasswordAuthenticator } from './application-password-auth';
import { normalizeApplicationPassword } from './application-passwords';
import { LoginThrottle } from './throttle';

/** The application-password authenticator: who the request is, or why it ended anonymous. */

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp();
});
afterEach(async () => {
  await emu.close();
});

const ctxWith = (authorization: string | undefined, ip = '10.0.0.1') => ({ req: { headers: authorization === undefined ? {} : { authorization } }, ip }) as unknown as RequestContext;

function authenticator(throttle?: LoginThrottle) {
  return applicationPasswordAuthenticator({ users: emu.users, applicationPasswords: emu.applicationPasswords, throttle });
}

describe('application-password authenticator', () => {
  it('authenticates a login (or e-mail) with one of its application passwords, saying how', () => {
    for (const login of ['admin', 'admin@localhost.com']) {
      const auth = authenticator().authenticate(ctxWith(basic(login, ADMIN_PASSWORD)));
      expect(auth).toMatchObject({ method: 'application-password', failure: null, attemptedLogin: login });
      expect(auth!.user!.login).toBe('admin');
      expect(auth!.appPassword!.uuid).toBe('11111111-1111-4111-8111-111111111111');
    }
  });

  it('claims no request without a Basic header (the next authenticator is asked)', () => {
    expect(authenticator().authenticate(ctxWith(undefined))).toBeNull();
    expect(authenticator().authenticate(ctxWith('Bearer abc'))).toBeNull();
  });

  it.each([
    ['malformed-header', 'Basic !!!not-base64', null],
    ['malformed-header', 'Basic ' + Buffer.from('no-colon').toString('base64'), null],
    ['unknown-user', basic('nobody', ADMIN_PASSWORD), 'nobody'],
    ['wrong-password', basic('admin', 'AAAA BBBB CCCC DDDD EEEE XXXX'), 'admin'],
    ['wrong-password', basic('admin', 'password'), 'admin'], // the login password is never accepted
  ])('%s: %s', (failure, header, login) => {
    expect(authenticator().authenticate(ctxWith(header))).toEqual({ user: null, method: null, appPassword: null, attemptedLogin: login, failure });
  });

  it('revoked-password: a password of the user that was revoked', () => {
    emu.applicationPasswords.delete('11111111-1111-4111-8111-111111111111');
    expect(authenticator().authenticate(ctxWith(basic('admin', ADMIN_PASSWORD)))!.failure).toBe('revoked-password');
    // Another user's revoked password is still just wrong for this one.
    expect(authenticator().authenticate(ctxWith(basic('alice', ADMIN_PASSWORD)))!.failure).toBe('wrong-password');
  });

  it('throttled: once the address has failed too often, credentials are not even checked', () => {
    const throttle = new LoginThrottle(emu.clock, { enabled: true, maxPerIp: 2, maxPerUser: 100, windowSeconds: 60 });
    const auth = authenticator(throttle);
    for (let i = 0; i < 2; i++) expect(auth.authenticate(ctxWith(basic('admin', 'wrong')))!.failure).toBe('wrong-password');
    const refused = auth.authenticate(ctxWith(basic('admin', ADMIN_PASSWORD)));
    expect(refused).toMatchObject({ user: null, failure: 'throttled', attemptedLogin: 'admin' });
    expect(refused!.retryAfter).toBeGreaterThan(0);
    // Another address is not blocked.
    expect(auth.authenticate(ctxWith(basic('admin', ADMIN_PASSWORD), '10.0.0.2'))!.failure).toBeNull();
  });
});

describe('normalizeApplicationPassword', () => {
  it('drops every character but ASCII letters and digits, as WordPress does (the regex is the oracle)', () => {
    const byRegex = (password: string) => password.replace(/[^a-z\d]/gi, '');
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)), maxLength: 40 }), (password) => normalizeApplicationPassword(password) === byRegex(password)),
      { numRuns: 5_000, seed: 20261205 },
    );
    for (const password of ['abcdABCD1234efghEFGH5678', 'abcd efgh ijkl', '\u0010\u0019', '', '@[`{']) expect(normalizeApplicationPassword(password)).toBe(byRegex(password));
  });
});
