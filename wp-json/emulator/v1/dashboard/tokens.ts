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
 * Cheap on the request path: an answer is only queued (its bytes copied, at most the last
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

/** Bytes before an entry's source and body in a page: body length (u32), seenAt (f64), source length (u32). */
const ENTRY_HEADER = 16;
/** The first page's size; each next one doubles, up to PAGE_MAX (an emulator answering a few requests stays small). */
const PAGE_MIN = 4 * 1024;
const PAGE_MAX = 64 * 1024;

interface Page {
  bytes: Buffer;
  used: number;
  entries: number;
}

/**
 * The answers queued unread, at most the last MAX_PENDING: each one's bytes (and its source) are
 * copied into pages of bytes that are reused, so the request path leaves no object behind. Keeping
 * a reference to each answer instead kept it alive for up to 1,000 requests: long enough for V8 to
 * move it, and the 8 KB pool buffer it is a slice of, to the old generation, where it stays until a
 * full collection (measured in docs/performance.md: most of the server's garbage under a write load).
 */
class AnswerLog {
  #pages: Page[] = [];
  /** Emptied pages of PAGE_MAX bytes, for the next ones. */
  #spare: Buffer[] = [];
  /** Entries in #pages (may exceed MAX_PENDING by up to one page: the oldest are skipped when read). */
  #entries = 0;

  append(body: Buffer | string, seenAt: number, source: string): void {
    const most = ENTRY_HEADER + source.length * 3 + (typeof body === 'string' ? body.length * 3 : body.length);
    let page = this.#pages[this.#pages.length - 1];
    if (page === undefined || page.used + most > page.bytes.length) page = this.#newPage(most, page);
    const bytes = page.bytes;
    const at = page.used;
    const sourceLength = bytes.write(source, at + ENTRY_HEADER, 'utf8');
    const bodyAt = at + ENTRY_HEADER + sourceLength;
    const bodyLength = typeof body === 'string' ? bytes.write(body, bodyAt, 'utf8') : body.copy(bytes, bodyAt);
    bytes.writeUInt32LE(bodyLength, at);
    bytes.writeDoubleLE(seenAt, at + 4);
    bytes.writeUInt32LE(sourceLength, at + 12);
    page.used = bodyAt + bodyLength;
    page.entries++;
    this.#entries++;
    // A page whose every entry is older than the last MAX_PENDING goes back to the spares.
    while (this.#pages.length > 1 && this.#entries - this.#pages[0]!.entries >= MAX_PENDING) this.#release(this.#pages.shift()!);
  }

  #newPage(most: number, last: Page | undefined): Page {
    const size = Math.max(most, last === undefined ? PAGE_MIN : Math.min(PAGE_MAX, last.bytes.length * 2));
    const bytes = size === PAGE_MAX && this.#spare.length > 0 ? this.#spare.pop()! : Buffer.allocUnsafeSlow(size);
    const page = { bytes, used: 0, entries: 0 };
    this.#pages.push(page);
    return page;
  }

  #release(page: Page): void {
    this.#entries -= page.entries;
    if (page.bytes.length === PAGE_MAX) this.#spare.push(page.bytes);
  }

  /** The last MAX_PENDING answers, oldest first (each body as text); the log is empty afterwards. */
  take(): { text: string; seenAt: number; source: string }[] {
    const out: { text: string; seenAt: number; source: string }[] = [];
    let skip = Math.max(0, this.#entries - MAX_PENDING);
    for (const page of this.#pages) {
      for (let at = 0, i = 0; i < page.entries; i++) {
        const bytes = page.bytes;
        const bodyLength = bytes.readUInt32LE(at);
        const sourceLength = bytes.readUInt32LE(at + 12);
        const bodyAt = at + ENTRY_HEADER + sourceLength;
        if (skip > 0) skip--;
        else out.push({ text: bytes.toString('utf8', bodyAt, bodyAt + bodyLength), seenAt: bytes.readDoubleLE(at + 4), source: bytes.toString('utf8', at + ENTRY_HEADER, bodyAt) });
        at = bodyAt + bodyLength;
      }
    }
    this.clear();
    return out;
  }

  clear(): void {
    for (const page of this.#pages) this.#release(page);
    this.#pages = [];
    this.#entries = 0;
  }
}

export class TokenLedger {
  readonly #options: TokenLedgerOptions;
  /** The last MAX_PENDING answers, not yet scanned. */
  readonly #pending = new AnswerLog();
  readonly #known = new Map<string, Known>();
  readonly #scannedMail = new Set<string>();
  #order = 0;

  constructor(options: TokenLedgerOptions) {
    this.#options = options;
  }

  /** An answer of a vendor namespace was handed over (called on the request path: only queues). */
  observe(body: Buffer | string, seenAt: number, source: string): void {
    if (body.length === 0) return;
    this.#pending.append(body, seenAt, source);
  }

  /** Forget every token (the site was reset: what it had issued is no longer known). */
  clear(): void {
    this.#pending.clear();
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
    for (const item of this.#pending.take()) this.#scan(item.text, item.seenAt, item.source);
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
