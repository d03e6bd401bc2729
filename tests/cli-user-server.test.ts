/**
 * End to end, with real processes: a server runs on a store file; the command line, started as
 * another process on the same DB_FILE, creates an application password (the server carries the
 * command out over its control socket, so nothing is written twice); the password authenticates
 * on the server at once, raw or chunked; deleting it from the command line makes the next request
 * anonymous.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { ...options, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('command line and a running server on the same DB_FILE', () => {
  let work: string;
  let build: string;
  let server: ChildProcess | null = null;
  let baseUrl: string;
  let env: NodeJS.ProcessEnv;
  let serverOutput = '';

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-cli-e2e-'));
    // jest's globalSetup built dist/ (the code npm start runs) before the suites.
    build = path.join(ROOT, 'dist');
    if (!fs.existsSync(path.join(build, 'plugin', 'server.js'))) throw new Error('dist/ is missing: the globalSetup build failed');

    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    env = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, DB_FILE: path.join(work, 'db.json'), PORT: String(port), HOST: '127.0.0.1', BCRYPT_COST: '4', LOG_LEVEL: 'silent' };
    server = spawn(process.execPath, [path.join(build, 'plugin', 'server.js')], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${serverOutput}`)), 30_000);
      const onData = (chunk: Buffer) => {
        serverOutput += chunk.toString('utf8');
        if (serverOutput.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server!.stdout!.on('data', onData);
      server!.stderr!.on('data', onData);
      server!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${serverOutput}`));
      });
    });
  }, 180_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.pid !== undefined) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      process.kill(server.pid, 'SIGTERM');
      await exited;
    }
    fs.rmSync(work, { recursive: true, force: true });
  }, 30_000);

  const cli = (...args: string[]) => run(path.join(build, 'plugin', 'cli-main.js'), args, { cwd: work, env });
  const me = (login: string, password: string) =>
    fetch(`${baseUrl}/wp-json/wp/v2/users/me`, { headers: { Authorization: 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64') } });

  it('creates a password from the command line that the running server accepts, raw and chunked, until it is deleted', async () => {
    const created = await cli('user', 'application-password', 'create', 'admin', 'ci', '--porcelain');
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^[A-Za-z0-9]{24}\n$/);
    const password = created.stdout.trim();

    const raw = await me('admin', password);
    expect(raw.status).toBe(200);
    expect(((await raw.json()) as { id: number }).id).toBe(1);
    const chunked = await me('admin', (password.match(/.{4}/g) ?? []).join(' '));
    expect(chunked.status).toBe(200);

    const listed = await cli('user', 'application-password', 'list', 'admin', '--format=json');
    expect(listed.code).toBe(0);
    const item = (JSON.parse(listed.stdout) as { uuid: string; name: string }[]).find((i) => i.name === 'ci');
    expect(item).toBeDefined();

    const deleted = await cli('user', 'application-password', 'delete', 'admin', item!.uuid);
    expect(deleted).toEqual({ code: 0, stdout: 'Success: Deleted 1 of 1 application password.\n', stderr: '' });

    const after = await me('admin', password);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { code: string }).code).toBe('rest_not_logged_in');
  });

  it('reports an unknown user with Error: and exit code 1 through the server', async () => {
    const r = await cli('user', 'application-password', 'create', 'nobody', 'x');
    expect(r).toEqual({ code: 1, stdout: '', stderr: "Error: Invalid user ID, email or login: 'nobody'\n" });
  });

  it('kept the write on disk: the store file holds the hash of the new password, never the password', async () => {
    const created = await cli('user', 'application-password', 'create', 'admin', 'on-disk', '--porcelain');
    expect(created.code).toBe(0);
    const password = created.stdout.trim();
    const files = fs.readdirSync(work).filter((f) => f.startsWith('db.json'));
    const onDisk = files.map((f) => fs.readFileSync(path.join(work, f), 'utf8')).join('\n');
    expect(onDisk).toContain('on-disk');
    expect(onDisk).not.toContain(password);
  });
});
