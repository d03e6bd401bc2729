import type { CommandHelp } from '../core/cli';

/**
 * The help pages of the command line (`wp-token-emulator help <command>`, `<command> --help`), keyed by
 * the command's words. A command may also carry its own `help` (CliCommand.help), which wins.
 * tests/cli-help.test.ts checks that every registered command has a page with an example and a line
 * for every argument and option of its synopsis, so a new command or option cannot go undocumented.
 */

const FORMAT = 'Render output in a particular format: table, json, yaml, csv, count or ids. Default: table.';
const FIELDS = 'Limit the output to these fields, comma-separated.';
const FIELD = 'Print the value of a single field for each item, one per line.';
const PORCELAIN_ID = 'Output just the new id.';
const USER_REF = 'The user ID, e-mail or login.';
const CONTROL = {
  '--url': "The running server's base URL. Default: EMULATOR_URL, else SITE_URL, else http://HOST:PORT.",
  '--user': "An administrator's login. Default: EMULATOR_USER.",
  '--password': "That administrator's application password. Default: EMULATOR_PASSWORD (preferred: arguments are visible to other users of the machine).",
};

/** Descriptions of whole groups (`user`, `user application-password`, ...) whose module gives none. */
export const GROUP_HELP: Record<string, string> = {
  'user application-password': "Creates, updates, deletes, lists and retrieves a user's application passwords.",
  'availo account': 'Creates, updates, lists and deletes Availo accounts.',
  'purewl reseller': 'Creates, lists and deletes PureWL Atom resellers.',
};

