import { createHash, createHmac, hash, randomBytes, randomFillSync, randomInt, timingSafeEqual } from 'node:crypto';
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
  return randomFrom('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_[]{}<>~+=,.;:/?|', length);
}

/** `length` characters drawn from `chars` (ASCII) with a CSPRNG, each equally likely. */
export function randomFrom(chars: string, length: number): string {
  // Into one buffer (64 one-character concatenations made a rope of 64 strings per salt).
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = chars.charCodeAt(randomInt(chars.length));
  return out.toString('latin1');
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Random bytes are drawn into this buffer (no allocation per call). */
const RANDOM = Buffer.allocUnsafeSlow(256);

/** `length` random characters from [A-Za-z0-9] (WordPress's wp_generate_password(n, false)), from a CSPRNG. */
export function randomAlphanumeric(length: number): string {
  const out = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    randomFillSync(RANDOM);
    // 248 = 4 x 62: a byte below it picks each character with the same chance; the rest are dropped.
    for (let i = 0; i < RANDOM.length && filled < length; i++) if (RANDOM[i]! < 248) out[filled++] = ALNUM.charCodeAt(RANDOM[i]! % 62);
  }
  RANDOM.fill(0);
  return out.toString('latin1');
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
  return hmac('sha256', key, value, 'base64url');
}

/** HMAC's block size in bytes for the algorithms in use (RFC 2104's B). */
const HMAC_BLOCK = 64;
/** Message bytes the prepared inner block has room for (longer messages are streamed). */
const HMAC_ROOM = 512;
const DIGEST_BYTES = { sha256: 32, md5: 16 } as const;

/**
 * One HMAC key, prepared once (RFC 2104): the key (hashed first when longer than the block, as
 * OpenSSL does on every call otherwise: WordPress's salts are 128 characters) XORed with ipad and
 * opad into two blocks kept for the key's lifetime. A digest is then two one-shot hashes,
 * H((K ^ opad) || H((K ^ ipad) || data)), the same bytes createHmac gives (core/secrets.test.ts
 * checks them against it). Why not createHmac: in the server each createHmac cost ~5 µs of CPU (a
 * MAC context made, initialised and freed per call, measured with bench/stage-profile.ts), three
 * per Everest request; a one-shot hash reuses the digest Node keeps. The message is written into the
 * inner block's room and wiped after (it may be a password).
 */
export class HmacKey {
  private readonly inner: Buffer;
  private readonly outer: Buffer;

  constructor(
    readonly algorithm: 'sha256' | 'md5',
    key: string,
  ) {
    const bytes = Buffer.from(key, 'utf8');
    const k = bytes.length > HMAC_BLOCK ? createHash(algorithm).update(bytes).digest() : bytes;
    this.inner = Buffer.alloc(HMAC_BLOCK + HMAC_ROOM);
    this.outer = Buffer.alloc(HMAC_BLOCK + DIGEST_BYTES[algorithm]);
    for (let i = 0; i < HMAC_BLOCK; i++) {
      const byte = i < k.length ? k[i]! : 0;
      this.inner[i] = byte ^ 0x36;
      this.outer[i] = byte ^ 0x5c;
    }
    bytes.fill(0);
  }

  /** HMAC of `data` (UTF-8). */
  digest(data: string, encoding: 'hex' | 'base64url'): string {
    let inner: string;
    // At most 3 UTF-8 bytes per UTF-16 unit: a message this short surely fits the room.
    if (data.length * 3 <= HMAC_ROOM) {
      const n = this.inner.write(data, HMAC_BLOCK, 'utf8');
      inner = hash(this.algorithm, this.inner.subarray(0, HMAC_BLOCK + n), 'binary');
      this.inner.fill(0, HMAC_BLOCK, HMAC_BLOCK + n);
    } else {
      inner = createHash(this.algorithm).update(this.inner.subarray(0, HMAC_BLOCK)).update(data, 'utf8').digest('binary');
    }
    // The inner digest's bytes, as the 'binary' (Latin-1) string the hash gave them.
    this.outer.write(inner, HMAC_BLOCK, 'latin1');
    return hash(this.algorithm, this.outer, encoding);
  }
}

/**
 * The few HMAC keys in use, prepared (a string key would be turned into a key object on every call),
 * one map per algorithm keyed by the key string itself: a key made by concatenation on every call
 * would be flattened and hashed again for each lookup (~0.3 µs for WordPress's 128-character salts).
 */
const hmacKeys = { sha256: new Map<string, HmacKey>(), md5: new Map<string, HmacKey>() };

/** HMAC of `data` (UTF-8) under `key` (UTF-8, as createHmac takes a string key). */
export function hmac(algorithm: 'sha256' | 'md5', key: string, data: string, encoding: 'hex' | 'base64url'): string {
  const keys = hmacKeys[algorithm];
  let prepared = keys.get(key);
  if (prepared === undefined) {
    if (keys.size >= 32) keys.clear();
    prepared = new HmacKey(algorithm, key);
    keys.set(key, prepared);
  }
  return prepared.digest(data, encoding);
}

/** A key for one purpose, derived from the site's hash key (so namespaces never share key material). */
export function deriveKey(secrets: SiteSecrets, label: string): Buffer {
  return createHmac('sha256', secrets.hashKey).update(`wp-token-emulator:${label}`).digest();
}

const COMPARE_HALF = 2048;
/** Both strings of a comparison are written here (no allocation per call), then wiped. */
const COMPARE = Buffer.allocUnsafeSlow(2 * COMPARE_HALF);

/** Compares two strings in time that depends only on their lengths. */
export function safeEqual(a: string, b: string): boolean {
  // At most 3 UTF-8 bytes per UTF-16 unit: short strings surely fit a half of the reused buffer.
  const reused = a.length * 3 <= COMPARE_HALF && b.length * 3 <= COMPARE_HALF;
  const left = reused ? COMPARE.subarray(0, COMPARE.write(a, 0, COMPARE_HALF, 'utf8')) : Buffer.from(a, 'utf8');
  const right = reused ? COMPARE.subarray(COMPARE_HALF, COMPARE_HALF + COMPARE.write(b, COMPARE_HALF, COMPARE_HALF, 'utf8')) : Buffer.from(b, 'utf8');
  // Different lengths: spend the same time as a same-length comparison.
  const same = left.length === right.length ? timingSafeEqual(left, right) : (timingSafeEqual(left, left), false);
  if (reused) {
    left.fill(0);
    right.fill(0);
  }
  return same;
}
