import request from 'supertest';
import { bcrypt } from '../../core/auth/bcrypt';
import { createLogger } from '../../core/log';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp } from '../helpers';

/**
 * The login and admin screens and cookie authentication over HTTP (no browser): what WordPress 6.8
 * answers, as seen on wp-oracle (field names, cookie names, redirects, REST cookie-nonce answers).
 * The same flows in a real browser: tests/browser/*.browser.test.ts.
 */

const SITE = 'http://127.0.0.1:8882';
let emulator: EmulatorApp;

beforeAll(async () => {
  emulator = await standardApp({ settings: { SITE_URL: SITE } });
});
afterAll(() => emulator.close());

/** md5('http://127.0.0.1:8882'): WordPress's COOKIEHASH for that site URL, as wp-oracle sends it. */
const HASH = '04b862c9da7d0876ad1bff774a26caf5';

function cookieJar(setCookies: string[] | undefined): string {
  return (setCookies ?? []).map((c) => c.split(';')[0]).join('; ');
}

async function logIn(login = 'admin', password = 'password', app = emulator.app): Promise<{ cookie: string; location: string }> {
  const res = await request(app)
    .post('/wp-login.php')
    .set('Cookie', 'wordpress_test_cookie=WP%20Cookie%20check')
    .type('form')
    .send({ log: login, pwd: password, 'wp-submit': 'Log In', redirect_to: `${SITE}/wp-admin/`, testcookie: '1' });
  expect(res.status).toBe(302);
  const setCookies = res.headers['set-cookie'] as unknown as string[];
  // The logged-in cookie (path /) and the auth cookie (path /wp-admin) carry the same session.
  const loggedIn = setCookies.find((c) => c.startsWith(`wordpress_logged_in_${HASH}=`) && c.includes('path=/;'))!;
  const auth = setCookies.find((c) => c.startsWith(`wordpress_${HASH}=`) && c.includes('path=/wp-admin'))!;
  return { cookie: cookieJar([loggedIn, auth, 'wordpress_test_cookie=WP%20Cookie%20check']), location: res.headers.location as string };
}

function nonceOf(html: string): string {
  return /"nonce":"([0-9a-f]{10})"/.exec(html)![1]!;
}

