import type { NextFunction, Request, Response } from 'express';
import qs from 'qs';
import { authenticationOf } from './auth/guard';
import type { Clock } from './clock';
import { faultOf } from './faults';
import { compileGlob, MAX_GLOB_LENGTH, type PathMatcher } from './glob';
import { REDACTED, isSecretName, markedSecrets, redactHeaders, redactUrl, redactValue } from './redact';
import { isJsonMediaType, mediaType } from './rest/request';

/**
 * The request journal (WireMock's request journal, in miniature): the last N requests in a ring
 * buffer in memory, with every secret blanked before it is kept. Nothing here is written to disk.
 */

export interface JournalEntry {
  /** Sequence number, from 1 since the site started (not reset by `clear`). */
  id: number;
  /** When the request arrived, ISO time by the emulator's clock. */
  time: string;
  method: string;
  /** The URL path and query as sent, secret query values blanked. */
  path: string;
  /** The REST route below /wp-json (`/availo/v1/api/Account/Generatetoken`), or null for other pages. */
  route: string | null;
  /** The REST namespace (`availo/v1`), or null. */
  namespace: string | null;
  status: number;
  /** Wall-clock milliseconds from arrival to the answer being handed over (`res.end`). */
  durationMs: number;
  /** Login of the user the application password authenticated, or null (anonymous or bad credentials). */
  user: string | null;
  /** The id of the injected fault that delayed or answered the request. */
  fault: string | null;
  request: { headers: Record<string, string | string[]>; query: unknown; body: unknown };
  response: { headers: Record<string, string | string[]>; body: unknown };
}

export interface JournalFilter {
  /** `availo/v1`, or a module id (`availo`) for all of its namespaces. */
  namespace?: string;
  /** A glob (see faults) matched against `/wp-json/<route>` and the path without its query, or a RegExp. */
  path?: string | RegExp;
  /** `503`, a class `5xx`, or several: `200,201` / [200, 201]. */
  status?: number | string | readonly (number | string)[];
  method?: string;
  /** Only the last N matching entries. */
  limit?: number;
}

export class JournalFilterError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'JournalFilterError';
  }
}

/** Text bodies (and bodies cut at MAX_CAPTURE) are kept up to this many characters. */
const MAX_TEXT = 4096;
/** Bytes of a request or response body the journal looks at; the rest is counted, not kept. */
const MAX_CAPTURE = 64 * 1024;
/** Strings in JSON and form bodies (and query values) are kept up to this many characters. */
const MAX_STRING = 1024;
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;

function statusMatcher(status: JournalFilter['status']): ((s: number) => boolean) | null {
  if (status === undefined || status === '') return null;
  const parts = (Array.isArray(status) ? status : String(status).split(',')).map((p) => String(p).trim().toLowerCase()).filter(Boolean);
  const tests = parts.map((p) => {
    if (/^[1-5]\d\d$/.test(p)) return (s: number) => s === Number(p);
    if (/^[1-5]xx$/.test(p)) return (s: number) => Math.floor(s / 100) === Number(p[0]);
    throw new JournalFilterError('status', `status is a status (503), a class (5xx) or a comma-separated list of them; "${p}" is neither.`);
  });
  return (s) => tests.some((t) => t(s));
}

/** Checks and compiles a filter; throws JournalFilterError naming the bad field. */
export function compileJournalFilter(filter: JournalFilter): (entry: JournalEntry) => boolean {
  const byStatus = statusMatcher(filter.status);
  let byPath: PathMatcher | null = null;
  if (filter.path instanceof RegExp) byPath = filter.path;
  else if (typeof filter.path === 'string' && filter.path !== '') {
    if (!filter.path.startsWith('/')) throw new JournalFilterError('path', 'path is a glob starting with / (e.g. /wp-json/availo/v1/**).');
    if (filter.path.length > MAX_GLOB_LENGTH) throw new JournalFilterError('path', `path is a glob of at most ${MAX_GLOB_LENGTH} characters.`);
    byPath = compileGlob(filter.path);
  }
  const ns = filter.namespace?.toLowerCase().replace(/^\/+|\/+$/g, '');
  const method = filter.method?.toUpperCase();
  return (entry) => {
    if (byStatus && !byStatus(entry.status)) return false;
    if (method && entry.method !== method) return false;
    if (ns) {
      const own = entry.namespace?.toLowerCase();
      if (!own || (own !== ns && !own.startsWith(`${ns}/`))) return false;
    }
    if (byPath) {
      const plain = entry.path.split('?')[0]!;
      const rest = entry.route === null ? null : `/wp-json${entry.route === '/' ? '/' : entry.route}`;
      if (!byPath.test(plain) && !(rest !== null && byPath.test(rest)) && !(entry.route !== null && byPath.test(entry.route))) return false;
    }
    return true;
  };
}

