import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreOpenError } from './errors';
import { parseData, type StoreData } from './format';

/**
 * The file-system calls the store makes, gathered so a test can make the disk fail on purpose.
 * Every one is the node:fs/promises call of the same name.
 */
export interface StoreFs {
  readFile(file: string): Promise<string>;
  open(file: string, flags: string): Promise<fsp.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export const nodeFs: StoreFs = {
  readFile: (file) => fsp.readFile(file, 'utf8'),
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

/**
 * lowdb adapter for the store's snapshot: compact JSON, written to a temporary file, fsynced and
 * renamed over the old one, so a reader (or a crash) only ever sees a whole file.
 */
export class DurableJsonFile implements Adapter<StoreData> {
  constructor(
    readonly file: string,
    private readonly fs: StoreFs = nodeFs,
  ) {}

  async read(): Promise<StoreData | null> {
    let text: string;
    try {
      text = await this.fs.readFile(this.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new StoreOpenError(this.file, `the file cannot be read (${code ?? (e as Error).message})`);
    }
    return parseData(this.file, text);
  }

  async write(data: StoreData): Promise<void> {
    await this.writeText(JSON.stringify(data));
  }

  /** Writes already-serialised JSON (the store serialises once, synchronously, to capture one moment). */
  async writeText(text: string): Promise<void> {
    const tmp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.tmp`);
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await this.fs.open(tmp, 'w');
      await handle.writeFile(text, 'utf8');
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
