import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Clock } from '../clock';
import { WpError } from '../rest/errors';
import { hmac, safeEqual, type SiteSecrets } from '../secrets';
import type { Collection, Store } from '../store';
import { wpCreateNonce, wpVerifyNonce } from '../wordpress/nonces';
import type { Authenticator } from '../pipeline/authenticate';
import type { Authentication } from '../pipeline/context';
import type { UserRecord, Users } from './users';

/**
 * WordPress's login cookies (wp_set_auth_cookie / wp_validate_auth_cookie) and cookie
 * authentication of REST requests (rest_cookie_check_errors).
 *
 * A cookie is `login|expiration|token|hmac`, as WordPress writes it: the token names a session kept
 * only as the SHA-256 of the token (WordPress's session_tokens verifier); the HMAC is keyed by the
 * site's auth key and salt, the scheme, and four characters of the user's password hash, so a
 * changed password logs every browser out, as in WordPress.
 */

const DAY = 86_400;
/** wp_set_auth_cookie: 2 days, or 14 with "Remember Me". */
export const SESSION_SECONDS = 2 * DAY;
export const REMEMBER_SECONDS = 14 * DAY;
export const TEST_COOKIE = 'wordpress_test_cookie';
export const TEST_COOKIE_VALUE = 'WP Cookie check';

export type CookieScheme = 'auth' | 'secure_auth' | 'logged_in';

/** One login session as stored: never the token itself. */
export interface SessionRecord {
  /** SHA-256 (hex) of the token, WordPress's verifier. */
  verifier: string;
  userId: number;
  /** Unix seconds. */
  expiration: number;
  login: number;
  ip: string;
  ua: string;
}

/** A cookie that verified: the user and the session token (wp_get_session_token()). */
export interface ValidCookie {
  user: UserRecord;
  token: string;
  expiration: number;
}

/** The cookies of a request header, decoded (PHP's $_COOKIE: the first of repeated names wins). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (name in out) continue;
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim().replace(/\+/g, ' '));
    } catch {
      // a malformed value is no cookie
    }
  }
  return out;
}

export interface AuthCookiesOptions {
  store: Store;
  users: Users;
  secrets: SiteSecrets;
  clock: Clock;
  siteUrl: string;
}

export class AuthCookies {
  /** md5(siteurl), WordPress's COOKIEHASH. */
  readonly hash: string;
  readonly secure: boolean;
  private readonly sessions: Collection<SessionRecord>;

  constructor(private readonly options: AuthCookiesOptions) {
    this.hash = createHash('md5').update(options.siteUrl).digest('hex');
    this.secure = options.siteUrl.startsWith('https:');
    this.sessions = options.store.collection<SessionRecord>('user_sessions');
  }

  /** AUTH_COOKIE / SECURE_AUTH_COOKIE (path /wp-admin) and LOGGED_IN_COOKIE (path /). */
  get authName(): string {
    return `${this.secure ? 'wordpress_sec_' : 'wordpress_'}${this.hash}`;
  }

  get loggedInName(): string {
    return `wordpress_logged_in_${this.hash}`;
  }

  private sign(scheme: CookieScheme, user: UserRecord, expiration: number, token: string): string {
    const fragment = (user.passwordHash ?? '').slice(8, 12);
    const key = hmac('md5', `${this.options.secrets.authKey}${this.options.secrets.authSalt}${scheme}`, `${user.login}|${fragment}|${expiration}|${token}`, 'hex');
    return hmac('sha256', key, `${user.login}|${expiration}|${token}`, 'hex');
  }

  private value(scheme: CookieScheme, user: UserRecord, expiration: number, token: string): string {
    return `${user.login}|${expiration}|${token}|${this.sign(scheme, user, expiration, token)}`;
  }

  /**
   * Logs a user in: a new session and the Set-Cookie values WordPress sends (the auth cookie twice,
   * for /wp-admin and /wp-content/plugins, then the logged-in cookie for /). The caller commits the store.
   */
  login(user: UserRecord, remember: boolean, ip: string, ua: string): { token: string; setCookies: string[] } {
    const now = this.options.clock.seconds();
    const expiration = now + (remember ? REMEMBER_SECONDS : SESSION_SECONDS);
    const token = randomBytes(32).toString('base64url').slice(0, 43);
    const verifier = createHash('sha256').update(token).digest('hex');
    this.sessions.put(verifier, { verifier, userId: user.id, expiration, login: now, ip, ua: ua.slice(0, 200) });
    const scheme: CookieScheme = this.secure ? 'secure_auth' : 'auth';
    const auth = encodeURIComponent(this.value(scheme, user, expiration, token));
    const loggedIn = encodeURIComponent(this.value('logged_in', user, expiration, token));
    // Without "Remember Me" the cookies last for the browser session (WordPress: expire 0).
    const expires = remember ? `; expires=${new Date((expiration + 12 * 3600) * 1000).toUTCString()}` : '';
    const flags = `${expires}; HttpOnly${this.secure ? '; Secure' : ''}`;
    return {
      token,
      setCookies: [
        `${this.authName}=${auth}; path=/wp-content/plugins${flags}`,
        `${this.authName}=${auth}; path=/wp-admin${flags}`,
        `${this.loggedInName}=${loggedIn}; path=/${remember ? expires : ''}; HttpOnly`,
      ],
    };
  }

  /** The Set-Cookie values that clear every login cookie (wp_clear_auth_cookie). */
  clearCookies(): string[] {
    return [this.expiredCookie(this.authName, '/wp-admin'), this.expiredCookie(this.authName, '/wp-content/plugins'), this.expiredCookie(this.loggedInName, '/')];
  }

  /** How WordPress clears a cookie: a space, dated a year back (`flags`: what follows the path, `; HttpOnly`). */
  expiredCookie(name: string, path: string, flags = ''): string {
    return `${name}=%20; expires=${new Date((this.options.clock.seconds() - 365 * DAY) * 1000).toUTCString()}; Max-Age=0; path=${path}${flags}`;
  }

  /** wp_validate_auth_cookie for one cookie value: the user and session, or null. */
  validateValue(value: string | undefined, scheme: CookieScheme): ValidCookie | null {
    if (!value) return null;
    const parts = value.split('|');
    if (parts.length !== 4) return null;
    const [login, exp, token, mac] = parts as [string, string, string, string];
    const expiration = Number(exp);
    if (!/^\d+$/.test(exp) || expiration < this.options.clock.seconds()) return null;
    const user = this.options.users.byLogin(login);
    if (!user || user.login !== login || user.passwordHash === null) return null;
    if (!safeEqual(this.sign(scheme, user, expiration, token), mac)) return null;
    const session = this.sessions.get(createHash('sha256').update(token).digest('hex'));
    if (!session || session.userId !== user.id || session.expiration < this.options.clock.seconds()) return null;
    return { user, token, expiration };
  }

  /** The logged-in user of a request by its logged-in cookie (what the REST API and the front end read). */
  loggedIn(req: IncomingMessage): ValidCookie | null {
    return this.validateValue(parseCookies(req.headers.cookie)[this.loggedInName], 'logged_in');
  }

  /** The user of a wp-admin request by its auth cookie (auth_redirect). */
  admin(req: IncomingMessage): ValidCookie | null {
    return this.validateValue(parseCookies(req.headers.cookie)[this.authName], this.secure ? 'secure_auth' : 'auth');
  }

  /** Ends a session (wp_logout → WP_Session_Tokens::destroy). The caller commits the store. */
  logout(token: string): void {
    this.sessions.delete(createHash('sha256').update(token).digest('hex'));
  }

  /** The user's sessions still valid (the profile's "Sessions" row). */
  sessionsOf(userId: number): SessionRecord[] {
    const now = this.options.clock.seconds();
    return this.sessions.filter((s) => s.userId === userId && s.expiration >= now);
  }

  /** wp_create_nonce($action) for a logged-in browser (uid 0 and no token when anonymous). */
  createNonce(action: string, cookie: ValidCookie | null): string {
    return wpCreateNonce(this.options.secrets, this.options.clock.seconds(), action, cookie?.user.id ?? 0, cookie?.token ?? '');
  }

  verifyNonce(nonce: string, action: string, cookie: ValidCookie | null): 1 | 2 | false {
    return wpVerifyNonce(this.options.secrets, this.options.clock.seconds(), nonce, action, cookie?.user.id ?? 0, cookie?.token ?? '');
  }
}