describe('wp-login.php', () => {
  test('the form has WordPress field names, the test cookie and X-Frame-Options', async () => {
    const res = await request(emulator.app).get('/wp-login.php');
    expect(res.status).toBe(200);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['set-cookie']).toEqual(['wordpress_test_cookie=WP%20Cookie%20check; path=/; HttpOnly']);
    for (const name of ['log', 'pwd', 'rememberme', 'wp-submit', 'redirect_to', 'testcookie']) expect(res.text).toContain(`name="${name}"`);
    expect(res.text).toContain(`name="redirect_to" value="${SITE}/wp-admin/"`);
  });

  test('logging in sets WordPress cookie names and paths and redirects to redirect_to', async () => {
    const res = await request(emulator.app)
      .post('/wp-login.php')
      .set('Cookie', 'wordpress_test_cookie=WP%20Cookie%20check')
      .type('form')
      .send({ log: 'admin', pwd: 'password', redirect_to: `${SITE}/wp-admin/profile.php`, testcookie: '1' });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${SITE}/wp-admin/profile.php`);
    expect(res.headers['x-redirect-by']).toBe('WordPress');
    const paths = (res.headers['set-cookie'] as unknown as string[]).map((c) => `${c.split('=')[0]} ${/path=([^;]*)/.exec(c)![1]}`);
    expect(paths).toEqual([
      'wordpress_test_cookie /',
      `wordpress_${HASH} /wp-content/plugins`,
      `wordpress_${HASH} /wp-admin`,
      `wordpress_logged_in_${HASH} /`,
    ]);
  });

  test('a wrong password shows WordPress\'s error and sets no login cookie', async () => {
    const res = await request(emulator.app)
      .post('/wp-login.php')
      .set('Cookie', 'wordpress_test_cookie=WP%20Cookie%20check')
      .type('form')
      .send({ log: 'admin', pwd: 'wrong', testcookie: '1' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('The password you entered for the username <strong>admin</strong> is incorrect.');
    expect((res.headers['set-cookie'] as unknown as string[]).join()).not.toContain('logged_in');
  });

  test('a login whose user got a new password, or was deleted, while bcrypt compared does not sign in', async () => {
    const site = await standardApp({ settings: { SITE_URL: SITE } });
    let release!: () => void;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const real = bcrypt().compare;
    const comparing = jest.spyOn(bcrypt(), 'compare').mockImplementation((async (secret: string, hash: string) => {
      await gate;
      return real(secret, hash);
    }) as typeof real);
    const attempt = (login: string, pwd: string) =>
      request(site.app).post('/wp-login.php').set('Cookie', 'wordpress_test_cookie=WP%20Cookie%20check').type('form').send({ log: login, pwd, testcookie: '1' }).then((r) => r);
    const whileComparing = async (calls: number) => {
      while (comparing.mock.calls.length < calls) await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      const first = attempt('admin', 'password');
      await whileComparing(1);
      expect((await request(site.app).post('/wp-json/wp/v2/users/1').set('Authorization', asAdmin).send({ password: 'a new one' })).status).toBe(200);
      release();
      const refused = await first;
      expect(refused.status).toBe(200);
      expect(refused.text).toContain('The password you entered for the username <strong>admin</strong> is incorrect.');
      expect(((refused.headers['set-cookie'] as unknown as string[]) ?? []).join()).not.toContain('logged_in');
      gate = new Promise<void>((resolve) => (release = resolve));
      const second = attempt('alice', 'alice-pass');
      await whileComparing(2);
      expect((await request(site.app).delete('/wp-json/wp/v2/users/2?force=true&reassign=1').set('Authorization', asAdmin)).status).toBe(200);
      release();
      const gone = await second;
      expect(gone.text).toContain('The username <strong>alice</strong> is not registered on this site.');
      expect(((gone.headers['set-cookie'] as unknown as string[]) ?? []).join()).not.toContain('logged_in');
    } finally {
      release();
      comparing.mockRestore();
      await site.close();
    }
  });

  test('an application password is not a login password', async () => {
    const res = await request(emulator.app)
      .post('/wp-login.php')
      .set('Cookie', 'wordpress_test_cookie=WP%20Cookie%20check')
      .type('form')
      .send({ log: 'admin', pwd: 'AAAA BBBB CCCC DDDD EEEE FFFF', testcookie: '1' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="login_error"');
  });

  // Each pair answered the same by the wp-oracle's wp-login.php (WordPress 6.8): wp_authenticate
  // runs the username through sanitize_user and trims the password, PHP's empty() takes '0'.
  describe('the form read as wp_authenticate reads it', () => {
    const post = (log: string, pwd: string) =>
      request(emulator.app).post('/wp-login.php').set('Cookie', 'wordpress_test_cookie=WP%20Cookie%20check').type('form').send({ log, pwd, 'wp-submit': 'Log In', testcookie: '1' });
    const notice = (html: string) => /<div id="login_error"[^>]*>(.*?)<\/div>/s.exec(html)?.[1];
    const shown = (html: string) => /name="log" id="user_login"[^>]* value="([^"]*)"/.exec(html)?.[1];

    test('spaces around the username or the password, and tags in the username, still log in', async () => {
      for (const [log, pwd] of [[' admin ', 'password'], ['admin', ' password '], ['adm<b>in</b>', 'password']] as const) {
        const res = await post(log, pwd);
        expect([log, pwd, res.status]).toEqual([log, pwd, 302]);
      }
    });

    test("'0' is an empty field; both empty are listed one by one", async () => {
      const zeroPassword = await post('admin', '0');
      expect(notice(zeroPassword.text)).toBe('<p><strong>Error:</strong> The password field is empty.</p>');
      expect(shown(zeroPassword.text)).toBe('admin');
      const zeroName = await post('0', 'password');
      expect(notice(zeroName.text)).toBe('<p><strong>Error:</strong> The username field is empty.</p>');
      expect(shown(zeroName.text)).toBe('');
      const both = await post('', '');
      expect(notice(both.text)).toBe('<ul class="login-error-list"><li><strong>Error:</strong> The username field is empty.</li><li><strong>Error:</strong> The password field is empty.</li></ul>');
    });

    test('the username comes back in the form only after a wrong password, as typed', async () => {
      const wrong = await post('ad%41min', 'wrong');
      expect(notice(wrong.text)).toContain('The password you entered for the username <strong>admin</strong> is incorrect.');
      expect(shown(wrong.text)).toBe('ad%41min');
      const unknown = await post('nobody', 'x');
      expect(notice(unknown.text)).toBe('<p><strong>Error:</strong> The username <strong>nobody</strong> is not registered on this site. If you are unsure of your username, try your email address instead.</p>');
      expect(shown(unknown.text)).toBe('');
      const unknownEmail = await post('nobody@example.com', 'x');
      expect(notice(unknownEmail.text)).toBe('<p>Unknown email address. Check again or try your username.</p>');
      expect(shown(unknownEmail.text)).toBe('');
    });
  });

  test('a logged-in browser still gets the form; reauth=1 clears its cookies first', async () => {
    const { cookie } = await logIn();
    const form = await request(emulator.app).get('/wp-login.php').set('Cookie', cookie);
    expect(form.status).toBe(200);
    expect(form.text).toContain('id="loginform"');
    const reauth = await request(emulator.app).get('/wp-login.php?reauth=1').set('Cookie', cookie);
    const cleared = (reauth.headers['set-cookie'] as unknown as string[]).filter((c) => /=%20; expires=.*Max-Age=0/.test(c)).map((c) => c.split('=')[0]);
    expect(cleared).toEqual([`wordpress_${HASH}`, `wordpress_${HASH}`, `wordpress_logged_in_${HASH}`]);
  });

  test('a form body over the limit gets an error page, not a 500', async () => {
    const res = await request(emulator.app).post('/wp-login.php').type('form').send(`log=${'a'.repeat(1_100_000)}&pwd=x`);
    expect(res.status).toBe(413);
    expect(res.text).toContain('The form sent more data than the site accepts.');
  });

  test('without the test cookie: "Cookies are blocked"', async () => {
    const res = await request(emulator.app).post('/wp-login.php').type('form').send({ log: 'admin', pwd: 'password', testcookie: '1' });
    expect(res.text).toContain('Cookies are blocked or not supported by your browser.');
  });

  test('an off-site redirect_to falls back to wp-admin/; a subscriber lands on the profile', async () => {
    const res = await request(emulator.app)
      .post('/wp-login.php')
      .set('Cookie', 'wordpress_test_cookie=x')
      .type('form')
      .send({ log: 'admin', pwd: 'password', redirect_to: 'https://evil.example/', testcookie: '1' });
    expect(res.headers.location).toBe(`${SITE}/wp-admin/`);
  });

  test('logging out needs the log-out nonce, ends the session and redirects to ?loggedout=true', async () => {
    const { cookie } = await logIn();
    const bad = await request(emulator.app).get('/wp-login.php?action=logout&_wpnonce=bad').set('Cookie', cookie);
    expect(bad.status).toBe(403);
    expect(bad.text).toContain('Do you really want to <a href=');
    const link = /href="([^"]*action=logout[^"]*)"/.exec(bad.text)![1]!.replace(/&amp;/g, '&').replace(SITE, '');
    const out = await request(emulator.app).get(link).set('Cookie', cookie);
    expect(out.status).toBe(302);
    expect(out.headers.location).toBe(`${SITE}/wp-login.php?loggedout=true&wp_lang=en_US`);
    // The old cookie no longer logs anyone in.
    const after = await request(emulator.app).get('/wp-admin/profile.php').set('Cookie', cookie);
    expect(after.status).toBe(302);
  });
});

describe('wp-admin screens', () => {
  test('not logged in: wp-login.php with redirect_to back and reauth=1, as WordPress', async () => {
    const res = await request(emulator.app).get('/wp-admin/profile.php');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${SITE}/wp-login.php?redirect_to=http%3A%2F%2F127.0.0.1%3A8882%2Fwp-admin%2Fprofile.php&reauth=1`);
    const flow = await request(emulator.app).get('/wp-admin/authorize-application.php?app_name=Foo&success_url=https%3A%2F%2Fexample.com%2Fcb');
    expect(flow.headers.location).toBe(
      `${SITE}/wp-login.php?redirect_to=http%3A%2F%2F127.0.0.1%3A8882%2Fwp-admin%2Fauthorize-application.php%3Fapp_name%3DFoo%26success_url%3Dhttps%253A%252F%252Fexample.com%252Fcb&reauth=1`,
    );
  });

  test('profile.php lists the application passwords with WordPress\'s names and ids', async () => {
    const { cookie } = await logIn();
    const res = await request(emulator.app).get('/wp-admin/profile.php').set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    for (const id of ['new_application_password_name', 'do_new_application_password', 'revoke-all-application-passwords', 'revoke-application-password-11111111-1111-4111-8111-111111111111']) {
      expect(res.text).toContain(`id="${id}"`);
    }
    expect(res.text).toContain('November 14, 2023');
  });

  test('user-edit.php: one\'s own id goes to profile.php; an editor may not edit others', async () => {
    const admin = await logIn();
    const own = await request(emulator.app).get('/wp-admin/user-edit.php?user_id=1').set('Cookie', admin.cookie);
    expect(own.headers.location).toBe(`${SITE}/wp-admin/profile.php`);
    const other = await request(emulator.app).get('/wp-admin/user-edit.php?user_id=2').set('Cookie', admin.cookie);
    expect(other.status).toBe(200);
    expect(other.text).toContain('data-user-id="2"');
    const editor = await logIn('alice', 'alice-pass');
    const denied = await request(emulator.app).get('/wp-admin/user-edit.php?user_id=1').set('Cookie', editor.cookie);
    expect(denied.status).toBe(403);
  });
});

