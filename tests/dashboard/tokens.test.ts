/**
 * The dashboard's data routes: GET /wp-json/emulator/v1/tokens (every token the site handed out, in an
 * answer or a mail, with its state on the site clock: active, expired, rotated, revoked; never the
 * token itself) and GET /wp-json/emulator/v1/journal/har (the journal as HAR 1.2, same filters).
 */
import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { ADMIN_PASSWORD, asAdmin, asEditor, basic, standardApp, standardFixtures } from '../helpers';
import { harErrors } from './har-schema';

const GEN = '/wp-json/availo/v1/api/Account/Generatetoken';
const PKMN = '/wp-json/pkmnapi/v1/access_tokens';
const TOKENS = '/wp-json/emulator/v1/tokens';

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({
    clock: '2030-01-01T00:00:00Z',
    fixtures: { ...standardFixtures, availo: { accounts: [{ AccountCode: 'ACME-01', Password: 'correct horse' }] } },
  });
});
afterEach(() => emu.close());

const availoToken = async () => (await request(emu.app).post(GEN).set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: 'correct horse' }).expect(200)).body.Data.accessToken as string;
const pkmn = (body: object) => request(emu.app).post(PKMN).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify(body));
const tokens = async () => (await request(emu.app).get(TOKENS).set('Authorization', asAdmin).expect(200)).body;

describe('GET /wp-json/emulator/v1/tokens', () => {
  it('lists an Availo token by prefix and hash with subject, iat/exp on the site clock, and turns it expired after 901 s', async () => {
    const token = await availoToken();
    const first = await tokens();
    expect(first.now).toBe('2030-01-01T00:00:00.000Z');
    expect(first.tokens).toEqual([
      expect.objectContaining({ vendor: 'availo', sub: 'ACME-01', iat: 1893456000, exp: 1893456900, state: 'active', prefix: `${token.slice(0, 8)}…`, source: `POST ${GEN}` }),
    ]);
    expect(first.tokens[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(first)).not.toContain(token);
    emu.clock.advance(901);
    expect((await tokens()).tokens[0].state).toBe('expired');
  });

  it('a pkmnapi token (sent by mail) shows active, then rotated when a new one replaces it, and revoked when deleted', async () => {
    const attributes = { email_address: 'ash@example.com' };
    await pkmn({ data: { type: 'access_tokens', attributes } }).expect(201);
    expect((await tokens()).tokens).toEqual([expect.objectContaining({ vendor: 'pkmnapi', sub: 'ash@example.com', state: 'active', source: 'mail to ash@example.com: Pkmnapi access token' })]);
    emu.clock.advance(601);
    await pkmn({ data: { type: 'access_tokens', attributes } }).expect(201);
    expect((await tokens()).tokens.map((t: { state: string }) => t.state)).toEqual(['active', 'rotated']);
    emu.clock.advance(601);
    await request(emu.app).post(`${PKMN}/delete`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify({ data: { type: 'access_tokens', attributes } })).expect(201);
    const code = /code=(\w+)/.exec(emu.outbox.list({ to: 'ash@example.com' }).at(-1)!.text)![1]!;
    await request(emu.app).delete(PKMN).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify({ data: { type: 'access_tokens', attributes: { ...attributes, code } } })).expect(204);
    expect((await tokens()).tokens.map((t: { state: string }) => t.state)).toEqual(['revoked', 'rotated']);
  });

  it('is for administrators only, and forgets the tokens on reset', async () => {
    await availoToken();
    await request(emu.app).get(TOKENS).expect(401);
    await request(emu.app).get(TOKENS).set('Authorization', asEditor).expect(403);
    await emu.reset();
    expect((await tokens()).tokens).toEqual([]);
  });
});

describe('GET /wp-json/emulator/v1/journal/har', () => {
  it('answers valid HAR 1.2 of the journal, filtered like the journal, without secrets; the wrong-password entry says why', async () => {
    const token = await availoToken();
    await request(emu.app).post(GEN).set('Authorization', basic('admin', 'WRON GWRO NGWR ONGW RONG WRON')).send({}).expect(401);
    const res = await request(emu.app).get('/wp-json/emulator/v1/journal/har').set('Authorization', asAdmin).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="emulator-journal.har"');
    expect(harErrors(res.body)).toEqual([]);
    expect(res.body.log.creator).toEqual({ name: 'wp-token-emulator', version: require('../../package.json').version });
    expect(res.body.log.entries).toHaveLength(2);
    expect(res.body.log.entries[1]._emulator.auth).toEqual({ method: null, failure: 'wrong-password' });
    for (const secret of [token, ADMIN_PASSWORD, 'correct horse', 'WRON GWRO NGWR ONGW RONG WRON']) expect(res.text).not.toContain(secret);
    const filtered = await request(emu.app).get('/wp-json/emulator/v1/journal/har?status=401').set('Authorization', asAdmin).expect(200);
    expect(filtered.body.log.entries.map((e: { response: { status: number } }) => e.response.status)).toEqual([401]);
    const bad = await request(emu.app).get('/wp-json/emulator/v1/journal/har?status=abc').set('Authorization', asAdmin).expect(400);
    expect(bad.body.code).toBe('rest_invalid_param');
  });
});
