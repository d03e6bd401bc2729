import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import bcryptjs from 'bcryptjs';
import request from 'supertest';
import { buildConfig, ConfigError, environmentWithDotenv } from '../../core/config';
import { FixtureError } from '../../core/fixtures';
import { createLogger } from '../../core/log';
import { redactUrl } from '../../core/redact';
import { createApp } from '../../plugin/app';
import { createSite } from '../../plugin/site';
import { ADMIN_PASSWORD, basic, LOGIN_PASSWORDS, standardFixtures } from '../helpers';
import { testNamespace } from './test-namespace';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = buildConfig({}, {}, {}, '/srv/app');
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', siteUrl: 'http://127.0.0.1:8080', dbFile: '/srv/app/data/db.json', logLevel: 'info', bcryptCost: 10, fixtures: null });
  });

  it.each([
    ['PORT', 'abc', /Invalid setting PORT: "abc" is not a whole number/],
    ['PORT', '70000', /Invalid setting PORT: 70000 is above the maximum 65535/],
    ['LOG_LEVEL', 'loud', /Invalid setting LOG_LEVEL: "loud" is not one of silent, error, warn, info, debug/],
    ['SITE_URL', 'ftp://x', /Invalid setting SITE_URL: "ftp:\/\/x" must start with http/],
    ['SITE_URL', 'not a url', /Invalid setting SITE_URL/],
    ['BCRYPT_COST', '3', /Invalid setting BCRYPT_COST: 3 is below the minimum 4/],
    ['CLOCK_START', 'yesterday', /Invalid setting CLOCK_START/],
  ])('%s=%s stops the start with a message naming the setting', (name, value, message) => {
    expect(() => buildConfig({}, { [name]: value })).toThrow(ConfigError);
    expect(() => buildConfig({}, { [name]: value })).toThrow(message);
  });

  it('reads an optional .env, and the environment wins over it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-env-'));
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=9090\nSITE_NAME=From dotenv\n');
    const env = environmentWithDotenv(dir, { PORT: '9191' });
    const config = buildConfig({}, env);
    expect(config.port).toBe(9191);
    expect(config.siteName).toBe('From dotenv');
    fs.rmSync(dir, { recursive: true });
  });

  it('createApp refuses an unknown setting name', async () => {
    await expect(createApp({ settings: { NO_SUCH_SETTING: 1 } })).rejects.toThrow(/NO_SUCH_SETTING: no such setting/);
  });
});

