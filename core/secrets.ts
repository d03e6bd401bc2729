import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Store } from './store';

/**
 * The site's secrets, made with a CSPRNG on first run and kept in the store (WordPress keeps its
 * keys and salts in wp-config.php). Namespaces derive their own keys by label.
 */
export interface SiteSecrets {
  /** WordPress NONCE_KEY and NONCE_SALT: wp_salt('nonce') is their concatenation. */
  nonceKey: string;
  nonceSalt: string;
  /** WordPress AUTH_KEY / AUTH_SALT. */
  authKey: string;
  authSalt: string;
  /** Key of the fast keyed hash of application passwords and cached vendor credentials. */
  hashKey: string;
  /** HS256 signing key for JWTs the site issues. */
  jwtSigningKey: string;
}

const SECRETS_COLLECTION = 'site';
const SECRETS_KEY = 'secrets';

/** 64 printable characters like WordPress's generated salts (no quotes or backslashes). */
export function randomSalt(length = 64): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_[]{}<>~+=,.;:/?|';
  let out = '';
  for (let i = 0; i < length; i++) out += chars[randomInt(chars.length)];
  return out;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `length` random characters from [A-Za-z0-9] (WordPress's wp_generate_password(n, false)), from a CSPRNG. */
export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

export function generateSecrets(): SiteSecrets {
  return {
    nonceKey: randomSalt(),
    nonceSalt: randomSalt(),
    authKey: randomSalt(),
    authSalt: randomSalt(),
    hashKey: randomBytes(32).toString('base64'),
    jwtSigningKey: randomBytes(32).toString('base64'),
  };
}

/** Reads the site's secrets, creating them on first use. */
export function loadSecrets(store: Store): { secrets: SiteSecrets; created: boolean } {
  const site = store.collection<SiteSecrets>(SECRETS_COLLECTION);
  const existing = site.get(SECRETS_KEY);
  if (existing) return { secrets: existing, created: false };
  const secrets = generateSecrets();
  site.put(SECRETS_KEY, secrets);
  return { secrets, created: true };
}

/** A fast keyed hash (HMAC-SHA256) for random secrets; see docs/security.md for why not bcrypt. */
export function keyedHash(key: string, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

/** A key for one purpose, derived from the site's hash key (so namespaces never share key material). */
export function deriveKey(secrets: SiteSecrets, label: string): Buffer {
  return createHmac('sha256', secrets.hashKey).update(`wp-token-emulator:${label}`).digest();
}

/** Compares two strings in time that depends only on their lengths. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left); // spend the same time as a same-length comparison
    return false;
  }
  return timingSafeEqual(left, right);
}
