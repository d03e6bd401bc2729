import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp, standardFixtures } from '../helpers';
import { MODES } from './control';

/** Availo: issue (application password + AccountCode/Password) → use (access_token header) → expire by clock (900 s). No refresh or revoke. */
const START = '2030-01-01T00:00:00.000Z';
const GEN = '/wp-json/availo/v1/api/Account/Generatetoken';
const USE = '/wp-json/availo/v1/api/Employees/List';
const fixtures = { ...standardFixtures, availo: { accounts: [{ AccountCode: 'ACME-01', Password: 'correct horse' }] } };

describe.each(MODES)('availo flow, controls %s', (_mode, controlOf) => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ fixtures, settings: { CLOCK_START: START } });
  });
  afterEach(() => emu.close());

  it('issue → use → expire by clock → reset back to the fixtures', async () => {
    const control = controlOf(emu);
    const issued = await request(emu.app).post(GEN).set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
    expect(issued.status).toBe(200);
    const token = issued.body.Data.accessToken as string;
    const iat = Date.parse(START) / 1000;
    expect(await control.introspect(token)).toMatchObject({ active: true, vendor: 'availo', sub: 'ACME-01', iat, exp: iat + 900 });

    const used = await request(emu.app).get(USE).set('access_token', token).set('authentication_type', 'oauth2');
    expect(used.status).toBe(200);
    expect(used.body.Data.accountCode).toBe('ACME-01');

    await control.advance(899);
    expect((await request(emu.app).get(USE).set('access_token', token)).status).toBe(200);
    await control.advance(2);
    const expired = await request(emu.app).get(USE).set('access_token', token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ Data: null, status: false, message: 'Access token has expired.' });
    expect(await control.introspect(token, 'availo')).toMatchObject({ active: false, vendor: 'availo' });

    await control.reset();
    expect(emu.clock.state().now).toBe(START);
    const again = await request(emu.app).post(GEN).set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
    expect(again.body.status).toBe(true);
  });
});
