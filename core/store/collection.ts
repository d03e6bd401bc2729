import { RecordArena } from './arena';
import { FieldIndex, addToGroup, fieldOf, removeFromGroup, type Group, type IndexMap } from './field-index';
import { CompactRecords } from './format';
import { deepFreeze, storedForm } from './frozen';
import type { Change } from './wal';

/** How many records a compact collection keeps as objects, those last read. */
const HOT_RECORDS = 1_000;

/** A compact collection's records at one moment, for the snapshot writer. */
export interface CompactPart {
  keys: string[];
  handles: Float64Array;
  arena: RecordArena;
  slabs: Buffer[];
}

/**
 * One named set of records keyed by string. Reads are from memory; every change is recorded for
 * the next flush.
 *
 * Every read gives a frozen record (see frozen.ts): changing it throws, and to change what is
 * stored, `put` a changed copy. `put` keeps a copy of the value (parsed from the JSON it logs), so
 * changing the caller's object afterwards changes nothing stored either. This holds at every size.
 *
 * A collection larger than the store's `compactAbove` keeps each record as its JSON in an arena
 * outside the V8 heap, and its field indexes keep hashes of the values, not the values. The last
 * HOT_RECORDS records read stay objects (a scan of the oldest records on every request, as token
 * purges do, parses nothing); any other read parses a fresh (frozen) record.
 */
export class Collection<T> {
  private readonly indexes = new Map<keyof T, IndexMap>();
  /** Field indexes of a compact collection. */
  private readonly fieldIndexes = new Map<keyof T, FieldIndex>();
  /** Multi-valued indexes by name (`findAllBy`). */
  private readonly groups = new Map<string, Group<T>>();
  /** Set when the collection is compact: `records` then maps each key to an arena handle. */
  private arena: RecordArena | null = null;
  /**
   * The arena handles of a compact collection's records that `records` holds as objects for now
   * (those lately read); when there are HOT_RECORDS of them they all go back to handles.
   */
  private readonly hot = new Map<string, number>();
  /** Records by key, frozen; in a compact collection a number is an arena handle, an object a record read lately. */
  private records: Map<string, T | number>;

  constructor(
    readonly name: string,
    records: Map<string, T> | CompactRecords,
    private readonly record: (change: Change) => void,
    private readonly nextSeq: () => number,
    private readonly compactAbove: number = Infinity,
  ) {
    if (records instanceof CompactRecords) {
      this.records = records.handles;
      this.arena = records.arena;
      return;
    }
    this.records = records;
    if (records.size > compactAbove) this.becomeCompact();
    else for (const value of records.values()) deepFreeze(value); // parsed from the file: nobody else holds them
  }

  get size(): number {
    return this.records.size;
  }
  get(key: string): Readonly<T> | undefined {
    const value = this.records.get(key);
    if (this.arena === null || typeof value !== 'number') return value as T | undefined;
    return this.decode(key, value);
  }
  has(key: string): boolean {
    return this.records.has(key);
  }
  keys(): IterableIterator<string> {
    return this.records.keys();
  }
  values(): IterableIterator<Readonly<T>> {
    if (this.arena === null) return (this.records as Map<string, T>).values();
    return new CompactValues(this.records.entries(), this);
  }
  entries(): IterableIterator<[string, Readonly<T>]> {
    if (this.arena === null) return (this.records as Map<string, T>).entries();
    return new CompactEntries(this.records.entries(), this);
  }
  /** @internal the record of an arena handle, kept as an object for a while when it is one. */
  decode(key: string, handle: number): T {
    const value = deepFreeze(this.arena!.read(handle) as T);
    if (value !== null && typeof value === 'object') this.warm(key, handle, value);
    return value;
  }
  /** Holds `value` (an object) in `records` for now; the handle waits in `hot`. */
  private warm(key: string, handle: number, value: T): void {
    if (this.hot.size >= HOT_RECORDS) this.coolAll();
    this.records.set(key, value);
    this.hot.set(key, handle);
  }
  private coolAll(): void {
    for (const [key, handle] of this.hot) this.records.set(key, handle);
    this.hot.clear();
  }
  /** The arena handle of a compact collection's record. */
  private handleOf(key: string): number | undefined {
    const value = this.records.get(key);
    return typeof value === 'number' ? value : this.hot.get(key);
  }
  find(predicate: (value: Readonly<T>, key: string) => boolean): Readonly<T> | undefined {
    for (const [key, value] of this.entries()) if (predicate(value, key)) return value;
    return undefined;
  }
  filter(predicate: (value: Readonly<T>, key: string) => boolean): Readonly<T>[] {
    const out: Readonly<T>[] = [];
    for (const [key, value] of this.entries()) if (predicate(value, key)) out.push(value);
    return out;
  }

