import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { CliIO } from '../core/cli';
import { createApp } from '../plugin';
import type { EmulatorApp } from '../plugin/app';
import { runStoreCommand } from '../plugin/cli';
import { ATOM_ERRORS } from '../wp-json/purewl/v1/envelope';
import { PURGE_BATCH } from '../wp-json/purewl/v1/state';
import { asAdmin, asEditor, flakyStoreFs, standardApp, standardFixtures } from './helpers';

const SECRET = 'SECRET_KEY_GOES_HERE';
const OTHER_SECRET = 'another-Secret-0042';
const fixtures = {
  ...standardFixtures,
  purewl: {
    resellers: [
      { secretKey: SECRET, resellerId: 4242, resellerUid: 'acme-vpn' },
      { secretKey: OTHER_SECRET, resellerId: 7, resellerUid: 'other-vpn' },
    ],
  },
};
const TOKEN_URL = '/wp-json/purewl/v1/auth/v1/accessToken';
const ECHO_URL = '/wp-json/purewl/v1/inventory/v1/servers';

let emu: EmulatorApp;
const opened: EmulatorApp[] = [];

async function open(options: Parameters<typeof standardApp>[0] = {}): Promise<EmulatorApp> {
  const app = await standardApp({ fixtures, clock: '2025-01-01T00:00:00Z', ...options });
  opened.push(app);
  return app;
}

beforeEach(async () => {
  emu = await open();
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

/** The seed's curl: form-encoded, Accept: application/json, with the admin's application password. */
function tokenRequest(app: EmulatorApp, form: string) {
  return request(app.app)
    .post(TOKEN_URL)
    .set('Authorization', asAdmin)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .set('Accept', 'application/json')
    .send(form);
}

async function secretGrant(app: EmulatorApp, secret = SECRET) {
  const res = await tokenRequest(app, `secretKey=${encodeURIComponent(secret)}&grantType=secret`);
  expect(res.status).toBe(200);
  return res.body.body as { accessToken: string; refreshToken: string; expiry: number; resellerId: number; resellerUid: string };
}

async function refreshGrant(app: EmulatorApp, refreshToken: string) {
  return tokenRequest(app, `refreshToken=${encodeURIComponent(refreshToken)}&grantType=refresh`);
}

function expectAtomError(res: request.Response, name: keyof typeof ATOM_ERRORS) {
  expect(res.status).toBe(ATOM_ERRORS[name].status);
  expect(res.body).toEqual({ header: { code: ATOM_ERRORS[name].code, message: expect.any(String), response_code: 0 }, body: {} });
}

function memoryIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTTY: false };
}

describe('POST auth/v1/accessToken, grantType=secret', () => {
  it("answers the seed's curl with the seed's envelope", async () => {
    const res = await tokenRequest(emu, `secretKey=${SECRET}&grantType=secret`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(['header', 'body']);
    expect(res.body.header).toEqual({ code: 1, message: 'success', response_code: 1 });
    expect(Object.keys(res.body.body)).toEqual(['accessToken', 'refreshToken', 'expiry', 'resellerId', 'resellerUid']);
    expect(res.body.body).toEqual({
      accessToken: expect.stringMatching(/^atom_at_[A-Za-z0-9]{48}$/),
      refreshToken: expect.stringMatching(/^atom_rt_[A-Za-z0-9]{48}$/),
      expiry: 3600,
      resellerId: 4242,
      resellerUid: 'acme-vpn',
    });
    // plain JSON (the vendor's server is not PHP): no escaped slashes
    expect(res.text).not.toContain('\\/');
  });

  it('accepts a JSON body too', async () => {
    const res = await request(emu.app).post(TOKEN_URL).set('Authorization', asAdmin).send({ grantType: 'secret', secretKey: OTHER_SECRET });
    expect(res.status).toBe(200);
    expect(res.body.body.resellerId).toBe(7);
    expect(res.body.body.resellerUid).toBe('other-vpn');
  });

  it('takes its expiry from PUREWL_TOKEN_EXPIRY', async () => {
    const app = await open({ settings: { PUREWL_TOKEN_EXPIRY: 120 } });
    expect((await secretGrant(app)).expiry).toBe(120);
  });

  it('is guarded by an application password with manage_options (WordPress rest_forbidden)', async () => {
    const anonymous = await request(emu.app).post(TOKEN_URL).type('form').send(`secretKey=${SECRET}&grantType=secret`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } });
    const editor = await request(emu.app).post(TOKEN_URL).set('Authorization', asEditor).type('form').send(`secretKey=${SECRET}&grantType=secret`);
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_forbidden');
  });

  it('verifies a good secret with one bcrypt check against one reseller, then from the cache', async () => {
    const verify = jest.spyOn(emu.site.verifiedSecrets, 'verify');
    await secretGrant(emu);
    await secretGrant(emu);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(new Set(verify.mock.calls.map((c) => c[1])).size).toBe(1); // always the one matching reseller
    expect(emu.site.verifiedSecrets.size).toBe(1);
    const bad = await tokenRequest(emu, 'secretKey=not-a-known-secret&grantType=secret');
    expectAtomError(bad, 'secretKeyInvalid');
    expect(verify).toHaveBeenCalledTimes(2); // an unknown secret costs no bcrypt at all
    verify.mockRestore();
  });
});

