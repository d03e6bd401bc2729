import fc from 'fast-check';
import { storedForm } from '../../core/store/frozen';

/*
 * What `put` keeps of a value is what parsing its JSON text gives (what a reopen reads), frozen; for
 * plain data it is built without parsing the text again (strings shared, core/store/frozen.ts).
 */

/** Same types, same values (0 is not -0), same prototypes, same own keys in the same order, all the way down. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (a === null || b === null || typeof a !== 'object') return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a as object);
  const keysB = Object.keys(b as object);
  if (keysA.length !== keysB.length || keysA.some((k, i) => k !== keysB[i])) return false;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  return keysA.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function frozenAllTheWay(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(frozenAllTheWay);
}

// Leaves JSON treats specially (-0, NaN, Infinity, undefined, functions, symbols) beside ordinary ones;
// keys that are indexes, "__proto__" and "toJSON"; dates, boxed values, null prototypes, sparse arrays.
const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(-0),
  fc.constant(() => 'called'),
  fc.constant(Symbol('s')),
);
const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'toJSON', '0', '10', '2', 'a'));
const value = fc.anything({ key, values: [leaf], withNullPrototype: true, withBoxedValues: true, withDate: true, withSparseArray: true, maxDepth: 4 });

describe('storedForm', () => {
  it('gives what JSON.parse(JSON.stringify(value)) gives, frozen, for 3,000 random values', () => {
    fc.assert(
      fc.property(value, (v) => {
        const json = JSON.stringify(v) as string | undefined;
        const stored = storedForm(v);
        expect(stored.json).toBe(json);
        expect(same(stored.value, json === undefined ? undefined : JSON.parse(json))).toBe(true);
        expect(frozenAllTheWay(stored.value)).toBe(true);
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  });

  it('copies plain data without parsing its text again, and leaves the rest to JSON.parse', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const record = { id: 1, name: '&lt;'.repeat(1 << 18), tags: ['a', -0, NaN, undefined], skipped: undefined, ['__proto__']: 'own' };
      const stored = storedForm(record);
      expect(parse).not.toHaveBeenCalled();
      expect(stored.value).not.toBe(record);
      expect(stored.value.tags).toEqual(['a', 0, null, null]);
      expect('skipped' in stored.value).toBe(false);
      expect(Object.getPrototypeOf(stored.value)).toBe(Object.prototype);
      expect(Object.keys(stored.value)).toEqual(['id', 'name', 'tags', '__proto__']);
      storedForm({ at: new Date(0) });
      expect(parse).toHaveBeenCalledTimes(1);
      expect(storedForm({ at: new Date(0) }).value).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    } finally {
      parse.mockRestore();
    }
  });

  it('stores deeply nested values as the parsed text has them', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 2_000; i++) deep = [deep];
    const stored = storedForm(deep);
    expect(stored.json).toBe(JSON.stringify(deep));
    let depth = 0;
    for (let at = stored.value; Array.isArray(at); at = at[0] as unknown) depth++;
    expect(depth).toBe(2_000);
  });
});
