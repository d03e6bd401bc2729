import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { CliIO } from '../core/cli';
import { FixtureError } from '../core/fixtures';
import { createApp, type EmulatorApp } from '../plugin/app';
import { main, runStoreCommand } from '../plugin/cli';
import { validateAvailoFixtures } from '../wp-json/availo/v1/fixtures';
import { asAdmin, asEditor, basic, standardApp, standardFixtures } from './helpers';

const GEN = '/wp-json/availo/v1/api/Account/Generatetoken';
const ECHO = '/wp-json/availo/v1/api/Attendance/GetEmployees';
const START = '2024-06-25T10:59:56Z';

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTTY: false };
}

async function availoApp(): Promise<EmulatorApp> {
  return standardApp({
    clock: START,
    fixtures: { ...standardFixtures, availo: { accounts: [{ AccountCode: 'ACME-01', Password: 'correct horse' }] } },
  });
}

async function generate(emu: EmulatorApp, body: unknown = { AccountCode: 'ACME-01', Password: 'correct horse' }) {
  return request(emu.app).post(GEN).set('Authorization', asAdmin).send(body as object);
}

async function tokenFor(emu: EmulatorApp): Promise<string> {
  const res = await generate(emu);
  expect(res.status).toBe(200);
  return res.body.Data.accessToken as string;
}

