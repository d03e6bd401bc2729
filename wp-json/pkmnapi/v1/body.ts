import { domainToASCII } from 'node:url';
import { isIP } from 'node:net';
import type { RestRequest } from '../../../core/rest/request';

/**
 * The request bodies of the access-token routes, read the way pkmnapi's serde structs read them
 * (`BaseRequest<AccessTokenRequestType, ...Attributes>`): fields in document order, unknown fields
 * ignored, the first problem reported with serde_json's wording (without its "at line L column C").
 */

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** serde's description of an unexpected JSON value. */
function unexpected(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'sequence';
  return 'map';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a struct: each field's reader runs in document order, then the first missing field (declaration order) is reported. */
function readStruct<T extends Record<string, unknown>>(
  value: unknown,
  structName: string,
  fields: { [K in keyof T]: (v: unknown) => Parsed<T[K]> },
): Parsed<T> {
  if (!isObject(value)) return { ok: false, message: `invalid type: ${unexpected(value)}, expected struct ${structName}` };
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

export function readAccessTokenRequest(req: RestRequest): Parsed<AccessTokenRequest> {
  const body = jsonBody(req);
  if (!body.ok) return body;
  const parsed = readStruct(body.value, 'BaseRequest', {
    data: (d) =>
      readStruct(d, 'BaseRequestData', {
        type: accessTokensType,
        attributes: (a) => readStruct(a, 'AccessTokenRequestAttributes', { email_address: string }),
      }),
  });
  return parsed.ok ? { ok: true, value: { emailAddress: parsed.value.data.attributes.email_address } } : parsed;
}

export function readAccessTokenDeleteRequest(req: RestRequest): Parsed<AccessTokenDeleteRequest> {
  const body = jsonBody(req);
  if (!body.ok) return body;
  const parsed = readStruct(body.value, 'BaseRequest', {
    data: (d) =>
      readStruct(d, 'BaseRequestData', {
        type: accessTokensType,
        attributes: (a) => readStruct(a, 'AccessTokenDeleteRequestAttributes', { code: string, email_address: string }),
      }),
  });
  return parsed.ok ? { ok: true, value: { code: parsed.value.data.attributes.code, emailAddress: parsed.value.data.attributes.email_address } } : parsed;
}

const EMAIL_USER = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/i;
const EMAIL_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const EMAIL_LITERAL = /\[([A-f0-9:.]+)\]$/i;

function validDomain(domain: string): boolean {
  if (EMAIL_DOMAIN.test(domain)) return true;
  const literal = EMAIL_LITERAL.exec(domain);
  return literal !== null && isIP(literal[1]!) !== 0;
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
