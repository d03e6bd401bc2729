import * as fs from 'node:fs';
import { CliError, flag, parseArgs, type CliCommand, type CliGroup, type CliIO, type StandaloneCommand } from '../core/cli';
import { ConfigError, environmentWithDotenv } from '../core/config';
import { FixtureError } from '../core/fixtures';
import type { NamespaceModule } from '../core/namespace';
import { readLock, StoreLockedError, StoreOpenError, StoreWriteError } from '../core/store';
import { askConfirmation, commandTree, confirmationFor, findHelp, processPrompt, PROGRAM, refusal, renderHelp, version, type PromptIO } from './cli-help';
import { sendControlRequest } from './control-socket';
import { allNamespaces } from './namespaces';
import { createSite, siteConfig, type Site } from './site';

export type { StandaloneCommand };

const standalone = new Map<string, StandaloneCommand>();

/** Registers a command of the host that needs no store of its own (serve, store ...). */
export function registerStandaloneCommand(name: string, command: StandaloneCommand): void {
  standalone.set(name, command);
}

/** The standalone commands: the host's (serve, store) and every module's `commands` (reset, clock, ...). */
function standaloneCommands(modules: readonly NamespaceModule[]): Map<string, StandaloneCommand> {
  const all = new Map(standalone);
  for (const module of modules) for (const [name, command] of Object.entries(module.commands ?? {})) all.set(name, command);
  return all;
}

function groupsOf(modules: readonly NamespaceModule[]): CliGroup[] {
  return modules.flatMap((m) => (m.cli ? ([] as CliGroup[]).concat(m.cli) : []));
}

/** The command named by the longest run of leading words: `user application-password create` → group user, key `application-password create`. */
export function findCommand(groups: readonly CliGroup[], words: readonly string[]): { group: CliGroup; key: string; command: CliCommand; rest: string[] } | null {
  const group = groups.find((g) => g.name === words[0]);
  if (!group) return null;
  for (let n = words.length - 1; n >= 1; n--) {
    const key = words.slice(1, n + 1).join(' ');
    const command = group.commands[key];
    if (command) return { group, key, command, rest: words.slice(n + 1) };
  }
  return null;
}

/** Every command's help page (registered namespaces and standalone commands). */
export function helpPages(): ReturnType<typeof commandTree> {
  return commandTree(groupsOf(allNamespaces), standaloneCommands(allNamespaces));
}

/** Runs a store command against an open site: output to `io`, returns the exit code. Used locally and by the server for forwarded commands. */
export async function runStoreCommand(site: Site, argv: string[], io: CliIO): Promise<number> {
  const words = parseArgs(argv).positional;
  const found = findCommand(groupsOf(site.modules), words);
  if (!found) {
    io.err(`Error: '${words.join(' ')}' is not a registered wp-token-emulator command. See 'wp-token-emulator help'.`);
    return 1;
  }
  const args = parseArgs(argv);
  args.positional = found.rest;
  // WP-CLI's global parameters: --url is the site's URL (set where the store is opened), --user must name a user.
  const userRef = args.options.user;
  for (const name of ['db', 'url', 'user', 'quiet', 'debug', 'path']) delete args.options[name];
  // Commands never commit: the runner does, also after a command that failed part-way, and shows
  // what the command printed only then, so no "Success" (or new password) is shown for a change
  // the disk refused.
  const held: Array<() => void> = [];
  const heldIO: CliIO = { out: (t) => held.push(() => io.out(t)), err: (t) => held.push(() => io.err(t)), isTTY: io.isTTY };
  let code: number;
  let failed: CliError | null = null;
  try {
    if (userRef === true) throw new CliError('Parameter --user needs a value: --user=<id|login|email>');
    if (userRef !== undefined && !site.users.resolve(userRef)) throw new CliError(`Invalid user ID, email or login: '${userRef}'`);
    const question = confirmationFor(`${found.group.name} ${found.key}`, args);
    if (question && !flag(args, 'yes')) throw new CliError(refusal(question));
    code = (await found.command.run(args, heldIO, site)) ?? 0;
  } catch (e) {
    if (!(e instanceof CliError)) {
      for (const show of held) show();
      throw e;
    }
    failed = e;
    code = e.exitCode;
  }
  try {
    await site.store.commit();
  } catch (e) {
    if (!(e instanceof StoreWriteError)) throw e;
    io.err(`Error: ${e.message}. What this command changed was not acknowledged.`);
    return 1;
  }
  for (const show of held) show();
  if (failed?.message) io.err(`Error: ${failed.message}`);
  return code;
}

function consoleIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    isTTY: process.stdout.isTTY === true,
  };
}

/** --quiet: WP-CLI's informational messages (Success:, Warning:) go; data, notes and errors stay. */
function quietText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^(Success|Warning): /.test(line))
    .join('\n');
}

function withGlobals(io: CliIO, quiet: boolean): CliIO {
  if (!quiet) return io;
  const keep = (write: (t: string) => void) => (text: string) => {
    const kept = quietText(text);
    if (kept.trim() !== '') write(kept);
  };
  return { out: keep(io.out), err: keep(io.err), isTTY: io.isTTY };
}

/** The command's words: `store reset`, `user application-password delete`, `clock`. */
function commandPath(words: readonly string[]): string {
  const first = words[0]!;
  if (standaloneCommands(allNamespaces).has(first)) return words[1] !== undefined && ['store', 'outbox', 'journal'].includes(first) ? `${first} ${words[1]}` : first;
  const found = findCommand(groupsOf(allNamespaces), words);
  return found ? `${found.group.name} ${found.key}` : first;
}

/** Global parameters the command line takes itself, before the command sees its arguments. */
const OWN_GLOBALS = ['quiet', 'debug', 'path', 'help', 'version'];

