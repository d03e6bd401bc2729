import { createHmac } from 'node:crypto';
import { bcrypt } from './bcrypt';

/**
 * Vendor secrets (account passwords, reseller secret keys) are stored as bcrypt hashes, and one
 * bcrypt check costs ~100 ms of CPU. Once a secret has verified against a stored hash, this cache
 * remembers a keyed hash (HMAC-SHA256 with a site key) of (scope, id, secret, stored hash), so the
 * same credentials verify again in microseconds. Changing the stored hash (new password) or
 * deleting the account makes the entry useless at once: the stored hash is part of the key.
 * The plaintext is never kept.
 */
export class VerifiedSecrets {
  private readonly entries = new Map<string, true>();
  /**
   * Secrets that did NOT match a stored hash, the same way (bcrypt is deterministic: the same secret
   * against the same hash always fails again). A client retrying a stale secret then costs
   * microseconds, not a bcrypt each; every new wrong guess still costs a full bcrypt. Kept apart
   * from the successes so a flood of wrong guesses can never push out a verified credential.
   */
  private readonly failures = new Map<string, true>();

  constructor(
    private readonly key: Buffer,
    private readonly bcryptCost: number,
    private readonly maxEntries = 10_000,
  ) {}

  private fingerprint(scope: string, id: string, secret: string, storedHash: string): string {
    return createHmac('sha256', this.key).update(`${scope}\u0000${id}\u0000${storedHash}\u0000${secret}`).digest('base64url');
  }

  /** bcrypt hash of a new secret, at the configured cost. */
  hash(secret: string): Promise<string> {
    return bcrypt().hash(secret, this.bcryptCost);
  }

  /** Whether `secret` matches `storedHash`: from the cache when it verified before, else by bcrypt. */
  async verify(scope: string, id: string, secret: string, storedHash: string): Promise<boolean> {
    const print = this.fingerprint(scope, id, secret, storedHash);
    if (this.entries.has(print)) {
      // refresh its place in the LRU order
      this.entries.delete(print);
      this.entries.set(print, true);
      return true;
    }
    if (this.failures.has(print)) {
      this.failures.delete(print);
      this.failures.set(print, true);
      return false;
    }
    const ok = await bcrypt().compare(secret, storedHash);
    const into = ok ? this.entries : this.failures;
    into.set(print, true);
    if (into.size > this.maxEntries) into.delete(into.keys().next().value!);
    return ok;
  }

  /** Drops everything (after a reset). */
  clear(): void {
    this.entries.clear();
    this.failures.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
