import type Ajv2020 from 'ajv/dist/2020';
import { parsePhpQuery } from '../../core/query-string';
import type { ValidateFunction } from 'ajv/dist/2020';

type Doc = Record<string, any>;
type WorkerCache = { readonly ajv: Ajv2020; compiled: Map<string, ValidateFunction>; documents: Map<string, Doc>; components: Map<string, string> };

/**
 * Once per jest worker, not once per test file: jest gives every test file its own module registry
 * (createRequire's require included), so Ajv (slow to load) and the compiled validators live in
 * worker-cache.js, which the project's test environment (tests/environment.js) loads with Node's own
 * require and hands to every test file as `__wpteWorkerCache`. The same schema with the same
 * components is compiled once for every app and test. Under another environment (no such global) the
 * module is loaded per file: the same check, only slower.
 */
const worker: WorkerCache = (globalThis as { __wpteWorkerCache?: WorkerCache }).__wpteWorkerCache ?? (require('./worker-cache.js') as WorkerCache);
const ajv = worker.ajv;
const compiled = worker.compiled;
/** Documents by what they are generated from (see response-hook.ts): most test files' apps share one. */
export const workerDocuments = worker.documents;

interface PathMatcher {
  regex: RegExp;
  item: Record<string, any>;
  /** Fewer template parameters first: a concrete path wins over a template, as OpenAPI says. */
  params: number;
}

interface Prepared {
  matchers: PathMatcher[];
  /** The Ajv id the document's components were added under (componentsId). */
  componentsId: string;
  /** Any namespace's error envelope: what a path the document does not have may answer. */
  anyError: Record<string, unknown>;
}

const prepared = new WeakMap<Doc, Prepared>();

function prepare(doc: Doc): Prepared {
  let p = prepared.get(doc);
  if (p) return p;

  const matchers: PathMatcher[] = Object.entries(doc.paths as Record<string, Record<string, any>>).map(([path, item]) => {
    let params = 0;
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
      params++;
      const declared = Object.values(item).flatMap((op: any) => op.parameters ?? []).find((x: any) => x.in === 'path' && x.name === name);
      // The parameter's own pattern (the route's group), so `plugin` (`akismet/akismet`) and the catch-alls take slashes as the server does.
      const pattern = declared?.schema?.pattern as string | undefined;
      return pattern ? `(?:${pattern.replace(/^\^/, '').replace(/\$$/, '')})` : '([^/]+)';
    });
    return { regex: new RegExp(`^${source}/?$`, 'i'), item, params };
  });
  matchers.sort((a, b) => a.params - b.params);
  const errors = Object.keys(doc.components.schemas).filter((name) => name.endsWith('Error')).map((name) => ({ $ref: `#/components/schemas/${name}` }));
  p = { matchers, componentsId: componentsId(JSON.stringify(doc.components)), anyError: { anyOf: errors } };
  prepared.set(doc, p);
  return p;
}

/**
 * A document's components, added to Ajv once per worker as a schema of their own (the same components,
 * the same id). Each response schema then refers to them there: compiling it walks only that schema,
 * and a component is compiled once, not again inside every response schema that uses it.
 */
function componentsId(componentsJson: string): string {
  let id = worker.components.get(componentsJson);
  if (!id) {
    id = `urn:wp-token-emulator:openapi-components:${worker.components.size}`;
    ajv.addSchema({ $id: id, components: JSON.parse(componentsJson) as unknown });
    worker.components.set(componentsJson, id);
  }
  return id;
}

/** The schema with its references to the document's components (`#/components/...`) pointed at them in Ajv. */
function referringTo(id: string, schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => referringTo(id, item));
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/components/') ? `${id}${value}` : referringTo(id, value);
  return copy;
}

