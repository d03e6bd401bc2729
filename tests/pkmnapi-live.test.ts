/**
 * pkmnapi `live` profile: the cases of pkmn-api/pkmnapi's own HTTP tests, ported
 * (pkmnapi-api/tests/access_tokens.rs, rate_limiting.rs, and common.rs's assert_unauthorized and
 * assert_headers). Paths are below /wp-json/pkmnapi (the real API serves /v1/...), and Location
 * carries the emulator's host (the real tests' base is http://localhost:8080). Headers are checked
 * as common::assert_headers does: exactly these, no other; only the transport's framing headers
 * (Date, Connection, Content-Length, Keep-Alive), which Rocket's local client never shows, are set aside.
 */
import request from 'supertest';
import type { EmulatorApp } from '../plugin/app';
import { standardApp } from './helpers';

const BASE = '/wp-json/pkmnapi/v1';
const SITE = 'http://127.0.0.1:8080';
const START = '2030-01-01T00:00:00Z';
const TRANSPORT = new Set(['date', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

const tokenBody = (email: string) => JSON.stringify({ data: { type: 'access_tokens', attributes: { email_address: email } } });
const deleteBody = (email: string, code: string) => JSON.stringify({ data: { type: 'access_tokens', attributes: { code, email_address: email } } });
const errorBody = (id: string, message: string) => JSON.stringify({ data: { id, type: 'errors', attributes: { message } } });

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({ clock: START, settings: { PKMNAPI_PROFILE: 'live', SITE_URL: SITE } });
});
afterEach(async () => {
  await emu.close();
});

/** common::assert_headers: every expected header present (with its value when given), and no other. */
function assertHeaders(headers: Record<string, unknown>, expected: [string, string][]): void {
  const seen = Object.keys(headers).filter((name) => !TRANSPORT.has(name));
  expect(seen.sort()).toEqual(expected.map(([name]) => name.toLowerCase()).sort());
  for (const [name, value] of expected) if (value !== '') expect(headers[name.toLowerCase()]).toBe(value);
}

function send(method: 'post' | 'delete', path: string, body: string, bearer?: string) {
  const r = request(emu.app)[method](`${BASE}${path}`).set('Content-Type', 'application/json');
  if (bearer !== undefined) r.set('Authorization', `Bearer ${bearer}`);
  return r.send(body);
}

const JSON_SERVER: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['Server', 'pkmnapi/0.1.0'],
];
const CREATED: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['Location', `${SITE}${BASE}/access_tokens`],
  ['Server', 'pkmnapi/0.1.0'],
];

