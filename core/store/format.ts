import { RecordArena } from './arena';
import { StoreOpenError } from './errors';

/** Bumped when the shape of the file changes; a file of another version is refused, never guessed at. */
export const SCHEMA_VERSION = 1;
export const APP_MARKER = 'wp-token-emulator';

export type Records = Record<string, unknown>;

/** What the store file holds: every collection keyed by record key, and the sequence number of the last change in it. */
export interface StoreData {
  app: typeof APP_MARKER;
  schemaVersion: number;
  /** Sequence number of the last change this snapshot contains; the write-ahead log replays only later ones. */
  seq: number;
  collections: Record<string, Records>;
}

export function emptyData(): StoreData {
  return { app: APP_MARKER, schemaVersion: SCHEMA_VERSION, seq: 0, collections: {} };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks that parsed JSON is a store of this version; names what is wrong otherwise. */
export function validateData(file: string, value: unknown): StoreData {
  if (!isPlainObject(value)) throw new StoreOpenError(file, 'the file is JSON but not a wp-token-emulator store (the top level is not an object)');
  if (value.app !== APP_MARKER) throw new StoreOpenError(file, `the file is JSON but not a wp-token-emulator store (no "app": "${APP_MARKER}" marker)`);
  if (value.schemaVersion !== SCHEMA_VERSION) {
    throw new StoreOpenError(file, `schema version ${JSON.stringify(value.schemaVersion)} is not the version this emulator reads (${SCHEMA_VERSION})`);
  }
  if (typeof value.seq !== 'number' || !Number.isInteger(value.seq) || value.seq < 0) throw new StoreOpenError(file, '"seq" is missing or not a non-negative integer');
  if (!isPlainObject(value.collections)) throw new StoreOpenError(file, '"collections" is missing or not an object');
  for (const [name, records] of Object.entries(value.collections)) {
    if (!isPlainObject(records)) throw new StoreOpenError(file, `collection "${name}" is not an object`);
  }
  return value as unknown as StoreData;
}

/** Parses the store file's text; an empty or truncated file is an error, never an empty store. */
export function parseData(file: string, text: string): StoreData {
  if (text.trim() === '') throw new StoreOpenError(file, 'the file is empty (0 bytes of JSON); it may have been truncated');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new StoreOpenError(file, `invalid JSON: ${(e as Error).message}`);
  }
  return validateData(file, parsed);
}

/** A large collection as read from the file: its records' JSON already in an arena, keyed in file order. */
export class CompactRecords {
  constructor(
    readonly arena: RecordArena,
    readonly handles: Map<string, number>,
  ) {}
}

class ScanError extends Error {}

/** A key JavaScript orders first in an object (an array index), as `for...in` would. */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Reads the store file's bytes without building the object graph of its large collections: a
 * collection with more than `compactAbove` records goes straight into an arena (each record still
 * checked with JSON.parse, then dropped), so opening 100,000 records neither makes 100,000 objects
 * nor one 40 MB string first. Anything the scanner does not expect falls back to `parseData`, which
 * gives the same result or the same error as before.
 */
