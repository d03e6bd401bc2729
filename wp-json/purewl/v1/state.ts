import { randomUUID } from 'node:crypto';
import { namespaceSettings, type SiteContext, type TokenIntrospection } from '../../../core/namespace';
import { deriveKey, keyedHash, randomAlphanumeric } from '../../../core/secrets';
import type { Collection } from '../../../core/store';
import { PUREWL_SETTINGS } from './settings';

/** A reseller (partner account). The secret key is kept only as a bcrypt hash plus a keyed-hash lookup key. */
export interface ResellerRecord {
  /** Internal record key (random): grants point at it, so a deleted and re-created reseller never revives old tokens. */
  key: string;
  resellerId: number;
  resellerUid: string;
  /** bcrypt hash of the secret key: the verifier. */
  secretHash: string;
  /** HMAC-SHA256 (site-derived key) of the secret key: the index that finds the one reseller to verify. */
  secretLookup: string;
  /** Unix seconds. */
  created: number;
}

/** One secret grant and every pair refreshed from it; revoking it revokes all its tokens. */
export interface GrantRecord {
  id: string;
  /** ResellerRecord.key */
  reseller: string;
  resellerId: number;
  resellerUid: string;
  created: number;
  /** The latest expiry of any token of the grant: after it, the grant is purged. */
  exp: number;
  /** Unix seconds when revoked (refresh-token reuse), or null. */
  revoked: number | null;
}

/** An access or refresh token, stored under the keyed hash of the token (the token itself is never stored). */
export interface TokenRecord {
  grant: string;
  iat: number;
  exp: number;
  /** Refresh tokens only: when it was exchanged (each works once), or null. */
  rotated?: number | null;
}

export const ACCESS_PREFIX = 'atom_at_';
export const REFRESH_PREFIX = 'atom_rt_';
const TOKEN_RANDOM_LENGTH = 48;
const TOKEN_SHAPE = /^atom_(at|rt)_[A-Za-z0-9]{48}$/;

/** How many of the oldest records of each collection one issuance looks at for expired ones (bounded work). */
export const PURGE_BATCH = 100;

export const RESELLER_UID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const SECRET_KEY = /^[\x21-\x7e]{8,256}$/;
export const MAX_RESELLER_ID = 2_147_483_647;

/** Why a reseller could not be made: `field` names the input, `kind` the answer (400 invalid, 409 exists). */
export class ResellerError extends Error {
  constructor(
    readonly kind: 'invalid' | 'exists',
    readonly field: 'secretKey' | 'resellerId' | 'resellerUid',
    message: string,
  ) {
    super(message);
    this.name = 'ResellerError';
  }
}

export interface ResellerInput {
  secretKey?: unknown;
  resellerId?: unknown;
  resellerUid?: unknown;
}

/** What a reseller looks like outside the store. */
export function publicReseller(r: ResellerRecord): { resellerId: number; resellerUid: string; created: string } {
  return { resellerId: r.resellerId, resellerUid: r.resellerUid, created: new Date(r.created * 1000).toISOString() };
}

export type RefreshOutcome =
  | { ok: true; grant: GrantRecord }
  | { ok: false; reason: 'refreshTokenInvalid' | 'refreshTokenExpired' | 'refreshTokenReused' | 'refreshTokenRevoked' };

export type AccessOutcome =
  | { ok: true; grant: GrantRecord; token: TokenRecord }
  | { ok: false; reason: 'accessTokenInvalid' | 'accessTokenExpired' | 'accessTokenRevoked' };

/**
 * The namespace's state, over the store: resellers, grants, access and refresh tokens. Every
 * check-and-change on tokens is synchronous, so two requests racing with one refresh token cannot
 * both win.
 */
export class PureWlState {
  readonly resellers: Collection<ResellerRecord>;
  readonly grants: Collection<GrantRecord>;
  readonly access: Collection<TokenRecord>;
  readonly refresh: Collection<TokenRecord>;
  private readonly tokenKey: string;
  private readonly lookupKey: string;
  /** The namespace's settings, resolved once (settings are read once at start). */
  private readonly settings: ReturnType<typeof namespaceSettings<typeof PUREWL_SETTINGS>>;

