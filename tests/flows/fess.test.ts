import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp } from '../helpers';
import { MODES } from './control';

/**
 * Fess: issue (create an access-token setting with an expiredTime) → use (/json/ search with the
 * token) → expire by clock → revoke (delete the setting).
 */
const START = '2030-01-01T00:00:00.000Z';
const T0 = Date.parse(START);
const ADMIN = '/wp-json/fess/v1/api/admin/accesstoken';
const SEARCH = '/wp-json/fess/v1/json/';

describe.each(MODES)('fess flow, controls %s', (_mode, controlOf) => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { CLOCK_START: START } });
  });
  afterEach(() => emu.close());

  const create = (body: object) => request(emu.app).post(`${ADMIN}/setting`).set('Authorization', asAdmin).send(body);
  const search = (token: string) => request(emu.app).get(SEARCH).query({ q: 'test' }).set('Authorization', `Bearer ${token}`);

  it('issue → use → expire by clock', async () => {
    const control = controlOf(emu);
    const created = await create({ name: 'Expiring', permissions: ['guest'], expiredTime: T0 + 3_600_000 });
    expect(created.status).toBe(200);
    const token = created.body.response.token as string;
    expect(await control.introspect(token)).toMatchObject({ active: true, vendor: 'fess', sub: 'Expiring', exp: T0 / 1000 + 3600 });
    expect((await search(token)).status).toBe(200);

    await control.advance(3601);
    const expired = await search(token);
    expect(expired.status).toBe(401);
    expect(expired.body.response.message).toBe('The access token has expired.');
    expect((await control.introspect(token, 'fess')).active).toBe(false);
  });

  it('issue → use → revoke (delete)', async () => {
    const control = controlOf(emu);
    const created = await create({ name: 'Revocable', permissions: ['guest'] });
    const { id, token } = created.body.response as { id: string; token: string };
    expect((await search(token)).status).toBe(200);
    expect((await control.introspect(token)).active).toBe(true);

    const deleted = await request(emu.app).delete(`${ADMIN}/setting/${id}`).set('Authorization', asAdmin);
    expect(deleted.status).toBe(200);
    expect((await search(token)).status).toBe(401);
    expect((await control.introspect(token)).active).toBe(false);
  });
});
