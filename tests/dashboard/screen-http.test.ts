/**
 * The dashboard screen over HTTP (what the browser test cannot see quickly): who may open
 * wp-admin/admin.php?page=emulator, the admin menu entry, the nonce the page carries, and the screen
 * gone with its plugin.
 */
import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { standardApp } from '../helpers';

const SITE = 'http://127.0.0.1:8080';
let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({ settings: { SITE_URL: SITE } });
});
afterEach(() => emu.close());

async function logIn(login: string, password: string): Promise<string> {
  const res = await request(emu.app)
    .post('/wp-login.php')
    .set('Cookie', 'wordpress_test_cookie=WP%20Cookie%20check')
    .type('form')
    .send({ log: login, pwd: password, 'wp-submit': 'Log In', redirect_to: `${SITE}/wp-admin/`, testcookie: '1' });
  expect(res.status).toBe(302);
  return ((res.headers['set-cookie'] as unknown as string[]) ?? []).map((c) => c.split(';')[0]).join('; ');
}

it('not logged in: the login screen, with redirect_to back to the dashboard', async () => {
  const res = await request(emu.app).get('/wp-admin/admin.php?page=emulator');
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe(`${SITE}/wp-login.php?redirect_to=${encodeURIComponent(`${SITE}/wp-admin/admin.php?page=emulator`)}&reauth=1`);
});

it('an administrator gets the screen, linked from the admin menu, with a wp_rest nonce the REST API accepts', async () => {
  const cookie = await logIn('admin', 'password');
  const res = await request(emu.app).get('/wp-admin/admin.php?page=emulator').set('Cookie', cookie).expect(200);
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.text).toContain(`<li class="current"><a href="${SITE}/wp-admin/admin.php?page=emulator" aria-current="page">Emulator</a></li>`);
  const nonce = /"nonce":"([0-9a-f]{10})"/.exec(res.text)![1]!;
  const tokens = await request(emu.app).get('/wp-json/emulator/v1/tokens').set('Cookie', cookie).set('X-WP-Nonce', nonce);
  expect(tokens.status).toBe(200);
  expect(tokens.body.tokens).toEqual([]);
  // Without the nonce the browser is anonymous to the REST API, as in WordPress.
  expect((await request(emu.app).get('/wp-json/emulator/v1/tokens').set('Cookie', cookie)).status).toBe(401);
});

it('an editor has no menu entry and gets WordPress\'s 403; an unknown page too', async () => {
  const cookie = await logIn('alice', 'alice-pass');
  const home = await request(emu.app).get('/wp-admin/').set('Cookie', cookie).expect(200);
  expect(home.text).not.toContain('admin.php?page=emulator');
  const res = await request(emu.app).get('/wp-admin/admin.php?page=emulator').set('Cookie', cookie);
  expect(res.status).toBe(403);
  expect(res.text).toContain('Sorry, you are not allowed to access this page.');
  const admin = await logIn('admin', 'password');
  expect((await request(emu.app).get('/wp-admin/admin.php?page=nope').set('Cookie', admin)).status).toBe(403);
});

it('deactivating the test-control plugin takes the screen and its menu entry away', async () => {
  const cookie = await logIn('admin', 'password');
  const registry = emu.site.pluginRegistry!;
  registry.setStatus(registry.find('emulator')!, 'inactive');
  expect((await request(emu.app).get('/wp-admin/admin.php?page=emulator').set('Cookie', cookie)).status).toBe(403);
  expect((await request(emu.app).get('/wp-admin/').set('Cookie', cookie)).text).not.toContain('page=emulator');
});
