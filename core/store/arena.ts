/**
 * Records kept as their UTF-8 JSON in large Buffers outside the V8 heap, for collections too big to
 * keep as objects. With 100,000 objects of ~500 bytes on the heap V8 lets the heap grow to ~4x what
 * is live before it collects, so a large collection costs its size several times over in RSS; bytes
 * in a Buffer cost their size once, and the heap keeps only the key and a number per record.
 *
 * A record is `[u32 length][JSON]` at some offset of a slab; its handle is `slab * SLAB + offset`
 * (a small integer while the arena is under 1 GB). An object record with at least MIN_SHAPE_FIELDS
 * fields is kept without its field names: `[u32 length | SHAPED][u16 shape][values]`, the values'
 * JSON texts joined by NUL (JSON.stringify never writes a raw NUL), and the arena's shape table
 * holds the text around them (`{"id":`, `,"name":` ...), the same for every record of a collection.
 * A 300-byte Fess token record keeps ~190 bytes. Reads and the snapshot get the same JSON text back. Slabs are append-only: a replaced or deleted
 * record only counts as dead bytes, so a handle taken at one moment keeps reading the same bytes
 * (the snapshot writer relies on this). When more than half the bytes are dead the collection copies
 * its live records into a fresh arena; the old slabs go once nothing refers to them.
 */
export const SLAB = 1 << 20;
/** `undefined` as a value (JSON has no text for it); every other value has a slab handle >= 0. */
export const UNDEFINED_HANDLE = -1;
/** Bit 31 of a record's length word: the record is kept by shape (its values only). */
const SHAPED = 0x80000000;
/** Fewer fields than this save too little to be worth a shape. */
const MIN_SHAPE_FIELDS = 3;
const MAX_SHAPES = 0xffff;

export class RecordArena {
  slabs: Buffer[] = [];
  private offset = SLAB;
  private liveBytes = 0;
  private deadBytes = 0;

  /** Shapes by their field texts joined by NUL, and each shape's field texts. */
  private readonly shapeIds = new Map<string, number>();
  private readonly shapes: string[][] = [];
  private lastShape = -1;