/** The `_wpnonce` of a request URL's query, or undefined. */
function queryNonce(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  for (const pair of url.slice(q + 1).split('#')[0]!.split('&')) {
    const eq = pair.indexOf('=');
    if ((eq === -1 ? pair : pair.slice(0, eq)) !== '_wpnonce') continue;
    try {
      return decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return '';
    }
  }
  return undefined;
}

export const COOKIE = 'cookie';

/**
 * The cookie authenticator of REST requests, as WordPress's rest_cookie_check_errors: a valid
 * logged-in cookie counts only with the `wp_rest` nonce (X-WP-Nonce header or `_wpnonce`); without
 * a nonce the request is anonymous; a nonce that does not verify (for the cookie's user, or for
 * nobody when there is no cookie) is refused with `403 rest_cookie_invalid_nonce`. A request that
 * passes the check gets a fresh nonce back in `X-WP-Nonce`. Claims no request without a login
 * cookie or a nonce (Basic requests are the application-password authenticator's, asked first).
 */
export function cookieAuthenticator(cookies: AuthCookies): Authenticator {
  return {
    name: COOKIE,
    authenticate(ctx) {
      if (ctx.route === null) return null;
      const { req } = ctx;
      const header = req.headers['x-wp-nonce'];
      const nonce = typeof header === 'string' ? header : queryNonce(ctx.url);
      const hasCookie = req.headers.cookie !== undefined && req.headers.cookie.includes(cookies.loggedInName);
      if (nonce === undefined && !hasCookie) return null;
      const valid = cookies.loggedIn(req);
      const anonymous: Authentication = { user: null, method: null, appPassword: null, attemptedLogin: valid?.user.login ?? null, failure: 'no-credentials' };
      if (nonce === undefined) return anonymous;
      if (cookies.verifyNonce(nonce, 'wp_rest', valid) === false) {
        return { ...anonymous, refusal: new WpError('rest_cookie_invalid_nonce', 'Cookie check failed', { status: 403 }) };
      }
      const fresh = { 'X-WP-Nonce': cookies.createNonce('wp_rest', valid) };
      if (!valid) return { ...anonymous, responseHeaders: fresh };
      return { user: valid.user, method: COOKIE, appPassword: null, attemptedLogin: valid.user.login, failure: null, responseHeaders: fresh };
    },
  };
}
