import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ADMIN_PASSWORD, basic, standardFixtures } from '../helpers';

const root = path.join(__dirname, '..', '..');
const crashServer = path.join(__dirname, 'fixtures', 'crash-server.js');
const serverEntry = path.join(root, 'dist', 'plugin', 'server.js');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-proc-'));
  fs.writeFileSync(path.join(dir, 'fixtures.json'), JSON.stringify(standardFixtures));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, DB_FILE: path.join(dir, 'db.json'), FIXTURES: path.join(dir, 'fixtures.json'), PORT: '0', LOG_LEVEL: 'silent', BCRYPT_COST: '4', ...extra };
}

/** Starts the crash server; resolves with its base URL once it prints READY. */
function start(extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [crashServer], { env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const auth = basic('admin', ADMIN_PASSWORD);

describe('the real server in a child process', () => {
  it('loses nothing acknowledged when killed with SIGKILL right after a 2xx', async () => {
    const acknowledged: string[] = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      const { child, url } = await start();
      try {
        const ids = Array.from({ length: 20 }, (_, i) => `c${cycle}-${i}`);
        const results = await Promise.all(
          ids.map((id) =>
            fetch(`${url}/wp-json/crash/v1/items`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) }).then((r) => r.status),
          ),
        );
        ids.forEach((id, i) => results[i] === 201 && acknowledged.push(id));
        expect(results.every((s) => s === 201)).toBe(true);
      } finally {
        await kill(child); // immediately after the last 2xx: no graceful shutdown, no final snapshot
      }
    }
    // The store must hold every acknowledged write, and the file must parse.
    const { child } = await start();
    await kill(child);
    const snapshot = JSON.parse(fs.readFileSync(path.join(dir, 'db.json'), 'utf8'));
    const wal = fs.existsSync(path.join(dir, 'db.json.wal')) ? fs.readFileSync(path.join(dir, 'db.json.wal'), 'utf8') : '';
    const ids = new Set(Object.keys(snapshot.collections['crash.items'] ?? {}));
    for (const line of wal.split('\n').filter(Boolean)) {
      const change = JSON.parse(line);
      if (change.c === 'crash.items') ids.add(change.k);
    }
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    expect(acknowledged).toHaveLength(60);
  });

  it('refuses to start on a corrupt db.json, naming the file, and leaves it byte-for-byte unchanged', () => {
    const file = path.join(dir, 'db.json');
    fs.writeFileSync(file, '{"app":"wp-token-emulator","schemaVersion":1,"seq":4,"collections":{"users":{"1":{"id"');
    const before = fs.readFileSync(file);
    const result = spawnSync(process.execPath, [serverEntry], { env: env(), encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/invalid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses to start with an invalid setting, naming the setting', () => {
    const result = spawnSync(process.execPath, [serverEntry], { env: env({ PORT: 'eighty' }), encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('"eighty" is not a whole number');
  });

  it('refuses a second server on the same store, naming the running one', async () => {
    const { child } = await start();
    try {
      const result = spawnSync(process.execPath, [serverEntry], { env: env(), encoding: 'utf8', timeout: 20_000 });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`in use by process ${child.pid}`);
    } finally {
      await kill(child);
    }
  });

  it('first run without fixtures prints the admin application password and a curl line that works', async () => {
    const child = spawn(process.execPath, [serverEntry], { env: { PATH: process.env.PATH, DB_FILE: path.join(dir, 'fresh.json'), PORT: '0', LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          if (/curl -u .*\n/.test(out)) resolve();
        });
        child.on('exit', () => reject(new Error(out)));
      });
      const m = /curl -u '([^:]+):([A-Za-z0-9 ]{29})' (\S+)/.exec(out)!;
      expect(m).not.toBeNull();
      const [, login, password, target] = m;
      const res = await fetch(target!, { headers: { Authorization: basic(login!, password!) } });
      // users/me is the wp/v2 namespace's; until it answers, the credentials must at least authenticate.
      expect([200, 404]).toContain(res.status);
      const index = await fetch(new URL('/wp-json/', target!).href, { headers: { Authorization: basic(login!, password!) } });
      expect(index.headers.get('cache-control')).toContain('no-store'); // authenticated
      // Later starts create nothing new.
      const stored = fs.readFileSync(path.join(dir, 'fresh.json'), 'utf8');
      expect(stored).not.toContain(password!.replace(/ /g, ''));
    } finally {
      await kill(child);
    }
  });
});
