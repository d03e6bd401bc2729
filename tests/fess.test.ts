import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createLogger } from '../core/log';
import { wpErrors } from '../core/rest/errors';
import { RestRequest } from '../core/rest/request';
import type { EmulatorApp } from '../plugin/app';
import { asAdmin, asEditor, flakyStoreFs, standardApp, standardFixtures } from './helpers';
import { decodePermission, encodePermission, formatExpires, parseExpires } from '../wp-json/fess/v1/wire';
import { validateFessFixtures } from '../wp-json/fess/v1/fixtures';

const BASE = '/wp-json/fess/v1/api/admin/accesstoken';
const JSON_API = '/wp-json/fess/v1/json/';
const T0 = Date.parse('2030-01-01T00:00:00Z');

let emu: EmulatorApp;
afterEach(async () => {
  await emu?.close();
});

async function docsApp(fixtures?: unknown) {
  emu = await standardApp({ clock: T0, ...(fixtures ? { fixtures: { ...standardFixtures, fess: fixtures } } : {}) });
  return emu;
}
async function liveApp(fixtures?: unknown) {
  emu = await standardApp({ clock: T0, settings: { FESS_PROFILE: 'live' }, ...(fixtures ? { fixtures: { ...standardFixtures, fess: fixtures } } : {}) });
  return emu;
}

const post = (body: unknown) => request(emu.app).post(`${BASE}/setting`).set('Authorization', asAdmin).send(body as object);
const put = (body: unknown) => request(emu.app).put(`${BASE}/setting`).set('Authorization', asAdmin).send(body as object);
const getOne = (id: string) => request(emu.app).get(`${BASE}/setting/${id}`).set('Authorization', asAdmin);
const del = (id: string) => request(emu.app).delete(`${BASE}/setting/${id}`).set('Authorization', asAdmin);
const list = (query: Record<string, unknown> = {}) => request(emu.app).get(`${BASE}/settings`).query(query).set('Authorization', asAdmin);

