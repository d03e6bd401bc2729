/**
 * What WordPress saves for a user's text fields (wp_insert_user's pre_user_* filters, default-filters.php).
 */
import { addslashes, sanitizeTextField, stripslashes, wpSpecialcharsNoQuotes } from './formatting';
import { KSES_ALLOWED_TAGS, KSES_USER_DESCRIPTION_TAGS, wpKses } from './kses';

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
  return value === '' || value === '0' ? '' : wpKses(value, KSES_USER_DESCRIPTION_TAGS);
}
