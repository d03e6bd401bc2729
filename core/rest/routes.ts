import type { RestRequest } from './request';
import type { ArgSchema } from './schema';
import type { WpError } from './errors';
import type { RestResponse } from './response';

/**
 * What a route is made of (WordPress's register_rest_route vocabulary): methods, endpoints, the
 * options of a namespace and of a route, and the compiled form the REST server keeps.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const READABLE: readonly Method[] = Object.freeze(['GET'] as Method[]);
export const CREATABLE: readonly Method[] = Object.freeze(['POST'] as Method[]);
export const EDITABLE: readonly Method[] = Object.freeze(['POST', 'PUT', 'PATCH'] as Method[]);
export const DELETABLE: readonly Method[] = Object.freeze(['DELETE'] as Method[]);
export const ALLMETHODS: readonly Method[] = Object.freeze(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as Method[]);

/** What a handler may return: data (sent as 200 JSON), a RestResponse, or a WpError. */
export type HandlerResult = unknown;

/** One method set of a route (a handler in WordPress terms). */
export interface Endpoint {
  methods: Method | readonly Method[];
  handler(req: RestRequest): HandlerResult | Promise<HandlerResult>;
  /** WordPress's permission_callback: false → rest_forbidden (401 anonymous, 403 logged in); a WpError is sent as is. Omitted: public. */
  permission?(req: RestRequest): boolean | WpError | Promise<boolean | WpError>;
  args?: Record<string, ArgSchema>;
  /** Listed in the discovery index (default true). */
  showInIndex?: boolean;
  /** WordPress's `allow_batch` (shown as `"allow_batch": {"v1": true}` in the index). */
  allowBatch?: boolean;
}

export interface RouteOptions {
  /** The JSON schema shown by OPTIONS (WordPress's `schema` callback). */
  schema?: () => Record<string, unknown>;
}

export interface NamespaceOptions {
  /** 'php' (default): JSON as WordPress writes it (escaped `/` and non-ASCII). 'plain' for vendors whose servers are not PHP. */
  json?: 'php' | 'plain';
  /**
   * Vendor envelope for errors the core raises inside this namespace (no route, invalid JSON, bad
   * params, body too large, store unavailable, internal error). rest_forbidden is never passed: the
   * WordPress layer's permission answer is the same for every vendor. Return undefined to keep WordPress's.
   */
  onCoreError?(error: WpError, req: RestRequest): RestResponse | undefined;
  /** Last touch on every response of the namespace (a vendor's `Server` header, say). */
  decorate?(res: RestResponse, req: RestRequest): void;
  /** The namespace sends only its own headers: none of WordPress's (CORS, X-Robots-Tag, Link, no-cache). */
  ownHeaders?: boolean;
  /** WordPress rejects a malformed JSON body before the route runs (default true); false hands it to the handler as req.jsonError. */
  validateJson?: boolean;
}

export interface RegisteredEndpoint extends Endpoint {
  methodList: readonly Method[];
  /**
   * The args that declare a default, as [name, default] pairs: listed by the first request the
   * endpoint answers (null until then; a site that never sees a route pays nothing for it).
   */
  defaultList: readonly (readonly [string, unknown])[] | null;
}

export interface Route {
  pattern: string;
  namespace: string;
  regex: RegExp;
  endpoints: RegisteredEndpoint[];
  options: RouteOptions;
  /** Registration order (of the route's first registration): what the table lists and matches in. */
  order: number;
}

export interface SiteInfo {
  name: string;
  description: string;
  url: string;
  /** Application passwords available: the index's `authentication` entry. */
  applicationPasswords: boolean;
}

/** A registered route as routeList() describes it: its pattern, namespace and the endpoints the index shows. */
export interface RouteDescription {
  pattern: string;
  namespace: string;
  endpoints: { methods: readonly Method[]; args: Readonly<Record<string, ArgSchema>>; guarded: boolean }[];
  /** The route's item schema (what OPTIONS shows), when it has one. */
  schema?: Record<string, unknown>;
}

/**
 * Compiled route patterns, shared by every site of the process: each createApp() registers the same
 * routes, and compiling them again was a third of its cost. Sharing is not observable: the regexes
 * have neither the g nor the y flag, so exec() and test() keep no state (lastIndex) between calls.
 */
const compiled = new Map<string, RegExp>();

/** `(?P<name>...)` (PHP's named groups) to JavaScript's `(?<name>...)`. */
export function toJsRegex(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    if (compiled.size >= 4096) compiled.clear();
    regex = new RegExp(`^${pattern.replace(/\(\?P</g, '(?<')}$`, 'i');
    compiled.set(pattern, regex);
  }
  return regex;
}

/**
 * Method lists, by how `methods` was written (`'GET, POST'`, `['POST']`): frozen, made once per
 * process and shared by every site (no site can change another's; an endpoint's own array is only read).
 */
const methodLists = new Map<string, readonly Method[]>();

export function methodsOf(methods: Method | readonly Method[]): readonly Method[] {
  const written = typeof methods === 'string' ? methods : methods.join(',');
  const known = methodLists.get(written);
  if (known !== undefined) return known;
  const unique = Object.freeze([...new Set(written.split(',').map((m) => m.trim().toUpperCase()).filter((m) => m !== ''))] as Method[]);
  if (methodLists.size >= 256) methodLists.clear();
  methodLists.set(written, unique);
  return unique;
}

