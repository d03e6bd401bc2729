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

/**
 * An item schema as an answer's: no `required` anywhere (an item schema's `required` is about what a
 * request must send), and an object may be `[]` (PHP writes an empty array for an empty object, as
 * `meta: []`).
 */
function withoutRequired(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'required') continue;
    if (key === 'type' && value === 'object') {
      out.type = ['object', 'array'];
      out.maxItems = 0;
      continue;
    }
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, sub]) => [name, withoutRequired(sub)]));
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') out[key] = withoutRequired(value as JsonSchema);
    else out[key] = value;
  }
  return out;
}

/**
 * A WordPress item schema (a route's `schema`, draft-4 style: `readonly`, `context`, `required: true`
 * on what a request must send) as the JSON Schema 2020-12 of an answer, through the same conversion as args.
 */
export function itemSchema(schema: Record<string, unknown>): JsonSchema {
  const converted = withoutRequired(argToJsonSchema(schema as ArgSchema));
  return { ...(typeof schema.title === 'string' ? { title: schema.title } : {}), ...converted };
}

/**
 * The success answers of a WordPress controller route with an item schema (as itemSchema() gives it,
 * or a `$ref` to it): an item, or a list of them (GET), or `{deleted, previous}` (DELETE), with the
 * statuses WordPress uses (201 on create).
 */
export function itemResponses(method: string, item: JsonSchema): Record<number, { description: string; schema: JsonSchema }> {
  switch (method) {
    case 'GET':
      return { 200: { description: 'The item, or the list of items', schema: { anyOf: [item, { type: 'array', items: item }] } } };
    case 'POST':
      return { 200: { description: 'The item', schema: item }, 201: { description: 'Created: the item', schema: item } };
    case 'DELETE':
      return { 200: { description: 'Deleted: `{deleted, previous}` (or, for a collection, `{deleted, count}`)', schema: { type: 'object', required: ['deleted'], properties: { deleted: { type: 'boolean' }, previous: item } } } };
    default:
      return { 200: { description: 'The item', schema: item } };
  }
}
