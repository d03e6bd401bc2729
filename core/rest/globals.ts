/**
 * WordPress's global REST parameters and header rules (WP_REST_Server::serve_request and the core
 * filters it runs), as small functions the HTTP layer calls: `_jsonp`, `_pretty`, `_fields` with
 * response links, the CORS origin echo (sanitize_url), the cookie-nonce check of
 * rest_cookie_check_errors and the no-cache headers after a header method override.
 * Checked side by side with WordPress 6.8.12 (tests/conformance/recordings/globals-6.8.json).
 */
import { sanitizeUrl } from '../wordpress/url';
import { WpError } from './errors';
import { filterFields } from './fields';
export { parseFieldList } from './fields';
import { encodeJson } from './json';
import type { Params, RestRequest } from './request';

// ---- the query string as PHP's $_GET holds it ---------------------------------------------------

/**
 * A `$_GET` value as the global parameters read it: parsePhpQuery's (core/query-string.ts), so
 * `_jsonp` and `_method` are read from the same parse the route's parameters come from (names with
 * ' ' or '.' made '_', undecodable `%` sequences kept as PHP's urldecode keeps them, brackets).
 */
export type GetValue = unknown;

/** PHP's truthiness of a $_GET value: '' and '0' are false, an array is true when it has elements. */
function phpTruthy(value: GetValue): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value !== '' && value !== '0';
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

/** `$_GET[name]` when set (an own property of the parsed query). */
function getParam(query: Params, name: string): GetValue {
  return Object.prototype.hasOwnProperty.call(query, name) ? query[name] : undefined;
}

// ---- _jsonp -----------------------------------------------------------------------------------

/** The `_jsonp` callback asked for (PHP-truthy `$_GET['_jsonp']`, `query` as parsePhpQuery gives it), or null for a plain JSON answer. */
export function jsonpCallback(query: Params): GetValue | null {
  const value = getParam(query, '_jsonp');
  return phpTruthy(value) ? value : null;
}

/** wp_check_jsonp_callback(): a string of word characters and dots only. */
export function isValidJsonpCallback(callback: GetValue): callback is string {
  return typeof callback === 'string' && /^[\w.]*$/.test(callback);
}

/** The Content-Type of every REST answer: application/javascript when a JSONP callback is asked for. */
export function restContentType(callback: GetValue | null): string {
  return `${callback !== null ? 'application/javascript' : 'application/json'}; charset=UTF-8`;
}

/**
 * The early answer to an invalid callback: WordPress stops before authentication and dispatch,
 * with json_error()'s body (`code` and `message`, no `data`) and only the headers sent so far.
 */
export function jsonpError(): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: 400,
    headers: { 'Content-Type': restContentType([]) },
    body: encodeJson({ code: 'rest_callback_invalid', message: 'Invalid JSONP callback function.' }, 'php'),
  };
}

// ---- _pretty and the body ---------------------------------------------------------------------

