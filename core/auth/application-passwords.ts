import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { keyedHash, randomAlphanumeric, safeEqual, type SiteSecrets } from '../secrets';
import type { Collection, Store } from '../store';
import { phpEmptyString, sanitizeTextField } from '../wordpress/formatting';

/** One application password as stored: never the password itself, only its keyed hash. */
export interface ApplicationPasswordRecord {
  uuid: string;
  userId: number;
  /** '' or a uuid naming the application. */
  appId: string;
  name: string;
  /** `$hmac-sha256$` + base64url HMAC-SHA256 keyed by the site's hash key. */
  password: string;
  /** Unix seconds. */
  created: number;
  lastUsed: number | null;
  lastIp: string | null;
}

export const APPLICATION_PASSWORD_LENGTH = 24;
/** The collection's index of passwords by owner. */
const BY_USER = 'userId';
const userOf = (item: ApplicationPasswordRecord): number => item.userId;
const HASH_PREFIX = '$hmac-sha256$';
const DAY = 86_400;

/** WordPress ignores every character of an application password that is not a letter or digit. */
export function normalizeApplicationPassword(password: string): string {
  // Most passwords arrive as issued (24 letters and digits, no spaces): nothing to drop, no new string.
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return password.replace(/[^a-z\d]/gi, '');
  }
  return password;
}

/** `xxxx xxxx xxxx xxxx xxxx xxxx`, as WordPress shows a new password. */
export function chunkApplicationPassword(password: string): string {
  return (password.match(/.{1,4}/g) ?? []).join(' ');
}

export class ApplicationPasswordError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Application passwords (WP_Application_Passwords). The secret is 24 random [A-Za-z0-9] characters
 * (142 bits), so a fast keyed hash is enough, as WordPress 6.8's BLAKE2b is: bcrypt would only cost time.
 */
/** Why `name` cannot name an application (WordPress refuses it as empty), or null. */
export function applicationNameProblem(name: string): string | null {
  return phpEmptyString(applicationName(name)) ? "is empty as WordPress stores it ('0', or only spaces and tags: sanitize_text_field)" : null;
}

/** An application's name as WordPress stores it: sanitize_text_field() unless PHP's empty() holds for it. */
export function applicationName(name: string): string {
  return phpEmptyString(name) ? name : sanitizeTextField(name);
}

export class ApplicationPasswords {
  private readonly items: Collection<ApplicationPasswordRecord>;

  constructor(
    store: Store,
    private readonly secrets: SiteSecrets,
    private readonly clock: Clock,
  ) {
    this.items = store.collection<ApplicationPasswordRecord>('application_passwords');
  }

  hash(password: string): string {
    return HASH_PREFIX + keyedHash(this.secrets.hashKey, normalizeApplicationPassword(password));
  }

  /** The user's passwords, oldest first (WordPress keeps them in creation order). */
  list(userId: number): ApplicationPasswordRecord[] {
    return this.items.filter((item) => item.userId === userId).sort((a, b) => a.created - b.created || 0);
  }

  get(userId: number, uuid: string): ApplicationPasswordRecord | undefined {
    const item = this.items.get(uuid);
    return item && item.userId === userId ? item : undefined;
  }

  exists(userId: number, name: string): boolean {
    return this.list(userId).some((item) => item.name === name);
  }

  /**
   * Creates a password; `password` may be given (fixtures, reproducible tests), otherwise a random one.
   * Returns the plaintext once: only the hash is kept.
   */
  create(userId: number, input: { name: string; appId?: string; password?: string; uuid?: string; created?: number }): { item: ApplicationPasswordRecord; password: string } {
    // create_new_application_password(): the name through sanitize_text_field unless PHP-empty, then PHP-empty ('' or '0') is refused.
    const name = applicationName(input.name);
    if (phpEmptyString(name)) throw new ApplicationPasswordError('application_password_empty_name', 'An application name is required to create an application password.');
    const password = input.password !== undefined ? normalizeApplicationPassword(input.password) : randomAlphanumeric(APPLICATION_PASSWORD_LENGTH);
    if (password.length === 0) throw new ApplicationPasswordError('application_password_invalid', 'An application password needs at least one letter or digit.');
    const uuid = input.uuid ?? randomUUID();
    if (this.items.has(uuid)) throw new ApplicationPasswordError('application_password_duplicate_uuid', `An application password with uuid ${uuid} already exists.`);
    const item: ApplicationPasswordRecord = {
      uuid,
      userId,
      appId: input.appId ?? '',
      name,
      password: this.hash(password),
      created: input.created ?? this.clock.seconds(),
      lastUsed: null,
      lastIp: null,
    };
    this.items.put(uuid, item);
    return { item, password };
  }

