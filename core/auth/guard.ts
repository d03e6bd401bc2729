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

const ADDRESS = Symbol('wpClientAddress');

/** The client's address (an IPv4-mapped IPv6 address as plain IPv4), worked out once per request. */
export function clientAddress(req: Request): string {
  // Kept on the socket: remoteAddress asks the kernel (getpeername) every time, and a keep-alive
  // connection carries many requests from the same address.
  const socket = req.socket as (Request['socket'] & { [ADDRESS]?: string }) | undefined;
  if (!socket) return '';
  let ip = socket[ADDRESS];
  if (ip === undefined) {
    const raw = socket.remoteAddress ?? '';
    ip = raw.startsWith('::ffff:') ? raw.slice(7) : raw;
    if (raw !== '') socket[ADDRESS] = ip;
  }
  return ip;
}

/** What the authorizer found for the request being checked (see applicationPasswordGuard). */
interface Attempt {
  req: Request;
  next: NextFunction;
  attempted: string | null;
  matched: { user: UserRecord; item: ApplicationPasswordRecord } | null;
  throttled: number | undefined;
}

/**
 * The application-password guard: express-basic-auth with a custom authorizer that accepts a
 * user's login or e-mail and one of their application passwords (never the login password).
 * Unlike a usual Basic-auth gate, it never answers 401 itself: as in WordPress 6.8, bad or
 * malformed credentials make the request anonymous and the route's permission check decides.
 */
export function applicationPasswordGuard(options: GuardOptions) {
  const { users, applicationPasswords } = options;
  // One express-basic-auth middleware for all requests. It calls the authorizer synchronously inside
  // the middleware call, so the request being checked is handed over through `current`, set just
  // before that call and cleared right after it (nothing else runs in between).
  let current: Attempt | null = null;
  const check = basicAuth({
    challenge: false,
    authorizer: (login: string, password: string): boolean => {
      const attempt = current!;
      attempt.attempted = login;
      const wait = options.throttle?.blocked(clientAddress(attempt.req), login) ?? null;
      if (wait !== null) {
        attempt.throttled = wait;
        return false;
      }
      const user = login === '' ? undefined : users.byLoginOrEmail(login);
      const item = user ? applicationPasswords.verify(user.id, password) : applicationPasswords.verifyNobody(password);
      if (user && item) attempt.matched = { user, item };
      return attempt.matched !== null;
    },
  });
  // express-basic-auth answers a failure with res.status(401).send() and a success with next(): both
  // end in settle(), which turns them into "who the request is" (a failure: anonymous) and goes on.
  // One stand-in response and one settle() serve every request: the attempt is in `current`.
  const settle = (): void => {
    const attempt = current;
    if (attempt === null) return;
    current = null;
    const { req, matched, attempted, throttled } = attempt;
    const target = req as Request & { wpAuth?: Authentication; auth?: unknown };
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
    attempt.next();
  };
  const anonymous = {
    status: () => anonymous,
    set: () => anonymous,
    send: settle,
    json: settle,
    end: settle,
  };
  return function guard(req: Request, _res: Response, next: NextFunction): void {
    const header = req.headers.authorization;
    if (typeof header !== 'string' || !/^basic\s/i.test(header)) {
      (req as Request & { wpAuth?: Authentication }).wpAuth = ANONYMOUS;
      return next();
    }
    current = { req, next, attempted: null, matched: null, throttled: undefined };
    try {
      check(req, anonymous as unknown as Response, settle);
    } finally {
      current = null;
    }
  };
}
