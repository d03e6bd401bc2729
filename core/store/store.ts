import * as fs from 'node:fs';
import * as path from 'node:path';
import { Low, Memory } from 'lowdb';
import { DurableJsonFile, nodeFs, type StoreFs } from './durable-file';
import { StoreWriteError } from './errors';
import { emptyData, type Records, type StoreData } from './format';
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
}

type IndexMap = Map<unknown, string>;

/**
 * One named set of records keyed by string. Reads are from memory; every change is recorded for
 * the next flush. Values are stored as given: after changing a record, `put` it again.
 */
export class Collection<T> {
  private readonly indexes = new Map<keyof T, IndexMap>();
  /** Multi-valued indexes by name: a derived key (lower-cased login, owner id) to the keys of every record that has it. */
  private readonly groups = new Map<string, { keyOf: (record: T) => unknown; map: Map<unknown, Set<string>> }>();

  constructor(
    readonly name: string,
    private records: Map<string, T>,
    private readonly record: (change: Change) => void,
    private readonly nextSeq: () => number,
  ) {}

  get size(): number {
    return this.records.size;
  }
  get(key: string): T | undefined {
    return this.records.get(key);
  }
  has(key: string): boolean {
    return this.records.has(key);
  }
  keys(): IterableIterator<string> {
    return this.records.keys();
  }
  values(): IterableIterator<T> {
    return this.records.values();
  }
  entries(): IterableIterator<[string, T]> {
    return this.records.entries();
  }
  find(predicate: (value: T, key: string) => boolean): T | undefined {
    for (const [key, value] of this.records) if (predicate(value, key)) return value;
    return undefined;
  }
  filter(predicate: (value: T, key: string) => boolean): T[] {
    const out: T[] = [];
    for (const [key, value] of this.records) if (predicate(value, key)) out.push(value);
    return out;
  }

  /** The record whose `field` equals `value`, through an index built on first use and kept up to date. */
  findBy<K extends keyof T>(field: K, value: T[K]): T | undefined {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const [key, record] of this.records) index.set(record[field], key);
      this.indexes.set(field, index);
    }
    const key = index.get(value);
    return key === undefined ? undefined : this.records.get(key);
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
      for (const [key, record] of this.records) addToGroup(group.map, keyOf(record), key);
      this.groups.set(name, group);
    }
    const keys = group.map.get(value);
    if (keys === undefined) return [];
    const out: T[] = [];
    for (const key of keys) out.push(this.records.get(key)!);
    return out;
  }

  put(key: string, value: T): void {
    const old = this.records.get(key);
    for (const [field, index] of this.indexes) {
      if (old !== undefined && old !== null && index.get(old[field]) === key) index.delete(old[field]);
      index.set(value[field], key);
    }
    for (const group of this.groups.values()) {
      if (old !== undefined && old !== null) removeFromGroup(group.map, group.keyOf(old), key);
      addToGroup(group.map, group.keyOf(value), key);
    }
    this.records.set(key, value);
    this.record({ s: this.nextSeq(), c: this.name, k: key, v: value });
  }

  delete(key: string): boolean {
    const old = this.records.get(key);
    if (!this.records.has(key)) return false;
    if (old !== undefined && old !== null) {
      for (const [field, index] of this.indexes) if (index.get(old[field]) === key) index.delete(old[field]);
      for (const group of this.groups.values()) removeFromGroup(group.map, group.keyOf(old), key);
    }
    this.records.delete(key);
    this.record({ s: this.nextSeq(), c: this.name, k: key, d: 1 });
    return true;
  }

  clear(): void {
    if (this.records.size === 0) return;
    this.records.clear();
    for (const index of this.indexes.values()) index.clear();
    for (const group of this.groups.values()) group.map.clear();
    this.record({ s: this.nextSeq(), c: this.name, clear: 1 });
  }

  /** @internal the store swaps the contents on reset; indexes are rebuilt on next use. */
  replaceRecords(records: Map<string, T>): void {
    this.records = records;
    this.indexes.clear();
    this.groups.clear();
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
  private readonly maps = new Map<string, Map<string, unknown>>();
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
  ) {
    this.seq = db.data.seq;
    for (const [name, records] of Object.entries(db.data.collections)) {
      const map = new Map<string, unknown>();
      for (const key in records) if (Object.prototype.hasOwnProperty.call(records, key)) map.set(key, records[key]);
      this.maps.set(name, map);
    }
    // The maps are the data from now on (snapshots are built from them): lowdb's parsed copy of the
    // file would only keep a second index of every record alive (a few MB with 100,000 records).
    db.data.collections = {};
  }

  /**
   * Opens (or creates) the store. A file that cannot be read, is not JSON, is empty or truncated,
   * belongs to another program or schema version throws StoreOpenError naming the file, and is not touched.
   */
  static async open(options: StoreOptions = {}): Promise<Store> {
    const file = options.file && options.file !== ':memory:' ? path.resolve(options.file) : null;
    const compactAfter = options.compactAfterChanges ?? 50_000;
    if (file === null) {
      const db = new Low<StoreData>(new Memory<StoreData>(), emptyData());
      return new Store(db, null, null, null, compactAfter, true);
    }
    const storeFs = options.fs ?? nodeFs;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lock = options.lock === false ? null : acquireLock(file);
    try {
      const adapter = new DurableJsonFile(file, storeFs);
      const db = new Low<StoreData>(adapter, emptyData());
      await db.read();
      const existed = fs.existsSync(file);
      const wal = new WriteAheadLog(`${file}.wal`, storeFs);
      const log = await wal.read(db.data.seq);
      const store = new Store(db, file, wal, lock, compactAfter, !existed && log.changes.length === 0);
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
    let collection = this.collections.get(name);
    if (!collection) {
      let map = this.maps.get(name);
      if (!map) {
        map = new Map();
        this.maps.set(name, map);
      }
      collection = new Collection<unknown>(
        name,
        map,
        (change) => this.pending.push(change),
        () => ++this.seq,
      );
      this.collections.set(name, collection);
    }
    return collection as Collection<T>;
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
        // Serialised synchronously, so the snapshot is one moment: every change up to this.seq.
        const text = JSON.stringify(this.snapshotData());
        await (this.db.adapter as DurableJsonFile).writeText(text);
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
    for (const [name, map] of this.maps) if (map.size > 0) collections[name] = Object.fromEntries(map);
    return { ...emptyData(), seq: this.seq, collections };
  }

  private apply(change: Change): void {
    let map = this.maps.get(change.c);
    if (!map) {
      map = new Map();
      this.maps.set(change.c, map);
    }
    if ('clear' in change) map.clear();
    else if ('d' in change) map.delete(change.k);
    else map.set(change.k, change.v);
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
    for (const name of new Set([...this.maps.keys(), ...Object.keys(copy)])) {
      const map = new Map(Object.entries(copy[name] ?? {}));
      this.maps.set(name, map);
      (this.collections.get(name) as Collection<unknown> | undefined)?.replaceRecords(map);
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
