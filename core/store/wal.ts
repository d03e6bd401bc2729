import type { FileHandle } from 'node:fs/promises';
import { StoreOpenError } from './errors';
import { nodeFs, type StoreFs } from './durable-file';

/** One change: put a record, delete a record, or empty a collection. `s` is its sequence number. */
export type Change =
  | { s: number; c: string; k: string; v: unknown }
  /** A put whose value is already serialised (`j`, undefined for an undefined value): written as `"v":<j>`. */
  | { s: number; c: string; k: string; j: string | undefined }
  | { s: number; c: string; k: string; d: 1 }
  | { s: number; c: string; clear: 1 };

/** Appends larger than this get their own buffer rather than growing the reused one. */
const SCRATCH_MAX = 1024 * 1024;

/**
 * The write-ahead log beside the snapshot (`<file>.wal`): one JSON change per line, appended and
 * fsynced once per flush. A flush costs what changed, not the size of the store; the snapshot is
 * rewritten only now and then (compaction).
 */
export class WriteAheadLog {
  private handle: FileHandle | null = null;
  /** Bytes known to be whole lines on disk. */
  private size = 0;
  /** Changes in the log since the last compaction. */
  count = 0;

  constructor(
    readonly file: string,
    private readonly fs: StoreFs = nodeFs,
  ) {}

  get bytes(): number {
    return this.size;
  }

  /**
   * Reads the changes after `afterSeq`. A last line without its newline is a flush that never
   * finished (it was not acknowledged) and is dropped; a bad line before the end is corruption.
   */
  async read(afterSeq: number): Promise<{ changes: Change[]; goodBytes: number; totalBytes: number }> {
    let text: string;
    try {
      text = await this.fs.readFile(this.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { changes: [], goodBytes: 0, totalBytes: 0 };
      throw new StoreOpenError(this.file, `the write-ahead log cannot be read (${code ?? (e as Error).message})`);
    }
    const changes: Change[] = [];
    let offset = 0;
    let lineNo = 0;
    while (offset < text.length) {
      const end = text.indexOf('\n', offset);
      if (end === -1) break; // torn tail: never acknowledged
      lineNo++;
      const line = text.slice(offset, end);
      let change: Change;
      try {
        change = JSON.parse(line) as Change;
        if (typeof change !== 'object' || change === null || typeof change.s !== 'number' || typeof change.c !== 'string') throw new Error('not a change record');
      } catch (e) {
        throw new StoreOpenError(this.file, `write-ahead log line ${lineNo} is corrupt (${(e as Error).message})`);
      }
      if (change.s > afterSeq) changes.push(change);
      offset = end + 1;
    }
    return { changes, goodBytes: Buffer.byteLength(text.slice(0, offset), 'utf8'), totalBytes: Buffer.byteLength(text, 'utf8') };
  }

  /** Opens the log for appending, cutting off a torn tail first so the next line starts clean. */
  async open(goodBytes: number, totalBytes: number, changesInLog: number): Promise<void> {
    this.handle = await this.fs.open(this.file, 'a');
    if (totalBytes > goodBytes) await this.handle.truncate(goodBytes);
    this.size = goodBytes;
    this.count = changesInLog;
  }

  /** Appends the changes and fsyncs. On failure the log is cut back so no half line stays behind. */
  async append(changes: readonly Change[]): Promise<void> {
    if (!this.handle) throw new Error('write-ahead log is not open');
    let text = '';
    for (const change of changes) {
      if ('j' in change) {
        text += `{"s":${change.s},"c":${JSON.stringify(change.c)},"k":${JSON.stringify(change.k)}${change.j === undefined ? '' : `,"v":${change.j}`}}\n`;
      } else text += JSON.stringify(change) + '\n';
    }
    const buffer = this.bytesOf(text);
    try {
      // write(2) may write less than asked without an error (a disk filling up mid-buffer): write the rest,
      // so the next call reports the ENOSPC and the log is cut back, rather than acknowledging half a line.
      for (let offset = 0; offset < buffer.length; ) {
        const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset, null);
        if (bytesWritten <= 0) throw Object.assign(new Error('ENOSPC: the write-ahead log took no more bytes'), { code: 'ENOSPC' });
        offset += bytesWritten;
      }
      await this.handle.datasync();
    } catch (e) {
      await this.handle.truncate(this.size).catch(() => undefined);
      throw e;
    }
    this.size += buffer.length;
    this.count += changes.length;
  }

  /** Reused for the bytes of each append up to 1 MB (appends never overlap: the store runs one flush at a time). */
  private scratch: Buffer | null = null;

  private bytesOf(text: string): Buffer {
    const length = Buffer.byteLength(text, 'utf8');
    if (length > SCRATCH_MAX) return Buffer.from(text, 'utf8');
    if (this.scratch === null || this.scratch.length < length) this.scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MAX, Math.max(64 * 1024, 2 ** Math.ceil(Math.log2(length)))));
    return this.scratch.subarray(0, this.scratch.write(text, 0, 'utf8'));
  }

  /** Empties the log after a snapshot that contains all of it is durable. */
  async reset(): Promise<void> {
    if (!this.handle) return;
    await this.handle.truncate(0);
    await this.handle.datasync();
    this.size = 0;
    this.count = 0;
  }

  async close(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
  }
}