describe('plugins.php and users.php', () => {
  test('activate/deactivate links carry WordPress\'s per-plugin nonce; a bad one is refused', async () => {
    const { cookie } = await logIn();
    const page = await request(emulator.app).get('/wp-admin/plugins.php').set('Cookie', cookie);
    const link = /href="([^"]*action=deactivate&amp;plugin=availo%2Favailo\.php[^"]*)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8882\/wp-admin\/plugins\.php\?action=deactivate&plugin=availo%2Favailo\.php&plugin_status=all&paged=1&s&_wpnonce=[0-9a-f]{10}$/);
    const forged = await request(emulator.app).get(link.replace(SITE, '').replace(/_wpnonce=\w+/, '_wpnonce=bad')).set('Cookie', cookie);
    expect(forged.status).toBe(403);
    expect(emulator.site.pluginRegistry!.activeIds().has('availo')).toBe(true);
    const done = await request(emulator.app).get(link.replace(SITE, '')).set('Cookie', cookie);
    expect(done.headers.location).toBe(`${SITE}/wp-admin/plugins.php?deactivate=true&plugin_status=all&paged=1&s=`);
    expect(emulator.site.pluginRegistry!.activeIds().has('availo')).toBe(false);
    emulator.site.pluginRegistry!.setStatus(emulator.site.pluginRegistry!.find('availo')!, 'active');
  });

  test('an editor may neither manage plugins nor list users; users.php links each user to their screen', async () => {
    const { cookie } = await logIn('alice', 'alice-pass');
    expect((await request(emulator.app).get('/wp-admin/plugins.php').set('Cookie', cookie)).status).toBe(403);
    expect((await request(emulator.app).get('/wp-admin/users.php').set('Cookie', cookie)).status).toBe(403);
    const admin = await logIn();
    const users = await request(emulator.app).get('/wp-admin/users.php').set('Cookie', admin.cookie);
    expect(users.text).toContain(`href="${SITE}/wp-admin/user-edit.php?user_id=2&amp;wp_http_referer=%2Fwp-admin%2Fusers.php"`);
    expect(users.text).toContain(`href="${SITE}/wp-admin/profile.php?wp_http_referer=%2Fwp-admin%2Fusers.php"`);
  });

  test("users.php's Name and Role columns as WP_Users_List_Table writes them: a dash without names, None without a role", async () => {
    const sam = emulator.users.byId(3)!;
    const before = { ...sam };
    try {
      emulator.users.update({ ...sam, firstName: '', lastName: 'Sample', roles: [] });
      const admin = await logIn();
      let users = await request(emulator.app).get('/wp-admin/users.php').set('Cookie', admin.cookie);
      const row = (text: string, id: number) => new RegExp(`<tr id="user-${id}">.*?</tr>`).exec(text)?.[0] ?? '';
      expect(row(users.text, 3)).toContain('<td class="name column-name">Sample</td>');
      expect(row(users.text, 3)).toContain('<td class="role column-role">None</td>');
      // admin has a display name but neither first nor last name (recorded from WordPress 6.8's users.php).
      expect(row(users.text, 1)).toContain('<td class="name column-name"><span aria-hidden="true">&#8212;</span><span class="screen-reader-text">Unknown</span></td>');
      // user-edit.php: the role's name, or WordPress's line for no role.
      const edit = await request(emulator.app).get('/wp-admin/user-edit.php?user_id=3').set('Cookie', admin.cookie);
      expect(edit.text).toContain('<th scope="row">Role</th><td>— No role for this site —</td>');
      const own = await request(emulator.app).get('/wp-admin/profile.php').set('Cookie', admin.cookie);
      expect(own.text).toContain('<th scope="row">Role</th><td>Administrator</td>');
      emulator.users.update({ ...sam, firstName: 'Sam', lastName: 'Sample' });
      users = await request(emulator.app).get('/wp-admin/users.php').set('Cookie', admin.cookie);
      expect(row(users.text, 3)).toContain('<td class="name column-name">Sam Sample</td>');
    } finally {
      emulator.users.update(before);
    }
  });

  test('a name saved with its entities (as wp_insert_user saves it) shows once encoded, as esc_html writes it', async () => {
    const alice = emulator.users.byId(2)!;
    const before = { ...alice };
    try {
      emulator.users.update({ ...alice, firstName: 'Tom &amp; "Jerry"', lastName: '&lt;b&gt;' });
      const admin = await logIn();
      const users = await request(emulator.app).get('/wp-admin/users.php').set('Cookie', admin.cookie);
      expect(users.text).toContain('<td class="name column-name">Tom &amp; &quot;Jerry&quot; &lt;b&gt;</td>');
      expect(users.text).not.toContain('&amp;amp;');
    } finally {
      emulator.users.update(before);
    }
  });
});