describe('availo/v1 Generatetoken', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await availoApp();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await emu.close();
  });

  it('issues a 15-minute HS256 JWT for the account in the Availo envelope', async () => {
    const res = await generate(emu);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(['Data', 'status', 'message']);
    expect(res.body.status).toBe(true);
    expect(res.body.message).toBeNull();
    const decoded = jwt.decode(res.body.Data.accessToken, { complete: true })!;
    expect(decoded.header.alg).toBe('HS256');
    const payload = decoded.payload as jwt.JwtPayload;
    expect(payload.sub).toBe('ACME-01');
    expect(payload.iat).toBe(Date.parse(START) / 1000);
    expect(payload.exp).toBe(payload.iat! + 900);
  });

  it('matches the path without regard to case, as ASP.NET does', async () => {
    const res = await request(emu.app).post('/wp-json/availo/v1/API/account/GENERATETOKEN').set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(true);
  });

  it('binds the JSON properties without regard to case, as Json.NET does, and the account code too', async () => {
    const res = await generate(emu, { accountcode: 'acme-01', password: 'correct horse' });
    expect(res.status).toBe(200);
    expect((jwt.decode(res.body.Data.accessToken) as jwt.JwtPayload).sub).toBe('ACME-01');
  });

  it('refuses a wrong password or an unknown account with 200 and status:false', async () => {
    for (const body of [
      { AccountCode: 'ACME-01', Password: 'wrong' },
      { AccountCode: 'NOBODY', Password: 'correct horse' },
      { AccountCode: 'ACME-01', Password: 'correct horse' + 'x'.repeat(80) },
    ]) {
      const res = await generate(emu, body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ Data: null, status: false, message: 'Invalid account code or password.' });
    }
  });

  it('needs an application password of an administrator: WordPress rest_forbidden otherwise', async () => {
    const anonymous = await request(emu.app).post(GEN).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('rest_forbidden');
    const editor = await request(emu.app).post(GEN).set('Authorization', asEditor).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_forbidden');
  });

  it('names a missing or non-string field with 400', async () => {
    const missing = await generate(emu, { Password: 'correct horse' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ Data: null, status: false, message: 'The AccountCode field is required.' });
    const notString = await generate(emu, { AccountCode: 'ACME-01', Password: 12345 });
    expect(notString.status).toBe(400);
    expect(notString.body.message).toBe('The Password field must be a string.');
    const both = await request(emu.app).post(GEN).set('Authorization', asAdmin).set('Content-Type', 'application/json').send('');
    expect(both.status).toBe(400);
    expect(both.body.message).toBe('The AccountCode field is required. The Password field is required.');
    const array = await generate(emu, [1, 2]);
    expect(array.status).toBe(400);
    expect(array.body.message).toMatch(/JSON object/);
  });

  it('answers malformed JSON in its own envelope, never rest_invalid_json', async () => {
    const res = await request(emu.app).post(GEN).set('Authorization', asAdmin).set('Content-Type', 'application/json').send('{"AccountCode": "ACME-01",');
    expect(res.status).toBe(400);
    expect(res.body.status).toBe(false);
    expect(res.body.Data).toBeNull();
    expect(res.body.message).toMatch(/not valid JSON/);
    expect(res.body.code).toBeUndefined();
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await request(emu.app).post(GEN).set('Authorization', asAdmin).type('form').send('AccountCode=ACME-01&Password=correct+horse');
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ Data: null, status: false, message: 'The request Content-Type must be application/json.' });
  });

  it('answers another method on Generatetoken with 405 and Allow: POST', async () => {
    const res = await request(emu.app).get(GEN);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body.status).toBe(false);
  });

  it('answers a body over the limit with 413 in the Availo envelope', async () => {
    const small = await standardApp({ settings: { BODY_LIMIT: 1024 } });
    try {
      const res = await request(small.app).post(GEN).set('Authorization', asAdmin).send({ AccountCode: 'x'.repeat(2000), Password: 'p' });
      expect(res.status).toBe(413);
      expect(res.body.status).toBe(false);
      expect(res.body.Data).toBeNull();
    } finally {
      await small.close();
    }
  });

  it('leaves an unknown path outside /api/ to WordPress (rest_no_route)', async () => {
    const res = await request(emu.app).get('/wp-json/availo/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('rest_no_route');
  });

  it('verifies the same credentials again without bcrypt, and a password change invalidates the cache', async () => {
    const compare = jest.spyOn(bcrypt, 'compare');
    await tokenFor(emu);
    expect(compare).toHaveBeenCalledTimes(1);
    await tokenFor(emu);
    await tokenFor(emu);
    expect(compare).toHaveBeenCalledTimes(1);

    const io = capture();
    expect(await runStoreCommand(emu.site, ['availo', 'account', 'update', 'ACME-01', '--password=battery staple'], io)).toBe(0);
    const old = await generate(emu);
    expect(old.body.status).toBe(false);
    expect(compare).toHaveBeenCalledTimes(2); // the old password is checked against the new hash by bcrypt again
    const fresh = await generate(emu, { AccountCode: 'ACME-01', Password: 'battery staple' });
    expect(fresh.body.status).toBe(true);
    expect(compare).toHaveBeenCalledTimes(3);
  });

  it('costs the same bcrypt work for an unknown account code as for a known one, so codes cannot be told apart by timing', async () => {
    const compare = jest.spyOn(bcrypt, 'compare');
    const probe = async (code: string) => {
      const before = compare.mock.calls.length;
      const res = await generate(emu, { AccountCode: code, Password: 'guess-1' });
      expect(res.body).toEqual({ Data: null, status: false, message: 'Invalid account code or password.' });
      return compare.mock.calls.length - before;
    };
    // The first try of a code with a password: one bcrypt, whether the code exists or not.
    expect(await probe('NOPE-1')).toBe(1);
    expect(await probe('NOPE-2')).toBe(1); // an earlier probe with the same password does not make another unknown code cheap
    expect(await probe('ACME-01')).toBe(1);
    // The same pair again: from the cache, for unknown and known codes alike.
    expect(await probe('NOPE-2')).toBe(0);
    expect(await probe('nope-2')).toBe(0); // codes are matched without regard to case, for both
    expect(await probe('ACME-01')).toBe(0);
    expect(await probe('acme-01')).toBe(0);
  });
});

