import { isRole } from '../../../core/auth/roles';
import type { UserRecord } from '../../../core/auth/users';
import { checkOptions, CliError, flag, formatItems, stringOption, type CliCommand } from '../../../core/cli';
import type { SiteContext } from '../../../core/namespace';
import { randomAlphanumeric } from '../../../core/secrets';
import { addslashes, stripslashes } from '../../../core/wordpress/formatting';
import { positional, resolveUser, resolveUsers, tooMany } from './cli-args';
import { sendUserChangeNotices } from './user-mail';

/**
 * WP-CLI's `wp user exists`, `set-role`, `add-role`, `remove-role`, `list-caps`, `check-password` and `reset-password`
 * (wp-cli/entity-command's User_Command on a single site), with their messages and exit codes.
 */

/** WP-CLI's validate_role: every role must exist, or the command stops before changing anything. */
function checkRoles(roles: readonly string[]): string[] {
  for (const role of roles) if (!isRole(role)) throw new CliError(`Role doesn't exist: ${role}`);
  return roles as string[];
}

/** Stores the user with its new roles (the user is read and written in one turn: nothing awaited). */
function saveRoles(ctx: SiteContext, user: UserRecord, roles: string[]): void {
  ctx.users.update({ ...user, roles });
}

/** `'a'` or `'a', 'b'` and the word for it, as WP-CLI writes a list of roles. */
function roleList(roles: readonly string[]): string {
  return `'${roles.join("', '")}' ${roles.length > 1 ? 'roles' : 'role'}`;
}

const userExists: CliCommand = {
  synopsis: 'exists <id>',
  description: 'Verifies whether a user exists.',
  help: {
    options: { '<id>': 'The ID of the user to check (an e-mail address or login is found too, as WP-CLI finds it).' },
    examples: ['# The user exists', '$ wp-token-emulator user exists 1', 'Success: User with ID 1 exists.', '', '# The user does not exist: no output, exit code 1', '$ wp-token-emulator user exists 10000'],
  },
  run(args, io, ctx) {
    checkOptions(args, []);
    const id = positional(args, 0, 'id');
    tooMany(args, 1);
    if (!ctx.users.resolve(id)) return 1;
    io.out(`Success: User with ID ${id} exists.`);
    return 0;
  },
};

const userSetRole: CliCommand = {
  synopsis: 'set-role <user> [<role>]',
  description: 'Sets the user role.',
  help: {
    options: { '<user>': 'User ID, user email, or user login.', '<role>': 'Make the user have the specified role. If not passed, the default role (subscriber) is used.' },
    examples: ['$ wp-token-emulator user set-role 2 author', 'Success: Added alice (2) to http://127.0.0.1:8080 as author.'],
  },
  run(args, io, ctx) {
    checkOptions(args, []);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    tooMany(args, 2);
    const [role] = checkRoles([args.positional[1] ?? 'subscriber']);
    saveRoles(ctx, user, [role!]);
    io.out(`Success: Added ${user.login} (${user.id}) to ${ctx.config.siteUrl} as ${role}.`);
    return 0;
  },
};

const userAddRole: CliCommand = {
  synopsis: 'add-role <user> [<role>...]',
  description: 'Adds a role for a user.',
  help: {
    options: { '<user>': 'User ID, user email, or user login.', '<role>': 'Add the specified role(s) to the user.' },
    examples: ['$ wp-token-emulator user add-role 2 author', "Success: Added 'author' role for alice (2).", '', '$ wp-token-emulator user add-role 2 author contributor', "Success: Added 'author', 'contributor' roles for alice (2)."],
  },
  run(args, io, ctx) {
    checkOptions(args, []);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    const roles = args.positional.slice(1);
    if (roles.length === 0) throw new CliError('Please specify at least one role to add.');
    const added = checkRoles(roles);
    // WP_User::add_role: a role the user has already is not added twice.
    saveRoles(ctx, user, [...user.roles, ...added.filter((role, i) => !user.roles.includes(role) && added.indexOf(role) === i)]);
    io.out(`Success: Added ${roleList(roles)} for ${user.login} (${user.id}).`);
    return 0;
  },
};

const userRemoveRole: CliCommand = {
  synopsis: 'remove-role <user> [<role>...]',
  description: "Removes a user's role.",
  help: {
    options: { '<user>': 'User ID, user email, or user login.', '<role>': 'Remove the specified role(s) from the user. If not passed, all roles are removed from the user.' },
    examples: ['$ wp-token-emulator user remove-role 2 author', "Success: Removed 'author' role from alice (2).", '', '# All roles', '$ wp-token-emulator user remove-role 2', 'Success: Removed all roles from alice (2) on http://127.0.0.1:8080.'],
  },
  run(args, io, ctx) {
    checkOptions(args, []);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    const roles = args.positional.slice(1);
    if (roles.length === 0) {
      // WP_User::remove_all_caps: no role left (the user can sign in but do nothing).
      saveRoles(ctx, user, []);
      io.out(`Success: Removed all roles from ${user.login} (${user.id}) on ${ctx.config.siteUrl}.`);
      return 0;
    }
    const removed = checkRoles(roles);
    saveRoles(ctx, user, user.roles.filter((role) => !removed.includes(role)));
    io.out(`Success: Removed ${roleList(roles)} from ${user.login} (${user.id}).`);
    return 0;
  },
};

