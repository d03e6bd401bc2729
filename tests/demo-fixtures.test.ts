import * as path from 'node:path';
import request from 'supertest';
import { createApp } from '../plugin/app';
import type { EmulatorApp } from '../plugin/app';
import { basic } from './helpers';
import { checkResponsesOf } from './openapi/response-hook';

/** The README's and vendor pages' demo examples run on examples/demo-fixtures.json: keep them true. */
describe('examples/demo-fixtures.json', () => {
  let emu: EmulatorApp;
  const admin = basic('admin', 'AAAA BBBB CCCC DDDD EEEE FFFF');
  beforeAll(async () => {
    emu = await createApp({ fixtures: path.join(__dirname, '..', 'examples', 'demo-fixtures.json'), settings: { BCRYPT_COST: 4 } });
    checkResponsesOf(emu); // answers checked against the OpenAPI document, as standardApp()'s are
  });
  afterAll(() => emu.close());

  it('README: users/me with the demo admin password', async () => {
    const res = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body.slug).toBe('admin');
  });

  it('README: the Everest Backup seed request', async () => {
    const res = await request(emu.app).post('/wp-json/everest-backup/v1/access-token').set('Authorization', admin).set('Content-Type', 'application/json').send('{"action": "Test action"}');
    expect(res.status).toBe(200);
    expect(res.body.action).toBe('ebwp-test-action');
    expect(res.body.access_token).toMatch(/^[0-9a-f]{10}:[0-9a-f]{32}$/);
  });

  it('the demo Availo account issues a token', async () => {
    const res = await request(emu.app).post('/wp-json/availo/v1/api/Account/Generatetoken').set('Authorization', admin).send({ AccountCode: 'DEMO-ACCOUNT', Password: 'demo-password' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(true);
  });

  it("the seed's PureWL curl works with the demo reseller", async () => {
    const res = await request(emu.app).post('/wp-json/purewl/v1/auth/v1/accessToken').set('Authorization', admin).type('form').send('secretKey=SECRET_KEY_GOES_HERE&grantType=secret');
    expect(res.status).toBe(200);
    expect(res.body.body).toMatchObject({ resellerId: 4242, resellerUid: 'acme-vpn', expiry: 3600 });
  });

  it('the demo Fess admin-api token lists settings', async () => {
    const res = await request(emu.app).get('/wp-json/fess/v1/api/admin/accesstoken/settings').set('Authorization', 'Bearer demoAdminApiToken0123456789');
    expect(res.status).toBe(200);
    expect(res.body.response.status).toBe(0);
  });

  it('the editor is not allowed to issue tokens', async () => {
    const res = await request(emu.app).post('/wp-json/everest-backup/v1/access-token').set('Authorization', basic('editor', 'GGGG HHHH IIII JJJJ KKKK LLLL')).send({ action: 'x' });
    expect(res.status).toBe(403);
  });
});
