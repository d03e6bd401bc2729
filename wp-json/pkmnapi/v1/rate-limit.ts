/**
 * pkmnapi's rate limiter: governor 0.3's GCRA keyed by client IP, built as
 * `Quota::with_period(RATE_LIMIT_DURATION s).allow_burst(RATE_LIMIT_COUNT)` — a burst of `burst`
 * requests, then one more every `periodSeconds`. A refused request does not use up a cell. The wait
 * it reports is whole seconds, rounded down (Duration::as_secs).
 *
 * Memory is bounded: from `pruneAbove` keys on, keys whose bucket is full again are dropped, in one
 * scan at most once per emission period (a key's bucket cannot refill faster); and the map never
 * holds more than `maxKeys`: past it the key that least recently had a request allowed is dropped
 * (that address starts again with a full burst — the price of a hard bound under a flood of addresses).
 */
export interface GcraLimits {
  /** Start pruning from this many keys (default 10,000). */
  pruneAbove?: number;
  /** Hard cap on the number of keys (default 100,000). */
  maxKeys?: number;
}

export class GcraLimiter {
  /** Theoretical arrival time per key, in ms; Map order = least recently allowed first. */
  private readonly tat = new Map<string, number>();
  private readonly emissionMs: number;
  private readonly toleranceMs: number;
  private readonly pruneAbove: number;
  private readonly maxKeys: number;
  private lastPrune = -Infinity;

  constructor(
    readonly burst: number,
    readonly periodSeconds: number,
    private readonly now: () => number,
    limits: GcraLimits = {},
  ) {
    this.emissionMs = periodSeconds * 1000;
    this.toleranceMs = this.emissionMs * burst;
    this.pruneAbove = limits.pruneAbove ?? 10_000;
    this.maxKeys = Math.max(1, limits.maxKeys ?? 100_000);
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.tat.size;
  }

  get enabled(): boolean {
    return this.burst > 0 && this.periodSeconds > 0;
  }

  /** Counts one request for `key`: null when allowed, else the whole seconds to wait. */
  check(key: string): number | null {
    if (!this.enabled) return null;
    const t0 = this.now();
    this.prune(t0);
    const tat = this.tat.get(key) ?? t0 + this.emissionMs;
    const earliest = tat - this.toleranceMs;
    if (t0 < earliest) return Math.floor((earliest - t0) / 1000);
    this.tat.delete(key); // re-inserted last: the map stays in order of the last allowed request
    this.tat.set(key, Math.max(tat, t0) + this.emissionMs);
    if (this.tat.size > this.maxKeys) this.tat.delete(this.tat.keys().next().value!);
    return null;
  }

  /** Forgets keys whose bucket is full again; one scan per emission period at most. */
  private prune(t0: number): void {
    if (this.tat.size < this.pruneAbove || t0 - this.lastPrune < this.emissionMs) return;
    this.lastPrune = t0;
    for (const [key, tat] of this.tat) if (tat - this.emissionMs <= t0) this.tat.delete(key);
  }

  reset(): void {
    this.tat.clear();
    this.lastPrune = -Infinity;
  }
}
