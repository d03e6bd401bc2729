import * as http from 'node:http';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { AddressInfo } from 'node:net';
import type { Server as NetServer } from 'node:net';
import { chunkApplicationPassword } from '../core/auth/application-passwords';
import { ConfigError, environmentWithDotenv } from '../core/config';
import { FixtureError } from '../core/fixtures';
import { StoreLockedError, StoreOpenError, storeBytesOnDisk } from '../core/store';
import { buildExpressApp } from './app';
import { runStoreCommand } from './cli';
import { listenControlSocket, socketPathFor } from './control-socket';
import { createSite, siteConfig, type Site, type SiteOptions } from './site';
import { checkStorePath, fixturesSkippedWarning, forgetUnshownFirstRun, nameTheFile, StartError } from './start-checks';

export interface RunningServer {
  site: Site;
  server: http.Server;
  /** The base URL it answers on. */
  url: string;
  stop(): Promise<void>;
}

/** A store file from this size on is worth one full collection once it is open. */
const LARGE_STORE_BYTES = 8 * 1024 * 1024;

/**
 * After opening a large store: one full garbage collection before serving, while nothing is in
 * flight. Opening reads the whole file into one buffer and parses every record; that garbage would
 * otherwise stay until V8's first full collection under load, and V8 sizes the heap's next limit
 * from what it found live then. Measured with 100,000 records (`docs/performance.md`): RSS at the
 * end of a 10 s write load 166-215 MB without it, 167-172 MB with it. V8 offers no call for this
 * without `--expose-gc`, so the flag is set for a moment to fetch `gc` from a fresh context; the
 * process's own global scope never gets it. Skipped for small stores (it would only cost start time).
 */
export function collectAfterOpeningLargeStore(dbFile: string | null): boolean {
  if (dbFile === null) return false;
  if (storeBytesOnDisk(dbFile) < LARGE_STORE_BYTES) return false;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (() => void) | undefined;
    if (typeof gc !== 'function') return false;
    gc();
    return true;
  } catch {
    return false; // a runtime without it: only memory is at stake
  }
}

/** Opens the store (file by default), serves HTTP on HOST:PORT and the control socket beside the store. */
export async function startServer(options: SiteOptions = {}): Promise<RunningServer> {
  // Settings and DB_FILE's directory are checked before the store is touched; a file-system error
  // names its setting and file; a start that fails takes back a first-run password it never showed.
  const siteOptions: SiteOptions = { memoryByDefault: false, ...options };
  const config = siteConfig(siteOptions);
  checkStorePath(config, options.cwd);
  const site = await createSite(siteOptions).catch((e: unknown) => {
    throw nameTheFile(e, config);
  });
  collectAfterOpeningLargeStore(site.config.dbFile);
  let control: NetServer | null = null;
  try {
    const app = buildExpressApp(site);
    const server = http.createServer(app);
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(site.config.port, site.config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    // PORT=0: links and Location headers name the port the system picked, not port 0 (issue 21).
    if (site.config.port === 0 && site.config.settings.SITE_URL === undefined) site.config.siteUrl = site.config.siteUrl.replace(/:0$/, `:${port}`);
    if (site.config.dbFile) {
      const socketPath = socketPathFor(site.config.dbFile);
      control = await listenControlSocket(socketPath, async (request) => {
        let out = '';
        let err = '';
        const code = await runStoreCommand(site, request.argv, {
          out: (t) => (out += t.endsWith('\n') ? t : t + '\n'),
          err: (t) => (err += t.endsWith('\n') ? t : t + '\n'),
          isTTY: request.isTTY,
        });
        return { out, err, code };
      });
      site.store.advertise({ socket: socketPath });
    }
    const host = site.config.host.includes(':') ? `[${site.config.host}]` : site.config.host;
    let stopping: Promise<void> | null = null;
    return {
      site,
      server,
      url: `http://${host}:${port}`,
      stop() {
        stopping ??= (async () => {
          control?.close();
          // Requests held by an injected latency fault answer now instead of holding the shutdown.
          site.endWaits();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          });
          await site.close();
        })();
        return stopping;
      },
    };
  } catch (e) {
    control?.close();
    await forgetUnshownFirstRun(site);
    throw nameTheFile(e, config);
  }
}

function banner(running: RunningServer): string {
  const { site, url } = running;
  const lines = [`wp-token-emulator listening on ${url} (site "${site.config.siteName}", store: ${site.config.dbFile ?? 'memory'})`];
  if (site.firstRun) {
    const { login, password } = site.firstRun;
    const chunked = chunkApplicationPassword(password);
    lines.push(
      '',
      `First run: created user "${login}" (administrator) and an application password for it.`,
      'It is shown only this once; only its hash is stored:',
      '',
      `  ${login}:${chunked}`,
      '',
      'Try it:',
      '',
      `  curl -u '${login}:${chunked}' ${url}/wp-json/wp/v2/users/me`,
      '',
    );
  }
  return lines.join('\n');
}

/** `npm start` / `node dist/plugin/server.js` / the `serve` command: settings from the environment and .env, read once. */
export async function runFromCommandLine(env: Record<string, string | undefined> = environmentWithDotenv()): Promise<RunningServer | null> {
  let running: RunningServer;
  try {
    running = await startServer({ env });
  } catch (e) {
    if (e instanceof ConfigError || e instanceof StartError || e instanceof StoreOpenError || e instanceof StoreLockedError || e instanceof FixtureError) {
      process.stderr.write(`wp-token-emulator: ${e.message}\n`);
      process.exitCode = 1;
      return null;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`wp-token-emulator: the address is already in use (${(e as Error).message}). Set PORT or HOST to another value.\n`);
      process.exitCode = 1;
      return null;
    }
    throw e;
  }
  process.stdout.write(banner(running) + '\n');
  if (running.site.fixturesSkipped) process.stderr.write(fixturesSkippedWarning(running.site.config, String(running.site.config.settings.FIXTURES)) + '\n');
  const shutdown = (signal: string) => {
    running.site.log.info(`Received ${signal}, shutting down`);
    running.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        // One line saying why the exit status is 1 (a full disk used to exit 1 in silence).
        process.stderr.write(`wp-token-emulator: ${signal}: stopped without writing the store's final snapshot: ${(e as Error)?.message ?? String(e)}. Writes acknowledged before are in the write-ahead log.\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  const fatal = (what: string) => (e: unknown) => {
    process.stderr.write(`wp-token-emulator: stopping on ${what}: ${(e as Error)?.message ?? String(e)}\n`);
    process.exit(1);
  };
  process.once('uncaughtException', fatal('an uncaught exception'));
  process.once('unhandledRejection', fatal('an unhandled promise rejection'));
  return running;
}
