import { isEmail, phpIsNumeric, phpString, sanitizeTextField, wpParseList } from '../wordpress/formatting';
import { WpError } from './errors';
import { hasInvalidBytes } from '../php-bytes';
import { sanitizeUrl } from '../wordpress/url';

/** An argument's schema, as register_rest_route's `args` takes it (the JSON Schema subset WordPress knows). */
export interface ArgSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null' | Array<'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null'>;
  description?: string;
  default?: unknown;
  required?: boolean;
  enum?: readonly unknown[];
  format?: 'uuid' | 'email' | 'date-time' | 'uri' | 'ip' | 'hex-color' | 'text-field' | 'textarea-field';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  items?: ArgSchema;
  properties?: Record<string, ArgSchema>;
  additionalProperties?: boolean | ArgSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  context?: string[];
  readonly?: boolean;
  /** Custom check after the schema's (WordPress's validate_callback); return a message to reject. */
  validate?: (value: unknown) => true | string;
  /**
   * WordPress's sanitize_callback for the arg: runs once every arg passed its checks (WordPress's
   * sanitize_params after has_valid_params) and gives the value the handler reads, or a WpError, which
   * WordPress reports under `rest_invalid_param` with the error's own code, message and data.
   */
  sanitize?: (value: unknown) => unknown;
  /**
   * The arg was registered with a sanitize_callback and neither a validate_callback nor schema
   * checks (register_rest_route args written by hand): its type is not checked or coerced, the
   * callback alone decides (WordPress's users DELETE `reassign` takes `false`).
   */
  unchecked?: true;
}

/** Keywords that WordPress shows for an argument in the index (rest_get_allowed_schema_keywords). */
export const INDEX_KEYWORDS = [
  'title', 'description', 'default', 'type', 'format', 'enum', 'items', 'properties', 'additionalProperties', 'patternProperties',
  'minProperties', 'maxProperties', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength',
  'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'anyOf', 'oneOf',
] as const;

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  // PHP's is_numeric: ASCII whitespace around the number, not a no-break space (WordPress: rest_invalid_type).
  return typeof value === 'string' && phpIsNumeric(value);
}

const compiledPatterns = new Map<string, RegExp>();

/**
 * An arg's `pattern`, compiled once. JSON Schema patterns are unanchored searches, so a leading or
 * trailing `.*` changes nothing about whether they match — but it makes V8 backtrack quadratically
 * (WordPress's own `.*\S.*` takes seconds on a long run of spaces). Those are dropped before compiling.
 */
function compilePattern(pattern: string): RegExp {
  let regex = compiledPatterns.get(pattern);
  if (!regex) {
    let source = pattern;
    if (source.startsWith('.*') && !/^\.\*[?+*{]/.test(source)) source = source.slice(2);
    if (source.endsWith('.*') && !/(^|[^\\])(\\\\)*\\\.\*$/.test(source)) source = source.slice(0, -2);
    regex = new RegExp(source, 'u');
    compiledPatterns.set(pattern, regex);
  }
  return regex;
}

/** rest_is_boolean(): true/false, 'true'/'false', '1'/'0', 1/0 and ''. */
function isBooleanLike(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  // rest_is_boolean(): '' is not one of them.
  if (typeof value === 'string') return ['true', 'false', '1', '0'].includes(value.toLowerCase());
  return value === 1 || value === 0;
}

function toBoolean(value: unknown): boolean {
  if (typeof value === 'string') return !['false', '0', ''].includes(value.toLowerCase());
  return Boolean(value);
}

/** PHP's is_scalar(): a string, a number or a boolean. */
function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * A decoded JSON object that PHP (json_decode into arrays) sees as a list: every key numeric
 * (wp_is_numeric_array). PHP has no other difference between `{"0": 1}` and `[1]`.
 */
function isNumericKeyed(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((key) => isNumeric(key));
}

/**
 * rest_sanitize_array(): a list as is, a numeric-keyed object's values, a scalar through wp_parse_list
 * (its PHP string split at commas and whitespace: `true` is "1", `false` ""), anything else empty.
 */
function parseList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isScalar(value)) {
    const text = typeof value === 'boolean' ? (value ? '1' : '') : typeof value === 'number' ? (phpString(value) ?? '') : value;
    return wpParseList(text);
  }
  if (isNumericKeyed(value)) return Object.values(value);
  return [];
}

