import { createHash } from 'node:crypto';
import type { MailMessage } from '../../../../core/mail';
import type { TokenIntrospection } from '../../../../core/namespace';

/**
 * The token ledger behind the dashboard's Tokens panel: every token the site handed out (in an
 * answer of a vendor namespace, or in a mail) that a namespace recognises as its own. No namespace
 * has to report what it issues: answers and mails are scanned for strings that some namespace's
 * `introspect` claims, and the state is asked again on every read, so it follows the site clock,
 * revocation, rotation and deletion as the vendor itself sees them.
 *
 * Cheap on the request path: an answer is only queued (a reference to its bytes, at most
 * MAX_PENDING of them); parsing and introspection happen when the ledger is read. The tokens are
 * kept in memory only (to ask their state) and never leave it: a reader gets a prefix and a hash.
 */

export type TokenState = 'active' | 'expired' | 'revoked' | 'rotated';

export interface LedgerToken {
  vendor: string;
  /** The first characters of the token, then `…`. */
  prefix: string;
  /** SHA-256 of the token, hex (to tell tokens apart and match one you hold). */
  hash: string;
  sub: string | null;
  /** Issued (Unix seconds): the vendor's own `iat`, else when the site handed it out, by the site clock. */
  iat: number;
  /** Expiry (Unix seconds), or null: does not expire. */
  exp: number | null;
  state: TokenState;
  /** Where it was handed out: `answer` of a request (with the journal's method and path) or `mail`. */
  source: string;
}

interface Known {
  token: string;
  vendor: string;
  hash: string;
  seenAt: number;
  source: string;
  /** Introspection at first sight (iat/exp/sub stay as the vendor said then). */
  first: TokenIntrospection;
  order: number;
}

interface Pending {
  body: Buffer;
  seenAt: number;
  source: string;
}

const MAX_PENDING = 1000;
const MAX_TOKENS = 2000;
/** Strings that may be tokens: long, no spaces (JWTs, hex, base64url, `nonce:hash`). */
const CANDIDATE = /[A-Za-z0-9._~+/=:-]{20,2048}/g;
const MAX_CANDIDATES = 50;

export interface TokenLedgerOptions {
  introspect(token: string): TokenIntrospection;
  /** Site clock, ms. */
  now(): number;
  /** The outbox, oldest first. */
  mails(): readonly MailMessage[];
}

export class TokenLedger {
  readonly #options: TokenLedgerOptions;
  /** A ring of the last MAX_PENDING answers: `#next` is where the next one goes. */
  #pending: (Pending | undefined)[] = [];
  #next = 0;
  readonly #known = new Map<string, Known>();
  readonly #scannedMail = new Set<string>();
  #order = 0;

  constructor(options: TokenLedgerOptions) {
    this.#options = options;
  }

  /** An answer of a vendor namespace was handed over (called on the request path: only queues). */
  observe(body: Buffer, seenAt: number, source: string): void {
    if (body.length === 0) return;
    this.#pending[this.#next] = { body, seenAt, source };
    this.#next = (this.#next + 1) % MAX_PENDING;
  }

  /** Forget every token (the site was reset: what it had issued is no longer known). */
  clear(): void {
    this.#pending = [];
    this.#next = 0;
    this.#known.clear();
    for (const mail of this.#options.mails()) this.#scannedMail.add(mail.id);
  }

  #scan(text: string, seenAt: number, source: string): void {
    const candidates = new Set(text.match(CANDIDATE)?.slice(0, MAX_CANDIDATES) ?? []);
    for (const candidate of candidates) {
      const hash = createHash('sha256').update(candidate).digest('hex');
      if (this.#known.has(hash)) continue;
      let answer: TokenIntrospection;
      try {
        answer = this.#options.introspect(candidate);
      } catch {
        continue;
      }
      if (answer.vendor === 'unknown') continue;
      if (this.#known.size >= MAX_TOKENS) this.#known.delete(this.#known.keys().next().value!);
      this.#known.set(hash, { token: candidate, vendor: answer.vendor, hash, seenAt, source, first: answer, order: this.#order++ });
    }
  }

  #drain(): void {
    // Oldest first: from the slot the next answer would take, round the ring.
    const pending = [...this.#pending.slice(this.#next), ...this.#pending.slice(0, this.#next)];
    this.#pending = [];
    this.#next = 0;
    for (const item of pending) if (item) this.#scan(item.body.toString('utf8'), item.seenAt, item.source);
    for (const mail of this.#options.mails()) {
      if (this.#scannedMail.has(mail.id)) continue;
      this.#scannedMail.add(mail.id);
      this.#scan(mail.text, Date.parse(mail.sentAt), `mail to ${mail.to}: ${mail.subject}`);
    }
  }

  /** Every token still known, newest first, with its state now. */
  list(): LedgerToken[] {
    this.#drain();
    const nowSeconds = Math.floor(this.#options.now() / 1000);
    const all = [...this.#known.values()];
    const out: LedgerToken[] = [];
    for (const known of all) {
      let now: TokenIntrospection;
      try {
        now = this.#options.introspect(known.token);
      } catch {
        now = { active: false, vendor: 'unknown' };
      }
      const exp = now.exp ?? known.first.exp ?? null;
      const sub = now.sub ?? known.first.sub ?? null;
      let state: TokenState;
      if (now.active) state = 'active';
      else if (exp !== null && exp <= nowSeconds) state = 'expired';
      else {
        // Inactive before its expiry: replaced by a newer token of the same vendor and subject, or revoked.
        const newer = all.some((other) => other !== known && other.vendor === known.vendor && other.order > known.order && (other.first.sub ?? null) === sub);
        state = newer ? 'rotated' : 'revoked';
      }
      out.push({
        vendor: known.vendor,
        prefix: `${known.token.slice(0, 8)}…`,
        hash: known.hash,
        sub,
        iat: now.iat ?? known.first.iat ?? Math.floor(known.seenAt / 1000),
        exp,
        state,
        source: known.source,
      });
    }
    return out.reverse();
  }
}
