/**
 * HAR 1.2 export of the journal: the conversion of real journal entries (requests with every kind of
 * secret in them) is valid against the HAR 1.2 schema and holds none of the secrets.
 */
import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { toHar, type HarSourceEntry } from '../../wp-json/emulator/v1/journal/har';
import { ADMIN_PASSWORD, asAdmin, standardApp, standardFixtures } from '../helpers';
import { harErrors } from './har-schema';

const GEN = '/wp-json/availo/v1/api/Account/Generatetoken';
const ECHO = '/wp-json/availo/v1/api/Attendance/GetEmployees';
const ACCOUNT_PASSWORD = 'correct horse battery';

let emu: EmulatorApp;
let token: string;
beforeAll(async () => {
  emu = await standardApp({
    clock: '2030-01-01T00:00:00Z',
    fixtures: { ...standardFixtures, availo: { accounts: [{ AccountCode: 'ACME-01', Password: ACCOUNT_PASSWORD }] } },
  });
  const res = await request(emu.app).post(GEN).set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: ACCOUNT_PASSWORD }).expect(200);
  token = res.body.Data.accessToken;
  await request(emu.app).get(`${ECHO}?access_token=${encodeURIComponent(token)}&page=2`).set('Authorization', asAdmin).set('X-AccessToken', token);
  await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).type('form').send({ username: 'x', password: 'hunter2-secret' });
  await request(emu.app).get('/');
});
afterAll(() => emu.close());

describe('HAR export of the journal', () => {
  it('is valid HAR 1.2 by the schema, one entry per journal entry, absolute URLs', () => {
    const entries = emu.journal.list() as HarSourceEntry[];
    const har = toHar(entries, { baseUrl: 'http://127.0.0.1:8080/', version: '0.1.0' });
    expect(harErrors(har)).toEqual([]);
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(entries.length);
    const gen = har.log.entries[0]!;
    expect(gen.request.url).toBe(`http://127.0.0.1:8080${GEN}`);
    expect(gen.request.method).toBe('POST');
    expect(gen.response.status).toBe(200);
    expect(gen.response.statusText).toBe('OK');
    expect(gen.startedDateTime).toBe('2030-01-01T00:00:00.000Z');
    expect(gen._emulator).toMatchObject({ namespace: 'availo/v1', user: 'admin' });
    expect(JSON.parse(gen.response.content.text!)).toMatchObject({ status: true, Data: { accessToken: '[redacted]' } });
    expect(har.log.entries[1]!.request.queryString).toEqual(expect.arrayContaining([{ name: 'page', value: '2' }]));
  });

  it('the schema check can fail: a HAR missing what 1.2 requires is rejected', () => {
    const har = toHar(emu.journal.list() as HarSourceEntry[], { baseUrl: 'http://127.0.0.1:8080' });
    const broken = JSON.parse(JSON.stringify(har));
    delete broken.log.entries[0].response.content;
    broken.log.entries[1].startedDateTime = 'yesterday';
    expect(harErrors(broken).join('\n')).toMatch(/content/);
    expect(harErrors(broken).join('\n')).toMatch(/date-time/);
  });

  it('holds no secret: application password, vendor password, token, login password', () => {
    const text = JSON.stringify(toHar(emu.journal.list() as HarSourceEntry[], { baseUrl: 'http://127.0.0.1:8080' }));
    for (const secret of [ADMIN_PASSWORD, ADMIN_PASSWORD.replace(/ /g, ''), ACCOUNT_PASSWORD, token, encodeURIComponent(token), 'hunter2-secret', asAdmin.slice(6)]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });
});