/** The command line's entry: returns the exit code. `env` defaults to the environment and .env of the current folder (after --path). */
export async function main(argv: string[], envArg?: Record<string, string | undefined>, prompt: PromptIO = processPrompt()): Promise<number> {
  const raw = parseArgs(argv);
  const quiet = flag(raw, 'quiet');
  const debugOn = flag(raw, 'debug');
  const io = withGlobals(consoleIO(), quiet);
  const debug = (text: string) => {
    if (debugOn) process.stderr.write(`Debug: ${text}\n`);
  };
  if (raw.options.version === true) {
    io.out(`${PROGRAM} ${version()}`);
    return 0;
  }
  const words = raw.positional;
  if (words.length === 0 || words[0] === 'help' || raw.options.help === true) {
    const target = words[0] === 'help' ? words.slice(1) : words;
    const page = findHelp(helpPages(), target);
    if (!page) {
      io.err(`Error: '${target.join(' ')}' is not a registered wp-token-emulator command. See '${PROGRAM} help' for available commands.`);
      return 1;
    }
    io.out(renderHelp(page));
    return 0;
  }
  const first = words[0]!;
  const single = standaloneCommands(allNamespaces).get(first);
  if (!single && !findCommand(groupsOf(allNamespaces), words)) {
    io.err(`Error: '${words.join(' ')}' is not a registered wp-token-emulator command. See '${PROGRAM} help'.`);
    return 1;
  }
  const cmdPath = commandPath(words);
  debug(`${PROGRAM} ${version()}, command '${cmdPath}'`);
  // --path: run as if started there (WP-CLI: the WordPress folder). The journal's own --path is its filter.
  const ownPath = cmdPath.startsWith('journal');
  const where = ownPath ? undefined : raw.options.path;
  if (where !== undefined) {
    if (where === true || !fs.existsSync(where) || !fs.statSync(where).isDirectory()) {
      io.err(`Error: --path: '${where === true ? '' : where}' is not a directory.`);
      return 1;
    }
    process.chdir(where);
    debug(`working in ${process.cwd()}`);
  }
  const env = envArg ?? environmentWithDotenv();
  let rest = argv.filter((a) => {
    const name = a.startsWith('--') ? a.slice(2).split('=')[0]! : '';
    return !(OWN_GLOBALS.includes(name) && !(ownPath && name === 'path'));
  });
  const commandArgs = parseArgs(rest);
  commandArgs.positional = commandArgs.positional.slice(cmdPath.split(' ').length);
  const question = confirmationFor(cmdPath, commandArgs);
  if (question && !flag(raw, 'yes')) {
    const answer = await askConfirmation(question, prompt);
    if (answer === 'no-tty') {
      io.err(`Error: ${refusal(question)}`);
      return 1;
    }
    if (answer === 'no') return 0; // WP-CLI: any answer but y ends the command, doing nothing
    rest = [...rest, '--yes'];
  }
  if (single) {
    const passed = rest.filter((a) => a !== first);
    try {
      if (first === 'store' || first === 'serve') {
        // Neither talks to a site as a user: say so rather than fail on WP-CLI's habits.
        for (const name of first === 'store' ? ['url', 'user'] : ['user']) {
          if (raw.options[name] !== undefined) io.err(`Warning: --${name} has no effect on '${cmdPath}'${first === 'store' ? ' (it works on the file, not the site)' : ''}.`);
        }
        return await single.run(
          passed.filter((a) => !/^--(url|user)(=|$)/.test(a) || (first === 'serve' && a.startsWith('--url'))),
          io,
          env,
        );
      }
      return await single.run(passed, io, env);
    } catch (e) {
      io.err(`Error: ${(e as Error).message}`);
      if (debugOn) debug((e as Error).stack ?? '');
      return 1;
    }
  }
  const dbOption = typeof raw.options.db === 'string' ? raw.options.db : undefined;
  const urlOption = typeof raw.options.url === 'string' ? raw.options.url : undefined;
  try {
    const settings = { LOG_LEVEL: 'silent', ...(dbOption ? { DB_FILE: dbOption } : {}), ...(urlOption ? { SITE_URL: urlOption } : {}) };
    const config = siteConfig({ env, settings, memoryByDefault: false });
    if (config.dbFile === null) throw new CliError('DB_FILE is ":memory:": the command line needs a store file (set DB_FILE or pass --db=<file>).');
    const holder = readLock(config.dbFile);
    if (holder?.socket) {
      debug(`store ${config.dbFile}: held by the server (process ${holder.pid}); the command goes over ${holder.socket}`);
      const reply = await sendControlRequest(holder.socket, { argv: rest.filter((a) => !a.startsWith('--db=')), isTTY: io.isTTY });
      if (reply.out) process.stdout.write(quiet ? quietText(reply.out) : reply.out);
      if (reply.err) process.stderr.write(quiet ? quietText(reply.err) : reply.err);
      return reply.code;
    }
    debug(`store ${config.dbFile}: no server runs on it; opening it here`);
    const site = await createSite({ env, settings, memoryByDefault: false });
    try {
      if (site.firstRun) {
        io.err(`Note: created a new store at ${config.dbFile} with user ${site.firstRun.login} and the application password ${site.firstRun.password} (shown only once).`);
      }
      return await runStoreCommand(site, rest, io);
    } finally {
      await site.close();
    }
  } catch (e) {
    if (debugOn) debug((e as Error)?.stack ?? String(e));
    if (e instanceof CliError) {
      io.err(`Error: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof ConfigError || e instanceof StoreOpenError || e instanceof StoreLockedError || e instanceof FixtureError) {
      io.err(`Error: ${e.message}`);
      return 1;
    }
    io.err(`Error: ${(e as Error)?.message ?? String(e)}`);
    return 1;
  }
}