describe('availo/v1 protected echo', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await availoApp();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('accepts the token in access_token on any path and method under /api/, without Basic auth', async () => {
    const token = await tokenFor(emu);
    const exp = Date.parse(START) / 1000 + 900;
    for (const method of ['get', 'post', 'put', 'delete'] as const) {
      const res = await request(emu.app)[method](ECHO).set('access_token', token).set('authentication_type', 'oauth2');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ Data: { accountCode: 'ACME-01', expiresAt: new Date(exp * 1000).toISOString().replace('.000Z', 'Z') }, status: true, message: null });
    }
  });

  it('says the token is missing', async () => {
    const res = await request(emu.app).get(ECHO);
    expect(res.status).toBe(401);
    expect(res.body.status).toBe(false);
    expect(res.body.message).toMatch(/missing/);
  });

  it('is valid at 14:59 and expired at 15:01, by the clock', async () => {
    const token = await tokenFor(emu);
    emu.clock.advance(14 * 60 + 59);
    expect((await request(emu.app).get(ECHO).set('access_token', token)).status).toBe(200);
    emu.clock.advance(1); // 15:00: exp is exclusive
    expect((await request(emu.app).get(ECHO).set('access_token', token)).body.message).toBe('Access token has expired.');
    emu.clock.advance(1);
    const res = await request(emu.app).get(ECHO).set('access_token', token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ Data: null, status: false, message: 'Access token has expired.' });
  });

  it('refuses a token signed with another key, an alg:none token and garbage as invalid', async () => {
    const now = Date.parse(START) / 1000;
    const genuine = jwt.decode(await tokenFor(emu)) as jwt.JwtPayload;
    const otherKey = jwt.sign({ ...genuine }, 'another-key', { algorithm: 'HS256' });
    const unsigned = jwt.sign({ ...genuine, iat: now, exp: now + 900 }, null, { algorithm: 'none' });
    expect(unsigned.split('.')[2]).toBe('');
    for (const token of [otherKey, unsigned, 'not-a-jwt']) {
      const res = await request(emu.app).get(ECHO).set('access_token', token);
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Access token is invalid.');
    }
  });

  it('refuses an authentication_type other than oauth2', async () => {
    const token = await tokenFor(emu);
    const res = await request(emu.app).get(ECHO).set('access_token', token).set('authentication_type', 'service-key');
    expect(res.status).toBe(401);
    expect(res.body.status).toBe(false);
  });

  it('stops a token once its account is deleted, even if the code is made again', async () => {
    const token = await tokenFor(emu);
    const io = capture();
    await runStoreCommand(emu.site, ['availo', 'account', 'delete', 'ACME-01'], io);
    const res = await request(emu.app).get(ECHO).set('access_token', token);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/invalid/);
    await runStoreCommand(emu.site, ['availo', 'account', 'create', 'ACME-01', '--password=correct horse'], io);
    expect((await request(emu.app).get(ECHO).set('access_token', token)).status).toBe(401);
  });

  it('introspects its tokens: active, then inactive when expired or deleted; null for strangers', async () => {
    const token = await tokenFor(emu);
    const plugin = emu.site.plugins.get('availo')!;
    const iat = Date.parse(START) / 1000;
    expect(plugin.introspect!(token)).toEqual({ active: true, vendor: 'availo', sub: 'ACME-01', iat, exp: iat + 900 });
    expect(emu.site.introspect(token)).toMatchObject({ active: true, vendor: 'availo' });
    expect(plugin.introspect!('not-a-jwt')).toBeNull();
    expect(plugin.introspect!(jwt.sign({ sub: 'x' }, 'k'))).toBeNull();
    expect(plugin.introspect!(jwt.sign(jwt.decode(token) as object, 'another-key'))).toBeNull();
    emu.clock.advance(901);
    expect(plugin.introspect!(token)).toMatchObject({ active: false, sub: 'ACME-01', exp: iat + 900 });
    emu.clock.advance(-901);
    await runStoreCommand(emu.site, ['availo', 'account', 'delete', 'ACME-01'], capture());
    expect(plugin.introspect!(token)).toMatchObject({ active: false, vendor: 'availo' });
  });
});

