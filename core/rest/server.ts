import { StoreWriteError, type Store } from '../store';
import { WpError, isWpError, wpErrors } from './errors';
import { RestRequest, type Params } from './request';
import { RestResponse, isRestResponse } from './response';
import { validateArgs } from '../validation';
import type { ArgSchema } from './schema';
import { namespaceIndex, routeData, routesData, siteIndex } from './discovery';
import { BATCH_ARGS, serveBatch, type BatchDispatcher, type PreparedRequest } from './batch';
import { filterResponseFields, linkSourceOf, parseFieldList } from './globals';
import { CREATABLE, methodsOf, READABLE, toJsRegex, type Endpoint, type HandlerResult, type Method, type NamespaceOptions, type RegisteredEndpoint, type Route, type RouteDescription, type RouteOptions, type SiteInfo } from './routes';

// The route vocabulary lives in ./routes; re-exported here, where namespaces have always imported it.
export { ALLMETHODS, CREATABLE, DELETABLE, EDITABLE, READABLE, type Endpoint, type HandlerResult, type Method, type NamespaceOptions, type RouteDescription, type RouteOptions, type SiteInfo } from './routes';

const NO_ARGS: Record<string, ArgSchema> = {};

/** A WordPress error as an answer: its JSON with its status (no namespace's envelope). */
const wpErrorResponse = (error: WpError) => new RestResponse(error.toJSON(), error.status);

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

/**
 * The REST server (WP_REST_Server): routes are registered per namespace with their methods, args
 * schema and permission callback, then one dispatcher matches, validates, checks permission and
 * calls the handler, in WordPress's order.
 */
/** An endpoint with no argument that declares a default. */
const NO_DEFAULTS: readonly (readonly [string, unknown])[] = Object.freeze([]);

/** A registration not yet compiled into the route table (see RestServer.compile). */
interface PendingRoute {
  /** As given to registerRoute, relative to the namespace ('/' for the namespace's own index; the pattern itself for the site root). */
  route: string;
  endpoints: Endpoint | Endpoint[];
  options: RouteOptions;
  /** Registration order: the route table lists and matches in it. */
  order: number;
}

/**
 * Whether routes of namespace `of` can match a path of namespace `ns` (namespaceOf): a route's
 * pattern is `/<its namespace>` then nothing or `/...`, matched without regard to case, so only
 * routes of `ns` itself, of a namespace it lies under, or of one under it (namespaceOf reads case,
 * the regex does not); plus the site root and any namespace with characters a regex reads specially.
 */
function mayMatch(of: string, lowerNs: string): boolean {
  const lower = of.toLowerCase();
  return lower === '' || /[^a-z0-9_/-]/.test(lower) || lower === lowerNs || lowerNs.startsWith(`${lower}/`) || lower.startsWith(`${lowerNs}/`);
}