describe('fixtures', () => {
  it('loads users and application passwords with a given plaintext', async () => {
    const emu = await createApp({ fixtures: standardFixtures, settings: { BCRYPT_COST: 4 }, namespaces: [testNamespace] });
    expect(emu.users.byLogin('alice')?.roles).toEqual(['editor']);
    const res = await request(emu.app).post('/wp-json/test/v1/admin-ping').set('Authorization', basic('admin', ADMIN_PASSWORD));
    expect(res.status).toBe(200);
    // stored only as a hash
    expect(JSON.stringify(emu.store.exportData())).not.toContain(ADMIN_PASSWORD.replace(/ /g, ''));
    await emu.close();
  });

  it('takes a login password already hashed (passwordHash, a bcrypt hash as WordPress stores one) and stores it as it is', async () => {
    const hash = await bcryptjs.hash('hashed elsewhere', 4);
    const wordpressStyle = hash.replace(/^\$2b\$/, '$2y$'); // PHP's password_hash() writes $2y$
    const emu = await createApp({
      fixtures: { users: [{ login: 'hashed', email: 'hashed@example.com', passwordHash: wordpressStyle }, { login: 'plain', email: 'plain@example.com', password: 'typed in' }] },
      settings: { BCRYPT_COST: 4 },
    });
    const hashed = emu.users.byLogin('hashed')!;
    expect(hashed.passwordHash).toBe(wordpressStyle);
    expect(await emu.users.checkPassword(hashed, 'hashed elsewhere')).toBe(true);
    expect(await emu.users.checkPassword(hashed, 'something else')).toBe(false);
    // `password` is still hashed on load.
    expect(emu.users.byLogin('plain')!.passwordHash).toMatch(/^\$2b\$04\$/);
    expect(await emu.users.checkPassword(emu.users.byLogin('plain')!, 'typed in')).toBe(true);
    await emu.close();
  });

  it("the standard test users' login hashes are those of their login passwords (tests/helpers.ts)", async () => {
    const users = standardFixtures.users!;
    for (const [login, password] of Object.entries(LOGIN_PASSWORDS)) {
      const user = users.find((u) => u.login === login)!;
      expect(await bcryptjs.compare(password, user.passwordHash!)).toBe(true);
      expect(await bcryptjs.compare(`${password}x`, user.passwordHash!)).toBe(false);
    }
  });

  it('refuses a passwordHash that is not a bcrypt hash, and one given with a password', async () => {
    const good = await bcryptjs.hash('x', 4);
    const bad = {
      users: [
        { login: 'a', email: 'a@example.com', passwordHash: 'plain text' },
        { login: 'b', email: 'b@example.com', passwordHash: '$P$BphpassHashesAreNotTakenXXXXXXXX' },
        { login: 'c', email: 'c@example.com', passwordHash: good.replace('$04$', '$03$') },
        { login: 'd', email: 'd@example.com', passwordHash: good, password: 'x' },
      ],
    };
    const error = (await createApp({ fixtures: bad as never }).catch((e: unknown) => e)) as FixtureError;
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.problems).toEqual([
      { path: 'users[0].passwordHash', message: expect.stringMatching(/^must be a bcrypt hash/) },
      { path: 'users[1].passwordHash', message: expect.stringMatching(/^must be a bcrypt hash/) },
      { path: 'users[2].passwordHash', message: expect.stringMatching(/^must be a bcrypt hash/) },
      { path: 'users[3].passwordHash', message: 'give password or passwordHash, not both' },
    ]);
    expect(error.message).not.toContain(good); // a problem names the field, never its value
  });

  it('names the path of every problem', async () => {
    const bad = {
      users: [
        { login: 'a', email: 'a@example.com', role: 'king', extra: 1 },
        { login: 'b', applicationPasswords: [{ name: 'x', password: '----', uuid: 'not-a-uuid' }] },
      ],
      vendorx: {},
    };
    const error = (await createApp({ fixtures: bad as never }).catch((e: unknown) => e)) as FixtureError;
    expect(error).toBeInstanceOf(FixtureError);
    const paths = error.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['users[0].role', 'users[0].extra', 'users[1].email', 'users[1].applicationPasswords[0].password', 'users[1].applicationPasswords[0].uuid', 'vendorx']));
  });

  it("refuses an application name WordPress would not store ('0', only spaces or tags) with its path, and keeps one with a no-break space", async () => {
    const app = (name: string) => ({ users: [{ id: 1, login: 'admin', email: 'admin@example.com', role: 'administrator', applicationPasswords: [{ name, password: ADMIN_PASSWORD }] }] });
    for (const name of ['0', ' \t ', '<b></b>']) {
      const error = (await createApp({ fixtures: app(name) }).catch((e: unknown) => e)) as FixtureError;
      expect(error).toBeInstanceOf(FixtureError);
      expect(error.problems).toEqual([{ path: 'users[0].applicationPasswords[0].name', message: "is empty as WordPress stores it ('0', or only spaces and tags: sanitize_text_field)" }]);
    }
    const emu = await createApp({ fixtures: app('\u00a0app <i>one</i> ') });
    expect(emu.applicationPasswords.list(1).map((p) => p.name)).toEqual(['\u00a0app one']);
    await emu.close();
  });

  it('a fixtures file that is not JSON is refused with its name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-fx-'));
    const file = path.join(dir, 'fixtures.json');
    fs.writeFileSync(file, '{ users: ');
    await expect(createApp({ fixtures: file })).rejects.toThrow(file);
    fs.rmSync(dir, { recursive: true });
  });

  it('fixtures are loaded into an empty store only: later starts create nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-fx-'));
    const dbFile = path.join(dir, 'db.json');
    const first = await createSite({ fixtures: standardFixtures, settings: { DB_FILE: dbFile, BCRYPT_COST: 4, LOG_LEVEL: 'silent' } });
    first.users.delete(3);
    await first.store.commit();
    await first.close();
    const second = await createSite({ fixtures: standardFixtures, settings: { DB_FILE: dbFile, BCRYPT_COST: 4, LOG_LEVEL: 'silent' } });
    expect(second.users.byId(3)).toBeUndefined();
    expect(second.firstRun).toBeNull();
    await second.close();
    fs.rmSync(dir, { recursive: true });
  });

  it('first run without fixtures creates admin and one application password, and keeps only its hash', async () => {
    const site = await createSite({ settings: { LOG_LEVEL: 'silent' } });
    expect(site.firstRun?.login).toBe('admin');
    expect(site.firstRun?.password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(site.applicationPasswords.verify(site.firstRun!.userId, site.firstRun!.password)).not.toBeNull();
    expect(JSON.stringify(site.store.exportData())).not.toContain(site.firstRun!.password);
    const secrets = site.secrets;
    expect(new Set([secrets.nonceKey, secrets.nonceSalt, secrets.authKey, secrets.hashKey, secrets.jwtSigningKey]).size).toBe(5);
    await site.close();
  });
});

