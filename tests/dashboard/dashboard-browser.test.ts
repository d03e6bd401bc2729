import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { EmulatorApp } from '../../plugin/app';
import { close, launchBrowser, listen } from '../browser/browser';
import { asAdmin, standardApp, standardFixtures } from '../helpers';
import { harErrors } from './har-schema';

/**
 * The dashboard (wp-admin/admin.php?page=emulator) in a real Chromium, as a person uses it: log in,
 * open it from the admin menu, read the panels, click, type. An app (this test, with fetch and an
 * application password) talks to the vendors meanwhile; the dashboard follows without reloading.
 * With DASHBOARD_SCREENSHOTS=<folder>, screenshots of the panels go there (docs/img).
 */

const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS;
const START = '2030-01-01T00:00:00Z';

let browser: Browser;
let page: Page;
let emu: EmulatorApp;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer();
  base = `http://127.0.0.1:${await listen(server)}`;
  emu = await standardApp({
    clock: START,
    settings: { SITE_URL: base },
    fixtures: { ...standardFixtures, availo: { accounts: [{ AccountCode: 'ACME-01', Password: 'correct horse' }] } },
  });
  server.on('request', emu.app);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  if (server) await close(server);
  await emu?.close();
});

async function shot(name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** What an app sends: JSON with an application password. */
function app(method: string, route: string, body?: object, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/wp-json${route}`, {
    method,
    headers: { Authorization: asAdmin, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const tab = (name: string) => page.getByRole('tab', { name });
const panel = (name: string) => page.locator(`#emu-panel-${name}`);

async function advanceClock(seconds: number): Promise<void> {
  await tab('Clock').click();
  await page.getByLabel('Seconds').fill(String(seconds));
  await page.getByRole('button', { name: 'Advance' }).click();
  await page.getByRole('status').filter({ hasText: `Clock advanced by ${seconds} s.` }).waitFor();
}

test('an administrator logs in and opens the dashboard from the admin menu', async () => {
  await page.goto(`${base}/wp-admin/admin.php?page=emulator`);
  expect(new URL(page.url()).pathname).toBe('/wp-login.php');
  await page.getByLabel('Username or Email Address').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('password');
  await page.getByRole('button', { name: 'Log In' }).click();
  await page.waitForURL(`${base}/wp-admin/admin.php?page=emulator`);
  await page.goto(`${base}/wp-admin/`);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Emulator' }).click();
  await page.waitForURL(`${base}/wp-admin/admin.php?page=emulator`);
  expect(await page.textContent('h1')).toBe('Emulator');
  await page.locator('#emu-clock-bar', { hasText: /^2030-01-01T00:00:00Z \(frozen\)$/ }).waitFor();
});

test('pkmnapi: the token request shows in Requests, its mail in Mail; the delete link in the mail deletes it and Tokens says revoked', async () => {
  const address = 'ash@example.com';
  expect((await app('POST', '/pkmnapi/v1/access_tokens', { data: { type: 'access_tokens', attributes: { email_address: address } } })).status).toBe(201);

  await tab('Requests').click();
  const row = page.locator('#emu-requests tr', { hasText: '/wp-json/pkmnapi/v1/access_tokens' });
  await row.waitFor();
  await expect(row.locator('td').nth(4).textContent()).resolves.toBe('201');
  await row.getByRole('button').click();
  await expect(page.locator('#emu-request-view h3').textContent()).resolves.toMatch(/POST \/wp-json\/pkmnapi\/v1\/access_tokens → 201$/);
  await expect(page.locator('#emu-request-view').textContent()).resolves.toContain(address);

  await tab('Tokens').click();
  const token = page.locator('#emu-tokens table[data-vendor=pkmnapi] tbody tr');
  await token.locator('[data-state=active]').waitFor();
  await expect(token.locator('td').nth(2).textContent()).resolves.toBe(address);

  await tab('Mail').click();
  await page.getByRole('button', { name: 'Pkmnapi access token' }).click();
  await expect(page.locator('#emu-mail-view dl').textContent()).resolves.toContain(`To${address}`);

  // pkmnapi sends a delete code only after its 600 s cooldown: the clock moves on, on the dashboard.
  await advanceClock(601);
  expect((await app('POST', '/pkmnapi/v1/access_tokens/delete', { data: { type: 'access_tokens', attributes: { email_address: address } } })).status).toBe(201);
  await tab('Mail').click();
  await page.getByRole('button', { name: 'Pkmnapi delete access token' }).click();
  await shot('dashboard-mail');
  await page.getByRole('link', { name: /^https:\/\/www\.pkmnapi\.com\/actions\/delete-user\?/ }).click();
  await page.locator('#emu-mail-action').filter({ hasText: `the access token of ${address} is deleted (204)` }).waitFor();

  await tab('Tokens').click();
  await token.locator('[data-state=revoked]').waitFor();
  // The DELETE the link sent is in the journal too.
  await tab('Requests').click();
  await page.locator('#emu-requests tr', { hasText: 'DELETE' }).filter({ hasText: '204' }).waitFor();
});

test('Availo: advancing the clock 901 s on the dashboard turns the token expired, and the echo route answers 401', async () => {
  const res = await app('POST', '/availo/v1/api/Account/Generatetoken', { AccountCode: 'ACME-01', Password: 'correct horse' });
  const accessToken = ((await res.json()) as { Data: { accessToken: string } }).Data.accessToken;
  const echo = async () => (await app('GET', '/availo/v1/api/Attendance/GetEmployees', undefined, { access_token: accessToken })).status;
  expect(await echo()).toBe(200);

  await tab('Tokens').click();
  const token = page.locator('#emu-tokens table[data-vendor=availo] tbody tr');
  await token.locator('[data-state=active]').waitFor();
  await expect(token.locator('td').nth(2).textContent()).resolves.toBe('ACME-01');
  // The clock is frozen: the countdown shows the full 15 minutes and stands still.
  await expect(token.locator('.emu-countdown').textContent()).resolves.toBe('15:00');
  expect(await token.locator('code').first().textContent()).toBe(`${accessToken.slice(0, 8)}…`);
  expect(await page.content()).not.toContain(accessToken);

  await advanceClock(901);
  await tab('Tokens').click();
  await token.locator('[data-state=expired]').waitFor();
  await expect(token.locator('.emu-countdown').textContent()).resolves.toBe('expired');
  await shot('dashboard-tokens');
  expect(await echo()).toBe(401);
});

test('Requests: a wrong-password request says why it was anonymous; filters by status and user', async () => {
  const wrong = await fetch(`${base}/wp-json/wp/v2/users/me`, { headers: { Authorization: 'Basic ' + Buffer.from('admin:XXXX XXXX XXXX XXXX XXXX XXXX').toString('base64') } });
  expect(wrong.status).toBe(401);
  expect(await wrong.text()).not.toContain('wrong');
  await tab('Requests').click();
  await panel('requests').getByLabel('Status').fill('401');
  await panel('requests').getByLabel('User').selectOption('(anonymous)');
  const rows = page.locator('#emu-requests tr');
  await rows.filter({ hasText: '/wp-json/wp/v2/users/me' }).getByRole('button').click();
  await expect(page.locator('#emu-request-view .emu-why').textContent()).resolves.toBe('Anonymous: wrong password');
  await expect(page.locator('#emu-request-view').textContent()).resolves.toContain('"authorization": "[redacted]"');
  expect(await rows.count()).toBe(1);
  await shot('dashboard-requests');
  // Download HAR: the filtered journal as a HAR 1.2 file.
  const [download] = await Promise.all([page.waitForEvent('download'), panel('requests').getByRole('button', { name: 'Download HAR' }).click()]);
  expect(download.suggestedFilename()).toBe('emulator-journal.har');
  const har = JSON.parse(await fs.readFile((await download.path())!, 'utf8'));
  expect(harErrors(har)).toEqual([]);
  expect(har.log.entries.map((e: { response: { status: number } }) => e.response.status)).toEqual([401]);
});

test('Faults: add one with the form, it applies, remove it; Reset asks first', async () => {
  await tab('Faults').click();
  await panel('faults').getByLabel('Path (glob)').fill('/wp-json/availo/v1/**');
  await panel('faults').getByLabel('Status').fill('503');
  await panel('faults').getByLabel('Times').fill('1');
  await page.getByRole('button', { name: 'Add fault' }).click();
  await page.locator('#emu-faults tr', { hasText: '/wp-json/availo/v1/**' }).waitFor();
  expect((await app('POST', '/availo/v1/api/Account/Generatetoken', { AccountCode: 'ACME-01', Password: 'correct horse' })).status).toBe(503);
  await page.getByRole('button', { name: 'Add fault' }).click();
  await page.getByRole('button', { name: 'Remove fault /wp-json/availo/v1/**' }).click();
  await page.locator('#emu-faults', { hasText: 'No faults.' }).waitFor();

  await tab('Reset').click();
  await page.getByRole('button', { name: 'Reset the emulator…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(emu.clock.state().now).not.toBe(new Date(START).toISOString());
  await page.getByRole('button', { name: 'Reset the emulator…' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await page.getByRole('status').filter({ hasText: 'The emulator is back to its fixtures, and your login session with it.' }).waitFor();
  expect(emu.clock.state().now).toBe(new Date(START).toISOString());
  // The reset emptied the login sessions too: log in again, and the dashboard shows the fixtures' state.
  await page.getByRole('link', { name: 'Log in again' }).click();
  await page.getByLabel('Username or Email Address').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('password');
  await page.getByRole('button', { name: 'Log In' }).click();
  await page.waitForURL(`${base}/wp-admin/admin.php?page=emulator#reset`);
  await tab('Tokens').click();
  await page.locator('#emu-tokens', { hasText: 'No token issued yet.' }).waitFor();
});
