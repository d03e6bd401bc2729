import express, { type NextFunction, type Request, type Response } from 'express';
import querystring from 'node:querystring';
import qs from 'qs';
import { authenticationOf, clientAddress } from '../auth/guard';
import { WpError, wpErrors } from './errors';
import { corsHeaders, cookieNonceError, encodeRestBody, filterResponseFields, isValidJsonpCallback, jsonpCallback, jsonpError, linkSourceOf, noCacheHeaders, overriddenMethod, parseFieldList, restContentType, sendsNoCache, wantsEmbed, wantsPretty } from './globals';
import { decodeJsonBody, encodeJson } from './json';
import { markedSecrets } from '../redact';
import { RestRequest, isJsonMediaType, mediaType, type Params } from './request';
import { RestResponse } from './response';
import type { RestServer } from './server';

const QS_OPTIONS = { depth: 8, arrayLimit: 200, parameterLimit: 2000, allowPrototypes: false } as const;

const ROUTE = Symbol('wpRestRoute');

/**
 * The route below /wp-json of a request, or null when it is not a REST request. Worked out once per
 * request (the journal, the gate, faults and the REST server all ask) and kept on the request.
 */
export function restRouteOf(req: Request): string | null {
  const holder = req as Request & { [ROUTE]?: string | null };
  const known = holder[ROUTE];
  if (known !== undefined) return known;
  const route = computeRestRoute(req);
  holder[ROUTE] = route;
  return route;
}

/** The path of a request URL, without its query or fragment (what Express's req.path gives). */
export function urlPath(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function computeRestRoute(req: Request): string | null {
  const url = req.originalUrl ?? req.url;
  const rawPath = urlPath(url);
  let route: string | null = null;
  if (rawPath === '/wp-json' || rawPath.startsWith('/wp-json/')) {
    route = rawPath.slice('/wp-json'.length);
    try {
      route = decodeURIComponent(route);
    } catch {
      // keep the raw path; it will simply not match a route
    }
  } else if (rawPath === '/' || rawPath === '/index.php') {
    // PHP keeps the last of repeated query keys; an empty rest_route is not a REST request. The query
    // is read as Express's 'simple' query parser reads it (querystring), without Express's req.query.
    const value = url[rawPath.length] === '?' ? querystring.parse(url.slice(rawPath.length + 1).split('#')[0]!).rest_route : undefined;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string' && last !== '') route = last;
  }
  if (route === null) return null;
  route = route.replace(/\/+$/, '');
  return route === '' ? '/' : route.startsWith('/') ? route : `/${route}`;
}

export interface RestHttpOptions {
  server: RestServer;
  siteUrl: () => string;
  bodyLimit: number;
  /** Told about a failure that escaped the dispatcher (the client gets a plain 500). */
  onError?: (error: unknown) => void;
}

/** The headers WordPress sends on every REST response, CORS included. */
function baseHeaders(req: Request, siteUrl: string, loggedIn: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Robots-Tag': 'noindex',
    Link: `<${siteUrl}/wp-json/>; rel="https://api.w.org/"`,
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
    'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
  };
  // By the request line's method, not the overridden one: WordPress reads $_SERVER['REQUEST_METHOD'].
  Object.assign(headers, corsHeaders(typeof req.headers.origin === 'string' ? req.headers.origin : undefined, req.method, loggedIn));
  if (loggedIn) {
    headers.Expires = 'Wed, 11 Jan 1984 05:00:00 GMT';
    headers['Cache-Control'] = 'no-cache, must-revalidate, max-age=0, no-store, private';
  }
  return headers;
}

