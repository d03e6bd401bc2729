import * as fs from 'node:fs';
import * as path from 'node:path';
import { Low, Memory } from 'lowdb';
import type { ShapedJson } from './arena';
import { Collection, type CompactPart } from './collection';
import { DurableJsonFile, nodeFs, type StoreFs } from './durable-file';
import { StoreWriteError } from './errors';
import { CompactRecords, emptyData, type Records, type StoreData } from './format';
import { acquireLock, type StoreLock } from './lock';
import { snapshotText } from './snapshot';
import { WriteAheadLog, type Change } from './wal';

export { Collection } from './collection';

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
  /**
   * Whether opening a new file writes its first (empty) snapshot at once (default true). A caller
   * that commits right after filling a new store (createSite's first run) passes false: the file is
   * then written once, with what it holds, by that first commit (which writes a snapshot).
   */
  snapshotOnCreate?: boolean;
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
  /** What to undo if the flush of `pending` fails (onCommitFailure). */
  private undos: (() => void)[] = [];
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
      // A store in memory has nothing to flush: its changes are only counted (version).
      this.file === null ? () => undefined : (change) => this.pending.push(change),
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
        // Write the first snapshot now, so the file exists (and is ours) from the first start on;
        // for a new store whose opener commits next, that commit writes it.
        store.snapshotWanted = true;
        if (options.snapshotOnCreate !== false || !store.isNew) await store.commit();
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
   * commit() when there is something to wait for: null when every change made so far is already
   * durable (nothing pending, nothing being flushed), so a caller need not wait a turn of the event
   * loop for a promise that is already resolved (the REST path answers most requests this way).
   */
  commitIfOwed(): Promise<void> | null {
    if (this.file === null) {
      this.settleInMemory();
      return null;
    }
    if (!this.dirty && this.inFlight === null) return null;
    return this.commit();
  }

  /** A memory store's commit: nothing to write, so nothing to undo or snapshot any more. */
  private settleInMemory(): void {
    this.snapshotWanted = false;
    this.undos = [];
  }

  /**
   * Resolves when every change made so far is durable; rejects with StoreWriteError when the disk
   * refuses (the changes stay queued and the next commit tries again).
   */
  commit(): Promise<void> {
    if (this.file === null) {
      this.settleInMemory();
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

  /**
   * Runs `undo` if the flush that would make the changes made so far durable fails (the requests
   * that made them are then answered 503). For a change that must leave no trace when it is not
   * acknowledged: PureWL takes back a token pair it could not make durable. `undo` runs before the
   * commit rejects; what it changes is flushed with the rest.
   */
  onCommitFailure(undo: () => void): void {
    if (this.file !== null) this.undos.push(undo);
  }

  private async flush(): Promise<void> {
    const changes = this.pending;
    const undos = this.undos;
    this.pending = [];
    this.undos = [];
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
      for (const undo of undos) {
        try {
          undo();
        } catch {
          // an undo that fails leaves its change in place: the 503 still stands
        }
      }
      throw new StoreWriteError(this.file!, e);
    }
  }

  private snapshotData(): StoreData {
    const collections: Record<string, Records> = {};
    for (const [name, collection] of this.collections) if (collection.size > 0) collections[name] = Object.fromEntries(collection.entries());
    return { ...emptyData(), seq: this.seq, collections };
  }

  /** The snapshot file's text, captured now (see snapshot.ts). */
  private snapshotParts(): Iterable<string | Buffer | ShapedJson> {
    const parts: [string, string | CompactPart][] = [];
    for (const [name, collection] of this.collections) if (collection.size > 0) parts.push([name, collection.snapshotPart()]);
    return snapshotText(this.seq, parts);
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
   * The same without copying the records: the store's own records, frozen (changing one throws), in
   * new containers (the caller may add or drop collections and keys). For a caller that copies
   * anyway, as `put` does: the site's baseline for reset() (one copy of the state, not two).
   */
  exportRecords(): StoreData {
    return this.snapshotData();
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
    this.undos = [];
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
