import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { ShapedJson } from './arena';
import { StoreOpenError } from './errors';
import { readData, type StoreData } from './format';

/**
 * The file-system calls the store makes, gathered so a test can make the disk fail on purpose.
 * Every one is the node:fs/promises call of the same name.
 */
export interface StoreFs {
  readFile(file: string): Promise<string>;
  /** The file's bytes (the snapshot is read this way when given, so a large one is never one string). */
  readBytes?(file: string): Promise<Buffer>;
  open(file: string, flags: string): Promise<fsp.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

const WRITE_CHUNK = 1 << 20;

export const nodeFs: StoreFs = {
  readFile: (file) => fsp.readFile(file, 'utf8'),
  readBytes: (file) => fsp.readFile(file),
  open: (file, flags) => fsp.open(file, flags, 0o600),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
};

/** fsync a directory so that a rename in it survives a power cut. Not every file system allows it. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A record kept by shape as its own buffer (one larger than the write chunk). */
function bytesOf(part: ShapedJson): Buffer {
  const buffer = Buffer.allocUnsafe(part.length);
  part.copyTo(buffer, 0);
  return buffer;
}

/**
 * lowdb adapter for the store's snapshot: compact JSON, written to a temporary file, fsynced and
 * renamed over the old one, so a reader (or a crash) only ever sees a whole file.
 *
 * It is one by shape (read and write), checked where lowdb takes it (`new Low<StoreData>(adapter)` in
 * store.ts), not with `implements Adapter`: that would put a type import of lowdb, an ES module
 * only, into this file's published declaration, and a strict CommonJS consumer under
 * `moduleResolution: node16` without skipLibCheck would get TS1541 there (tests/consumer).
 */
export class DurableJsonFile {
  constructor(
    readonly file: string,
    private readonly fs: StoreFs = nodeFs,
    /** Collections with more records than this are read straight into an arena (see format.ts readData). */
    private readonly compactAbove = Infinity,
  ) {}

  async read(): Promise<StoreData | null> {
    let bytes: Buffer;
    try {
      bytes = this.fs.readBytes ? await this.fs.readBytes(this.file) : Buffer.from(await this.fs.readFile(this.file), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new StoreOpenError(this.file, `the file cannot be read (${code ?? (e as Error).message})`);
    }
    return readData(this.file, bytes, this.compactAbove);
  }

  async write(data: StoreData): Promise<void> {
    await this.writeText(JSON.stringify(data));
  }

  /** Writes already-serialised JSON (the store serialises once, synchronously, to capture one moment). */
  async writeText(text: string): Promise<void> {
    await this.replace((handle) => handle.writeFile(text, 'utf8'));
  }

  /**
   * Writes the file as the concatenation of `parts`, through one 1 MB buffer: a store of 100,000
   * records is never one 40 MB string; a record kept by shape (arena.ts) writes itself into it. The
   * parts must not change while this runs (the store hands over text and views of append-only slabs
   * captured at one moment).
   */
  async writeParts(parts: Iterable<string | Buffer | ShapedJson>): Promise<void> {
    await this.replace(async (handle) => {
      const chunk = Buffer.allocUnsafeSlow(WRITE_CHUNK);
      let used = 0;
      const writeAll = async (buffer: Buffer, length: number) => {
        // write(2) may write less than asked without an error (a disk filling up): write the rest.
        for (let offset = 0; offset < length; ) {
          const { bytesWritten } = await handle.write(buffer, offset, length - offset, null);
          if (bytesWritten <= 0) throw Object.assign(new Error('ENOSPC: the snapshot took no more bytes'), { code: 'ENOSPC' });
          offset += bytesWritten;
        }
      };
      for (const part of parts) {
        const room = WRITE_CHUNK - used;
        const most = typeof part === 'string' ? part.length * 3 : part.length;
        if (most > room) {
          if (used > 0) await writeAll(chunk, used);
          used = 0;
          if (most > WRITE_CHUNK) {
            const buffer = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.isBuffer(part) ? part : bytesOf(part);
            await writeAll(buffer, buffer.length);
            continue;
          }
        }
        used += typeof part === 'string' ? chunk.write(part, used, 'utf8') : Buffer.isBuffer(part) ? part.copy(chunk, used) : part.copyTo(chunk, used);
      }
      if (used > 0) await writeAll(chunk, used);
    });
  }

  /** Temp file, `fill` it, fsync, rename over the file, fsync the directory; nothing left behind on failure. */
  private async replace(fill: (handle: fsp.FileHandle) => Promise<unknown>): Promise<void> {
    const tmp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.tmp`);
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await this.fs.open(tmp, 'w');
      await fill(handle);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await this.fs.rename(tmp, this.file);
    } catch (e) {
      await handle?.close().catch(() => undefined);
      await this.fs.unlink(tmp).catch(() => undefined);
      throw e;
    }
    await syncDirectory(path.dirname(this.file));
  }
}
