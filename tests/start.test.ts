/**
 * Starts that fail, and first runs, never strand a user: the real server (`node dist/plugin/server.js`,
 * what `npm start` runs; jest's globalSetup built it) as a child process, and startServer() in process
 * where only the store's state afterwards matters.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Store } from '../core/store';
import { startServer } from '../plugin/serve';
import { StartError } from '../plugin/start-checks';

const root = path.join(__dirname, '..');
const serverEntry = path.join(root, 'dist', 'plugin', 'server.js');
const DEMO_FIXTURES = path.join(root, 'examples', 'demo-fixtures.json');
/** As root, file permissions do not stop a process: the unwritable-directory cases run the server as nobody. */
const asUnprivileged: Pick<SpawnSyncOptions, 'uid' | 'gid'> = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-start-'));
  fs.chmodSync(dir, 0o755);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'silent', BCRYPT_COST: '4', ...extra };
}

/** A start expected to fail: exit code and stderr. */
function failedStart(extra: Record<string, string>, options: SpawnSyncOptions = {}): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [serverEntry], { cwd: dir, env: env(extra), encoding: 'utf8', timeout: 20_000, ...options });
  return { status: result.status, stderr: String(result.stderr) };
}

/** A start expected to serve: resolves once the banner names the URL, with everything printed so far. */
function start(extra: Record<string, string>): Promise<{ child: ChildProcess; url: string; out: () => string; err: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverEntry], { cwd: dir, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let resolved = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      // The banner is one write; the warnings follow it on stderr at once: give them a moment.
      if (m && !resolved) {
        resolved = true;
        setTimeout(() => resolve({ child, url: m[1]!, out: () => out, err: () => err }), 100);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      if (!resolved) reject(new Error(`server exited (${code}): ${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Holds a TCP port on 127.0.0.1 so that a server asked to listen there fails. */
async function busyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  const port = (holder.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => holder.close(() => resolve())) };
}

function basic(login: string, password: string): string {
  return 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64');
}

describe('a start that fails leaves no password nobody saw', () => {
  it('port in use on a new DB_FILE: no store is left; the next start makes the admin and prints a password that works', async () => {
    const dbFile = path.join(dir, 'db.json');
    const busy = await busyPort();
    try {
      const failed = failedStart({ DB_FILE: dbFile, PORT: String(busy.port), HOST: '127.0.0.1' });
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('already in use');
    } finally {
      await busy.close();
    }
    expect(fs.readdirSync(dir)).toEqual([]);

    const server = await start({ DB_FILE: dbFile });
    try {
      expect(server.out()).toContain('First run: created user "admin"');
      const password = /^\s+admin:(.+)$/m.exec(server.out())![1]!;
      const res = await fetch(`${server.url}/wp-json/wp/v2/users/me`, { headers: { authorization: basic('admin', password) } });
      expect(res.status).toBe(200);
    } finally {
      await stop(server.child);
    }
  });

  it('a bad setting stops the start before any store is made', () => {
    const failed = failedStart({ DB_FILE: path.join(dir, 'db.json'), PORT: 'eighty' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('PORT');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('port in use on a store that existed without a site: the admin and password it made are taken back, and the next start shows a new one', async () => {
    const dbFile = path.join(dir, 'db.json');
    await (await Store.open({ file: dbFile })).close(); // a store file holding nothing yet
    const busy = await busyPort();
    try {
      await expect(startServer({ env: { DB_FILE: dbFile, PORT: String(busy.port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await busy.close();
    }
    const store = await Store.open({ file: dbFile });
    try {
      expect(store.collection('users').size).toBe(0);
      expect(store.collection('application_passwords').size).toBe(0);
    } finally {
      await store.close();
    }
    const running = await startServer({ env: { DB_FILE: dbFile, PORT: '0', LOG_LEVEL: 'silent' } });
    try {
      expect(running.site.firstRun?.login).toBe('admin');
      expect(running.site.applicationPasswords.verify(running.site.firstRun!.userId, running.site.firstRun!.password)).not.toBeNull();
    } finally {
      await running.stop();
    }
  });
});

describe('FIXTURES on a store that already holds a site', () => {
  it('starts, loads nothing, and warns how to load them (move the store aside, or a new DB_FILE)', async () => {
    const dbFile = path.join(dir, 'db.json');
    const first = await start({ DB_FILE: dbFile });
    await stop(first.child);

    const second = await start({ DB_FILE: dbFile, FIXTURES: DEMO_FIXTURES });
    try {
      expect(second.err()).toContain(`warning: FIXTURES=${DEMO_FIXTURES} was not loaded`);
      expect(second.err()).toContain(`store reset --db=${dbFile} --yes`);
      expect(second.err()).toContain('DB_FILE');
      // The demo fixtures' admin password is not there: the store was left as it was.
      const res = await fetch(`${second.url}/wp-json/wp/v2/users/me`, { headers: { authorization: basic('admin', 'AAAA BBBB CCCC DDDD EEEE FFFF') } });
      expect(res.status).toBe(401);
    } finally {
      await stop(second.child);
    }
  });

  it('says nothing when the fixtures were loaded (a new store)', async () => {
    const server = await start({ DB_FILE: path.join(dir, 'db.json'), FIXTURES: DEMO_FIXTURES });
    try {
      expect(server.err()).not.toContain('warning');
    } finally {
      await stop(server.child);
    }
  });
});

describe('DB_FILE and the file system', () => {
  it('a directory that does not exist stops the start with one line naming DB_FILE and the path, and is not created', () => {
    const missing = path.join(dir, 'no', 'such', 'dir');
    const failed = failedStart({ DB_FILE: path.join(missing, 'db.json') });
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      `wp-token-emulator: DB_FILE=${path.join(missing, 'db.json')}: the directory ${missing} does not exist. Create it, or set DB_FILE to a file in an existing directory.`,
    ]);
    expect(fs.existsSync(path.join(dir, 'no'))).toBe(false);
  });

  it('a directory that is not writable stops the start with one line naming DB_FILE and the path', () => {
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    const failed = failedStart({ DB_FILE: 'locked/db.json' }, asUnprivileged);
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      `wp-token-emulator: DB_FILE=locked/db.json (${path.join(locked, 'db.json')}): the directory ${locked} is not writable (EACCES); the store keeps its file, log and lock there.`,
    ]);
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('a store file that is not readable and writable stops the start naming DB_FILE and the file', () => {
    const store = path.join(dir, 'store');
    fs.mkdirSync(store, { mode: 0o777 });
    fs.chmodSync(store, 0o777);
    fs.writeFileSync(path.join(store, 'db.json'), '{}', { mode: 0o600 });
    fs.chmodSync(path.join(store, 'db.json'), 0o400);
    const failed = failedStart({ DB_FILE: path.join(store, 'db.json') }, asUnprivileged);
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim()).toBe(`wp-token-emulator: DB_FILE=${path.join(store, 'db.json')}: the file ${path.join(store, 'db.json')} is not readable and writable (EACCES).`);
  });

  it('without DB_FILE, the default ./data is created', async () => {
    const server = await start({});
    try {
      expect(fs.existsSync(path.join(dir, 'data', 'db.json'))).toBe(true);
    } finally {
      await stop(server.child);
    }
  });

  it('a file-system error while the store opens names DB_FILE and the file', async () => {
    const dbFile = path.join(dir, 'db.json');
    const failing = {
      readFile: () => Promise.reject(Object.assign(new Error(`EIO: i/o error, open '${dbFile}'`), { code: 'EIO', syscall: 'open', path: dbFile })),
      open: (file: string) => Promise.reject(Object.assign(new Error(`EIO: i/o error, open '${file}'`), { code: 'EIO', syscall: 'open', path: file })),
      rename: () => Promise.resolve(),
      unlink: () => Promise.resolve(),
    };
    fs.writeFileSync(dbFile, '');
    const error = await startServer({ env: { DB_FILE: dbFile, PORT: '0', LOG_LEVEL: 'silent' }, storeFs: failing }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(StartError);
    expect(error!.message).toMatch(new RegExp(`^DB_FILE=${dbFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*${path.basename(dbFile)}`));
  });

  it('an unreadable FIXTURES file stops the start naming FIXTURES and the file, before any store is made', () => {
    const failed = failedStart({ DB_FILE: path.join(dir, 'db.json'), FIXTURES: 'missing-fixtures.json' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`FIXTURES=missing-fixtures.json: Invalid fixtures ${path.join(dir, 'missing-fixtures.json')}`);
    expect(fs.existsSync(path.join(dir, 'db.json'))).toBe(false);
  });
});
