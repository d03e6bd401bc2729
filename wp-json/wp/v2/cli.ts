import { randomAlphanumeric } from '../../../core/secrets';
import { ApplicationPasswordError, type ApplicationPasswordRecord } from '../../../core/auth/application-passwords';
import { isRole, ROLES } from '../../../core/auth/roles';
import { UserError, type UserRecord } from '../../../core/auth/users';
import { isEmail } from '../../../core/wordpress/formatting';
import { checkOptions, CliError, flag, formatItem, formatItems, selectFields, stringOption, wpCliJson, type CliCommand, type CliGroup, type CliIO, type ParsedArgs } from '../../../core/cli';
import type { SiteContext } from '../../../core/namespace';
import { userUpdate, WP_CLI_TEXT_OPTIONS } from './user-update-cli';
import { saveUserTextFields, type UserTextField } from './users';
import { collate, userSearch } from './users-collection';
import { NICENAME_TOO_LONG, userNicename } from './slug';
import { badRegistered, positional, registeredOption, resolveUser, tooMany } from './cli-args';
import { userRoleCommands } from './user-role-cli';

/**
 * `wp-token-emulator user ...`: WP-CLI's `wp user` and `wp user application-password` commands,
 * with their words, options, messages and exit codes.
 */

const FORMAT_OPTIONS = ['format', 'fields', 'field'];

/** `--field=<f>` prints just the values (one per line), as WP-CLI does; otherwise the chosen format. */
function output(io: CliIO, args: ParsedArgs, items: Record<string, unknown>[], available: readonly string[], defaults: readonly string[], idField: string, prefix?: string): void {
  const fields = selectFields(args, available, defaults, prefix);
  const format = stringOption(args, 'format') ?? 'table';
  if (typeof args.options.field === 'string' && (format === 'table' || format === 'json')) {
    // WP-CLI's --field: the values alone, one per line (a JSON list with --format=json).
    const values = items.map((item) => item[fields[0]!] ?? null);
    if (format === 'json') io.out(wpCliJson(values));
    else for (const value of values) io.out(cellText(value));
    return;
  }
  formatItems(io, format, items, fields, idField);
}

function outputOne(io: CliIO, args: ParsedArgs, item: Record<string, unknown>, available: readonly string[], defaults: readonly string[], prefix?: string): void {
  const fields = selectFields(args, available, defaults, prefix);
  const format = stringOption(args, 'format') ?? 'table';
  if (typeof args.options.field === 'string') {
    io.out(format === 'json' ? wpCliJson(item[fields[0]!] ?? null) : cellText(item[fields[0]!]));
    return;
  }
  if (!['table', 'json', 'yaml', 'csv'].includes(format)) throw new CliError(`Invalid format: ${format}. Use table, json, yaml or csv.`);
  formatItem(io, format, item, fields);
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : typeof value === 'object' ? wpCliJson(value) : String(value);
}

// ---- users ---------------------------------------------------------------------------------

const USER_FIELDS = ['ID', 'user_login', 'display_name', 'user_email', 'user_registered', 'roles', 'user_nicename', 'user_url'];
const USER_LIST_DEFAULTS = ['ID', 'user_login', 'display_name', 'user_email', 'user_registered', 'roles'];

function userRow(user: UserRecord): Record<string, unknown> {
  return {
    ID: user.id,
    user_login: user.login,
    display_name: user.displayName,
    user_email: user.email,
    user_registered: user.registered,
    roles: user.roles.join(','),
    user_nicename: user.slug,
    user_url: user.url,
  };
}

