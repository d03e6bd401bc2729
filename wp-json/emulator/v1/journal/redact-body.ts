import { parseQuery } from '../../../../core/query-string';
import { REDACTED, isSecretName } from '../../../../core/redact';
import { isJsonMediaType, mediaType } from '../../../../core/rest/request';

/** Text bodies (and bodies cut at MAX_CAPTURE) are kept up to this many characters. */
export const MAX_TEXT = 4096;
/** Bytes of a request or response body the journal looks at; the rest is counted, not kept. */
export const MAX_CAPTURE = 64 * 1024;
/** Strings in JSON and form bodies (and query values) are kept up to this many characters. */
export const MAX_STRING = 1024;
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
/** Redaction and cutting of what the journal keeps (docs/control-api.md, "Redaction" and "Size"). */

/** Collects the string values of secret-named fields (to blank them wherever else they appear). */
export function collectSecrets(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // Strings of 8+ characters only: short values (`token_type: "Bearer"`) are not worth blanking everywhere.
    if (isSecretName(k) && typeof v === 'string') {
      if (v.trim().length >= 8) addSecret(into, v);
    } else collectSecrets(v, into, depth + 1);
  }
}

export function addSecret(into: Set<string>, value: string): void {
  const v = value.trim();
  if (v.length >= 6) into.add(v);
  const compact = v.replace(/[^A-Za-z0-9]/g, '');
  if (compact.length >= 6 && compact !== v) into.add(compact);
}

/** The credentials of an Authorization header (a Basic password, a Bearer token), as secrets. */
export function authorizationSecrets(header: string | undefined, into: Set<string>): void {
  if (!header) return;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const credentials = rest.join(' ');
  if (/^basic$/i.test(scheme ?? '') && credentials) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon !== -1) addSecret(into, decoded.slice(colon + 1));
    addSecret(into, credentials);
  } else {
    addSecret(into, credentials || header);
  }
}

export function scrubString(text: string, secrets: readonly string[]): string {
  let out = text.replace(JWT, REDACTED);
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

export function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value, secrets);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrub(v, secrets, depth + 1)]));
}

export function truncate(text: string, total: number): string {
  if (text.length <= MAX_TEXT && total <= MAX_CAPTURE) return text;
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… [${total} bytes in all]` : `${text}… [${total} bytes in all]`;
}

/** Long strings cut to MAX_STRING characters, at any depth (after redaction, so no secret is cut in two). */
export function truncateStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… [${value.length - MAX_STRING} more characters]` : value;
  if (depth > 9 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => truncateStrings(v, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, truncateStrings(v, depth + 1)]));
}

/** `"name": value` pairs in JSON text, the value possibly cut off at the end of the text. */
const JSON_PAIR = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*(?:"|\\?$)|-?\d[\d.eE+-]*|true|false)/g;
/** `name=value` pairs of a form body. */
const FORM_PAIR = /(^|&)([^=&]*)=([^&]*)/g;

function decodeFormPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/**
 * Text that could not be parsed (a cut JSON or form body, JSON sent as text/plain, invalid JSON):
 * the values of secret-named fields blanked by pattern, and collected to be blanked elsewhere too.
 */
function redactKeyedText(text: string, form: boolean, into: Set<string>): string {
  let out = text.replace(JSON_PAIR, (all, key: string, colon: string, value: string) => {
    let name = key;
    try {
      name = JSON.parse(`"${key}"`) as string;
    } catch {
      // keep the raw name
    }
    if (!isSecretName(name) || value === '""') return all;
    if (value.startsWith('"')) {
      const inner = value.slice(1, value.length > 1 && value.endsWith('"') && !value.endsWith('\\"') ? -1 : undefined);
      let decoded = inner;
      try {
        decoded = JSON.parse(`"${inner}"`) as string;
      } catch {
        // cut inside an escape: keep it raw
      }
      if (decoded.trim().length >= 8) addSecret(into, decoded);
    }
    return `"${key}"${colon}"${REDACTED}"`;
  });
  if (form) {
    out = out.replace(FORM_PAIR, (all, lead: string, name: string, value: string) => {
      if (!isSecretName(decodeFormPart(name)) || value === '') return all;
      const decoded = decodeFormPart(value);
      if (decoded.trim().length >= 8) addSecret(into, decoded);
      return `${lead}${name}=${REDACTED}`;
    });
  }
  return out;
}

export interface KeptBody {
  parsed: unknown;
  /** data: parsed JSON or form data (to redact by field name); text: to scrub, then cut; summary: kept as is. */
  kind: 'data' | 'text' | 'summary';
  /** The body's whole length in bytes. */
  total: number;
}

/**
 * A body as kept, from its first MAX_CAPTURE bytes (`total` is its whole length): JSON and form bodies
 * parsed when whole; text (and a cut JSON or form body) with secret-named values blanked by pattern
 * (cut to MAX_TEXT characters once scrubbed); anything else summarised. Secret values found are added to `secrets`.
 */
export function keepBody(raw: Buffer, total: number, contentType: string | undefined, secrets: Set<string>): KeptBody {
  if (total === 0) return { parsed: null, kind: 'summary', total };
  const type = mediaType(contentType);
  const json = isJsonMediaType(type);
  const form = type === 'application/x-www-form-urlencoded';
  const textual = json || form || type.startsWith('text/') || type === '' || /xml|javascript/.test(type);
  if (!textual) return { parsed: `[${total} bytes of ${type}]`, kind: 'summary', total };
  const whole = total <= raw.length;
  const text = raw.toString('utf8');
  if (whole && json) {
    try {
      const parsed: unknown = JSON.parse(text);
      collectSecrets(parsed, secrets);
      return { parsed, kind: 'data', total };
    } catch {
      // invalid JSON: kept as text below
    }
  }
  if (whole && form) {
    const parsed = parseQuery(text, { depth: 8, arrayLimit: 200, parameterLimit: 2000 });
    collectSecrets(parsed, secrets);
    return { parsed, kind: 'data', total };
  }
  return { parsed: redactKeyedText(text, form, secrets), kind: 'text', total };
}

export function headerString(value: string | string[] | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}
