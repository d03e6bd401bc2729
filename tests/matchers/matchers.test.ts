/**
 * The verification helpers and matchers under jest (tests/matchers/vitest/ runs the same under
 * vitest): in process on createApp()'s emulator and over HTTP on a started server, passing and
 * failing, with the near misses in the failure message.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { emulatorClient, emulatorMatchers, verify, verifyMail, VerificationError, type EmulatorMatchers } from '../../wp-json/emulator/v1/verify/matchers';
import { ADMIN_PASSWORD, asAdmin, basic, standardApp, standardFixtures } from '../helpers';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R> extends EmulatorMatchers<R> {}
  }
}

expect.extend(emulatorMatchers);

const GEN = '/wp-json/availo/v1/api/Account/Generatetoken';
const PKMN = '/wp-json/pkmnapi/v1/access_tokens';

let emu: EmulatorApp;
beforeAll(async () => {
  emu = await standardApp({
    clock: '2030-01-01T00:00:00Z',
    fixtures: { ...standardFixtures, availo: { accounts: [{ AccountCode: 'ACME-01', Password: 'correct horse' }] } },
  });
  await request(emu.app).post(GEN).set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: 'correct horse' }).expect(200);
  await request(emu.app).post(GEN).set('Authorization', basic('admin', 'WRONG WRON GWRO NGWR ONGW RONG')).send({ AccountCode: 'ACME-01', Password: 'x' }).expect(401);
  await request(emu.app)
    .post(PKMN)
    .set('Authorization', asAdmin)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify({ data: { type: 'access_tokens', attributes: { email_address: 'ash@example.com' } } }))
    .expect(201);
});
afterAll(() => emu.close());

describe('in process', () => {
  it('toHaveReceived passes on a matching request, with times counted exactly', () => {
    expect(emu).toHaveReceived({ method: 'POST', path: GEN, status: 200, user: 'admin', times: 1 });
    expect(emu).toHaveReceived({ method: 'post', path: '/wp-json/availo/v1/**', times: 2 });
    expect(emu).toHaveReceived({ namespace: 'pkmnapi', status: '2xx' });
    expect(emu).not.toHaveReceived({ method: 'DELETE' });
  });

  it('a failing toHaveReceived lists the closest requests received and how they differ', () => {
    let message = '';
    try {
      expect(emu).toHaveReceived({ method: 'POST', path: GEN, status: 201 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Expected a request matching { method: "POST", path: "/wp-json/availo/v1/api/Account/Generatetoken", status: 201 } at least once, but it matched never.');
    expect(message).toContain('Closest requests received (3 in all did not match):');
    // The two Generatetoken calls rank before the pkmnapi one: they differ in status only.
    const lines = message.split('\n');
    const first = lines.findIndex((l) => l.includes(`POST ${GEN} → 401`));
    const second = lines.findIndex((l) => l.includes(`POST ${GEN} → 200`));
    const third = lines.findIndex((l) => l.includes(`POST ${PKMN} → 201`));
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect(third).toBeGreaterThan(Math.max(first, second));
    expect(lines[second + 1]).toBe('    differs in: status (expected 201)');
    expect(lines[third + 1]).toContain('path (expected /wp-json/availo/v1/api/Account/Generatetoken)');
  });

  it('times: a wrong count fails and says how many matched', () => {
    expect(() => expect(emu).toHaveReceived({ path: GEN, times: 3 })).toThrow(/exactly 3 times, but it matched 2 times/);
  });

  it('toHaveSentMail matches recipient (any case) and subject (string or RegExp), and fails with the mails sent', () => {
    expect(emu).toHaveSentMail({ to: 'ASH@example.com', subject: 'Pkmnapi access token' });
    expect(emu).toHaveSentMail({ to: 'ash@example.com', subject: /token/, times: 1 });
    expect(emu).toHaveSentMail({ text: expect.stringContaining('token') as unknown as string });
    expect(() => expect(emu).toHaveSentMail({ to: 'misty@example.com' })).toThrow(/Closest mails sent \(1 in all did not match\):\n {2}\S+ to ash@example.com: "Pkmnapi access token"\n {4}differs in: to \(expected misty@example.com\)/);
  });

  it('verify() and verifyMail() return the matches or throw a VerificationError with the near misses', () => {
    expect(verify(emu, { path: GEN, status: 401 })).toHaveLength(1);
    expect(verifyMail(emu, { to: 'ash@example.com' })).toHaveLength(1);
    expect(() => verify(emu, { path: '/wp-json/purewl/**' })).toThrow(VerificationError);
  });

  it('emu.verify() and emu.verifyMail(): the same on the handles createApp() returns; the wrong-password entry says why it was anonymous', () => {
    const [wrong] = emu.verify({ path: GEN, status: 401, user: null, times: 1 });
    expect(wrong!.auth).toEqual({ method: null, failure: 'wrong-password' });
    expect(emu.verifyMail({ subject: 'Pkmnapi access token' })).toHaveLength(1);
    expect(() => emu.verify({ path: GEN, status: 403 })).toThrow(/#\d+ POST \/wp-json\/availo\/v1\/api\/Account\/Generatetoken → 401, anonymous \(wrong password\)/);
    expect(() => emu.verifyMail({ to: 'nobody@example.com' })).toThrow(VerificationError);
  });
});

describe('over HTTP', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = emu.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('the matchers and verify read the control API of a running server', async () => {
    const client = emulatorClient({ url, user: 'admin', password: ADMIN_PASSWORD });
    await expect(client).toHaveReceived({ method: 'POST', path: GEN, times: 2 });
    await expect(client).toHaveSentMail({ to: 'ash@example.com' });
    await expect(client).not.toHaveReceived({ method: 'PUT' });
    await expect(expect(client).toHaveReceived({ path: PKMN, status: 400 })).rejects.toThrow(/differs in: status \(expected 400\)/);
    await expect(client.verify({ path: GEN, user: 'admin' })).resolves.toHaveLength(1);
    await expect(client.verify({ path: GEN, user: 'nobody' })).rejects.toThrow(VerificationError);
  });

  it('a client whose credentials are refused fails with the answer, not a near-miss list', async () => {
    const client = emulatorClient({ url, user: 'admin', password: 'nope' });
    await expect(client.verify({ method: 'GET' })).rejects.toThrow(/answered 401/);
  });
});