/**
 * How many requests a site's journal keeps: JOURNAL_SIZE (declared by the emulator/v1 module, default 100)
 * while the control API is on; 0 when it is off (EMULATOR_API=off: nobody could read the journal) or when
 * the emulator module is not active (neither setting exists).
 */
export function journalSizeOf(settings: Readonly<Record<string, unknown>>): number {
  if (settings.EMULATOR_API !== true) return 0;
  const size = settings.JOURNAL_SIZE;
  return typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : 0;
}

/**
 * A ring buffer of the last `size` requests: each `record` is O(1). `size` 0 keeps nothing.
 * An entry may be recorded as a function that builds it: the journal then does the redaction work
 * only when someone reads it (most requests are never looked at), once, and keeps the result.
 */
export class Journal {
  private slots: ({ id: number; entry?: JournalEntry; build?: () => Omit<JournalEntry, 'id'> } | undefined)[] = [];
  /** Index in `slots` of the oldest entry. */
  private start = 0;
  private count = 0;
  private next = 1;

  constructor(readonly size: number) {}

  /** Entries kept now. */
  get length(): number {
    return this.count;
  }

  /** Keeps an entry (or a function that builds it on first read); returns its id. */
  record(entry: Omit<JournalEntry, 'id'> | (() => Omit<JournalEntry, 'id'>)): number {
    const id = this.next++;
    if (this.size <= 0) return id;
    const slot = typeof entry === 'function' ? { id, build: entry } : { id, entry: { id, ...entry } };
    if (this.count < this.size) {
      this.slots[(this.start + this.count) % this.size] = slot;
      this.count++;
    } else {
      this.slots[this.start] = slot;
      this.start = (this.start + 1) % this.size;
    }
    return id;
  }

  /** Matching entries, oldest first (the last `limit` of them). Throws JournalFilterError for a bad filter. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    if (filter.limit !== undefined && (!Number.isInteger(filter.limit) || filter.limit < 1)) throw new JournalFilterError('limit', 'limit is a whole number of at least 1.');
    const match = compileJournalFilter(filter);
    const found: JournalEntry[] = [];
    for (let i = 0; i < this.count; i++) {
      const slot = this.slots[(this.start + i) % this.size]!;
      if (!slot.entry) {
        slot.entry = { id: slot.id, ...slot.build!() };
        slot.build = undefined;
      }
      if (match(slot.entry)) found.push(slot.entry);
    }
    return filter.limit !== undefined ? found.slice(-filter.limit) : found;
  }

  /** Empties the journal; returns how many entries there were. */
  clear(): number {
    const n = this.count;
    this.slots = [];
    this.start = 0;
    this.count = 0;
    return n;
  }
}

// ---- Redaction of what is kept -------------------------------------------------------------

/** Collects the string values of secret-named fields (to blank them wherever else they appear). */
function collectSecrets(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // Strings of 8+ characters only: short values (`token_type: "Bearer"`) are not worth blanking everywhere.
    if (isSecretName(k) && typeof v === 'string') {
      if (v.trim().length >= 8) addSecret(into, v);
    } else collectSecrets(v, into, depth + 1);
  }
}

function addSecret(into: Set<string>, value: string): void {
  const v = value.trim();
  if (v.length >= 6) into.add(v);
  const compact = v.replace(/[^A-Za-z0-9]/g, '');
  if (compact.length >= 6 && compact !== v) into.add(compact);
}