const userCreate: CliCommand = {
  synopsis: 'create <user-login> <user-email> [--role=<role>] [--user_pass=<password>] [--user_registered=<yyyy-mm-dd-hh-ii-ss>] [--display_name=<name>] [--user_nicename=<nice_name>] [--user_url=<url>] [--nickname=<nickname>] [--first_name=<first_name>] [--last_name=<last_name>] [--description=<description>] [--porcelain]',
  description: 'Creates a new user.',
  async run(args, io, ctx) {
    checkOptions(args, ['role', 'user_pass', 'user_registered', 'user_nicename', 'porcelain', ...Object.keys(WP_CLI_TEXT_OPTIONS)]);
    const login = positional(args, 0, 'user-login');
    const email = positional(args, 1, 'user-email');
    tooMany(args, 2);
    // WP-CLI's own checks, in its order: the login, the address (is_email), the role.
    if (ctx.users.byLogin(login.trim())) throw new CliError(`The '${login}' username is already registered.`);
    if (!isEmail(email)) throw new CliError(`The '${email}' email address is invalid.`);
    const role = stringOption(args, 'role') ?? 'subscriber';
    if (!isRole(role)) throw new CliError(`Role doesn't exist: ${role}`);
    const registeredGiven = stringOption(args, 'user_registered');
    const registered = registeredGiven === undefined ? undefined : registeredOption(registeredGiven);
    if (registered === null) throw new CliError(badRegistered(registeredGiven!));
    // wp_insert_user refuses a nicename over 50 characters before it stores anything.
    const nicenameGiven = stringOption(args, 'user_nicename');
    if (nicenameGiven !== undefined && userNicename(nicenameGiven, { id: 0, login: login.trim() }, ctx.users) === null) throw new CliError(NICENAME_TOO_LONG.message);
    const given = stringOption(args, 'user_pass');
    const password = given ?? randomAlphanumeric(24);
    let user: UserRecord;
    try {
      user = await ctx.users.create({
        login,
        email,
        role,
        password,
        displayName: stringOption(args, 'display_name'),
        firstName: stringOption(args, 'first_name'),
        lastName: stringOption(args, 'last_name'),
        url: stringOption(args, 'user_url'),
      });
    } catch (e) {
      if (e instanceof UserError) {
        if (e.code === 'existing_user_login') throw new CliError('Sorry, that username already exists!');
        if (e.code === 'existing_user_email') throw new CliError('Sorry, that email address is already used!');
        throw new CliError(e.message);
      }
      throw e;
    }
    // wp_insert_user saves the text fields through their pre_user_* filters (the display name, when
    // not given, made of the first and last names or the login).
    const saved: UserRecord = { ...user, roles: [...user.roles] };
    const fields = new Map<UserTextField, string>([['email', email]]);
    for (const [option, field] of Object.entries(WP_CLI_TEXT_OPTIONS)) {
      const value = stringOption(args, option);
      if (value !== undefined) fields.set(field, value);
    }
    saveUserTextFields(saved, fields, true);
    // The nicename given (sanitize_user and sanitize_title; another user's gets -2, -3, ...).
    if (nicenameGiven !== undefined) saved.slug = userNicename(nicenameGiven, saved, ctx.users) ?? saved.slug;
    if (registered !== undefined) saved.registered = registered;
    ctx.users.update(saved);
    if (flag(args, 'porcelain')) {
      io.out(String(user.id));
      return 0;
    }
    io.out(`Success: Created user ${user.id}.`);
    if (given === undefined) io.out(`Password: ${password}`);
    return 0;
  },
};

/** WP_User_Query's orderby keys and the user's value for each (parse_orderby; MySQL's column names). */
const USER_ORDERBY: Record<string, (u: UserRecord) => string | number> = {
  login: (u) => u.login,
  nicename: (u) => u.slug,
  email: (u) => u.email,
  url: (u) => u.url,
  registered: (u) => u.registered,
  user_login: (u) => u.login,
  user_nicename: (u) => u.slug,
  user_email: (u) => u.email,
  user_url: (u) => u.url,
  user_registered: (u) => u.registered,
  name: (u) => u.displayName,
  display_name: (u) => u.displayName,
  ID: (u) => u.id,
  id: (u) => u.id,
};

/** wp_parse_id_list of a CSV option: the positive integers in it. */
function idList(args: ParsedArgs, name: string): number[] | undefined {
  const value = stringOption(args, name);
  return value === undefined ? undefined : [...new Set(value.split(/[\s,]+/).map((v) => Math.abs(Math.trunc(Number(v)))).filter((n) => Number.isFinite(n) && n > 0))];
}

/** A non-negative whole number option, or undefined; anything else is refused. */
function countOption(args: ParsedArgs, name: string): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new CliError(`Invalid --${name}: '${value}'. Use a whole number.`);
  return Number(value);
}