export function readData(file: string, bytes: Buffer, compactAbove: number): StoreData {
  if (Number.isFinite(compactAbove)) {
    try {
      return validateData(file, scan(bytes, compactAbove));
    } catch (e) {
      if (!(e instanceof ScanError || e instanceof SyntaxError)) throw e;
    }
  }
  return parseData(file, bytes.toString('utf8'));
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The JSON structure is ASCII, and no byte of a multi-byte UTF-8 character is: bytes can be scanned as they are. */
function scan(buf: Buffer, compactAbove: number): Record<string, unknown> {
  const n = buf.length;
  let i = 0;
  const fail = (): never => {
    throw new ScanError();
  };
  const text = (from: number, to: number) => buf.toString('utf8', from, to);
  const skipSpace = () => {
    while (isSpace(buf[i])) i++;
  };
  const take = (byte: number) => {
    skipSpace();
    if (buf[i] !== byte) fail();
    i++;
  };
  /** Whether the last string skipped had an escape in it. */
  let escaped = false;
  const skipString = (from: number): number => {
    let j = from + 1;
    escaped = false;
    for (;;) {
      if (j >= n) fail();
      const c = buf[j];
      if (c === BACKSLASH) {
        escaped = true;
        j += 2;
      }
      else if (c === QUOTE) return j + 1;
      else j++;
    }
  };
  /** The end of the JSON value starting at `from` (not checked: JSON.parse does that). */
  const skipValue = (from: number): number => {
    const c = buf[from];
    if (c === QUOTE) return skipString(from);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      let j = from;
      for (;;) {
        if (j >= n) fail();
        const d = buf[j];
        if (d === QUOTE) {
          j = skipString(j);
          continue;
        }
        if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
        else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          depth--;
          if (depth === 0) return j + 1;
        }
        j++;
      }
    }
    let j = from;
    while (j < n && buf[j] !== COMMA && buf[j] !== CLOSE_BRACE && buf[j] !== CLOSE_BRACKET && !isSpace(buf[j])) j++;
    if (j === from) fail();
    return j;
  };
  /** Calls `each(key, start)` for every member of the object at `i` (it returns where the value ends); leaves `i` after the object. */
  const members = (each: (key: string, start: number) => number) => {
    take(OPEN_BRACE);
    skipSpace();
    if (buf[i] === CLOSE_BRACE) {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (buf[i] !== QUOTE) fail();
      const keyEnd = skipString(i);
      // A fresh string either way (a slice of a big string would keep all of it alive).
      const key = escaped ? (JSON.parse(text(i, keyEnd)) as string) : text(i + 1, keyEnd - 1);
      i = keyEnd;
      take(COLON);
      skipSpace();
      i = each(key, i);
      skipSpace();
      const c = buf[i++];
      if (c === CLOSE_BRACE) return;
      if (c !== COMMA) fail();
    }
  };

  const top: Record<string, unknown> = {};
  members((key, start) => {
    if (key !== 'collections' || buf[start] !== OPEN_BRACE) {
      const end = skipValue(start);
      top[key] = JSON.parse(text(start, end));
      return end;
    }
    const collections: Record<string, unknown> = {};
    members((name, from) => {
      if (buf[from] !== OPEN_BRACE) {
        const to = skipValue(from);
        collections[name] = JSON.parse(text(from, to));
        return to;
      }
      const keys: string[] = [];
      const starts: number[] = [];
      const ends: number[] = [];
      members((recordKey, s) => {
        const e = skipValue(s);
        keys.push(recordKey);
        starts.push(s);
        ends.push(e);
        return e;
      });
      const to = i;
      if (keys.length <= compactAbove) {
        collections[name] = JSON.parse(text(from, to));
        return to;
      }
      const arena = new RecordArena();
      const handles = new Map<string, number>();
      // The order `for...in` gives the parsed object: array-index keys ascending, then the rest as written.
      const isIndex = keys.map((k) => ARRAY_INDEX.test(k) && Number(k) < 2 ** 32 - 1);
      const order = keys.map((_, k) => k);
      if (isIndex.includes(true)) order.sort((a, b) => (isIndex[a] ? (isIndex[b] ? Number(keys[a]) - Number(keys[b]) : -1) : isIndex[b] ? 1 : a - b));
      for (const k of order) {
        const json = text(starts[k]!, ends[k]!);
        JSON.parse(json); // a record that is not JSON is corruption: parseData names it
        const old = handles.get(keys[k]!);
        if (old !== undefined) arena.release(old);
        // As written by JSON.stringify, kept by shape (arena.ts); anything else (white space) as it is.
        handles.set(keys[k]!, arena.write(json));
      }
      collections[name] = new CompactRecords(arena, handles);
      return to;
    });
    top[key] = collections;
    return i;
  });
  skipSpace();
  if (i !== n) fail();
  return top;
}