describe('logging', () => {
  it('one line per request with method, path, status and duration, and no secrets', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', 'text', (line) => lines.push(line));
    const emu = await createApp({ fixtures: standardFixtures, logger, namespaces: [testNamespace], settings: { BCRYPT_COST: 4 } });
    await request(emu.app).post('/wp-json/test/v1/admin-ping?token=abc123&q=ok').set('Authorization', basic('admin', ADMIN_PASSWORD)).send({ password: 'hunter2' });
    await request(emu.app).get('/wp-json/test/v1/boom');
    const text = lines.join('\n');
    expect(lines.some((l) => /POST \/wp-json\/test\/v1\/admin-ping\?token=\[redacted\]&q=ok 200 \d+\.\dms/.test(l))).toBe(true);
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(ADMIN_PASSWORD);
    expect(text).not.toContain(Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64'));
    await emu.close();
  });

  it('createApp is quiet by default', async () => {
    const spy = jest.spyOn(process.stderr, 'write');
    const emu = await createApp({ namespaces: [testNamespace] });
    await request(emu.app).get('/wp-json/');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    await emu.close();
  });

  it('redactUrl blanks secret query values and keeps the rest', () => {
    expect(redactUrl('/x?access_token=a&X-AccessToken=b&secretKey=c&page=2')).toBe('/x?access_token=[redacted]&X-AccessToken=[redacted]&secretKey=[redacted]&page=2');
  });
});

describe('reset', () => {
  it('puts the clock back to the time the site started frozen at, and the data back to the fixtures', async () => {
    const site = await createSite({ fixtures: standardFixtures, clock: '2030-01-01T00:00:00Z', settings: { BCRYPT_COST: 4, LOG_LEVEL: 'silent' } });
    site.clock.advance(3600);
    site.users.delete(3);
    await site.reset();
    expect(site.clock.state()).toMatchObject({ now: '2030-01-01T00:00:00.000Z', mode: 'frozen' });
    expect(site.users.byId(3)?.login).toBe('sam');
    await site.close();
  });

  it('a site that followed the machine clock follows it again after a reset', async () => {
    const site = await createSite({ settings: { LOG_LEVEL: 'silent' } });
    site.clock.advance(86_400);
    await site.reset();
    expect(site.clock.state().mode).toBe('real');
    await site.close();
  });
});

describe('fixtures that validate also load', () => {
  it.each([
    ['a login with characters WordPress refuses', [{ login: 'bad/login', email: 'a@example.com' }], 'users[0].login'],
    ['an e-mail that is not one', [{ login: 'a', email: 'not-an-email' }], 'users[0].email'],
    ['duplicate e-mails, whatever their case', [{ login: 'a', email: 'a@example.com' }, { login: 'b', email: 'A@example.com' }], 'users[1].email'],
    ['duplicate ids', [{ id: 5, login: 'a', email: 'a@example.com' }, { id: 5, login: 'b', email: 'b@example.com' }], 'users[1].id'],
  ])('%s is refused at validation, naming its path', async (_name, users, at) => {
    const error = (await createApp({ fixtures: { users } as never }).catch((e: unknown) => e)) as FixtureError;
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.problems.map((p) => p.path)).toContain(at);
  });

  it('a first run that fails half-way leaves no store behind, so the next start can succeed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-fx-'));
    const dbFile = path.join(dir, 'db.json');
    const failing = { id: 'boom', namespace: 'boom/v1', register() {}, fixtures: { validate: () => [], load: () => { throw new Error('loader failed'); } } };
    await expect(createSite({ fixtures: { boom: {} } as never, namespaces: [failing], settings: { DB_FILE: dbFile, LOG_LEVEL: 'silent', BCRYPT_COST: 4 } })).rejects.toThrow('loader failed');
    expect(fs.existsSync(dbFile)).toBe(false);
    expect(fs.existsSync(`${dbFile}.lock`)).toBe(false);
    const site = await createSite({ fixtures: standardFixtures, settings: { DB_FILE: dbFile, LOG_LEVEL: 'silent', BCRYPT_COST: 4 } });
    expect(site.users.byLogin('alice')).toBeDefined();
    await site.close();
    fs.rmSync(dir, { recursive: true });
  });
});

describe('secrets marked by a handler', () => {
  it('are blanked in the request log line, as sent and URL-encoded', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'text', (line) => lines.push(line));
    const marking = {
      id: 'mark',
      namespace: 'mark/v1',
      register(ctx: import('../../core/namespace').SiteContext) {
        ctx.rest.registerRoute('mark/v1', '/search', { methods: ['GET'], handler: (req) => { req.markSecret(String(req.param('sid'))); return { ok: true }; } });
      },
    };
    const emu = await createApp({ logger, namespaces: [marking] });
    await request(emu.app).get('/wp-json/mark/v1/search?sid=s3cr3t%2Fvalue&q=kept');
    const text = lines.join('\n');
    expect(text).toContain('q=kept');
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('sid=[redacted]');
    await emu.close();
  });
});
