import * as http from 'node:http';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { EmulatorApp } from '../../plugin/app';
import { close, launchBrowser, listen, SCREENSHOTS, servedEmulator } from './browser';

/**
 * The authorize-application flow in a real Chromium, started from an app's page served on another
 * port: approve returns to success_url with site_url, user_login and password (which works); reject
 * lands on reject_url, or success_url?success=false without one; a javascript: success_url shows
 * WordPress's error and no approve button.
 */

let browser: Browser;
let page: Page;
let emulator: EmulatorApp;
let server: http.Server;
let base: string;
let appServer: http.Server;
let appBase: string;

/** The app: a page with a "Connect" link to the site's authorization endpoint, and its callback pages. */
function appPage(wpBase: string) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', appBase);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (url.pathname === '/connect') {
      const params = new URLSearchParams({ app_name: 'Demo App', app_id: 'a1b2c3d4-0000-4000-8000-000000000000' });
      for (const key of ['success_url', 'reject_url']) {
        const value = url.searchParams.get(key);
        if (value !== null) params.set(key, value.replace('APP', appBase));
      }
      res.end(`<!doctype html><title>Demo App</title><h1>Demo App</h1><a id="connect" href="${wpBase}/wp-admin/authorize-application.php?${params.toString().replace(/&/g, '&amp;')}">Connect to WordPress</a>`);
      return;
    }
    res.end(`<!doctype html><title>Callback</title><h1 id="where">${url.pathname}</h1>`);
  };
}

beforeAll(async () => {
  ({ emulator, server, base } = await servedEmulator());
  appServer = http.createServer();
  appBase = `http://127.0.0.1:${await listen(appServer)}`;
  appServer.on('request', appPage(base));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
});

afterAll(async () => {
  await browser?.close();
  if (appServer) await close(appServer);
  if (server) await close(server);
  await emulator?.close();
});

/** Opens the app's page and follows its "Connect" link (with the given callback URLs). */
async function connect(query: Record<string, string>): Promise<void> {
  await page.goto(`${appBase}/connect?${new URLSearchParams(query)}`);
  await page.click('#connect');
  // Wait until the browser has left the app for the site (its login screen or the flow).
  await page.waitForURL((url) => !url.href.startsWith(appBase));
}

test('not logged in: the login screen, then back to the flow; approve returns the three parameters', async () => {
  await connect({ success_url: 'APP/callback?state=xyz' });
  expect(new URL(page.url()).pathname).toBe('/wp-login.php');
  await page.fill('#user_login', 'admin');
  await page.fill('#user_pass', 'password');
  await page.click('#wp-submit');
  await page.waitForURL(/\/wp-admin\/authorize-application\.php/);
  expect(await page.textContent('.auth-app-card')).toContain('Would you like to give the application identifying itself as Demo App access to your account?');
  expect(await page.inputValue('#app_name')).toBe('Demo App');
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'authorize-application.png'), fullPage: true });

  await page.click('#approve');
  await page.waitForURL(`${appBase}/**`);
  const back = new URL(page.url());
  expect(back.pathname).toBe('/callback');
  expect([...back.searchParams.keys()]).toEqual(['state', 'site_url', 'user_login', 'password']);
  expect(back.searchParams.get('site_url')).toBe(base);
  expect(back.searchParams.get('user_login')).toBe('admin');
  const password = back.searchParams.get('password')!;
  const me = await fetch(`${base}/wp-json/wp/v2/users/me`, { headers: { Authorization: 'Basic ' + Buffer.from(`admin:${password}`).toString('base64') } });
  expect(me.status).toBe(200);
  expect(emulator.applicationPasswords.list(1).find((p) => p.name === 'Demo App')?.appId).toBe('a1b2c3d4-0000-4000-8000-000000000000');
});

test('reject lands on reject_url as given', async () => {
  await connect({ success_url: 'APP/callback', reject_url: 'APP/rejected?why=user' });
  await page.click('#reject');
  await page.waitForURL(`${appBase}/**`);
  expect(page.url()).toBe(`${appBase}/rejected?why=user`);
});

test('reject without reject_url lands on success_url?success=false (keyboard: Tab to the button, Enter)', async () => {
  const before = emulator.applicationPasswords.list(1).length;
  await connect({ success_url: 'APP/callback' });
  await page.focus('#approve');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('reject');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${appBase}/**`);
  expect(page.url()).toBe(`${appBase}/callback?success=false`);
  expect(emulator.applicationPasswords.list(1).length).toBe(before);
});

test('a javascript: success_url shows "Invalid URL format." and no approve button', async () => {
  await page.goto(`${base}/wp-admin/authorize-application.php?app_name=Evil&success_url=${encodeURIComponent('javascript:alert(1)')}`);
  expect(await page.textContent('body')).toContain('The Authorize Application request is not allowed. Invalid URL format.');
  expect(await page.locator('#approve').count()).toBe(0);
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'authorize-application-invalid-url.png') });
});

test('without success_url the password is shown on the page, and it works', async () => {
  await page.goto(`${base}/wp-admin/authorize-application.php?app_name=Manual`);
  expect(await page.textContent('#description-approve')).toContain('You will be given a password to manually enter into the application in question.');
  await page.click('#approve');
  const shown = await page.locator('#new-application-password-value').inputValue();
  expect(shown).toMatch(/^([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}$/);
  const me = await fetch(`${base}/wp-json/wp/v2/users/me`, { headers: { Authorization: 'Basic ' + Buffer.from(`admin:${shown}`).toString('base64') } });
  expect(me.status).toBe(200);
});
