import * as fs from 'node:fs';
import { StoreLockedError } from './errors';

/** What a process holding a store writes into `<file>.lock`: who it is and where to reach it. */
export interface LockInfo {
  pid: number;
  /** The server's control socket, where the command line sends its commands while the server runs. */
  socket?: string;
  startedAt: string;
}

export function lockPath(file: string): string {
  return `${file}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the store's lock, or null when the file is free (a stale lock counts as free). */
export function readLock(file: string): LockInfo | null {
  let info: LockInfo;
  try {
    info = JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
  if (typeof info?.pid !== 'number' || info.pid === process.pid || !isAlive(info.pid)) return null;
  return info;
}

export interface StoreLock {
  update(info: Partial<LockInfo>): void;
  release(): void;
}

/**
 * One writer per file: takes `<file>.lock` or throws StoreLockedError naming the live holder.
 * A lock left by a process that died (SIGKILL, power cut) is taken over.
 */
export function acquireLock(file: string): StoreLock {
  const target = lockPath(file);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(target, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          const current = JSON.parse(fs.readFileSync(target, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(target);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return {
        update(extra) {
          info = { ...info, ...extra };
          fs.writeFileSync(target, JSON.stringify(info), { mode: 0o600 });
        },
        release,
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(file);
      if (holder) throw new StoreLockedError(file, holder.pid);
      try {
        fs.unlinkSync(target); // stale: its process is gone
      } catch {
        // someone else removed it first; try again
      }
    }
  }
  throw new StoreLockedError(file, -1);
}
