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