describe('pkmnapi live: tests/access_tokens.rs', () => {
  it('post_access_token_201', async () => {
    const res = await send('post', '/access_tokens', tokenBody('foo@bar.com'));
    expect(res.text.length).toBe(66);
    expect(res.text).toMatch(/^"[A-Za-z0-9]{64}"$/);
    expect(res.status).toBe(201);
    assertHeaders(res.headers, CREATED);
  });

  it('post_access_token_400', async () => {
    const res = await send('post', '/access_tokens', tokenBody('foo'));
    expect(res.text).toBe(errorBody('error_access_tokens_invalid', 'Invalid email address: foo'));
    expect(res.status).toBe(400);
    assertHeaders(res.headers, JSON_SERVER);
  });

  it('post_access_token_403_authorization', async () => {
    const res = await send('post', '/access_tokens', tokenBody('foo@bar.com'), 'foo');
    expect(res.text).toBe(errorBody('error_access_tokens_forbidden', 'Authorization header must not be set'));
    expect(res.status).toBe(403);
    assertHeaders(res.headers, JSON_SERVER);
  });

  it('post_access_token_403_timeout', async () => {
    await send('post', '/access_tokens', tokenBody('foo@bar.com'));
    const res = await send('post', '/access_tokens', tokenBody('foo@bar.com'));
    expect(res.text).toBe(errorBody('error_access_tokens_timeout', 'Please try again in 600 seconds'));
    expect(res.status).toBe(403);
    assertHeaders(res.headers, JSON_SERVER);
  });

  it('post_access_token_delete_201', async () => {
    const res = await send('post', '/access_tokens/delete', tokenBody('foo@bar.com'));
    expect(res.status).toBe(201);
    expect(res.text).toBe('""'); // no such user: the debug build's empty delete code
    assertHeaders(res.headers, CREATED);
  });

  it('post_access_token_delete_400', async () => {
    const res = await send('post', '/access_tokens/delete', tokenBody('foo'));
    expect(res.text).toBe(errorBody('error_access_tokens_invalid', 'Invalid email address: foo'));
    expect(res.status).toBe(400);
    assertHeaders(res.headers, JSON_SERVER);
  });

  it('post_access_token_delete_403_authorization', async () => {
    const res = await send('post', '/access_tokens/delete', tokenBody('foo@bar.com'), 'foo');
    expect(res.text).toBe(errorBody('error_access_tokens_forbidden', 'Authorization header must not be set'));
    expect(res.status).toBe(403);
    assertHeaders(res.headers, JSON_SERVER);
  });

  it('delete_access_token_204', async () => {
    const res = await send('delete', '/access_tokens', deleteBody('foo@bar.com', '1337'));
    expect(res.text).toBe('');
    expect(res.status).toBe(204);
    assertHeaders(res.headers, [['Server', 'pkmnapi/0.1.0']]);
  });

  it('delete_access_token_400', async () => {
    const res = await send('delete', '/access_tokens', deleteBody('foo', '1337'));
    expect(res.text).toBe(errorBody('error_access_tokens_invalid', 'Invalid email address: foo'));
    expect(res.status).toBe(400);
    assertHeaders(res.headers, JSON_SERVER);
  });

  it('delete_access_token_403_authorization', async () => {
    const res = await send('delete', '/access_tokens', deleteBody('foo@bar.com', '1337'), 'foo');
    expect(res.text).toBe(errorBody('error_access_tokens_forbidden', 'Authorization header must not be set'));
    expect(res.status).toBe(403);
    assertHeaders(res.headers, JSON_SERVER);
  });

  it('the delete code from the 201 body deletes the token (the whole flow of the debug build)', async () => {
    const token = JSON.parse((await send('post', '/access_tokens', tokenBody('foo@bar.com'))).text) as string;
    await emu.clock.advance(601);
    const code = JSON.parse((await send('post', '/access_tokens/delete', tokenBody('foo@bar.com'))).text) as string;
    expect(code).toMatch(/^[A-Za-z0-9]{64}$/);
    expect((await send('delete', '/access_tokens', deleteBody('foo@bar.com', code))).status).toBe(204);
    expect(emu.site.introspect(token)).toMatchObject({ active: false });
    expect(emu.mailer.list()).toEqual([]); // the debug build mails nothing
  });
});

describe('pkmnapi live: common.rs assert_unauthorized and tests/rate_limiting.rs', () => {
  it('answers a token route without Authorization with error_access_tokens_unauthorized', async () => {
    const res = await request(emu.app).get(`${BASE}/roms`);
    expect(res.text).toBe(errorBody('error_access_tokens_unauthorized', 'Authorization header must be set'));
    expect(res.status).toBe(401);
    assertHeaders(res.headers, JSON_SERVER);
  });

  it('rate_limiting: the 121st request is 429 error_too_many_requests', async () => {
    const token = JSON.parse((await send('post', '/access_tokens', tokenBody('foo@bar.com'))).text) as string;
    // The token request counted too; 120 requests in all before the one refused, as in the real test.
    for (let i = 1; i < 120; i++) await request(emu.app).get(`${BASE}/roms`).set('Authorization', `Bearer ${token}`);
    const res = await request(emu.app).get(`${BASE}/roms`).set('Authorization', `Bearer ${token}`);
    expect(res.text.replace(/\d+/g, 'XX')).toBe(errorBody('error_too_many_requests', 'Too many requests. Please try again in XX seconds.'));
    expect(res.status).toBe(429);
    assertHeaders(res.headers, JSON_SERVER);
  });
});