describe('errors in the Atom envelope', () => {
  it('gives each case its own header.code, response_code 0 and an empty body', async () => {
    const cases: [string, keyof typeof ATOM_ERRORS][] = [
      [`secretKey=wrong-secret-123&grantType=secret`, 'secretKeyInvalid'],
      [`secretKey=${SECRET}`, 'grantTypeMissing'],
      [`secretKey=${SECRET}&grantType=password`, 'grantTypeUnknown'],
      ['grantType=secret', 'secretKeyMissing'],
      ['grantType=secret&secretKey=', 'secretKeyMissing'],
      ['grantType=refresh', 'refreshTokenMissing'],
      ['grantType=refresh&refreshToken=nope', 'refreshTokenInvalid'],
      [`grantType=refresh&refreshToken=atom_rt_${'a'.repeat(48)}`, 'refreshTokenInvalid'],
      ['grantType=secret&secretKey[]=x', 'secretKeyMissing'],
    ];
    for (const [form, name] of cases) expectAtomError(await tokenRequest(emu, form), name);
    const codes = Object.values(ATOM_ERRORS).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('answers core errors inside the namespace in the envelope', async () => {
    const malformed = await request(emu.app).post(TOKEN_URL).set('Authorization', asAdmin).set('Content-Type', 'application/json').send('{"grantType":');
    expectAtomError(malformed, 'invalidJson');
    const big = await request(emu.app).post(TOKEN_URL).set('Authorization', asAdmin).type('form').send(`grantType=secret&secretKey=${'x'.repeat(2_000_000)}`);
    expectAtomError(big, 'tooLarge');
    const noRoute = await request(emu.app).post('/wp-json/purewl/v1').set('Authorization', asAdmin);
    expectAtomError(noRoute, 'noRoute');
    const wrongMethod = await request(emu.app).get(TOKEN_URL).set('Authorization', asAdmin);
    expectAtomError(wrongMethod, 'methodNotAllowed');
  });

  it('answers 503 in the envelope when the store cannot be written, and the refresh token stays usable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'purewl-503-'));
    const flaky = flakyStoreFs();
    const app = await open({ settings: { DB_FILE: path.join(dir, 'db.json') }, storeFs: flaky.storeFs });
    const first = await secretGrant(app);
    flaky.fail('EIO');
    const refused = await refreshGrant(app, first.refreshToken);
    expectAtomError(refused, 'storeUnavailable');
    flaky.fail(null);
    const retried = await refreshGrant(app, first.refreshToken);
    expect(retried.status).toBe(200);
    expect(retried.body.header.code).toBe(1);
    await app.close();
    opened.splice(opened.indexOf(app), 1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('refresh rotation', () => {
  it('returns a new pair; the old refresh token then fails and revokes the whole grant', async () => {
    const first = await secretGrant(emu);
    const res = await refreshGrant(emu, first.refreshToken);
    expect(res.status).toBe(200);
    expect(res.body.header).toEqual({ code: 1, message: 'success', response_code: 1 });
    const second = res.body.body;
    expect(second).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiry: 3600, resellerId: 4242, resellerUid: 'acme-vpn' });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // the new access token works before the reuse
    expect((await request(emu.app).get(ECHO_URL).set('X-AccessToken', second.accessToken)).status).toBe(200);

    expectAtomError(await refreshGrant(emu, first.refreshToken), 'refreshTokenReused');
    // the whole grant is revoked: the new pair and the first access token too
    expectAtomError(await request(emu.app).get(ECHO_URL).set('X-AccessToken', second.accessToken), 'accessTokenRevoked');
    expectAtomError(await request(emu.app).get(ECHO_URL).set('X-AccessToken', first.accessToken), 'accessTokenRevoked');
    expectAtomError(await refreshGrant(emu, second.refreshToken), 'refreshTokenRevoked');
    expectAtomError(await refreshGrant(emu, first.refreshToken), 'refreshTokenRevoked');
    // other grants are untouched
    const other = await secretGrant(emu);
    expect((await refreshGrant(emu, other.refreshToken)).status).toBe(200);
  });

  it('keeps the old access token valid after a normal rotation', async () => {
    const first = await secretGrant(emu);
    expect((await refreshGrant(emu, first.refreshToken)).status).toBe(200);
    expect((await request(emu.app).get(ECHO_URL).set('X-AccessToken', first.accessToken)).status).toBe(200);
  });

  it('lets only one of two simultaneous refreshes with the same token win', async () => {
    const first = await secretGrant(emu);
    const [a, b] = await Promise.all([refreshGrant(emu, first.refreshToken), refreshGrant(emu, first.refreshToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
  });

  it('refuses an expired refresh token (PUREWL_REFRESH_TOKEN_EXPIRY by the clock)', async () => {
    const app = await open({ settings: { PUREWL_REFRESH_TOKEN_EXPIRY: 7200 } });
    const first = await secretGrant(app);
    app.clock.advance(7199);
    const ok = await refreshGrant(app, first.refreshToken);
    expect(ok.status).toBe(200);
    app.clock.advance(7200);
    expectAtomError(await refreshGrant(app, ok.body.body.refreshToken), 'refreshTokenExpired');
  });

  it('stores only keyed hashes of tokens and secrets', async () => {
    const pair = await secretGrant(emu);
    const dump = JSON.stringify(emu.store.exportData());
    expect(dump).not.toContain(pair.accessToken);
    expect(dump).not.toContain(pair.refreshToken);
    expect(dump).not.toContain(SECRET);
    expect(emu.store.collection('purewl.accessTokens').size).toBe(1);
    expect(emu.store.collection('purewl.refreshTokens').size).toBe(1);
  });

  it('purges expired tokens and grants on issuance, so the store does not grow without bound', async () => {
    const app = await open({ settings: { PUREWL_TOKEN_EXPIRY: 60, PUREWL_REFRESH_TOKEN_EXPIRY: 600 } });
    for (let i = 0; i < 5; i++) await secretGrant(app);
    expect(app.store.collection('purewl.grants').size).toBe(5);
    app.clock.advance(600);
    await secretGrant(app);
    expect(app.store.collection('purewl.grants').size).toBe(1);
    expect(app.store.collection('purewl.accessTokens').size).toBe(1);
    expect(app.store.collection('purewl.refreshTokens').size).toBe(1);

    // Steady traffic: one grant and one refresh every 100 s; only ~600 s worth of records may stay.
    let max = 0;
    for (let i = 0; i < PURGE_BATCH + 20; i++) {
      const pair = await secretGrant(app);
      expect((await refreshGrant(app, pair.refreshToken)).status).toBe(200);
      app.clock.advance(100);
      max = Math.max(max, app.store.collection('purewl.refreshTokens').size, app.store.collection('purewl.accessTokens').size);
    }
    expect(max).toBeLessThanOrEqual(2 * 7 + 2);
    expect(app.store.collection('purewl.grants').size).toBeLessThanOrEqual(7 + 1);
  });
});

describe('X-AccessToken on the protected echo', () => {
  it('works from the header or the query string, on any method and path, and expires after expiry seconds', async () => {
    const pair = await secretGrant(emu);
    const byHeader = await request(emu.app).get(ECHO_URL).set('X-AccessToken', pair.accessToken);
    expect(byHeader.status).toBe(200);
    expect(byHeader.body).toEqual({
      header: { code: 1, message: 'success', response_code: 1 },
      body: { method: 'GET', path: '/inventory/v1/servers', resellerId: 4242, resellerUid: 'acme-vpn', expiry: 3600, expiresAt: expect.any(Number) },
    });
    const byQuery = await request(emu.app).post(`/wp-json/purewl/v1/vpn/v1/account?X-AccessToken=${pair.accessToken}`).send({ a: 1 });
    expect(byQuery.status).toBe(200);
    expect(byQuery.body.body.method).toBe('POST');
    for (const method of ['put', 'patch', 'delete'] as const) {
      expect((await request(emu.app)[method]('/wp-json/purewl/v1/x').set('X-AccessToken', pair.accessToken)).status).toBe(200);
    }
    emu.clock.advance(3599);
    const late = await request(emu.app).get(ECHO_URL).set('X-AccessToken', pair.accessToken);
    expect(late.status).toBe(200);
    expect(late.body.body.expiry).toBe(1);
    emu.clock.advance(1);
    expectAtomError(await request(emu.app).get(ECHO_URL).set('X-AccessToken', pair.accessToken), 'accessTokenExpired');
  });

  it('answers 401 when the token is missing or invalid, without asking for Basic auth', async () => {
    expectAtomError(await request(emu.app).get(ECHO_URL), 'accessTokenMissing');
    expectAtomError(await request(emu.app).get(ECHO_URL).set('Authorization', asAdmin), 'accessTokenMissing');
    expectAtomError(await request(emu.app).get(ECHO_URL).set('X-AccessToken', 'garbage'), 'accessTokenInvalid');
    expectAtomError(await request(emu.app).get(ECHO_URL).set('X-AccessToken', `atom_at_${'b'.repeat(48)}`), 'accessTokenInvalid');
    const pair = await secretGrant(emu);
    // a refresh token is not an access token
    expectAtomError(await request(emu.app).get(ECHO_URL).set('X-AccessToken', pair.refreshToken), 'accessTokenInvalid');
    expectAtomError(await request(emu.app).get(`${ECHO_URL}?X-AccessToken[]=${pair.accessToken}`), 'accessTokenInvalid');
  });
});

describe('introspect', () => {
  it('describes access and refresh tokens, and returns null for strings that are not Atom tokens', async () => {
    const plugin = emu.site.plugins.get('purewl')!;
    const pair = await secretGrant(emu);
    const now = emu.clock.seconds();
    expect(plugin.introspect!(pair.accessToken)).toMatchObject({ active: true, vendor: 'purewl', sub: 'acme-vpn', iat: now, exp: now + 3600, token_type: 'access' });
    expect(plugin.introspect!(pair.refreshToken)).toMatchObject({ active: true, vendor: 'purewl', sub: 'acme-vpn', iat: now, exp: now + 2_592_000, token_type: 'refresh' });
    expect(plugin.introspect!('not-a-token')).toBeNull();
    expect(plugin.introspect!('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBeNull();
    expect(emu.site.introspect(pair.accessToken)).toMatchObject({ active: true, vendor: 'purewl' });

    emu.clock.advance(3600);
    expect(plugin.introspect!(pair.accessToken)).toMatchObject({ active: false, token_type: 'access' });
    expect(plugin.introspect!(pair.refreshToken)).toMatchObject({ active: true });
  });

  it('reports rotated and revoked tokens as inactive', async () => {
    const plugin = emu.site.plugins.get('purewl')!;
    const first = await secretGrant(emu);
    const second = (await refreshGrant(emu, first.refreshToken)).body.body;
    expect(plugin.introspect!(first.refreshToken)).toMatchObject({ active: false, token_type: 'refresh' });
    expect(plugin.introspect!(second.accessToken)).toMatchObject({ active: true });
    await refreshGrant(emu, first.refreshToken); // reuse: revokes the grant
    expect(plugin.introspect!(second.accessToken)).toMatchObject({ active: false, token_type: 'access' });
    expect(plugin.introspect!(second.refreshToken)).toMatchObject({ active: false, token_type: 'refresh' });
  });
});

describe('reseller administration over REST', () => {
  const RESELLERS = '/wp-json/purewl/v1/resellers';

  it('creates (showing a generated secret once), lists, reads and deletes resellers', async () => {
    const created = await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).send({ resellerUid: 'new-vpn' });
    expect(created.status).toBe(201);
    expect(created.body.header.code).toBe(1);
    expect(created.body.body).toEqual({ resellerId: 4243, resellerUid: 'new-vpn', created: '2025-01-01T00:00:00.000Z', secretKey: expect.stringMatching(/^[A-Za-z0-9]{40}$/) });
    const pair = await secretGrant(emu, created.body.body.secretKey);
    expect(pair.resellerUid).toBe('new-vpn');

    const given = await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).type('form').send('secretKey=my-own-secret-1&resellerId=99');
    expect(given.status).toBe(201);
    expect(given.body.body.secretKey).toBeUndefined();
    expect(given.body.body.resellerId).toBe(99);

    const list = await request(emu.app).get(RESELLERS).set('Authorization', asAdmin);
    expect(list.status).toBe(200);
    expect(list.body.body.resellers.map((r: { resellerId: number }) => r.resellerId)).toEqual([7, 99, 4242, 4243]);
    expect(list.text).not.toMatch(/secret/i);

    const one = await request(emu.app).get(`${RESELLERS}/new-vpn`).set('Authorization', asAdmin);
    expect(one.body.body.resellerId).toBe(4243);
    expect((await request(emu.app).get(`${RESELLERS}/4243`).set('Authorization', asAdmin)).body.body.resellerUid).toBe('new-vpn');

    const deleted = await request(emu.app).delete(`${RESELLERS}/new-vpn`).set('Authorization', asAdmin);
    expect(deleted.status).toBe(200);
    expect(deleted.body.body.deleted).toBe(true);
    // its tokens stop working at once, and its secret no longer grants
    expectAtomError(await request(emu.app).get(ECHO_URL).set('X-AccessToken', pair.accessToken), 'accessTokenRevoked');
    expectAtomError(await refreshGrant(emu, pair.refreshToken), 'refreshTokenRevoked');
    expectAtomError(await tokenRequest(emu, `grantType=secret&secretKey=${created.body.body.secretKey}`), 'secretKeyInvalid');
    expectAtomError(await request(emu.app).get(`${RESELLERS}/new-vpn`).set('Authorization', asAdmin), 'resellerNotFound');
  });

  it('refuses duplicates, bad values and non-admins', async () => {
    expectAtomError(await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).send({ resellerUid: 'acme-vpn' }), 'resellerExists');
    expectAtomError(await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).send({ resellerId: 7 }), 'resellerExists');
    expectAtomError(await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).send({ secretKey: SECRET }), 'resellerExists');
    expectAtomError(await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).send({ resellerId: 'abc' }), 'invalidParam');
    expectAtomError(await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).send({ resellerUid: '123' }), 'invalidParam');
    expectAtomError(await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).send({ secretKey: 'short' }), 'invalidParam');
    expectAtomError(await request(emu.app).post(RESELLERS).set('Authorization', asAdmin).send({ secretKey: 12345678 }), 'invalidParam');
    const editor = await request(emu.app).get(RESELLERS).set('Authorization', asEditor);
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_forbidden');
  });
});

describe('fixtures', () => {
  it('reports problems with their paths', async () => {
    const bad = {
      ...standardFixtures,
      purewl: { resellers: [{ secretKey: SECRET, resellerId: 1 }, { secretKey: SECRET, resellerId: 1, resellerUid: '99', extra: true }, 'x'], other: 1 },
    };
    await expect(standardApp({ fixtures: bad })).rejects.toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /purewl\.other[\s\S]*purewl\.resellers\[1\]\.extra[\s\S]*purewl\.resellers\[1\]\.secretKey: duplicate[\s\S]*purewl\.resellers\[1\]\.resellerId: duplicate[\s\S]*purewl\.resellers\[1\]\.resellerUid[\s\S]*purewl\.resellers\[2\]/,
        ),
      }),
    );
  });

  it('generates ids and uids not given, never taking a given id', async () => {
    const app = await open({ fixtures: { ...standardFixtures, purewl: { resellers: [{ secretKey: 'first-secret-1' }, { secretKey: 'second-secret-2', resellerId: 1 }] } } });
    const list = await request(app.app).get('/wp-json/purewl/v1/resellers').set('Authorization', asAdmin);
    expect(list.body.body.resellers.map((r: { resellerId: number }) => r.resellerId)).toEqual([1, 2]);
    expect((await secretGrant(app, 'first-secret-1')).resellerId).toBe(2);
  });
});