function validator(p: Prepared, schema: unknown): ValidateFunction {
  const key = `${p.componentsId}\n${JSON.stringify(schema)}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(referringTo(p.componentsId, schema) as object);
    compiled.set(key, fn);
  }
  return fn;
}

export interface Exchange {
  method: string;
  /** Path and query as sent. */
  url: string;
  status: number;
  contentType: string | undefined;
  /** The body as received (undefined: none). */
  text: string | undefined;
  /** The X-HTTP-Method-Override header sent, if any. */
  methodOverride?: string;
}

/** What is wrong with one response against the document (status, content type, body schema); null when nothing is. */
export function checkResponse(doc: Doc, exchange: Exchange): string | null {
  const url = new URL(exchange.url, 'http://x');
  let path = decodeURIComponent(url.pathname);
  // The query's names as the server reads them ($_GET: PHP makes '.' and ' ' in a name '_', so `.jsonp` is `_jsonp`).
  const get = url.search === '' ? {} : parsePhpQuery(url.search.slice(1));
  const restRoute = get.rest_route;
  if (typeof restRoute === 'string' && restRoute !== '' && restRoute !== '0' && (path === '/' || path === '/index.php')) path = `/wp-json${restRoute}`;
  if (!path.startsWith('/wp-json')) return null; // the site's pages: not the REST API
  if (path === '/wp-json') path = '/wp-json/';
  let method = exchange.method.toUpperCase();
  if (method === 'OPTIONS') return null; // WordPress's route help, not an operation
  // Global parameters that change the answer's status, shape or type (WordPress's _envelope, _fields, _jsonp) are left to their own tests.
  if (Object.keys(get).some((name) => /^_(envelope|fields|jsonp|embed)$/.test(name))) return null;
  // WordPress's method override (WP_REST_Server::serve_request): the `_method` parameter, else the header.
  const param = get._method;
  const override = typeof param === 'string' ? param : exchange.methodOverride;
  if (override) method = override.toUpperCase();
  const head = method === 'HEAD';
  if (head) method = 'GET';
  const p = prepare(doc);
  const where = `${exchange.method} ${exchange.url} → ${exchange.status}`;
  const matcher = p.matchers.find((m) => m.regex.test(path));
  const operation = matcher?.item[method.toLowerCase()];
  const media = exchange.contentType?.split(';')[0].trim().toLowerCase();
  const parse = (): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(exchange.text ?? '') };
    } catch {
      return { ok: false };
    }
  };
  if (!operation) {
    // Not in the document: only an error may come back, in some namespace's envelope.
    if (exchange.status < 400) return `${where}: ${method} ${path} is not in the document but answered ${exchange.status}`;
    if (head || media !== 'application/json') return null;
    const body = parse();
    if (!body.ok) return `${where}: body is not JSON`;
    const fn = validator(p, p.anyError);
    return fn(body.value) ? null : `${where}: error body is in no declared envelope: ${ajv.errorsText(fn.errors)}`;
  }
  const response = operation.responses[String(exchange.status)] ?? operation.responses[`${String(exchange.status)[0]}XX`] ?? operation.responses.default;
  if (!response) return `${where}: status ${exchange.status} is not declared`;
  const content = response.content as Record<string, { schema: unknown }> | undefined;
  // 204, 205 and 304 never carry a body (HTTP): the declared status is what there is to check.
  if ([204, 205, 304].includes(exchange.status)) return exchange.text ? `${where}: a ${exchange.status} with a body` : null;
  if (!content) return exchange.text ? `${where}: the document declares no body, got ${exchange.text.slice(0, 80)}` : null;
  if (!media || !(media in content)) return `${where}: content type ${exchange.contentType} is not one of ${Object.keys(content).join(', ')}`;
  if (head || !media.endsWith('json')) return null;
  const body = parse();
  if (!body.ok) return `${where}: body is not JSON`;
  const fn = validator(p, content[media].schema);
  return fn(body.value) ? null : `${where}: body does not match the schema: ${ajv.errorsText(fn.errors)} (${(exchange.text ?? '').slice(0, 200)})`;
}
