import { domainToASCII } from 'node:url';
import { isIP } from 'node:net';
import { fixtureChecks } from '../../../core/fixtures';
import type { RestRequest } from '../../../core/rest/request';

/**
 * The request bodies of the access-token routes, read the way pkmnapi's serde structs read them
 * (`BaseRequest<AccessTokenRequestType, ...Attributes>`): fields in document order, unknown fields
 * ignored, the first problem reported with serde_json's wording (without its "at line L column C").
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** serde's description of an unexpected JSON value. */
function unexpected(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'sequence';
  return 'map';
}

/** Reads a struct: each field's reader runs in document order, then the first missing field (declaration order) is reported. */
function readStruct<T extends Record<string, unknown>>(
  value: unknown,
  structName: string,
  fields: { [K in keyof T]: (v: unknown) => Parsed<T[K]> },
): Parsed<T> {
  if (!fixtureChecks.isObject(value)) return { ok: false, message: `invalid type: ${unexpected(value)}, expected struct ${structName}` };
  const out: Partial<T> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const read = fields[key as keyof T](v);
    if (!read.ok) return read;
    out[key as keyof T] = read.value;
  }
  for (const name of Object.keys(fields)) if (!(name in out)) return { ok: false, message: `missing field \`${name}\`` };
  return { ok: true, value: out as T };
}

const string = (v: unknown): Parsed<string> => (typeof v === 'string' ? { ok: true, value: v } : { ok: false, message: `invalid type: ${unexpected(v)}, expected a string` });

const accessTokensType = (v: unknown): Parsed<'access_tokens'> => {
  if (typeof v !== 'string') return { ok: false, message: `invalid type: ${unexpected(v)}, expected variant identifier` };
  if (v !== 'access_tokens') return { ok: false, message: `unknown variant \`${v}\`, expected \`access_tokens\`` };
  return { ok: true, value: v };
};

export interface AccessTokenRequest {
  emailAddress: string;
}
export interface AccessTokenDeleteRequest {
  code: string;
  emailAddress: string;
}

/** The JSON body of the request, or serde's complaint (empty and malformed bodies included). */
function jsonBody(req: RestRequest): Parsed<unknown> {
  if (req.rawBody.length === 0 || req.rawBody.toString('utf8').trim() === '') return { ok: false, message: 'EOF while parsing a value at line 1 column 0' };
  if (req.jsonError) return { ok: false, message: req.jsonError.code === 5 ? 'invalid unicode code point' : 'expected value' };
  return { ok: true, value: req.json };
}

/**
 * `BaseRequest<AccessTokenRequestType, A>`: `{"data": {"type": "access_tokens", "attributes": A}}`,
 * the one shape of both access-token bodies; `attributes` reads A (its struct name and fields).
 */
function readBaseRequest<A extends Record<string, unknown>>(
  req: RestRequest,
  attributesStruct: string,
  attributes: { [K in keyof A]: (v: unknown) => Parsed<A[K]> },
): Parsed<A> {
  const body = jsonBody(req);
  if (!body.ok) return body;
  const parsed = readStruct<{ data: { type: 'access_tokens'; attributes: A } }>(body.value, 'BaseRequest', {
    data: (d) => readStruct<{ type: 'access_tokens'; attributes: A }>(d, 'BaseRequestData', { type: accessTokensType, attributes: (a) => readStruct<A>(a, attributesStruct, attributes) }),
  });
  return parsed.ok ? { ok: true, value: parsed.value.data.attributes } : parsed;
}

/** POST /access_tokens and POST /access_tokens/delete. */
export function readAccessTokenRequest(req: RestRequest): Parsed<AccessTokenRequest> {
  const read = readBaseRequest<{ email_address: string }>(req, 'AccessTokenRequestAttributes', { email_address: string });
  return read.ok ? { ok: true, value: { emailAddress: read.value.email_address } } : read;
}

/** DELETE /access_tokens. */
export function readAccessTokenDeleteRequest(req: RestRequest): Parsed<AccessTokenDeleteRequest> {
  const read = readBaseRequest<{ code: string; email_address: string }>(req, 'AccessTokenDeleteRequestAttributes', { code: string, email_address: string });
  return read.ok ? { ok: true, value: { code: read.value.code, emailAddress: read.value.email_address } } : read;
}

const EMAIL_USER = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/i;
const EMAIL_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
/**
 * The characters of validator's EMAIL_LITERAL_RE class `(?i)[A-f0-9:\.]`. `A-f` is upstream's own
 * range (validator 0.10, src/validation/email.rs), kept as pkmnapi runs it: with `(?i)` and Rust's
 * Unicode case folding it holds A-Z, a-z, `[ \ ] ^ _ \``, digits, `:` `.`, ſ (U+017F) and the Kelvin
 * sign (U+212A). It matters only for which `[` the literal starts at (see emailLiteral).
 */
const LITERAL_CLASS = /^[A-Za-z0-9:.[\\\]^_`\u017F\u212A]$/;

/**
 * What `(?i)\[([A-f0-9:\.]+)\]\z` captures from a domain (Rust's regex: the leftmost match), or null.
 * Computed in one backward pass instead of a backtracking RegExp: JavaScript's engine tries every
 * `[` as a start and rescans to the end from each, quadratic on a domain of many `[`. The capture
 * is everything between the leftmost `[` of the run of class characters that ends just before the
 * final `]`, and that `]`.
 */
export function emailLiteral(domain: string): string | null {
  const end = domain.length - 1;
  if (end < 2 || domain[end] !== ']') return null;
  let start = -1;
  for (let i = end - 1; i >= 0 && LITERAL_CLASS.test(domain[i]!); i--) if (domain[i] === '[' && i <= end - 2) start = i;
  return start === -1 ? null : domain.slice(start + 1, end);
}

function validDomain(domain: string): boolean {
  if (EMAIL_DOMAIN.test(domain)) return true;
  const literal = emailLiteral(domain);
  return literal !== null && isIP(literal) !== 0;
}

/** validator 0.10's validate_email (what pkmnapi checks): user part and domain split at the last `@`, IDN domains allowed. */
export function isValidEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (value === '' || at === -1) return false;
  const user = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!EMAIL_USER.test(user)) return false;
  if (validDomain(domain)) return true;
  const ascii = domainToASCII(domain);
  return ascii !== '' && validDomain(ascii);
}

/** Tera's HTML escaping (pkmnapi renders its text mails with autoescape on). */
export function teraEscape(value: string): string {
  return value.replace(/[&<>"'/]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '/': '&#x2F;' })[c]!);
}
