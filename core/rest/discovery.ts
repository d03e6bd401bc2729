import { INDEX_KEYWORDS } from './schema';
import type { Route, SiteInfo } from './routes';

/**
 * WordPress's discovery documents: the site index (`GET /wp-json/`), a namespace's index
 * (`GET /wp-json/<namespace>`) and one route's entry in them (get_data_for_route), also what
 * OPTIONS on a route shows (with its schema).
 */

const INDEX_KEYWORD_SET: ReadonlySet<string> = new Set(INDEX_KEYWORDS);

/**
 * A schema value as PHP's json_encode shows WordPress's arrays: an empty one is `[]`, also where the
 * schema means an object (the batch route's `"properties": []`). Values without an empty object are
 * returned as they are.
 */
function asPhpArrays(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === 'object') ? value.map(asPhpArrays) : value;
  const entries = Object.entries(value);
  if (entries.length === 0) return [];
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, v] of entries) {
    out[key] = asPhpArrays(v);
    if (out[key] !== v) changed = true;
  }
  return changed ? out : value;
}

/** One route's entry in the index (get_data_for_route); null when none of its endpoints is shown. */
export function routeData(route: Route, context: 'view' | 'help', restUrl: (path: string) => string): Record<string, unknown> | null {
  const data: Record<string, unknown> = { namespace: route.namespace, methods: [] as string[], endpoints: [] as unknown[] };
  const shown = route.endpoints.filter((e) => e.showInIndex !== false);
  if (shown.length === 0) return null;
  for (const endpoint of shown) {
    (data.methods as string[]).push(...endpoint.methodList);
    const args: Record<string, unknown> = {};
    for (const [name, arg] of Object.entries(endpoint.args ?? {})) {
      const entry: Record<string, unknown> = {};
      // WordPress keeps each arg's keys in the order they were registered (only the allowed keywords).
      for (const [keyword, value] of Object.entries(arg)) if (INDEX_KEYWORD_SET.has(keyword) && value !== undefined) entry[keyword] = asPhpArrays(value);
      entry.required = arg.required === true;
      args[name] = entry;
    }
    // PHP encodes an empty array as [] — WordPress shows "args": [] for an endpoint without args.
    (data.endpoints as unknown[]).push({ methods: [...endpoint.methodList], ...(endpoint.allowBatch ? { allow_batch: { v1: true } } : {}), args: Object.keys(args).length ? args : [] });
  }
  if (context === 'help' && route.options.schema) data.schema = route.options.schema();
  const readable = route.pattern.replace(/\(\?P<(\w+?)>.*?\)/g, '{$1}');
  if (!readable.includes('{')) data._links = { self: [{ href: restUrl(readable) }] };
  return data;
}

/** The `routes` object of an index: every route `include` keeps, in registration order. */
export function routesData(routes: Iterable<Route>, include: (route: Route) => boolean, restUrl: (path: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const route of routes) {
    if (!include(route)) continue;
    const data = routeData(route, 'view', restUrl);
    if (data) out[route.pattern] = data;
  }
  return out;
}

/** `GET /wp-json/`: the site's index. */
export function siteIndex(site: SiteInfo, namespaces: string[], routes: Record<string, unknown>): Record<string, unknown> {
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
    namespaces,
    authentication: site.applicationPasswords ? { 'application-passwords': { endpoints: { authorization: `${site.url}/wp-admin/authorize-application.php` } } } : [],
    routes,
    site_logo: 0,
    site_icon: 0,
    site_icon_url: '',
    _links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
  };
}

/** `GET /wp-json/<namespace>`: one namespace's index. */
export function namespaceIndex(namespace: string, routes: Record<string, unknown>, siteIndexUrl: string): Record<string, unknown> {
  return { namespace, routes, _links: { up: [{ href: siteIndexUrl }] } };
}
