import type { UserRecord } from '../../../core/auth/users';
import type { SiteContext } from '../../../core/namespace';
import { wpSpecialcharsDecode } from '../../../core/wordpress/formatting';

/**
 * The notices wp_update_user mails when a user's password or e-mail address changes (WordPress 6.8's
 * words, captured from the wp-oracle's wp_mail()): both to the address the user had, the password's
 * first. They go to the outbox (and over SMTP when SMTP_URL is set), as every mail of the site.
 */

const PASSWORD_CHANGED = `Hi ###USERNAME###,

This notice confirms that your password was changed on ###SITENAME###.

If you did not change your password, please contact the Site Administrator at
###ADMIN_EMAIL###

This email has been sent to ###EMAIL###

Regards,
All at ###SITENAME###
###SITEURL###`;

const EMAIL_CHANGED = `Hi ###USERNAME###,

This notice confirms that your email address on ###SITENAME### was changed to ###NEW_EMAIL###.

If you did not change your email, please contact the Site Administrator at
###ADMIN_EMAIL###

This email has been sent to ###EMAIL###

Regards,
All at ###SITENAME###
###SITEURL###`;

/** What changed in an update that wp_update_user tells the user about. */
export interface UserChangeNotice {
  /** The user as stored before the update (the mails go to this address). */
  before: UserRecord;
  /** A new login password was set (WordPress: a non-empty `user_pass` given). */
  passwordChanged: boolean;
  /** The address as given (not yet through its filters), when one was given. */
  emailGiven?: string;
}

/**
 * Sends wp_update_user's notices for an update that was stored: "[Site] Password Changed" when a new
 * password was set, "[Site] Email Changed" when an address other than the stored one (compared as
 * given, case included) was sent. A delivery that fails does not undo the update (the outbox keeps
 * the message, marked failed), as a failing wp_mail() does not in WordPress.
 */
export function sendUserChangeNotices(ctx: SiteContext, notice: UserChangeNotice): void {
  const { before } = notice;
  const siteName = wpSpecialcharsDecode(ctx.config.siteName);
  // str_replace one placeholder after the other, in WordPress's order (a value holding a later
  // placeholder is replaced again, as there).
  const fill = (text: string, newEmail?: string) => {
    const steps: Array<[string, string]> = [['USERNAME', before.login], ['ADMIN_EMAIL', ctx.users.adminEmail()], ...(newEmail === undefined ? [] : [['NEW_EMAIL', newEmail] as [string, string]]), ['EMAIL', before.email], ['SITENAME', siteName], ['SITEURL', ctx.config.siteUrl]];
    return steps.reduce((out, [key, value]) => out.split(`###${key}###`).join(value), text);
  };
  const send = (subject: string, text: string) => void ctx.mailer.send({ to: before.email, subject: `[${siteName}] ${subject}`, text }).catch(() => undefined);
  if (notice.passwordChanged) send('Password Changed', fill(PASSWORD_CHANGED));
  if (notice.emailGiven !== undefined && notice.emailGiven !== before.email) send('Email Changed', fill(EMAIL_CHANGED, notice.emailGiven));
}
