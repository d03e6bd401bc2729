import type { Clock } from '../clock';
import { keyedHash, randomAlphanumeric, safeEqual, type SiteSecrets } from '../secrets';
import type { Collection, Store } from '../store';
import type { UserRecord, Users } from './users';

/**
 * Password reset keys, as get_password_reset_key() and check_password_reset_key() keep them: one per
 * user (a new request replaces the last), 20 random letters and digits, valid for a day
 * (password_reset_expiration), kept only as a keyed hash with the time it was made (WordPress keeps
 * `time:hash` in user_activation_key), compared in constant time, and gone once the password is reset.
 */

/** DAY_IN_SECONDS: how long a reset link works. */
export const RESET_KEY_LIFETIME = 24 * 60 * 60;
const KEY_LENGTH = 20;
const COLLECTION = 'password_reset_keys';

interface ResetKeyRecord {
  userId: number;
  /** keyedHash of the key under the site's hash key. */
  hash: string;
  /** Unix seconds (the site clock) when the key was made. */
  created: number;
}

export type ResetKeyCheck = { user: UserRecord } | { error: 'invalidkey' | 'expiredkey' };

export class PasswordResets {
  private readonly keys: Collection<ResetKeyRecord>;

  constructor(
    store: Store,
    private readonly users: Users,
    private readonly secrets: SiteSecrets,
    private readonly clock: Clock,
  ) {
    this.keys = store.collection<ResetKeyRecord>(COLLECTION);
  }

  /** A new key for the user (any earlier one stops working); the caller commits the store. */
  create(user: UserRecord): string {
    const key = randomAlphanumeric(KEY_LENGTH);
    this.keys.put(String(user.id), { userId: user.id, hash: keyedHash(this.secrets.hashKey, key), created: this.clock.seconds() });
    return key;
  }

  /** check_password_reset_key(): the user the key belongs to, or WordPress's error code. */
  check(key: string, login: string): ResetKeyCheck {
    // As WordPress: an unusable key or login is invalid before anything is looked up.
    if (!/^[A-Za-z0-9]+$/.test(key) || login === '') return { error: 'invalidkey' };
    const user = this.users.byGivenLogin(login);
    const record = user ? this.keys.get(String(user.id)) : undefined;
    // One hash whether or not the login has a key (an unknown login costs what a wrong key does).
    const matches = safeEqual(keyedHash(this.secrets.hashKey, key), record?.hash ?? '');
    if (!user || !record || !matches) return { error: 'invalidkey' };
    if (this.clock.seconds() > record.created + RESET_KEY_LIFETIME) return { error: 'expiredkey' };
    return { user };
  }

  /** The key is used up (the password was reset); the caller commits the store. */
  clear(user: UserRecord): void {
    this.keys.delete(String(user.id));
  }
}
