import { CliError, parseArgs, type CliCommand, type CliGroup, type CliIO, type StandaloneCommand } from '../core/cli';
import { ConfigError, environmentWithDotenv } from '../core/config';
import { FixtureError } from '../core/fixtures';
import type { NamespaceModule } from '../core/namespace';
import { readLock, StoreLockedError, StoreOpenError } from '../core/store';
import { sendControlRequest } from './control-socket';
import { allNamespaces } from './namespaces';
import { createSite, siteConfig, type Site } from './site';

export type { StandaloneCommand };

const standalone = new Map<string, StandaloneCommand>();

/** Registers a command that needs no store of its own (serve, reset, clock, ...). */
export function registerStandaloneCommand(name: string, command: StandaloneCommand): void {
  standalone.set(name, command);
}

/** The standalone commands: the host's (serve) and every module's `commands`. */
function standaloneCommands(modules: readonly NamespaceModule[]): Map<string, StandaloneCommand> {
  const all = new Map(standalone);
  for (const module of modules) for (const [name, command] of Object.entries(module.commands ?? {})) all.set(name, command);
  return all;
}

function groupsOf(modules: readonly NamespaceModule[]): CliGroup[] {
  return modules.flatMap((m) => (m.cli ? [m.cli] : []));
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

function usage(modules: readonly NamespaceModule[]): string {
  const lines = ['usage: wp-token-emulator <command> [<args>] [--db=<file>]', '', 'Commands:'];
  for (const [name, cmd] of standaloneCommands(modules)) lines.push(`  ${name.padEnd(12)} ${cmd.description}`);
  for (const group of groupsOf(modules)) {
    for (const [key, cmd] of Object.entries(group.commands)) lines.push(`  ${`${group.name} ${key}`.padEnd(40)} ${cmd.description}`);
  }
  lines.push('', 'The store is DB_FILE (from the environment or .env, default ./data/db.json) or --db=<file>.');
  lines.push('While a server runs on that store, commands are carried out by the server itself, so no write is lost.');
  return lines.join('\n');
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
  delete args.options.db;
  try {
    const code = (await found.command.run(args, io, site)) ?? 0;
    await site.store.commit();
    return code;
  } catch (e) {
    if (e instanceof CliError) {
      if (e.message) io.err(`Error: ${e.message}`);
      return e.exitCode;
    }
    throw e;
  }
}

function consoleIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    isTTY: process.stdout.isTTY === true,
  };
}

/** The command line's entry: returns the exit code. */
export async function main(argv: string[], env: Record<string, string | undefined> = environmentWithDotenv()): Promise<number> {
  const io = consoleIO();
  const args = parseArgs(argv);
  const first = args.positional[0];
  if (!first || first === 'help' || args.options.help === true) {
    io.out(usage(allNamespaces));
    return first || args.options.help === true ? 0 : 1;
  }
  const single = standaloneCommands(allNamespaces).get(first);
  if (single) {
    try {
      return await single.run(argv.filter((a) => a !== first), io, env);
    } catch (e) {
      io.err(`Error: ${(e as Error).message}`);
      return 1;
    }
  }
  if (!findCommand(groupsOf(allNamespaces), args.positional)) {
    io.err(`Error: '${args.positional.join(' ')}' is not a registered wp-token-emulator command. See 'wp-token-emulator help'.`);
    return 1;
  }
  const dbOption = typeof args.options.db === 'string' ? args.options.db : undefined;
  try {
    const settings = { LOG_LEVEL: 'silent', ...(dbOption ? { DB_FILE: dbOption } : {}) };
    const config = siteConfig({ env, settings, memoryByDefault: false });
    if (config.dbFile === null) throw new CliError('DB_FILE is ":memory:": the command line needs a store file (set DB_FILE or pass --db=<file>).');
    const holder = readLock(config.dbFile);
    if (holder?.socket) {
      const reply = await sendControlRequest(holder.socket, { argv: argv.filter((a) => !a.startsWith('--db=')), isTTY: io.isTTY });
      if (reply.out) process.stdout.write(reply.out);
      if (reply.err) process.stderr.write(reply.err);
      return reply.code;
    }
    const site = await createSite({ env, settings, memoryByDefault: false });
    try {
      if (site.firstRun) {
        io.err(`Note: created a new store at ${config.dbFile} with user ${site.firstRun.login} and the application password ${site.firstRun.password} (shown only once).`);
      }
      return await runStoreCommand(site, argv, io);
    } finally {
      await site.close();
    }
  } catch (e) {
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
