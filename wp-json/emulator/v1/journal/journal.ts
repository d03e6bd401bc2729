import type { AuthFailure } from '../../../../core/pipeline/context';
import { compileJournalFilter } from './filter';

/**
 * The request journal (WireMock's request journal, in miniature): the last N requests in a ring
 * buffer in memory, with every secret blanked before it is kept. Nothing here is written to disk.
 */

export interface JournalEntry {
  /** Sequence number, from 1 since the site started (not reset by `clear`). */
  id: number;
  /** When the request arrived, ISO time by the emulator's clock. */
  time: string;
  method: string;
  /** The URL path and query as sent, secret query values blanked. */
  path: string;
  /** The REST route below /wp-json (`/availo/v1/api/Account/Generatetoken`), or null for other pages. */
  route: string | null;
  /** The REST namespace (`availo/v1`), or null. */
  namespace: string | null;
  status: number;
  /** Wall-clock milliseconds from arrival to the answer being handed over (`res.end`). */
  durationMs: number;
  /** Login of the user the application password authenticated, or null (anonymous or bad credentials). */
  user: string | null;
  /**
   * How the request authenticated (`method`: `application-password`, `cookie`), or why it is
   * anonymous (`failure`: `no-credentials`, `malformed-header`, `unknown-user`, `wrong-password`,
   * `revoked-password`, `throttled`).
   */
  auth: { method: string | null; failure: AuthFailure | null };
  /** The id of the injected fault that delayed or answered the request. */
  fault: string | null;
  request: { headers: Record<string, string | string[]>; query: unknown; body: unknown };
  response: { headers: Record<string, string | string[]>; body: unknown };
}

export interface JournalFilter {
  /** `availo/v1`, or a module id (`availo`) for all of its namespaces. */
  namespace?: string;
  /** A glob (see faults) matched against `/wp-json/<route>` and the path without its query, or a RegExp. */
  path?: string | RegExp;
  /** `503`, a class `5xx`, or several: `200,201` / [200, 201]. */
  status?: number | string | readonly (number | string)[];
  method?: string;
  /** Only the last N matching entries. */
  limit?: number;
}

export class JournalFilterError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'JournalFilterError';
  }
}

/**
 * A ring buffer of the last `size` requests, within `maxBytes`: each `record` is O(1) (amortised when
 * the byte budget drops old entries). `size` 0 keeps nothing. An entry may be recorded as a function
 * that builds it: the journal then does the redaction work only when someone reads it (most requests
 * are never looked at), once, and keeps the result. `bytes` is what the entry holds until then (its
 * bodies, URL and headers): the oldest entries go while the total is over `maxBytes`.
 */
export class Journal {
  private slots: ({ id: number; bytes: number; entry?: JournalEntry; build?: () => Omit<JournalEntry, 'id'> } | undefined)[] = [];
  /** Index in `slots` of the oldest entry. */
  private start = 0;
  private count = 0;
  private next = 1;
  private held = 0;

  constructor(
    readonly size: number,
    readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Entries kept now. */
  get length(): number {
    return this.count;
  }

  /** Bytes the kept entries hold (as counted when they were recorded). */
  get bytes(): number {
    return this.held;
  }

  /** Keeps an entry (or a function that builds it on first read) holding `bytes`; returns its id. */
  record(entry: Omit<JournalEntry, 'id'> | (() => Omit<JournalEntry, 'id'>), bytes = 0): number {
    const id = this.next++;
    if (this.size <= 0) return id;
    const slot = typeof entry === 'function' ? { id, bytes, build: entry } : { id, bytes, entry: { id, ...entry } };
    if (this.count === this.size) this.dropOldest();
    this.slots[(this.start + this.count) % this.size] = slot;
    this.count++;
    this.held += bytes;
    // The newest entry is always kept, whatever its size.
    while (this.held > this.maxBytes && this.count > 1) this.dropOldest();
    return id;
  }

  private dropOldest(): void {
    const slot = this.slots[this.start];
    this.held -= slot?.bytes ?? 0;
    this.slots[this.start] = undefined;
    this.start = (this.start + 1) % this.size;
    this.count--;
  }

  /** Matching entries, oldest first (the last `limit` of them). Throws JournalFilterError for a bad filter. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const { match, limit } = compileJournalFilter(filter);
    const found: JournalEntry[] = [];
    for (let i = 0; i < this.count; i++) {
      const slot = this.slots[(this.start + i) % this.size]!;
      if (!slot.entry) {
        slot.entry = { id: slot.id, ...slot.build!() };
        slot.build = undefined;
      }
      if (match(slot.entry)) found.push(slot.entry);
    }
    return limit !== undefined ? found.slice(-limit) : found;
  }

  /** Empties the journal; returns how many entries there were. */
  clear(): number {
    const n = this.count;
    this.slots = [];
    this.start = 0;
    this.count = 0;
    this.held = 0;
    return n;
  }
}