  constructor(private readonly ctx: SiteContext) {
    this.resellers = ctx.store.collection<ResellerRecord>('purewl.resellers');
    this.grants = ctx.store.collection<GrantRecord>('purewl.grants');
    this.access = ctx.store.collection<TokenRecord>('purewl.accessTokens');
    this.refresh = ctx.store.collection<TokenRecord>('purewl.refreshTokens');
    this.tokenKey = deriveKey(ctx.secrets, 'purewl').toString('base64');
    this.lookupKey = deriveKey(ctx.secrets, 'purewl.secret-lookup').toString('base64');
    this.settings = namespaceSettings(ctx, PUREWL_SETTINGS);
  }

  get accessTtl(): number {
    return this.settings.PUREWL_TOKEN_EXPIRY;
  }

  get refreshTtl(): number {
    return this.settings.PUREWL_REFRESH_TOKEN_EXPIRY;
  }

  tokenHash(token: string): string {
    return keyedHash(this.tokenKey, token);
  }

  secretLookup(secret: string): string {
    return keyedHash(this.lookupKey, secret);
  }

  // ---- resellers ------------------------------------------------------------------------------

  /** By resellerId (all digits) or resellerUid (never all digits, so the two cannot be confused). */
  findReseller(ref: string): ResellerRecord | undefined {
    const text = ref.trim();
    if (/^\d+$/.test(text)) return this.resellers.findBy('resellerId', Number(text));
    return this.resellers.findBy('resellerUid', text);
  }

  listResellers(): ResellerRecord[] {
    return [...this.resellers.values()].sort((a, b) => a.resellerId - b.resellerId);
  }

