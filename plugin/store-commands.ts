import * as path from 'node:path';
import { CliError, checkOptions, flag, parseArgs, stringOption, type CliIO } from '../core/cli';
import { checkStoreFiles, moveStoreAside, presentStoreFiles, readLock, StoreLockedError, walPath } from '../core/store';
import { registerStandaloneCommand, type StandaloneCommand } from './cli';
import { siteConfig } from './site';

/**
 * `wp-token-emulator store check|reset`: look at a store file without opening it as a server does,
 * and put a store that cannot be trusted aside so the next start makes a fresh one. Neither command
 * changes or deletes a store file: `check` only reads, `reset` only renames.
 */

const USAGE = [
  'usage: wp-token-emulator store check [--db=<file>]',
  '       wp-token-emulator store reset [--db=<file>] [--yes]',
  '',
  '  check   Report whether the store file and its write-ahead log are readable (exit 0) or not (exit 1).',
  '  reset   Move the store file and its log aside (<file>.<UTC time>.bak, .wal.bak) so the next start',
  '          makes a fresh store. Refused while a server holds the store. Nothing is deleted.',
  '',
  'The store is --db=<file>, else DB_FILE (environment or .env), else ./data/db.json.',
].join('\n');

/** The store file the command works on: --db, else the DB_FILE setting. */
function storeFile(db: string | undefined, env: Record<string, string | undefined>): string {
  const config = siteConfig({ env, settings: { LOG_LEVEL: 'silent', ...(db !== undefined ? { DB_FILE: db } : {}) }, memoryByDefault: false });
  if (config.dbFile === null) throw new CliError('DB_FILE is ":memory:": there is no store file to look at (pass --db=<file>).');
  return config.dbFile;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `store check`: 0 when the next start can open the store (or make a new one), 1 when it would refuse. */
export async function checkStore(file: string, io: CliIO): Promise<number> {
  const check = await checkStoreFiles(file);
  if (check.holder) io.out(`Note: the store is in use by process ${check.holder.pid}; this is a snapshot of what is on disk now.`);

  const snapshot = check.snapshot;
  if (snapshot.state === 'unreadable') {
    io.err(`Error: ${file}: the file cannot be read (${snapshot.code}).`);
    return 1;
  }
  if (snapshot.state === 'corrupt') {
    io.err(`Error: ${file}: ${snapshot.reason}.`);
    io.err(`The server refuses to start on this store. See what is wrong above; to start afresh, keep it aside with: wp-token-emulator store reset --db=${file} --yes`);
    return 1;
  }
  if (snapshot.state === 'missing') io.out(`${file}: does not exist; the next start makes a new store.`);
  else io.out(`${file}: OK (schema version ${snapshot.schemaVersion}, ${plural(snapshot.collections, 'collection')}, ${plural(snapshot.records, 'record')}, seq ${snapshot.seq}).`);

  const log = check.log!;
  if (log.state === 'corrupt') {
    io.err(`Error: ${check.wal}: ${log.reason}.`);
    io.err(`The server refuses to start on this log. To keep the snapshot (everything up to its last rewrite), move only the log aside; to start afresh: wp-token-emulator store reset --db=${file} --yes`);
    return 1;
  }
  if (log.state === 'missing') io.out(`${check.wal}: does not exist (nothing to replay).`);
  else {
    const torn = log.tornBytes;
    io.out(`${check.wal}: OK (${plural(log.changes, 'change')} to replay${torn > 0 ? `; an unfinished last line of ${plural(torn, 'byte')} was never acknowledged and is dropped on the next start` : ''}).`);
  }
  return 0;
}

/** UTC time as `20250101T120000Z`, safe in a file name on every system. */
export function backupStamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** `store reset`: moves the store and its log aside (never deletes), holding the store's lock while it does. */
export async function resetStore(file: string, yes: boolean, io: CliIO, now: Date = new Date()): Promise<number> {
  const present = presentStoreFiles(file);
  if (present.length === 0) {
    io.out(`Nothing to reset: there is no store at ${file}. The next start makes a new one.`);
    return 0;
  }
  const inUse = (pid: number) => new CliError(`The store ${file} is in use by process ${pid}. Stop that server first; a store is never reset under a running server.`);
  const holder = readLock(file);
  if (holder) throw inUse(holder.pid);
  if (!yes) {
    io.err(`This moves ${present.join(' and ')} aside (nothing is deleted); the next start then makes a fresh store (first run: a new admin application password, or your FIXTURES).`);
    io.err('Run again with --yes to do it.');
    return 1;
  }
  let moves;
  try {
    moves = moveStoreAside(file, backupStamp(now));
  } catch (e) {
    if (e instanceof StoreLockedError) throw inUse(e.holderPid);
    throw e;
  }
  for (const [from, to] of moves) io.out(`Moved ${from} to ${to}`);
  io.out(`Success: the store at ${file} was reset. The next start makes a fresh store (first run: a new admin application password, or your FIXTURES).`);
  io.out(`To go back, stop the server and move the .bak files back to ${path.basename(file)} and ${path.basename(walPath(file))}.`);
  return 0;
}

/** Runs `store <sub> [options]`; argv without the word `store`. */
export async function runStoreGroup(argv: string[], io: CliIO, env: Record<string, string | undefined>): Promise<number> {
  const args = parseArgs(argv);
  const sub = args.positional[0];
  if (!sub || sub === 'help' || args.options.help === true) {
    io.out(USAGE);
    return sub ? 0 : 1;
  }
  try {
    if (sub === 'check') {
      checkOptions(args, ['db']);
      if (args.positional.length > 1) throw new CliError(`Too many arguments: ${args.positional.slice(1).join(' ')}`);
      return await checkStore(storeFile(stringOption(args, 'db'), env), io);
    }
    if (sub === 'reset') {
      checkOptions(args, ['db', 'yes']);
      if (args.positional.length > 1) throw new CliError(`Too many arguments: ${args.positional.slice(1).join(' ')}`);
      return await resetStore(storeFile(stringOption(args, 'db'), env), flag(args, 'yes'), io);
    }
    throw new CliError(`'store ${sub}' is not a wp-token-emulator command. Use 'store check' or 'store reset'.`);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`Error: ${e.message}`);
      return e.exitCode;
    }
    throw e;
  }
}

export const storeCommand: StandaloneCommand = {
  synopsis: 'store check|reset [--db=<file>] [--yes]',
  description: 'Check a store file and its log, or move them aside (store reset) so the next start makes a fresh store.',
  run: runStoreGroup,
};

registerStandaloneCommand('store', storeCommand);
