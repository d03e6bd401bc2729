import type { RequestContext } from '../../../core/pipeline/context';
import type { StageHooks } from '../../../core/pipeline/stages';

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
 * The receive stage of the reset gate: each request (except `exempt` ones) passes the gate and counts
 * as in flight until its response closes ('close' comes once for every response: after the answer
 * is sent, or when the connection goes first). Without a reset running, a request passes at once,
 * synchronously.
 */
export function gateStage(gate: RequestGate, exempt: (ctx: RequestContext) => boolean): StageHooks {
  const leave = () => gate.leave();
  return {
    name: 'reset gate',
    receive(ctx) {
      if (exempt(ctx)) return;
      // 'close' comes once per response: a plain listener (no once() wrapper made per request).
      if (gate.tryEnter()) {
        ctx.res.on('close', leave);
        return;
      }
      return gate.enter().then(() => {
        ctx.res.on('close', leave);
      });
    },
  };
}
