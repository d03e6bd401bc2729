import type { Method, RestServer } from '../rest/server';
import { buildOperation } from './operation';
import { pathTemplate } from './paths';
import { namespaceFacts } from './registry';
import { WP_ERROR_SCHEMA, itemResponses, itemSchema } from './schema';
import type { JsonSchema } from './types';
import { INDEX_SCHEMA, NAMESPACE_INDEX_SCHEMA, WP_BASIC, WP_BASIC_SCHEME } from './wordpress';

export interface DocumentOptions {
  /** The site's URL (the document's server) and name (its title). */
  siteUrl: string;
  siteName: string;
  /** One namespace (`fess/v1`); absent: the whole site. */
  namespace?: string;
  /** The document's `info.version` (the package's). */
  version?: string;
}

/** `fess/v1` → `fess_v1`: a component name. */
const slug = (namespace: string) => namespace.replace(/[^A-Za-z0-9]+/g, '_');

/**
 * The OpenAPI 3.1 document of the routes registered on `rest` (the site's, or one namespace's):
 * paths as clients call them, their methods, declared args as parameters and request bodies, and
 * the responses and security each namespace declared (NamespaceModule.openapi). Generated from the
 * live registry, so it shows the profile in force. Null when the namespace is not registered.
 */
export function openApiDocument(rest: RestServer, options: DocumentOptions): Record<string, unknown> | null {
  const namespaces = options.namespace === undefined ? rest.namespaceList() : rest.namespaceList().filter((ns) => ns === options.namespace);
  if (namespaces.length === 0) return null;
  const included = new Set(namespaces);
  if (options.namespace === undefined) included.add('');
  const schemas: Record<string, JsonSchema> = { WordPressError: WP_ERROR_SCHEMA };
  const securitySchemes: Record<string, unknown> = { [WP_BASIC]: WP_BASIC_SCHEME };
  const tags: Record<string, unknown>[] = [];
  const paths: Record<string, Record<string, unknown>> = {};
  const wpErrorRef = { $ref: '#/components/schemas/WordPressError' };
  for (const ns of namespaces) {
    const facts = namespaceFacts(rest, ns);
    Object.assign(securitySchemes, facts.securitySchemes ?? {});
    if (facts.errorSchema) schemas[`${slug(ns)}_Error`] = facts.errorSchema;
    tags.push({ name: ns, ...(facts.description ?? facts.title ? { description: facts.description ?? facts.title } : {}) });
  }
  for (const route of rest.routeList()) {
    if (!included.has(route.namespace)) continue;
    const facts = namespaceFacts(rest, route.namespace);
    const errorRef = facts.errorSchema ? { anyOf: [{ $ref: `#/components/schemas/${slug(route.namespace)}_Error` }, wpErrorRef] } : wpErrorRef;
    const { template, parameters } = pathTemplate(route.pattern);
    const relative = template.slice(route.namespace.length + 1) || '/';
    const isIndex = route.pattern === '/' || route.pattern === `/${route.namespace}`;
    const path = `/wp-json${template}`;
    // A route's item schema is a component (`wp_v2_user`), referenced by each of its operations.
    let itemRef: JsonSchema | null = null;
    if (route.schema) {
      const name = `${slug(route.namespace)}_${String(route.schema.title ?? 'item').replace(/[^A-Za-z0-9]+/g, '_')}`;
      schemas[name] ??= itemSchema(route.schema);
      itemRef = { $ref: `#/components/schemas/${name}` };
    }
    const seen = new Set<Method>();
    for (const endpoint of route.endpoints) {
      for (const method of endpoint.methods) {
        if (seen.has(method)) continue; // dispatch takes the first endpoint with the method
        seen.add(method);
        const key = `${method} ${relative}`;
        const operationFacts = isIndex
          ? { summary: route.pattern === '/' ? 'The site\'s discovery index' : `The ${route.namespace} namespace's index`, responses: { 200: { schema: route.pattern === '/' ? INDEX_SCHEMA : NAMESPACE_INDEX_SCHEMA } } }
          : facts.operations?.[key] ?? (itemRef ? { responses: itemResponses(method, itemRef) } : {});
        (paths[path] ??= {})[method.toLowerCase()] = buildOperation({
          method,
          template: path,
          pathParameters: parameters,
          endpoint,
          facts: operationFacts,
          errorRef: isIndex ? wpErrorRef : errorRef,
          namespaceSecurity: isIndex ? undefined : facts.security,
          tag: route.namespace || 'wordpress',
          component: (name, schema) => {
            schemas[name] = schema;
            return { $ref: `#/components/schemas/${name}` };
          },
        });
      }
    }
  }
  const only = options.namespace === undefined ? null : namespaceFacts(rest, options.namespace);
  return {
    openapi: '3.1.0',
    info: {
      title: only ? `${options.siteName}: ${options.namespace}${only.title ? ` (${only.title})` : ''}` : `${options.siteName} REST API`,
      version: options.version ?? '0.0.0',
      description: only?.description ?? 'Generated from the emulator\'s route registry: every route /wp-json/ lists, with its methods, arguments, responses and security.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: options.siteUrl }],
    tags: options.namespace === undefined ? [{ name: 'wordpress', description: 'The discovery index' }, ...tags] : tags,
    paths,
    components: { schemas, securitySchemes },
  };
}
