/**
 * Records kept as their UTF-8 JSON in large Buffers outside the V8 heap, for collections too big to
 * keep as objects. With 100,000 objects of ~500 bytes on the heap V8 lets the heap grow to ~4x what
 * is live before it collects, so a large collection costs its size several times over in RSS; bytes
 * in a Buffer cost their size once, and the heap keeps only the key and a number per record.
 *
 * A record is `[u32 length][JSON]` at some offset of a slab; its handle is `slab * SLAB + offset`
 * (a small integer while the arena is under 1 GB). Slabs are append-only: a replaced or deleted
 * record only counts as dead bytes, so a handle taken at one moment keeps reading the same bytes
 * (the snapshot writer relies on this). When more than half the bytes are dead the collection copies
 * its live records into a fresh arena; the old slabs go once nothing refers to them.
 */
export const SLAB = 1 << 20;
/** `undefined` as a value (JSON has no text for it); every other value has a slab handle >= 0. */
export const UNDEFINED_HANDLE = -1;

export class RecordArena {
  slabs: Buffer[] = [];
  private offset = SLAB;
  private liveBytes = 0;
  private deadBytes = 0;

  /** Stores the JSON text `json`; returns its handle. */
  write(json: string | undefined): number {
    if (json === undefined) return UNDEFINED_HANDLE;
    // Most records are ASCII (one byte a character); the exact length is asked only when that could not fit.
    if (this.offset + 4 + json.length * 3 <= SLAB) {
      const slab = this.slabs[this.slabs.length - 1]!;
      const bytes = slab.write(json, this.offset + 4, 'utf8');
      slab.writeUInt32LE(bytes, this.offset);
      return this.advance(4 + bytes);
    }
    const bytes = Buffer.byteLength(json, 'utf8');
    const size = 4 + bytes;
    const slab = this.room(size);
    slab.writeUInt32LE(bytes, this.offset);
    slab.write(json, this.offset + 4, bytes, 'utf8');
    return this.advance(size);
  }

  /** Stores JSON given as UTF-8 bytes (`source[start..end)`); returns its handle. */
  writeBytes(source: Buffer, start: number, end: number): number {
    const size = 4 + (end - start);
    const slab = this.room(size);
    slab.writeUInt32LE(end - start, this.offset);
    source.copy(slab, this.offset + 4, start, end);
    return this.advance(size);
  }

  /** The slab the next `size` bytes go to (a record bigger than a slab gets a slab of its own). */
  private room(size: number): Buffer {
    if (this.offset + size > SLAB) {
      this.slabs.push(Buffer.allocUnsafeSlow(Math.max(SLAB, size)));
      this.offset = 0;
    }
    return this.slabs[this.slabs.length - 1]!;
  }

  private advance(size: number): number {
    const handle = (this.slabs.length - 1) * SLAB + this.offset;
    this.offset = size > SLAB ? SLAB : this.offset + size;
    this.liveBytes += size;
    return handle;
  }

  /** The JSON text of a handle. */
  text(handle: number): string | undefined {
    if (handle === UNDEFINED_HANDLE) return undefined;
    const slab = this.slabs[Math.floor(handle / SLAB)]!;
    const at = handle % SLAB;
    return slab.toString('utf8', at + 4, at + 4 + slab.readUInt32LE(at));
  }

  /** A fresh copy of the record of a handle. */
  read(handle: number): unknown {
    const text = this.text(handle);
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** The bytes of a handle's JSON (a view into its slab, valid for as long as it is held). */
  bytes(handle: number, slabs: readonly Buffer[] = this.slabs): Buffer {
    const slab = slabs[Math.floor(handle / SLAB)]!;
    const at = handle % SLAB;
    return slab.subarray(at + 4, at + 4 + slab.readUInt32LE(at));
  }

  /** A record is no longer referred to. */
  release(handle: number): void {
    if (handle === UNDEFINED_HANDLE) return;
    const slab = this.slabs[Math.floor(handle / SLAB)]!;
    const size = 4 + slab.readUInt32LE(handle % SLAB);
    this.liveBytes -= size;
    this.deadBytes += size;
  }

  /** Whether a copy of the live records would free enough to be worth it. */
  get wasteful(): boolean {
    return this.deadBytes > 4 * SLAB && this.deadBytes > this.liveBytes;
  }
}

/** A 31-bit FNV-1a hash of a string's UTF-16 code units: the key of a compact collection's field index. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1;
}
