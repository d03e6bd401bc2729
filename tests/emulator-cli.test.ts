import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { CliError, type CliIO } from '../core/cli';
import type { EmulatorApp } from '../plugin/app';
import { main } from '../plugin/cli';
import { controlCommands } from '../wp-json/emulator/v1/cli';
import { emulator } from '../wp-json/emulator/v1';
import { DEMO_SECRET, demoVendor } from './emulator-demo-vendor';
import { ADMIN_PASSWORD, EDITOR_PASSWORD, asAdmin, standardApp } from './helpers';

const START = '2030-01-01T00:00:00.000Z';
const START_S = Date.parse(START) / 1000;

let emu: EmulatorApp;
let server: http.Server;
let url: string;

async function listen(app: EmulatorApp): Promise<{ server: http.Server; url: string }> {
  const s = http.createServer(app.app);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

async function stop(s: http.Server): Promise<void> {
  await new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
}

beforeEach(async () => {
  emu = await standardApp({ namespaces: [demoVendor, emulator], settings: { CLOCK_START: START } });
  ({ server, url } = await listen(emu));
});
afterEach(async () => {
  await stop(server);
  await emu.close();
});

/** Runs a control command with captured output; resolves to its exit code, output and error text. */
async function run(argv: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), isTTY: false };
  const [name, ...rest] = argv;
  try {
    const code = await controlCommands[name!]!.run(rest, io, env);
    return { code, out, err };
  } catch (e) {
    if (e instanceof CliError) return { code: e.exitCode, out, err: err + `Error: ${e.message}\n` };
    throw e;
  }
}

const asAdminFlags = () => [`--url=${url}`, '--user=admin', `--password=${ADMIN_PASSWORD}`];