/** The credentials of an Authorization header (a Basic password, a Bearer token), as secrets. */
function authorizationSecrets(header: string | undefined, into: Set<string>): void {
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

function scrubString(text: string, secrets: readonly string[]): string {
  let out = text.replace(JWT, REDACTED);
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value, secrets);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrub(v, secrets, depth + 1)]));
}

function truncate(text: string, total: number): string {
  if (text.length <= MAX_TEXT && total <= MAX_CAPTURE) return text;
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… [${total} bytes in all]` : `${text}… [${total} bytes in all]`;
}

/** Long strings cut to MAX_STRING characters, at any depth (after redaction, so no secret is cut in two). */
function truncateStrings(value: unknown, depth = 0): unknown {
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

interface KeptBody {
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
function keepBody(raw: Buffer, total: number, contentType: string | undefined, secrets: Set<string>): KeptBody {
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
    const parsed = qs.parse(text, { depth: 8, arrayLimit: 200, parameterLimit: 2000 });
    collectSecrets(parsed, secrets);
    return { parsed, kind: 'data', total };
  }
  return { parsed: redactKeyedText(text, form, secrets), kind: 'text', total };
}

function headerString(value: string | string[] | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

export interface JournalMiddlewareOptions {
  journal: Journal;
  clock: Clock;
  /** The REST route of a request (null for other pages). */
  routeOf(req: Request): string | null;
  namespaceOf(route: string): string | null;
  /** Requests never journaled (the control API's own). */
  skip(req: Request, route: string | null): boolean;
}

/** What the journal keeps of a request while it is being answered (one object per request, no closures). */
interface Capture {
  route: string | null;
  /** performance.now() when the request arrived. */
  started: number;
  /** The emulator clock's time of arrival (ms); turned into ISO text only when an entry is built. */
  at: number;
  chunks: Buffer[];
  captured: number;
  total: number;
  done: boolean;
  write: (...args: unknown[]) => boolean;
  end: (...args: unknown[]) => Response;
}

const CAPTURE = Symbol('journalCapture');
type CapturingResponse = Response & { [CAPTURE]?: Capture };

function captureChunk(state: Capture, chunk: unknown, encoding: unknown): void {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
  const enc = typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8';
  const length = Buffer.isBuffer(chunk) ? chunk.length : typeof chunk === 'string' ? Buffer.byteLength(chunk, enc) : 0;
  state.total += length;
  if (state.captured >= MAX_CAPTURE || length === 0) return;
  const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), enc);
  const part = buf.length > MAX_CAPTURE - state.captured ? buf.subarray(0, MAX_CAPTURE - state.captured) : buf;
  state.chunks.push(part);
  state.captured += part.length;
}

/**
 * Express middleware that journals each request as its answer is handed over (`res.end`): the
 * response body is captured as it is written (its first 64 KB; the rest is only counted). Only
 * references are kept then; headers, query, bodies and text are parsed and redacted when the journal
 * is read. Nothing is parsed or captured when the journal keeps nothing (size 0).
 */
export function journalMiddleware(options: JournalMiddlewareOptions) {
  const { journal } = options;

  // Shared by every response (no per-request closures): the state lives on the response.
  function journalWrite(this: CapturingResponse, ...args: unknown[]): boolean {
    const state = this[CAPTURE]!;
    if (!state.done) captureChunk(state, args[0], args[1]);
    return state.write.apply(this, args);
  }
  function journalEnd(this: CapturingResponse, ...args: unknown[]): Response {
    const state = this[CAPTURE]!;
    if (!state.done) {
      state.done = true;
      captureChunk(state, args[0], typeof args[1] === 'function' ? undefined : args[1]);
      recordAnswer(this, state);
    }
    return state.end.apply(this, args);
  }

  function recordAnswer(res: CapturingResponse, state: Capture): void {
    const req = res.req;
    // Only what the entry needs is kept (not the request and response objects, which would hold
    // sockets and buffers in memory); the redaction is done when the journal is read.
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : EMPTY;
    const seen: SeenRequest = {
      method: req.method,
      originalUrl: req.originalUrl,
      headers: req.headers,
      body: body.length > MAX_CAPTURE ? Buffer.from(body.subarray(0, MAX_CAPTURE)) : body,
      bodyLength: body.length,
      marked: markedSecrets(req),
      user: authenticationOf(req).user?.login ?? null,
      fault: faultOf(req)?.id ?? null,
    };
    const finished = { status: res.statusCode, headers: res.getHeaders(), durationMs: Math.round((performance.now() - state.started) * 10) / 10 };
    const raw = state.chunks.length === 1 ? state.chunks[0]! : Buffer.concat(state.chunks);
    const { route, at, total } = state;
    journal.record(() => {
      const time = new Date(at).toISOString();
      try {
        return buildEntry(seen, finished, route, time, { raw, total }, options);
      } catch {
        // The journal must never break a request, nor a read of it.
        return { time, method: seen.method, path: '[unavailable]', route: null, namespace: null, status: finished.status, durationMs: finished.durationMs, user: null, fault: null, request: { headers: {}, query: null, body: null }, response: { headers: {}, body: null } };
      }
    });
  }

  return function journalRecorder(req: Request, res: Response, next: NextFunction): void {
    if (journal.size <= 0) return next();
    const route = options.routeOf(req);
    if (options.skip(req, route)) return next();
    const target = res as CapturingResponse;
    target[CAPTURE] = {
      route,
      started: performance.now(),
      at: options.clock.now(),
      chunks: [],
      captured: 0,
      total: 0,
      done: false,
      write: res.write as Capture['write'],
      end: res.end as Capture['end'],
    };
    (res as unknown as { write: typeof journalWrite }).write = journalWrite;
    (res as unknown as { end: typeof journalEnd }).end = journalEnd;
    next();
  };
}

const EMPTY = Buffer.alloc(0);

/** What the journal keeps of a request until an entry is built from it. */
interface SeenRequest {
  method: string;
  originalUrl: string;
  headers: Request['headers'];
  /** At most MAX_CAPTURE bytes. */
  body: Buffer;
  bodyLength: number;
  marked: ReadonlySet<string>;
  user: string | null;
  fault: string | null;
}

function buildEntry(
  req: SeenRequest,
  res: { status: number; headers: Record<string, string | string[] | number | undefined>; durationMs: number },
  route: string | null,
  time: string,
  response: { raw: Buffer; total: number },
  options: JournalMiddlewareOptions,
): Omit<JournalEntry, 'id'> {
  const secrets = new Set<string>();
  authorizationSecrets(headerString(req.headers.authorization), secrets);
  // Values a handler marked as secret (a token under a name that does not look secret), as sent and URL-encoded.
  for (const value of req.marked) {
    addSecret(secrets, value);
    addSecret(secrets, encodeURIComponent(value));
  }
  for (const [name, value] of Object.entries(req.headers)) if (isSecretName(name) && name !== 'authorization') addSecret(secrets, headerString(value) ?? '');

  const queryText = (req.originalUrl.split('?')[1] ?? '').split('#')[0] ?? '';
  const query = queryText ? qs.parse(queryText, { depth: 8, arrayLimit: 200, parameterLimit: 2000 }) : {};
  collectSecrets(query, secrets);

  // Only the first MAX_CAPTURE bytes of the body are looked at (BODY_LIMIT allows far more).
  const requestBody = keepBody(req.body, req.bodyLength, headerString(req.headers['content-type']), secrets);

  const responseHeaders = res.headers;
  const responseBody = keepBody(response.raw, response.total, headerString(responseHeaders['content-type']), secrets);

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
  const namespace = route === null ? null : options.namespaceOf(route);
  return {
    time,
    method: req.method,
    path: scrubString(redactUrl(req.originalUrl), list),
    route: route === null ? null : scrubString(route, list),
    namespace,
    status: res.status,
    durationMs: res.durationMs,
    user: req.user,
    fault: req.fault,
    request: { headers: headersOut(req.headers), query: clean({ parsed: query, kind: 'data', total: 0 }), body: clean(requestBody) },
    response: { headers: headersOut(responseHeaders), body: clean(responseBody) },
  };
}