const userCheckPassword: CliCommand = {
  synopsis: 'check-password <user> <user_pass> [--escape-chars]',
  description: "Checks if a user's password is valid or not.",
  help: {
    options: {
      '<user>': 'The user login, user email or user ID of the user to check credentials for.',
      '<user_pass>': 'A string that contains the plain text password for the user.',
      '--escape-chars': 'Escape the password with wp_slash() to mimic the same behaviour as wp-login.php.',
    },
    examples: ['# Exit status 0 if the credentials are valid, otherwise 1 (no output either way)', '$ wp-token-emulator user check-password admin adminpass', '$ echo $?', '1'],
  },
  async run(args, io, ctx) {
    checkOptions(args, ['escape-chars']);
    const given = positional(args, 1, 'user_pass');
    tooMany(args, 2);
    const escape = flag(args, 'escape-chars');
    if (!escape && addslashes(stripslashes(given)) !== given) {
      io.err('Warning: Password contains characters that need to be escaped. Please escape them manually or use the `--escape-chars` option.');
    }
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    return (await ctx.users.checkPassword(user, escape ? addslashes(given) : given)) ? 0 : 1;
  },
};

const userResetPassword: CliCommand = {
  synopsis: 'reset-password <user>... [--skip-email] [--show-password] [--porcelain]',
  description: 'Resets the password for one or more users.',
  help: {
    options: {
      '<user>': 'One or more user logins or IDs.',
      '--skip-email': "Don't send an email notification to the affected user(s) (wp_update_user's \"Password Changed\" notice, to the outbox).",
      '--show-password': 'Show the new password(s).',
      '--porcelain': 'Output only the new password(s).',
    },
    examples: ['# Reset and display the password', '$ wp-token-emulator user reset-password alice --show-password', 'Reset password for alice.', 'Password: N6hAau0fXZMNrLCIirdEGOh4', 'Success: Password reset for 1 user.'],
  },
  async run(args, io, ctx) {
    checkOptions(args, ['skip-email', 'show-password', 'porcelain']);
    const porcelain = flag(args, 'porcelain');
    const found = resolveUsers(ctx, args.positional, io);
    let reset = 0;
    for (const user of found) {
      const password = randomAlphanumeric(24);
      // Stored as the user is once hashed: a user deleted meanwhile is not brought back.
      const current = await ctx.users.setPassword(user.id, password);
      if (!current) {
        io.err(`Warning: Invalid user ID, email or login: '${user.login}'`);
        continue;
      }
      if (!flag(args, 'skip-email')) sendUserChangeNotices(ctx, { before: current, passwordChanged: true });
      reset++;
      if (porcelain) io.out(password);
      else {
        io.out(`Reset password for ${user.login}.`);
        if (flag(args, 'show-password')) io.out(`Password: ${password}`);
      }
    }
    if (reset > 0) await ctx.store.commit();
    if (porcelain) return 0;
    if (reset === 0) throw new CliError('No user found to reset password.');
    io.out(reset === 1 ? 'Success: Password reset for 1 user.' : `Success: Passwords reset for ${reset} users.`);
    return 0;
  },
};

const userListCaps: CliCommand = {
  synopsis: 'list-caps <user> [--format=<format>] [--origin=<origin>] [--exclude-role-names]',
  description: 'Lists all capabilities for a user.',
  help: {
    options: {
      '<user>': 'User ID, user email, or login.',
      '--format': 'Render output in a particular format: list (one per line), table, csv, json, count or yaml. Default: list.',
      '--origin': "all (default), user (the user's own, not from a role: none here) or role (from the user's roles, with the role names).",
      '--exclude-role-names': 'Exclude capabilities that match role names from output.',
    },
    examples: ['$ wp-token-emulator user list-caps sam', 'read', 'level_0', 'subscriber'],
  },
  run(args, io, ctx) {
    checkOptions(args, ['format', 'origin', 'exclude-role-names']);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    tooMany(args, 1);
    const origin = stringOption(args, 'origin') ?? 'all';
    if (!['all', 'user', 'role'].includes(origin)) throw new CliError(`Invalid value specified for 'origin' (Render output in a particular format.)`);
    const format = stringOption(args, 'format') ?? 'list';
    const excludeRoles = flag(args, 'exclude-role-names');
    // allcaps: the roles' capabilities, then the role names (the user's own capabilities, which the
    // emulator keeps to those). `user`: the user's own that are not role names, so none here.
    const caps = origin === 'user' ? [] : Object.entries(ctx.users.capabilities(user)).filter(([cap, active]) => active && !(excludeRoles && user.roles.includes(cap))).map(([cap]) => cap);
    if (format === 'list') {
      for (const cap of caps) io.out(cap);
      return 0;
    }
    formatItems(io, format, caps.map((name) => ({ name })), ['name'], 'name');
    return 0;
  },
};

/** The commands above, by their names in the `user` group. */
export const userRoleCommands: Record<string, CliCommand> = {
  exists: userExists,
  'set-role': userSetRole,
  'add-role': userAddRole,
  'remove-role': userRemoveRole,
  'check-password': userCheckPassword,
  'reset-password': userResetPassword,
  'list-caps': userListCaps,
};
