import * as fs from 'node:fs';
import * as path from 'node:path';
import { Low, Memory } from 'lowdb';
import { RecordArena, UNDEFINED_HANDLE, hashString } from './arena';
import { DurableJsonFile, nodeFs, type StoreFs } from './durable-file';
import { StoreWriteError } from './errors';
import { CompactRecords, emptyData, type Records, type StoreData } from './format';
import { acquireLock, type StoreLock } from './lock';
import { WriteAheadLog, type Change } from './wal';

export interface StoreOptions {
  /** Path of the JSON file, or null / ':memory:' for a store that lives only in memory (tests). */
  file?: string | null;
  /** Take `<file>.lock` so no second process writes the same file (default true for files). */
  lock?: boolean;
  /** Rewrite the snapshot once the write-ahead log holds this many changes (default 50,000). */
  compactAfterChanges?: number;
  /** File-system calls, replaceable so tests can make the disk fail. */
  fs?: StoreFs;
  /**
   * A collection holding more records than this keeps them as JSON outside the V8 heap (see
   * arena.ts) and parses a record each time it is read (default 1,000; 0: every collection).
   */
  compactAbove?: number;
}

type IndexMap = Map<unknown, string>;

/** How many records a compact collection keeps as objects, those last read. */
const HOT_RECORDS = 1_000;

/** The keys of the records whose field has a value: strings by their hash, other values as they are. */
class FieldIndex {
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

function fieldOf(record: unknown, field: PropertyKey): unknown {
  return record !== null && typeof record === 'object' ? (record as Record<PropertyKey, unknown>)[field] : undefined;
}

/** A compact collection's records at one moment, for the snapshot writer. */
interface CompactPart {
  keys: string[];
  handles: Float64Array;
  arena: RecordArena;
  slabs: Buffer[];
}

/**
 * One named set of records keyed by string. Reads are from memory; every change is recorded for
 * the next flush. Values are stored as given: after changing a record, `put` it again.
 *
 * A collection larger than the store's `compactAbove` keeps each record as its JSON in an arena
 * outside the V8 heap, and its field indexes keep hashes of the values, not the values. The last
 * HOT_RECORDS records read stay objects (a scan of the oldest records on every request, as token
 * purges do, parses nothing); any other read is a fresh copy, so a record changed without being
 * put again may lose the change.
 */
export class Collection<T> {
  private readonly indexes = new Map<keyof T, IndexMap>();
  /** Field indexes of a compact collection. */
  private readonly fieldIndexes = new Map<keyof T, FieldIndex>();
  /** Multi-valued indexes by name: a derived key (lower-cased login, owner id) to the keys of every record that has it. */
  private readonly groups = new Map<string, { keyOf: (record: T) => unknown; map: Map<unknown, Set<string>> }>();
  /** Set when the collection is compact: `records` then maps each key to an arena handle. */
  private arena: RecordArena | null = null;
  /**
   * The arena handles of a compact collection's records that `records` holds as objects for now
   * (those lately read); when there are HOT_RECORDS of them they all go back to handles.
   */
  private readonly hot = new Map<string, number>();
  /** Records by key; in a compact collection a number is an arena handle, an object a record read lately. */
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
  }

