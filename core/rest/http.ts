import type { Answer, RequestContext } from '../pipeline/context';
import type { DispatchResult } from '../pipeline/dispatch';
import { filterFields, parseFieldsParam } from './fields';
import { encodeJson } from './json';
import type { RestServer } from './server';

/**
 * The REST answer's HTTP form, decided in one place (the respond stage calls restAnswer): status,
 * headers, WordPress's global parameters, body encoding.
 */

/** The headers WordPress sends on every REST response, CORS included. */
export function baseHeaders(ctx: RequestContext, siteUrl: string, loggedIn: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Robots-Tag': 'noindex',
    Link: `<${siteUrl}/wp-json/>; rel="https://api.w.org/"`,
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
    'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
  };
  const origin = ctx.req.headers.origin;
  if (typeof origin === 'string' && origin !== '') {
    headers['Access-Control-Allow-Origin'] = origin === 'null' ? 'null' : origin.replace(/[^\x21-\x7e]/g, '');
    headers['Access-Control-Allow-Methods'] = 'OPTIONS, GET, POST, PUT, PATCH, DELETE';
    headers['Access-Control-Allow-Credentials'] = 'true';
    headers.Vary = 'Origin';
  } else if (ctx.method === 'GET' && !loggedIn) {
    // By the request line's method, not the overridden one: WordPress reads $_SERVER['REQUEST_METHOD'].
    headers.Vary = 'Origin';
  }
  if (loggedIn) {
    headers.Expires = 'Wed, 11 Jan 1984 05:00:00 GMT';
    headers['Cache-Control'] = 'no-cache, must-revalidate, max-age=0, no-store, private';
  }
  return headers;
}

/**
 * The respond stage's decision, in one place: the status, every header (WordPress's, CORS, the
 * route's), `_fields`, `_envelope`, HEAD, and how the body is encoded (PHP-style JSON by default,
 * the namespace's `json` option, or the route's own bytes). WordPress's other global parameters
 * (`_jsonp`, `_pretty`, ...) belong here too.
 */
export function restAnswer(ctx: RequestContext, dispatched: DispatchResult, server: RestServer, siteUrl: string): Answer {
  const { response, query } = dispatched;
  const status = response.status;
  let data = response.data;
  if (status < 400 && query._fields !== undefined) data = filterFields(data, parseFieldsParam(query._fields));
  const headers = baseHeaders(ctx, siteUrl, ctx.auth.user !== null);
  let finalStatus = status;
  const enveloped = query._envelope !== undefined;
  if (enveloped) {
    // PHP encodes an empty headers array as [] (WordPress's envelope shows "headers": [] when there are none).
    data = { body: data, status, headers: Object.keys(response.headers).length > 0 ? { ...response.headers } : [] };
    finalStatus = 200;
  } else {
    Object.assign(headers, response.headers);
  }
  const ownType = response.getHeader('Content-Type');
  if (!ownType || enveloped) {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
    headers['Content-Type'] = 'application/json; charset=UTF-8';
  }
  if (ctx.method === 'HEAD' || data === null || finalStatus === 204 || finalStatus === 304) return { status: finalStatus, headers, body: null };
  const style = server.namespaceOptions(dispatched.namespace).json ?? 'php';
  const text = typeof data === 'string' && ownType && !enveloped && !/json/i.test(ownType);
  const body = Buffer.isBuffer(data) ? data : Buffer.from(text ? (data as string) : encodeJson(data, style), 'utf8');
  headers['Content-Length'] = String(body.length);
  return { status: finalStatus, headers, body };
}

