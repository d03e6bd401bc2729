/**
 * The matchers under vitest 3: the same verification as tests/matchers/matchers.test.ts (jest),
 * through vitest's expect.extend, in process and over HTTP, passing and failing with near misses.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorApp } from '../../../plugin/app';
import { emulatorClient, emulatorMatchers, type EmulatorMatchers } from '../../../wp-json/emulator/v1/verify/matchers';
import { ADMIN_PASSWORD, asAdmin, basic, standardApp, standardFixtures } from '../../helpers';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T> extends EmulatorMatchers<T> {}
}

expect.extend(emulatorMatchers);

const GEN = '/wp-json/availo/v1/api/Account/Generatetoken';

let emu: EmulatorApp;
let server: Server;
let url: string;
beforeAll(async () => {
  emu = await standardApp({
    clock: '2030-01-01T00:00:00Z',
    fixtures: { ...standardFixtures, availo: { accounts: [{ AccountCode: 'ACME-01', Password: 'correct horse' }] } },
  });
  await request(emu.app).post(GEN).set('Authorization', asAdmin).send({ AccountCode: 'ACME-01', Password: 'correct horse' }).expect(200);
  await request(emu.app).post(GEN).set('Authorization', basic('admin', 'WRONG WRON GWRO NGWR ONGW RONG')).send({}).expect(401);
  await request(emu.app)
    .post('/wp-json/pkmnapi/v1/access_tokens')
    .set('Authorization', asAdmin)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify({ data: { type: 'access_tokens', attributes: { email_address: 'ash@example.com' } } }))
    .expect(201);
  server = emu.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await emu.close();
});

describe('vitest matchers', () => {
  it('toHaveReceived and toHaveSentMail pass in process', () => {
    expect(emu).toHaveReceived({ method: 'POST', path: GEN, status: 200, user: 'admin', times: 1 });
    expect(emu).toHaveReceived({ path: GEN, status: 401, user: null });
    expect(emu).not.toHaveReceived({ method: 'DELETE' });
    expect(emu).toHaveSentMail({ to: 'ash@example.com', subject: expect.stringContaining('access token') });
  });

  it('a failing matcher prints the near misses', () => {
    expect(() => expect(emu).toHaveReceived({ method: 'POST', path: GEN, status: 201, times: 1 })).toThrow(
      /Expected a request matching .* exactly 1 time, but it matched never\.\nClosest requests received \(3 in all did not match\):\n {2}#\d+ POST \/wp-json\/availo\/v1\/api\/Account\/Generatetoken → (200|401)[^\n]*\n {4}differs in: status \(expected 201\)/,
    );
    expect(() => expect(emu).toHaveSentMail({ to: 'misty@example.com' })).toThrow(/to ash@example.com: "Pkmnapi access token"\n {4}differs in: to/);
  });

  it('over HTTP, awaited', async () => {
    const client = emulatorClient({ url, user: 'admin', password: ADMIN_PASSWORD });
    await expect(client).toHaveReceived({ path: '/wp-json/availo/v1/**', times: 2 });
    await expect(client).toHaveSentMail({ to: 'ash@example.com', times: 1 });
    await expect(expect(client).toHaveReceived({ method: 'GET' })).rejects.toThrow(/Closest requests received/);
  });
});
