import type { RestServer } from '../rest/server';
import type { NamespaceOpenApi, NamespaceOpenApiSource } from './types';

const declared = new WeakMap<RestServer, Map<string, NamespaceOpenApi>>();

/** Records a namespace's OpenAPI facts beside its routes, those of the profile in force (the site does it for each module that has them). */
export function describeNamespace(rest: RestServer, namespace: string, source: NamespaceOpenApiSource | undefined, settings: Readonly<Record<string, unknown>>): void {
  if (!source) return;
  const facts = typeof source === 'function' ? source(settings) : source;
  let map = declared.get(rest);
  if (!map) declared.set(rest, (map = new Map()));
  map.set(namespace, facts);
}

/** The facts declared for a namespace of this server (empty when none). */
export function namespaceFacts(rest: RestServer, namespace: string): NamespaceOpenApi {
  return declared.get(rest)?.get(namespace) ?? {};
}
