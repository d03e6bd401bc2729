/**
 * The command line as WP-CLI users expect it: help pages in WP-CLI's layout on every command, --version,
 * --format=yaml, WP-CLI's global parameters, and confirmation of destructive commands (asked on a
 * terminal, refused off one without --yes). Run as child processes of the built bin, as a user runs it;
 * the terminal case runs under a real pseudo-terminal (util-linux `script`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { helpPages, main } from '../plugin/cli';
import { askConfirmation, optionKey, synopsisTokens, type PromptIO } from '../plugin/cli-help';
import '../plugin/commands';
import '../wp-json/emulator/v1/cli';
import '../plugin/store-commands';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'wp-token-emulator.js');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-cli-help-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the bin in `dir` with stdin from a pipe (not a terminal). */
function cli(args: string[], opts: { cwd?: string; input?: string } = {}): { code: number; out: string; err: string } {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: dir, BCRYPT_COST: '4' };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? dir, env, encoding: 'utf8', input: opts.input ?? '' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Runs the bin on a pseudo-terminal (`script`), typing `answer` and a newline. */
function onTerminal(args: string[], answer: string): { code: number; out: string } {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, TERM: 'dumb', BCRYPT_COST: '4' },
    encoding: 'utf8',
    input: `${answer}\n`,
  });
  return { code: r.status ?? -1, out: r.stdout };
}

const SECTIONS = ['NAME', 'DESCRIPTION', 'SYNOPSIS', 'OPTIONS', 'EXAMPLES', 'GLOBAL PARAMETERS'];

