/**
 * The worked examples of docs/testing-with-jest.md, verbatim (only the import path differs), so the
 * documentation cannot drift from what the emulator does.
 */
import request from 'supertest';
import { createApp, type EmulatorApp } from '../plugin';
import { checkResponsesOf } from './openapi/response-hook';

const ADMIN = 'Basic ' + Buffer.from('admin:AAAA BBBB CCCC DDDD EEEE FFFF').toString('base64');
const fixtures = {
  users: [{ login: 'admin', email: 'admin@example.com', role: 'administrator',
            applicationPasswords: [{ name: 'tests', password: 'AAAA BBBB CCCC DDDD EEEE FFFF' }] }],
  availo: { accounts: [{ AccountCode: 'ACME-01', Password: 'correct horse' }] },
  purewl: { resellers: [{ secretKey: 'SECRET_KEY_GOES_HERE', resellerId: 4242, resellerUid: 'acme-vpn' }] },
};

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await createApp({ fixtures, settings: { CLOCK_START: '2030-01-01T00:00:00Z', BCRYPT_COST: 4 } });
  checkResponsesOf(emu); // answers checked against the OpenAPI document, as standardApp()'s are
});
afterEach(() => emu.close());

it('an Availo token expires after 900 s', async () => {
  const issued = await request(emu.app).post('/wp-json/availo/v1/api/Account/Generatetoken')
    .set('Authorization', ADMIN).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
  const token = issued.body.Data.accessToken;
  expect(emu.introspect(token)).toMatchObject({ active: true, vendor: 'availo', sub: 'ACME-01' });

  const use = () => request(emu.app).get('/wp-json/availo/v1/api/Employees/List').set('access_token', token);
  expect((await use()).status).toBe(200);

  emu.clock.advance(901);
  const expired = await use();
  expect(expired.status).toBe(401);
  expect(expired.body.message).toBe('Access token has expired.');
  expect(emu.introspect(token).active).toBe(false);
});

it('PureWL: refresh after expiry; reusing a refresh token revokes the grant', async () => {
  const grant = (body: string) => request(emu.app).post('/wp-json/purewl/v1/auth/v1/accessToken')
    .set('Authorization', ADMIN).type('form').send(body);
  const use = (t: string) => request(emu.app).get('/wp-json/purewl/v1/inventory/v1/servers').set('X-AccessToken', t);

  const { accessToken, refreshToken } = (await grant('secretKey=SECRET_KEY_GOES_HERE&grantType=secret')).body.body;
  expect((await use(accessToken)).status).toBe(200);

  emu.clock.advance(3600);                                   // PUREWL_TOKEN_EXPIRY
  expect((await use(accessToken)).body.header.code).toBe(4023);

  const next = (await grant(`refreshToken=${refreshToken}&grantType=refresh`)).body.body;
  expect((await use(next.accessToken)).status).toBe(200);

  expect((await grant(`refreshToken=${refreshToken}&grantType=refresh`)).body.header.code).toBe(4014);
  expect(emu.introspect(next.accessToken).active).toBe(false); // the whole grant is revoked
});

it('an Everest Backup token stops working within 24 hours', async () => {
  const issued = await request(emu.app).post('/wp-json/everest-backup/v1/access-token')
    .set('Authorization', ADMIN).send({ action: 'Test action' });
  const token = issued.body.access_token;                     // "<10 hex>:<32 hex>"
  const backup = () => request(emu.app).post('/wp-json/everest-backup/v1/manual-backup')
    .set('Authorization', ADMIN).send({ access_token: token });

  expect((await backup()).body.status).toBe('done');
  emu.clock.advance(24 * 3600);                               // a WordPress nonce lives 12 to 24 h
  expect((await backup()).body.code).toBe('everest-backup-api-error-400');
  expect(emu.introspect(token)).toEqual({ active: false, vendor: 'everest-backup' });
});

it('pkmnapi: read the token from the outbox; a new one after the cooldown replaces it', async () => {
  const body = (attributes: object) => ({ data: { type: 'access_tokens', attributes } });
  const ask = () => request(emu.app).post('/wp-json/pkmnapi/v1/access_tokens')
    .set('Authorization', ADMIN).send(body({ email_address: 'ash@example.com' }));
  const lastToken = () => /access token: (\w{64})/.exec(emu.outbox.list({ to: 'ash@example.com' }).at(-1)!.text)![1]!;

  expect((await ask()).status).toBe(201);
  const token = lastToken();
  expect(emu.introspect(token)).toMatchObject({ active: true, vendor: 'pkmnapi', sub: 'ash@example.com' });
  const roms = await request(emu.app).get('/wp-json/pkmnapi/v1/roms').set('Authorization', `Bearer ${token}`);
  expect(roms.body.data.id).toBe('error_roms_no_rom');       // the token passed; no ROM is uploaded

  expect((await ask()).body.data.id).toBe('error_access_tokens_timeout');
  emu.clock.advance(601);                                     // the 600 s cooldown
  await ask();
  expect(emu.introspect(token).active).toBe(false);           // replaced by the new one
  expect(emu.introspect(lastToken()).active).toBe(true);
});

it('a Fess token expires at its expiredTime and dies when deleted', async () => {
  const admin = '/wp-json/fess/v1/api/admin/accesstoken';
  const created = await request(emu.app).post(`${admin}/setting`).set('Authorization', ADMIN)
    .send({ name: 'Search app', permissions: ['guest'], expiredTime: Date.parse('2030-01-01T01:00:00Z') });
  const { id, token } = created.body.response;
  const search = () => request(emu.app).get('/wp-json/fess/v1/json/').query({ q: 'test' }).set('Authorization', `Bearer ${token}`);

  expect((await search()).status).toBe(200);
  emu.clock.advance(3601);
  expect((await search()).body.response.message).toBe('The access token has expired.');

  // revocation: delete the setting
  await request(emu.app).delete(`${admin}/setting/${id}`).set('Authorization', ADMIN);
  expect(emu.introspect(token).active).toBe(false);
});

it('the retry-logic fault example answers 503 twice, then normally', async () => {
emu.faults.add({ method: 'POST', path: '/wp-json/purewl/v1/auth/v1/accessToken', status: 503, times: 2 });
// → 503, 503, then the real answer. Or latency only: { path: '/wp-json/purewl/v1/**', latencyMs: 200 }
  const grant = () => request(emu.app).post('/wp-json/purewl/v1/auth/v1/accessToken').set('Authorization', ADMIN).type('form').send('secretKey=SECRET_KEY_GOES_HERE&grantType=secret');
  expect([(await grant()).status, (await grant()).status, (await grant()).status]).toEqual([503, 503, 200]);
});

it('the journal example shows the Availo call redacted', async () => {
  await request(emu.app).post('/wp-json/availo/v1/api/Account/Generatetoken').set('Authorization', ADMIN).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
const [call] = emu.journal.list({ namespace: 'availo/v1', method: 'POST' });
expect(call!.request.headers['content-type']).toMatch(/json/);
expect(call!.request.body).toEqual({ AccountCode: '[redacted]', Password: '[redacted]' });
expect(call!.user).toBe('admin');
});