export const HELP: Record<string, CommandHelp> = {
  'user create': {
    options: {
      '<user-login>': 'The login of the user to create.',
      '<user-email>': 'The e-mail address of the user to create.',
      '--role': 'The role of the user to create: administrator, editor, author, contributor or subscriber. Default: subscriber.',
      '--user_pass': 'The user password. Default: a generated 24-character password, printed once.',
      '--user_registered': "The date the user registered (UTC): yyyy-mm-dd-hh-ii-ss, 'yyyy-mm-dd hh:ii:ss' or yyyy-mm-dd. Default: now.",
      '--display_name': 'The display name.',
      '--user_nicename': "A URL-friendly name for the user (the slug). Default: made from the login; one another user has gets -2, -3, ....",
      '--user_url': "The user's website.",
      '--nickname': "The user's nickname. Default: the login.",
      '--first_name': "The user's first name.",
      '--last_name': "The user's last name.",
      '--description': 'A string containing content about the user (saved through kses, as WordPress saves it).',
      '--porcelain': PORCELAIN_ID,
    },
    examples: ['# Create a user', '$ wp-token-emulator user create bob bob@example.com --role=author', 'Success: Created user 2.', 'Password: k9Bq0...'],
  },
  'user list': {
    options: {
      '--role': 'Only display users with this role (none: users without a role).',
      '--include': 'Only these user IDs (comma-separated).',
      '--exclude': 'Not these user IDs (comma-separated).',
      '--search': "Users whose login, URL, e-mail, nicename or display name is this text (ignoring case); a '*' before or after it stands for more text (WP_User_Query's search).",
      '--orderby': 'Sort by login (default), nicename, email, url, registered, display_name, ID or include; several comma-separated.',
      '--order': 'ASC (default) or DESC.',
      '--number': 'At most this many users (0 or -1: all).',
      '--offset': 'Skip this many users first (with --number).',
      '--paged': 'The page of --number users to show (with --number).',
      '--field': FIELD, '--fields': `${FIELDS} Fields: ID, user_login, display_name, user_email, user_registered, roles, user_nicename, user_url.`, '--format': FORMAT },
    examples: ['# List user logins and e-mails as CSV', '$ wp-token-emulator user list --fields=ID,user_login,user_email --format=csv', 'ID,user_login,user_email', '1,admin,admin@example.com'],
  },
  'user get': {
    options: { '<user>': USER_REF, '--field': 'Print the value of a single field.', '--fields': FIELDS, '--format': 'Render output in a particular format: table, json, yaml or csv. Default: table.' },
    examples: ['# Get the e-mail of user admin', '$ wp-token-emulator user get admin --field=user_email', 'admin@example.com'],
  },
  'user delete': {
    options: {
      '<user>': 'The user ID, e-mail or login of the user(s) to delete.',
      '--reassign': 'User ID to reassign the posts to (kept for WP-CLI scripts: the emulator has no posts).',
      '--yes': 'Answer yes to the confirmation message (needed when not on a terminal).',
    },
    examples: ['# Delete user bob and his application passwords, without asking', '$ wp-token-emulator user delete bob --yes', 'Success: Removed user 2 from http://127.0.0.1:8080.'],
  },
  'user application-password create': {
    options: {
      '<user>': 'The user ID, e-mail or login of the user to create a new application password for.',
      '<app-name>': 'Name of the application the password is for.',
      '--app-id': 'Application ID (a UUID) to attribute to the application password.',
      '--porcelain': 'Output just the new password.',
    },
    examples: ['# Create an application password', '$ wp-token-emulator user application-password create admin myapp', 'Success: Created application password.', 'Password: ZG1bxdxdzjTwhsY8vK8l1C65'],
  },
  'user application-password list': {
    options: {
      '<user>': USER_REF,
      '--<field>': 'Only list the passwords whose field has this value (e.g. --name=ci).',
      '--field': FIELD,
      '--fields': `${FIELDS} Fields: uuid, app_id, name, created, last_used, last_ip.`,
      '--format': FORMAT,
      '--orderby': 'Sort by this field.',
      '--order': 'asc or desc. Default: asc.',
    },
    examples: ['# The uuids of the passwords named ci', '$ wp-token-emulator user application-password list admin --name=ci --field=uuid', '6633824d-c1d7-4f79-9dd5-4586f734d69e'],
  },
  'user application-password get': {
    options: { '<user>': USER_REF, '<uuid>': 'The uuid of the application password.', '--field': 'Print the value of a single field.', '--fields': FIELDS, '--format': 'Render output in a particular format: table, json, yaml or csv. Default: table.' },
    examples: ['# When was it last used?', '$ wp-token-emulator user application-password get admin 6633824d-c1d7-4f79-9dd5-4586f734d69e --field=last_used', '1700000000'],
  },
  'user application-password update': {
    options: { '<user>': USER_REF, '<uuid>': 'The uuid of the application password.', '--name': 'The new name.', '--app_id': 'The new application ID (a UUID).' },
    examples: ['# Rename an application password', '$ wp-token-emulator user application-password update admin 6633824d-c1d7-4f79-9dd5-4586f734d69e --name=ci-renamed', 'Success: Updated application password.'],
  },
  'user application-password delete': {
    options: {
      '<user>': USER_REF,
      '<uuid>': 'The uuid(s) of the application password(s) to delete.',
      '--all': "Delete all of the user's application passwords (asks for confirmation).",
      '--yes': 'Answer yes to the confirmation message of --all (needed when not on a terminal).',
    },
    examples: ['# Delete one application password', '$ wp-token-emulator user application-password delete admin 6633824d-c1d7-4f79-9dd5-4586f734d69e', 'Success: Deleted 1 of 1 application passwords.', '', "# Delete all of a user's application passwords", '$ wp-token-emulator user application-password delete bob --all --yes', 'Success: Deleted all application passwords.'],
  },
  'user application-password exists': {
    options: { '<user>': USER_REF, '<app-name>': 'The application name to look for.' },
    examples: ['# Exit status 0 when admin has a password named ci', '$ wp-token-emulator user application-password exists admin ci && echo yes', 'yes'],
  },
  'user application-password record-usage': {
    options: { '<user>': USER_REF, '<uuid>': 'The uuid of the application password.' },
    examples: ['# Mark a password as used now', '$ wp-token-emulator user application-password record-usage admin 6633824d-c1d7-4f79-9dd5-4586f734d69e', 'Success: Recorded application password usage.'],
  },
  'availo account create': {
    options: { '<AccountCode>': 'The account code (1 to 100 of A-Z a-z 0-9 . _ @ + -).', '--password': 'The password. Default: a generated one, printed once.', '--porcelain': 'Output just the generated password (or the AccountCode when --password was given).' },
    examples: ['# Create an account with a generated password', '$ wp-token-emulator availo account create T2-ACME', 'Success: Created Availo account T2-ACME.', 'Password: QkKV9JJYgmo1yaOX78sU1zTl'],
  },
  'availo account update': {
    options: { '<AccountCode>': 'The account code.', '--password': 'The new password. Default: a generated one, printed once.', '--porcelain': 'Output just the generated password (or the AccountCode).' },
    examples: ['# Set a known password', "$ wp-token-emulator availo account update T2-ACME --password='correct horse'", 'Success: Updated Availo account T2-ACME.'],
  },
  'availo account list': {
    options: { '--format': FORMAT, '--fields': `${FIELDS} Fields: accountCode, created, modified.` },
    examples: ['# The account codes', '$ wp-token-emulator availo account list --format=ids', 'T2-ACME'],
  },
  'availo account delete': {
    options: { '<AccountCode>': 'The account code(s) to delete; their tokens stop working at once.' },
    examples: ['# Delete an account', '$ wp-token-emulator availo account delete T2-ACME', 'Success: Deleted Availo account T2-ACME.'],
  },
  'purewl reseller create': {
    options: {
      '--secret-key': 'The secret key. Default: a generated one, printed once.',
      '--reseller-id': 'The numeric resellerId. Default: the next free one.',
      '--reseller-uid': 'The resellerUid. Default: a generated one.',
      '--porcelain': 'Output just the generated secret key (or the resellerUid when --secret-key was given).',
    },
    examples: ['# Create a reseller with a known key', '$ wp-token-emulator purewl reseller create --secret-key=SECRET_KEY_GOES_HERE --reseller-uid=acme-vpn', 'Success: Created reseller acme-vpn (resellerId 1).'],
  },
  'purewl reseller list': {
    options: { '--format': FORMAT, '--fields': `${FIELDS} Fields: resellerId, resellerUid, created.` },
    examples: ['# As JSON', '$ wp-token-emulator purewl reseller list --format=json', '[{"resellerId":1,"resellerUid":"acme-vpn","created":"2030-01-01T00:00:00.000Z"}]'],
  },
  'purewl reseller delete': {
    options: { '<resellerUid|resellerId>': 'The reseller(s) to delete; their tokens stop working at once.' },
    examples: ['# Delete a reseller', '$ wp-token-emulator purewl reseller delete acme-vpn', 'Success: Deleted reseller acme-vpn (resellerId 1).'],
  },
  serve: {
    synopsis: 'serve',
    options: {},
    examples: ['# Start the server on ./data/db.json (as npm start, without the build step)', '$ wp-token-emulator serve'],
  },
  reset: {
    synopsis: 'reset [--yes] [--format=<format>] [--url=<url>] [--user=<login>] [--password=<app-password>]',
    description: 'Resets a running server to its fixtures (or its first-run state): store, clock, outbox, faults. Asks for confirmation.',
    options: { '--yes': 'Answer yes to the confirmation message (needed when not on a terminal).', '--format': 'json or yaml: print the server\'s answer.', ...CONTROL },
    examples: ['# Back to the fixtures, without asking', '$ wp-token-emulator reset --yes', 'Success: http://127.0.0.1:8080 is back to its fixtures. Clock: 2030-01-01T00:00:00.000Z (frozen).'],
  },
  clock: {
    synopsis: 'clock [<action>] [<value>] [--format=<format>] [--url=<url>] [--user=<login>] [--password=<app-password>]',
    description: "Shows or moves a running server's clock.",
    options: {
      '<action>': 'show (default), advance <seconds>, set <ISO time> or real.',
      '<value>': 'The seconds to advance by, or the ISO 8601 time to set.',
      '--format': 'json or yaml: print the clock as data.',
      ...CONTROL,
    },
    examples: ['# Move the clock 15 minutes on', '$ wp-token-emulator clock advance 900', '2030-01-01T00:15:00.000Z (frozen)'],
  },
  openapi: {
    synopsis: 'openapi [--namespace=<namespace>] [--format=<format>] [--url=<url>] [--user=<login>] [--password=<app-password>]',
    description: "Prints a running server's OpenAPI 3.1 document, generated from its routes: the whole site, or one namespace (docs/openapi.md).",
    options: { '--namespace': 'One namespace, as /wp-json/ lists it (default: the whole site).', '--format': 'json (default) or yaml.', ...CONTROL },
    examples: ['# The site\'s document as YAML', '$ wp-token-emulator openapi --format=yaml > openapi.yaml'],
  },
  'outbox list': {
    synopsis: 'outbox list [--to=<email>] [--format=<format>] [--fields=<fields>] [--field=<field>] [--url=<url>] [--user=<login>] [--password=<app-password>]',
    description: "Lists the mail a running server sent (its outbox). `outbox` alone does the same.",
    options: { '--to': 'Only the mail to this address.', '--format': FORMAT, '--fields': `${FIELDS} Fields: id, sentAt, to, subject, from, delivery, text.`, '--field': FIELD, ...CONTROL },
    examples: ['# The last mail to ash@example.com, as JSON', '$ wp-token-emulator outbox list --to=ash@example.com --fields=subject,text --format=json', '[{"subject":"Pkmnapi access token","text":"This is your access token: ..."}]'],
  },
  'outbox clear': {
    synopsis: 'outbox clear [--to=<email>] [--url=<url>] [--user=<login>] [--password=<app-password>]',
    description: "Empties a running server's outbox (or one recipient's mail).",
    options: { '--to': 'Only the mail to this address.', ...CONTROL },
    examples: ['# Empty the outbox', '$ wp-token-emulator outbox clear', 'Success: Deleted 2 messages.'],
  },
  'journal list': {
    synopsis:
      'journal list [--namespace=<ns>] [--path=<glob>] [--status=<status>] [--method=<method>] [--limit=<n>] [--format=<format>] [--fields=<fields>] [--field=<field>] [--url=<url>] [--user=<login>] [--password=<app-password>]',
    description: "Lists the last requests a running server answered, secrets redacted. `journal` alone does the same. Here --path is the journal's filter, not the global parameter.",
    options: {
      '--namespace': 'Only this namespace (e.g. availo/v1).',
      '--path': 'Only paths matching this glob (* within a segment, ** across).',
      '--status': 'Only this status, or a class such as 4xx.',
      '--method': 'Only this HTTP method.',
      '--limit': 'At most this many, the newest.',
      '--format': FORMAT,
      '--fields': `${FIELDS} Fields: id, time, method, path, route, namespace, status, durationMs, user, fault, request, response.`,
      '--field': FIELD,
      ...CONTROL,
    },
    examples: ['# The failed Availo calls', '$ wp-token-emulator journal list --namespace=availo/v1 --status=4xx --fields=method,path,status'],
  },
  'journal clear': {
    synopsis: 'journal clear [--url=<url>] [--user=<login>] [--password=<app-password>]',
    description: "Empties a running server's request journal.",
    options: { ...CONTROL },
    examples: ['# Empty the journal', '$ wp-token-emulator journal clear', 'Success: Deleted 12 journal entries.'],
  },
  'store check': {
    synopsis: 'store check [--db=<file>]',
    description: 'Reads the store and its write-ahead log as a start would: exit 0 when both are usable, 1 with what is wrong.',
    options: { '--db': 'The store file. Default: DB_FILE, else ./data/db.json.' },
    examples: ['# Check the default store', '$ wp-token-emulator store check', './data/db.json: OK (schema version 1, 9 collections, 12 records, seq 30).', './data/db.json.wal: OK (3 changes to replay).'],
  },
  'store reset': {
    synopsis: 'store reset [--db=<file>] [--yes]',
    description: 'Moves the store and its log aside (<file>.<UTC time>.bak, never deleted), so the next start makes a fresh store. Refused while a server runs on the store. Asks for confirmation.',
    options: { '--db': 'The store file. Default: DB_FILE, else ./data/db.json.', '--yes': 'Answer yes to the confirmation message (needed when not on a terminal).' },
    examples: ['# Set a store aside, without asking', '$ wp-token-emulator store reset --db=./data/demo.json --yes', 'Moved ./data/demo.json to ./data/demo.json.20301231T120000Z.bak', 'Success: the store at ./data/demo.json was reset. ...'],
  },
};

/** Subcommands of standalone commands (which have one `run` for all of them), for `help <command>`. */
export const STANDALONE_SUBCOMMANDS: Record<string, string[]> = {
  outbox: ['list', 'clear'],
  journal: ['list', 'clear'],
  store: ['check', 'reset'],
};

/** WP-CLI's global parameters, with the meaning they have here. */
export const GLOBAL_PARAMETERS: Array<[string, string]> = [
  ['--path=<path>', 'Run as if started in <path>: its .env, its ./data/db.json. (WP-CLI: the WordPress folder.)'],
  ['--url=<url>', "Store commands: the site's URL (SITE_URL) for this run. Control commands: the running server's base URL."],
  ['--user=<id|login|email>', 'Store commands: must name an existing user (they run with full rights, as WP-CLI). Control commands: the administrator to log in as.'],
  ['--debug', 'Show debug lines on STDERR: the store, whether the running server carries the command out, the URL called, stack traces.'],
  ['--quiet', 'Suppress informational messages (Success: and Warning: lines); data and errors are still printed.'],
  ['--help', "Show a command's help (as `wp-token-emulator help <command>`)."],
  ['--version', 'Print the version and exit.'],
];
