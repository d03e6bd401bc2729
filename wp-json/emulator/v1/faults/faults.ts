import type { PathMatcher } from '../../../../core/glob';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../../core/clock';
import { checkFault } from './spec';

export { FaultError } from './spec';

/**
 * Fault injection for tests (WireMock's fault stubs, in miniature): requests matching a method and a
 * path pattern get extra latency, or a given status and body instead of the real answer, for the
 * next N matches or until cleared. Kept in memory only.
 */

/** What a test asks for. At least one of `latencyMs` and `status`. */
export interface FaultSpec {
  /** HTTP method of the request line (`POST`), or `*` / omitted for any. */
  method?: string;
  /**
   * Path pattern: a glob matched against the whole path without the query string, case-insensitively
   * (`*` = any characters but `/`, `**` = any characters, `?` = one character but `/`); or a RegExp (in process).
   * REST requests are matched as `/wp-json/<route>` even when sent as `/?rest_route=<route>`.
   */
  path?: string | RegExp;
  /** The same as a regular expression in JavaScript syntax (case-insensitive, unanchored unless you anchor it). */
  pathRegex?: string;
  /** Wait this long (wall-clock milliseconds, 0-60000) before answering. */
  latencyMs?: number;
  /** Answer with this status (200-599) instead of running the route. */
  status?: number;
  /** The JSON body sent with `status`; null sends no body. Default: a WordPress-style error for 4xx/5xx, no body otherwise. */
  body?: unknown;
  /** Extra response headers sent with `status`. */
  headers?: Record<string, string>;
  /** How many matching requests it applies to; omitted or null: until cleared. */
  times?: number | null;
}

/** A fault as listed. */
export interface Fault {
  id: string;
  method: string;
  /** The glob as given (absent for a regex). */
  path?: string;
  /** The regular expression's source (absent for a glob). */
  pathRegex?: string;
  latencyMs: number;
  status: number | null;
  body: unknown;
  headers: Record<string, string>;
  /** Matches asked for (null: until cleared). */
  times: number | null;
  /** Matches left (null: until cleared). */
  remaining: number | null;
  /** Requests it has applied to so far. */
  matched: number;
  /** ISO time by the emulator's clock. */
  created: string;
}

interface ActiveFault extends Fault {
  regex: PathMatcher;
}

function publicView(fault: ActiveFault): Fault {
  const { regex: _regex, ...rest } = fault;
  return { ...rest, headers: { ...rest.headers } };
}

/** A fault's wait was cut short because the site closed. */
export class FaultsClosedError extends Error {
  constructor() {
    super('The emulator is shutting down.');
    this.name = 'FaultsClosedError';
  }
}

export class Faults {
  private readonly active: ActiveFault[] = [];
  /** Latency waits in progress: their timers and how to end them early. */
  private readonly waits = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  constructor(private readonly clock: Clock) {}

  /** Latency waits in progress. */
  get pendingWaits(): number {
    return this.waits.size;
  }

  /**
   * Waits `ms` of wall-clock time for an injected latency. The timer does not keep the process alive,
   * and `close()` ends it early (the promise then rejects with FaultsClosedError).
   */
  delay(ms: number): Promise<void> {
    if (this.closed) return Promise.reject(new FaultsClosedError());
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.waits.set(timer, () => {
        clearTimeout(timer);
        reject(new FaultsClosedError());
      });
    });
  }

  /** The site is closing: every fault removed, latency waits ended (their requests answer 503 at once). */
  close(): void {
    this.closed = true;
    this.clear();
    const cancels = [...this.waits.values()];
    this.waits.clear();
    for (const cancel of cancels) cancel();
  }

  /** Validates (FAULT_ARGS, the same declaration as POST /faults) and adds a fault; throws FaultError naming the bad field. Faults are tried oldest first. */
  add(spec: FaultSpec): Fault {
    const { path, pathRegex, regex, ...checked } = checkFault(spec);
    const fault: ActiveFault = {
      id: randomUUID(),
      method: checked.method,
      ...(path instanceof RegExp ? { pathRegex: path.source } : path !== undefined ? { path } : { pathRegex: pathRegex! }),
      latencyMs: checked.latencyMs,
      status: checked.status,
      body: checked.body,
      headers: checked.headers,
      times: checked.times,
      remaining: checked.times,
      matched: 0,
      created: new Date(this.clock.now()).toISOString(),
      regex,
    };
    this.active.push(fault);
    return publicView(fault);
  }

  /** The faults still in force, oldest first. */
  list(): Fault[] {
    return this.active.map(publicView);
  }

  /** Removes one fault by id; false when there is none. */
  remove(id: string): boolean {
    const at = this.active.findIndex((f) => f.id === id);
    if (at === -1) return false;
    this.active.splice(at, 1);
    return true;
  }

  /** Removes every fault; returns how many there were. */
  clear(): number {
    const n = this.active.length;
    this.active.length = 0;
    return n;
  }

  /** Whether any fault is waiting for a request (the stage asks before working out the request's path). */
  get any(): boolean {
    return this.active.length > 0;
  }

  /** The first fault matching the request, counted as used (and dropped when its `times` run out); null when none. */
  take(method: string, path: string): Fault | null {
    const upper = method.toUpperCase();
    const fault = this.active.find((f) => (f.method === '*' || f.method === upper || (f.method === 'GET' && upper === 'HEAD')) && f.regex.test(path));
    if (!fault) return null;
    fault.matched++;
    if (fault.remaining !== null) {
      fault.remaining--;
      if (fault.remaining <= 0) this.remove(fault.id);
    }
    return publicView(fault);
  }
}