describe('command line: clock', () => {
  it('shows the clock', async () => {
    const r = await run(['clock', ...asAdminFlags()]);
    expect(r).toEqual({ code: 0, out: `${START} (frozen)\n`, err: '' });
  });

  it('--format=yaml as well as json (WP-CLI: yaml wherever json is accepted)', async () => {
    const r = await run(['clock', ...asAdminFlags(), '--format=yaml']);
    expect(r.out).toMatch(new RegExp(`^---\nnow: "${START}"\ntimestamp: ${START_S}\nmode: frozen\noffsetMs: -?\\d+\n$`));
    const reset = await run(['reset', ...asAdminFlags(), '--format=yaml']);
    expect(reset.out).toMatch(new RegExp(`^---\nreset: true\nclock:\n  now: "${START}"\n  timestamp: ${START_S}\n  mode: frozen\n  offsetMs: -?\\d+\n$`));
  });

  it('advances, sets and goes back to real time', async () => {
    expect((await run(['clock', 'advance', '901', ...asAdminFlags()])).out).toBe('2030-01-01T00:15:01.000Z (frozen)\n');
    expect(emu.clock.seconds()).toBe(START_S + 901);
    expect((await run(['clock', 'set', '2031-02-03T04:05:06Z', ...asAdminFlags()])).out).toBe('2031-02-03T04:05:06.000Z (frozen)\n');
    const real = await run(['clock', 'real', ...asAdminFlags(), '--format=json']);
    expect(JSON.parse(real.out)).toMatchObject({ mode: 'real' });
    expect(emu.clock.state().mode).toBe('real');
  });

  it('rejects a bad argument with a usage message and leaves the clock alone', async () => {
    const r = await run(['clock', 'advance', 'soon', ...asAdminFlags()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/clock advance takes a number of seconds/);
    const bad = await run(['clock', 'set', 'yesterday', ...asAdminFlags()]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Invalid parameter\(s\): set.*400 rest_invalid_param/);
    expect(emu.clock.seconds()).toBe(START_S);
    const unknown = await run(['clock', '--nope', ...asAdminFlags()]);
    expect(unknown.err).toMatch(/unknown --nope parameter/);
  });
});

describe('command line: reset, outbox, journal', () => {
  it('reset restores the fixtures and the clock', async () => {
    const issued = await request(emu.app).post('/wp-json/demo/v1/token').set('Authorization', asAdmin).send({ secretKey: DEMO_SECRET });
    emu.clock.advance(3600);
    const r = await run(['reset', ...asAdminFlags()]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Success: ${url} is back to its fixtures. Clock: ${START} (frozen).\n`);
    expect(emu.introspect(issued.body.accessToken).active).toBe(false);
    expect(emu.clock.seconds()).toBe(START_S);
  });

  it('outbox lists (filtered by recipient) and clears', async () => {
    for (const email of ['ops@example.com', 'dev@example.com']) {
      await request(emu.app).post('/wp-json/demo/v1/token').set('Authorization', asAdmin).send({ secretKey: DEMO_SECRET, email });
    }
    const table = await run(['outbox', ...asAdminFlags()]);
    expect(table.out.split('\n')[0]).toBe('sentAt\tto\tsubject\tfrom');
    expect(table.out).toContain(`${START}\tops@example.com\tYour demo token\tdemo`);
    const json = await run(['outbox', 'list', '--to=dev@example.com', '--format=json', '--fields=to,text', ...asAdminFlags()]);
    expect(JSON.parse(json.out)).toEqual([{ to: 'dev@example.com', text: expect.stringMatching(/^Token issued: demo_/) }]);
    expect((await run(['outbox', 'list', '--format=count', ...asAdminFlags()])).out).toBe('2\n');
    expect((await run(['outbox', 'clear', '--to=ops@example.com', ...asAdminFlags()])).out).toBe('Success: Deleted 1 message.\n');
    expect(emu.outbox.list().map((m) => m.to)).toEqual(['dev@example.com']);
  });

  it('journal lists with filters and clears', async () => {
    await request(emu.app).post('/wp-json/demo/v1/token').set('Authorization', asAdmin).send({ secretKey: DEMO_SECRET });
    await request(emu.app).get('/wp-json/demo/v1/whoami');
    const all = await run(['journal', '--format=json', ...asAdminFlags()]);
    const entries = JSON.parse(all.out) as { method: string; path: string; status: number; user: string | null }[];
    expect(entries.map((e) => [e.method, e.path, e.status, e.user])).toEqual([
      ['POST', '/wp-json/demo/v1/token', 201, 'admin'],
      ['GET', '/wp-json/demo/v1/whoami', 401, null],
    ]);
    const failed = await run(['journal', 'list', '--status=4xx', '--fields=method,path,status', ...asAdminFlags()]);
    expect(failed.out).toBe('method\tpath\tstatus\nGET\t/wp-json/demo/v1/whoami\t401\n');
    const bad = await run(['journal', '--status=teapot', ...asAdminFlags()]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/status is a status/);
    expect((await run(['journal', 'clear', ...asAdminFlags()])).out).toBe('Success: Deleted 2 journal entries.\n');
    expect(emu.journal.list()).toEqual([]);
  });
});

describe('command line: where and as whom', () => {
  it('takes the base URL and the credentials from EMULATOR_URL / EMULATOR_USER / EMULATOR_PASSWORD', async () => {
    const r = await run(['clock'], { EMULATOR_URL: url, EMULATOR_USER: 'admin', EMULATOR_PASSWORD: ADMIN_PASSWORD });
    expect(r.out).toBe(`${START} (frozen)\n`);
  });

  it('falls back to SITE_URL, then to http://HOST:PORT', async () => {
    const port = new URL(url).port;
    const creds = { EMULATOR_USER: 'admin', EMULATOR_PASSWORD: ADMIN_PASSWORD };
    expect((await run(['clock'], { ...creds, SITE_URL: url })).code).toBe(0);
    expect((await run(['clock'], { ...creds, PORT: port })).code).toBe(0);
    expect((await run(['clock'], { ...creds, PORT: port, HOST: '0.0.0.0' })).code).toBe(0);
  });

  it('derives http://HOST:PORT by the server\'s own config rules, and names a bad HOST/PORT setting', async () => {
    const port = new URL(url).port;
    const creds = { EMULATOR_USER: 'admin', EMULATOR_PASSWORD: ADMIN_PASSWORD };
    expect((await run(['clock'], { ...creds, PORT: ` ${port} ` })).code).toBe(0);
    expect((await run(['clock'], { ...creds, SITE_URL: `${url}/` })).code).toBe(0);
    const badPort = await run(['clock'], { ...creds, PORT: 'eighty' });
    expect(badPort.code).toBe(1);
    expect(badPort.err).toMatch(/^Error: Invalid setting PORT: "eighty" is not a whole number/);
    const badSite = await run(['clock'], { ...creds, SITE_URL: 'ftp://example.com' });
    expect(badSite.err).toMatch(/^Error: Invalid setting SITE_URL: .*http:\/\/ or https:\/\//);
    // A given --url or EMULATOR_URL does not need HOST/PORT at all.
    expect((await run(['clock', `--url=${url}`], { ...creds, PORT: 'eighty' })).code).toBe(0);
  });

  it('checks EMULATOR_URL, EMULATOR_USER and EMULATOR_PASSWORD, naming the one at fault and never printing a password', async () => {
    const creds = { EMULATOR_USER: 'admin', EMULATOR_PASSWORD: ADMIN_PASSWORD };
    const ftp = await run(['clock'], { ...creds, EMULATOR_URL: 'ftp://admin:hidden-pw-1@127.0.0.1' });
    expect(ftp.code).toBe(1);
    expect(ftp.err).toMatch(/^Error: EMULATOR_URL: the base URL must start with http:\/\/ or https:\/\//);
    const notUrl = await run(['clock'], { ...creds, EMULATOR_URL: 'http://admin:hidden-pw-1@' });
    expect(notUrl.err).toMatch(/^Error: EMULATOR_URL: the base URL "http:\/\/" is not an absolute http\(s\) URL/);
    const query = await run(['clock'], { ...creds, EMULATOR_URL: `${url}/?x=1` });
    expect(query.err).toMatch(/^Error: EMULATOR_URL: .*must not carry a query/);
    const user = await run(['clock'], { EMULATOR_URL: url, EMULATOR_USER: 'ad:min', EMULATOR_PASSWORD: ADMIN_PASSWORD });
    expect(user.err).toMatch(/^Error: EMULATOR_USER: a login cannot contain ":"/);
    const password = await run(['clock'], { EMULATOR_URL: url, EMULATOR_USER: 'admin', EMULATOR_PASSWORD: 'line-one-secret\nline-two' });
    expect(password.err).toMatch(/^Error: EMULATOR_PASSWORD: an application password cannot contain line breaks/);
    const flag = await run(['clock', `--url=${url}`, '--user=admin', '--password=tab\tsecret-99']);
    expect(flag.err).toMatch(/^Error: --password: /);
    for (const r of [ftp, notUrl, password, flag]) {
      expect(r.err).not.toContain('hidden-pw-1');
      expect(r.err).not.toContain('line-one-secret');
      expect(r.err).not.toContain('secret-99');
    }
  });

  it('says so when no credentials are given', async () => {
    const r = await run(['reset', `--url=${url}`]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No credentials: pass --user=<login> and --password=<application password>, or set EMULATOR_USER and EMULATOR_PASSWORD/);
  });

  it('explains a refused password or a non-administrator, never printing the password', async () => {
    const wrong = await run(['clock', `--url=${url}`, '--user=admin', '--password=not-the-password-123']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/did not accept the credentials of "admin" \(401 rest_forbidden\)/);
    expect(wrong.err).not.toContain('not-the-password-123');
    const editor = await run(['reset', `--url=${url}`, '--user=alice', `--password=${EDITOR_PASSWORD}`]);
    expect(editor.code).toBe(1);
    expect(editor.err).toMatch(/User "alice" may not use the test control API \(403 rest_forbidden\)/);
    expect(editor.err).not.toContain(EDITOR_PASSWORD);
  });

  it('accepts credentials in the URL and never prints them', async () => {
    const withCreds = url.replace('http://', `http://admin:${encodeURIComponent(ADMIN_PASSWORD)}@`);
    const r = await run(['reset', `--url=${withCreds}`]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Success: ${url} is back`);
    expect(r.out).not.toContain('AAAA');
  });

  it('gives a clear error when the server is not reachable', async () => {
    const gone = await listen(emu);
    await stop(gone.server);
    const r = await run(['clock', `--url=${gone.url}`, '--user=admin', `--password=${ADMIN_PASSWORD}`]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`Error: Cannot reach the emulator at ${gone.url} (connection refused). Is the server running (npm start)? Set --url=<base URL> or EMULATOR_URL.\n`);
    const notUrl = await run(['clock', '--url=localhost:8080', '--user=admin', `--password=${ADMIN_PASSWORD}`]);
    expect(notUrl.err).toMatch(/must start with http:\/\/ or https:\/\/|not an absolute http\(s\) URL/);
  });

  it('explains a server whose control API is off', async () => {
    const off = await standardApp({ namespaces: [demoVendor, emulator], settings: { EMULATOR_API: false } });
    const listening = await listen(off);
    try {
      const r = await run(['journal', `--url=${listening.url}`, '--user=admin', `--password=${ADMIN_PASSWORD}`]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`The test control API is not available at ${listening.url}/wp-json/emulator/v1/ (is EMULATOR_API off on that server?)`);
    } finally {
      await stop(listening.server);
      await off.close();
    }
  });

  it('is registered with the command line: `wp-token-emulator clock` and its errors', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['clock', ...asAdminFlags()], {})).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toBe(`${START} (frozen)\n`);
      expect(await main(['reset', '--yes'], { EMULATOR_URL: url })).toBe(1);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/^Error: No credentials/);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