/** WP_REST_Request::has_param(): present in any parameter source, whatever its value (null included). */
function hasParam(req: RestRequest, name: string): boolean {
  const has = (source: Params) => Object.prototype.hasOwnProperty.call(source, name);
  if (BODY_METHODS.has(req.method) && has(req.bodyParams)) return true;
  if (req.isJson && has(req.jsonParams)) return true;
  return has(req.query) || has(req.urlParams);
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `_pretty` in any parameter source: JSON_PRETTY_PRINT. */
export function wantsPretty(req: RestRequest): boolean {
  return hasParam(req, '_pretty');
}

/** `_embed` in any parameter source (has_param, as get_fields_for_response() asks). */
export function wantsEmbed(req: RestRequest): boolean {
  return hasParam(req, '_embed');
}

/** json_encode's escaping of '/' and non-ASCII characters (what encodeJson does), for text already laid out. */
function escapeLikePhp(text: string, style: 'php' | 'plain'): string {
  if (style === 'plain') return text;
  return text.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** wp_json_encode() with JSON_PRETTY_PRINT when asked (PHP indents by four spaces), then the JSONP wrapper. */
export function encodeRestBody(data: unknown, style: 'php' | 'plain', pretty: boolean, callback: string | null): string {
  const text = pretty ? escapeLikePhp(JSON.stringify(data, null, 4) ?? 'null', style) : encodeJson(data, style);
  // Prepended '/**/' mitigates the Rosetta Flash attack, as WordPress does.
  return callback !== null ? `/**/${callback}(${text})` : text;
}

// ---- _fields ------------------------------------------------------------------------------------


/** rest_is_field_included(): the field itself, or a nested path below it. */
function fieldIncluded(field: string, fields: string[]): boolean {
  return fields.some((f) => f === field || f.startsWith(`${field}.`));
}

/** Where a response's links come from, for `_fields`: see filterResponseFields(). */
export type LinkSource = 'namespace-index' | 'index' | 'item';

/**
 * rest_filter_response_fields(). WordPress filters the response *data*; links live on the response
 * and are merged in afterwards (response_to_data), so `_fields` never filters them, but they are
 * only added in some cases: a namespace index always adds its `up` link; the site index adds its
 * links when `_fields` names `_links` (or a path below it) or `_embed` is set; a controller's item
 * (get_fields_for_response) when `_fields` names `_links`, or `_embedded` together with `_embed`.
 * Lists carry their items' links inside the data, so they are filtered like any field.
 */
export function filterResponseFields(data: unknown, fields: string[], source: LinkSource, embed: boolean): unknown {
  if (fields.length === 0) return data;
  if (!data || typeof data !== 'object' || Array.isArray(data) || !Object.prototype.hasOwnProperty.call(data, '_links')) return filterFields(data, fields);
  const { _links: links, ...rest } = data as Record<string, unknown>;
  const filtered = filterFields(rest, fields) as Record<string, unknown>;
  const named = fieldIncluded('_links', fields);
  const keep = source === 'namespace-index' || named || (embed && (source === 'index' || fieldIncluded('_embedded', fields)));
  if (keep) filtered._links = links;
  return filtered;
}

/** Which kind of response a route gives, for filterResponseFields(). */
export function linkSourceOf(route: string, isNamespace: (ns: string) => boolean): LinkSource {
  if (route === '/') return 'index';
  return isNamespace(route.slice(1)) ? 'namespace-index' : 'item';
}

// ---- CORS -------------------------------------------------------------------------------------

/**
 * rest_send_cors_headers(): the Origin echoed through sanitize_url ('null' as is), with the methods
 * and credentials; otherwise `Vary: Origin` on an anonymous GET (by the request line's method).
 */
export function corsHeaders(origin: string | undefined, requestLineMethod: string, loggedIn: boolean): Readonly<Record<string, string>> {
  if (origin !== undefined && origin !== '' && origin !== '0') {
    return {
      'Access-Control-Allow-Origin': origin === 'null' ? 'null' : sanitizeUrl(origin),
      'Access-Control-Allow-Methods': 'OPTIONS, GET, POST, PUT, PATCH, DELETE',
      'Access-Control-Allow-Credentials': 'true',
      Vary: 'Origin',
    };
  }
  return requestLineMethod === 'GET' && !loggedIn ? VARY_ORIGIN : NO_HEADERS;
}

const VARY_ORIGIN: Readonly<Record<string, string>> = Object.freeze({ Vary: 'Origin' });
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

// ---- authentication rules -------------------------------------------------------------------------

/** The REST nonce a request sends: `$_REQUEST['_wpnonce']` (query, then form body), else `X-WP-Nonce`; undefined when none. */
export function restNonceOf(req: RestRequest): string | undefined {
  for (const source of [req.bodyParams, req.query]) {
    if (Object.prototype.hasOwnProperty.call(source, '_wpnonce')) return String(source._wpnonce);
  }
  const header = req.headers['x-wp-nonce'];
  return header === undefined ? undefined : Array.isArray(header) ? header.join(', ') : header;
}

/**
 * rest_cookie_check_errors() for a request not logged in by an application password: a REST nonce
 * (even empty) must verify as `wp_rest` for user 0, else 403 rest_cookie_invalid_nonce. `verify`
 * checks it (default: nothing verifies, since the emulator hands out no nonces for user 0). A cookie
 * login, when there is one, checks its nonce for its own user before this.
 */
export function cookieNonceError(req: RestRequest, verify: (nonce: string) => boolean = () => false): WpError | null {
  if (req.isLoggedIn) return null;
  const nonce = restNonceOf(req);
  if (nonce === undefined || verify(nonce)) return null;
  return new WpError('rest_cookie_invalid_nonce', 'Cookie check failed', { status: 403 });
}

/** WordPress's no-cache headers: for a logged-in user, a failed cookie nonce, or a 4xx after an X-HTTP-Method-Override. */
export function noCacheHeaders(): Readonly<Record<string, string>> {
  return NO_CACHE;
}

const NO_CACHE: Readonly<Record<string, string>> = Object.freeze({ Expires: 'Wed, 11 Jan 1984 05:00:00 GMT', 'Cache-Control': 'no-cache, must-revalidate, max-age=0, no-store, private' });

/** Whether serve_request sends the no-cache headers for this answer. */
export function sendsNoCache(loggedIn: boolean, nonceFailed: boolean, overriddenByHeader: boolean, status: number): boolean {
  return loggedIn || nonceFailed || (overriddenByHeader && status >= 400 && status < 500);
}

/**
 * The method after an override: `$_GET['_method']` when set (even empty, upper-cased, not trimmed),
 * else the X-HTTP-Method-Override header. `byHeader` says which, for the no-cache rule.
 */
export function overriddenMethod(query: Params, requestLine: string, header: string | string[] | undefined): { method: string; byHeader: boolean } {
  const value = getParam(query, '_method');
  if (typeof value === 'string') return { method: value.toUpperCase(), byHeader: false };
  if (value !== undefined) return { method: requestLine.toUpperCase(), byHeader: false };
  if (typeof header === 'string') return { method: header.toUpperCase(), byHeader: true };
  return { method: requestLine.toUpperCase(), byHeader: false };
}
