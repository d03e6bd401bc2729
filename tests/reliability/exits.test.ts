import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { asAdmin, standardFixtures } from '../helpers';
import { serverEntry } from './child';

/*
 * The real server (dist/, a child process): links name the real port when PORT=0, and an exit on a
 * fault says why in one line (issue 21: SIGTERM on a full disk exited 1 with no message).
 */

/**
 * Loaded with `node -r` before the server: after SIGUSR2 every write through a promise file handle
 * (the store's snapshot and write-ahead log) fails with ENOSPC, as on a full disk.
 */
const FULL_DISK_PRELOAD = `
const fsp = require('node:fs/promises');
let full = false;
process.on('SIGUSR2', () => { full = true; });
const open = fsp.open;
fsp.open = async function (...args) {
  const handle = await open.apply(this, args);
  const proto = Object.getPrototypeOf(handle);
  if (!proto.__fullDisk) {
    proto.__fullDisk = true;
    for (const name of ['write', 'writev', 'writeFile', 'appendFile']) {
      const original = proto[name];
      proto[name] = function (...a) {
        if (!full) return original.apply(this, a);
        const e = new Error('ENOSPC: no space left on device, write');
        e.code = 'ENOSPC';
        return Promise.reject(e);
      };
    }
  }
  return handle;
};
`;

interface Child {
  child: ChildProcess;
  url: string;
  stderr(): string;
  exit: Promise<number | null>;
}

function start(env: Record<string, string>, execArgv: string[] = []): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, serverEntry], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, stderr: () => err, exit });
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    void exit.then((code) => reject(new Error(`exited (${code}) before listening: ${err}`)));
  });
}

let dir: string;
let running: Child | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-exits-'));
  fs.writeFileSync(path.join(dir, 'fixtures.json'), JSON.stringify(standardFixtures));
});
afterEach(() => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
  running = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ DB_FILE: path.join(dir, 'db.json'), FIXTURES: path.join(dir, 'fixtures.json'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', BCRYPT_COST: '4' });

const createPassword = (url: string, name: string) =>
  fetch(`${url}/wp-json/wp/v2/users/me/application-passwords`, { method: 'POST', headers: { Authorization: asAdmin, 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) });

describe('PORT=0', () => {
  it('links, Location headers and the index name the port the server listens on, never :0', async () => {
    running = await start(env());
    const port = new URL(running.url).port;
    expect(port).not.toBe('0');
    const created = await createPassword(running.url, 'port-zero');
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/wp-json/wp/v2/users/1/application-passwords/`));
    const index = (await (await fetch(`${running.url}/wp-json/`)).json()) as { url: string; home: string };
    expect(index.url).toBe(`http://127.0.0.1:${port}`);
    const me = (await (await fetch(`${running.url}/wp-json/wp/v2/users/me`, { headers: { Authorization: asAdmin } })).json()) as { link: string; _links: { self: Array<{ href: string }> } };
    expect(me.link).toContain(`:${port}/`);
    expect(me._links.self[0]!.href).toContain(`:${port}/`);
  });
});

describe('an exit on a fault says why, in one line', () => {
  it('SIGTERM with the disk full: exit 1 and one line naming the signal and ENOSPC; the acknowledged write survives', async () => {
    const preload = path.join(dir, 'full-disk.js');
    fs.writeFileSync(preload, FULL_DISK_PRELOAD);
    running = await start(env(), ['-r', preload]);
    expect((await createPassword(running.url, 'before-full')).status).toBe(201);
    running.child.kill('SIGUSR2'); // the disk is full from now on
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await createPassword(running.url, 'while-full')).status).toBe(503);
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(1);
    const lines = running.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^wp-token-emulator: SIGTERM: .*ENOSPC/);
    // Data intact: a normal start finds the acknowledged write.
    running = await start(env());
    const list = (await (await fetch(`${running.url}/wp-json/wp/v2/users/me/application-passwords`, { headers: { Authorization: asAdmin } })).json()) as Array<{ name: string }>;
    expect(list.map((p) => p.name)).toContain('before-full');
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
  });
});
