import { phpTrim, wpParseList } from '../wordpress/formatting';

/**
 * `?_fields=a,b.c` as rest_filter_response_fields() and get_fields_for_response() read it:
 * wp_parse_list() (an array as given, a string split at commas and ASCII whitespace), then PHP's
 * trim() of each name (a no-break space is part of the name, which then names no field).
 */
export function parseFieldList(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? wpParseList(value) : [];
  return list.map((f) => phpTrim(f)).filter((f) => f !== '');
}

function filterObject(data: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const parts = field.split('.');
    let source: unknown = data;
    let target: Record<string, unknown> = out;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i]!;
      if (!source || typeof source !== 'object' || Array.isArray(source) || !Object.prototype.hasOwnProperty.call(source, key)) break;
      const value = (source as Record<string, unknown>)[key];
      if (i === parts.length - 1) {
        target[key] = value;
      } else {
        if (!target[key] || typeof target[key] !== 'object') target[key] = {};
        target = target[key] as Record<string, unknown>;
        source = value;
      }
    }
  }
  return out;
}

export function filterFields(data: unknown, fields: string[]): unknown {
  if (fields.length === 0) return data;
  if (Array.isArray(data)) return data.map((item) => (item && typeof item === 'object' && !Array.isArray(item) ? filterObject(item as Record<string, unknown>, fields) : item));
  if (data && typeof data === 'object') return filterObject(data as Record<string, unknown>, fields);
  return data;
}
