import type { IncomingHttpHeaders } from 'node:http';
import { parseQuery } from '../../../../core/query-string';
import { isSecretName, redactHeaders, redactUrl, redactValue } from '../../../../core/redact';
import type { JournalEntry } from './journal';
import { addSecret, authorizationSecrets, collectSecrets, headerString, keepBody, scrub, scrubString, truncate, truncateStrings, type KeptBody } from './redact-body';

/** What the journal keeps of a request until an entry is built from it. */
export interface SeenRequest {
  method: string;
  /** The URL as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** At most MAX_CAPTURE bytes. */
  body: Buffer;
  bodyLength: number;
  marked: ReadonlySet<string>;
  user: string | null;
  auth: JournalEntry['auth'];
  fault: string | null;
}

/** What the journal keeps of the answer: status, headers (names in any case), the body's first bytes (`seen` false: written by the host, not looked at). */
export interface SeenResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  durationMs: number;
  /** At most MAX_CAPTURE bytes, or the whole answer as text (short enough to be under MAX_CAPTURE bytes). */
  raw: Buffer | string;
  total: number;
  seen: boolean;
}

/** The journal entry of a request, redacted: built when the journal is first read. */
export function buildEntry(req: SeenRequest, res: SeenResponse, route: string | null, namespace: string | null, time: string): Omit<JournalEntry, 'id'> {
  const secrets = new Set<string>();
  authorizationSecrets(headerString(req.headers.authorization), secrets);
  // Values a handler marked as secret (a token under a name that does not look secret), as sent and URL-encoded.
  for (const value of req.marked) {
    addSecret(secrets, value);
    addSecret(secrets, encodeURIComponent(value));
  }
  for (const [name, value] of Object.entries(req.headers)) if (isSecretName(name) && name !== 'authorization') addSecret(secrets, headerString(value) ?? '');

  const queryText = (req.url.split('?')[1] ?? '').split('#')[0] ?? '';
  const query = queryText ? parseQuery(queryText, { depth: 8, arrayLimit: 200, parameterLimit: 2000 }) : {};
  collectSecrets(query, secrets);

  // Only the first MAX_CAPTURE bytes of the body are looked at (BODY_LIMIT allows far more).
  const requestBody = keepBody(req.body, req.bodyLength, headerString(req.headers['content-type']), secrets);

  // As Node's getHeaders() names them: lower case (the pipeline's own answers come as written).
  const responseHeaders: SeenResponse['headers'] = {};
  for (const [name, value] of Object.entries(res.headers)) responseHeaders[name.toLowerCase()] = value;
  const responseType = headerString(responseHeaders['content-type']);
  const responseBody: KeptBody = res.seen
    ? keepBody(typeof res.raw === 'string' ? Buffer.from(res.raw, 'utf8') : res.raw, res.total, responseType, secrets)
    : { parsed: res.total === 0 ? null : `[${res.total} bytes of ${responseType ?? 'unknown type'}]`, kind: 'summary', total: res.total };

  // Longest first, so a secret that contains another is blanked whole.
  const list = [...secrets].sort((a, b) => b.length - a.length);
  // Redacted by name, then secret values blanked everywhere, and only then cut (so no secret is cut in two).
  const clean = (body: KeptBody) =>
    body.kind === 'data' ? truncateStrings(scrub(redactValue(body.parsed), list)) : body.kind === 'text' ? truncate(scrubString(body.parsed as string, list), body.total) : body.parsed;
  const headersOut = (headers: Record<string, string | string[] | number | undefined>) => {
    const strings: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) strings[name] = typeof value === 'number' ? String(value) : value;
    return scrub(redactHeaders(strings), list) as Record<string, string | string[]>;
  };
  return {
    time,
    method: req.method,
    path: scrubString(redactUrl(req.url), list),
    route: route === null ? null : scrubString(route, list),
    namespace,
    status: res.status,
    durationMs: res.durationMs,
    user: req.user,
    auth: req.auth,
    fault: req.fault,
    request: { headers: headersOut(req.headers), query: clean({ parsed: query, kind: 'data', total: 0 }), body: clean(requestBody) },
    response: { headers: headersOut(responseHeaders), body: clean(responseBody) },
  };
}
