import type { Clock } from '../clock';

export interface ThrottleOptions {
  enabled: boolean;
  /** Failed Basic-auth attempts from one client address within the window before it is blocked. */
  maxPerIp: number;
  /** Failed attempts naming one login (from any address) within the window before that login is blocked. */
  maxPerUser: number;
  windowSeconds: number;
  /**
   * The account a typed login names (login or e-mail), as its canonical login; undefined when none.
   * Failures then count against the account as well as against what was typed, so switching from
   * `editor` to `editor@example.com` does not start a fresh count (issue 21).
   */
  accountOf?: (typed: string) => string | undefined;
}

export const MAX_TRACKED_KEYS = 50_000;
const KNOWN_GOOD_SECONDS = 86_400;

/**
 * Brute-force protection for application-password authentication. Failures are counted in a
 * sliding window per client address and per login: the login as typed and, when it names an account
 * (by login or e-mail), that account. Once an address is over its limit, every
 * Basic-auth attempt from it is refused with 429 until the window frees up — correct ones too, or
 * the throttle would still confirm a lucky guess. A login over its limit is refused from every
 * address except those that authenticated as it in the last day, so a distributed attack cannot
 * lock the real owner out from where they normally work. Requests without credentials are not
 * affected. State is in memory and follows the emulator's clock.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly knownGood = new Map<string, number>();
  /** The key last moved to the end of knownGood. */
  private lastGood: string | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly options: ThrottleOptions,
  ) {}

  /** How many addresses and logins are being tracked (bounded by MAX_TRACKED_KEYS). */
  get trackedKeys(): number {
    return this.failures.size;
  }

  private recent(key: string, now: number): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const cutoff = now - this.options.windowSeconds * 1000;
    let drop = 0;
    while (drop < list.length && list[drop]! <= cutoff) drop++;
    if (drop > 0) list.splice(0, drop);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }

  /** Seconds until the oldest failure leaves the window. */
  private retryAfter(list: number[], now: number): number {
    return Math.max(1, Math.ceil((list[0]! + this.options.windowSeconds * 1000 - now) / 1000));
  }

  /** The per-login keys of an attempt: what was typed and, when it names an account, that account's login. */
  private userKeys(login: string): string[] {
    const typed = login.toLowerCase();
    const account = this.options.accountOf?.(login)?.toLowerCase();
    return account === undefined || account === typed ? [typed] : [typed, account];
  }

  /** Whether an attempt from `ip` naming `login` must be refused now: the seconds to wait, or null. */
  blocked(ip: string, login: string): number | null {
    if (!this.options.enabled) return null;
    // No failure tracked anywhere (the usual case): nothing can be blocked.
    if (this.failures.size === 0) return null;
    const now = this.clock.now();
    const byIp = this.recent(`ip:${ip}`, now);
    if (byIp.length >= this.options.maxPerIp) return this.retryAfter(byIp, now);
    for (const user of this.userKeys(login)) {
      const byUser = this.recent(`user:${user}`, now);
      if (byUser.length < this.options.maxPerUser) continue;
      const good = this.knownGood.get(`${user}|${ip}`);
      if (good === undefined || now - good > KNOWN_GOOD_SECONDS * 1000) return this.retryAfter(byUser, now);
    }
    return null;
  }

  recordFailure(ip: string, login: string): void {
    if (!this.options.enabled) return;
    const now = this.clock.now();
    for (const key of [`ip:${ip}`, ...this.userKeys(login).map((user) => `user:${user}`)]) {
      const list = this.failures.get(key) ?? [];
      list.push(now);
      // Only what can still block is kept: a list never grows past its limit.
      const limit = key.startsWith('ip:') ? this.options.maxPerIp : this.options.maxPerUser;
      if (list.length > limit) list.splice(0, list.length - limit);
      this.failures.set(key, list);
    }
    while (this.failures.size > MAX_TRACKED_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(ip: string, login: string): void {
    if (!this.options.enabled) return;
    for (const user of this.userKeys(login)) this.markGood(`${user}|${ip}`);
    while (this.knownGood.size > MAX_TRACKED_KEYS) this.knownGood.delete(this.knownGood.keys().next().value!);
  }

  private markGood(key: string): void {
    // Already the newest entry (the same client again): only its time moves. Otherwise it is moved to
    // the end (delete + set), so the oldest entries are the ones dropped when the map is full.
    const now = this.clock.now();
    if (key !== this.lastGood) {
      this.knownGood.delete(key);
      this.lastGood = key;
    } else if (this.knownGood.get(key) === now) return; // the same millisecond again: nothing moves
    this.knownGood.set(key, now);
  }

  /** Forgets everything (reset of the emulator). */
  clear(): void {
    this.failures.clear();
    this.knownGood.clear();
    this.lastGood = null;
  }
}