describe('fess docs profile: the seed example', () => {
  it('creates "External App Token" with an application password; the token works on /json/ until its expiredTime passes', async () => {
    await docsApp();
    const created = await post({ name: 'External App Token', parameterName: 'token', permissions: ['guest'], expiredTime: T0 + 3_600_000 });
    expect(created.status).toBe(200);
    expect(created.body.response).toMatchObject({ version: '15.7', status: 0, created: true });
    expect(typeof created.body.response.id).toBe('string');
    expect(created.body.response.token).toMatch(/^[A-Za-z0-9]{60}$/);
    const token = created.body.response.token as string;

    const search = await request(emu.app).get(JSON_API).query({ q: 'test', token });
    expect(search.status).toBe(200);
    expect(search.body.response).toMatchObject({ status: 0, q: 'test', record_count: 0, page_count: 1, page_number: 1, page_size: 20, result: [] });

    const bearer = await request(emu.app).get(JSON_API).query({ q: 'test' }).set('Authorization', `Bearer ${token}`);
    expect(bearer.status).toBe(200);
    expect(bearer.body.response.result).toEqual([]);

    emu.clock.advance(3600); // exactly at expiredTime: still valid (Fess: expiredTime < now)
    expect((await request(emu.app).get(JSON_API).query({ q: 'test', token })).status).toBe(200);
    emu.clock.advance(1);
    const expired = await request(emu.app).get(JSON_API).query({ q: 'test', token });
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(expired.body.response).toMatchObject({ status: 1, message: 'The access token has expired.' });
    expect((await request(emu.app).get(JSON_API).set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('lists, gets, updates with versionNo and deletes; a stale versionNo and a deleted id are 400 status 1', async () => {
    await docsApp();
    const { id, token } = (await post({ name: 'b-token', permissions: ['user'] })).body.response;
    const got = await getOne(id);
    expect(got.status).toBe(200);
    expect(got.body.response.setting).toEqual({ id, name: 'b-token', token, parameterName: 'token', permissions: ['user'], versionNo: 1 });

    const updated = await put({ id, name: 'Updated API Token', expiredTime: 1767225600000, permissions: ['user', 'editor'], versionNo: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body.response).toEqual({ version: '15.7', status: 0, id, created: false });
    const after = (await getOne(id)).body.response.setting;
    expect(after).toMatchObject({ name: 'Updated API Token', token, expiredTime: 1767225600000, permissions: ['user', 'editor'], versionNo: 2 });

    const stale = await put({ id, name: 'again', versionNo: 1 });
    expect(stale.status).toBe(400);
    expect(stale.body.response.status).toBe(1);
    expect(stale.body.response.message).toMatch(/^Failed to update the data\. \(version conflict/);
    expect((await getOne(id)).body.response.setting.name).toBe('Updated API Token');

    const deleted = await del(id);
    expect(deleted.status).toBe(200);
    expect(deleted.body.response).toEqual({ version: '15.7', status: 0, id, created: false });
    const gone = await getOne(id);
    expect(gone.status).toBe(400);
    expect(gone.body.response).toEqual({ version: '15.7', status: 1, message: `The data ${id} is not found.` });
    expect((await del(id)).body.response.message).toBe(`The data ${id} is not found.`);
    expect((await put({ id, name: 'x', versionNo: 2 })).body.response.message).toBe(`The data ${id} is not found.`);
    // the deleted token no longer opens the search API
    expect((await request(emu.app).get(JSON_API).query({ token })).status).toBe(401);
  });

  it('update keeps fields the body leaves out, and never changes the token', async () => {
    await docsApp();
    const { id, token } = (await post({ name: 'keep', parameterName: 'apikey', permissions: ['a'], expiredTime: T0 + 1000 })).body.response;
    expect((await put({ id, name: 'renamed', versionNo: 1, token: 'ignoredToken' })).status).toBe(200);
    expect((await getOne(id)).body.response.setting).toEqual({ id, name: 'renamed', token, parameterName: 'apikey', expiredTime: T0 + 1000, permissions: ['a'], versionNo: 2 });
    expect((await put({ id, name: 'renamed', versionNo: 2, expiredTime: 0, permissions: [] })).status).toBe(200);
    const s = (await getOne(id)).body.response.setting;
    expect(s.expiredTime).toBeUndefined();
    expect(s.permissions).toEqual([]);
  });

  it('takes a token given on create, and refuses one already in use', async () => {
    await docsApp();
    const first = await post({ name: 'given', token: 'myOwnToken123' });
    expect(first.body.response.token).toBe('myOwnToken123');
    const again = await post({ name: 'dup', token: 'myOwnToken123' });
    expect(again.status).toBe(400);
    expect(again.body.response).toMatchObject({ status: 1, message: 'Failed to create a new data. (The token is already in use.)' });
    const spaced = await post({ name: 'spaced', token: 'a b' });
    expect(spaced.body.response.message).toBe('Token must not contain whitespace.');
  });

  it('validation errors name the field, all at once, in a 400 status 1 envelope', async () => {
    await docsApp();
    const noName = await post({ permissions: ['x'] });
    expect(noName.status).toBe(400);
    expect(noName.body.response).toEqual({ version: '15.7', status: 1, message: 'Name is required.' });
    const many = await post({ name: '', expiredTime: 'soon', permissions: [1] });
    expect(many.body.response.message).toBe('Name is required. Expired Time must be a number. Permissions must be a list of roles.');
    expect((await post({ name: 'x'.repeat(1001) })).body.response.message).toBe('The size of Name must be between 0 and 1000.');
    expect((await post({ name: 'n', expiredTime: -5 })).body.response.message).toBe('Expired Time must be a number.');
    const upd = await put({ name: 'n' });
    expect(upd.status).toBe(400);
    expect(upd.body.response.message).toBe('ID is required. Version No is required.');
    expect((await put({ id: 'abc', name: 'n', versionNo: 'one' })).body.response.message).toBe('Version No must be a number.');
  });

  it('answers malformed JSON, a non-object body and unknown paths in the Fess envelope', async () => {
    await docsApp();
    const bad = await request(emu.app).post(`${BASE}/setting`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send('{"name":');
    expect(bad.status).toBe(400);
    expect(bad.body.response).toMatchObject({ version: '15.7', status: 1 });
    expect(bad.body.response.message).toMatch(/^Failed to parse the request body as JSON/);
    const arr = await request(emu.app).post(`${BASE}/setting`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send('[1]');
    expect(arr.status).toBe(400);
    expect(arr.body.response.message).toBe('The request body must be a JSON object.');
    const unknown = await request(emu.app).get(`${BASE}/nothing`).set('Authorization', asAdmin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.response).toMatchObject({ status: 1 });
    const method = await request(emu.app).post(`${BASE}/settings`).set('Authorization', asAdmin).send({});
    expect(method.status).toBe(404);
    expect(method.body.response.status).toBe(1);
  });

  it('answers a body over BODY_LIMIT with 413 in the Fess envelope', async () => {
    emu = await standardApp({ settings: { BODY_LIMIT: 1024 } });
    const res = await post({ name: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(res.body.response).toMatchObject({ status: 1 });
  });

  it('answers 503 in the Fess envelope when the store cannot be written; nothing is lost after the disk recovers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fess-503-'));
    const flaky = flakyStoreFs();
    emu = await standardApp({ settings: { DB_FILE: path.join(dir, 'db.json') }, storeFs: flaky.storeFs });
    flaky.fail('EIO');
    const refused = await post({ name: 'disk' });
    expect(refused.status).toBe(503);
    expect(refused.body.response).toMatchObject({ version: '15.7', status: 2 });
    flaky.fail(null);
    expect((await post({ name: 'disk2' })).status).toBe(200);
    await emu.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('maps an internal error to status 2 in the Fess envelope, without WordPress\'s HTML', async () => {
    await docsApp();
    const req = new RestRequest('GET', '/fess/v1/api/admin/accesstoken/settings', {}, {}, {}, undefined, null, Buffer.alloc(0), null, null, '127.0.0.1');
    const res = emu.site.rest.namespaceOptions('fess/v1').onCoreError!(wpErrors.internal(), req)!;
    expect(res.status).toBe(500);
    expect(res.data).toEqual({ response: { version: '15.7', status: 2, message: 'Internal server error.' } });
  });

  it('accepts a form-encoded create with newline-separated permissions', async () => {
    await docsApp();
    const res = await request(emu.app).post(`${BASE}/setting`).set('Authorization', asAdmin).type('form').send({ name: 'form', permissions: 'a\nb' });
    expect(res.status).toBe(200);
    expect((await getOne(res.body.response.id)).body.response.setting.permissions).toEqual(['a', 'b']);
  });
});

describe('fess paging', () => {
  const names = ['delta', 'alpha', 'echo', 'charlie', 'bravo'];
  const sorted = [...names].sort();

  it('docs: size 20 by default, pages from 0, name order, total = all; edges', async () => {
    await docsApp({ tokens: names.map((name) => ({ name })) });
    const all = await list();
    expect(all.body.response.total).toBe(5);
    expect(all.body.response.settings.map((s: { name: string }) => s.name)).toEqual(sorted);
    const p1 = await list({ size: 2, page: 1 });
    expect(p1.body.response.settings.map((s: { name: string }) => s.name)).toEqual(['charlie', 'delta']);
    expect(p1.body.response.total).toBe(5);
    const last = await list({ size: 2, page: 2 });
    expect(last.body.response.settings.map((s: { name: string }) => s.name)).toEqual(['echo']);
    const past = await list({ size: 2, page: 9 });
    expect(past.status).toBe(200);
    expect(past.body.response).toMatchObject({ status: 0, settings: [], total: 5 });
    expect((await list({ size: 0 })).body.response.settings).toHaveLength(5);
    expect((await list({ size: -3, page: -1 })).body.response.settings.map((s: { name: string }) => s.name)).toEqual(sorted);
    expect((await list({ size: 2_000_000_000 })).body.response.settings).toHaveLength(5);
    const notNumber = await list({ size: 'ten' });
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.response).toMatchObject({ status: 1, message: 'size must be a number.' });
    expect((await list({ size: '99999999999' })).body.response.message).toBe('size must be a number.');
    expect((await list({ page: '1.5' })).body.response.message).toBe('page must be a number.');
  });

  it('docs: the default size is 20 and PUT /settings reads the JSON body', async () => {
    await docsApp({ tokens: Array.from({ length: 23 }, (_, i) => ({ name: `t${String(i).padStart(2, '0')}` })) });
    const first = await list();
    expect(first.body.response.settings).toHaveLength(20);
    expect(first.body.response.total).toBe(23);
    const viaPut = await request(emu.app).put(`${BASE}/settings`).set('Authorization', asAdmin).send({ size: 5, page: 4 });
    expect(viaPut.status).toBe(200);
    expect(viaPut.body.response.settings.map((s: { name: string }) => s.name)).toEqual(['t20', 't21', 't22']);
  });

  it('live: size 25 by default, pages from 1 (0 and negatives are page 1)', async () => {
    await liveApp({ tokens: Array.from({ length: 27 }, (_, i) => ({ name: `t${String(i).padStart(2, '0')}` })) });
    const first = await list();
    expect(first.body.response.settings).toHaveLength(25);
    expect(first.body.response.settings[0].name).toBe('t00');
    expect(first.body.response.total).toBe(27);
    expect((await list({ page: 2 })).body.response.settings.map((s: { name: string }) => s.name)).toEqual(['t25', 't26']);
    expect((await list({ page: 0, size: 1 })).body.response.settings[0].name).toBe('t00');
    expect((await list({ page: -4, size: 1 })).body.response.settings[0].name).toBe('t00');
    expect((await list({ page: 3 })).body.response).toMatchObject({ settings: [], total: 27 });
  });

  it('filters by id', async () => {
    await docsApp({ tokens: names.map((name) => ({ name })) });
    const one = (await list()).body.response.settings[2];
    const tokens = emu.store.collection('fess.tokens');
    const scans = [jest.spyOn(tokens, 'filter'), jest.spyOn(tokens, 'values'), jest.spyOn(tokens, 'entries'), jest.spyOn(tokens, 'find')];
    const res = await list({ id: one.id });
    expect(res.body.response.settings).toEqual([one]);
    expect(res.body.response.total).toBe(1);
    const unknown = await list({ id: 'no-such-id' });
    expect(unknown.body.response).toMatchObject({ status: 0, settings: [], total: 0 });
    // The id is the record key: looked up, never found by walking every token.
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    jest.restoreAllMocks();
  });
});

describe('fess live profile', () => {
  it('speaks Fess 15 on the wire: snake_case, {role} permissions, expires, no token on create, plain delete', async () => {
    await liveApp();
    const created = await post({ name: 'Live', token: 'ignoredByFess', permissions: '{role}admin-api\nguest\n{user}bob\n{group}devs\n', parameter_name: 'token', expires: '2030-06-01T12:00:00' });
    expect(created.status).toBe(200);
    expect(created.body.response).toEqual({ version: '15.7', status: 0, id: expect.any(String), created: true });
    const id = created.body.response.id as string;
    const s = (await getOne(id)).body.response.setting;
    expect(s).toEqual({
      id,
      name: 'Live',
      token: expect.stringMatching(/^[A-Za-z0-9]{60}$/),
      parameter_name: 'token',
      expires: '2030-06-01T12:00:00',
      permissions: '{role}admin-api\nguest\n{user}bob\n{group}devs',
      created_by: 'admin',
      created_time: T0,
      updated_by: 'admin',
      updated_time: T0,
      version_no: 1,
    });
    expect(s.token).not.toBe('ignoredByFess');

    // the token holds {role}admin-api: it may administer
    const viaToken = await request(emu.app).get(`${BASE}/settings`).set('Authorization', `Bearer ${s.token}`);
    expect(viaToken.status).toBe(200);
    expect(viaToken.body.response.total).toBe(1);

    // update replaces the whole form (absent fields cleared), version_no locks
    expect((await put({ id, name: 'Live2', version_no: 1, permissions: 'Rguest' })).body.response).toEqual({ version: '15.7', status: 0, id, created: false });
    const s2 = (await getOne(id)).body.response.setting;
    expect(s2).toMatchObject({ name: 'Live2', permissions: '{role}guest', version_no: 2, token: s.token });
    expect(s2.expires).toBeUndefined();
    expect(s2.parameter_name).toBeUndefined();
    const stale = await put({ id, name: 'x', version_no: 1 });
    expect(stale.status).toBe(400);
    expect(stale.body.response.status).toBe(1);
    // camelCase keys are not Fess's: versionNo is missing
    expect((await put({ id, name: 'x', versionNo: 2 })).body.response.message).toBe('Version No is required.');

    const deleted = await del(id);
    expect(deleted.body.response).toEqual({ version: '15.7', status: 0 });
    expect((await getOne(id)).body.response.message).toBe(`The data ${id} is not found.`);
  });

  it('validates expires against Fess\'s pattern and permissions as a string', async () => {
    await liveApp();
    const res = await post({ name: 'x', expires: '2030-01-01 00:00', permissions: ['a'] });
    expect(res.status).toBe(400);
    expect(res.body.response.message).toBe(
      'Expires does not match "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]". Permissions must be a string of lines.',
    );
    expect((await post({ name: 'x', expires: '2030-13-01T00:00:00' })).status).toBe(400);
  });

  it('expires the token by the clock; /json/ errors carry an error_code like Fess', async () => {
    await liveApp();
    const { id } = (await post({ name: 'e', expires: '2030-01-01T00:10:00' })).body.response;
    const token = (await getOne(id)).body.response.setting.token;
    expect((await request(emu.app).get(JSON_API).query({ q: 'x', token })).status).toBe(200);
    emu.clock.advance(601);
    const res = await request(emu.app).get(JSON_API).query({ q: 'x', token });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(res.body.response.message).toMatch(/^error_code:[0-9a-f-]{36}$/);
  });

  it('answers a token without admin-api with status 3 over HTTP 200, as Fess does', async () => {
    await liveApp({ tokens: [{ name: 'guest', token: 'guestToken', permissions: ['guest'] }] });
    const res = await request(emu.app).get(`${BASE}/settings`).set('Authorization', 'Bearer guestToken');
    expect(res.status).toBe(200);
    expect(res.body.response).toEqual({ version: '15.7', status: 3, message: 'Unauthorized request.' });
  });
});

describe('fess admin permission', () => {
  it('without credentials or token: WordPress rest_forbidden (401 anonymous, 403 editor)', async () => {
    await docsApp();
    const anon = await request(emu.app).get(`${BASE}/settings`);
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('rest_forbidden');
    const editor = await request(emu.app).post(`${BASE}/setting`).set('Authorization', asEditor).send({ name: 'x' });
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_forbidden');
  });

  it('a token holding admin-api administers (Bearer, bare header or token parameter); others get Fess\'s status 3', async () => {
    await docsApp({ tokens: [{ name: 'admin', token: 'adminToken', permissions: ['admin-api'] }, { name: 'guest', token: 'guestToken', permissions: ['guest'] }, { name: 'old', token: 'oldToken', permissions: ['admin-api'], expiredTime: T0 - 1 }] });
    const bearer = await request(emu.app).post(`${BASE}/setting`).set('Authorization', 'Bearer adminToken').send({ name: 'made-by-token' });
    expect(bearer.status).toBe(200);
    expect(bearer.body.response.status).toBe(0);
    expect((await request(emu.app).get(`${BASE}/settings`).set('Authorization', 'adminToken')).status).toBe(200);
    const param = await request(emu.app).get(`${BASE}/settings`).query({ token: 'adminToken' });
    expect(param.status).toBe(200);
    expect(param.body.response.total).toBe(4);
    // creating with the admin token in the query does not take it as the new token's value
    const viaQuery = await request(emu.app).post(`${BASE}/setting`).query({ token: 'adminToken' }).send({ name: 'q' });
    expect(viaQuery.body.response.token).not.toBe('adminToken');

    const guest = await request(emu.app).get(`${BASE}/settings`).set('Authorization', 'Bearer guestToken');
    expect(guest.status).toBe(403);
    expect(guest.headers['www-authenticate']).toBe('Bearer error="insufficient_scope"');
    expect(guest.body.response).toEqual({ version: '15.7', status: 3, message: 'Unauthorized request.' });
    const unknown = await request(emu.app).get(`${BASE}/settings`).set('Authorization', 'Bearer nope');
    expect(unknown.status).toBe(401);
    expect(unknown.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(unknown.body.response.status).toBe(3);
    const expired = await request(emu.app).delete(`${BASE}/setting/whatever`).set('Authorization', 'Bearer oldToken');
    expect(expired.status).toBe(401);
    const malformed = await request(emu.app).get(`${BASE}/settings`).set('Authorization', 'Bearer a b');
    expect(malformed.status).toBe(401);
    expect(malformed.headers['www-authenticate']).toBe('Bearer error="invalid_request"');
  });
});

describe('fess /json/ search API', () => {
  it('returns Fess\'s classic search response with no hits', async () => {
    await docsApp({ tokens: [{ name: 'g', token: 'guestToken', permissions: ['guest'] }] });
    const res = await request(emu.app).get(JSON_API).query({ q: 'hello world', token: 'guestToken', num: 500, start: 40 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      response: {
        version: '15.7',
        status: 0,
        q: 'hello world',
        query_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        exec_time: 0,
        query_time: 0,
        page_size: 100,
        page_number: 1,
        record_count: 0,
        record_count_relation: 'EQUAL_TO',
        page_count: 1,
        highlight_params: '&hq=hello%20world',
        next_page: false,
        prev_page: true,
        start_record_number: 0,
        end_record_number: 0,
        page_numbers: ['1'],
        partial: false,
        search_query: 'hello world',
        requested_time: T0,
        related_query: [],
        related_contents: [],
        result: [],
      },
    });
  });

  it('invalid tokens are 401 with a Bearer challenge; no token answers as a guest unless FESS_TOKEN_REQUIRED', async () => {
    await docsApp();
    const bad = await request(emu.app).get(JSON_API).query({ q: 'x', token: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(bad.body.response).toEqual({ version: '15.7', status: 1, message: 'The access token is invalid.' });
    expect((await request(emu.app).get(JSON_API).set('Authorization', 'Bearer nope')).status).toBe(401);
    expect((await request(emu.app).get(JSON_API).query({ q: 'x' })).status).toBe(200);
    await emu.close();
    emu = await standardApp({ settings: { FESS_TOKEN_REQUIRED: true } });
    const missing = await request(emu.app).get(JSON_API).query({ q: 'x' });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('honours a token\'s parameterName as the query parameter that carries it', async () => {
    await docsApp({ tokens: [{ name: 'k', token: 'keyToken', parameterName: 'apikey' }] });
    expect((await request(emu.app).get(JSON_API).query({ q: 'x', apikey: 'keyToken' })).status).toBe(200);
    expect((await request(emu.app).get(JSON_API).query({ q: 'x', token: 'keyToken' })).status).toBe(401);
    expect((await request(emu.app).get(JSON_API).set('Authorization', 'Bearer keyToken')).status).toBe(200);
  });

  it('keeps a token sent under its custom parameterName (?sid=) out of the request log and the journal', async () => {
    const lines: string[] = [];
    const search = 'sidTokenValue0123456789search';
    const admin = 'sidTokenValue0123456789admin';
    const old = 'sidTokenValue0123456789expired';
    emu = await standardApp({
      clock: T0,
      logger: createLogger('info', 'text', (line) => lines.push(line)),
      fixtures: {
        ...standardFixtures,
        fess: {
          tokens: [
            { name: 'search', token: search, parameterName: 'sid', permissions: ['guest'] },
            { name: 'admin', token: admin, parameterName: 'sid', permissions: ['admin-api'] },
            { name: 'old', token: old, parameterName: 'sid', expiredTime: T0 - 1 },
          ],
        },
      },
    });
    expect((await request(emu.app).get(JSON_API).query({ q: 'x', sid: search })).status).toBe(200);
    expect((await request(emu.app).get(`${BASE}/settings`).query({ sid: admin })).status).toBe(200);
    expect((await request(emu.app).get(JSON_API).query({ sid: old })).status).toBe(401);
    expect(lines.filter((line) => line.includes('sid='))).toHaveLength(3);
    for (const token of [search, admin, old]) expect(lines.join('\n')).not.toContain(token);
    const journal = JSON.stringify(emu.journal.list());
    expect(journal).toContain('sid=');
    for (const token of [search, admin, old]) expect(journal).not.toContain(token);
  });
});

describe('fess introspection, fixtures and durability', () => {
  it('introspects tokens: active, sub, exp, scope; inactive once expired; null for others', async () => {
    await docsApp({ tokens: [{ name: 'CI', token: 'ciToken', permissions: ['admin-api', 'guest', '{user}bob'], expiredTime: T0 + 60_000 }] });
    expect(emu.site.introspect('ciToken')).toEqual({ active: true, vendor: 'fess', sub: 'CI', exp: Math.floor(T0 / 1000) + 60, iat: Math.floor(T0 / 1000), scope: 'admin-api guest {user}bob' });
    emu.clock.advance(61);
    expect(emu.site.introspect('ciToken', 'fess')).toMatchObject({ active: false, vendor: 'fess', sub: 'CI' });
    expect(emu.site.plugins.get('fess')!.introspect!('unknown')).toBeNull();
  });

  it('validates the fixtures section with path-named errors', () => {
    expect(validateFessFixtures({ tokens: [{ name: 'ok' }] }, 'fess')).toEqual([]);
    const problems = validateFessFixtures({ tokens: [{ token: 'a b', expiredTime: -1, permissions: 'x', extra: 1 }, { name: 'x', token: 't' }, { name: 'y', token: 't' }, 5], other: 1 }, 'fess');
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['fess.other', 'fess.tokens[0].extra', 'fess.tokens[0].name', 'fess.tokens[0].token', 'fess.tokens[0].expiredTime', 'fess.tokens[0].permissions', 'fess.tokens[2].token', 'fess.tokens[3]']),
    );
    expect(validateFessFixtures([], 'fess')[0]!.path).toBe('fess');
  });

  it('keeps tokens in the store file across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fess-'));
    const file = path.join(dir, 'db.json');
    emu = await standardApp({ settings: { DB_FILE: file } });
    const { id, token } = (await post({ name: 'durable' })).body.response;
    await emu.close();
    emu = await standardApp({ settings: { DB_FILE: file } });
    expect((await getOne(id)).body.response.setting.token).toBe(token);
    expect((await request(emu.app).get(JSON_API).query({ token })).status).toBe(200);
    await emu.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resets to the fixtures baseline', async () => {
    await docsApp({ tokens: [{ name: 'base', token: 'baseToken' }] });
    await post({ name: 'later' });
    expect((await list()).body.response.total).toBe(2);
    await emu.site.reset();
    emu.clock.set(T0);
    expect((await list()).body.response.total).toBe(1);
    expect((await request(emu.app).get(JSON_API).query({ token: 'baseToken' })).status).toBe(200);
  });
});

describe('fess wire helpers', () => {
  it('encodes and decodes permissions like PermissionHelper', () => {
    expect(encodePermission('{role}admin')).toBe('Radmin');
    expect(encodePermission('{USER}bob')).toBe('1bob');
    expect(encodePermission('{group}devs')).toBe('2devs');
    expect(encodePermission('(deny){role}x')).toBe('DRx');
    expect(encodePermission('{role}')).toBeNull();
    expect(encodePermission('  ')).toBeNull();
    expect(encodePermission('plain')).toBe('plain');
    expect(decodePermission('Radmin')).toBe('{role}admin');
    expect(decodePermission('DRx')).toBe('(deny){role}x');
    expect(decodePermission('1bob')).toBe('{user}bob');
    expect(decodePermission('R')).toBe('R');
  });

  it('formats and parses expires as yyyy-MM-ddTHH:mm:ss (UTC)', () => {
    expect(formatExpires(Date.UTC(2030, 0, 2, 3, 4, 5))).toBe('2030-01-02T03:04:05');
    expect(parseExpires('2030-01-02T03:04:05')).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
    expect(parseExpires('2030-02-30T00:00:00')).toBeNull();
    expect(parseExpires('2030-01-02T24:00:00')).toBeNull();
  });
});