/**
 * `user list`: get_users() with WP-CLI's options as WP_User_Query arguments: ordered by login unless
 * `--orderby` names other keys (several, comma- or space-separated; unknown ones skipped), `--order`
 * ASC or anything else DESC, `--role` (`none`: users without a role), `--include`/`--exclude` (IDs),
 * `--search` (its '*' say where more may stand), `--number` (0 or less: all) with `--offset` or `--paged`.
 */
function listUsers(ctx: SiteContext, args: ParsedArgs): UserRecord[] {
  const role = stringOption(args, 'role');
  if (role !== undefined && role !== 'none' && !isRole(role)) throw new CliError(`Role doesn't exist: ${role}`);
  const include = idList(args, 'include');
  const exclude = idList(args, 'exclude');
  const search = stringOption(args, 'search');
  let users = ctx.users.list().filter((u) => role === undefined || (role === 'none' ? u.roles.length === 0 : u.roles.includes(role)));
  if (include?.length) users = users.filter((u) => include.includes(u.id));
  if (exclude?.length) users = users.filter((u) => !exclude.includes(u.id));
  if (search !== undefined && search !== '') users = users.filter(userSearch(search, true, []));
  const order = (stringOption(args, 'order') ?? 'ASC').toUpperCase() === 'ASC' ? 1 : -1;
  const keys = (stringOption(args, 'orderby') ?? '')
    .split(/[,\s]+/)
    .map((key): ((u: UserRecord) => string | number) | undefined => (key === 'include' && include?.length ? (u) => include.indexOf(u.id) : USER_ORDERBY[key]))
    .filter((key) => key !== undefined);
  if (keys.length === 0) keys.push(USER_ORDERBY.login!);
  // MySQL's collation: case and accents ignored; the ID last, where MySQL leaves the order open.
  users.sort((a, b) => {
    for (const key of keys) {
      const cmp = collate(key(a), key(b));
      if (cmp !== 0) return order * cmp;
    }
    return a.id - b.id;
  });
  const number = countOption(args, 'number');
  if (number === undefined || number <= 0) return users; // WP_User_Query limits only for a number above 0
  const paged = countOption(args, 'paged');
  const offset = countOption(args, 'offset') ?? (paged !== undefined && paged > 1 ? (paged - 1) * number : 0);
  // A negative offset makes WP_User_Query's `LIMIT -1, n`, which the database refuses: no users.
  return offset < 0 ? [] : users.slice(offset, offset + number);
}

const userList: CliCommand = {
  synopsis: 'list [--role=<role>] [--include=<ids>] [--exclude=<ids>] [--search=<text>] [--orderby=<keys>] [--order=<asc|desc>] [--number=<n>] [--offset=<n>] [--paged=<n>] [--field=<field>] [--fields=<fields>] [--format=<format>]',
  description: 'Lists users.',
  run(args, io, ctx) {
    checkOptions(args, ['role', 'include', 'exclude', 'search', 'orderby', 'order', 'number', 'offset', 'paged', ...FORMAT_OPTIONS]);
    tooMany(args, 0);
    output(io, args, listUsers(ctx, args).map(userRow), USER_FIELDS, USER_LIST_DEFAULTS, 'ID', 'user');
    return 0;
  },
};

const userGet: CliCommand = {
  synopsis: 'get <user> [--field=<field>] [--fields=<fields>] [--format=<format>]',
  description: 'Gets details about a user.',
  run(args, io, ctx) {
    checkOptions(args, FORMAT_OPTIONS);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    tooMany(args, 1);
    // WP-CLI's get: the same default fields as list, the roles joined by ', '.
    outputOne(io, args, { ...userRow(user), roles: user.roles.join(', ') }, USER_FIELDS, USER_LIST_DEFAULTS, 'user');
    return 0;
  },
};