export class RestServer {
  /** The compiled routes by pattern. Registration order, except while some namespaces are compiled ahead of others (`inOrder`). */
  private routes = new Map<string, Route>();
  /**
   * Registrations not compiled yet, by namespace. A site registers some 150 routes and most tests
   * and requests use one or two namespaces: compiled (endpoint records, patterns, the table) when a
   * request first reaches a namespace, or when something lists every route. createApp() 6–8 % less
   * wall and CPU, createApp() + a first request ~3 % (docs/performance.md, "100 emulators").
   * Matching and listing are as if every route were compiled at registration (server.test.ts).
   */
  private readonly pending = new Map<string, PendingRoute[]>();
  private nextOrder = 0;
  /** False once a namespace was compiled ahead of earlier registrations: the table is re-sorted before it is read whole. */
  private inOrder = true;
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
    // WordPress's batch route (core/rest/batch.ts): listed right after the index, in no namespace.
    this.addRoute('', '/batch/v1', [{ methods: CREATABLE, args: BATCH_ARGS, handler: (req) => serveBatch(req, this.batchDispatcher) }], {});
  }

  /** What the batch route asks of this server for each request in a batch. */
  private readonly batchDispatcher: BatchDispatcher = {
    prepare: (req) => this.prepareBatched(req),
    answer: (prepared) => this.answerBatched(prepared),
    errorData: (error) => wpErrorResponse(error),
  };

  /** A request of a batch matched and checked as dispatch() would, before any runs (serve_batch_request_v1's first loop). */
  private prepareBatched(req: RestRequest): PreparedRequest {
    const namespace = this.namespaceOf(req.route);
    const matched = this.match(req, namespace);
    if (!matched) return { req, error: wpErrors.noRoute(), match: null };
    const match = { ...matched, namespace };
    if (!matched.endpoint.allowBatch) return { req, error: new WpError('rest_batch_not_allowed', 'The requested route does not support batch requests.', { status: 400 }), match };
    return { req, error: this.validateParams(req, matched.endpoint, this.namespaceOptions(namespace)), match };
  }

  /** respond_to_request() for a prepared request of a batch, then rest_post_dispatch (the Allow header, `_fields`). */
  private async answerBatched({ req, error, match: matched }: PreparedRequest): Promise<RestResponse> {
    if (!matched) return wpErrorResponse(error ?? wpErrors.noRoute());
    const { namespace } = matched;
    const options = this.namespaceOptions(namespace);
    const checked: CheckedPermission = { endpoint: null, allowed: false, version: undefined };
    let response: RestResponse;
    try {
      response = error !== null ? wpErrorResponse(error) : await this.respondValidated(req, matched.endpoint, options, checked);
    } catch (thrown) {
      response = this.errorResponse(this.toWpError(thrown, req), req, options);
    }
    response = await this.finish(response, req, matched.route, namespace, options, checked);
    const fields = req.rawParam('_fields');
    if (response.status < 400 && fields !== undefined) response.data = filterResponseFields(response.data, parseFieldList(fields), linkSourceOf(req.route, (ns) => this.hasNamespace(ns)), false);
    return response;
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
    this.addRoute(namespace, '/', [
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
    this.addRoute(namespace, route, endpoints, options);
  }

  /** Queues a registration (compiled by compile()); lists of candidates made so far are made again. */
  private addRoute(namespace: string, route: string, endpoints: Endpoint | Endpoint[], options: RouteOptions): void {
    let queue = this.pending.get(namespace);
    if (queue === undefined) this.pending.set(namespace, (queue = []));
    queue.push({ route, endpoints, options, order: this.nextOrder++ });
    this.candidates.clear();
  }

  /** Compiles the queued registrations of `namespace` into the route table. */
  private compile(namespace: string): void {
    const queue = this.pending.get(namespace);
    if (queue === undefined) return;
    this.pending.delete(namespace);
    // Compiled ahead of an earlier registration of another namespace: the table is no longer in order.
    const last = queue[queue.length - 1]!.order;
    for (const other of this.pending.values()) if (other[0]!.order < last) this.inOrder = false;
    for (const { route, endpoints, options, order } of queue) {
      let pattern = route;
      if (namespace !== '') {
        const clean = '/' + route.replace(/^\/+/, '');
        pattern = clean === '/' ? `/${namespace}` : `/${namespace}${clean}`;
      }
      this.compileRoute(namespace, pattern, Array.isArray(endpoints) ? endpoints : [endpoints], options, order);
    }
    this.candidates.clear();
  }

  /** Every queued registration compiled, and the table in registration order: before anything reads it whole. */
  private compileAll(): void {
    for (const namespace of [...this.pending.keys()]) this.compile(namespace);
    if (!this.inOrder) {
      this.routes = new Map([...this.routes].sort((a, b) => a[1].order - b[1].order));
      this.inOrder = true;
    }
  }

  private compileRoute(namespace: string, pattern: string, endpoints: Endpoint[], options: RouteOptions, order: number): void {
    // One fixed shape for every registered endpoint (a spread of each module's differently shaped
    // literals went megamorphic: ~8 % of createSite's CPU).
    const registered = endpoints.map(
      (e): RegisteredEndpoint => ({
        methods: e.methods,
        handler: e.handler,
        permission: e.permission,
        args: e.args,
        showInIndex: e.showInIndex,
        allowBatch: e.allowBatch,
        methodList: methodsOf(e.methods),
        defaultList: null,
      }),
    );
    this.routeTable++;
    const existing = this.routes.get(pattern);
    if (existing) {
      existing.endpoints.push(...registered);
      Object.assign(existing.options, options);
      return;
    }
    this.routes.set(pattern, { pattern, namespace, regex: toJsRegex(pattern), endpoints: registered, options, order });
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
  private store: Pick<Store, 'version' | 'commitIfOwed'> | null = null;

  /**
   * No handler commits: after a handler of a method that may write (not GET or HEAD), or any handler
   * while the store's change counter moved, dispatch waits for `commit()` before the answer: every
   * change made so far is then durable (group commit: concurrent requests share one fsync; with
   * nothing pending or being flushed it costs nothing). A failed commit answers 503, through the
   * namespace's onCoreError.
   */
  commitWith(store: Pick<Store, 'version' | 'commitIfOwed'>): void {
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
    this.routeTable++;
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

  /**
   * Matches, validates, checks permission and runs the handler; always gives a response, never
   * throws. The answer is given at once when nothing on the way is asynchronous (the usual case: a
   * synchronous permission and handler, nothing left to make durable); a promise otherwise. Each
   * await is a trip through the microtask queue (docs/performance.md).
   */
  dispatch(req: RestRequest): Dispatched | Promise<Dispatched> {
    const namespace = this.namespaceOf(req.route);
    const options = this.namespaceOptions(namespace);
    if (req.method === 'OPTIONS') return this.dispatchOptions(req, namespace, options);
    const checked: CheckedPermission = { endpoint: null, allowed: false, version: undefined };
    let route: Route | null = null;
    let response: RestResponse;
    try {
      const matched = this.match(req, namespace);
      if (!matched) {
        response = this.errorResponse(wpErrors.noRoute(), req, options);
      } else {
        route = matched.route;
        const version = this.store?.version;
        const responded = this.respond(req, matched.endpoint, options, checked);
        if (responded instanceof Promise) return this.settle(req, route, namespace, options, checked, responded, version);
        const commit = this.commitOwed(req, version);
        if (commit !== null) return this.settle(req, route, namespace, options, checked, commit.then(() => responded), version, true);
        response = responded;
      }
    } catch (error) {
      response = this.errorResponse(this.toWpError(error, req), req, options);
    }
    return this.finished(response, req, route, namespace, options, route === null ? undefined : checked);
  }

  /**
   * The changes to make durable before the answer (commitWith()): after a handler of a method that
   * may write, or any handler while the store's change counter moved; null when there is nothing to
   * wait for.
   */
  private commitOwed(req: RestRequest, version: number | undefined): Promise<void> | null {
    if (this.store === null) return null;
    const writes = req.method !== 'GET' && req.method !== 'HEAD';
    return writes || this.store.version !== version ? this.store.commitIfOwed() : null;
  }

  /** dispatch() from the first promise on: the handler's answer, then the commit it owes (`committed`: already waited for), then finish. */
  private async settle(req: RestRequest, route: Route, namespace: string | null, options: NamespaceOptions, checked: CheckedPermission, responded: Promise<RestResponse>, version: number | undefined, committed = false): Promise<Dispatched> {
    let response: RestResponse;
    try {
      response = await responded;
      if (!committed) await this.commitOwed(req, version);
    } catch (error) {
      response = this.errorResponse(this.toWpError(error, req), req, options);
    }
    return this.finished(response, req, route, namespace, options, checked);
  }

  /** finish(), then the Dispatched: at once when finish answered at once. */
  private finished(response: RestResponse, req: RestRequest, route: Route | null, namespace: string | null, options: NamespaceOptions, checked?: CheckedPermission): Dispatched | Promise<Dispatched> {
    const finished = this.finish(response, req, route, namespace, options, checked);
    if (finished instanceof Promise) return finished.then((done) => ({ response: done, route, namespace }));
    return { response: finished, route, namespace };
  }

  /** OPTIONS (rest_handle_options_request): the route's help data, or an empty 200 when no route matches. */
  private async dispatchOptions(req: RestRequest, namespace: string | null, options: NamespaceOptions): Promise<Dispatched> {
    let route: Route | null = null;
    let response: RestResponse;
    try {
      route = this.findRoute(req.route);
      if (!route) return { response: new RestResponse([], 200), route: null, namespace };
      const match = route.regex.exec(req.route);
      req.urlParams = { ...(match?.groups ?? {}) };
      return { response: await this.finish(new RestResponse(this.routeData(route, 'help')), req, route, namespace, options), route, namespace };
    } catch (error) {
      response = this.errorResponse(this.toWpError(error, req), req, options);
    }
    return this.finished(response, req, route, namespace, options);
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
    return wpErrorResponse(error);
  }

  private findRoute(path: string): Route | null {
    this.compileAll();
    for (const route of this.routes.values()) if (!this.isDisabled(route) && route.regex.test(path)) return route;
    return null;
  }

  /**
   * The routes that can match a path of namespace `ns` (namespaceOf, see mayMatch), in registration
   * order; the namespaces they belong to are compiled first. A path of no namespace is matched
   * against every route. Made once per namespace; a new registration starts the lists again.
   */
  private readonly candidates = new Map<string, Route[]>();

  private candidatesFor(ns: string | null): Iterable<Route> {
    if (ns === null) {
      this.compileAll();
      return this.routes.values();
    }
    let list = this.candidates.get(ns);
    if (list === undefined) {
      const lower = ns.toLowerCase();
      for (const namespace of [...this.pending.keys()]) if (mayMatch(namespace, lower)) this.compile(namespace);
      list = [...this.routes.values()].filter((route) => mayMatch(route.namespace, lower));
      if (!this.inOrder) list.sort((a, b) => a.order - b.order);
      this.candidates.set(ns, list);
    }
    return list;
  }

  private match(req: RestRequest, namespace: string | null): { route: Route; endpoint: RegisteredEndpoint } | null {
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    for (const route of this.candidatesFor(namespace)) {
      if (this.isDisabled(route)) continue;
      const m = route.regex.exec(req.route);
      if (!m) continue;
      const endpoint = route.endpoints.find((e) => e.methodList.includes(method as Method));
      if (!endpoint) continue;
      const urlParams: Params = {};
      if (m.groups !== undefined) for (const name in m.groups) urlParams[name] = m.groups[name] ?? '';
      req.urlParams = urlParams;
      const defaults: Params = {};
      endpoint.defaultList ??= endpoint.args ? Object.entries(endpoint.args).flatMap(([name, arg]) => (arg.default !== undefined ? [[name, arg.default] as const] : [])) : NO_DEFAULTS;
      for (const [name, value] of endpoint.defaultList) defaults[name] = value;
      req.defaults = defaults;
      return { route, endpoint };
    }
    return null;
  }

  /** WP_REST_Request::has_valid_params() then sanitize_params(), by the one validation mechanism (core/validation.ts). */
  private validateParams(req: RestRequest, endpoint: RegisteredEndpoint, options: NamespaceOptions): WpError | null {
    if (req.jsonError && options.validateJson !== false) return wpErrors.invalidJson(req.jsonError.code, req.jsonError.message);
    return validateArgs(endpoint.args ?? NO_ARGS, (name) => req.rawParam(name), req.defaults, req.sanitized);
  }

  /**
   * Validation, permission, handler. Callbacks that answer at once (most do) are not awaited: each
   * await is a trip through the microtask queue (docs/performance.md); one that returns a promise is.
   * A throw, sync or async, reaches dispatch's catch either way.
   */
  private respond(req: RestRequest, endpoint: RegisteredEndpoint, options: NamespaceOptions, checked: CheckedPermission): RestResponse | Promise<RestResponse> {
    const invalid = this.validateParams(req, endpoint, options);
    if (invalid) return this.errorResponse(invalid, req, options);
    return this.respondValidated(req, endpoint, options, checked);
  }

  /** respond() once the args passed: the permission, then the handler. */
  private respondValidated(req: RestRequest, endpoint: RegisteredEndpoint, options: NamespaceOptions, checked: CheckedPermission): RestResponse | Promise<RestResponse> {
    if (endpoint.permission) {
      // Read before asking: a change stored by anything while the answer is awaited makes finish() ask again.
      const version = this.stateVersion?.();
      const asked = endpoint.permission(req);
      if (asked instanceof Promise) return asked.then((allowed) => this.permitted(req, endpoint, options, checked, version, allowed));
      return this.permitted(req, endpoint, options, checked, version, asked);
    }
    return this.handle(req, endpoint, options);
  }

  private permitted(req: RestRequest, endpoint: RegisteredEndpoint, options: NamespaceOptions, checked: CheckedPermission, version: unknown, allowed: boolean | WpError): RestResponse | Promise<RestResponse> {
    if (this.stateVersion) {
      checked.endpoint = endpoint;
      checked.allowed = allowed === true;
      checked.version = version;
    }
    if (isWpError(allowed)) return this.errorResponse(allowed, req, options);
    if (allowed !== true) return this.errorResponse(wpErrors.forbidden(req.isLoggedIn), req, options);
    return this.handle(req, endpoint, options);
  }

  private handle(req: RestRequest, endpoint: RegisteredEndpoint, options: NamespaceOptions): RestResponse | Promise<RestResponse> {
    const result = endpoint.handler(req);
    if (result instanceof Promise) return result.then((value) => this.toResponse(value, req, options));
    return this.toResponse(result, req, options);
  }

  private toResponse(result: HandlerResult, req: RestRequest, options: NamespaceOptions): RestResponse {
    if (isRestResponse(result)) return result;
    if (isWpError(result)) return this.errorResponse(result, req, options);
    return new RestResponse(result === undefined ? null : result, 200);
  }

  /** rest_post_dispatch: the Allow header (methods the current user may use on the matched route), then the namespace's touch. */
  private finish(response: RestResponse, req: RestRequest, route: Route | null, namespace: string | null, options: NamespaceOptions, checked?: CheckedPermission): RestResponse | Promise<RestResponse> {
    // The matched endpoint's answer stands if nothing was stored since it was asked.
    const reused = route !== null && checked !== undefined && checked.endpoint !== null && this.stateVersion !== null && checked.version === this.stateVersion() ? checked : null;
    // No permission to ask again (the usual case: one endpoint, its answer reused): no await.
    if (route !== null && route.endpoints.some((endpoint) => endpoint.permission && endpoint !== reused?.endpoint)) return this.finishAsking(response, req, route, namespace, options, reused);
    if (route !== null) this.allow(response, route, (endpoint) => (endpoint === reused?.endpoint ? reused.allowed : true));
    if (namespace !== null) options.decorate?.(response, req);
    return response;
  }

  /** The Allow header: the methods of the endpoints whose permission `ok` says the user has. */
  private allow(response: RestResponse, route: Route, ok: (endpoint: RegisteredEndpoint) => boolean): void {
    const allowed: Method[] = [];
    for (const endpoint of route.endpoints) {
      const yes = ok(endpoint);
      for (const method of endpoint.methodList) {
        const at = allowed.indexOf(method);
        if (yes && at === -1) allowed.push(method);
        if (!yes && at !== -1) allowed.splice(at, 1);
      }
    }
    if (allowed.length > 0) response.header('Allow', allowed.join(', '));
  }

  /** finish() when a permission must be asked again (it may answer later): each is awaited, a throw counts as no. */
  private async finishAsking(response: RestResponse, req: RestRequest, route: Route, namespace: string | null, options: NamespaceOptions, reused: CheckedPermission | null): Promise<RestResponse> {
    const answers = new Map<RegisteredEndpoint, boolean>();
    for (const endpoint of route.endpoints) {
      if (reused !== null && endpoint === reused.endpoint) answers.set(endpoint, reused.allowed);
      else if (endpoint.permission) {
        try {
          answers.set(endpoint, (await endpoint.permission(req)) === true);
        } catch {
          answers.set(endpoint, false);
        }
      }
    }
    this.allow(response, route, (endpoint) => answers.get(endpoint) ?? true);
    if (namespace !== null) options.decorate?.(response, req);
    return response;
  }

  /** One route's entry in the index (get_data_for_route). */
  private routeData(route: Route, context: 'view' | 'help'): Record<string, unknown> | null {
    return routeData(route, context, (path) => this.restUrl(path));
  }

  private routesData(filter: (route: Route) => boolean): Record<string, unknown> {
    this.compileAll();
    return routesData(this.routes.values(), (route) => filter(route) && !this.isDisabled(route), (path) => this.restUrl(path));
  }

  /** The registered routes of active namespaces in registration order, as the index lists them (for generated documents: core/openapi). */
  routeList(): readonly RouteDescription[] {
    this.compileAll();
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

  /** Counts the changes of the route table (a route added or extended, a namespace switched on or off): what the index's cache is good for. */
  private routeTable = 0;
  /** The `routes` of the site index ('' key) and of each namespace's index, made for one state of the route table and one site URL (their links hold it). */
  private indexRoutes = new Map<string, { table: number; url: string; routes: Record<string, unknown> }>();

  /** The routes an index lists (`namespace` null: the site's), made again only when the route table or the site URL changed. */
  private cachedRoutes(namespace: string | null): Record<string, unknown> {
    this.compileAll();
    const url = this.site().url;
    const key = namespace ?? '';
    let cached = this.indexRoutes.get(key);
    if (cached === undefined || cached.table !== this.routeTable || cached.url !== url) {
      const routes = this.routesData(namespace === null ? () => true : (route) => route.namespace === namespace);
      cached = { table: this.routeTable, url, routes: freezeRouteData(routes) };
      this.indexRoutes.set(key, cached);
    }
    return cached.routes;
  }

  /**
   * The site index. Its `routes` (~130 µs of work for this emulator's ~40 routes, the larger part of
   * a discovery request) are made again only when the route table or the site URL changed (as a
   * namespace index's are); they are frozen, so nothing that answers one request can change what
   * the next one is sent.
   */
  private index(): Record<string, unknown> {
    return siteIndex(this.site(), this.namespaceList(), this.cachedRoutes(null));
  }

  private namespaceIndex(namespace: string): Record<string, unknown> {
    return namespaceIndex(namespace, this.cachedRoutes(namespace), this.restUrl('/'));
  }
}

/**
 * Freezes what routeData() made for the index: each route's entry, its methods, endpoints and their
 * args (the arg schemas' own values are the registered ones, shared, and left as they are).
 */
function freezeRouteData(routes: Record<string, unknown>): Record<string, unknown> {
  for (const data of Object.values(routes) as Array<Record<string, unknown>>) {
    for (const endpoint of data.endpoints as Array<Record<string, unknown>>) {
      if (!Array.isArray(endpoint.args)) for (const entry of Object.values(endpoint.args as Record<string, object>)) Object.freeze(entry);
      Object.freeze(endpoint.args);
      Object.freeze(endpoint.methods);
      Object.freeze(endpoint);
    }
    Object.freeze(data.endpoints);
    Object.freeze(data.methods);
    Object.freeze(data);
  }
  return Object.freeze(routes);
}
