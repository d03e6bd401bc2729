import type * as http from 'node:http';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { EmulatorApp } from '../../plugin/app';
import { close, launchBrowser, SCREENSHOTS, servedEmulator } from './browser';

/**
 * In a real Chromium, as a person: log in on wp-login.php, create an application password on the
 * profile screen, use it with the REST API, revoke it, and it stops working; the users and plugins
 * screens (deactivating everest-backup removes its routes); log out.
 */

let browser: Browser;
let page: Page;
let emulator: EmulatorApp;
let server: http.Server;
let base: string;

beforeAll(async () => {
  ({ emulator, server, base } = await servedEmulator());
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  // WordPress asks before revoking: the person clicks OK.
  page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  if (server) await close(server);
  await emulator?.close();
});

async function shot(name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** What a `curl -u user:password` of the REST API answers. */
async function restStatus(login: string, password: string): Promise<number> {
  const res = await fetch(`${base}/wp-json/wp/v2/users/me`, { headers: { Authorization: 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64') } });
  return res.status;
}

test('a wrong password shows the error; the right one logs in (typing, Enter)', async () => {
  await page.goto(`${base}/wp-admin/profile.php`);
  // Not logged in: the login screen, redirect_to back to the profile.
  expect(new URL(page.url()).pathname).toBe('/wp-login.php');
  await shot('wp-login');
  await page.fill('#user_login', 'admin');
  await page.fill('#user_pass', 'not-it');
  await page.click('#wp-submit');
  await expect(page.textContent('#login_error')).resolves.toContain('The password you entered for the username admin is incorrect.');
  await page.fill('#user_pass', 'password');
  await page.press('#user_pass', 'Enter');
  await page.waitForURL(`${base}/wp-admin/profile.php`);
  expect(await page.textContent('h1')).toBe('Profile');
});

test('a logged-in page calls the REST API with its nonce; without it the browser is anonymous', async () => {
  const answers = await page.evaluate(async () => {
    const settings = (globalThis as unknown as { wpApiSettings: { root: string; nonce: string } }).wpApiSettings;
    const me = (headers: Record<string, string>) => fetch(`${settings.root}wp/v2/users/me`, { headers }).then(async (r) => [r.status, ((await r.json()) as { code?: string }).code ?? 'ok']);
    return [await me({ 'X-WP-Nonce': settings.nonce }), await me({}), await me({ 'X-WP-Nonce': 'nope' })];
  });
  expect(answers).toEqual([
    [200, 'ok'],
    [401, 'rest_not_logged_in'],
    [403, 'rest_cookie_invalid_nonce'],
  ]);
});

test('create an application password on the profile screen, use it, revoke it: it stops working', async () => {
  await page.fill('#new_application_password_name', 'Browser test');
  await page.click('#do_new_application_password');
  const field = page.locator('#new-application-password-value');
  await field.waitFor();
  const shown = await field.inputValue();
  // Shown once, in WordPress's groups of four.
  expect(shown).toMatch(/^([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}$/);
  await page.click('.copy-button');
  // "Copied!" shows once the copy is done (the clipboard answers asynchronously).
  await page.locator('.new-application-password-notice .success').waitFor({ state: 'visible' });
  await shot('profile-application-passwords');
  const row = page.locator('#the-list tr', { hasText: 'Browser test' });
  expect(await row.locator('.column-last_ip').textContent()).toBe('\u2014');

  expect(await restStatus('admin', shown)).toBe(200);
  // The list shows the use after a reload (last used, last IP).
  await page.reload();
  expect(await page.locator('#new-application-password-value').count()).toBe(0);
  expect(await row.locator('.column-last_ip').textContent()).toBe('127.0.0.1');

  await row.getByRole('button', { name: 'Revoke "Browser test"' }).click();
  await row.waitFor({ state: 'detached' });
  expect(await restStatus('admin', shown)).toBe(401);
  expect(emulator.applicationPasswords.list(1).map((p) => p.name)).toEqual(['oracle-admin']);
});

test('with the keyboard only: name, Enter to add; revoke all', async () => {
  await page.focus('#new_application_password_name');
  await page.keyboard.type('Keyboard app');
  await page.keyboard.press('Enter');
  const shown = await page.locator('#new-application-password-value').inputValue();
  expect(await restStatus('admin', shown)).toBe(200);
  await page.focus('#revoke-all-application-passwords');
  await page.keyboard.press('Enter');
  await page.locator('#the-list tr').first().waitFor({ state: 'detached' });
  expect(await restStatus('admin', shown)).toBe(401);
  expect(await restStatus('admin', 'AAAA BBBB CCCC DDDD EEEE FFFF')).toBe(401);
  expect(emulator.applicationPasswords.list(1)).toEqual([]);
});

test('users.php lists the users, each linked to their screen', async () => {
  await page.goto(`${base}/wp-admin/users.php`);
  expect(await page.locator('#the-list tr').count()).toBe(3);
  await shot('users');
  await page.getByRole('link', { name: 'alice', exact: true }).click();
  await page.waitForURL(/user-edit\.php\?user_id=2/);
  expect(await page.textContent('h1')).toBe('Edit User alice');
});

test('plugins.php: Deactivate everest-backup removes its routes; Activate brings them back', async () => {
  const token = () => fetch(`${base}/wp-json/everest-backup/v1/access-token`, { method: 'POST', headers: { Authorization: 'Basic ' + Buffer.from('alice:GGGG HHHH IIII JJJJ KKKK LLLL').toString('base64') } });
  await page.goto(`${base}/wp-admin/plugins.php`);
  await page.getByRole('link', { name: 'Deactivate Everest Backup' }).click();
  await page.waitForURL(/deactivate=true/);
  expect(await page.textContent('#message')).toContain('Plugin deactivated.');
  expect(await page.textContent('tr[data-slug="everest-backup"] .column-status')).toBe('Inactive');
  await shot('plugins');
  const gone = await token();
  expect(gone.status).toBe(404);
  expect(((await gone.json()) as { code: string }).code).toBe('rest_no_route');
  const index = (await (await fetch(`${base}/wp-json/`)).json()) as { namespaces: string[] };
  expect(index.namespaces).not.toContain('everest-backup/v1');
  // The keyboard: focus the link, Enter.
  await page.getByRole('link', { name: 'Activate Everest Backup' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/[?&]activate=true/);
  expect(await page.textContent('#message')).toContain('Plugin activated.');
  expect((await token()).status).not.toBe(404);
});

test('an administrator manages another user\'s passwords on user-edit.php; log out ends the session', async () => {
  await page.goto(`${base}/wp-admin/user-edit.php?user_id=2`);
  expect(await page.textContent('h1')).toBe('Edit User alice');
  await page.fill('#new_application_password_name', 'For Alice');
  await page.click('#do_new_application_password');
  const shown = await page.locator('#new-application-password-value').inputValue();
  expect(await restStatus('alice', shown)).toBe(200);
  await shot('user-edit');
  await page.click('#wp-admin-bar-logout');
  await page.waitForURL(/loggedout=true/);
  expect(await page.textContent('#login-message')).toContain('You are now logged out.');
  await page.goto(`${base}/wp-admin/profile.php`);
  expect(new URL(page.url()).pathname).toBe('/wp-login.php');
});

test('a forgotten password: "Lost your password?", the mailed link, a new password, and it logs in', async () => {
  // A wrong password offers the link, as WordPress does.
  await page.fill('#user_login', 'alice');
  await page.fill('#user_pass', 'not-it');
  await page.click('#wp-submit');
  await page.getByRole('link', { name: 'Lost your password?' }).click();
  expect(await page.textContent('.message')).toContain('Please enter your username or email address.');
  await page.fill('#user_login', 'alice@example.com');
  await page.click('#wp-submit');
  expect(await page.textContent('#login-message')).toContain('Check your email for the confirmation link');
  // The mail a person would open: the outbox holds it.
  const mail = emulator.outbox.list({ to: 'alice@example.com' }).at(-1)!;
  expect(mail.subject).toBe('[wp-token-emulator] Password Reset');
  const link = /http\S+action=rp\S*/.exec(mail.text)![0];
  await page.goto(link);
  // The key left the address bar for a cookie.
  expect(page.url()).not.toContain('key=');
  await page.fill('#pass1', 'a-new-password');
  await page.fill('#pass2', 'a-new-passwerd');
  await page.click('#wp-submit');
  expect(await page.textContent('#login_error')).toContain('The passwords do not match.');
  await page.fill('#pass1', 'a-new-password');
  await page.fill('#pass2', 'a-new-password');
  await shot('wp-login-reset-password');
  await page.click('#wp-submit');
  expect(await page.textContent('.reset-pass')).toContain('Your password has been reset.');
  await page.getByRole('link', { name: 'Log in' }).first().click();
  await page.fill('#user_login', 'alice');
  await page.fill('#user_pass', 'a-new-password');
  await page.click('#wp-submit');
  await page.waitForURL(/\/wp-admin\//);
  expect(await page.textContent('h1')).toBe('Dashboard');
  // The link was used up.
  await page.goto(link);
  await page.waitForURL(/error=invalidkey/);
  expect(await page.textContent('#login_error')).toContain('Your password reset link appears to be invalid.');
});
