/**
 * The error envelopes the emulator may answer with, per namespace: WordPress's for every namespace
 * (the application-password layer is the same for all: rest_forbidden, 429, rest_no_route outside a
 * vendor's own catch-all), plus the one each namespace module declares (`errorEnvelope`), so a new
 * namespace is covered as soon as it is listed in wp-json/index.ts.
 */
import type { NamespaceModule } from '../../core/namespace';
import { allNamespaces } from '../../plugin/namespaces';

type Body = Record<string, unknown> | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isWordPressError = (b: Body): boolean =>
  isObject(b) && typeof b.code === 'string' && typeof b.message === 'string' && isObject(b.data) && typeof b.data.status === 'number';

/** Each namespace's own error envelope, as its module declares it. */
export function declaredEnvelopes(modules: readonly NamespaceModule[] = allNamespaces): Map<string, (body: unknown) => boolean> {
  return new Map(modules.flatMap((m) => (m.errorEnvelope ? [[m.namespace.toLowerCase(), m.errorEnvelope.isError] as const] : [])));
}

const vendorErrors = declaredEnvelopes();

/** The namespace of a /wp-json path (`/wp-json/availo/v1/api/x` → `availo/v1`). */
export function namespaceOfPath(path: string): string {
  const m = /^\/wp-json\/([^/?]+\/v\d+)/i.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

/** Whether an error body is in an envelope its namespace may use. */
export function isKnownErrorEnvelope(namespace: string, body: Body): boolean {
  if (isWordPressError(body)) return true;
  const vendor = vendorErrors.get(namespace);
  return vendor ? vendor(body) : false;
}
