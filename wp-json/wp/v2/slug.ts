import { uniqueNicename, type Users } from '../../../core/auth/users';
import { WpError } from '../../../core/rest/errors';
import { phpEmptyString, sanitizeTitle, sanitizeUser } from '../../../core/wordpress/formatting';

/**
 * A user's slug (user_nicename), as WordPress 6.8 makes it. The REST API's `slug` goes through its
 * sanitize_slug (sanitize_title) first (restSlug); wp_insert_user then takes what it is given through
 * sanitize_user(…, true) and sanitize_title, or the login's first 50 characters when it was given
 * nothing (PHP's empty(): '' and '0'), and refuses more than 50 characters. Every step is WordPress's
 * own function (core/wordpress, compared with the wp-oracle in tests/conformance).
 */

/** The most characters a nicename may have (wp_insert_user's check). */
export const MAX_NICENAME = 50;

/** What the REST API makes of a `slug` it is sent (sanitize_slug). */
export function restSlug(value: string): string {
  return sanitizeTitle(value);
}

/** wp_insert_user's user_nicename from what it is given and the user's login. */
export function nicename(given: string, login: string): string {
  return sanitizeTitle(phpEmptyString(given) ? [...login].slice(0, MAX_NICENAME).join('') : sanitizeUser(given, true));
}

/**
 * wp_insert_user's error for a nicename over 50 characters. It carries no status, so WordPress's REST
 * API answers it with a 500; the emulator answers bad input with a 4xx, never a 5xx, so here it is a
 * 400 with WordPress's code and message (docs/conformance.md, deliberate differences).
 */
export const NICENAME_TOO_LONG = { code: 'user_nicename_too_long', message: 'Nicename may not be longer than 50 characters.' } as const;

/**
 * The nicename wp_insert_user stores for `user` from what it is given ('' for nothing): null when it
 * is over 50 characters (nicenameTooLong); one another user has gets `-2`, `-3`, ... with the rest
 * cut to fit 50 characters (uniqueNicename).
 */
export function userNicename(given: string, user: { id: number; login: string }, users: Pick<Users, 'slugTaken'>): string | null {
  const wanted = nicename(given, user.login);
  if ([...wanted].length > MAX_NICENAME) return null;
  return uniqueNicename(wanted, (slug) => users.slugTaken(slug, user.id));
}

/** NICENAME_TOO_LONG as the REST API answers it here. */
export function nicenameTooLong(): WpError {
  return new WpError(NICENAME_TOO_LONG.code, NICENAME_TOO_LONG.message, { status: 400 });
}
