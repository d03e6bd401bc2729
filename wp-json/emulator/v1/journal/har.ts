import { STATUS_CODES } from 'node:http';
import type { JournalEntry } from './journal';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) from journal entries: what Chrome
 * DevTools' Network panel imports. A pure conversion of entries that are already redacted, so the
 * archive holds no more than the journal does (no secret). What HAR has no field for (the route, the
 * user, the fault, how it authenticated or why it was anonymous) goes in `_emulator`, HAR's way of custom fields.
 */

/** The fields of a journal entry the conversion reads (entries read back over HTTP may lack `auth`). */
export type HarSourceEntry = Pick<JournalEntry, 'id' | 'time' | 'method' | 'path' | 'route' | 'namespace' | 'status' | 'durationMs' | 'user' | 'fault' | 'request' | 'response'> & {
  /** How the request authenticated, or why it was anonymous (`failure`: `wrong-password`, ...). */
  auth?: { method: string | null; failure: string | null };
};

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _emulator: { id: number; route: string | null; namespace: string | null; user: string | null; fault: string | null; auth: { method: string | null; failure: string | null } | null };
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
    comment: string;
  };
}

export interface HarOptions {
  /** The site's base URL (`http://127.0.0.1:8080`): HAR URLs are absolute. */
  baseUrl: string;
  /** The creator's version (the package's). */
  version?: string;
}

function headerList(headers: Record<string, string | string[]>): HarNameValue[] {
  const out: HarNameValue[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value]) out.push({ name, value: String(one) });
  }
  return out;
}

function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Percent-encodes what a URI may not hold as is (the journal's `[redacted]`, spaces, non-ASCII). */
function uriSafe(path: string): string {
  return Array.from(path, (c) => (/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/.test(c) ? c : encodeURIComponent(c))).join('');
}

/** A parsed query object (qs style) back to name/value pairs: `a[b]=1`, `list[0]=x`. */
function queryList(query: unknown, prefix = ''): HarNameValue[] {
  if (query === null || query === undefined) return prefix ? [{ name: prefix, value: '' }] : [];
  if (typeof query !== 'object') return [{ name: prefix, value: String(query) }];
  const out: HarNameValue[] = [];
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    out.push(...queryList(value, prefix ? `${prefix}[${key}]` : key));
  }
  return out;
}

/** A kept body as text: JSON bodies are kept parsed, others as text (or a `[N bytes of type]` summary). */
function bodyText(body: unknown): string | undefined {
  if (body === null || body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

export function harEntry(entry: HarSourceEntry, options: HarOptions): HarEntry {
  const base = options.baseUrl.replace(/\/+$/, '');
  const requestText = bodyText(entry.request.body);
  const responseText = bodyText(entry.response.body);
  const requestType = headerValue(entry.request.headers, 'content-type') ?? 'application/octet-stream';
  const responseType = headerValue(entry.response.headers, 'content-type') ?? 'x-unknown';
  const location = headerValue(entry.response.headers, 'location') ?? '';
  const requestSize = requestText === undefined ? 0 : Buffer.byteLength(requestText);
  const responseSize = responseText === undefined ? 0 : Buffer.byteLength(responseText);
  return {
    startedDateTime: new Date(entry.time).toISOString(),
    time: entry.durationMs,
    request: {
      method: entry.method,
      url: base + uriSafe(entry.path.startsWith('/') ? entry.path : `/${entry.path}`),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(entry.request.headers),
      queryString: queryList(entry.request.query),
      ...(requestText === undefined ? {} : { postData: { mimeType: requestType, text: requestText } }),
      headersSize: -1,
      bodySize: requestSize,
    },
    response: {
      status: entry.status,
      statusText: STATUS_CODES[entry.status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(entry.response.headers),
      content: { size: responseSize, mimeType: responseType, ...(responseText === undefined ? {} : { text: responseText }) },
      redirectURL: location,
      headersSize: -1,
      bodySize: responseText === undefined ? 0 : -1,
    },
    cache: {},
    timings: { send: 0, wait: entry.durationMs, receive: 0 },
    _emulator: { id: entry.id, route: entry.route, namespace: entry.namespace, user: entry.user, fault: entry.fault, auth: entry.auth ?? null },
  };
}

/** The journal entries (oldest first, as the journal lists them) as one HAR 1.2 log. */
export function toHar(entries: readonly HarSourceEntry[], options: HarOptions): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'wp-token-emulator', version: options.version ?? '0.0.0' },
      entries: entries.map((entry) => harEntry(entry, options)),
      comment: 'Request journal of wp-token-emulator; secrets are redacted as in the journal.',
    },
  };
}
