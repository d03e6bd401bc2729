import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { EmulatorApp } from '../plugin/app';
import { ADMIN_PASSWORD, asAdmin, standardApp, standardFixtures } from './helpers';

/**
 * Issue 9's acceptance, over HTTP only (a listening server, no in-process handle used for the checks),
 * with every real namespace active.
 */
const START = '2030-01-01T00:00:00.000Z';
const E = '/wp-json/emulator/v1';
const fixtures = {
  ...standardFixtures,
  availo: { accounts: [{ AccountCode: 'ACME-01', Password: 'correct horse' }] },
  purewl: { resellers: [{ secretKey: 'SECRET_KEY_GOES_HERE', resellerId: 4242, resellerUid: 'acme-vpn' }] },
};

let emu: EmulatorApp;
let server: http.Server;
let api: ReturnType<typeof request>;

async function start(settings: Record<string, string | number | boolean> = {}): Promise<void> {
  emu = await standardApp({ fixtures, settings: { CLOCK_START: START, ...settings } });
  server = http.createServer(emu.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

afterEach(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await emu.close();
});

describe('issue 9 acceptance, over HTTP', () => {
  it('Availo token → POST /clock {advance: 901} → the token fails → POST /reset restores fixtures and clock → the journal shows it all, redacted', async () => {
    await start();
    const issued = await api.post('/wp-json/availo/v1/api/Account/Generatetoken').set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
    expect(issued.status).toBe(200);
    const token = issued.body.Data.accessToken as string;
    expect((await api.get('/wp-json/availo/v1/api/Employees/List').set('access_token', token)).status).toBe(200);
    // A change after the fixtures: a second Availo account.
    const account = await api.post('/wp-json/availo/v1/accounts').set('Authorization', asAdmin).send({ AccountCode: 'LATER-02', Password: 'another password' });
    expect(account.status).toBeLessThan(300);

    expect((await api.post(`${E}/clock`).set('Authorization', asAdmin).send({ advance: 901 })).body.now).toBe('2030-01-01T00:15:01.000Z');
    const failed = await api.get('/wp-json/availo/v1/api/Employees/List').set('access_token', token);
    expect(failed.status).toBe(401);
    expect(failed.body.message).toBe('Access token has expired.');

    const reset = await api.post(`${E}/reset`).set('Authorization', asAdmin);
    expect(reset.status).toBe(200);
    expect((await api.get(`${E}/clock`).set('Authorization', asAdmin)).body).toMatchObject({ now: START, mode: 'frozen' });
    const later = await api.post('/wp-json/availo/v1/api/Account/Generatetoken').set('Authorization', asAdmin).send({ AccountCode: 'LATER-02', Password: 'another password' });
    expect(later.body).toEqual({ Data: null, status: false, message: 'Invalid account code or password.' });
    const fixture = await api.post('/wp-json/availo/v1/api/Account/Generatetoken').set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: 'correct horse' });
    expect(fixture.body.status).toBe(true);

    const journal = await api.get(`${E}/journal`).query({ namespace: 'availo/v1' }).set('Authorization', asAdmin);
    expect(journal.status).toBe(200);
    const entries = journal.body as { method: string; path: string; status: number; user: string | null; request: { headers: Record<string, string>; body: unknown }; response: { body: unknown } }[];
    expect(entries.map((e) => [e.method, e.path, e.status])).toEqual([
      ['POST', '/wp-json/availo/v1/api/Account/Generatetoken', 200],
      ['GET', '/wp-json/availo/v1/api/Employees/List', 200],
      ['POST', '/wp-json/availo/v1/accounts', account.status],
      ['GET', '/wp-json/availo/v1/api/Employees/List', 401],
      ['POST', '/wp-json/availo/v1/api/Account/Generatetoken', 200],
      ['POST', '/wp-json/availo/v1/api/Account/Generatetoken', 200],
    ]);
    expect(entries[0]!.user).toBe('admin');
    expect(entries[0]!.request.headers.authorization).toBe('[redacted]');
    expect(entries[0]!.request.body).toMatchObject({ Password: '[redacted]' });
    expect(entries[0]!.response.body).toMatchObject({ Data: { accessToken: '[redacted]' } });
    expect(entries[1]!.request.headers.access_token).toBe('[redacted]');
    const text = JSON.stringify(journal.body);
    for (const secret of ['correct horse', 'another password', token, ADMIN_PASSWORD, ADMIN_PASSWORD.replace(/ /g, ''), asAdmin.slice(6)]) expect(text).not.toContain(secret);
  });

  it('a PureWL fault {method:"POST", path, status:503, times:2} answers 503 twice and then normally', async () => {
    await start();
    const path = '/wp-json/purewl/v1/auth/v1/accessToken';
    const fault = await api.post(`${E}/faults`).set('Authorization', asAdmin).send({ method: 'POST', path, status: 503, times: 2 });
    expect(fault.status).toBe(201);
    const grant = () => api.post(path).set('Authorization', asAdmin).type('form').send('secretKey=SECRET_KEY_GOES_HERE&grantType=secret');
    expect((await grant()).status).toBe(503);
    expect((await grant()).status).toBe(503);
    const ok = await grant();
    expect(ok.status).toBe(200);
    expect(ok.body.header).toEqual({ code: 1, message: 'success', response_code: 1 });
    expect((await api.get(`${E}/faults`).set('Authorization', asAdmin)).body).toEqual([]);
  });

  it('with EMULATOR_API=off: /wp-json/emulator/v1/... is 404 rest_no_route and the namespace is absent from /wp-json/', async () => {
    await start({ EMULATOR_API: 'off' });
    for (const path of ['', '/reset', '/clock', '/journal', '/faults', '/outbox', '/tokens/introspect']) {
      const res = await api.post(`${E}${path}`).set('Authorization', asAdmin).send({ token: 'x' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('rest_no_route');
      expect((await api.get(`${E}${path}`).set('Authorization', asAdmin)).body.code).toBe('rest_no_route');
    }
    const index = await api.get('/wp-json/');
    expect(index.body.namespaces).not.toContain('emulator/v1');
    expect(index.body.namespaces).toEqual(expect.arrayContaining(['availo/v1', 'purewl/v1', 'everest-backup/v1', 'pkmnapi/v1', 'fess/v1']));
  });
});
