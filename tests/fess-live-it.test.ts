/**
 * Fess `live` profile: codelibs/fess's admin API integration tests for access tokens, ported
 * (src/test/java/org/codelibs/fess/it/admin/AccessTokenTests.java on CrudTestBase.java and
 * ITBase.java). As there: the test token (ITBase.DEFAULT_TEST_TOKEN, roles admin-api and guest) is sent
 * raw in `Authorization`, every call has a JSON Content-Type and the list parameters travel in a JSON
 * body even on GET (RestAssured's given().body(...).get(...)), and each answer is read from Fess's
 * `response` envelope. Paths are below /wp-json/fess/v1 (Fess serves /api/admin/...).
 */
import request from 'supertest';
import type { EmulatorApp } from '../plugin/app';
import { standardApp, standardFixtures } from './helpers';

const API_PATH = '/wp-json/fess/v1/api/admin/accesstoken';
const NAME_PREFIX = 'accessTokenTest_';
const NUM = 10;
const SEARCH_ALL_NUM = 1000;
const TEST_TOKEN = 'E44TjYrJQadtGBFFuECA0SBqqVtqj7lRGmhYep53ixNdvlRxnkhwqCVCpRoO';

type Setting = Record<string, unknown> & { id: string; name: string };

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({
    clock: '2030-01-01T00:00:00Z',
    settings: { FESS_PROFILE: 'live' },
    fixtures: { ...standardFixtures, fess: { tokens: [{ name: 'Admin API', token: TEST_TOKEN, permissions: ['admin-api', 'guest'] }] } },
  });
});
afterEach(async () => {
  await emu.close();
});

/** ITBase.checkMethodBase: JSON content type, the raw token, the body as JSON. */
function call(method: 'get' | 'post' | 'put', path: string, body: Record<string, unknown>) {
  return request(emu.app)[method](`${API_PATH}/${path}`).set('Content-Type', 'application/json').set('Authorization', TEST_TOKEN).send(JSON.stringify(body));
}
function checkDelete(path: string) {
  return request(emu.app).delete(`${API_PATH}/${path}`).set('Content-Type', 'application/json').set('Authorization', TEST_TOKEN);
}

/** CrudTestBase.getJsonPath: the settings whose name starts with the prefix. */
async function items(body: Record<string, unknown>): Promise<Setting[]> {
  const res = await call('get', 'settings', body);
  expect(res.status).toBe(200);
  return (res.body.response.settings as Setting[]).filter((s) => s.name.startsWith(NAME_PREFIX));
}

/** AccessTokenTests.createTestParam. */
const createTestParam = (id: number) => ({ name: `${NAME_PREFIX}${id}`, permissions: 'Radmin-api' });

async function testCreate(): Promise<void> {
  for (let i = 0; i < NUM; i++) {
    const res = await call('post', 'setting', createTestParam(i));
    expect(res.body.response.created).toBe(true);
    expect(res.body.response.status).toBe(0);
  }
  expect(await items({ size: SEARCH_ALL_NUM })).toHaveLength(NUM);
}

async function testRead(): Promise<void> {
  const all = await items({ size: SEARCH_ALL_NUM });
  const names = all.map((s) => s.name);
  expect(names).toHaveLength(NUM);
  for (let i = 0; i < NUM; i++) expect(names).toContain(`${NAME_PREFIX}${i}`);
  for (const { id } of all) {
    const res = await call('get', `setting/${id}`, { size: SEARCH_ALL_NUM });
    expect(res.body.response.setting.id).toBe(id);
    expect(String(res.body.response.setting.name).startsWith(NAME_PREFIX)).toBe(true);
  }
  // size 1, pages 1..NUM (pages count from 1 in Fess): one setting on each.
  for (let i = 0; i < NUM; i++) {
    const res = await call('get', 'settings', { size: 1, page: i + 1 });
    expect(res.body.response.settings).toHaveLength(1);
  }
}

async function testUpdate(): Promise<void> {
  const keys = Object.keys(createTestParam(0));
  for (const setting of await items({ size: SEARCH_ALL_NUM })) {
    const body: Record<string, unknown> = { permissions: 'Radmin-api2', version_no: 1, id: setting.id };
    for (const key of keys) if (!(key in body)) body[key] = setting[key];
    const res = await call('put', 'setting', body);
    expect(res.body.response.status).toBe(0);
  }
  // AccessTokenTests.checkUpdate: every permissions value is now "{role}admin-api2".
  for (const setting of await items({ size: NUM * 2 })) expect(setting.permissions).toBe('{role}admin-api2');
}

async function testDelete(): Promise<void> {
  for (let count = 0; count < NUM; count++) {
    const [first] = await items({ size: SEARCH_ALL_NUM });
    const res = await checkDelete(`setting/${first!.id}`);
    expect(res.body.response.status).toBe(0);
  }
  expect(await items({ size: SEARCH_ALL_NUM })).toHaveLength(0);
}

describe('Fess live: AccessTokenTests (codelibs/fess integration tests)', () => {
  it('crudTest: create, read, update, delete', async () => {
    await testCreate();
    await testRead();
    await testUpdate();
    await testDelete();
  });

  it('functionTest: testPermission — a created token is read back by id with its name and token', async () => {
    const name = `${NAME_PREFIX}0`;
    const requestBody = { name, permissions: 'Radmin-api' };
    const created = await call('post', 'setting', requestBody);
    const id = created.body.response.id as string;
    const first = await call('get', `setting/${id}`, requestBody);
    const token = first.body.response.setting.token as string;
    expect(token).toMatch(/^[A-Za-z0-9]{60}$/);
    const again = await call('get', `setting/${id}`, requestBody);
    expect(again.body.response.setting.name).toBe(name);
    expect(again.body.response.setting.token).toBe(token);
  });

  it('answers every call in the response envelope with version and status first', async () => {
    const res = await call('get', 'settings', { size: SEARCH_ALL_NUM });
    expect(Object.keys(res.body)).toEqual(['response']);
    expect(Object.keys(res.body.response).slice(0, 2)).toEqual(['version', 'status']);
  });
});
