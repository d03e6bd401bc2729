import request from 'supertest';
import { ApplicationPasswords } from '../../core/auth/application-passwords';
import { createLogger } from '../../core/log';
import type { EmulatorApp } from '../../plugin/app';
import { EDITOR_PASSWORD, basic, standardApp, standardFixtures } from '../helpers';
import { testNamespace } from '../core/test-namespace';

/*
 * The smaller findings of issue 21, each pinned: the per-user lockout follows the account whether it
 * is named by login or by e-mail; an unknown login costs the same work as a known one; a Fess token
 * sent in a path segment or under a configured parameter name (even a wrong one) is blanked in the
 * log, the journal and the error message.
 */

describe('brute-force lockout follows the account, however it is named', () => {
  let emu: EmulatorApp;
  afterEach(() => emu.close());
  const ping = (auth: string) => request(emu.app).post('/wp-json/test/v1/admin-ping').set('Authorization', auth);

  it('after the per-user limit as `alice`, guessing as `alice@example.com` (and the other way round) is refused too', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE_MAX_PER_IP: 10_000, AUTH_THROTTLE_MAX_PER_USER: 20 } });
    for (let i = 0; i < 20; i++) expect((await ping(basic('alice', `wrong-${i}`))).status).toBe(401);
    expect((await ping(basic('alice', 'wrong-again'))).status).toBe(429);
    const byEmail = await ping(basic('alice@example.com', 'wrong-by-email'));
    expect(byEmail.status).toBe(429);
    expect(byEmail.body.code).toBe('rest_too_many_login_attempts');
    expect((await ping(basic('ALICE@example.com', EDITOR_PASSWORD))).status).toBe(429); // a lucky guess is not confirmed either
    // Another account is not affected.
    expect((await ping(basic('sam', 'wrong'))).status).toBe(401);
  });

  it('failures by e-mail count against the login as well', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE_MAX_PER_IP: 10_000, AUTH_THROTTLE_MAX_PER_USER: 10 } });
    for (let i = 0; i < 10; i++) expect((await ping(basic('alice@example.com', `wrong-${i}`))).status).toBe(401);
    expect((await ping(basic('alice', 'wrong'))).status).toBe(429);
  });

  it('logins that name no account are still counted as typed', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE_MAX_PER_IP: 10_000, AUTH_THROTTLE_MAX_PER_USER: 5 } });
    for (let i = 0; i < 5; i++) expect((await ping(basic('nobody', `wrong-${i}`))).status).toBe(401);
    expect((await ping(basic('nobody', 'wrong'))).status).toBe(429);
    expect((await ping(basic('alice', 'wrong'))).status).toBe(401);
  });
});

describe('an unknown login costs the same work as a known one', () => {
  let emu: EmulatorApp;
  afterEach(() => {
    jest.restoreAllMocks();
    return emu.close();
  });

  it('the password is normalised and hashed, and compared once, whether or not the login exists', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE: false } });
    const hash = jest.spyOn(ApplicationPasswords.prototype, 'hash');
    await request(emu.app).post('/wp-json/test/v1/admin-ping').set('Authorization', basic('alice', 'wrong password 1'));
    const known = hash.mock.calls.length;
    hash.mockClear();
    await request(emu.app).post('/wp-json/test/v1/admin-ping').set('Authorization', basic('no-such-user', 'wrong password 1'));
    expect(known).toBe(1);
    expect(hash.mock.calls.length).toBe(known);
    expect(hash.mock.calls[0]![0]).toBe('wrongpassword1');
  });
});

describe('Fess tokens where they are not expected are blanked everywhere', () => {
  const TOKEN = 'fessLeakTestAdminToken77';
  const CUSTOM = 'fessCustomParamToken88';
  let emu: EmulatorApp;
  const lines: string[] = [];
  beforeAll(async () => {
    emu = await standardApp({
      logger: createLogger('debug', 'text', (line) => lines.push(line)),
      settings: { LOG_LEVEL: 'debug', JOURNAL_SIZE: 1000 },
      fixtures: {
        ...standardFixtures,
        fess: {
          tokens: [
            { name: 'admin', token: TOKEN, permissions: ['admin-api'] },
            { name: 'custom', token: CUSTOM, parameterName: 'sid', permissions: ['guest'] },
          ],
        },
      },
    });
  });
  afterAll(() => emu.close());

  const everywhere = (answer: request.Response) => [lines.join('\n'), JSON.stringify(emu.journal.list()), answer.text, JSON.stringify(answer.headers)].join('\n');

  it('a token sent as a setting id (`GET .../setting/<token>`): not in the log, the journal or the error message', async () => {
    const base = '/wp-json/fess/v1/api/admin/accesstoken';
    const answer = await request(emu.app).get(`${base}/setting/${TOKEN}`).set('Authorization', `Bearer ${TOKEN}`);
    expect(answer.status).toBe(400);
    expect(answer.body.response.message).toContain('[redacted]');
    const removed = await request(emu.app).delete(`${base}/setting/${CUSTOM}`).set('Authorization', `Bearer ${TOKEN}`);
    expect(removed.status).toBe(400);
    expect(lines.some((l) => l.includes(`${base}/setting/[redacted]`))).toBe(true); // the request was logged, blanked
    expect(everywhere(answer).includes(CUSTOM)).toBe(false);
    // The admin token itself went in the Authorization header, which is never logged; it is in no output either.
    expect(everywhere(answer).includes(TOKEN)).toBe(false);
  });

  it('a wrong value under a configured token parameter name (`?sid=...`): not in the log or the journal', async () => {
    const wrong = 'wrongValueUnderSid999';
    const answer = await request(emu.app).get(`/wp-json/fess/v1/json/?q=x&sid=${wrong}`);
    expect(answer.status).toBe(200); // not a token at all for Fess: an anonymous search
    expect(lines.some((l) => l.includes('/wp-json/fess/v1/json/?q=x&sid=[redacted]'))).toBe(true);
    expect(everywhere(answer).replace(answer.text, '').includes(wrong)).toBe(false);
    const right = await request(emu.app).get(`/wp-json/fess/v1/json/?q=x&sid=${CUSTOM}`);
    expect(right.status).toBe(200);
    expect(everywhere(right).includes(CUSTOM)).toBe(false);
  });
});