/** "a", "a and b", "a, b, and c" (wp_sprintf_l). */
function listOf(items: readonly unknown[]): string {
  const words = items.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (words.length <= 1) return words.join('');
  if (words.length === 2) return `${words[0]} and ${words[1]}`;
  return `${words.slice(0, -1).join(', ')}, and ${words[words.length - 1]}`;
}

/** A JSON value's own type, no coercion: how fixtures and other JSON documents are checked (`strict`). */
function jsonTypeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return isNumeric(value) && Number.isInteger(Number(value));
    case 'number':
      return isNumeric(value);
    case 'boolean':
      return isBooleanLike(value);
    case 'array':
      // rest_is_array(): a scalar is a list once parsed; an object is one when PHP sees its keys as a list's.
      return Array.isArray(value) || isScalar(value) || isNumericKeyed(value);
    case 'object':
      // rest_is_object(): '' and any PHP array (a JSON list too).
      return value === '' || (typeof value === 'object' && value !== null);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

const err = (code: string, message: string, param: string, extra: Record<string, unknown> = {}) => new WpError(code, message, { status: 400, param, ...extra });

/**
 * The number of code points in `s`, as PHP's mb_strlen counts them (a surrogate pair is one; a lone
 * surrogate is one): the same as `[...s].length` without an array of one string per character (a
 * 1 MB string made ~1 M strings for the collector, which stalled the event loop for ~100 ms).
 */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * rest_validate_value_from_schema(): null when valid, otherwise the WordPress error. `strict`: JSON
 * types as they are ("5" is not an integer, "a,b" not an array), for documents rather than request
 * parameters (fixtures).
 */
