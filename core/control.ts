import type { NextFunction, Request, Response } from 'express';
import type { Faults } from './faults';
import type { Journal } from './journal';
import type { TokenIntrospection } from './namespace';

/**
 * Lets a reset happen between requests, never in the middle of one: `exclusive(fn)` waits until the
 * requests in flight have answered, holds new ones while `fn` runs, then lets them through.
 */
export class RequestGate {
  private inflight = 0;
  private waiting = 0;
  private closed: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  /** Requests being answered now. */
  get inFlight(): number {
    return this.inflight;
  }

  /** Requests held while a reset runs. */
  get held(): number {
    return this.waiting;
  }

  /** Waits while an exclusive section runs, then counts the caller as in flight. Pair with `leave()`. */
  async enter(): Promise<void> {
    if (this.closed) {
      this.waiting++;
      try {
        while (this.closed) await this.closed;
      } finally {
        this.waiting--;
      }
    }
    this.inflight++;
  }

  /** Counts the caller as in flight at once when no exclusive section runs (the usual case); false: use enter(). */
  tryEnter(): boolean {
    if (this.closed) return false;
    this.inflight++;
    return true;
  }

  leave(): void {
    this.inflight = Math.max(0, this.inflight - 1);
    if (this.inflight === 0 && this.drained) {
      const drained = this.drained;
      this.drained = null;
      drained();
    }
  }

  /** Runs `fn` once every request in flight has finished, with new requests held until it returns. One at a time. */
  async exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    while (this.closed) await this.closed;
    let open!: () => void;
    this.closed = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.inflight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      return await fn();
    } finally {
      this.closed = null;
      open();
    }
  }
}

/**
 * Express middleware: each request (except `exempt` ones) passes the gate and counts as in flight
 * until its response closes ('close' comes once for every response: after the answer is sent, or
 * when the connection goes first). Without a reset running, a request passes at once, synchronously.
 */
export function gateMiddleware(gate: RequestGate, exempt: (req: Request) => boolean) {
  const leave = () => gate.leave();
  const pass = (res: Response, next: NextFunction) => {
    res.on('close', leave);
    next();
  };
  return function requestGate(req: Request, res: Response, next: NextFunction): void {
    if (exempt(req)) return next();
    if (gate.tryEnter()) return pass(res, next);
    gate.enter().then(() => pass(res, next), next);
  };
}

/** The test-control plane a site offers (the emulator/v1 namespace and createApp's handles use it). */
export interface SiteControl {
  journal: Journal;
  faults: Faults;
  gate: RequestGate;
  /** Back to the fixtures / first-run state, clock and outbox included, faults cleared; waits for requests in flight. */
  reset(): Promise<void>;
  introspect(token: string, vendor?: string): TokenIntrospection;
  /** Ids of the namespace modules that can introspect tokens. */
  vendors(): string[];
  /** The site is closing: fault latency timers cleared (their requests answer 503 at once), faults removed. */
  close(): void;
}