describe('availo accounts: command line', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ clock: START });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('creates an account with a generated password, printed once, that gets a token (the acceptance path)', async () => {
    const io = capture();
    expect(await runStoreCommand(emu.site, ['availo', 'account', 'create', 'T2-100'], io)).toBe(0);
    expect(io.stdout[0]).toBe('Success: Created Availo account T2-100.');
    const password = /^Password: (\S+)$/.exec(io.stdout[1]!)![1]!;
    const res = await generate(emu, { AccountCode: 'T2-100', Password: password });
    expect(res.body.status).toBe(true);
    const token = res.body.Data.accessToken;
    expect((await request(emu.app).post(ECHO).set('access_token', token)).status).toBe(200);
    emu.clock.advance(901);
    expect((await request(emu.app).post(ECHO).set('access_token', token)).status).toBe(401);
    // stored only as a bcrypt hash
    const stored = JSON.stringify(emu.store.exportData());
    expect(stored).not.toContain(password);
    expect(stored).toMatch(/\$2[aby]\$04\$/);
  });

  it('--porcelain prints only the generated password, or only the code when the password was given', async () => {
    const io = capture();
    await runStoreCommand(emu.site, ['availo', 'account', 'create', 'A1', '--porcelain'], io);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(/^[A-Za-z0-9]{24}$/);
    const given = capture();
    await runStoreCommand(emu.site, ['availo', 'account', 'create', 'A2', '--password=pw', '--porcelain'], given);
    expect(given.stdout).toEqual(['A2']);
    const success = capture();
    await runStoreCommand(emu.site, ['availo', 'account', 'create', 'A3', '--password=pw'], success);
    expect(success.stdout).toEqual(['Success: Created Availo account A3.']);
  });

  it('lists and deletes accounts, and reports errors with exit code 1', async () => {
    await runStoreCommand(emu.site, ['availo', 'account', 'create', 'B1', '--password=pw'], capture());
    await runStoreCommand(emu.site, ['availo', 'account', 'create', 'B2', '--password=pw'], capture());
    const list = capture();
    expect(await runStoreCommand(emu.site, ['availo', 'account', 'list', '--format=json'], list)).toBe(0);
    expect(JSON.parse(list.stdout[0]!)).toEqual([
      { accountCode: 'B1', created: '2024-06-25T10:59:56Z', modified: '2024-06-25T10:59:56Z' },
      { accountCode: 'B2', created: '2024-06-25T10:59:56Z', modified: '2024-06-25T10:59:56Z' },
    ]);
    const ids = capture();
    await runStoreCommand(emu.site, ['availo', 'account', 'list', '--format=ids'], ids);
    expect(ids.stdout).toEqual(['B1 B2']);

    const dup = capture();
    expect(await runStoreCommand(emu.site, ['availo', 'account', 'create', 'b1', '--password=pw'], dup)).toBe(1);
    expect(dup.stderr[0]).toMatch(/^Error: An account with the code "b1" already exists/);
    const bad = capture();
    expect(await runStoreCommand(emu.site, ['availo', 'account', 'create', 'has space'], bad)).toBe(1);
    expect(bad.stderr[0]).toMatch(/^Error: AccountCode may hold only/);

    const del = capture();
    expect(await runStoreCommand(emu.site, ['availo', 'account', 'delete', 'B1'], del)).toBe(0);
    expect(del.stdout).toEqual(['Success: Deleted Availo account B1.']);
    const again = capture();
    expect(await runStoreCommand(emu.site, ['availo', 'account', 'delete', 'B1'], again)).toBe(1);
    expect(again.stderr.join('\n')).toMatch(/No account with the code "B1"/);
    const count = capture();
    await runStoreCommand(emu.site, ['availo', 'account', 'list', '--format=count'], count);
    expect(count.stdout).toEqual(['1']);
  });

  it('works through main() on a store file, and the server then issues tokens for that account', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availo-cli-'));
    const db = path.join(dir, 'db.json');
    const writes: string[] = [];
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await main(['availo', 'account', 'create', 'MAIN-1', '--password=from the cli', `--db=${db}`], { BCRYPT_COST: '4' });
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(code).toBe(0);
    expect(writes.join('')).toContain('Success: Created Availo account MAIN-1.');
    const served = await createApp({ settings: { DB_FILE: db, BCRYPT_COST: 4 } });
    try {
      const { password } = served.applicationPasswords.create(1, { name: 'test' });
      const res = await request(served.app).post(GEN).set('Authorization', basic('admin', password)).send({ AccountCode: 'MAIN-1', Password: 'from the cli' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(true);
    } finally {
      await served.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('availo accounts: REST for the admin', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ clock: START });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('creates, lists, changes and deletes accounts', async () => {
    const created = await request(emu.app).post('/wp-json/availo/v1/accounts').set('Authorization', asAdmin).send({ AccountCode: 'R1' });
    expect(created.status).toBe(201);
    expect(created.headers.location).toMatch(/\/wp-json\/availo\/v1\/accounts\/R1$/);
    expect(created.body.status).toBe(true);
    const password = created.body.Data.password as string;
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect((await generate(emu, { AccountCode: 'R1', Password: password })).body.status).toBe(true);

    const list = await request(emu.app).get('/wp-json/availo/v1/accounts').set('Authorization', asAdmin);
    expect(list.body.Data).toEqual([{ accountCode: 'R1', created: '2024-06-25T10:59:56Z', modified: '2024-06-25T10:59:56Z' }]);

    const dup = await request(emu.app).post('/wp-json/availo/v1/accounts').set('Authorization', asAdmin).send({ AccountCode: 'r1', Password: 'x' });
    expect(dup.status).toBe(409);
    expect(dup.body.status).toBe(false);

    emu.clock.advance(60);
    const changed = await request(emu.app).put('/wp-json/availo/v1/accounts/R1').set('Authorization', asAdmin).send({ Password: 'new one' });
    expect(changed.status).toBe(200);
    expect(changed.body.Data).toEqual({ accountCode: 'R1', created: '2024-06-25T10:59:56Z', modified: '2024-06-25T11:00:56Z' });
    expect((await generate(emu, { AccountCode: 'R1', Password: password })).body.status).toBe(false);
    expect((await generate(emu, { AccountCode: 'R1', Password: 'new one' })).body.status).toBe(true);

    const deleted = await request(emu.app).delete('/wp-json/availo/v1/accounts/R1').set('Authorization', asAdmin);
    expect(deleted.status).toBe(200);
    expect(deleted.body.Data.deleted).toBe(true);
    const gone = await request(emu.app).delete('/wp-json/availo/v1/accounts/R1').set('Authorization', asAdmin);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ Data: null, status: false, message: 'No account with the code "R1".' });
  });

  it('rejects bad input in the envelope and non-admins with rest_forbidden', async () => {
    const noCode = await request(emu.app).post('/wp-json/availo/v1/accounts').set('Authorization', asAdmin).send({ Password: 'x' });
    expect(noCode.status).toBe(400);
    expect(noCode.body.message).toBe('The AccountCode field is required.');
    const badJson = await request(emu.app).post('/wp-json/availo/v1/accounts').set('Authorization', asAdmin).set('Content-Type', 'application/json').send('{');
    expect(badJson.status).toBe(400);
    expect(badJson.body.status).toBe(false);
    const longPassword = await request(emu.app).post('/wp-json/availo/v1/accounts').set('Authorization', asAdmin).send({ AccountCode: 'L', Password: 'x'.repeat(73) });
    expect(longPassword.status).toBe(400);
    expect(longPassword.body.message).toMatch(/72 bytes/);
    const editor = await request(emu.app).get('/wp-json/availo/v1/accounts').set('Authorization', asEditor);
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_forbidden');
  });
});