describe('cookie authentication of the REST API (rest_cookie_check_errors)', () => {
  test('cookie + X-WP-Nonce: logged in, with a fresh X-WP-Nonce; cookie alone: anonymous; bad nonce: 403', async () => {
    const { cookie } = await logIn();
    const page = await request(emulator.app).get('/wp-admin/profile.php').set('Cookie', cookie);
    const nonce = nonceOf(page.text);
    const ok = await request(emulator.app).get('/wp-json/wp/v2/users/me').set('Cookie', cookie).set('X-WP-Nonce', nonce);
    expect(ok.status).toBe(200);
    expect(ok.body.id).toBe(1);
    expect(ok.headers['x-wp-nonce']).toBe(nonce);
    const viaQuery = await request(emulator.app).get(`/wp-json/wp/v2/users/me?_wpnonce=${nonce}`).set('Cookie', cookie);
    expect(viaQuery.status).toBe(200);
    const none = await request(emulator.app).get('/wp-json/wp/v2/users/me').set('Cookie', cookie);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('rest_not_logged_in');
    const bad = await request(emulator.app).get('/wp-json/wp/v2/users/me').set('Cookie', cookie).set('X-WP-Nonce', 'bad');
    expect(bad.status).toBe(403);
    expect(bad.body).toEqual({ code: 'rest_cookie_invalid_nonce', message: 'Cookie check failed', data: { status: 403 } });
    const index = await request(emulator.app).get('/wp-json/?_wpnonce=bad').set('Cookie', cookie);
    expect(index.status).toBe(403);
  });

  test('introspecting with cookie auth: no application password (rest_no_authenticated_app_password)', async () => {
    const { cookie } = await logIn();
    const nonce = nonceOf((await request(emulator.app).get('/wp-admin/profile.php').set('Cookie', cookie)).text);
    const res = await request(emulator.app).get('/wp-json/wp/v2/users/me/application-passwords/introspect').set('Cookie', cookie).set('X-WP-Nonce', nonce);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('rest_no_authenticated_app_password');
  });

  test('a bad nonce without any cookie is refused too; Basic auth ignores the nonce', async () => {
    const res = await request(emulator.app).get('/wp-json/wp/v2/users/me').set('X-WP-Nonce', 'bad');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('rest_cookie_invalid_nonce');
    const basic = await request(emulator.app).get('/wp-json/wp/v2/users/me').set('Authorization', asAdmin).set('X-WP-Nonce', 'bad');
    expect(basic.status).toBe(200);
  });
});

