import * as fs from 'node:fs';
import { StoreLockedError, StoreOpenError } from './errors';
import { parseData } from './format';
import { acquireLock, readLock, type LockInfo } from './lock';
import { WriteAheadLog } from './wal';

/**
 * The store's files seen from outside a running store: what `wp-token-emulator store check|reset`
 * and the server's start need, so that nothing but core/store reads, sizes or moves them.
 */

/** The write-ahead log beside a store file. */
export function walPath(file: string): string {
  return `${file}.wal`;
}

/** Bytes the store's snapshot and log take on disk (0 for files that do not exist). */
export function storeBytesOnDisk(file: string): number {
  let bytes = 0;
  for (const f of [file, walPath(file)]) {
    try {
      bytes += fs.statSync(f).size;
    } catch {
      // no such file
    }
  }
  return bytes;
}

export type SnapshotCheck =
  | { state: 'missing' }
  | { state: 'unreadable'; code: string }
  | { state: 'corrupt'; reason: string }
  | { state: 'ok'; schemaVersion: number; collections: number; records: number; seq: number };

export type LogCheck =
  | { state: 'missing' }
  | { state: 'corrupt'; reason: string }
  | { state: 'ok'; changes: number; tornBytes: number };

export interface StoreCheck {
  file: string;
  wal: string;
  /** A live process holding the store, if any: the check is then a look at what is on disk now. */
  holder: LockInfo | null;
  snapshot: SnapshotCheck;
  /** Not looked at when the snapshot is corrupt or unreadable (the start stops there). */
  log: LogCheck | null;
}

/** Reads the store file and its log as a start would, without opening, locking or changing anything. */
export async function checkStoreFiles(file: string): Promise<StoreCheck> {
  const wal = walPath(file);
  const result: StoreCheck = { file, wal, holder: readLock(file), snapshot: { state: 'missing' }, log: null };
  let seq = 0;
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      result.snapshot = { state: 'unreadable', code: code ?? (e as Error).message };
      return result;
    }
  }
  if (text !== null) {
    try {
      const data = parseData(file, text);
      seq = data.seq;
      const collections = Object.values(data.collections);
      const records = collections.reduce((n, r) => n + Object.keys(r).length, 0);
      result.snapshot = { state: 'ok', schemaVersion: data.schemaVersion, collections: collections.length, records, seq };
    } catch (e) {
      if (!(e instanceof StoreOpenError)) throw e;
      result.snapshot = { state: 'corrupt', reason: e.reason };
      return result;
    }
  }
  try {
    const log = await new WriteAheadLog(wal).read(seq);
    result.log = log.totalBytes === 0 && !fs.existsSync(wal) ? { state: 'missing' } : { state: 'ok', changes: log.changes.length, tornBytes: log.totalBytes - log.goodBytes };
  } catch (e) {
    if (!(e instanceof StoreOpenError)) throw e;
    result.log = { state: 'corrupt', reason: e.reason };
  }
  return result;
}

/** The store's files that exist now (snapshot, log). */
export function presentStoreFiles(file: string): string[] {
  return [file, walPath(file)].filter((f) => fs.existsSync(f));
}

/** A name beside `file` that does not exist yet: `<file>.<stamp><suffix>`, `-2`, `-3`, ... when taken. */
function freeName(file: string, stamp: string, suffix: string): string {
  let candidate = `${file}.${stamp}${suffix}`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${file}.${stamp}-${n}${suffix}`;
  return candidate;
}

/**
 * Moves the store file and its log aside (`<file>.<stamp>.bak`, `<file>.<stamp>.wal.bak`), holding
 * the store's lock while it does, so a server starting at that moment finds a whole store or none.
 * Throws StoreLockedError while a live process holds the store. Nothing is deleted.
 */
export function moveStoreAside(file: string, stamp: string): Array<[from: string, to: string]> {
  const holder = readLock(file);
  if (holder) throw new StoreLockedError(file, holder.pid);
  const lock = acquireLock(file);
  try {
    const wal = walPath(file);
    const moves: Array<[string, string]> = [];
    if (fs.existsSync(file)) moves.push([file, freeName(file, stamp, '.bak')]);
    if (fs.existsSync(wal)) moves.push([wal, freeName(file, stamp, '.wal.bak')]);
    for (const [from, to] of moves) fs.renameSync(from, to);
    return moves;
  } finally {
    lock.release();
  }
}
