import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from '../core/config';
import { FixtureError } from '../core/fixtures';
import { StoreOpenError } from '../core/store';
import type { Site } from './site';

/**
 * What the server checks and says around a start, so that a start that fails leaves nothing behind
 * and says in one line which setting and which file are at fault.
 */

/** A start refused: the message names the setting and the file. */
export class StartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartError';
  }
}

/** `DB_FILE=<as given>`, plus the absolute path when that differs. */
function dbFileSetting(config: Config): string {
  const given = String(config.settings.DB_FILE ?? '');
  return given && given !== config.dbFile ? `DB_FILE=${given} (${config.dbFile})` : `DB_FILE=${config.dbFile}`;
}

function errnoCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? String((e as Error)?.message ?? e);
}

/**
 * Before the store is opened: DB_FILE's directory must exist and be writable, and an existing file
 * must be readable and writable. The default directory (./data, beside where the server starts) is
 * created; any other missing directory is an error, never made silently.
 */
export function checkStorePath(config: Config, cwd = process.cwd()): void {
  const file = config.dbFile;
  if (file === null) return;
  const dir = path.dirname(file);
  const setting = dbFileSetting(config);
  const defaultDir = path.resolve(cwd, 'data');
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw new StartError(`${setting}: cannot read the directory ${dir} (${errnoCode(e)}).`, { cause: e });
  }
  if (!stat && dir === defaultDir) {
    try {
      fs.mkdirSync(dir);
      stat = fs.statSync(dir);
    } catch (e) {
      throw new StartError(`${setting}: cannot create the directory ${dir} (${errnoCode(e)}).`, { cause: e });
    }
  }
  if (!stat) throw new StartError(`${setting}: the directory ${dir} does not exist. Create it, or set DB_FILE to a file in an existing directory.`);
  if (!stat.isDirectory()) throw new StartError(`${setting}: ${dir} is not a directory.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (e) {
    throw new StartError(`${setting}: the directory ${dir} is not writable (${errnoCode(e)}); the store keeps its file, log and lock there.`, { cause: e });
  }
  let fileStat: fs.Stats | undefined;
  try {
    fileStat = fs.statSync(file);
  } catch {
    return; // a new store
  }
  if (!fileStat.isFile()) throw new StartError(`${setting}: ${file} is not a file.`);
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (e) {
    throw new StartError(`${setting}: the file ${file} is not readable and writable (${errnoCode(e)}).`, { cause: e });
  }
}

/**
 * A file-system error met during a start, as one message naming the setting and the file
 * (`DB_FILE=./x.json: cannot open /abs/x.json.lock (EACCES)`). Anything else comes back unchanged.
 */
export function nameTheFile(e: unknown, config: Config): unknown {
  if (e instanceof StartError) return e;
  if (e instanceof StoreOpenError) return new StartError(`${dbFileSetting(config)}: ${e.message}`, { cause: e });
  if (e instanceof FixtureError) {
    return config.fixtures && path.resolve(e.source) === path.resolve(config.fixtures) ? new StartError(`FIXTURES=${config.settings.FIXTURES}: ${e.message}`, { cause: e }) : e;
  }
  const err = e as NodeJS.ErrnoException;
  if (!err || typeof err.code !== 'string' || typeof err.path !== 'string') return e;
  const what = `cannot ${err.syscall ?? 'use'} ${err.path} (${err.code})`;
  if (config.dbFile && path.resolve(err.path).startsWith(config.dbFile)) return new StartError(`${dbFileSetting(config)}: ${what}.`, { cause: e });
  if (config.fixtures && path.resolve(err.path) === path.resolve(config.fixtures)) return new StartError(`FIXTURES=${config.settings.FIXTURES}: ${what}.`, { cause: e });
  if (config.dbFile) return new StartError(`${what}, while starting on ${dbFileSetting(config)} (the control socket lives in the temporary directory, TMPDIR).`, { cause: e });
  return new StartError(`${what}.`, { cause: e });
}

/**
 * A start that failed after the site was made: a first-run admin password was created but never
 * shown. A store this start created is removed (the next start is a first run again); in a store
 * that existed, the new admin, its password and the first-run mark are taken back, so the next start
 * makes and shows a new one. The store is closed either way.
 */
export async function forgetUnshownFirstRun(site: Site): Promise<void> {
  if (!site.firstRun) return site.close();
  if (site.store.isNew) {
    site.endWaits();
    return site.store.discard();
  }
  site.applicationPasswords.deleteAll(site.firstRun.userId);
  site.users.delete(site.firstRun.userId);
  site.store.collection('_baseline').delete('collections'); // plugin/site.ts's first-run mark (BASELINE)
  try {
    await site.store.commit();
  } finally {
    await site.close();
  }
}

/** The warning for FIXTURES given on a store that already holds a site. */
export function fixturesSkippedWarning(config: Config, fixtures: string): string {
  const store = config.dbFile ?? 'memory';
  return (
    `wp-token-emulator: warning: FIXTURES=${fixtures} was not loaded: the store ${store} already holds a site, and fixtures load only into a new store. ` +
    `To load them, stop the server and move this store aside (npx wp-token-emulator store reset --db=${store} --yes), or start with DB_FILE set to a new file.`
  );
}