/** An answer WordPress sends before dispatching (an invalid JSONP callback): only the headers sent so far. */
function sendEarly(req: Request, res: Response, siteUrl: string, early: { status: number; headers: Record<string, string>; body: string }): void {
  res.statusCode = early.status;
  const headers: Record<string, string> = { ...early.headers, 'X-Robots-Tag': 'noindex', Link: `<${siteUrl}/wp-json/>; rel="https://api.w.org/"`, 'X-Content-Type-Options': 'nosniff' };
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const body = Buffer.from(early.body, 'utf8');
  res.setHeader('Content-Length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Express middleware serving `/wp-json/...` and `/?rest_route=...` through the RestServer:
 * body reading (with the size limit), JSON and form parsing, method override, then WordPress's
 * headers, Allow, `_fields` and `_envelope` on the way out. It never lets an exception reach Express.
 */
export function restHttp(options: RestHttpOptions) {
  const readBody = express.raw({ type: () => true, limit: options.bodyLimit });

  async function serve(req: Request, res: Response, route: string, bodyError: WpError | null): Promise<void> {
    const auth = authenticationOf(req);
    const rawQuery = (req.originalUrl.split('?')[1] ?? '').split('#')[0] ?? '';
    const jsonp = jsonpCallback(rawQuery);
    if (jsonp !== null && !isValidJsonpCallback(jsonp)) return sendEarly(req, res, options.siteUrl(), jsonpError());
    const query = qs.parse(rawQuery, QS_OPTIONS) as Params;
    const { method, byHeader } = overriddenMethod(rawQuery, req.method, req.headers['x-http-method-override']);

    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const type = mediaType(req.headers['content-type']);
    let json: unknown;
    let jsonError: { code: number; message: string } | null = null;
    if (isJsonMediaType(type) && raw.length > 0) {
      const decoded = decodeJsonBody(raw);
      if ('error' in decoded) jsonError = decoded.error;
      else json = decoded.value;
    }
    let bodyParams: Params = {};
    if (type === 'application/x-www-form-urlencoded' && raw.length > 0) bodyParams = qs.parse(raw.toString('utf8'), QS_OPTIONS) as Params;

    // What handlers mark as secret goes into a set kept on the Express request, where the request log and the journal read it.
    const restReq = new RestRequest(method, route, req.headers, query, bodyParams, json, jsonError, raw, auth.user, auth.appPassword, clientAddress(req), markedSecrets(req));
    const { server } = options;
    const nonceError = bodyError ? null : cookieNonceError(restReq);
    if (nonceError) bodyError = nonceError;
    let response: RestResponse;
    let namespace: string | null = server.namespaceOf(route);
    if (auth.throttled !== undefined) {
      // Brute-force protection answers in WordPress's envelope whatever the namespace.
      response = new RestResponse(wpErrors.tooManyAttempts(auth.throttled).toJSON(), 429, { 'Retry-After': String(auth.throttled) });
    } else if (bodyError) {
      const nsOptions = server.namespaceOptions(namespace);
      response = nsOptions.onCoreError?.(bodyError, restReq) ?? new RestResponse(bodyError.toJSON(), bodyError.status);
    } else {
      const dispatched = await server.dispatch(restReq);
      response = dispatched.response;
      namespace = dispatched.namespace;
    }

    const status = response.status;
    let data = response.data;
    const isError = status >= 400;
    if (!isError && restReq.rawParam('_fields') !== undefined) data = filterResponseFields(data, parseFieldList(restReq.rawParam('_fields')), linkSourceOf(route, (ns) => server.hasNamespace(ns)), wantsEmbed(restReq));
    const headers = server.namespaceOptions(namespace).ownHeaders ? {} : baseHeaders(req, options.siteUrl(), auth.user !== null);
    if (!server.namespaceOptions(namespace).ownHeaders && sendsNoCache(auth.user !== null, nonceError !== null, byHeader, status)) Object.assign(headers, noCacheHeaders());
    let finalStatus = status;
    if (query._envelope !== undefined) {
      // PHP encodes an empty headers array as [] (WordPress's envelope shows "headers": [] when there are none).
      data = { body: data, status, headers: Object.keys(response.headers).length > 0 ? { ...response.headers } : [] };
      finalStatus = 200;
    } else {
      Object.assign(headers, response.headers);
    }
    const style = server.namespaceOptions(namespace).json ?? 'php';
    res.statusCode = finalStatus;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if ((!response.getHeader('Content-Type') && !server.namespaceOptions(namespace).ownHeaders) || query._envelope !== undefined) res.setHeader('Content-Type', restContentType(jsonp));
    if (req.method === 'HEAD' || data === null || finalStatus === 204 || finalStatus === 304) {
      res.end();
      return;
    }
    const body = Buffer.isBuffer(data) ? data : Buffer.from(typeof data === 'string' && response.getHeader('Content-Type') && !/json/i.test(response.getHeader('Content-Type')!) ? data : encodeRestBody(data, style, wantsPretty(restReq), jsonp as string | null), 'utf8');
    res.setHeader('Content-Length', String(body.length));
    res.end(body);
  }

  return function restMiddleware(req: Request, res: Response, next: NextFunction): void {
    const route = restRouteOf(req);
    if (route === null) return next();
    readBody(req, res, (err?: unknown) => {
      let bodyError: WpError | null = null;
      if (err) {
        const e = err as { status?: number; type?: string; message?: string };
        if (e.type === 'entity.too.large' || e.status === 413) bodyError = wpErrors.tooLarge(options.bodyLimit);
        else if (e.status === 415) bodyError = new WpError('rest_unsupported_encoding', 'The request body uses a Content-Encoding the server does not support.', { status: 415 });
        else bodyError = wpErrors.badRequestBody('The request body could not be read.');
      }
      serve(req, res, route, bodyError).catch((error: unknown) => {
        // Last line of defence: never a stack trace to the client.
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('Content-Type', 'application/json; charset=UTF-8');
          res.end(encodeJson(wpErrors.internal().toJSON(), 'php'));
        } else res.end();
        options.onError?.(error);
      });
    });
  };
}