  get size(): number {
    return this.records.size;
  }
  get(key: string): T | undefined {
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
  values(): IterableIterator<T> {
    if (this.arena === null) return (this.records as Map<string, T>).values();
    return new CompactValues(this.records.entries(), this);
  }
  entries(): IterableIterator<[string, T]> {
    if (this.arena === null) return (this.records as Map<string, T>).entries();
    return new CompactEntries(this.records.entries(), this);
  }
  /** @internal the record of an arena handle, kept as an object for a while when it is one. */
  decode(key: string, handle: number): T {
    const value = this.arena!.read(handle) as T;
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
  find(predicate: (value: T, key: string) => boolean): T | undefined {
    for (const [key, value] of this.entries()) if (predicate(value, key)) return value;
    return undefined;
  }
  filter(predicate: (value: T, key: string) => boolean): T[] {
    const out: T[] = [];
    for (const [key, value] of this.entries()) if (predicate(value, key)) out.push(value);
    return out;
  }

  /** The record whose `field` equals `value`, through an index built on first use and kept up to date. */
  findBy<K extends keyof T>(field: K, value: T[K]): T | undefined {
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

  private findCompact<K extends keyof T>(field: K, value: T[K]): T | undefined {
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
  findAllBy(name: string, keyOf: (record: T) => unknown, value: unknown): T[] {
    let group = this.groups.get(name);
    if (!group) {
      group = { keyOf, map: new Map() };
      for (const [key, record] of this.entries()) addToGroup(group.map, keyOf(record), key);
      this.groups.set(name, group);
    }
    const keys = group.map.get(value);
    if (keys === undefined) return [];
    const out: T[] = [];
    for (const key of keys) out.push(this.get(key)!);
    return out;
  }

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

  private set(key: string, value: T, log: boolean): void {
    const arena = this.arena;
    if (arena === null) {
      const old = this.records.get(key) as T | undefined;
      for (const [field, index] of this.indexes) {
        if (old !== undefined && old !== null && index.get(old[field]) === key) index.delete(old[field]);
        index.set(value[field], key);
      }
      for (const group of this.groups.values()) {
        if (old !== undefined && old !== null) removeFromGroup(group.map, group.keyOf(old), key);
        addToGroup(group.map, group.keyOf(value), key);
      }
      this.records.set(key, value);
      if (log) this.record({ s: this.nextSeq(), c: this.name, k: key, v: value });
      if (this.records.size > this.compactAbove) this.becomeCompact();
      return;
    }
    // Serialised once: the same text is kept in the arena and written to the log.
    const json = JSON.stringify(value) as string | undefined;
    const oldHandle = this.handleOf(key);
    if (this.fieldIndexes.size > 0 || this.groups.size > 0) {
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
    return {
      keys: [...this.records.keys()],
      handles: this.handles(),
      arena: this.arena,
      slabs: this.arena.slabs.slice(),
    };
  }

  private handles(): Float64Array {
    const out = new Float64Array(this.records.size);
    let i = 0;
    for (const [key, value] of this.records) out[i++] = typeof value === 'number' ? value : this.hot.get(key)!;
    return out;
  }

  /** @internal the store swaps the contents on reset; indexes are rebuilt on next use. */
  replaceRecords(records: Map<string, T>): void {
    this.records = records;
    this.arena = null;
    this.hot.clear();
    this.indexes.clear();
    this.fieldIndexes.clear();
    this.groups.clear();
    if (records.size > this.compactAbove) this.becomeCompact();
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

function addToGroup(map: Map<unknown, Set<string>>, value: unknown, key: string): void {
  const keys = map.get(value);
  if (keys) keys.add(key);
  else map.set(value, new Set([key]));
}

function removeFromGroup(map: Map<unknown, Set<string>>, value: unknown, key: string): void {
  const keys = map.get(value);
  if (!keys) return;
  keys.delete(key);
  if (keys.size === 0) map.delete(value);
}

/**
 * The emulator's one place that writes to disk. A lowdb database of collections, kept in memory;
 * changes are appended to a write-ahead log and flushed with group commit: `commit()` resolves once a
 * flush that holds every change made so far is on disk (written and fsynced), and all changes made
 * while a flush runs share the next one. The lowdb snapshot (compact JSON, temp file + fsync + rename)
 * is rewritten when the log grows long, on reset and on close.
 */
export class Store {
  private readonly collections = new Map<string, Collection<unknown>>();
  private pending: Change[] = [];
  private seq: number;
  private snapshotWanted = false;
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private closed = false;
  /** The last flush failed: the changes are kept and retried by the next commit. */
  degraded: Error | null = null;

  private constructor(
    private readonly db: Low<StoreData>,
    readonly file: string | null,
    private readonly wal: WriteAheadLog | null,
    private readonly lock: StoreLock | null,
    private readonly compactAfterChanges: number,
    /** True when the store was created by this open (first run). */
    readonly isNew: boolean,
    private readonly compactAbove: number,
  ) {
    this.seq = db.data.seq;
    for (const [name, records] of Object.entries(db.data.collections)) {
      if (records instanceof CompactRecords) {
        this.makeCollection(name, records);
        continue;
      }
      const map = new Map<string, unknown>();
      for (const key in records) if (Object.prototype.hasOwnProperty.call(records, key)) map.set(key, records[key]);
      this.makeCollection(name, map);
      // Let the parsed records go as soon as the collection holds them (a compact one keeps only text).
      delete db.data.collections[name];
    }
    // The collections are the data from now on (snapshots are built from them): lowdb's parsed copy
    // of the file would only keep a second copy of every record alive.
    db.data.collections = {};
  }

  private makeCollection(name: string, map: Map<string, unknown> | CompactRecords): Collection<unknown> {
    const collection = new Collection<unknown>(
      name,
      map,
      (change) => this.pending.push(change),
      () => ++this.seq,
      this.compactAbove,
    );
    this.collections.set(name, collection);
    return collection;
  }

  /**
   * Opens (or creates) the store. A file that cannot be read, is not JSON, is empty or truncated,
   * belongs to another program or schema version throws StoreOpenError naming the file, and is not touched.
   */
  static async open(options: StoreOptions = {}): Promise<Store> {
    const file = options.file && options.file !== ':memory:' ? path.resolve(options.file) : null;
    const compactAfter = options.compactAfterChanges ?? 50_000;
    const compactAbove = options.compactAbove ?? 1_000;
    if (file === null) {
      const db = new Low<StoreData>(new Memory<StoreData>(), emptyData());
      return new Store(db, null, null, null, compactAfter, true, compactAbove);
    }
    const storeFs = options.fs ?? nodeFs;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lock = options.lock === false ? null : acquireLock(file);
    try {
      const adapter = new DurableJsonFile(file, storeFs, compactAbove);
      const db = new Low<StoreData>(adapter, emptyData());
      await db.read();
      const existed = fs.existsSync(file);
      const wal = new WriteAheadLog(`${file}.wal`, storeFs);
      const log = await wal.read(db.data.seq);
      const store = new Store(db, file, wal, lock, compactAfter, !existed && log.changes.length === 0, compactAbove);
      for (const change of log.changes) store.apply(change);
      await wal.open(log.goodBytes, log.totalBytes, log.changes.length);
      if (!existed) {
        // Write the first snapshot now, so the file exists (and is ours) from the first start on.
        store.snapshotWanted = true;
        await store.commit();
      }
      return store;
    } catch (e) {
      lock?.release();
      throw e;
    }
  }

  /** A collection by name; namespaces prefix theirs (`availo.accounts`). Created empty on first use. */
  collection<T>(name: string): Collection<T> {
    return (this.collections.get(name) ?? this.makeCollection(name, new Map())) as Collection<T>;
  }

  /** A counter that moves with every change (put, delete, clear, replaceAll): equal values mean nothing changed in between. */
  get version(): number {
    return this.seq;
  }

  /** Whether a flush is owed: changes made since the last durable one. */
  get dirty(): boolean {
    return this.pending.length > 0 || this.snapshotWanted;
  }

  /**
   * Resolves when every change made so far is durable; rejects with StoreWriteError when the disk
   * refuses (the changes stay queued and the next commit tries again).
   */
  commit(): Promise<void> {
    if (this.file === null) {
      this.pending.length = 0;
      this.snapshotWanted = false;
      return Promise.resolve();
    }
    if (!this.dirty) return this.inFlight ?? Promise.resolve();
    if (!this.inFlight) {
      const flush = this.flush().finally(() => {
        if (this.inFlight === flush) this.inFlight = null;
      });
      this.inFlight = flush;
      return flush;
    }
    if (!this.queued) {
      this.queued = this.inFlight
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.commit();
        });
    }
    return this.queued;
  }

  private async flush(): Promise<void> {
    const changes = this.pending;
    this.pending = [];
    const snapshot = this.snapshotWanted || (this.wal !== null && this.wal.count + changes.length >= this.compactAfterChanges);
    this.snapshotWanted = false;
    try {
      if (snapshot) {
        // Captured synchronously, so the snapshot is one moment: every change up to this.seq.
        await (this.db.adapter as DurableJsonFile).writeParts(this.snapshotParts());
        await this.wal!.reset();
      } else if (changes.length > 0) {
        await this.wal!.append(changes);
      }
      this.degraded = null;
    } catch (e) {
      // Nothing half-written stays on disk (temp file removed, log cut back); keep the changes for the next try.
      this.pending = changes.concat(this.pending);
      if (snapshot) this.snapshotWanted = true;
      this.degraded = e as Error;
      throw new StoreWriteError(this.file!, e);
    }
  }

  private snapshotData(): StoreData {
    const collections: Record<string, Records> = {};
    for (const [name, collection] of this.collections) if (collection.size > 0) collections[name] = Object.fromEntries(collection.entries());
    return { ...emptyData(), seq: this.seq, collections };
  }

  /**
   * The snapshot file's text in parts, the same JSON as `JSON.stringify(snapshotData())`. Captured
   * now (small collections as text, compact ones as their keys, handles and slabs, which do not
   * change), produced while the file is written: a large store never becomes one string.
   */
  private snapshotParts(): Iterable<string | Buffer> {
    const head = JSON.stringify({ ...emptyData(), seq: this.seq, collections: {} }).slice(0, -2);
    const parts: [string, string | CompactPart][] = [];
    for (const [name, collection] of this.collections) if (collection.size > 0) parts.push([name, collection.snapshotPart()]);
    return (function* () {
      yield head;
      let first = true;
      for (const [name, part] of parts) {
        yield (first ? '' : ',') + JSON.stringify(name) + ':';
        first = false;
        if (typeof part === 'string') {
          yield part;
          continue;
        }
        yield '{';
        let firstRecord = true;
        for (let i = 0; i < part.keys.length; i++) {
          const handle = part.handles[i]!;
          if (handle === UNDEFINED_HANDLE) continue; // JSON.stringify leaves out an undefined value
          yield (firstRecord ? '' : ',') + JSON.stringify(part.keys[i]) + ':';
          yield part.arena.bytes(handle, part.slabs);
          firstRecord = false;
        }
        yield '}';
      }
      yield '}}';
    })();
  }

  private apply(change: Change): void {
    this.collection(change.c).replay(change);
    this.seq = Math.max(this.seq, change.s);
  }

  /** Every record of every collection, as the file would hold it (a deep copy). */
  exportData(): StoreData {
    return JSON.parse(JSON.stringify(this.snapshotData())) as StoreData;
  }

  /**
   * Replaces every collection at once (reset, restore). The next commit writes a whole snapshot.
   * Collections not named in `collections` are emptied.
   */
  replaceAll(collections: Record<string, Records>): void {
    const copy = JSON.parse(JSON.stringify(collections)) as Record<string, Records>;
    for (const name of new Set([...this.collections.keys(), ...Object.keys(copy)])) {
      const map = new Map(Object.entries(copy[name] ?? {}));
      const collection = this.collections.get(name);
      if (collection) collection.replaceRecords(map);
      else this.makeCollection(name, map);
    }
    this.pending = [];
    this.seq++;
    this.snapshotWanted = true;
  }

  /** Flushes, writes a final snapshot and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.file !== null && this.wal !== null && (this.dirty || this.wal.count > 0)) {
        this.snapshotWanted = true;
        await this.commit();
      }
    } finally {
      await this.wal?.close();
      this.lock?.release();
    }
  }

  /**
   * Gives up a store this process has just created (a first run that failed half-way): removes its
   * files and releases the lock, so the next start begins from nothing instead of a half-made store.
   * A store that existed before this open is closed normally instead; its file is never removed.
   */
  async discard(): Promise<void> {
    if (!this.isNew || this.file === null) return this.close();
    if (this.closed) return;
    this.closed = true;
    await this.inFlight?.catch(() => undefined);
    await this.wal?.close();
    for (const file of [this.file, `${this.file}.wal`]) {
      try {
        fs.unlinkSync(file);
      } catch {
        // already gone
      }
    }
    this.lock?.release();
  }

  /** Records what another process needs to reach the holder of this store (the control socket). */
  advertise(info: { socket?: string }): void {
    this.lock?.update(info);
  }
}
