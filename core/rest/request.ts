import type { IncomingHttpHeaders } from 'node:http';
import type { ApplicationPasswordRecord } from '../auth/application-passwords';
import type { UserRecord } from '../auth/users';
import { assignOwn } from '../own-properties';

export type Params = Record<string, unknown>;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const mediaTypes = new Map<string, string>();

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  // Clients send the same few Content-Type headers over and over: each one's media type is kept.
  let type = mediaTypes.get(contentType);
  if (type === undefined) {
    type = contentType.split(';')[0]!.trim().toLowerCase();
    if (mediaTypes.size >= 64) mediaTypes.clear();
    mediaTypes.set(contentType, type);
  }
  return type;
}

/** WordPress's wp_is_json_media_type(): application/json and any +json type. */
export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

function hasValue(source: Params, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(source, name) && source[name] !== null && source[name] !== undefined;
}

/**
 * A request as a route handler sees it (WP_REST_Request): the method after any override, the
 * route, parameters from each source, the raw body, and who is asking.
 */
export class RestRequest {
  /** Parameters from the URL pattern's named groups. */
  urlParams: Params = {};
  /** Defaults from the matched endpoint's args. */
  defaults: Params = {};
  /** Values after validation and sanitising (coercion to the declared type); looked up first. */
  sanitized: Params = {};

  constructor(
    readonly method: string,
    /** The route below /wp-json, decoded, without a trailing slash (`/availo/v1/api/x`). */
    readonly route: string,
    readonly headers: IncomingHttpHeaders,
    readonly query: Params,
    /** Form-encoded body parameters (application/x-www-form-urlencoded). */
    readonly bodyParams: Params,
    /** The parsed JSON body when the Content-Type is JSON and the body parses; `undefined` otherwise. */
    readonly json: unknown,
    /** Why the JSON body did not parse, PHP's json_last_error() style, or null. */
    readonly jsonError: { code: number; message: string } | null,
    /** The body exactly as sent. */
    readonly rawBody: Buffer,
    /** The logged-in user, or null when anonymous (bad credentials make a request anonymous). */
    readonly user: UserRecord | null,
    /** The application password this request authenticated with. */
    readonly appPassword: ApplicationPasswordRecord | null,
    /** The client's address. */
    readonly ip: string,
    /** Secret values found under names that do not look secret; blanked in the request log and journal. */
    readonly secrets: Set<string> = new Set<string>(),
  ) {}

  header(name: string): string | undefined {
    const value = this.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** The media type and whether it is JSON, worked out once (the headers do not change). */
  private typeInfo: { type: string; json: boolean } | null = null;
  /** The body sources before the query (JSON, form), which depend only on the method and body: built once. */
  private bodySources: Params[] | null = null;

  private get mediaInfo(): { type: string; json: boolean } {
    if (this.typeInfo === null) {
      const type = mediaType(this.header('content-type'));
      this.typeInfo = { type, json: isJsonMediaType(type) };
    }
    return this.typeInfo;
  }

  get contentType(): string {
    return this.mediaInfo.type;
  }

  get isJson(): boolean {
    return this.mediaInfo.json;
  }

  /** JSON body parameters when the body is a JSON object (WordPress ignores other JSON values as parameters). */
  get jsonParams(): Params {
    return this.json && typeof this.json === 'object' && !Array.isArray(this.json) ? (this.json as Params) : {};
  }

  /** The sources in WordPress's order of precedence: JSON, body (for body methods), query, URL, defaults. */
  private sources(): Params[] {
    return [...this.bodySourceList(), this.query, this.urlParams, this.defaults];
  }

  private bodySourceList(): Params[] {
    if (this.bodySources === null) {
      const order: Params[] = [];
      if (this.isJson) order.push(this.jsonParams);
      if (BODY_METHODS.has(this.method)) order.push(this.bodyParams);
      this.bodySources = order;
    }
    return this.bodySources;
  }

  /** A parameter as WordPress's `$request[$name]` gives it: sanitised value first, then each source in order. */
  param(name: string): unknown {
    if (Object.prototype.hasOwnProperty.call(this.sanitized, name)) return this.sanitized[name];
    return this.rawParam(name);
  }

  /** A parameter before sanitising, from the first source that has it. */
  rawParam(name: string): unknown {
    // The same order as sources(), without building the list on every call.
    for (const source of this.bodySourceList()) if (hasValue(source, name)) return source[name];
    if (hasValue(this.query, name)) return this.query[name];
    if (hasValue(this.urlParams, name)) return this.urlParams[name];
    if (hasValue(this.defaults, name)) return this.defaults[name];
    return undefined;
  }

  /** Every parameter, merged by precedence (for `_fields`-style lookups and echo routes). */
  params(): Params {
    const merged: Params = {};
    for (const source of this.sources().reverse()) assignOwn(merged, source);
    return assignOwn(merged, this.sanitized);
  }

  /** Marks a value as secret for this request (a token passed under a custom parameter name). */
  markSecret(value: string): void {
    if (value !== '') this.secrets.add(value);
  }

  get isLoggedIn(): boolean {
    return this.user !== null;
  }
}