export function validateValue(value: unknown, schema: ArgSchema, param: string, strict = false): WpError | null {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  let type: string | undefined;
  // One declared integer: rest_validate_integer_value_from_schema checks it as a number first (numeric,
  // then its bounds) and only then that it is whole, so '.5' with a minimum of 1 is out of bounds.
  const numberFirst = !strict && types.length === 1 && types[0] === 'integer';
  if (numberFirst) {
    type = 'integer';
    if (!isNumeric(value)) return err('rest_invalid_type', `${param} is not of type integer.`, param);
  } else if (types.length > 0) {
    type = types.find((t) => (strict ? jsonTypeMatches(t, value) : typeMatches(t, value)));
    if (type === undefined) return err('rest_invalid_type', `${param} is not of type ${types.join(',')}.`, param);
  }
  if (type === 'integer' || type === 'number') {
    const n = Number(value);
    if (schema.minimum !== undefined && schema.maximum !== undefined) {
      // rest_validate_number_value_from_schema: both bounds give one "between" message.
      const outside = (schema.exclusiveMinimum ? n <= schema.minimum : n < schema.minimum) || (schema.exclusiveMaximum ? n >= schema.maximum : n > schema.maximum);
      const kind = (exclusive?: boolean) => (exclusive ? 'exclusive' : 'inclusive');
      if (outside) return err('rest_out_of_bounds', `${param} must be between ${schema.minimum} (${kind(schema.exclusiveMinimum)}) and ${schema.maximum} (${kind(schema.exclusiveMaximum)})`, param);
    }
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? n <= schema.minimum : n < schema.minimum)) {
      return err('rest_out_of_bounds', schema.exclusiveMinimum ? `${param} must be greater than ${schema.minimum}` : `${param} must be greater than or equal to ${schema.minimum}`, param);
    }
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? n >= schema.maximum : n > schema.maximum)) {
      return err('rest_out_of_bounds', schema.exclusiveMaximum ? `${param} must be less than ${schema.maximum}` : `${param} must be less than or equal to ${schema.maximum}`, param);
    }
    if (numberFirst && !typeMatches('integer', value)) return err('rest_invalid_type', `${param} is not of type integer.`, param);
  }
  if (type === 'string') {
    const s = value as string;
    const length = schema.minLength !== undefined || schema.maxLength !== undefined ? codePointLength(s) : 0;
    if (schema.minLength !== undefined && length < schema.minLength) {
      return err('rest_too_short', `${param} must be at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'} long.`, param);
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      return err('rest_too_long', `${param} must be at most ${schema.maxLength} character${schema.maxLength === 1 ? '' : 's'} long.`, param);
    }
    // PCRE with the /u flag (rest_validate_json_schema_pattern) matches nothing in text that is not UTF-8.
    if (schema.pattern !== undefined && (hasInvalidBytes(s) || !compilePattern(schema.pattern).test(s))) return err('rest_invalid_pattern', `${param} does not match pattern ${schema.pattern}.`, param);
  }
  if (type === 'array') {
    // rest_validate_array_value_from_schema(): the items, then the counts, then uniqueness.
    const list = parseList(value);
    if (schema.items) {
      for (let i = 0; i < list.length; i++) {
        const itemError = validateValue(list[i], schema.items, `${param}[${i}]`, strict);
        if (itemError) return itemError;
      }
    }
    const items = (n: number) => `${n.toLocaleString('en-US')} item${n === 1 ? '' : 's'}`;
    if (schema.minItems !== undefined && list.length < schema.minItems) return err('rest_too_few_items', `${param} must contain at least ${items(schema.minItems)}.`, param);
    if (schema.maxItems !== undefined && list.length > schema.maxItems) return err('rest_too_many_items', `${param} must contain at most ${items(schema.maxItems)}.`, param);
    if (schema.uniqueItems && new Set(list.map((v) => JSON.stringify(v))).size !== list.length) return err('rest_duplicate_items', `${param} has duplicate items.`, param);
  }
  if (type === 'object') {
    // rest_validate_object_value_from_schema(): every required property first, then each property the
    // value has, in its order (a JSON list is a PHP array keyed 0, 1, ...).
    const object: Record<string, unknown> = value === '' ? {} : Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v])) : (value as Record<string, unknown>);
    const properties = schema.properties ?? {};
    for (const [key, sub] of Object.entries(properties)) {
      if (sub.required === true && !Object.prototype.hasOwnProperty.call(object, key)) return err('rest_property_required', `${key} is a required property of ${param}.`, param);
    }
    for (const [key, item] of Object.entries(object)) {
      const sub = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      if (sub !== undefined) {
        const subError = validateValue(item, sub, `${param}[${key}]`, strict);
        if (subError) return subError;
      } else if (schema.additionalProperties === false) {
        return err('rest_additional_properties_forbidden', `${key} is not a valid property of Object.`, param);
      }
    }
  }
  // The enum after the type's own checks, then the format (rest_validate_value_from_schema's order).
  if (schema.enum && !schema.enum.some((option) => option === value || (!strict && type !== 'string' && String(option) === String(value)))) {
    return err('rest_not_in_enum', `${param} is not one of ${listOf(schema.enum)}.`, param);
  }
  if (schema.format !== undefined && (type === 'string' || type === undefined) && typeof value === 'string') {
    const formatProblem = formatError(value, schema.format, param);
    if (formatProblem) return formatProblem;
  }
  if (schema.validate) {
    const verdict = schema.validate(value);
    if (verdict !== true) return err('rest_invalid_param', verdict, param);
  }
  return null;
}

/** rest_parse_hex_color()'s and sanitize_hex_color()'s pattern: # and 3 or 6 hex digits (and PCRE's final line feed). */
const HEX_COLOR = /^#([A-Fa-f0-9]{3}){1,2}\n?$/;

/** The "format" keyword's check (rest_validate_value_from_schema applies it after the enum, to strings). */
function formatError(s: string, format: ArgSchema['format'], param: string): WpError | null {
  switch (format) {
    case 'email':
      if (!isEmail(s)) return err('rest_invalid_email', 'Invalid email address.', param);
      break;
    case 'uuid':
      // wp_is_uuid(): lower-case hex only.
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n?$/.test(s)) return err('rest_invalid_uuid', `${param} is not a valid UUID.`, param);
      break;
    case 'date-time':
      if (!restParseDate(s)) return err('rest_invalid_date', 'Invalid date.', param);
      break;
    case 'ip':
      if (!restIsIpAddress(s)) return err('rest_invalid_ip', `${param} is not a valid IP address.`, param);
      break;
    case 'hex-color':
      if (!HEX_COLOR.test(s)) return err('rest_invalid_hex_color', 'Invalid hex color.', param);
      break;
    // 'uri' is not checked, only sanitised (sanitizeValue), as WordPress does. Every pattern here
    // lets one final line feed through, as PCRE's `$` does.
    default:
      break;
  }
  return null;
}

