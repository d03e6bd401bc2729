/**
 * Secrets never reach logs, the journal or error bodies. These helpers blank every value whose
 * name says it is a secret, whatever namespace it belongs to.
 */
import { setOwn } from './own-properties';

export const REDACTED = '[redacted]';

/** Names of headers, fields and query parameters whose values are secrets (case-insensitive). */
const SECRET_NAME = /(authorization|password|passwd|pass\d*$|secret|token|api[-_]?key|(^|_)key$|code$|cookie|nonce|credential|signature)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A copy of a header map with every secret header's value replaced. */
export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = isSecretName(name) ? REDACTED : value;
  }
  return out;
}

/** A deep copy of a JSON value with every secret-named field replaced, to a bounded depth. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactValue(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, isSecretName(k) && v !== null && v !== '' ? REDACTED : redactValue(v, depth + 1));
    return out;
  }
  return value;
}

/** The path with the values of secret query parameters replaced (`?token=[redacted]&q=test`). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // keep the raw name
      }
      return isSecretName(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

/** The text with every marked secret (as sent, and URL-encoded) replaced by [redacted]. */
export function blankMarked(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}
