/**
 * PureWL Atom: what public API clients of atomapi.com do beyond the seed, replayed against the
 * emulator (sources in docs/purewl.md, "Docs vs live"): a Node.js `PureWLService` (axios) that asks
 * for the token with `secretKey`/`grantType` (form-encoded, `Accept: application/json`), reads
 * `body.accessToken` and `body.expiry`, sends `X-AccessToken` as a header on the account and
 * inventory calls but **as a query parameter** on `GET /vam/v2/status`, and reports failures from
 * `header.message`. The emulator's WordPress layer adds one thing: the application-password Basic
 * header on the token request.
 */
import request from 'supertest';
import type { EmulatorApp } from '../plugin/app';
import { asAdmin, standardApp, standardFixtures } from './helpers';

const BASE = '/wp-json/purewl/v1';
const SECRET = 'SECRET_KEY_GOES_HERE';

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({
    clock: '2025-01-01T00:00:00Z',
    fixtures: { ...standardFixtures, purewl: { resellers: [{ secretKey: SECRET, resellerId: 4242, resellerUid: 'acme-vpn' }] } },
  });
});
afterEach(async () => {
  await emu.close();
});

/** getAccessToken(): form-encoded secret grant; the body's accessToken and expiry. */
async function getAccessToken(): Promise<{ accessToken: string; expiry: number }> {
  const res = await request(emu.app)
    .post(`${BASE}/auth/v1/accessToken`)
    .set('Authorization', asAdmin)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .set('Accept', 'application/json')
    .send(`secretKey=${SECRET}&grantType=secret`);
  expect(res.status).toBe(200);
  return res.body.body as { accessToken: string; expiry: number };
}

describe('PureWL Atom as public clients call it', () => {
  it('takes the token as a query parameter on GET /vam/v2/status and as a header elsewhere', async () => {
    const { accessToken, expiry } = await getAccessToken();
    expect(expiry).toBe(3600);
    const status = await request(emu.app).get(`${BASE}/vam/v2/status?X-AccessToken=${encodeURIComponent(accessToken)}&vpnUsername=someone`);
    expect(status.status).toBe(200);
    expect(status.body.header).toEqual({ code: 1, message: 'success', response_code: 1 });
    expect(status.body.body.path).toBe('/vam/v2/status');
    const enable = await request(emu.app).put(`${BASE}/vam/v2/enable`).set('X-AccessToken', accessToken).type('form').send('vpnUsername=someone');
    expect(enable.status).toBe(200);
    expect(enable.body.body.method).toBe('PUT');
  });

  it('reports a failure in header.message, where these clients read it', async () => {
    const { accessToken } = await getAccessToken();
    emu.clock.advance(3600);
    const res = await request(emu.app).get(`${BASE}/inventory/v3/countries/windows`).set('X-AccessToken', accessToken);
    expect(res.status).toBe(401);
    expect(typeof res.body.header.message).toBe('string');
    expect(res.body.header.message.length).toBeGreaterThan(0);
  });

  it('does not take a Bearer header in place of X-AccessToken (no client or document does so)', async () => {
    const { accessToken } = await getAccessToken();
    const res = await request(emu.app).get(`${BASE}/inventory/v3/countries/windows`).set('Authorization', `Bearer ${accessToken}`);
    expect(res.status).toBe(401);
    expect(res.body.header.code).not.toBe(1);
  });
});
