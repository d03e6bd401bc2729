import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StoreLockedError } from './errors';

/** What a process holding a store writes into `<file>.lock`: who it is and where to reach it. */
export interface LockInfo {
  pid: number;
  /** The server's control socket, where the command line sends its commands while the server runs. */
  socket?: string;
  startedAt: string;
  /** Random, different for every acquisition: tells one lock file from another with the same pid. */
  instance?: string;
}

export function lockPath(file: string): string {
  return `${file}.lock`;
}

/*
 * One writer per file, under races (issue 21: ten servers started at once on a stale lock, two ended
 * up listening). The rules:
 *
 * - A lock file only ever appears whole: it is written to a private temporary file first and put in
 *   place with link(2), which fails with EEXIST when a lock is there (an exclusive create that is
 *   never seen half-written). Updates replace it with rename(2), also whole.
 * - A lock is stale when its process is gone. A lock that cannot be read as a lock (another program's
 *   file, a pre-link version's half write) is stale only once it is older than UNREADABLE_GRACE_MS.
 * - Taking over a stale lock is the only delicate step: "read it, see it is stale, delete it" lets a
 *   slow competitor delete a lock another process has just made. So a process that judged the lock
 *   with contents C stale first claims the right to remove it: link(lock, `<lock>.breaking.<hash(C)>`).
 *   The link is exclusive among everyone who judged the same C stale, and it names whatever file is
 *   the lock *now*: if that file's contents are no longer C (someone already took over), the claim is
 *   dropped and the process starts again. Otherwise nobody else can remove the lock while the claim
 *   is held (the dead owner cannot, other breakers of C fail to link), so checking that the lock is
 *   still the claimed file and unlinking it cannot be interleaved. Then the claim is removed and the
 *   process tries the exclusive create again, against every other competitor.
 * - A claim left by a process that died in the middle of a takeover (microseconds) is removed by the
 *   next process once it is older than UNREADABLE_GRACE_MS.
 */

/** How old an unreadable lock or a leftover takeover claim must be before it is treated as stale. */
export const UNREADABLE_GRACE_MS = 10_000;
const MAX_ATTEMPTS = 20;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as LockInfo;
    return info !== null && typeof info === 'object' && Number.isInteger(info.pid) && info.pid > 0 ? info : null;
  } catch {
    return null;
  }
}

/** What is at the lock path now: its raw contents and its age, or null when there is none. */
function peek(target: string): { text: string; info: LockInfo | null; ageMs: number } | null {
  let fd: number;
  try {
    fd = fs.openSync(target, 'r');
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    const text = fs.readFileSync(fd, 'utf8');
    return { text, info: parseLock(text), ageMs: Date.now() - stat.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether this lock content belongs to a live process other than this one. */
function heldByOther(info: LockInfo | null): boolean {
  return info !== null && info.pid !== process.pid && isAlive(info.pid);
}

/** The live holder of the store's lock, or null when the file is free (a stale lock counts as free). */
export function readLock(file: string): LockInfo | null {
  const found = peek(lockPath(file));
  return found && heldByOther(found.info) ? found.info : null;
}

export interface StoreLock {
  update(info: Partial<LockInfo>): void;
  release(): void;
}

let tempCounter = 0;

/** Writes `text` to a new private file beside `target` and returns its name. */
function writeTemp(target: string, text: string): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++tempCounter}.${randomBytes(4).toString('hex')}.tmp`);
  fs.writeFileSync(temp, text, { flag: 'wx', mode: 0o600 });
  return temp;
}

function unlinkQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Puts a whole lock file in place if there is none: true when it is ours. */
function createExclusive(target: string, text: string): boolean {
  const temp = writeTemp(target, text);
  try {
    fs.linkSync(temp, target);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkQuietly(temp);
  }
}

/**
 * Removes the lock at `target` if it is still the stale one whose contents were `staleText`; does
 * nothing when another process got there first. Never removes any other lock file (see above).
 */
export function breakStale(target: string, staleText: string): void {
  const claim = `${target}.breaking.${createHash('sha256').update(staleText).digest('hex').slice(0, 32)}`;
  try {
    fs.linkSync(target, claim);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // the lock is gone already
    if (code !== 'EEXIST') throw e;
    // Another process is taking it over right now, or died doing so long ago.
    try {
      if (Date.now() - fs.lstatSync(claim).ctimeMs > UNREADABLE_GRACE_MS) unlinkQuietly(claim);
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    const claimed = fs.statSync(claim);
    if (fs.readFileSync(claim, 'utf8') !== staleText) return; // a new lock was made meanwhile: leave it
    const current = fs.statSync(target, { throwIfNoEntry: false });
    if (current && current.ino === claimed.ino && current.dev === claimed.dev) fs.unlinkSync(target);
  } finally {
    unlinkQuietly(claim);
  }
}

/**
 * Takes `<file>.lock` or throws StoreLockedError naming the live holder. A lock left by a process that
 * died (SIGKILL, power cut) is taken over, atomically with respect to every other process doing the same.
 */
export function acquireLock(file: string): StoreLock {
  const target = lockPath(file);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), instance: randomBytes(12).toString('hex') };
  let unreadable = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) pause(5 * attempt); // let a competitor in the middle of a takeover finish
    if (createExclusive(target, JSON.stringify(info))) return heldLock(target, () => info, (next) => (info = next));
    const found = peek(target);
    if (found === null) continue; // removed between our create and our read: try again
    if (heldByOther(found.info)) throw new StoreLockedError(file, found.info!.pid);
    unreadable = found.info === null;
    if (unreadable && found.ageMs < UNREADABLE_GRACE_MS) continue; // never judged stale while it may still be being written
    breakStale(target, found.text);
  }
  const holder = readLock(file);
  throw new StoreLockedError(file, holder?.pid ?? -1, unreadable ? `${target} cannot be read as a lock; if no server uses this store, remove that file` : undefined);
}

/** Blocks for `ms` (start-up only: acquiring a lock is synchronous). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function heldLock(target: string, current: () => LockInfo, set: (info: LockInfo) => void): StoreLock {
  let released = false;
  const ours = (): boolean => {
    const found = peek(target);
    return found !== null && found.info?.pid === process.pid && found.info.instance === current().instance;
  };
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (ours()) unlinkQuietly(target);
  };
  process.on('exit', release);
  return {
    update(extra) {
      const next = { ...current(), ...extra, pid: process.pid, instance: current().instance };
      set(next);
      if (released || !ours()) return;
      // Replaced whole (rename), so a reader never sees a half-written lock.
      const temp = writeTemp(target, JSON.stringify(next));
      try {
        fs.renameSync(temp, target);
      } catch (e) {
        unlinkQuietly(temp);
        throw e;
      }
    },
    release,
  };
}
