/**
 * The one validation mechanism: a JSON-Schema subset as WordPress's register_rest_route `args` take
 * it (core/rest/schema.ts), used for
 * - request args declared per route (`validateArgs`, called by RestServer.dispatch; the error goes
 *   through the namespace's envelope),
 * - any other parameters given as an object — test-control faults, journal filters (`checkArgs`),
 * - JSON documents such as a namespace's fixtures section (`documentProblems`: every problem, with
 *   its path, JSON types taken as they are),
 * - settings (core/config.ts checks each setting's bounds and values with `validateValue`).
 */
import { WpError } from './rest/errors';
import { sanitizeValue, validateValue, type ArgSchema } from './rest/schema';

export { sanitizeValue, validateValue };
export type Schema = ArgSchema;
/** Arguments by name, as an endpoint's `args`. */
export type Args = Record<string, ArgSchema>;
export type Values = Record<string, unknown>;

/** A problem found in a document: where (`availo.accounts[2].Password`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** WordPress's rest_invalid_param for one parameter, shaped as dispatch shapes it. */
export function invalidParam(param: string, message: string): WpError {
  return new WpError('rest_invalid_param', `Invalid parameter(s): ${param}`, {
    status: 400,
    params: { [param]: message },
    details: { [param]: { code: 'rest_invalid_param', message, data: null } },
  });
}

/** rest_invalid_param for every invalid arg: each one's message, and its error in `details`. */
function invalidParams(invalid: Record<string, string>, details: Values): WpError {
  return new WpError('rest_invalid_param', `Invalid parameter(s): ${Object.keys(invalid).join(', ')}`, { status: 400, params: invalid, details });
}

/**
 * WP_REST_Request::has_valid_params() then sanitize_params(): missing required args first
 * (rest_missing_callback_param), then each given arg against its schema (rest_invalid_param with every
 * invalid one). Valid values are written to `into`, coerced to their declared type, then defaults for
 * args not given. Returns null when every arg is valid.
 */
export function validateArgs(args: Args, read: (name: string) => unknown, defaults: Values, into: Values): WpError | null {
  let missing: string[] | null = null;
  for (const name in args) {
    if (args[name]!.required === true && read(name) === undefined && defaults[name] === undefined) (missing ??= []).push(name);
  }
  if (missing) return new WpError('rest_missing_callback_param', `Missing parameter(s): ${missing.join(', ')}`, { status: 400, params: missing });
  let invalid: Record<string, string> | null = null;
  const details: Values = {};
  let sanitized: string[] | null = null;
  for (const name in args) {
    const arg = args[name]!;
    const value = read(name);
    if (value === undefined) continue;
    if (arg.sanitize) (sanitized ??= []).push(name);
    if (arg.unchecked) continue;
    const error = validateValue(value, arg, name);
    if (error) {
      (invalid ??= {})[name] = error.message;
      // WordPress 6.8 gives `data: {param}` only for rest_invalid_type; every other schema error has `data: null`.
      details[name] = { code: error.code, message: error.message, data: error.code === 'rest_invalid_type' && error.data.param !== undefined ? { param: error.data.param } : null };
    } else {
      into[name] = sanitizeValue(value, arg);
    }
  }
  if (invalid) return invalidParams(invalid, details);
  // The args' own sanitize callbacks, once every arg passed its checks: an error is reported with its
  // own code, message and data, as rest_convert_error_to_response gives them.
  for (const name of sanitized ?? []) {
    const result = args[name]!.sanitize!(read(name)); // the value as sent: a sanitize_callback replaces the schema's sanitising
    if (result instanceof WpError) {
      (invalid ??= {})[name] = result.message;
      details[name] = { code: result.code, message: result.message, data: result.data };
    } else into[name] = result;
  }
  if (invalid) return invalidParams(invalid, details);
  for (const name in defaults) if (!(name in into) && read(name) === undefined) into[name] = defaults[name];
  return null;
}

/** The defaults an args declaration gives. */
export function defaultsOf(args: Args): Values {
  const out: Values = {};
  for (const name in args) if (args[name]!.default !== undefined) out[name] = args[name]!.default;
  return out;
}

/**
 * Checks an object of parameters (own properties only) against declared args, exactly as a route's
 * args are checked: `{ok: true, values}` (coerced, defaults filled) or `{ok: false, error}` (WordPress's
 * rest_missing_callback_param / rest_invalid_param, to answer as is or in a namespace's envelope).
 */
