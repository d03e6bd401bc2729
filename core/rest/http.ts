import type { Answer, RequestContext } from '../pipeline/context';
import type { DispatchResult } from '../pipeline/dispatch';
import { corsHeaders, encodeRestBody, filterResponseFields, linkSourceOf, noCacheHeaders, parseFieldList, restContentType, sendsNoCache, wantsEmbed, wantsPretty } from './globals';
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
  // By the request line's method, not the overridden one: WordPress reads $_SERVER['REQUEST_METHOD'].
  const origin = ctx.req.headers.origin;
  const cors = corsHeaders(typeof origin === 'string' ? origin : undefined, ctx.method, loggedIn);
  for (const name in cors) headers[name] = cors[name]!;
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
  const { response, query, restReq } = dispatched;
  if (dispatched.early) return earlyAnswer(ctx, dispatched.early, siteUrl);
  const status = response.status;
  let data = response.data;
  // As WordPress reads it: the request's parameter (query, then body); the query alone without one.
  const fields = restReq ? restReq.rawParam('_fields') : query._fields;
  if (status < 400 && fields !== undefined) {
    data = filterResponseFields(data, parseFieldList(fields), linkSourceOf(ctx.route ?? '/', (ns) => server.hasNamespace(ns)), restReq ? wantsEmbed(restReq) : false);
  }
  const loggedIn = ctx.auth.user !== null;
  const ownHeaders = server.namespaceOptions(dispatched.namespace).ownHeaders === true;
  const headers = ownHeaders ? {} : baseHeaders(ctx, siteUrl, loggedIn);
  // A logged-in user's headers already carry them (baseHeaders).
  if (!ownHeaders && !loggedIn && sendsNoCache(loggedIn, dispatched.nonceFailed === true, dispatched.byHeader === true, status)) Object.assign(headers, noCacheHeaders());
  if (ctx.auth.responseHeaders) Object.assign(headers, ctx.auth.responseHeaders);
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
  if ((!ownType && !ownHeaders) || enveloped) {
    // (The length test first: no lower-cased copy of every other header's name.)
    for (const name in headers) if (name.length === 12 && name.toLowerCase() === 'content-type') delete headers[name];
    headers['Content-Type'] = restContentType(dispatched.jsonp ?? null);
  }
  if (ctx.method === 'HEAD' || data === null || finalStatus === 204 || finalStatus === 304) return { status: finalStatus, headers, body: null };
  const style = server.namespaceOptions(dispatched.namespace).json ?? 'php';
  const text = typeof data === 'string' && ownType && !enveloped && !/json/i.test(ownType);
  const pretty = restReq ? wantsPretty(restReq) : false;
  // The route's own bytes as they are; anything else as text (Answer: written as UTF-8).
  const body = Buffer.isBuffer(data) ? data : text ? (data as string) : encodeRestBody(data, style, pretty, dispatched.jsonp ?? null);
  headers['Content-Length'] = String(Buffer.byteLength(body));
  return { status: finalStatus, headers, body };
}


/** An answer WordPress sends before dispatching (an invalid JSONP callback): only the headers sent by then. */
function earlyAnswer(ctx: RequestContext, early: { status: number; headers: Record<string, string>; body: string }, siteUrl: string): Answer {
  const headers: Record<string, string> = { ...early.headers, 'X-Robots-Tag': 'noindex', Link: `<${siteUrl}/wp-json/>; rel="https://api.w.org/"`, 'X-Content-Type-Options': 'nosniff' };
  headers['Content-Length'] = String(Buffer.byteLength(early.body));
  return { status: early.status, headers, body: ctx.method === 'HEAD' ? null : early.body };
}