describe('authorize-application.php', () => {
  const APP_ID = 'a1b2c3d4-0000-4000-8000-000000000000';
  async function form(cookie: string, query: string) {
    const res = await request(emulator.app).get(`/wp-admin/authorize-application.php?${query}`).set('Cookie', cookie);
    return { res, nonce: /name="_wpnonce" value="([^"]*)"/.exec(res.text)?.[1] };
  }

  test('the form has WordPress\'s fields; reject_url defaults to success_url?success=false', async () => {
    const { cookie } = await logIn();
    const { res } = await form(cookie, `app_name=Foo&app_id=${APP_ID}&success_url=http%3A%2F%2F127.0.0.1%3A9999%2Fcb`);
    expect(res.status).toBe(200);
    for (const name of ['_wpnonce', '_wp_http_referer', 'action', 'app_id', 'success_url', 'reject_url', 'app_name', 'approve', 'reject']) expect(res.text).toContain(`name="${name}"`);
    expect(res.text).toContain('name="reject_url" value="http://127.0.0.1:9999/cb?success=false"');
    expect(res.text).toContain(`http://127.0.0.1:9999/cb?site_url=${SITE}&amp;user_login=admin&amp;password=[------]`);
  });

  test('approve redirects to success_url with site_url, user_login and password, which then works', async () => {
    const { cookie } = await logIn();
    const { nonce } = await form(cookie, 'app_name=Foo');
    const res = await request(emulator.app)
      .post('/wp-admin/authorize-application.php')
      .set('Cookie', cookie)
      .type('form')
      .send({ _wpnonce: nonce, action: 'authorize_application_password', app_id: APP_ID, success_url: 'http://127.0.0.1:9999/cb?x=1', reject_url: '', app_name: 'Foo', approve: 'Yes' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:9999/cb');
    expect([...location.searchParams.keys()]).toEqual(['x', 'site_url', 'user_login', 'password']);
    expect(location.searchParams.get('site_url')).toBe(SITE);
    const password = location.searchParams.get('password')!;
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    const me = await request(emulator.app).get('/wp-json/wp/v2/users/me').set('Authorization', 'Basic ' + Buffer.from(`admin:${password}`).toString('base64'));
    expect(me.status).toBe(200);
    // The journal (which keeps response headers) does not show the new password.
    const journal = JSON.stringify(emulator.journal.list());
    expect(journal).toContain("authorize-application.php");
    expect(journal).not.toContain(password);
    const item = emulator.applicationPasswords.list(1).find((p) => p.name === 'Foo')!;
    expect(item.appId).toBe(APP_ID);
  });

  test('reject goes to reject_url as given, or wp-admin/ without one; a bad nonce is refused', async () => {
    const { cookie } = await logIn();
    const { nonce } = await form(cookie, 'app_name=Foo');
    const post = (body: Record<string, string>) => request(emulator.app).post('/wp-admin/authorize-application.php').set('Cookie', cookie).type('form').send({ action: 'authorize_application_password', app_name: 'Foo', app_id: '', ...body });
    const rejected = await post({ _wpnonce: nonce!, success_url: 'http://127.0.0.1:9999/cb', reject_url: 'http://127.0.0.1:9999/no?a=b', reject: 'No' });
    expect(rejected.headers.location).toBe('http://127.0.0.1:9999/no?a=b');
    const noReject = await post({ _wpnonce: nonce!, success_url: 'http://127.0.0.1:9999/cb', reject_url: '', reject: 'No' });
    expect(noReject.headers.location).toBe(`${SITE}/wp-admin/`);
    const forged = await post({ _wpnonce: 'bad', success_url: 'http://127.0.0.1:9999/cb', reject_url: '', approve: 'Yes' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('The link you followed has expired.');
  });

  test('javascript: success_url: "Invalid URL format." and no approve button; app_id must be a UUID', async () => {
    const { cookie } = await logIn();
    const { res } = await form(cookie, 'app_name=Foo&success_url=javascript%3Aalert(1)');
    expect(res.status).toBe(500);
    expect(res.text).toContain('The Authorize Application request is not allowed. Invalid URL format. Invalid URL format.');
    expect(res.text).not.toContain('approve');
    const bad = await form(cookie, 'app_name=Foo&app_id=nope');
    expect(bad.res.text).toContain('The application ID must be a UUID.');
  });

  test('no success_url: the password is shown on the page, chunked', async () => {
    const { cookie } = await logIn();
    const { nonce } = await form(cookie, 'app_name=Bar');
    const res = await request(emulator.app)
      .post('/wp-admin/authorize-application.php')
      .set('Cookie', cookie)
      .type('form')
      .send({ _wpnonce: nonce, action: 'authorize_application_password', app_id: '', success_url: '', reject_url: '', app_name: 'Bar', approve: 'Yes' });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/id="new-application-password-value" type="text" class="code" readonly="readonly" value="(\w{4} ){5}\w{4}"/);
  });
});

// Each page, mail and redirect as the wp-oracle's wp-login.php gave them (WordPress 6.8).
describe('a forgotten password: wp-login.php?action=lostpassword, the link, resetpass', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: SITE }, clock: '2025-01-02T03:04:05Z' });
  });
  afterEach(() => emu.close());

  const RP_COOKIE = `wp-resetpass-${HASH}`;
  const ask = (userLogin: string) => request(emu.app).post('/wp-login.php?action=lostpassword').type('form').send({ user_login: userLogin, redirect_to: '', 'wp-submit': 'Get New Password' });
  const notice = (html: string) => /<div id="login_error"[^>]*>(.*?)<\/div>/s.exec(html)?.[1];
  /** Asks for a link for `userLogin` and returns the key the mail carries. */
  async function mailedKey(userLogin: string, to: string): Promise<string> {
    const res = await ask(userLogin);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/wp-login.php?checkemail=confirm');
    return /&key=([A-Za-z0-9]{20})&/.exec(emu.outbox.list({ to }).at(-1)!.text)![1]!;
  }
  const withKey = (login: string, key: string) => `${RP_COOKIE}=${encodeURIComponent(`${login}:${key}`)}; wordpress_test_cookie=WP%20Cookie%20check`;
  const save = (cookie: string, pass1: string, pass2: string, rpKey: string) =>
    request(emu.app).post('/wp-login.php?action=resetpass').set('Cookie', cookie).type('form').send({ pass1, pass2, rp_key: rpKey, 'wp-submit': 'Save Password' });

  test("refuses an empty field and an unknown account with WordPress's words, keeping what was typed", async () => {
    expect(notice((await ask('  ')).text)).toBe('<p><strong>Error:</strong> Please enter a username or email address.</p>');
    const unknown = await ask('nobody@example.com');
    expect(notice(unknown.text)).toBe('<p><strong>Error:</strong> There is no account with that username or email address.</p>');
    expect(unknown.text).toContain('name="user_login" id="user_login" class="input" value="nobody@example.com"');
    expect(emu.outbox.list()).toEqual([]);
  });

  test('mails the reset link in WordPress\'s words, by login or address, and keeps only a hash of the key', async () => {
    const key = await mailedKey(' ALICE ', 'alice@example.com');
    const mail = emu.outbox.list().at(-1)!;
    expect(mail.subject).toBe('[wp-token-emulator] Password Reset');
    expect(mail.text).toBe(
      'Someone has requested a password reset for the following account:\r\n\r\nSite Name: wp-token-emulator\r\n\r\nUsername: alice\r\n\r\n' +
        'If this was a mistake, ignore this email and nothing will happen.\r\n\r\nTo reset your password, visit the following address:\r\n\r\n' +
        `${SITE}/wp-login.php?login=alice&key=${key}&action=rp&wp_lang=en_US\r\n\r\nThis password reset request originated from the IP address 127.0.0.1.\r\n`,
    );
    expect(JSON.stringify(emu.store.exportRecords())).not.toContain(key);
    await mailedKey('sam@example.com', 'sam@example.com');
  });

  test('the link puts the key in a cookie and leaves it out of the address; the form, a mismatch, then the new password', async () => {
    const key = await mailedKey('alice', 'alice@example.com');
    const link = await request(emu.app).get(`/wp-login.php?login=alice&key=${key}&action=rp&wp_lang=en_US`);
    expect(link.status).toBe(302);
    expect(link.headers.location).toBe('/wp-login.php?action=rp&wp_lang=en_US');
    expect(link.headers['set-cookie']).toContain(`${RP_COOKIE}=alice%3A${key}; path=/wp-login.php; HttpOnly`);
    const cookie = withKey('alice', key);
    const form = await request(emu.app).get('/wp-login.php?action=rp&wp_lang=en_US').set('Cookie', cookie);
    expect(form.text).toContain('<p>Enter your new password below or generate one.</p>');
    expect(form.text).toContain(`<input type="hidden" name="rp_key" value="${key}" />`);
    expect(notice((await save(cookie, 'one-password', 'other-password', key)).text)).toBe('<p><strong>Error:</strong> The passwords do not match.</p>');
    expect(notice((await save(cookie, '   ', '   ', key)).text)).toBe('<p>The password cannot be a space or all spaces.</p>');
    const { cookie: before } = await logIn('alice', 'alice-pass', emu.app);
    expect((await request(emu.app).get('/wp-admin/profile.php').set('Cookie', before)).status).toBe(200);
    const done = await save(cookie, ' a-new-password ', 'a-new-password', key);
    expect(done.text).toContain(`<p>Your password has been reset. <a href="${SITE}/wp-login.php">Log in</a></p>`);
    expect((done.headers['set-cookie'] as unknown as string[]).some((c) => c.startsWith(`${RP_COOKIE}=%20; expires=`))).toBe(true);
    // The new password (trimmed) logs in, the old one does not, and the old session's cookie is dead.
    await logInTo(emu, 'alice', 'a-new-password');
    expect((await postLogin(emu, 'alice', 'alice-pass')).status).toBe(200);
    expect((await request(emu.app).get('/wp-admin/profile.php').set('Cookie', before)).status).toBe(302);
    // The administrator is told (WordPress's wp_password_change_notification).
    const told = emu.outbox.list({ to: 'admin@localhost.com' }).at(-1)!;
    expect([told.subject, told.text]).toEqual(['[wp-token-emulator] Password Changed', 'Password changed for user: alice\r\n']);
    // The key is used up.
    const again = await request(emu.app).get('/wp-login.php?action=rp').set('Cookie', cookie);
    expect(again.headers.location).toBe(`${SITE}/wp-login.php?action=lostpassword&error=invalidkey`);
  });

  test('a wrong key, another key in the form, and a key older than a day are refused', async () => {
    const key = await mailedKey('alice', 'alice@example.com');
    const wrong = await request(emu.app).get('/wp-login.php?action=rp').set('Cookie', withKey('alice', 'WRONGKEYWRONGKEYWRON'));
    expect(wrong.headers.location).toBe(`${SITE}/wp-login.php?action=lostpassword&error=invalidkey`);
    const page = await request(emu.app).get('/wp-login.php?action=lostpassword&error=invalidkey');
    expect(notice(page.text)).toBe('<p><strong>Error:</strong> Your password reset link appears to be invalid. Please request a new link below.</p>');
    expect((await save(withKey('alice', key), 'x-password', 'x-password', 'another-key')).headers.location).toBe(`${SITE}/wp-login.php?action=lostpassword&error=invalidkey`);
    emu.clock.advance(24 * 3600 + 1);
    const expired = await request(emu.app).get('/wp-login.php?action=rp').set('Cookie', withKey('alice', key));
    expect(expired.headers.location).toBe(`${SITE}/wp-login.php?action=lostpassword&error=expiredkey`);
    expect(await emu.users.checkPassword(emu.users.byId(2)!, 'alice-pass')).toBe(true);
  });
});

