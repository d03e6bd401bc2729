import { StoreWriteError, type Store } from '../store';
import { WpError, isWpError, wpErrors } from './errors';
import { RestRequest } from './request';
import { RestResponse, isRestResponse } from './response';
import { validateArgs } from '../validation';
import { INDEX_KEYWORDS, type ArgSchema } from './schema';

const INDEX_KEYWORD_SET: ReadonlySet<string> = new Set(INDEX_KEYWORDS);
const NO_ARGS: Record<string, ArgSchema> = {};

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

interface RegisteredEndpoint extends Endpoint {
  methodList: readonly Method[];
}

interface Route {
  pattern: string;
  namespace: string;
  regex: RegExp;
  endpoints: RegisteredEndpoint[];
  options: RouteOptions;
}

/** The matched endpoint's permission answer, and the store's change counter when it was asked. */
interface CheckedPermission {
  endpoint: RegisteredEndpoint | null;
  allowed: boolean;
  version: unknown;
}

/** What dispatch produced, with the route it matched (for the Allow header). */
export interface Dispatched {
  response: RestResponse;
  route: Route | null;
  namespace: string | null;
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
function toJsRegex(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    if (compiled.size >= 4096) compiled.clear();
    regex = new RegExp(`^${pattern.replace(/\(\?P</g, '(?<')}$`, 'i');
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Method lists, per `methods` value of an endpoint definition (module-level constants, mostly): frozen, so no site can change another's. */
const methodLists = new WeakMap<readonly Method[], readonly Method[]>();

function methodsOf(methods: Method | readonly Method[]): readonly Method[] {
  if (typeof methods !== 'string') {
    const known = methodLists.get(methods);
    if (known !== undefined) return known;
  }
  const list = typeof methods === 'string' ? methods.split(',').map((m) => m.trim().toUpperCase() as Method) : methods.map((m) => m.toUpperCase() as Method);
  const unique = Object.freeze([...new Set(list)]);
  // A caller's array could be changed later: only frozen ones (and the shared constants) are remembered.
  if (typeof methods !== 'string' && Object.isFrozen(methods)) methodLists.set(methods, unique);
  return unique;
}

/**
 * The REST server (WP_REST_Server): routes are registered per namespace with their methods, args
 * schema and permission callback, then one dispatcher matches, validates, checks permission and
 * calls the handler, in WordPress's order.
 */
export class RestServer {
  private readonly routes = new Map<string, Route>();
  private readonly namespaces = new Map<string, NamespaceOptions>();
  /** Namespaces of inactive plugins: their routes match nothing and are not in the index. */
  private readonly disabled = new Set<string>();

  /** The store's change counter, when known: see useStateVersion(). */
  private stateVersion: (() => unknown) | null = null;

  constructor(
    private readonly site: () => SiteInfo,
    private readonly onInternalError: (error: unknown, req: RestRequest) => void = () => undefined,
  ) {
    this.addRoute('', '/', [{ methods: READABLE, args: { context: { default: 'view' } }, handler: () => this.index() }], {});
  }

  /** Declares a namespace's options; registering a route declares its namespace too. */
  registerNamespace(namespace: string, options: NamespaceOptions = {}): void {
    const existing = this.namespaces.get(namespace);
    if (existing) {
      Object.assign(existing, options);
      return;
    }
    this.namespaces.set(namespace, { ...options });
    this.prefixes = null;
    this.addRoute(namespace, `/${namespace}`, [
      {
        methods: READABLE,
        args: { namespace: { default: namespace }, context: { default: 'view' } },
        handler: () => this.namespaceIndex(namespace),
      },
    ], {});
  }

  /**
   * register_rest_route(): `route` is relative to the namespace and may use named groups
   * (`/items/(?P<id>[\d]+)`). Registering the same route again adds endpoints to it.
   */
  registerRoute(namespace: string, route: string, endpoints: Endpoint | Endpoint[], options: RouteOptions = {}): void {
    if (!namespace || namespace.startsWith('/') || namespace.endsWith('/')) throw new Error(`Invalid namespace "${namespace}"`);
    if (!this.namespaces.has(namespace)) this.registerNamespace(namespace);
    const clean = '/' + route.replace(/^\/+/, '');
    this.addRoute(namespace, clean === '/' ? `/${namespace}` : `/${namespace}${clean}`, Array.isArray(endpoints) ? endpoints : [endpoints], options);
  }

  private addRoute(namespace: string, pattern: string, endpoints: Endpoint[], options: RouteOptions): void {
    const registered = endpoints.map((e) => ({ ...e, methodList: methodsOf(e.methods) }));
    const existing = this.routes.get(pattern);
    if (existing) {
      existing.endpoints.push(...registered);
      Object.assign(existing.options, options);
      return;
    }
    this.routes.set(pattern, { pattern, namespace, regex: toJsRegex(pattern), endpoints: registered, options });
  }

  /**
   * Tells the server how to see that stored state changed (the store's change counter). The Allow
   * header re-asks every endpoint's permission after the handler ran, as WordPress does; with this,
   * the matched endpoint's answer from before the handler is reused when nothing was stored since
   * (a permission callback reads only the request, the store and the clock), so a nonce or token
   * is not verified twice. Without it, every permission is asked again.
   */
  useStateVersion(version: () => unknown): void {
    this.stateVersion = version;
  }

  /** The store whose changes dispatch makes durable before the answer: see commitWith(). */
  private store: Pick<Store, 'version' | 'commit'> | null = null;

  /**
   * No handler commits: after a handler of a method that may write (not GET or HEAD), or any handler
   * while the store's change counter moved, dispatch waits for `commit()` before the answer: every
   * change made so far is then durable (group commit: concurrent requests share one fsync; with
   * nothing pending or being flushed it costs nothing). A failed commit answers 503, through the
   * namespace's onCoreError.
   */
  commitWith(store: Pick<Store, 'version' | 'commit'>): void {
    this.store = store;
  }

  hasNamespace(namespace: string): boolean {
    return this.namespaces.has(namespace) && !this.disabled.has(namespace);
  }

  namespaceList(): string[] {
    return [...this.namespaces.keys()].filter((ns) => !this.disabled.has(ns));
  }

  /** Deactivating a plugin removes its namespace's routes at run time (rest_no_route, gone from the index); activating brings them back. */
  setNamespaceEnabled(namespace: string, enabled: boolean): void {
    if (enabled) this.disabled.delete(namespace);
    else this.disabled.add(namespace);
    this.prefixes = null;
  }

  private isDisabled(route: Route): boolean {
    return this.disabled.size > 0 && this.disabled.has(route.namespace);
  }

  /** The namespace a route path belongs to (longest match), or null. */
  namespaceOf(path: string): string | null {
    // Longest namespace first, so the first match is the longest (the list is rebuilt when a namespace is added).
    for (const { ns, exact, prefix } of this.namespacePrefixes()) if (path === exact || path.startsWith(prefix)) return ns;
    return null;
  }

  private prefixes: { ns: string; exact: string; prefix: string }[] | null = null;

  private namespacePrefixes(): { ns: string; exact: string; prefix: string }[] {
    if (this.prefixes === null) {
      this.prefixes = this.namespaceList()
        .map((ns, order) => ({ ns, exact: `/${ns}`, prefix: `/${ns}/`, order }))
        // Equal lengths keep registration order, as the loop this replaces did (it kept the first of equal length).
        .sort((a, b) => b.ns.length - a.ns.length || a.order - b.order)
        .map(({ ns, exact, prefix }) => ({ ns, exact, prefix }));
    }
    return this.prefixes;
  }

  namespaceOptions(namespace: string | null): NamespaceOptions {
    return (namespace !== null && this.namespaces.get(namespace)) || {};
  }

  /** Matches, validates, checks permission and runs the handler; always returns a response, never throws. */
  async dispatch(req: RestRequest): Promise<Dispatched> {
    const namespace = this.namespaceOf(req.route);
    const options = this.namespaceOptions(namespace);
    let route: Route | null = null;
    let response: RestResponse;
    const checked: CheckedPermission = { endpoint: null, allowed: false, version: undefined };
    try {
      if (req.method === 'OPTIONS') {
        route = this.findRoute(req.route);
        if (route) {
          const match = route.regex.exec(req.route);
          req.urlParams = { ...(match?.groups ?? {}) };
          response = new RestResponse(this.routeData(route, 'help'));
          return { response: await this.finish(response, req, route, namespace, options), route, namespace };
        }
        // rest_handle_options_request: no matching route still answers 200, with an empty body.
        return { response: new RestResponse([], 200), route: null, namespace };
      }
      const matched = this.match(req);
      if (!matched) {
        response = this.errorResponse(wpErrors.noRoute(), req, options);
        return { response: await this.finish(response, req, null, namespace, options), route: null, namespace };
      }
      route = matched.route;
      const version = this.store?.version;
      response = await this.respond(req, matched.endpoint, options, checked);
      const writes = req.method !== 'GET' && req.method !== 'HEAD';
      if (this.store !== null && (writes || this.store.version !== version)) await this.store.commit(); // commitWith()
    } catch (error) {
      response = this.errorResponse(this.toWpError(error, req), req, options);
    }
    return { response: await this.finish(response, req, route, namespace, options, checked), route, namespace };
  }

  private toWpError(error: unknown, req: RestRequest): WpError {
    if (isWpError(error)) return error;
    if (error instanceof StoreWriteError) return wpErrors.storeUnavailable();
    this.onInternalError(error, req);
    return wpErrors.internal();
  }

  private errorResponse(error: WpError, req: RestRequest, options: NamespaceOptions): RestResponse {
    if (error.code !== 'rest_forbidden' && options.onCoreError) {
      const replaced = options.onCoreError(error, req);
      if (replaced) return replaced;
    }
    return new RestResponse(error.toJSON(), error.status);
  }

  private findRoute(path: string): Route | null {
    for (const route of this.routes.values()) if (!this.isDisabled(route) && route.regex.test(path)) return route;
    return null;
  }

  private match(req: RestRequest): { route: Route; endpoint: RegisteredEndpoint } | null {
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    for (const route of this.routes.values()) {
      if (this.isDisabled(route)) continue;
      const m = route.regex.exec(req.route);
      if (!m) continue;
      const endpoint = route.endpoints.find((e) => e.methodList.includes(method as Method));
      if (!endpoint) continue;
      req.urlParams = {};
      for (const [name, value] of Object.entries(m.groups ?? {})) req.urlParams[name] = value ?? '';
      req.defaults = {};
      for (const [name, arg] of Object.entries(endpoint.args ?? {})) if (arg.default !== undefined) req.defaults[name] = arg.default;
      return { route, endpoint };
    }
    return null;
  }

  /** WP_REST_Request::has_valid_params() then sanitize_params(), by the one validation mechanism (core/validation.ts). */
  private validateParams(req: RestRequest, endpoint: RegisteredEndpoint, options: NamespaceOptions): WpError | null {
    if (req.jsonError && options.validateJson !== false) return wpErrors.invalidJson(req.jsonError.code, req.jsonError.message);
    return validateArgs(endpoint.args ?? NO_ARGS, (name) => req.rawParam(name), req.defaults, req.sanitized);
  }

  private async respond(req: RestRequest, endpoint: RegisteredEndpoint, options: NamespaceOptions, checked: CheckedPermission): Promise<RestResponse> {
    const invalid = this.validateParams(req, endpoint, options);
    if (invalid) return this.errorResponse(invalid, req, options);
    if (endpoint.permission) {
      // Read before asking: a change stored by anything while the answer is awaited makes finish() ask again.
      const version = this.stateVersion?.();
      const allowed = await endpoint.permission(req);
      if (this.stateVersion) {
        checked.endpoint = endpoint;
        checked.allowed = allowed === true;
        checked.version = version;
      }
      if (isWpError(allowed)) return this.errorResponse(allowed, req, options);
      if (allowed !== true) return this.errorResponse(wpErrors.forbidden(req.isLoggedIn), req, options);
    }
    const result = await endpoint.handler(req);
    if (isRestResponse(result)) return result;
    if (isWpError(result)) return this.errorResponse(result, req, options);
    return new RestResponse(result === undefined ? null : result, 200);
  }

  /** rest_post_dispatch: the Allow header (methods the current user may use on the matched route), then the namespace's touch. */
  private async finish(response: RestResponse, req: RestRequest, route: Route | null, namespace: string | null, options: NamespaceOptions, checked?: CheckedPermission): Promise<RestResponse> {
    if (route) {
      const allowed: Method[] = [];
      // The matched endpoint's answer stands if nothing was stored since it was asked.
      const reuse = checked !== undefined && checked.endpoint !== null && this.stateVersion !== null && checked.version === this.stateVersion();
      for (const endpoint of route.endpoints) {
        let ok = true;
        if (reuse && endpoint === checked.endpoint) ok = checked.allowed;
        else if (endpoint.permission) {
          try {
            ok = (await endpoint.permission(req)) === true;
          } catch {
            ok = false;
          }
        }
        for (const method of endpoint.methodList) {
          const at = allowed.indexOf(method);
          if (ok && at === -1) allowed.push(method);
          if (!ok && at !== -1) allowed.splice(at, 1);
        }
      }
      if (allowed.length > 0) response.header('Allow', allowed.join(', '));
    }
    if (namespace !== null) options.decorate?.(response, req);
    return response;
  }

  /** One route's entry in the index (get_data_for_route). */
  private routeData(route: Route, context: 'view' | 'help'): Record<string, unknown> | null {
    const data: Record<string, unknown> = { namespace: route.namespace, methods: [] as string[], endpoints: [] as unknown[] };
    const shown = route.endpoints.filter((e) => e.showInIndex !== false);
    if (shown.length === 0) return null;
    for (const endpoint of shown) {
      (data.methods as string[]).push(...endpoint.methodList);
      const args: Record<string, unknown> = {};
      for (const [name, arg] of Object.entries(endpoint.args ?? {})) {
        const entry: Record<string, unknown> = {};
        // WordPress keeps each arg's keys in the order they were registered (only the allowed keywords).
        for (const [keyword, value] of Object.entries(arg)) if (INDEX_KEYWORD_SET.has(keyword) && value !== undefined) entry[keyword] = value;
        entry.required = arg.required === true;
        args[name] = entry;
      }
      // PHP encodes an empty array as [] — WordPress shows "args": [] for an endpoint without args.
      (data.endpoints as unknown[]).push({ methods: [...endpoint.methodList], ...(endpoint.allowBatch ? { allow_batch: { v1: true } } : {}), args: Object.keys(args).length ? args : [] });
    }
    if (context === 'help' && route.options.schema) data.schema = route.options.schema();
    const readable = route.pattern.replace(/\(\?P<(\w+?)>.*?\)/g, '{$1}');
    if (!readable.includes('{')) data._links = { self: [{ href: this.restUrl(readable) }] };
    return data;
  }

  private routesData(filter: (route: Route) => boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const route of this.routes.values()) {
      if (!filter(route) || this.isDisabled(route)) continue;
      const data = this.routeData(route, 'view');
      if (data) out[route.pattern] = data;
    }
    return out;
  }

  /** The registered routes of active namespaces in registration order, as the index lists them (for generated documents: core/openapi). */
  routeList(): readonly RouteDescription[] {
    return [...this.routes.values()].filter((route) => !this.isDisabled(route)).map((route) => ({
      pattern: route.pattern,
      namespace: route.namespace,
      endpoints: route.endpoints.filter((e) => e.showInIndex !== false).map((e) => ({ methods: e.methodList, args: e.args ?? {}, guarded: e.permission !== undefined })),
      ...(route.options.schema ? { schema: route.options.schema() } : {}),
    }));
  }

  /** SITE/wp-json + path. */
  restUrl(path = '/'): string {
    return `${this.site().url}/wp-json${path.startsWith('/') ? path : `/${path}`}`;
  }

  private index(): Record<string, unknown> {
    const site = this.site();
    return {
      name: site.name,
      description: site.description,
      url: site.url,
      home: site.url,
      gmt_offset: '0', // get_option('gmt_offset') is a string in WordPress
      timezone_string: '',
      page_for_posts: 0,
      page_on_front: 0,
      show_on_front: 'posts',
      namespaces: this.namespaceList(),
      authentication: site.applicationPasswords ? { 'application-passwords': { endpoints: { authorization: `${site.url}/wp-admin/authorize-application.php` } } } : [],
      routes: this.routesData(() => true),
      site_logo: 0,
      site_icon: 0,
      site_icon_url: '',
      _links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
    };
  }

  private namespaceIndex(namespace: string): Record<string, unknown> {
    return {
      namespace,
      routes: this.routesData((route) => route.namespace === namespace),
      _links: { up: [{ href: this.restUrl('/') }] },
    };
  }
}