  /**
   * Renames a password: the stored one, or null when it is gone (deleted since it was read, it is
   * never stored again). As update_application_password(): the name through sanitize_text_field; one
   * that is PHP-empty after it ('', '0', only tags) leaves the name as it was.
   */
  rename(item: ApplicationPasswordRecord, name: string): ApplicationPasswordRecord | null {
    const clean = applicationName(name);
    if (phpEmptyString(clean)) return this.items.get(item.uuid) ?? null;
    return this.change(item.uuid, { name: clean });
  }

  /** Sets the application's uuid ('' for none); WP-CLI's `application-password update --app_id`. Null when the password is gone. */
  setAppId(item: ApplicationPasswordRecord, appId: string): ApplicationPasswordRecord | null {
    return this.change(item.uuid, { appId });
  }

  /** Changes the record as stored now (not the copy the caller read: its last use may be newer), if it is still there. */
  private change(uuid: string, fields: Partial<Pick<ApplicationPasswordRecord, 'name' | 'appId'>>): ApplicationPasswordRecord | null {
    const current = this.items.get(uuid);
    if (!current) return null;
    const updated = { ...current, ...fields };
    this.items.put(uuid, updated);
    return updated;
  }

  delete(uuid: string): boolean {
    const item = this.items.get(uuid);
    if (item) this.revoked.set(item.password, item.userId);
    return this.items.delete(uuid);
  }

  deleteAll(userId: number): number {
    const mine = this.list(userId);
    for (const item of mine) {
      this.revoked.set(item.password, item.userId);
      this.items.delete(item.uuid);
    }
    return mine.length;
  }

  /** Keyed hashes of passwords revoked since the site started, with their user: why a login failed. */
  private readonly revoked = new Map<string, number>();

  /**
   * For the authenticator, with one hash of the password whoever the login names: the matching
   * password of the user, or, when none matches, whether it was one of theirs revoked since the site
   * started. A login naming no user (`userId` undefined) does the same work as a wrong password
   * (verifyNobody), so neither the answer nor its time tells which logins exist.
   */
  check(userId: number | undefined, password: string): { item: ApplicationPasswordRecord | null; revoked: boolean } {
    if (userId === undefined) return { item: this.verifyNobody(password), revoked: false };
    const normalized = normalizeApplicationPassword(password);
    if (normalized === '') return { item: null, revoked: false };
    const hashed = this.hash(normalized);
    const item = this.matchHashed(userId, hashed);
    // Revoked passwords are keyed by their keyed hash: a map look-up, no comparison of secrets here.
    const owner = this.revoked.get(hashed);
    return { item, revoked: item === null && owner === userId };
  }

  /** The user's password matching `password` (non-alphanumerics ignored), compared in constant time. */
  verify(userId: number, password: string): ApplicationPasswordRecord | null {
    const normalized = normalizeApplicationPassword(password);
    if (normalized === '') return null;
    return this.matchHashed(userId, this.hash(normalized));
  }

  private matchHashed(userId: number, hashed: string): ApplicationPasswordRecord | null {
    // Only this user's passwords (a per-user index kept by the store), each one compared in constant time.
    let match: ApplicationPasswordRecord | null = null;
    let matches = 0;
    for (const item of this.items.findAllBy(BY_USER, userOf, userId)) {
      if (safeEqual(item.password, hashed)) {
        match = item;
        matches++;
      }
    }
    // Two of the user's passwords with the same secret (fixtures can do that): the last one in creation order, as before.
    if (matches > 1) for (const item of this.items.values()) if (item.userId === userId && safeEqual(item.password, hashed)) match = item;
    return match;
  }

  /**
   * The work verify() does, for a login that names no user: normalise, hash, one constant-time
   * comparison (against a hash no password has). So an unknown login answers no faster than a known
   * one with a wrong password, and response times do not tell which logins exist (issue 21). Always null.
   */
  verifyNobody(password: string): null {
    const normalized = normalizeApplicationPassword(password);
    if (normalized === '') return null; // verify() stops at '' too
    const hashed = this.hash(normalized);
    safeEqual(this.decoy, hashed);
    this.revoked.get(hashed); // the revoked-password look-up check() makes for a known login
    return null;
  }

  /** A stored-hash-shaped value no password hashes to (random, made once). */
  private readonly decoy = HASH_PREFIX + randomAlphanumeric(43);

  /**
   * Records last use at most once a day per password (WordPress does the same), so authenticated
   * traffic does not write to disk on every request. Returns true when it changed the record.
   */
  recordUsage(item: ApplicationPasswordRecord, ip: string | null, force = false): boolean {
    const now = this.clock.seconds();
    if (!force && item.lastUsed !== null && now - item.lastUsed < DAY) return false;
    const current = this.items.get(item.uuid);
    if (!current) return false;
    this.items.put(item.uuid, { ...current, lastUsed: now, lastIp: ip });
    return true;
  }
}
