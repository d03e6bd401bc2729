/**
 * The error envelopes the emulator may answer with, per namespace. Every namespace may answer in
 * WordPress's envelope (the application-password layer is the same for all: rest_forbidden, 429,
 * rest_no_route outside a vendor's own catch-all); vendors add their own.
 */
type Body = Record<string, unknown> | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isWordPressError = (b: Body): boolean =>
  isObject(b) && typeof b.code === 'string' && typeof b.message === 'string' && isObject(b.data) && typeof b.data.status === 'number';

const vendorErrors: Record<string, (b: Body) => boolean> = {
  'availo/v1': (b) => isObject(b) && 'Data' in b && typeof b.status === 'boolean' && 'message' in b,
  'purewl/v1': (b) => isObject(b) && isObject(b.header) && typeof b.header.code === 'number' && 'response_code' in b.header && 'body' in b,
  'pkmnapi/v1': (b) => isObject(b) && isObject(b.data) && b.data.type === 'errors' && typeof b.data.id === 'string' && isObject(b.data.attributes) && typeof b.data.attributes.message === 'string',
  'fess/v1': (b) => isObject(b) && isObject(b.response) && typeof b.response.status === 'number',
};

/** The namespace of a /wp-json path (`/wp-json/availo/v1/api/x` → `availo/v1`). */
export function namespaceOfPath(path: string): string {
  const m = /^\/wp-json\/([^/?]+\/v\d+)/i.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

/** Whether an error body is in an envelope its namespace may use. */
export function isKnownErrorEnvelope(namespace: string, body: Body): boolean {
  if (isWordPressError(body)) return true;
  const vendor = vendorErrors[namespace];
  return vendor ? vendor(body) : false;
}
