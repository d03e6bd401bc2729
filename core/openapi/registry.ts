import type { RestServer } from '../rest/server';
import type { NamespaceOpenApi, NamespaceOpenApiSource } from './types';

/** Per server: each namespace's facts, or how to make them (made on first use: most sites never serve a document). */
const declared = new WeakMap<RestServer, Map<string, NamespaceOpenApi | (() => NamespaceOpenApi)>>();

/** Records a namespace's OpenAPI facts beside its routes, those of the profile in force (the site does it for each module that has them). */
export function describeNamespace(rest: RestServer, namespace: string, source: NamespaceOpenApiSource | undefined, settings: Readonly<Record<string, unknown>>): void {
  if (!source) return;
  let map = declared.get(rest);
  if (!map) declared.set(rest, (map = new Map()));
  map.set(namespace, typeof source === 'function' ? () => source(settings) : source);
}

/** The facts declared for a namespace of this server (empty when none). */
export function namespaceFacts(rest: RestServer, namespace: string): NamespaceOpenApi {
  const map = declared.get(rest);
  const entry = map?.get(namespace);
  if (entry === undefined) return {};
  if (typeof entry !== 'function') return entry;
  const facts = entry();
  map!.set(namespace, facts);
  return facts;
}
