/**
 * What a read from the store gives: a record frozen all the way down, so changing it throws a
 * TypeError (modules run in strict mode) instead of changing, or seeming to change, what is
 * stored. To change a record, copy it (`{ ...record, name }`) and `put` the copy. The same holds
 * at every collection size and after a reopen.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) deepFreeze(record[key]);
  }
  return value;
}

/** Thrown inside jsonCopy for a value it leaves to JSON.parse. */
const NOT_PLAIN = Symbol('not plain data');

/**
 * What JSON.parse(JSON.stringify(value)) gives for plain data (objects with Object's prototype or
 * none, arrays, strings, numbers, booleans, null), built without reading the text back: strings are
 * immutable, so the copy shares them (a record with a 4 MB name took ~27 ms to parse again, inside
 * the request that stored it). Numbers as JSON has them (-0 is 0, NaN and Infinity null); undefined,
 * functions and symbols left out of objects and null in arrays, holes null. Anything else (toJSON,
 * dates, class instances, boxed primitives, getters) throws NOT_PLAIN: JSON.parse decides those.
 */
function jsonCopy(value: unknown, inArray: boolean): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0
    case 'undefined':
    case 'function':
    case 'symbol':
      return inArray ? null : undefined;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) throw NOT_PLAIN;
        const copy = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) copy[i] = jsonCopy(value[i], true);
        return copy;
      }
      const proto = Object.getPrototypeOf(value) as object | null;
      if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') throw NOT_PLAIN;
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
        if (!('value' in descriptor)) throw NOT_PLAIN; // a getter
        const item = jsonCopy(descriptor.value, false);
        if (item === undefined) continue;
        // An own "__proto__" as JSON.parse makes it, not the prototype.
        if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
        else copy[key] = item;
      }
      return copy;
    }
    default:
      throw NOT_PLAIN; // bigint: JSON.stringify has already refused it
  }
}

/**
 * What `put` keeps of a value: its JSON text (what the write-ahead log and the file get) and a
 * frozen copy equal to what parsing that text gives, so the caller's object stays the caller's and
 * memory holds exactly what a reopen would read.
 */
export function storedForm<T>(value: T): { json: string | undefined; value: T } {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return { json, value: undefined as T };
  let copy: unknown;
  try {
    copy = jsonCopy(value, false);
  } catch {
    // NOT_PLAIN, or nesting deeper than this recursion's stack where JSON's own code still managed.
    copy = JSON.parse(json);
  }
  return { json, value: deepFreeze(copy as T) };
}
