import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationPasswordRecord } from '../auth/application-passwords';
import type { UserRecord } from '../auth/users';
import type { WpError } from '../rest/errors';

/**
 * Why a request ended anonymous (and so, on a route that needs a user, forbidden):
 * - `no-credentials`: it carried none any authenticator reads;
 * - `malformed-header`: an Authorization header an authenticator claims but cannot read (`Basic !!`, no colon);
 * - `unknown-user`: the login or e-mail names nobody;
 * - `wrong-password`: the user exists, the password is none of theirs;
 * - `revoked-password`: the password was one of theirs and has been revoked (since the server started);
 * - `throttled`: brute-force protection refused to check it (the answer is 429).
 */
export type AuthFailure = 'no-credentials' | 'malformed-header' | 'unknown-user' | 'wrong-password' | 'revoked-password' | 'throttled';

/** Who a request is, how it authenticated, or why it is anonymous. Set once, by the authenticate stage. */
export interface Authentication {
  user: UserRecord | null;
  /** The authenticator that accepted the request (`application-password`, `cookie`, ...), or null when anonymous. */
  method: string | null;
  /** The application password it authenticated with (method `application-password`). */
  appPassword: ApplicationPasswordRecord | null;
  /** The login (or e-mail) the credentials named, whether or not they verified. */
  attemptedLogin: string | null;
  /** Why the request is anonymous; null when a user authenticated. */
  failure: AuthFailure | null;
  /** `failure: 'throttled'`: seconds until this login may try again. */
  retryAfter?: number;
  /**
   * An error dispatch answers with instead of running the route, in WordPress's envelope (WordPress's
   * cookie authentication refuses a bad nonce with 403 rest_cookie_invalid_nonce).
   */
  refusal?: WpError;
  /** Headers an authenticator adds to the REST answer (cookie authentication: a fresh X-WP-Nonce). */
  responseHeaders?: Record<string, string>;
}

export const ANONYMOUS: Authentication = Object.freeze({ user: null, method: null, appPassword: null, attemptedLogin: null, failure: 'no-credentials' });

/**
 * What the pipeline writes: the one write of a response (status, headers, the body; null: no body).
 * A body given as text is written as UTF-8: Node then sends the head and the body in one write, with
 * no buffer made for the body (measured ~8 µs less per REST answer than a Buffer, docs/performance.md);
 * `Content-Length` counts its UTF-8 bytes.
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

/** The injected fault (or any extension's stand-in answer) that delayed or answered the request. */
export interface Intervention {
  id: string;
}

/**
 * One request on its way through the pipeline (docs/architecture.md): everything a stage learns is
 * written here, never onto Node's request or response. Created by the receive stage.
 */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The request line's method (before any `_method` override). */
  readonly method: string;
  /** The URL as sent (path and query), before any mount point was stripped. */
  readonly url: string;
  /** The route below /wp-json (`/availo/v1/api/x`), or null: not a REST request (Express answers it). */
  readonly route: string | null;
  /** The REST namespace of the route (`availo/v1`), or null. */
  readonly namespace: string | null;
  /** performance.now() at arrival (durations). */
  readonly started: number;
  /** The emulator clock's time at arrival, ms (the journal's `time`). */
  readonly arrived: number;
  /** The client's address (IPv4-mapped IPv6 as plain IPv4). */
  readonly ip: string;
  /** Who is asking: set by the authenticate stage. */
  auth: Authentication;
  /** The request body as read (REST requests, and requests an extension answers); empty until read. */
  body: Buffer;
  /** Why the body could not be read (413, 415, 400), in WordPress's envelope. */
  bodyError: WpError | null;
  /** Secret values found under names that do not look secret: the log and the journal blank them. */
  readonly secrets: Set<string>;
  /** The fault that delayed or answered the request (set in before-dispatch). */
  fault: Intervention | null;
  /** The answer to write. Set by a before-dispatch hook (it then replaces dispatch) or by respond. */
  answer: Answer | null;
  /** The answer was written by the pipeline (false: Express, or nobody, wrote the response). */
  written: boolean;
  /** Milliseconds from arrival to the response being handed over; set when it was. */
  durationMs: number | null;
}

export const EMPTY_BODY = Buffer.alloc(0);