describe('availo fixtures', () => {
  it('loads accounts from the availo section', async () => {
    const emu = await availoApp();
    try {
      expect((await generate(emu)).body.status).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it('names each problem by its path', () => {
    const problems = validateAvailoFixtures(
      { accounts: [{ AccountCode: 'OK', Password: 5 }, { Password: 'p' }, { AccountCode: 'ok', Password: 'p', extra: 1 }, 'x'], other: true },
      'availo',
    );
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['availo.other', 'availo.accounts[0].Password', 'availo.accounts[1].AccountCode', 'availo.accounts[2].AccountCode', 'availo.accounts[2].extra', 'availo.accounts[3]']),
    );
    expect(problems).toHaveLength(6);
    expect(validateAvailoFixtures([], 'availo')).toEqual([{ path: 'availo', message: expect.stringMatching(/must be an object/) }]);
    expect(validateAvailoFixtures({ accounts: [{ AccountCode: 'A', Password: 'p' }] }, 'availo')).toEqual([]);
  });

  it('refuses to start with a bad section, naming the path', async () => {
    await expect(standardApp({ fixtures: { ...standardFixtures, availo: { accounts: [{ AccountCode: 'A', Password: '' }] } } })).rejects.toThrow(FixtureError);
    await expect(standardApp({ fixtures: { ...standardFixtures, availo: { accounts: [{ AccountCode: 'A', Password: '' }] } } })).rejects.toThrow(/availo\.accounts\[0\]\.Password/);
  });
});