  /** Checks the input, throws ResellerError with the field at fault. */
  private checkInput(input: ResellerInput): { secretKey?: string; resellerId?: number; resellerUid?: string } {
    const out: { secretKey?: string; resellerId?: number; resellerUid?: string } = {};
    if (input.secretKey !== undefined && input.secretKey !== null && input.secretKey !== '') {
      if (typeof input.secretKey !== 'string' || !SECRET_KEY.test(input.secretKey)) {
        throw new ResellerError('invalid', 'secretKey', 'secretKey must be 8 to 256 printable ASCII characters without spaces.');
      }
      out.secretKey = input.secretKey;
    }
    if (input.resellerId !== undefined && input.resellerId !== null && input.resellerId !== '') {
      const raw = input.resellerId;
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isSafeInteger(n) || n < 1 || n > MAX_RESELLER_ID) throw new ResellerError('invalid', 'resellerId', `resellerId must be a whole number from 1 to ${MAX_RESELLER_ID}.`);
      out.resellerId = n;
    }
    if (input.resellerUid !== undefined && input.resellerUid !== null && input.resellerUid !== '') {
      if (typeof input.resellerUid !== 'string' || !RESELLER_UID.test(input.resellerUid) || /^\d+$/.test(input.resellerUid)) {
        throw new ResellerError('invalid', 'resellerUid', 'resellerUid must be 1 to 64 characters (letters, digits, ".", "_", "-"), start with a letter or digit, and not be all digits.');
      }
      out.resellerUid = input.resellerUid;
    }
    return out;
  }

  private checkUnique(values: { secretKey: string; resellerId: number; resellerUid: string }): void {
    if (this.resellers.findBy('resellerId', values.resellerId)) throw new ResellerError('exists', 'resellerId', `A reseller with resellerId ${values.resellerId} already exists.`);
    if (this.resellers.findBy('resellerUid', values.resellerUid)) throw new ResellerError('exists', 'resellerUid', `A reseller with resellerUid "${values.resellerUid}" already exists.`);
    if (this.resellers.findBy('secretLookup', this.secretLookup(values.secretKey))) throw new ResellerError('exists', 'secretKey', 'Another reseller already has this secretKey.');
  }

  private nextResellerId(): number {
    let max = 0;
    for (const r of this.resellers.values()) if (r.resellerId > max) max = r.resellerId;
    return max + 1;
  }

  /**
   * Makes a reseller: generates what is not given (a 40-character secret key, the next resellerId,
   * a UUID resellerUid), hashes the secret with bcrypt. The caller commits the store.
   */
  async createReseller(input: ResellerInput): Promise<{ reseller: ResellerRecord; secretKey: string; generatedSecret: boolean }> {
    const given = this.checkInput(input);
    const secretKey = given.secretKey ?? randomAlphanumeric(40);
    const resellerUid = given.resellerUid ?? randomUUID();
    let resellerId = given.resellerId ?? this.nextResellerId();
    this.checkUnique({ secretKey, resellerId, resellerUid });
    const secretHash = await this.ctx.verifiedSecrets.hash(secretKey);
    // Another create may have run while bcrypt worked: check again, and take a fresh id if ours was generated.
    if (given.resellerId === undefined) resellerId = Math.max(resellerId, this.nextResellerId());
    this.checkUnique({ secretKey, resellerId, resellerUid });
    const reseller: ResellerRecord = {
      key: randomAlphanumeric(16),
      resellerId,
      resellerUid,
      secretHash,
      secretLookup: this.secretLookup(secretKey),
      created: this.ctx.clock.seconds(),
    };
    this.resellers.put(reseller.key, reseller);
    return { reseller, secretKey, generatedSecret: given.secretKey === undefined };
  }

  /** Deletes the reseller; its grants stop working at once (they point at the deleted record). */
  deleteReseller(reseller: ResellerRecord): void {
    this.resellers.delete(reseller.key);
  }

  /** The reseller whose secret key this is, or null. One keyed-hash lookup, then at most one bcrypt check (cached once verified). */
  async resellerBySecret(secretKey: string): Promise<ResellerRecord | null> {
    const candidate = this.resellers.findBy('secretLookup', this.secretLookup(secretKey));
    if (!candidate) return null;
    const ok = await this.ctx.verifiedSecrets.verify('purewl', candidate.key, secretKey, candidate.secretHash);
    if (!ok) return null;
    // Deleted or re-keyed while bcrypt ran?
    const current = this.resellers.get(candidate.key);
    return current && current.secretHash === candidate.secretHash ? current : null;
  }

  // ---- grants and tokens ----------------------------------------------------------------------

  newGrant(reseller: ResellerRecord): GrantRecord {
    const now = this.ctx.clock.seconds();
    return { id: randomAlphanumeric(24), reseller: reseller.key, resellerId: reseller.resellerId, resellerUid: reseller.resellerUid, created: now, exp: now, revoked: null };
  }

  /** A new access + refresh pair in `grant`; stores their hashes, purges a bounded number of expired records. The caller commits. */
  issuePair(grant: GrantRecord): { accessToken: string; refreshToken: string; expiry: number } {
    const now = this.ctx.clock.seconds();
    const accessToken = ACCESS_PREFIX + randomAlphanumeric(TOKEN_RANDOM_LENGTH);
    const refreshToken = REFRESH_PREFIX + randomAlphanumeric(TOKEN_RANDOM_LENGTH);
    const accessExp = now + this.accessTtl;
    const refreshExp = now + this.refreshTtl;
    this.access.put(this.tokenHash(accessToken), { grant: grant.id, iat: now, exp: accessExp });
    this.refresh.put(this.tokenHash(refreshToken), { grant: grant.id, iat: now, exp: refreshExp, rotated: null });
    const updated: GrantRecord = { ...grant, exp: Math.max(grant.exp, accessExp, refreshExp) };
    // Delete then put: the grant moves to the end, so the oldest records stay at the front for purging.
    this.grants.delete(grant.id);
    this.grants.put(grant.id, updated);
    this.purgeExpired(now);
    return { accessToken, refreshToken, expiry: this.accessTtl };
  }

  private grantUsable(grant: GrantRecord): boolean {
    return grant.revoked === null && this.resellers.has(grant.reseller);
  }

  /** Exchanges a refresh token (synchronously: check and mark in one step). Reuse of a rotated token revokes the grant. */
  useRefreshToken(token: string): RefreshOutcome {
    if (!TOKEN_SHAPE.test(token) || !token.startsWith(REFRESH_PREFIX)) return { ok: false, reason: 'refreshTokenInvalid' };
    const key = this.tokenHash(token);
    const record = this.refresh.get(key);
    if (!record) return { ok: false, reason: 'refreshTokenInvalid' };
    const grant = this.grants.get(record.grant);
    const now = this.ctx.clock.seconds();
    if (!grant) return { ok: false, reason: now >= record.exp ? 'refreshTokenExpired' : 'refreshTokenInvalid' };
    if (!this.grantUsable(grant)) return { ok: false, reason: 'refreshTokenRevoked' };
    if (record.rotated !== null && record.rotated !== undefined) {
      this.grants.put(grant.id, { ...grant, revoked: now });
      return { ok: false, reason: 'refreshTokenReused' };
    }
    if (now >= record.exp) return { ok: false, reason: 'refreshTokenExpired' };
    this.refresh.put(key, { ...record, rotated: now });
    return { ok: true, grant };
  }

  /** Checks an access token (X-AccessToken). */
  checkAccessToken(token: string): AccessOutcome {
    if (!TOKEN_SHAPE.test(token) || !token.startsWith(ACCESS_PREFIX)) return { ok: false, reason: 'accessTokenInvalid' };
    const record = this.access.get(this.tokenHash(token));
    if (!record) return { ok: false, reason: 'accessTokenInvalid' };
    const grant = this.grants.get(record.grant);
    const now = this.ctx.clock.seconds();
    if (!grant) return { ok: false, reason: now >= record.exp ? 'accessTokenExpired' : 'accessTokenInvalid' };
    if (!this.grantUsable(grant)) return { ok: false, reason: 'accessTokenRevoked' };
    if (now >= record.exp) return { ok: false, reason: 'accessTokenExpired' };
    return { ok: true, grant, token: record };
  }

  /**
   * Deletes expired records among the PURGE_BATCH oldest of each collection. Records are appended in
   * issue order (grants move to the end when refreshed), so expired ones gather at the front, and
   * each issuance removes more than it adds once anything has expired.
   */
  purgeExpired(now = this.ctx.clock.seconds()): number {
    let removed = 0;
    for (const collection of [this.access, this.refresh, this.grants] as unknown as Collection<{ exp: number }>[]) {
      const expired: string[] = [];
      let examined = 0;
      for (const [key, record] of collection.entries()) {
        if (examined++ >= PURGE_BATCH) break;
        if (now >= record.exp) expired.push(key);
      }
      for (const key of expired) if (collection.delete(key)) removed++;
    }
    return removed;
  }

  /** RFC 7662-style answer; null when the string is not shaped like an Atom token. */
  introspect(token: string): TokenIntrospection | null {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
    const type = token.startsWith(ACCESS_PREFIX) ? 'access' : 'refresh';
    const record = (type === 'access' ? this.access : this.refresh).get(this.tokenHash(token));
    if (!record) return { active: false, vendor: 'purewl', token_type: type };
    const grant = this.grants.get(record.grant);
    const now = this.ctx.clock.seconds();
    const active =
      grant !== undefined && this.grantUsable(grant) && now < record.exp && (type === 'access' || record.rotated === null || record.rotated === undefined);
    return {
      active,
      vendor: 'purewl',
      ...(grant ? { sub: grant.resellerUid, resellerId: grant.resellerId } : {}),
      exp: record.exp,
      iat: record.iat,
      token_type: type,
      ...(grant && grant.revoked !== null ? { revoked: true } : {}),
      ...(type === 'refresh' && record.rotated ? { rotated: true } : {}),
    };
  }
}