export function checkArgs(args: Args, source: Values): { ok: true; values: Values } | { ok: false; error: WpError } {
  const values: Values = {};
  const read = (name: string) => (Object.prototype.hasOwnProperty.call(source, name) ? source[name] : undefined);
  const error = validateArgs(args, read, defaultsOf(args), values);
  return error ? { ok: false, error } : { ok: true, values };
}

/**
 * The parameters a rest_invalid_param or rest_missing_callback_param error names, each with what is
 * wrong with it: for code that reports a checkArgs() failure in its own terms (an exception naming the field).
 */
export function paramProblems(error: WpError): Problem[] {
  const params = error.data.params;
  if (Array.isArray(params)) return params.map((param) => ({ path: String(param), message: error.message }));
  if (params !== null && typeof params === 'object') return Object.entries(params).map(([path, message]) => ({ path, message: String(message) }));
  return [{ path: String(error.data.param ?? ''), message: error.message }];
}

const typeNames: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', array: 'an array', object: 'an object', null: 'null' };

/** A schema error said the way document problems are said (`must be a non-empty string`). */
function documentMessage(error: WpError, schema: ArgSchema, value: unknown): string {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  switch (error.code) {
    case 'rest_invalid_type':
      if (types.length === 1 && types[0] === 'string' && schema.minLength === 1) return 'must be a non-empty string';
      if (types.length === 1 && (types[0] === 'integer' || types[0] === 'number') && schema.minimum !== undefined) return `must be ${typeNames[types[0]]} >= ${schema.minimum}`;
      return `must be ${types.map((t) => typeNames[t] ?? t).join(' or ')}`;
    case 'rest_too_short':
      return schema.minLength === 1 ? 'must be a non-empty string' : `must be at least ${schema.minLength} characters`;
    case 'rest_too_long':
      return `must be at most ${schema.maxLength} characters`;
    case 'rest_out_of_bounds': {
      const type = types.find((t) => t === 'integer' || t === 'number') ?? 'number';
      const n = Number(value);
      if (schema.minimum !== undefined && (schema.exclusiveMinimum ? n <= schema.minimum : n < schema.minimum)) return `must be ${typeNames[type]} ${schema.exclusiveMinimum ? '>' : '>='} ${schema.minimum}`;
      return `must be ${schema.exclusiveMaximum ? 'less than' : 'at most'} ${schema.maximum}`;
    }
    case 'rest_not_in_enum':
      return `must be one of ${(schema.enum ?? []).map(String).join(', ')}`;
    case 'rest_invalid_uuid':
      return 'must be a UUID';
    case 'rest_invalid_email':
      return 'must be an e-mail address';
    case 'rest_invalid_pattern':
      return schema.description ? `must be ${schema.description}` : `does not match ${schema.pattern}`;
    default:
      return error.message;
  }
}

const isObject = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every problem of a JSON document against a schema, each with its path (`prefix.key[2].field`):
 * JSON types as they are, required properties (`is required`), unknown keys when
 * `additionalProperties` is false, items of arrays, then each level's `validate`.
 */
export function documentProblems(value: unknown, schema: ArgSchema, path: string): Problem[] {
  const { items, properties, additionalProperties, validate, ...leaf } = schema;
  const error = validateValue(value, leaf, path, true);
  if (error) return [{ path, message: documentMessage(error, schema, value) }];
  const problems: Problem[] = [];
  if (properties && isObject(value)) {
    if (additionalProperties === false) {
      const allowed = Object.keys(properties);
      for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.push({ path: `${path}.${key}`, message: `unknown key (allowed: ${allowed.join(', ')})` });
    }
    for (const [key, sub] of Object.entries(properties)) {
      const at = `${path}.${key}`;
      if (!(key in value) || value[key] === undefined) {
        if (sub.required) problems.push({ path: at, message: 'is required' });
        continue;
      }
      problems.push(...documentProblems(value[key], sub, at));
    }
  }
  if (items && Array.isArray(value)) value.forEach((item, i) => problems.push(...documentProblems(item, items, `${path}[${i}]`)));
  if (validate && problems.length === 0) {
    const verdict = validate(value);
    if (verdict !== true) problems.push({ path, message: verdict });
  }
  return problems;
}
