import { setOwn } from '../own-properties';
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

/** The `_fields` names as rest_filter_response_fields() keys them: `true` for a field kept whole, a tree below a field kept in part. */
interface FieldTree {
  [field: string]: true | FieldTree;
}

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * The nested array rest_filter_response_fields() makes of the names: `a.b` keeps `b` of `a`; once
 * `a` is kept whole, `a.b` after it adds nothing (`a` after `a.b` keeps `a` whole).
 */
function fieldTree(fields: readonly string[]): FieldTree {
  const tree: FieldTree = Object.create(null) as FieldTree;
  next: for (const field of fields) {
    const parts = field.split('.');
    let ref = tree;
    while (parts.length > 1) {
      const part = parts.shift()!;
      const existing = own(ref, part) ? ref[part] : undefined;
      if (existing === true) continue next;
      if (existing === undefined) ref[part] = Object.create(null) as FieldTree;
      ref = ref[part] as FieldTree;
    }
    ref[parts[0]!] = true;
  }
  return tree;
}

/**
 * _rest_array_intersect_key_recursive(): the entries of `value` the tree names, in `value`'s own
 * order (array_intersect_key keeps the first array's order, not the order the names were given in).
 * A list keeps the indexes named: still a list when they are 0, 1, … (PHP encodes that as a JSON
 * array), an object keyed by index otherwise.
 */
function intersect(value: object, tree: FieldTree): unknown {
  const out: Record<string, unknown> = {};
  const keep = (key: string, item: unknown) => {
    const sub = tree[key]!;
    setOwn(out, key, sub !== true && item !== null && typeof item === 'object' ? intersect(item, sub) : item);
  };
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (own(tree, String(index))) keep(String(index), item);
    });
    const keys = Object.keys(out);
    return keys.every((key, i) => key === String(i)) ? Object.values(out) : out;
  }
  for (const key of Object.keys(value)) if (own(tree, key)) keep(key, (value as Record<string, unknown>)[key]);
  return out;
}

export function filterFields(data: unknown, fields: string[]): unknown {
  if (fields.length === 0) return data;
  const tree = fieldTree(fields);
  if (Array.isArray(data)) return data.map((item) => (item && typeof item === 'object' && !Array.isArray(item) ? intersect(item, tree) : item));
  if (data && typeof data === 'object') return intersect(data, tree);
  return data;
}
