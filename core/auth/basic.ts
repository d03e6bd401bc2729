/**
 * HTTP Basic credentials (RFC 7617) as PHP hands them to WordPress (PHP_AUTH_USER / PHP_AUTH_PW),
 * read with the same rules as the `basic-auth` package that express-basic-auth uses: the scheme in
 * any case, one base64 token, login and password split at the first colon.
 *
 * Why not express-basic-auth itself on the REST path: it is an Express middleware that answers a
 * failure with `res.status(401).send()` and leaves the password on `req.auth`. The pipeline runs on
 * Node's own response (no `status()`), never attaches properties to the request, and must not answer
 * 401 at all (WordPress makes bad credentials anonymous), so it would need a stand-in response object
 * and a property deleted after each call. See docs/architecture.md.
 */

import { isUtf8 } from 'node:buffer';

const CREDENTIALS = /^ *(?:[Bb][Aa][Ss][Ii][Cc]) +([A-Za-z0-9._~+/-]+=*) *$/;
const USER_PASS = /^([^:]*):(.*)$/;
const BASIC_SCHEME = /^basic\s/i;

export type BasicCredentials = { login: string; password: string };

/** Whether an Authorization header uses the Basic scheme at all (then it is this authenticator's). */
export function isBasicHeader(header: string | undefined): header is string {
  return typeof header === 'string' && BASIC_SCHEME.test(header);
}

/** The login and password of a Basic header, or null when the header cannot be read (malformed). */
export function parseBasic(header: string): BasicCredentials | null {
  const match = CREDENTIALS.exec(header);
  if (!match) return null;
  // PHP hands WordPress the bytes; sanitize_user reads bytes that are not UTF-8 as Latin-1 (remove_accents), so they are read so here.
  const bytes = Buffer.from(match[1]!, 'base64');
  const pair = USER_PASS.exec(bytes.toString(isUtf8(bytes) ? 'utf8' : 'latin1'));
  if (!pair) return null;
  return { login: pair[1]!, password: pair[2]! };
}