const userDelete: CliCommand = {
  synopsis: 'delete <user>... [--reassign=<user-id>] [--yes]',
  description: "Deletes one or more users (and their application passwords).",
  run(args, io, ctx) {
    checkOptions(args, ['reassign', 'yes']);
    if (args.positional.length === 0) throw new CliError('Missing argument <user>. Usage: delete <user>... [--reassign=<user-id>] [--yes]');
    // Confirmed before it gets here (--yes, or the answer on a terminal): plugin/cli.ts asks, as WP-CLI's confirm().
    const reassign = stringOption(args, 'reassign');
    const targets = args.positional.map((ref) => resolveUser(ctx, ref));
    if (reassign !== undefined) {
      const to = ctx.users.resolve(reassign);
      if (!to || targets.some((t) => t.id === to.id)) throw new CliError(`Invalid user ID for reassignment: '${reassign}'`);
    }
    for (const user of targets) {
      ctx.applicationPasswords.deleteAll(user.id);
      ctx.users.delete(user.id);
      io.out(`Success: Removed user ${user.id} from ${ctx.config.siteUrl}.`);
    }
    return 0;
  },
};

// ---- application passwords -----------------------------------------------------------------

const AP_FIELDS = ['uuid', 'app_id', 'name', 'created', 'last_used', 'last_ip'];

/** As WP-CLI shows them: the stored values, times as Unix timestamps. */
function passwordRow(item: ApplicationPasswordRecord): Record<string, unknown> {
  return { uuid: item.uuid, app_id: item.appId, name: item.name, created: item.created, last_used: item.lastUsed, last_ip: item.lastIp };
}

function findPassword(ctx: SiteContext, user: UserRecord, uuid: string, message = 'Could not find an application password with that id.'): ApplicationPasswordRecord {
  const item = ctx.applicationPasswords.get(user.id, uuid);
  if (!item) throw new CliError(message);
  return item;
}

const apCreate: CliCommand = {
  synopsis: 'application-password create <user> <app-name> [--app-id=<app-id>] [--porcelain]',
  description: 'Creates a new application password (shown once).',
  run(args, io, ctx) {
    checkOptions(args, ['app-id', 'porcelain']);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    const name = positional(args, 1, 'app-name');
    tooMany(args, 2);
    // WP-CLI hands --app-id to create_new_application_password as is (any string: "42", "abc123").
    const appId = stringOption(args, 'app-id');
    let password: string;
    try {
      password = ctx.applicationPasswords.create(user.id, { name, appId: appId ?? '' }).password;
    } catch (e) {
      if (e instanceof ApplicationPasswordError) throw new CliError(e.message);
      throw e;
    }
    if (flag(args, 'porcelain')) {
      io.out(password);
      return 0;
    }
    io.out('Success: Created application password.');
    io.out(`Password: ${password}`);
    return 0;
  },
};

