import { bcrypt } from '../../../core/auth/bcrypt';
import { isRole } from '../../../core/auth/roles';
import type { UserRecord, Users } from '../../../core/auth/users';
import { checkOptions, CliError, type CliCommand } from '../../../core/cli';
import { isEmail } from '../../../core/wordpress/formatting';
import { NICENAME_TOO_LONG, userNicename } from './slug';
import { badRegistered, registeredOption, resolveUsers } from './cli-args';
import { saveUserTextFields, storeUserChanges, type UserTextField } from './users';

/**
 * `wp-token-emulator user update <user>... [--<field>=<value>]`: WP-CLI's `wp user update`, with its
 * field options, messages and exit codes.
 */

/** WP-CLI's options for a user's text fields (`user create` takes some of them): saved together through their pre_user_* filters (saveUserTextFields). */
export const WP_CLI_TEXT_OPTIONS: Readonly<Record<string, UserTextField>> = {
  display_name: 'displayName',
  nickname: 'nickname',
  first_name: 'firstName',
  last_name: 'lastName',
  description: 'description',
  user_url: 'url',
};

/** Each option's check and effect: a problem, or null; text fields are collected in `given` and saved together. */
const FIELDS: Record<string, (user: UserRecord, value: string, given: Map<UserTextField, string>, users: Users) => string | null> = {
  ...Object.fromEntries(Object.entries(WP_CLI_TEXT_OPTIONS).map(([option, field]) => [option, (_u: UserRecord, v: string, given: Map<UserTextField, string>) => (given.set(field, v), null)])),
  // wp_update_user's nicename: sanitize_user and sanitize_title (the login's when v is PHP-empty), at
  // most 50 characters; one another user has gets -2, -3, ... as wp_insert_user gives it.
  user_nicename: (u, v, _given, users) => {
    const made = userNicename(v, u, users);
    if (made === null) return NICENAME_TOO_LONG.message;
    u.slug = made;
    return null;
  },
  // WP-CLI's update passes any address to wp_update_user, whose sanitize_email saves '' or less of an
  // invalid one; refused here with WP-CLI create's message instead (docs/conformance.md).
  user_email: (_u, v, given) => (isEmail(v) ? (given.set('email', v), null) : `The '${v}' email address is invalid.`),
  role: (u, v) => (isRole(v) ? ((u.roles = [v]), null) : `Role doesn't exist: ${v}`),
  locale: (u, v) => ((u.locale = v === 'en_US' ? '' : v), null),
  user_registered: (u, v) => {
    const registered = registeredOption(v);
    if (registered === null) return badRegistered(v);
    u.registered = registered;
    return null;
  },
};
const OTHER = ['user_pass', 'skip-email', 'user_login'];

export const userUpdate: CliCommand = {
  synopsis: 'update <user>... [--user_pass=<password>] [--user_nicename=<nice_name>] [--user_url=<url>] [--user_email=<email>] [--display_name=<display_name>] [--nickname=<nickname>] [--first_name=<first_name>] [--last_name=<last_name>] [--description=<description>] [--role=<role>] [--locale=<locale>] [--user_registered=<yyyy-mm-dd-hh-ii-ss>] [--skip-email]',
  description: 'Updates an existing user.',
  help: {
    options: {
      '<user>': 'The user ID, e-mail or login of the user(s) to update.',
      '--user_pass': 'A new login password (stored as a bcrypt hash).',
      '--user_nicename': 'A new slug (user_nicename); one another user has gets -2, -3, ... as WordPress gives it.',
      '--user_url': 'A new website address.',
      '--user_email': 'A new e-mail address; must not be another user\'s.',
      '--display_name': 'A new display name.',
      '--nickname': 'A new nickname.',
      '--first_name': 'A new first name.',
      '--last_name': 'A new last name.',
      '--description': 'A new biographical description.',
      '--role': 'A new role: administrator, editor, author, contributor or subscriber.',
      '--locale': 'A new locale (en_US).',
      '--user_registered': "A new registration date and time (UTC): yyyy-mm-dd-hh-ii-ss, 'yyyy-mm-dd hh:ii:ss' or yyyy-mm-dd.",
      '--skip-email': "Don't send the notice of a new password or e-mail address that is mailed to the user otherwise (to the outbox).",
    },
    examples: ['# Update the display name of user alice', '$ wp-token-emulator user update alice --display_name=Alicia', 'Success: Updated user 2.'],
  },
  async run(args, io, ctx) {
    if (args.positional.length === 0) throw new CliError('Missing argument <user>: a user ID, e-mail or login.');
    checkOptions(args, [...Object.keys(FIELDS), ...OTHER]);
    // WP-CLI drops --user_login with a warning and goes on with the rest.
    if ('user_login' in args.options) io.err("Warning: User logins can't be changed.");
    // --skip-email: no notice of a new password or address (wp_update_user mails one otherwise).
    const skipEmail = args.options['skip-email'] !== undefined;
    const options = Object.entries(args.options).filter(([name]) => name !== 'skip-email' && name !== 'user_login');
    if (options.length === 0) throw new CliError('Need some fields to update.');
    const found = resolveUsers(ctx, args.positional, io);
    if (found.length === 0) throw new CliError('No valid users found.');
    let failures = 0;
    for (const original of found) {
      const user: UserRecord = { ...original, roles: [...original.roles] };
      const given = new Map<UserTextField, string>();
      let problem: string | null = null;
      for (const [name, value] of options) {
        if (typeof value !== 'string') {
          problem = `--${name} needs a value.`;
          break;
        }
        if (name === 'user_email') {
          const owner = ctx.users.byEmail(value);
          if (owner && owner.id !== user.id) problem = 'Sorry, that email address is already used!';
        }
        if (name === 'user_pass') {
          if (value === '' || value.includes('\\')) problem = 'Passwords cannot be empty or contain the "\\" character.';
          else user.passwordHash = await bcrypt().hash(value, ctx.config.bcryptCost);
        }
        problem ??= name in FIELDS ? FIELDS[name]!(user, value, given, ctx.users) : null;
        if (problem) break;
      }
      if (problem) {
        io.err(`Error: ${problem}`);
        failures++;
        continue;
      }
      saveUserTextFields(user, given);
      // Stored with the REST API's checks in this turn: the password hash was awaited, and a server
      // runs other requests meanwhile (a user deleted then is not brought back).
      const email = args.options.user_email;
      const notices = skipEmail ? undefined : { passwordChanged: typeof args.options.user_pass === 'string', emailGiven: typeof email === 'string' ? email : undefined };
      const failed = storeUserChanges(ctx, user, notices);
      if (failed) {
        io.err(failed.code === 'rest_user_invalid_id' ? `Warning: Invalid user ID, email or login: '${user.id}'` : 'Error: Sorry, that email address is already used!');
        failures++;
        continue;
      }
      io.out(`Success: Updated user ${user.id}.`);
    }
    await ctx.store.commit();
    return failures > 0 ? 1 : 0;
  },
};
