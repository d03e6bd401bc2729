import type { Authenticator } from '../pipeline/authenticate';
import type { Authentication, RequestContext } from '../pipeline/context';
import type { ApplicationPasswordRecord, ApplicationPasswords } from './application-passwords';
import { isBasicHeader, parseBasic } from './basic';
import type { LoginThrottle } from './throttle';
import type { UserRecord, Users } from './users';

export interface ApplicationPasswordAuthOptions {
  users: Users;
  applicationPasswords: ApplicationPasswords;
  /** Called after a successful check (records last use at most once a day). */
  onSuccess?(ctx: RequestContext, user: UserRecord, item: ApplicationPasswordRecord): void;
  /** Called after credentials that did not verify. */
  onFailure?(ctx: RequestContext, login: string): void;
  /** Brute-force protection: blocked attempts are not verified at all (`failure: 'throttled'`). */
  throttle?: LoginThrottle;
}

export const APPLICATION_PASSWORD = 'application-password';

function failed(attemptedLogin: string | null, failure: Authentication['failure'], retryAfter?: number): Authentication {
  return { user: null, method: null, appPassword: null, attemptedLogin, failure, ...(retryAfter === undefined ? {} : { retryAfter }) };
}

/**
 * Application passwords over HTTP Basic (WordPress 6.8's wp_authenticate_application_password): a
 * user's login or e-mail and one of their application passwords, never the login password. Claims
 * every request with a Basic Authorization header; as in WordPress, bad or malformed credentials make
 * the request anonymous (never a 401 by itself) and say why in `failure`.
 */
export function applicationPasswordAuthenticator(options: ApplicationPasswordAuthOptions): Authenticator {
  const { users, applicationPasswords, throttle } = options;
  return {
    name: APPLICATION_PASSWORD,
    authenticate(ctx) {
      const header = ctx.req.headers.authorization;
      if (!isBasicHeader(header)) return null;
      const credentials = parseBasic(header);
      if (credentials === null) return failed(null, 'malformed-header');
      const { login, password } = credentials;
      const wait = throttle?.blocked(ctx.ip, login) ?? null;
      if (wait !== null) return failed(login, 'throttled', wait);
      // wp_authenticate_application_password: get_user_by('login'), then by e-mail when is_email() holds.
      const user = users.byLoginOrEmail(login);
      // One keyed hash whether or not the login names a user (an unknown login costs what a wrong password does).
      const { item, revoked } = applicationPasswords.check(user?.id, password);
      if (user && item) {
        throttle?.recordSuccess(ctx.ip, login);
        options.onSuccess?.(ctx, user, item);
        return { user, method: APPLICATION_PASSWORD, appPassword: item, attemptedLogin: login, failure: null };
      }
      throttle?.recordFailure(ctx.ip, login);
      options.onFailure?.(ctx, login);
      if (!user) return failed(login, 'unknown-user');
      return failed(login, revoked ? 'revoked-password' : 'wrong-password');
    },
  };
}
