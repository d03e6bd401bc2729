import { distinct, encodeDocsPermission, encodePermission, EXPIRES_PATTERN, LABEL, MSG, parseExpires } from './wire';

/**
 * The fields of Fess's admin access-token forms (create and update bodies), read as Fess's Java
 * form binding reads them and checked with the messages of its bundle, every problem at once.
 */

export type Fields = Record<string, unknown>;

const JAVA_INT_MAX = 2_147_483_647;
export const INPUT_MAX = 10_000;

/** A value a Java Integer/Long field would take: a whole number, as a JSON number or a string. */
export function parseWhole(value: unknown, max = JAVA_INT_MAX): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= max ? value : null;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) {
    const n = Number(value);
    return Math.abs(n) <= max ? n : null;
  }
  return null;
}

/** A value a Java String field would take (Gson turns JSON numbers and booleans into strings). */
export function asText(value: unknown): string | null | 'bad' {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'bad';
}

export interface Input {
  name?: string;
  token?: string;
  parameterName?: string | null;
  expiredTime?: number | null;
  permissions?: string[];
  id?: string;
  versionNo?: number;
}

/** Reads and validates the fields of a create (`update` false) or an update body; all problems at once, as Fess does. */
export function readInput(body: Fields, update: boolean, live: boolean): Input | string[] {
  const messages: string[] = [];
  const input: Input = {};
  const key = (camel: string, snake: string) => (live ? snake : camel);
  const has = (k: string) => body[k] !== undefined && body[k] !== null;

  if (update) {
    const id = asText(body.id);
    if (id === 'bad') messages.push(MSG.required(LABEL.id));
    else if (id === null || id === '') messages.push(MSG.required(LABEL.id));
    else if (id.length > 1000) messages.push(MSG.size(LABEL.id, 0, 1000));
    else input.id = id;
    const vk = key('versionNo', 'version_no');
    if (!has(vk) || body[vk] === '') messages.push(MSG.required(LABEL.versionNo));
    else {
      const v = parseWhole(body[vk]);
      if (v === null) messages.push(MSG.notNumber(LABEL.versionNo));
      else input.versionNo = v;
    }
  }

  const name = asText(body.name);
  if (name === null || name === '' || name === 'bad') messages.push(MSG.required(LABEL.name));
  else if (name.length > 1000) messages.push(MSG.size(LABEL.name, 0, 1000));
  else input.name = name;

  const token = asText(body.token);
  if (token === 'bad') messages.push(MSG.size(LABEL.token, 0, INPUT_MAX));
  else if (token !== null && token.length > INPUT_MAX) messages.push(MSG.size(LABEL.token, 0, INPUT_MAX));
  else if (token !== null && /\s/.test(token) && !live) messages.push(`${LABEL.token} must not contain whitespace.`);
  else if (token !== null && token !== '') input.token = token;

  const pk = key('parameterName', 'parameter_name');
  const parameterName = asText(body[pk]);
  if (parameterName === 'bad' || (parameterName !== null && parameterName.length > INPUT_MAX)) messages.push(MSG.size(LABEL.parameterName, 0, INPUT_MAX));
  else if (has(pk) || live) input.parameterName = parameterName === '' ? null : parameterName;

  if (live) {
    const expires = asText(body.expires);
    if (expires === 'bad') messages.push(MSG.pattern(LABEL.expires, EXPIRES_PATTERN));
    else if (expires === null || expires === '') input.expiredTime = null;
    else {
      const ms = parseExpires(expires);
      if (ms === null) messages.push(MSG.pattern(LABEL.expires, EXPIRES_PATTERN));
      else input.expiredTime = ms;
    }
    const permissions = asText(body.permissions);
    if (permissions === 'bad') messages.push(`${LABEL.permissions} must be a string of lines.`);
    else if (permissions !== null && permissions.length > INPUT_MAX) messages.push(MSG.size(LABEL.permissions, 0, INPUT_MAX));
    else input.permissions = distinct((permissions ?? '').split('\n').map(encodePermission));
  } else {
    if (has('expiredTime') && body.expiredTime !== '') {
      const ms = parseWhole(body.expiredTime, Number.MAX_SAFE_INTEGER);
      if (ms === null || ms < 0) messages.push(MSG.notNumber(LABEL.expiredTime));
      else input.expiredTime = ms === 0 ? null : ms;
    } else if (body.expiredTime === null || body.expiredTime === '') input.expiredTime = null;
    if (has('permissions')) {
      const raw = body.permissions;
      const items = typeof raw === 'string' ? raw.split(/[\n,]/) : Array.isArray(raw) ? raw : null;
      if (items === null || items.some((p) => typeof p !== 'string')) messages.push(`${LABEL.permissions} must be a list of roles.`);
      else if ((items as string[]).join('\n').length > INPUT_MAX) messages.push(MSG.size(LABEL.permissions, 0, INPUT_MAX));
      else input.permissions = distinct((items as string[]).map(encodeDocsPermission));
    }
  }
  return messages.length > 0 ? messages : input;
}