test('the reset key and the new password never reach the request log', async () => {
  const lines: string[] = [];
  const logged = await standardApp({ settings: { SITE_URL: SITE }, logger: createLogger('debug', 'text', (line) => lines.push(line)) });
  try {
    await request(logged.app).post('/wp-login.php?action=lostpassword').type('form').send({ user_login: 'alice' });
    const key = /&key=([A-Za-z0-9]{20})&/.exec(logged.outbox.list().at(-1)!.text)![1]!;
    await request(logged.app).get(`/wp-login.php?login=alice&key=${key}&action=rp&wp_lang=en_US`);
    const cookie = `wp-resetpass-${HASH}=${encodeURIComponent(`alice:${key}`)}`;
    const done = await request(logged.app).post('/wp-login.php?action=resetpass').set('Cookie', cookie).type('form').send({ pass1: 'logged-new-password', pass2: 'logged-new-password', rp_key: key });
    expect(done.text).toContain('Your password has been reset.');
    const text = lines.join('\n');
    expect(text).toContain('key=[redacted]');
    expect(text).not.toContain(key);
    expect(text).not.toContain('logged-new-password');
  } finally {
    await logged.close();
  }
});

/** POST wp-login.php on `emu` (with the test cookie). */
function postLogin(emu: EmulatorApp, log: string, pwd: string) {
  return request(emu.app).post('/wp-login.php').set('Cookie', 'wordpress_test_cookie=WP%20Cookie%20check').type('form').send({ log, pwd, testcookie: '1' });
}

async function logInTo(emu: EmulatorApp, log: string, pwd: string): Promise<void> {
  const res = await postLogin(emu, log, pwd);
  expect(res.status).toBe(302);
}
