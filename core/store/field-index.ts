import { hashString } from './arena';

/** A plain collection's index of one field: the value to the key of the record that has it (the last put wins). */
export type IndexMap = Map<unknown, string>;

/** The keys of the records whose field has a value: strings by their hash, other values as they are (compact collections). */
export class FieldIndex {
  private readonly strings = new Map<number, string | string[]>();
  private readonly others = new Map<unknown, string | string[]>();

  add(value: unknown, key: string): void {
    if (typeof value === 'string') addKey(this.strings, hashString(value), key);
    else addKey(this.others, value, key);
  }
  remove(value: unknown, key: string): void {
    if (typeof value === 'string') removeKey(this.strings, hashString(value), key);
    else removeKey(this.others, value, key);
  }
  /** Keys that may hold the value (same hash), most recently added last. */
  candidates(value: unknown): string | string[] | undefined {
    return typeof value === 'string' ? this.strings.get(hashString(value)) : this.others.get(value);
  }
  clear(): void {
    this.strings.clear();
    this.others.clear();
  }
}

function addKey<K>(map: Map<K, string | string[]>, k: K, key: string): void {
  const keys = map.get(k);
  if (keys === undefined) map.set(k, key);
  else if (typeof keys === 'string') map.set(k, keys === key ? key : [keys, key]);
  else if (!keys.includes(key)) keys.push(key);
}

function removeKey<K>(map: Map<K, string | string[]>, k: K, key: string): void {
  const keys = map.get(k);
  if (keys === undefined) return;
  if (typeof keys === 'string') {
    if (keys === key) map.delete(k);
    return;
  }
  const at = keys.indexOf(key);
  if (at >= 0) keys.splice(at, 1);
  if (keys.length === 1) map.set(k, keys[0]!);
}

/** A multi-valued index (`findAllBy`): a derived key (lower-cased login, owner id) to the keys of every record that has it. */
export interface Group<T> {
  keyOf: (record: T) => unknown;
  map: Map<unknown, Set<string>>;
}

export function addToGroup(map: Map<unknown, Set<string>>, value: unknown, key: string): void {
  const keys = map.get(value);
  if (keys) keys.add(key);
  else map.set(value, new Set([key]));
}

export function removeFromGroup(map: Map<unknown, Set<string>>, value: unknown, key: string): void {
  const keys = map.get(value);
  if (!keys) return;
  keys.delete(key);
  if (keys.size === 0) map.delete(value);
}

export function fieldOf(record: unknown, field: PropertyKey): unknown {
  return record !== null && typeof record === 'object' ? (record as Record<PropertyKey, unknown>)[field] : undefined;
}