/**
 * rest_parse_date()'s check: its pattern (PCRE's `$` also lets one final line feed through), then
 * what strtotime() accepts of it: month 0–12, day 0–31, hour 0–24, minute 0–59, second 0–60, and an
 * offset with minutes at most +24:59 (one without minutes, any two digits).
 */
export function restParseDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2})(?::(\d{2}))?)?\n?$/.exec(value);
  if (m === null) return false;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  if (month > 12 || day > 31 || hour > 24 || minute > 59 || second > 60) return false;
  return m[8] === undefined || (Number(m[7]) <= 24 && Number(m[8]) <= 59);
}

/**
 * rest_is_ip_address(): dotted IPv4 with each part 0–255 (leading zeros allowed up to three digits),
 * or what Requests' Ipv6::check_ipv6() accepts: one '::' filled out to eight groups (or six and a
 * dotted IPv4), each group one to four hex digits, the IPv4 parts in canonical decimal. A '::' after
 * more than seven groups makes WordPress's PHP fail (str_repeat of a negative count); refused here.
 */
export function restIsIpAddress(value: string): boolean {
  if (/^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\n?$/.test(value)) return true;
  let ip = value;
  if (ip.split('::').length === 2) {
    const [left, right] = ip.split('::') as [string, string];
    const c1 = left === '' ? -1 : left.split(':').length - 1;
    const c2 = (right === '' ? -1 : right.split(':').length - 1) + (right.includes('.') ? 1 : 0);
    const fill = c1 === -1 && c2 === -1 ? null : c1 === -1 ? ['0:', 7 - c2] : c2 === -1 ? [':0', 7 - c1] : ['0:', 6 - c2 - c1];
    if (fill === null) ip = '0:0:0:0:0:0:0:0';
    else {
      const [piece, count] = fill as [string, number];
      if (count < 0) return false;
      ip = ip.replace('::', (c1 !== -1 && c2 !== -1 ? ':' : '') + piece.repeat(count));
    }
  }
  let v6 = ip;
  let v4 = '';
  if (ip.includes('.')) {
    const colon = ip.lastIndexOf(':');
    v6 = colon === -1 ? '' : ip.slice(0, colon);
    v4 = ip.slice(colon + 1);
  }
  const groups = v6.split(':');
  const octets = v4.split('.');
  if (!((groups.length === 8 && octets.length === 1) || (groups.length === 6 && octets.length === 4))) return false;
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return octets.length === 1 || octets.every((o) => /^(0|[1-9][0-9]*)$/.test(o) && Number(o) <= 255);
}

/** The sanitising rest_sanitize_value_from_schema() gives a string of each format. */
function sanitizeFormat(value: string, format: ArgSchema['format']): string {
  switch (format) {
    case 'uri':
      return sanitizeUrl(value);
    case 'hex-color':
      return HEX_COLOR.test(value) ? value : ''; // sanitize_hex_color
    case 'date-time':
    case 'email':
    case 'ip':
    case 'uuid':
    case 'text-field':
      return sanitizeTextField(value);
    default:
      return value;
  }
}

/** rest_sanitize_value_from_schema(): coerces to the declared type ("5" → 5, "true" → true, "a,b" → [a, b]). */
export function sanitizeValue(value: unknown, schema: ArgSchema): unknown {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => typeMatches(t, value));
  switch (type) {
    case 'integer':
      return Math.trunc(Number(value));
    case 'number':
      return Number(value);
    case 'boolean':
      return toBoolean(value);
    case 'string':
      return sanitizeFormat(String(value), schema.format);
    case 'array': {
      const list = parseList(value);
      return schema.items ? list.map((item) => sanitizeValue(item, schema.items!)) : list;
    }
    case 'object': {
      // rest_sanitize_object() then each property by its schema; additionalProperties: false drops the
      // others. A JSON list is a PHP array keyed 0, 1, ... and stays a list unless a key was dropped.
      if (value === '') return {};
      const source: Record<string, unknown> = Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v])) : (value as Record<string, unknown>);
      const properties = schema.properties ?? {};
      const out: Record<string, unknown> = {};
      let dropped = false;
      for (const [key, item] of Object.entries(source)) {
        const sub = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
        if (sub !== undefined) out[key] = sanitizeValue(item, sub);
        else if (schema.additionalProperties === false) dropped = true;
        else out[key] = item;
      }
      return Array.isArray(value) && !dropped ? Object.values(out) : out;
    }
    case 'null':
      return null;
    default:
      return value;
  }
}
