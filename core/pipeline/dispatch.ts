import { bytesToText } from '../php-bytes';
import { parsePhpQuery } from '../query-string';
import { WpError, wpErrors } from '../rest/errors';
import { decodeJsonBody } from '../rest/json';
import { cookieNonceError, isValidJsonpCallback, jsonpCallback, jsonpError, overriddenMethod } from '../rest/globals';
import { RestRequest, isJsonMediaType, mediaType, type Params } from '../rest/request';
import { RestResponse } from '../rest/response';
import type { RestServer } from '../rest/server';
import type { BodyFailure } from './body';
import type { RequestContext } from './context';
import { queryOf } from './route';


/** What dispatch hands to respond. */
export interface DispatchResult {
  response: RestResponse;
  /** The namespace whose options (JSON style) apply to the answer. */
  namespace: string | null;
  /** The parsed query (respond reads `_fields` and `_envelope`). */
  query: Params;
  /** The request as handlers saw it (respond reads `_fields`, `_embed`, `_pretty` the way WordPress does). */
  restReq?: RestRequest;
  /** `_jsonp`'s callback (already valid), or null. */
  jsonp?: string | null;
  /** The method was overridden by X-HTTP-Method-Override (WordPress then sends no-cache headers on a 4xx). */
  byHeader?: boolean;
  /** A cookie nonce was sent and failed (rest_cookie_invalid_nonce). */
  nonceFailed?: boolean;
  /** An answer WordPress sends before it dispatches (an invalid `_jsonp` callback): only these headers. */
  early?: { status: number; headers: Record<string, string>; body: string };
}

/** The body failure as WordPress-style errors (413 rest_request_too_large, 415, 400). */
export function bodyFailureError(failure: BodyFailure, bodyLimit: number): WpError {
  if (failure === 'too-large') return wpErrors.tooLarge(bodyLimit);
  if (failure === 'unsupported-encoding') return new WpError('rest_unsupported_encoding', 'The request body uses a Content-Encoding the server does not support.', { status: 415 });
  return wpErrors.badRequestBody('The request body could not be read.');
}

/** The RestRequest a handler sees: method override, query, JSON and form bodies, who is asking. */
export function restRequestOf(ctx: RequestContext, route: string, query: Params, method: string): RestRequest {
  const raw = ctx.body;
  const type = mediaType(ctx.req.headers['content-type']);
  let json: unknown;
  let jsonError: { code: number; message: string } | null = null;
  if (isJsonMediaType(type) && raw.length > 0) {
    const decoded = decodeJsonBody(raw);
    if ('error' in decoded) jsonError = decoded.error;
    else json = decoded.value;
  }
  let bodyParams: Params = {};
  if (type === 'application/x-www-form-urlencoded' && raw.length > 0) bodyParams = parsePhpQuery(bytesToText(raw)) as Params; // bytes that are not UTF-8 kept as PHP keeps them
  return new RestRequest(method, route, ctx.req.headers, query, bodyParams, json, jsonError, raw, ctx.auth.user, ctx.auth.appPassword, ctx.ip, ctx.secrets);
}

/**
 * The dispatch stage: brute-force protection's 429 and body errors first (in WordPress's or the
 * namespace's envelope), else RestServer.dispatch (route match, args, permission, handler, Allow).
 * Synchronous when the route is (a throw then reaches the pipeline's guard); a promise otherwise.
 */
export function dispatchRest(ctx: RequestContext, server: RestServer): DispatchResult | Promise<DispatchResult> {
  const route = ctx.route!;
  const rawQuery = queryOf(ctx.url);
  // $_GET, parsed once: the route's query parameters, `_jsonp` and `_method` (no query string, most API calls: nothing to parse).
  const query = rawQuery === '' ? {} : (parsePhpQuery(rawQuery) as Params);
  // An invalid JSONP callback is refused before anything else, as WordPress does in serve_request.
  const jsonp = jsonpCallback(query);
  if (jsonp !== null && !isValidJsonpCallback(jsonp)) return { response: new RestResponse(null, 400), namespace: ctx.namespace, query: {}, early: jsonpError() };
  const { method, byHeader } = overriddenMethod(query, ctx.method, ctx.req.headers['x-http-method-override']);
  const restReq = restRequestOf(ctx, route, query, method);
  const { auth } = ctx;
  // The cookie authenticator (core/auth/cookie.ts) checked the nonce of a request it claimed: its
  // refusal is the nonce error, and a nonce it accepted (responseHeaders: a fresh one) is not checked again.
  const nonceError = ctx.bodyError ? null : (auth.refusal ?? (auth.responseHeaders ? null : cookieNonceError(restReq)));
  const nonceFailed = nonceError !== null;
  // Every result has the same fields in the same order (one object shape, no spread per request).
  const result = (response: RestResponse, namespace: string | null): DispatchResult => ({ response, namespace, query, restReq, jsonp, byHeader, nonceFailed });
  if (auth.failure === 'throttled') {
    // Brute-force protection answers in WordPress's envelope whatever the namespace.
    const wait = auth.retryAfter ?? 0;
    return result(new RestResponse(wpErrors.tooManyAttempts(wait).toJSON(), 429, { 'Retry-After': String(wait) }), ctx.namespace);
  }
  if (auth.refusal) {
    // An authenticator's refusal is WordPress's answer, whatever the namespace.
    return result(new RestResponse(auth.refusal.toJSON(), auth.refusal.status), ctx.namespace);
  }
  const refused = ctx.bodyError ?? nonceError;
  if (refused) {
    const response = server.namespaceOptions(ctx.namespace).onCoreError?.(refused, restReq) ?? new RestResponse(refused.toJSON(), refused.status);
    return result(response, ctx.namespace);
  }
  // At once when the route answered at once (RestServer.dispatch): no turn of the microtask queue.
  const dispatched = server.dispatch(restReq);
  if (dispatched instanceof Promise) return dispatched.then((done) => result(done.response, done.namespace));
  return result(dispatched.response, dispatched.namespace);
}
