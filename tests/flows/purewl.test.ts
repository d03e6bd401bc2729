import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp, standardFixtures } from '../helpers';
import { MODES } from './control';

/**
 * PureWL Atom: issue (secretKey grant) → use (X-AccessToken) → expire by clock (3600 s) → refresh
 * (rotation) → revoke (reusing a spent refresh token revokes the whole grant).
 */
const START = '2030-01-01T00:00:00.000Z';
const SECRET = 'SECRET_KEY_GOES_HERE';
const TOKEN_URL = '/wp-json/purewl/v1/auth/v1/accessToken';
const USE = '/wp-json/purewl/v1/inventory/v1/servers';
const fixtures = { ...standardFixtures, purewl: { resellers: [{ secretKey: SECRET, resellerId: 4242, resellerUid: 'acme-vpn' }] } };

describe.each(MODES)('purewl flow, controls %s', (_mode, controlOf) => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ fixtures, settings: { CLOCK_START: START } });
  });
  afterEach(() => emu.close());

  const grant = (body: string) => request(emu.app).post(TOKEN_URL).set('Authorization', asAdmin).type('form').send(body);
  const use = (token: string) => request(emu.app).get(USE).set('X-AccessToken', token);

  it('issue → use → expire by clock → refresh → revoke by refresh-token reuse', async () => {
    const control = controlOf(emu);
    const first = await grant(`secretKey=${SECRET}&grantType=secret`);
    expect(first.status).toBe(200);
    const { accessToken, refreshToken, expiry } = first.body.body as { accessToken: string; refreshToken: string; expiry: number };
    expect(expiry).toBe(3600);
    expect(await control.introspect(accessToken)).toMatchObject({ active: true, vendor: 'purewl' });

    expect((await use(accessToken)).status).toBe(200);
    await control.advance(3600);
    const expired = await use(accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body.header.code).toBe(4023);
    expect((await control.introspect(accessToken, 'purewl')).active).toBe(false);

    const refreshed = await grant(`refreshToken=${encodeURIComponent(refreshToken)}&grantType=refresh`);
    expect(refreshed.status).toBe(200);
    const second = refreshed.body.body as { accessToken: string; refreshToken: string };
    expect((await use(second.accessToken)).status).toBe(200);
    expect((await control.introspect(second.accessToken)).active).toBe(true);

    // The spent refresh token again: theft, so the whole grant (the new pair included) is revoked.
    const reuse = await grant(`refreshToken=${encodeURIComponent(refreshToken)}&grantType=refresh`);
    expect(reuse.status).toBe(401);
    expect(reuse.body.header.code).toBe(4014);
    expect((await use(second.accessToken)).body.header.code).toBe(4024);
    expect((await control.introspect(second.accessToken)).active).toBe(false);
    expect((await control.introspect(second.refreshToken, 'purewl')).active).toBe(false);
  });
});
