import type { ArgSchema } from '../rest/schema';
import type { JsonSchema } from './types';

/** Formats JSON Schema 2020-12 defines that WordPress also checks; WordPress's own (`text-field`, `ip`, `hex-color`) stay out. */
const STANDARD_FORMATS = new Set(['uuid', 'email', 'date-time', 'uri']);

const COPIED = ['description', 'default', 'enum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'readOnly'] as const;

/**
 * A route arg's WordPress schema as JSON Schema 2020-12: the keywords WordPress checks, with
 * draft-4 boolean `exclusiveMinimum`/`exclusiveMaximum` turned into 2020-12's numbers, `required`
 * moved to the parent object and WordPress-only keywords (context, validate callbacks) left out.
 */
export function argToJsonSchema(arg: ArgSchema): JsonSchema {
  const out: JsonSchema = {};
  if (arg.type !== undefined) out.type = Array.isArray(arg.type) ? [...arg.type] : arg.type;
  for (const key of COPIED) {
    const value = (arg as Record<string, unknown>)[key === 'readOnly' ? 'readonly' : key];
    if (value !== undefined && typeof value !== 'function') out[key] = Array.isArray(value) ? [...value] : value;
  }
  if (arg.format !== undefined && STANDARD_FORMATS.has(arg.format)) out.format = arg.format;
  if (arg.minimum !== undefined) {
    if (arg.exclusiveMinimum) out.exclusiveMinimum = arg.minimum;
    else out.minimum = arg.minimum;
  }
  if (arg.maximum !== undefined) {
    if (arg.exclusiveMaximum) out.exclusiveMaximum = arg.maximum;
    else out.maximum = arg.maximum;
  }
  if (arg.items) out.items = argToJsonSchema(arg.items);
  if (arg.properties) {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [name, sub] of Object.entries(arg.properties)) {
      properties[name] = argToJsonSchema(sub);
      if (sub.required === true) required.push(name);
    }
    out.properties = properties;
    if (required.length > 0) out.required = required;
  }
  if (arg.additionalProperties !== undefined) {
    out.additionalProperties = typeof arg.additionalProperties === 'boolean' ? arg.additionalProperties : argToJsonSchema(arg.additionalProperties);
  }
  return out;
}

/** An object schema for a set of args (a request body). */
export function argsToObjectSchema(args: Record<string, ArgSchema>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, arg] of Object.entries(args)) {
    properties[name] = argToJsonSchema(arg);
    if (arg.required === true) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** WordPress's error: `{code, message, data}` (`data.status` for errors the REST layer raises). */
export const WP_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['code', 'message', 'data'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    data: {
      anyOf: [
        { type: 'null' },
        { type: 'object', properties: { status: { type: 'integer' } } },
      ],
    },
    additional_errors: { type: 'array' },
  },
};