describe('help', () => {
  it('every command has a page: a description, a line for each argument and option of its synopsis, an example', () => {
    const tree = helpPages();
    expect(tree.leaves.size).toBeGreaterThanOrEqual(27);
    const missing: string[] = [];
    for (const leaf of tree.leaves.values()) {
      if (!leaf.help) missing.push(`${leaf.path}: no help page`);
      else if (!leaf.help.examples.some((l) => l.startsWith('$ wp-token-emulator '))) missing.push(`${leaf.path}: no example`);
      for (const token of synopsisTokens(leaf.synopsis)) {
        const key = optionKey(token);
        if (key && !leaf.help?.options[key]) missing.push(`${leaf.path}: ${token} is not described`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('`<command> --help` and `help <command>` print the same page in WP-CLI layout, exit 0', () => {
    const viaFlag = cli(['user', 'application-password', 'create', '--help']);
    const viaHelp = cli(['help', 'user', 'application-password', 'create']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.out).toBe(viaHelp.out);
    const headings = viaFlag.out.split('\n').filter((l) => /^[A-Z ]+$/.test(l));
    expect(headings).toEqual(SECTIONS);
    expect(viaFlag.out).toContain('\n  wp-token-emulator user application-password create <user> <app-name> [--app-id=<app-id>] [--porcelain]\n');
    expect(viaFlag.out).toContain('\n  [--porcelain]\n    Output just the new password.\n');
    expect(viaFlag.out).toContain('\n    $ wp-token-emulator user application-password create admin myapp\n');
    // Subcommands of commands that need no store, and a group's page.
    expect(cli(['store', 'reset', '--help']).out).toContain('\n  wp-token-emulator store reset [--db=<file>] [--yes]\n');
    expect(cli(['clock', '--help']).out).toMatch(/\n {2}\[<action>\]\n {4}show \(default\), advance/);
    const group = cli(['help', 'user']);
    expect(group.out).toMatch(/SUBCOMMANDS\n\n {2}create +Creates a new user\.\n/);
    expect(group.out).toMatch(/\n {2}application-password +Creates, updates, deletes/);
    const root = cli(['--help']);
    expect(root.out).toContain("Run 'wp-token-emulator help <command>' to get more information on a specific command.");
    expect(cli([]).out).toBe(root.out);
    const unknown = cli(['help', 'frobnicate']);
    expect(unknown).toMatchObject({ code: 1, out: '' });
    expect(unknown.err).toBe("Error: 'frobnicate' is not a registered wp-token-emulator command. See 'wp-token-emulator help' for available commands.\n");
  });

  it('--version prints the version and exits 0', () => {
    expect(cli(['--version'])).toEqual({ code: 0, out: `wp-token-emulator ${VERSION}\n`, err: '' });
  });
});

describe('--format=yaml and the global parameters', () => {
  it('yaml wherever json is accepted: lists and single items', () => {
    cli(['user', 'create', 'bob', 'bob@example.com', '--user_pass=x']);
    expect(cli(['user', 'list', '--fields=ID,user_login,roles', '--format=yaml']).out).toBe('---\n- \n  ID: 1\n  user_login: admin\n  roles: administrator\n- \n  ID: 2\n  user_login: bob\n  roles: subscriber\n');
    expect(cli(['user', 'get', 'bob', '--fields=user_login,user_url', '--format=yaml']).out).toBe('---\nuser_login: bob\nuser_url: ""\n');
  });

  it('--quiet drops Success lines, keeps data; --debug tells where the command runs', () => {
    expect(cli(['--quiet', 'user', 'create', 'bob', 'bob@example.com', '--user_pass=x']).out).toBe('');
    expect(cli(['user', 'list', '--field=user_login', '--quiet']).out).toBe('admin\nbob\n');
    const debug = cli(['user', 'list', '--format=count', '--debug']);
    expect(debug.out).toBe('2\n');
    expect(debug.err).toMatch(/^Debug: wp-token-emulator .*, command 'user list'\nDebug: store .*db\.json: no server runs on it; opening it here\n$/);
  });

  it('--path runs in that folder; --url is the site URL; --user must name a user', () => {
    const site = path.join(dir, 'site');
    fs.mkdirSync(site);
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere);
    expect(cli(['user', 'create', 'bob', 'bob@example.com', '--user_pass=x', `--path=${site}`], { cwd: elsewhere }).code).toBe(0);
    expect(fs.existsSync(path.join(site, 'data', 'db.json'))).toBe(true);
    expect(fs.existsSync(path.join(elsewhere, 'data'))).toBe(false);
    expect(cli(['user', 'list', '--path=/no/such/dir']).err).toBe("Error: --path: '/no/such/dir' is not a directory.\n");
    const removed = cli(['user', 'delete', 'bob', '--yes', '--url=https://example.test', '--user=admin'], { cwd: site });
    expect(removed).toMatchObject({ code: 0, out: 'Success: Removed user 2 from https://example.test.\n' });
    expect(cli(['user', 'list', '--user=nobody'], { cwd: site })).toMatchObject({ code: 1, err: "Error: Invalid user ID, email or login: 'nobody'\n" });
    expect(cli(['store', 'check', '--user=admin'], { cwd: site }).err).toBe("Warning: --user has no effect on 'store check' (it works on the file, not the site).\n");
  });
});

describe('confirmation of destructive commands', () => {
  it('off a terminal, each refuses without --yes: exit 1, nothing done', () => {
    cli(['user', 'create', 'bob', 'bob@example.com', '--user_pass=x']);
    cli(['user', 'application-password', 'create', 'bob', 'ci']);
    const cases: Array<[string[], string]> = [
      [['user', 'delete', 'bob'], 'Are you sure you want to delete user bob and their application passwords?'],
      [['user', 'application-password', 'delete', 'bob', '--all'], 'Are you sure you want to delete all application passwords of user bob?'],
      [['store', 'reset'], 'Are you sure you want to move the store aside, so that the next start makes a fresh one?'],
      [['reset', '--url=http://127.0.0.1:9'], 'Are you sure you want to reset the running emulator to its fixtures (store, clock, outbox and faults)?'],
    ];
    for (const [args, question] of cases) {
      expect(cli(args, { input: 'y\n' })).toEqual({ code: 1, out: '', err: `Error: ${question} [y/n] Not asked: standard input is not a terminal. Pass --yes to confirm.\n` });
    }
    expect(cli(['user', 'application-password', 'list', 'bob', '--format=count']).out).toBe('1\n');
    expect(fs.existsSync(path.join(dir, 'data', 'db.json'))).toBe(true);
    expect(cli(['user', 'delete', 'bob', '--yes']).code).toBe(0);
  });

  it('on a terminal, asks "[y/n]": y goes on, anything else ends the command doing nothing (exit 0, as WP-CLI)', () => {
    cli(['user', 'create', 'bob', 'bob@example.com', '--user_pass=x']);
    const no = onTerminal(['user', 'delete', 'bob'], 'n');
    expect(no.code).toBe(0);
    expect(no.out).toContain('Are you sure you want to delete user bob and their application passwords? [y/n] ');
    expect(cli(['user', 'list', '--format=ids']).out).toBe('1 2\n');
    const yes = onTerminal(['user', 'delete', 'bob'], 'y');
    expect(yes.code).toBe(0);
    expect(yes.out).toContain('Success: Removed user 2 from http://127.0.0.1:8080.');
    expect(cli(['user', 'list', '--format=ids']).out).toBe('1\n');
  });

  it('the prompt reads one answer; only y confirms', async () => {
    const typed = (answer: string | null, isTTY = true): PromptIO & { shown: string } => {
      const io = { isTTY, shown: '', write: (t: string) => void (io.shown += t), readLine: async () => answer };
      return io;
    };
    const asked = typed('Y\n');
    expect(await askConfirmation('Are you sure?', asked)).toBe('yes');
    expect(asked.shown).toBe('Are you sure? [y/n] ');
    expect(await askConfirmation('Are you sure?', typed('yes'))).toBe('no');
    expect(await askConfirmation('Are you sure?', typed(null))).toBe('no');
    const noTerminal = typed('y');
    expect(await askConfirmation('Are you sure?', { ...noTerminal, isTTY: false })).toBe('no-tty');
  });

  it('main() with an injected terminal: a declined reset calls no server', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const answered: string[] = [];
      const prompt: PromptIO = { isTTY: true, write: (t) => void answered.push(t), readLine: async () => 'n' };
      // Port 9 (discard) is closed here: had the reset gone on, it would fail with exit 1.
      expect(await main(['reset', '--url=http://127.0.0.1:9', '--user=a', '--password=b'], {}, prompt)).toBe(0);
      expect(answered).toEqual(['Are you sure you want to reset the running emulator to its fixtures (store, clock, outbox and faults)? [y/n] ']);
    } finally {
      write.mockRestore();
    }
  });
});
