/**
 * What WordPress saves for a user's text fields (wp_insert_user's pre_user_* filters, default-filters.php).
 */
import { addslashes, phpEmptyString, phpTrim, sanitizeEmail, sanitizeTextField, stripslashes, wpSpecialcharsNoQuotes, wpStripAllTags } from './formatting';
import { KSES_ALLOWED_TAGS, KSES_USER_DESCRIPTION_TAGS, wpKses } from './kses';
import { sanitizeUrl } from './url';

/**
 * What WordPress saves for a user's display name, first and last name and nickname: its pre_user_*
 * filters run on the slashed value wp_insert_user gets (so a NUL, slashed as `\0`, outlives
 * sanitize_text_field's trim): sanitize_text_field, wp_filter_kses (unslashed, wp_kses with
 * `$allowedtags`, slashed again) and _wp_specialchars (ENT_NOQUOTES); the result unslashed.
 */
export function sanitizeUserNameField(value: string): string {
  // Slashing changes what sanitize_text_field does only for a NUL and for quotes in `<?` and `<!`
  // (strip_tags skips a quote after a backslash there); any other text gives the same without it.
  const slashingMatters = value.includes('\0') || /<[?!]/.test(value);
  return wpSpecialcharsNoQuotes(wpKses(slashingMatters ? stripslashes(sanitizeTextField(addslashes(value))) : sanitizeTextField(value), KSES_ALLOWED_TAGS));
}

/**
 * What WordPress saves for a user's biographical info: '' for a PHP-empty value (wp_insert_user's
 * `empty()`: '' and '0'), else its pre_user_description filter, wp_filter_kses with that context's
 * tags, on the slashed value and unslashed when stored: wp_kses of the value.
 */
export function sanitizeUserDescription(value: string): string {
  return phpEmptyString(value) ? '' : wpKses(value, KSES_USER_DESCRIPTION_TAGS);
}

/**
 * What WordPress saves of a user's website address: '' for a PHP-empty value, else its pre_user_url
 * filters on the slashed value wp_insert_user gets, wp_strip_all_tags, sanitize_url and
 * wp_filter_kses, unslashed when stored. sanitize_url drops every backslash, so kses sees the value
 * unslashed: `http://example.com/?a=1&b=2` is saved as `http://example.com/?a=1&amp;b=2`.
 */
export function sanitizeUserUrl(value: string): string {
  if (phpEmptyString(value)) return '';
  return wpKses(stripslashes(sanitizeUrl(wpStripAllTags(addslashes(value)))), KSES_ALLOWED_TAGS);
}

/**
 * What WordPress saves of a user's e-mail address: its pre_user_email filters on the slashed value
 * wp_insert_user gets, trim, sanitize_email (which drops the backslashes slashing added; a NUL,
 * slashed as `\0`, leaves its '0') and wp_filter_kses: `a&b@example.com` is saved as
 * `a&amp;b@example.com`.
 */
export function sanitizeUserEmail(email: string): string {
  return wpKses(sanitizeEmail(phpTrim(addslashes(email))), KSES_ALLOWED_TAGS);
}
