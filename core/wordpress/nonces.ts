import type { SiteSecrets } from '../secrets';
import { hmac, safeEqual } from '../secrets';

/** WordPress's nonce_life (DAY_IN_SECONDS); a tick is half of it. */
export const NONCE_LIFE = 86_400;
export const TICK_SECONDS = NONCE_LIFE / 2;

/**
 * wp_salt('nonce') of each site's secrets object, made once: the same string object every time, so
 * looking up its prepared HMAC key does not flatten and hash a new 128-character string per nonce.
 * A secrets object is never changed in place (a reset or restore reads a new one from the store).
 */
const salts = new WeakMap<SiteSecrets, string>();

/** wp_salt('nonce'): NONCE_KEY . NONCE_SALT. */
export function nonceSalt(secrets: SiteSecrets): string {
  let joined = salts.get(secrets);
  if (joined === undefined) {
    joined = secrets.nonceKey + secrets.nonceSalt;
    salts.set(secrets, joined);
  }
  return joined;
}

/** wp_hash($data, 'nonce'): HMAC-MD5 keyed by wp_salt('nonce'), as 32 hex characters. */
export function wpHashNonce(secrets: SiteSecrets, data: string): string {
  return hmac('md5', nonceSalt(secrets), data, 'hex');
}

/** wp_nonce_tick(): ceil(time() / (nonce_life / 2)). */
export function nonceTick(unixSeconds: number): number {
  return Math.ceil(unixSeconds / TICK_SECONDS);
}

/** The nonce of one tick: substr(wp_hash("$i|$action|$uid|$token", 'nonce'), -12, 10). */
export function nonceFor(secrets: SiteSecrets, tick: number, action: string, uid: number, sessionToken = ''): string {
  return wpHashNonce(secrets, `${tick}|${action}|${uid}|${sessionToken}`).slice(-12, -2);
}

/** wp_create_nonce($action) for user `uid`. Application-password requests have no session token (''). */
export function wpCreateNonce(secrets: SiteSecrets, nowSeconds: number, action: string, uid: number, sessionToken = ''): string {
  return nonceFor(secrets, nonceTick(nowSeconds), action, uid, sessionToken);
}

/**
 * wp_verify_nonce($nonce, $action): 1 when made in the current tick (0–12 h ago), 2 in the previous
 * one (12–24 h ago), false otherwise. Compared in constant time (WordPress uses hash_equals).
 */
export function wpVerifyNonce(secrets: SiteSecrets, nowSeconds: number, nonce: string, action: string, uid: number, sessionToken = ''): 1 | 2 | false {
  if (nonce === '' || nonce === '0') return false; // PHP empty()
  const tick = nonceTick(nowSeconds);
  if (safeEqual(nonceFor(secrets, tick, action, uid, sessionToken), nonce)) return 1;
  if (safeEqual(nonceFor(secrets, tick - 1, action, uid, sessionToken), nonce)) return 2;
  return false;
}
