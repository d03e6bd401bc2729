import type { NextFunction, Request, Response } from 'express';
import basicAuth from 'express-basic-auth';
import type { ApplicationPasswordRecord, ApplicationPasswords } from './application-passwords';
import type { LoginThrottle } from './throttle';
import type { UserRecord, Users } from './users';

/** Who a request is: set by the guard on every request, anonymous when credentials are missing or bad. */
export interface Authentication {
  user: UserRecord | null;
  appPassword: ApplicationPasswordRecord | null;
  /** The login (or e-mail) that Basic credentials named, whether or not they verified. */
  attemptedLogin: string | null;
  /** Basic credentials were sent and did not verify. */
  failed: boolean;
  /** The attempt was refused by brute-force protection: seconds until it may try again. */
  throttled?: number;
}

const ANONYMOUS: Authentication = Object.freeze({ user: null, appPassword: null, attemptedLogin: null, failed: false });

export function authenticationOf(req: Request): Authentication {
  return (req as Request & { wpAuth?: Authentication }).wpAuth ?? ANONYMOUS;
}

export interface GuardOptions {
  users: Users;
  applicationPasswords: ApplicationPasswords;
  /** Called after a successful check (records last use at most once a day). */
  onSuccess?(req: Request, user: UserRecord, item: ApplicationPasswordRecord): void;
  /** Called after credentials that did not verify. */
  onFailure?(req: Request, login: string): void;
  /** Brute-force protection: blocked attempts are not verified at all and carry `throttled`. */
  throttle?: LoginThrottle;
}

function clientAddress(req: Request): string {
  const ip = req.socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/**
 * The application-password guard: express-basic-auth with a custom authorizer that accepts a
 * user's login or e-mail and one of their application passwords (never the login password).
 * Unlike a usual Basic-auth gate, it never answers 401 itself: as in WordPress 6.8, bad or
 * malformed credentials make the request anonymous and the route's permission check decides.
 */
export function applicationPasswordGuard(options: GuardOptions) {
  const { users, applicationPasswords } = options;
  return function guard(req: Request, res: Response, next: NextFunction): void {
    const header = req.headers.authorization;
    const target = req as Request & { wpAuth?: Authentication; auth?: unknown };
    if (typeof header !== 'string' || !/^basic\s/i.test(header)) {
      target.wpAuth = ANONYMOUS;
      return next();
    }
    let matched: { user: UserRecord; item: ApplicationPasswordRecord } | null = null;
    let attempted: string | null = null;
    let throttled: number | undefined;
    const check = basicAuth({
      authorizeAsync: true,
      challenge: false,
      authorizer: (login: string, password: string, done: (err: unknown, ok: boolean) => void) => {
        attempted = login;
        const wait = options.throttle?.blocked(clientAddress(req), login) ?? null;
        if (wait !== null) {
          throttled = wait;
          return done(null, false);
        }
        const user = login === '' ? undefined : users.byLoginOrEmail(login);
        const item = user ? applicationPasswords.verify(user.id, password) : null;
        if (user && item) matched = { user, item };
        done(null, matched !== null);
      },
    });
    const settle = () => {
      delete target.auth; // express-basic-auth leaves the plaintext password on req.auth: drop it at once
      if (matched) {
        target.wpAuth = { user: matched.user, appPassword: matched.item, attemptedLogin: attempted, failed: false };
        options.throttle?.recordSuccess(clientAddress(req), attempted ?? '');
        options.onSuccess?.(req, matched.user, matched.item);
      } else {
        target.wpAuth = { user: null, appPassword: null, attemptedLogin: attempted, failed: true, throttled };
        if (attempted !== null && throttled === undefined) {
          options.throttle?.recordFailure(clientAddress(req), attempted);
          options.onFailure?.(req, attempted);
        }
      }
      next();
    };
    // express-basic-auth answers a failure with res.status(401).send(); this stand-in turns that into "anonymous".
    const anonymous = {
      status: () => anonymous,
      set: () => anonymous,
      send: () => settle(),
      json: () => settle(),
      end: () => settle(),
    };
    check(req, anonymous as unknown as Response, settle);
  };
}