const apList: CliCommand = {
  synopsis: 'application-password list <user> [--<field>=<value>] [--field=<field>] [--fields=<fields>] [--format=<format>] [--orderby=<field>] [--order=<asc|desc>]',
  description: "Lists a user's application passwords.",
  run(args, io, ctx) {
    // `--app-id=` filters like `--app_id=` (WP-CLI's own feature file uses both spellings).
    const fieldOf = (k: string) => (k === 'app-id' ? 'app_id' : k);
    const filters = Object.keys(args.options).filter((k) => AP_FIELDS.includes(fieldOf(k)));
    checkOptions(args, [...FORMAT_OPTIONS, 'orderby', 'order', ...filters]);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    tooMany(args, 1);
    let rows = ctx.applicationPasswords.list(user.id).map(passwordRow);
    for (const key of filters) rows = rows.filter((row) => cellText(row[fieldOf(key)]) === String(args.options[key]));
    const orderby = stringOption(args, 'orderby');
    const order = stringOption(args, 'order') ?? 'asc';
    if (order !== 'asc' && order !== 'desc') throw new CliError(`Invalid value for --order: ${order}. Use asc or desc.`);
    if (orderby !== undefined) {
      if (!AP_FIELDS.includes(orderby)) throw new CliError(`Invalid value for --orderby: ${orderby}. Available fields: ${AP_FIELDS.join(', ')}.`);
      rows.sort((a, b) => {
        const x = a[orderby] ?? '';
        const y = b[orderby] ?? '';
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    if (order === 'desc') rows.reverse();
    output(io, args, rows, AP_FIELDS, AP_FIELDS, 'uuid');
    return 0;
  },
};

const apGet: CliCommand = {
  synopsis: 'application-password get <user> <uuid> [--field=<field>] [--fields=<fields>] [--format=<format>]',
  description: 'Gets a specific application password.',
  run(args, io, ctx) {
    checkOptions(args, FORMAT_OPTIONS);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    const item = findPassword(ctx, user, positional(args, 1, 'uuid'), 'No application password found for this user ID and UUID.');
    tooMany(args, 2);
    outputOne(io, args, passwordRow(item), AP_FIELDS, AP_FIELDS);
    return 0;
  },
};

const apUpdate: CliCommand = {
  synopsis: 'application-password update <user> <uuid> [--name=<name>] [--app_id=<app-id>]',
  description: 'Updates an existing application password.',
  run(args, io, ctx) {
    checkOptions(args, ['name', 'app_id']);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    const item = findPassword(ctx, user, positional(args, 1, 'uuid'));
    tooMany(args, 2);
    const name = stringOption(args, 'name');
    const appId = stringOption(args, 'app_id');
    if (appId !== undefined && appId !== '' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
      throw new CliError(`Invalid --app_id: '${appId}' is not a UUID.`);
    }
    // WP-CLI hands --name to update_application_password: sanitised there, and an empty one ('', '0') changes nothing.
    if (name !== undefined) ctx.applicationPasswords.rename(item, name);
    if (appId !== undefined) ctx.applicationPasswords.setAppId(item, appId);
    io.out('Success: Updated application password.');
    return 0;
  },
};

const apDelete: CliCommand = {
  synopsis: 'application-password delete <user> [<uuid>...] [--all] [--yes]',
  description: 'Deletes one or all of a user\'s application passwords.',
  run(args, io, ctx) {
    checkOptions(args, ['all', 'yes']); // --all is confirmed (--yes) before it gets here
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    const uuids = args.positional.slice(1);
    if (flag(args, 'all')) {
      ctx.applicationPasswords.deleteAll(user.id);
      io.out('Success: Deleted all application passwords.');
      return 0;
    }
    if (uuids.length === 0) throw new CliError('You need to specify either one or more UUIDS or provide the --all flag');
    let failures = 0;
    for (const uuid of uuids) {
      if (!ctx.applicationPasswords.get(user.id, uuid) || !ctx.applicationPasswords.delete(uuid)) {
        io.err(`Warning: Failed to delete UUID ${uuid}: Could not find an application password with that id.`);
        failures++;
      }
    }
    // WP-CLI (User_Application_Password_Command::delete): a success line counting what went, exit 1 if any failed.
    io.out(`Success: Deleted ${uuids.length - failures} of ${uuids.length} application ${uuids.length === 1 ? 'password' : 'passwords'}.`);
    return failures === 0 ? 0 : 1;
  },
};

const apExists: CliCommand = {
  synopsis: 'application-password exists <user> <app-name>',
  description: 'Checks whether an application password with that name exists (exit code 0 or 1, no output).',
  run(args, _io, ctx) {
    checkOptions(args, []);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    const name = positional(args, 1, 'app-name');
    tooMany(args, 2);
    return ctx.applicationPasswords.exists(user.id, name) ? 0 : 1;
  },
};

const apRecordUsage: CliCommand = {
  synopsis: 'application-password record-usage <user> <uuid>',
  description: 'Records usage of an application password (last used now, no IP).',
  run(args, io, ctx) {
    checkOptions(args, []);
    const user = resolveUser(ctx, positional(args, 0, 'user'));
    const item = findPassword(ctx, user, positional(args, 1, 'uuid'));
    tooMany(args, 2);
    ctx.applicationPasswords.recordUsage(item, null, true);
    io.out('Success: Recorded application password usage.');
    return 0;
  },
};

export const userCli: CliGroup = {
  name: 'user',
  description: `Manages users and their application passwords (roles: ${Object.keys(ROLES).join(', ')}).`,
  commands: {
    create: userCreate,
    list: userList,
    get: userGet,
    update: userUpdate,
    delete: userDelete,
    ...userRoleCommands,
    'application-password create': apCreate,
    'application-password list': apList,
    'application-password get': apGet,
    'application-password update': apUpdate,
    'application-password delete': apDelete,
    'application-password exists': apExists,
    'application-password record-usage': apRecordUsage,
  },
};
