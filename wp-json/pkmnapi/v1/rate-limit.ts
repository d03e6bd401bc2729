/**
 * pkmnapi's rate limiter: governor 0.3's GCRA keyed by client IP, built as
 * `Quota::with_period(RATE_LIMIT_DURATION s).allow_burst(RATE_LIMIT_COUNT)` — a burst of `burst`
 * requests, then one more every `periodSeconds`. A refused request does not use up a cell. The wait
 * it reports is whole seconds, rounded down (Duration::as_secs).
 */
export class GcraLimiter {
  /** Theoretical arrival time per key, in ms. */
  private readonly tat = new Map<string, number>();
  private readonly emissionMs: number;
  private readonly toleranceMs: number;

  constructor(
    readonly burst: number,
    readonly periodSeconds: number,
    private readonly now: () => number,
  ) {
    this.emissionMs = periodSeconds * 1000;
    this.toleranceMs = this.emissionMs * burst;
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
    this.tat.set(key, Math.max(tat, t0) + this.emissionMs);
    return null;
  }

  /** Forgets keys whose bucket is full again (bounded memory under many client addresses). */
  private prune(t0: number): void {
    if (this.tat.size < 10_000) return;
    for (const [key, tat] of this.tat) if (tat - this.emissionMs <= t0) this.tat.delete(key);
  }

  reset(): void {
    this.tat.clear();
  }
}