  /** The record whose `field` equals `value`, through an index built on first use and kept up to date. */
  findBy<K extends keyof T>(field: K, value: T[K]): Readonly<T> | undefined {
    if (this.arena !== null) return this.findCompact(field, value);
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const [key, record] of this.records as Map<string, T>) index.set(record[field], key);
      this.indexes.set(field, index);
    }
    const key = index.get(value);
    return key === undefined ? undefined : (this.records.get(key) as T | undefined);
  }

  private findCompact<K extends keyof T>(field: K, value: T[K]): Readonly<T> | undefined {
    let index = this.fieldIndexes.get(field);
    if (!index) {
      index = new FieldIndex();
      for (const [key, record] of this.entries()) index.add(fieldOf(record, field), key);
      this.fieldIndexes.set(field, index);
    }
    const candidates = index.candidates(value);
    if (candidates === undefined) return undefined;
    const keys = typeof candidates === 'string' ? [candidates] : candidates;
    // Several keys share a hash only when the values collide or records share the value: the last put wins.
    for (let i = keys.length - 1; i >= 0; i--) {
      const record = this.get(keys[i]!);
      if (fieldOf(record, field) === value) return record;
    }
    return undefined;
  }

  /**
   * Every record whose derived key `keyOf(record)` equals `value`, through an index named `name`
   * built on first use and kept up to date by put, delete and clear (dropped when the store replaces
   * the contents). One name, one `keyOf`. The order is not the collection's: sort if it matters.
   */
  findAllBy(name: string, keyOf: (record: T) => unknown, value: unknown): Readonly<T>[] {
    let group = this.groups.get(name);
    if (!group) {
      group = { keyOf, map: new Map() };
      for (const [key, record] of this.entries()) addToGroup(group.map, keyOf(record), key);
      this.groups.set(name, group);
    }
    const keys = group.map.get(value);
    if (keys === undefined) return [];
    const out: Readonly<T>[] = [];
    for (const key of keys) out.push(this.get(key)!);
    return out;
  }

  /** Stores a copy of `value` (its JSON, parsed and frozen): later changes to `value` are not stored. */
  put(key: string, value: T): void {
    this.set(key, value, true);
  }

  delete(key: string): boolean {
    return this.remove(key, true);
  }

  clear(): void {
    this.empty(true);
  }

  /** @internal put, delete or clear as the write-ahead log says, recording nothing (opening the store). */
  replay(change: Change): void {
    if ('clear' in change) this.empty(false);
    else if ('d' in change) this.remove(change.k, false);
    else this.set(change.k, ('v' in change ? change.v : undefined) as T, false);
  }

  private set(key: string, given: T, log: boolean): void {
    const arena = this.arena;
    if (arena === null) {
      // A replayed value was parsed from the log: nobody else holds it, it needs no copy.
      const { json, value } = log ? storedForm(given) : { json: undefined, value: deepFreeze(given) };
      const old = this.records.get(key) as T | undefined;
      for (const [field, index] of this.indexes) {
        if (old !== undefined && old !== null && index.get(old[field]) === key) index.delete(old[field]);
        index.set(fieldOf(value, field), key);
      }
      for (const group of this.groups.values()) {
        if (old !== undefined && old !== null) removeFromGroup(group.map, group.keyOf(old), key);
        addToGroup(group.map, group.keyOf(value), key);
      }
      this.records.set(key, value);
      if (log) this.record({ s: this.nextSeq(), c: this.name, k: key, j: json });
      if (this.records.size > this.compactAbove) this.becomeCompact();
      return;
    }
    // Serialised once: the same text is kept in the arena and written to the log.
    const json = JSON.stringify(given) as string | undefined;
    const oldHandle = this.handleOf(key);
    if (this.fieldIndexes.size > 0 || this.groups.size > 0) {
      // Indexed by what is stored (and read back), not by the caller's object.
      const value = json === undefined ? undefined : JSON.parse(json);
      const old = oldHandle === undefined ? undefined : (arena.read(oldHandle) as T);
      for (const [field, index] of this.fieldIndexes) {
        if (oldHandle !== undefined) index.remove(fieldOf(old, field), key);
        index.add(fieldOf(value, field), key);
      }
      for (const group of this.groups.values()) {
        if (old !== undefined && old !== null) removeFromGroup(group.map, group.keyOf(old), key);
        addToGroup(group.map, group.keyOf(value), key);
      }
    }
    const handle = arena.write(json);
    if (oldHandle !== undefined) arena.release(oldHandle);
    // Not kept as an object: most records written are not read again soon (a create per request).
    this.hot.delete(key);
    this.records.set(key, handle);
    if (log) this.record({ s: this.nextSeq(), c: this.name, k: key, j: json });
    if (arena.wasteful) this.repack();
  }

  private remove(key: string, log: boolean): boolean {
    if (!this.records.has(key)) return false;
    const stored = this.arena === null ? this.records.get(key) : this.handleOf(key);
    const old = this.arena === null ? (stored as T | undefined) : this.fieldIndexes.size > 0 || this.groups.size > 0 ? (this.arena.read(stored as number) as T) : undefined;
    if (old !== undefined && old !== null) {
      for (const [field, index] of this.indexes) if (index.get(old[field]) === key) index.delete(old[field]);
      for (const [field, index] of this.fieldIndexes) index.remove(fieldOf(old, field), key);
      for (const group of this.groups.values()) removeFromGroup(group.map, group.keyOf(old), key);
    }
    this.records.delete(key);
    this.hot.delete(key);
    if (this.arena !== null) {
      this.arena.release(stored as number);
      if (this.arena.wasteful) this.repack();
    }
    if (log) this.record({ s: this.nextSeq(), c: this.name, k: key, d: 1 });
    return true;
  }

  private empty(log: boolean): void {
    if (this.records.size === 0) return;
    this.records.clear();
    this.hot.clear();
    if (this.arena !== null) this.arena = new RecordArena();
    for (const index of this.indexes.values()) index.clear();
    for (const index of this.fieldIndexes.values()) index.clear();
    for (const group of this.groups.values()) group.map.clear();
    if (log) this.record({ s: this.nextSeq(), c: this.name, clear: 1 });
  }

  /** Moves every record into the arena (the order of the keys stays). Field indexes are rebuilt on next use. */
  private becomeCompact(): void {
    const arena = new RecordArena();
    const records = this.records as Map<string, unknown>;
    for (const [key, value] of records) records.set(key, arena.write(JSON.stringify(value) as string | undefined));
    this.arena = arena;
    this.indexes.clear();
  }

  /** Copies the live records into a fresh arena once most of the old one is dead bytes. */
  private repack(): void {
    const old = this.arena!;
    const arena = new RecordArena();
    for (const [key, value] of this.records) {
      if (typeof value === 'number') this.records.set(key, arena.write(old.text(value)));
      else this.hot.set(key, arena.write(old.text(this.hot.get(key)!)));
    }
    this.arena = arena;
  }

  /** @internal the collection as the snapshot holds it, captured now: JSON text, or the arena's bytes. */
  snapshotPart(): string | CompactPart {
    if (this.arena === null) return JSON.stringify(Object.fromEntries(this.records));
    const handles = new Float64Array(this.records.size);
    let i = 0;
    for (const [key, value] of this.records) handles[i++] = typeof value === 'number' ? value : this.hot.get(key)!;
    return { keys: [...this.records.keys()], handles, arena: this.arena, slabs: this.arena.slabs.slice() };
  }

  /** @internal the store swaps the contents on reset (records nobody else holds); indexes are rebuilt on next use. */
  replaceRecords(records: Map<string, T>): void {
    this.records = records;
    this.arena = null;
    this.hot.clear();
    this.indexes.clear();
    this.fieldIndexes.clear();
    this.groups.clear();
    if (records.size > this.compactAbove) this.becomeCompact();
    else for (const value of records.values()) deepFreeze(value);
  }
}

/** A compact collection's entries: the map's own, with each handle read into its record on the way. */
class CompactEntries<T> implements IterableIterator<[string, T]> {
  constructor(
    private readonly inner: IterableIterator<[string, T | number]>,
    private readonly collection: Collection<T>,
  ) {}
  next(): IteratorResult<[string, T]> {
    const step = this.inner.next();
    if (!step.done && typeof step.value[1] === 'number') step.value[1] = this.collection.decode(step.value[0], step.value[1]);
    return step as IteratorResult<[string, T]>;
  }
  [Symbol.iterator](): IterableIterator<[string, T]> {
    return this;
  }
}

class CompactValues<T> implements IterableIterator<T> {
  constructor(
    private readonly inner: IterableIterator<[string, T | number]>,
    private readonly collection: Collection<T>,
  ) {}
  next(): IteratorResult<T> {
    const step = this.inner.next();
    if (step.done) return step;
    const [key, value] = step.value;
    return { done: false, value: typeof value === 'number' ? this.collection.decode(key, value) : value };
  }
  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }
}