describe('persistence', () => {
  it('keeps resellers, tokens and their rotation state across a reopen of the file store', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'purewl-'));
    const settings = { DB_FILE: path.join(dir, 'db.json') };
    try {
      let app = await standardApp({ fixtures, settings, clock: '2025-01-01T00:00:00Z' });
      const first = await secretGrant(app);
      const second = (await refreshGrant(app, first.refreshToken)).body.body;
      await app.close();

      app = await standardApp({ fixtures, settings, clock: '2025-01-01T00:10:00Z' });
      expect((await request(app.app).get(ECHO_URL).set('X-AccessToken', second.accessToken)).body.body.expiry).toBe(3000);
      expectAtomError(await refreshGrant(app, first.refreshToken), 'refreshTokenReused');
      await app.close();

      app = await standardApp({ fixtures, settings, clock: '2025-01-01T00:10:00Z' });
      expectAtomError(await request(app.app).get(ECHO_URL).set('X-AccessToken', second.accessToken), 'accessTokenRevoked');
      expect((await secretGrant(app)).resellerUid).toBe('acme-vpn');
      await app.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('command line: purewl reseller', () => {
  it('creates with a generated secret (porcelain prints it), lists and deletes', async () => {
    const io = memoryIO();
    expect(await runStoreCommand(emu.site, ['purewl', 'reseller', 'create', '--porcelain'], io)).toBe(0);
    const secret = io.stdout[0]!;
    expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
    const pair = await secretGrant(emu, secret);
    expect(pair.resellerId).toBe(4243);

    const made = memoryIO();
    expect(await runStoreCommand(emu.site, ['purewl', 'reseller', 'create', '--secret-key=cli-secret-key-1', '--reseller-id=500', '--reseller-uid=cli-vpn'], made)).toBe(0);
    expect(made.stdout.join('\n')).toBe('Success: Created reseller cli-vpn (resellerId 500).');
    expect((await secretGrant(emu, 'cli-secret-key-1')).resellerUid).toBe('cli-vpn');

    const generated = memoryIO();
    expect(await runStoreCommand(emu.site, ['purewl', 'reseller', 'create', '--reseller-uid=gen-vpn'], generated)).toBe(0);
    expect(generated.stdout.join('\n')).toMatch(/^Success: Created reseller gen-vpn \(resellerId 4244\)\.\nSecret key: [A-Za-z0-9]{40}\n/);

    const list = memoryIO();
    expect(await runStoreCommand(emu.site, ['purewl', 'reseller', 'list', '--format=json'], list)).toBe(0);
    const rows = JSON.parse(list.stdout[0]!);
    expect(rows.map((r: { resellerId: number }) => r.resellerId)).toEqual([7, 500, 4242, 4243, 4244]);
    expect(Object.keys(rows[0])).toEqual(['resellerId', 'resellerUid', 'created']);
    const count = memoryIO();
    await runStoreCommand(emu.site, ['purewl', 'reseller', 'list', '--format=count'], count);
    expect(count.stdout).toEqual(['5']);

    const del = memoryIO();
    expect(await runStoreCommand(emu.site, ['purewl', 'reseller', 'delete', 'cli-vpn', '4243'], del)).toBe(0);
    expect(del.stdout).toEqual(['Success: Deleted reseller cli-vpn (resellerId 500).', expect.stringMatching(/^Success: Deleted reseller [\w-]+ \(resellerId 4243\)\.$/)]);
    expectAtomError(await request(emu.app).get(ECHO_URL).set('X-AccessToken', pair.accessToken), 'accessTokenRevoked');
  });

  it('reports errors with exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [['purewl', 'reseller', 'create', '--reseller-uid=acme-vpn'], /^Error: A reseller with resellerUid "acme-vpn" already exists\.$/],
      [['purewl', 'reseller', 'create', '--reseller-id=0'], /^Error: resellerId must be/],
      [['purewl', 'reseller', 'create', '--secret-key'], /^Error: Parameter --secret-key needs a value/],
      [['purewl', 'reseller', 'create', '--bogus=1'], /unknown --bogus parameter/],
      [['purewl', 'reseller', 'list', '--format=xml'], /^Error: Invalid format: xml/],
      [['purewl', 'reseller', 'delete'], /^Error: Please specify/],
    ];
    for (const [argv, message] of cases) {
      const io = memoryIO();
      expect(await runStoreCommand(emu.site, argv, io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(message);
    }
    const missing = memoryIO();
    expect(await runStoreCommand(emu.site, ['purewl', 'reseller', 'delete', 'nobody'], missing)).toBe(1);
    expect(missing.stderr).toEqual(['Warning: No reseller found with resellerUid or resellerId "nobody".', 'Error: 1 of 1 resellers not deleted.']);
  });
});

describe('docs/purewl.md example', () => {
  it('runs as written: createApp with fixtures, form-encoded secret grant, clock-driven expiry', async () => {
    const app = await createApp({
      settings: { BCRYPT_COST: 4, PUREWL_TOKEN_EXPIRY: 60 },
      fixtures: {
        users: [{ login: 'admin', email: 'a@example.com', role: 'administrator', applicationPasswords: [{ name: 't', password: 'AAAA BBBB CCCC DDDD EEEE FFFF' }] }],
        purewl: { resellers: [{ secretKey: 'SECRET_KEY_GOES_HERE', resellerId: 4242, resellerUid: 'acme-vpn' }] },
      },
      clock: '2025-01-01T00:00:00Z',
    });
    opened.push(app);
    const res = await request(app.app)
      .post('/wp-json/purewl/v1/auth/v1/accessToken')
      .auth('admin', 'AAAA BBBB CCCC DDDD EEEE FFFF')
      .type('form')
      .send('secretKey=SECRET_KEY_GOES_HERE&grantType=secret');
    expect(res.body.body).toMatchObject({ expiry: 60, resellerId: 4242, resellerUid: 'acme-vpn' });
    expect((await request(app.app).get(ECHO_URL).set('X-AccessToken', res.body.body.accessToken)).status).toBe(200);
    app.clock.advance(60);
    expectAtomError(await request(app.app).get(ECHO_URL).set('X-AccessToken', res.body.body.accessToken), 'accessTokenExpired');
  });
});