  /** Stores the JSON text `json`; returns its handle. */
  write(json: string | undefined): number {
    if (json === undefined) return UNDEFINED_HANDLE;
    let shape = -1;
    let text = json;
    if (json.charCodeAt(0) === 123) {
      // Most records have the shape of the one written before: checked in place, without building its names.
      const values = this.lastShape >= 0 ? valuesOf(json, this.shapes[this.lastShape]!) : null;
      if (values !== null) {
        shape = this.lastShape;
        text = values;
      } else {
        const fields = splitFields(json);
        if (fields !== null) {
          shape = this.shapeIds.get(fields.names) ?? -1;
          if (shape < 0 && this.shapes.length < MAX_SHAPES) {
            shape = this.shapes.length;
            this.shapes.push(fields.names.split('\0'));
            this.shapeIds.set(fields.names, shape);
          }
          if (shape >= 0) {
            text = fields.values;
            this.lastShape = shape;
          }
        }
      }
    }
    const header = shape >= 0 ? 6 : 4;
    const flag = shape >= 0 ? SHAPED : 0;
    // Most records are ASCII (one byte a character); the exact length is asked only when that could not fit.
    let slab: Buffer;
    let bytes: number;
    if (this.offset + header + text.length * 3 <= SLAB) {
      slab = this.slabs[this.slabs.length - 1]!;
      bytes = slab.write(text, this.offset + header, 'utf8');
    } else {
      bytes = Buffer.byteLength(text, 'utf8');
      slab = this.room(header + bytes);
      slab.write(text, this.offset + header, bytes, 'utf8');
    }
    slab.writeUInt32LE((bytes | flag) >>> 0, this.offset);
    if (shape >= 0) slab.writeUInt16LE(shape, this.offset + 4);
    return this.advance(header + bytes);
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
  text(handle: number, slabs: readonly Buffer[] = this.slabs): string | undefined {
    if (handle === UNDEFINED_HANDLE) return undefined;
    const slab = slabs[Math.floor(handle / SLAB)]!;
    const at = handle % SLAB;
    const word = slab.readUInt32LE(at);
    if ((word & SHAPED) === 0) return slab.toString('utf8', at + 4, at + 4 + word);
    const names = this.shapes[slab.readUInt16LE(at + 4)]!;
    const values = slab.toString('utf8', at + 6, at + 6 + (word & ~SHAPED)).split('\0');
    let json = '';
    for (let i = 0; i < names.length; i++) json += names[i]! + values[i]!;
    return json + '}';
  }

  /** A fresh copy of the record of a handle. */
  read(handle: number): unknown {
    const text = this.text(handle);
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** A handle's JSON for the snapshot writer: the bytes (a view into its slab, valid for as long as it is held), or for a record kept by shape what writes them. */
  json(handle: number, slabs: readonly Buffer[] = this.slabs): Buffer | ShapedJson {
    const slab = slabs[Math.floor(handle / SLAB)]!;
    const at = handle % SLAB;
    const word = slab.readUInt32LE(at);
    if ((word & SHAPED) === 0) return slab.subarray(at + 4, at + 4 + word);
    const id = slab.readUInt16LE(at + 4);
    let shape = this.shapeBytes[id];
    if (shape === undefined) {
      const names = this.shapes[id]!.map((name) => Buffer.from(name, 'utf8'));
      shape = this.shapeBytes[id] = { names, around: names.reduce((n, name) => n + name.length, 1) };
    }
    return new ShapedJson(shape, slab, at + 6, at + 6 + (word & ~SHAPED));
  }

  /** Each shape's field texts as UTF-8, made when a snapshot first needs them. */
  private readonly shapeBytes: ShapeBytes[] = [];

  /** A record is no longer referred to. */
  release(handle: number): void {
    if (handle === UNDEFINED_HANDLE) return;
    const slab = this.slabs[Math.floor(handle / SLAB)]!;
    const word = slab.readUInt32LE(handle % SLAB);
    const size = (word & SHAPED) === 0 ? 4 + word : 6 + (word & ~SHAPED);
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

/** Pieces longer than this are copied by Buffer#copy, shorter ones byte by byte (cheaper than a native call). */
const NATIVE_COPY = 48;

/** The UTF-8 text around a shape's values, as the snapshot writer copies it. */
interface ShapeBytes {
  names: Buffer[];
  /** Bytes of the JSON besides the values: the names and the closing brace. */
  around: number;
}

/** The JSON bytes of a record kept by shape, written straight into the snapshot's buffer (no string is made). */
export class ShapedJson {
  /** The JSON's length in bytes. */
  readonly length: number;

  constructor(
    private readonly shape: ShapeBytes,
    private readonly slab: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {
    // The values without the NULs between them, and the rest.
    this.length = end - start - (shape.names.length - 1) + shape.around;
  }

  /**
   * Writes the JSON at `target[at]` (room for `length` bytes); returns `length`.
   */
  copyTo(target: Buffer, at: number): number {
    const { names } = this.shape;
    const slab = this.slab;
    const end = this.end;
    let out = at;
    let from = this.start;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (name.length > NATIVE_COPY) out += name.copy(target, out);
      else for (let k = 0; k < name.length; k++) target[out++] = name[k]!;
      let to = from;
      while (to < end && slab[to] !== 0) to++;
      if (to - from > NATIVE_COPY) out += slab.copy(target, out, from, to);
      else for (let k = from; k < to; k++) target[out++] = slab[k]!;
      from = to + 1;
    }
    target[out++] = 125; // }
    return out - at;
  }
}

/**
 * The top-level fields of a JSON object as JSON.stringify writes it (no white space): `names`, the
 * text before each value (`{"id":`, `,"name":` ...) joined by NUL, and `values`, each value's text
 * joined by NUL; null for anything else, or fewer than MIN_SHAPE_FIELDS fields. Joining the names
 * and values in turn, then `}`, gives `json` back.
 */
export function splitFields(json: string): { names: string; values: string } | null {
  const end = json.length - 1;
  if (end < 1 || json.charCodeAt(end) !== 125 || json.charCodeAt(1) !== 34) return null;
  let names = '';
  let values = '';
  let count = 0;
  let nameStart = 0;
  let i = 1;
  for (;;) {
    if (json.charCodeAt(i) !== 34) return null;
    i = endOfString(json, i);
    if (i < 0 || json.charCodeAt(i) !== 58) return null;
    i++;
    const valueStart = i;
    i = endOfValue(json, i);
    if (i < 0) return null;
    const sep = count === 0 ? '' : '\0';
    names += sep + json.slice(nameStart, valueStart);
    values += sep + json.slice(valueStart, i);
    count++;
    const c = json.charCodeAt(i);
    if (c === 125 && i === end) break;
    if (c !== 44) return null;
    nameStart = i;
    i++;
  }
  return count >= MIN_SHAPE_FIELDS ? { names, values } : null;
}

/** The values of `json` (joined by NUL) when it is an object of exactly the shape `names`, else null. */
function valuesOf(json: string, names: readonly string[]): string | null {
  let values = '';
  let i = 0;
  for (let k = 0; k < names.length; k++) {
    const name = names[k]!;
    if (!json.startsWith(name, i)) return null;
    const start = i + name.length;
    i = endOfValue(json, start);
    if (i < 0) return null;
    values += (k === 0 ? '' : '\0') + json.slice(start, i);
  }
  return i === json.length - 1 && json.charCodeAt(i) === 125 ? values : null;
}

/** The index after the JSON string that starts at `i` (a quote), or -1. */
function endOfString(json: string, i: number): number {
  for (let j = i + 1; j < json.length; j++) {
    const c = json.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j + 1;
  }
  return -1;
}

/** The index after the JSON value that starts at `i`, or -1. */
function endOfValue(json: string, i: number): number {
  const first = json.charCodeAt(i);
  if (first === 34) return endOfString(json, i);
  if (first === 123 || first === 91) {
    let depth = 0;
    for (let j = i; j < json.length; ) {
      const c = json.charCodeAt(j);
      if (c === 34) {
        j = endOfString(json, j);
        if (j < 0) return -1;
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return -1;
  }
  // A number, true, false or null: up to the next , or } of the object.
  for (let j = i; j < json.length; j++) {
    const c = json.charCodeAt(j);
    if (c === 44 || c === 125) return j === i ? -1 : j;
  }
  return -1;
}
