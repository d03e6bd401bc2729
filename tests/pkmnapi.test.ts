import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createLogger } from '../core/log';
import type { EmulatorApp } from '../plugin/app';
import { GcraLimiter } from '../wp-json/pkmnapi/v1/rate-limit';
import { emailLiteral, isValidEmail } from '../wp-json/pkmnapi/v1/body';
import { REVOKED_MEMORY_SECONDS, REVOKED_PURGE_BATCH, type RevokedToken } from '../wp-json/pkmnapi/v1/index';
import { asAdmin, asEditor, flakyStoreFs, standardApp } from './helpers';

const BASE = '/wp-json/pkmnapi/v1';
const START = '2030-01-01T00:00:00Z';
const SITE = 'http://127.0.0.1:8080';

const tokenBody = (email: string) => ({ data: { type: 'access_tokens', attributes: { email_address: email } } });
const deleteBody = (email: string, code: string) => ({ data: { type: 'access_tokens', attributes: { code, email_address: email } } });
const errorBody = (id: string, message: string) => JSON.stringify({ data: { id, type: 'errors', attributes: { message } } });

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({ clock: START });
});
afterEach(async () => {
  await emu.close();
});

function post(path: string, body: unknown, auth: string | null = asAdmin) {
  const r = request(emu.app).post(`${BASE}${path}`).set('Content-Type', 'application/json');
  if (auth) r.set('Authorization', auth);
  return r.send(JSON.stringify(body));
}

function del(body: unknown, auth: string | null = asAdmin) {
  const r = request(emu.app).delete(`${BASE}/access_tokens`).set('Content-Type', 'application/json');
  if (auth) r.set('Authorization', auth);
  return r.send(JSON.stringify(body));
}

/** The last message to `to` in the outbox. */
function lastMail(to: string) {
  const all = emu.mailer.list({ to });
  return all[all.length - 1];
}

function tokenFromOutbox(to: string): string {
  const m = /^This is your access token: ([A-Za-z0-9]{64})\n$/.exec(lastMail(to)?.text ?? '');
  if (!m) throw new Error('no token mail');
  return m[1]!;
}

function deleteCodeFromOutbox(to: string): string {
  const m = /code=([A-Za-z0-9]{64})\n/.exec(lastMail(to)?.text ?? '');
  if (!m) throw new Error('no delete-code mail');
  return m[1]!;
}

function expectPkmnapiHeaders(res: request.Response) {
  expect(res.headers.server).toBe('pkmnapi/0.1.0');
  expect(res.headers['content-type']).toBe('application/json');
}

const pkmnapiCollections = () => {
  const { collections } = emu.store.exportData();
  return Object.fromEntries(Object.entries(collections).filter(([name]) => name.startsWith('pkmnapi.')));
};

describe('POST /access_tokens (seed example 1)', () => {
  it('answers 201 with Location, Server, Content-Type and {}; e-mails a 64-character token stored only as a keyed hash', async () => {
    const res = await post('/access_tokens', tokenBody('your@email.com'));
    expect(res.status).toBe(201);
    expectPkmnapiHeaders(res);
    expect(res.headers.location).toBe(`${SITE}/wp-json/pkmnapi/v1/access_tokens`);
    expect(res.text).toBe('{}');

    const mail = lastMail('your@email.com')!;
    expect(mail.subject).toBe('Pkmnapi access token');
    expect(mail.from).toBe('pkmnapi');
    const token = tokenFromOutbox('your@email.com');

    const stored = pkmnapiCollections();
    expect(JSON.stringify(stored)).not.toContain(token);
    const user = (stored['pkmnapi.users'] as Record<string, { tokenHash: string; email: string }>)['your@email.com']!;
    expect(user.email).toBe('your@email.com');
    expect(user.tokenHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('makes a live token: introspection says active, and GET /roms with it answers 403 error_roms_no_rom', async () => {
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    const token = tokenFromOutbox('your@email.com');
    expect(emu.site.introspect(token)).toEqual({ active: true, vendor: 'pkmnapi', sub: 'your@email.com', iat: Date.parse(START) / 1000 });
    expect(emu.site.introspect(token, 'pkmnapi').active).toBe(true);

    const roms = await request(emu.app).get(`${BASE}/roms`).set('Authorization', `Bearer ${token}`);
    expect(roms.status).toBe(403);
    expectPkmnapiHeaders(roms);
    expect(roms.text).toBe(errorBody('error_roms_no_rom', 'No ROM uploaded'));
  });

  it('refuses a second request within 600 s with 403 error_access_tokens_timeout, counting down by the clock', async () => {
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    const again = await post('/access_tokens', tokenBody('your@email.com'));
    expect(again.status).toBe(403);
    expectPkmnapiHeaders(again);
    expect(again.text).toBe(errorBody('error_access_tokens_timeout', 'Please try again in 600 seconds'));

    emu.clock.advance(100);
    expect((await post('/access_tokens', tokenBody('your@email.com'))).body.data.attributes.message).toBe('Please try again in 500 seconds');
    emu.clock.advance(500);
    expect((await post('/access_tokens', tokenBody('your@email.com'))).body.data.attributes.message).toBe('Please try again in 0 seconds');
    emu.clock.advance(1);
    expect((await post('/access_tokens', tokenBody('your@email.com'))).status).toBe(201);
    // Other addresses are not held back.
    expect((await post('/access_tokens', tokenBody('other@email.com'))).status).toBe(201);
    expect(emu.mailer.list({ to: 'your@email.com' })).toHaveLength(2);
  });

  it('replaces the old token: one user per address, the old token introspects inactive and the new one active', async () => {
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    const first = tokenFromOutbox('your@email.com');
    emu.clock.advance(601);
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    const second = tokenFromOutbox('your@email.com');
    expect(second).not.toBe(first);
    expect(emu.site.introspect(first, 'pkmnapi')).toEqual({ active: false, vendor: 'pkmnapi' });
    expect(emu.site.introspect(second, 'pkmnapi')).toMatchObject({ active: true, sub: 'your@email.com', iat: Date.parse(START) / 1000 + 601 });
    expect(Object.keys(pkmnapiCollections()['pkmnapi.users'] as object)).toEqual(['your@email.com']);
  });
});

describe('the delete flow (seed examples 2 and 3)', () => {
  it('POST /access_tokens/delete e-mails a code with the link; DELETE with it removes the user and the token; 204 every time', async () => {
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    const token = tokenFromOutbox('your@email.com');

    // The real API applies the 600-second cooldown to delete-code requests as well.
    const early = await post('/access_tokens/delete', tokenBody('your@email.com'));
    expect(early.status).toBe(403);
    expect(early.body.data.id).toBe('error_access_tokens_timeout');

    emu.clock.advance(601);
    const requested = await post('/access_tokens/delete', tokenBody('your@email.com'));
    expect(requested.status).toBe(201);
    expectPkmnapiHeaders(requested);
    expect(requested.headers.location).toBe(`${SITE}/wp-json/pkmnapi/v1/access_tokens`);
    expect(requested.text).toBe('{}');
    const mail = lastMail('your@email.com')!;
    expect(mail.subject).toBe('Pkmnapi delete access token');
    const code = deleteCodeFromOutbox('your@email.com');
    expect(mail.text).toBe(
      `Please click here to delete your access token: https://www.pkmnapi.com/actions/delete-user?email_address=your@email.com&code=${code}\n\nIf you did not request this email, someone else may have done so.\n`,
    );
    expect(JSON.stringify(pkmnapiCollections())).not.toContain(code);

    // Seed example 3: a wrong code answers 204 and deletes nothing.
    const wrong = await del(deleteBody('your@email.com', '1337'));
    expect(wrong.status).toBe(204);
    expectPkmnapiHeaders(wrong);
    expect(wrong.text).toBe('');
    expect(emu.site.introspect(token, 'pkmnapi').active).toBe(true);

    const right = await del(deleteBody('your@email.com', code));
    expect(right.status).toBe(204);
    expectPkmnapiHeaders(right);
    expect(right.text).toBe('');
    expect(pkmnapiCollections()['pkmnapi.users'] ?? {}).toEqual({});
    expect(emu.site.introspect(token, 'pkmnapi')).toEqual({ active: false, vendor: 'pkmnapi' });

    // Deleting again, or for an address never seen: still 204.
    expect((await del(deleteBody('your@email.com', code))).status).toBe(204);
    expect((await del(deleteBody('nobody@email.com', code))).status).toBe(204);
  });

  it('answers 201 for an unknown address and sends no mail', async () => {
    const res = await post('/access_tokens/delete', tokenBody('nobody@email.com'));
    expect(res.status).toBe(201);
    expect(res.text).toBe('{}');
    expect(emu.mailer.list()).toHaveLength(0);
  });

  it('DELETE without a requested code deletes nothing', async () => {
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    expect((await del(deleteBody('your@email.com', ''))).status).toBe(204);
    expect(Object.keys(pkmnapiCollections()['pkmnapi.users'] as object)).toEqual(['your@email.com']);
  });

  it('a newer delete code replaces the older one', async () => {
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    emu.clock.advance(601);
    await post('/access_tokens/delete', tokenBody('your@email.com')).expect(201);
    const old = deleteCodeFromOutbox('your@email.com');
    await post('/access_tokens/delete', tokenBody('your@email.com')).expect(201);
    await del(deleteBody('your@email.com', old)).expect(204);
    expect(Object.keys(pkmnapiCollections()['pkmnapi.users'] as object)).toEqual(['your@email.com']);
    await del(deleteBody('your@email.com', deleteCodeFromOutbox('your@email.com'))).expect(204);
    expect(pkmnapiCollections()['pkmnapi.users'] ?? {}).toEqual({});
  });

  it('escapes the address in the link as pkmnapi\'s template engine does', async () => {
    await post('/access_tokens', tokenBody("o'neil/x@email.com")).expect(201);
    emu.clock.advance(601);
    await post('/access_tokens/delete', tokenBody("o'neil/x@email.com")).expect(201);
    expect(lastMail("o'neil/x@email.com")!.text).toContain('email_address=o&#x27;neil&#x2F;x@email.com&code=');
  });
});

describe('acceptance over REST (control API)', () => {
  it('seed flow: token from the outbox is live, /roms answers no_rom, the delete flow leaves it inactive and the user gone', async () => {
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    const outbox = await request(emu.app).get('/wp-json/emulator/v1/outbox').query({ to: 'your@email.com' }).set('Authorization', asAdmin).expect(200);
    const token = /access token: ([A-Za-z0-9]{64})/.exec(outbox.body[0].text)![1]!;
    const introspect = () => request(emu.app).post('/wp-json/emulator/v1/tokens/introspect').set('Authorization', asAdmin).send({ token });
    expect((await introspect()).body).toMatchObject({ active: true, vendor: 'pkmnapi', sub: 'your@email.com' });
    expect((await request(emu.app).get(`${BASE}/roms`).set('Authorization', `Bearer ${token}`)).body.data.id).toBe('error_roms_no_rom');

    await request(emu.app).post('/wp-json/emulator/v1/clock').set('Authorization', asAdmin).send({ advance: 601 }).expect(200);
    await post('/access_tokens/delete', tokenBody('your@email.com')).expect(201);
    await del(deleteBody('your@email.com', deleteCodeFromOutbox('your@email.com'))).expect(204);
    expect((await introspect()).body).toEqual({ active: false, vendor: 'pkmnapi' });
    expect(pkmnapiCollections()['pkmnapi.users'] ?? {}).toEqual({});
  });
});

describe('errors in pkmnapi\'s shape', () => {
  it('{"data":{"type":"nope",...}} → 400 error_access_tokens_invalid', async () => {
    const res = await post('/access_tokens', { data: { type: 'nope', attributes: { email_address: 'your@email.com' } } });
    expect(res.status).toBe(400);
    expectPkmnapiHeaders(res);
    expect(res.text).toBe(errorBody('error_access_tokens_invalid', 'unknown variant `nope`, expected `access_tokens`'));
    expect(emu.mailer.list()).toHaveLength(0);
  });

  it.each([
    ['no data', {}, 'missing field `data`'],
    ['data not an object', { data: 'x' }, 'invalid type: string "x", expected struct BaseRequestData'],
    ['no type', { data: { attributes: { email_address: 'a@b.c' } } }, 'missing field `type`'],
    ['type not a string', { data: { type: 5, attributes: { email_address: 'a@b.c' } } }, 'invalid type: integer `5`, expected variant identifier'],
    ['no attributes', { data: { type: 'access_tokens' } }, 'missing field `attributes`'],
    ['no email', { data: { type: 'access_tokens', attributes: {} } }, 'missing field `email_address`'],
    ['email not a string', { data: { type: 'access_tokens', attributes: { email_address: true } } }, 'invalid type: boolean `true`, expected a string'],
    ['a JSON array', [1], 'invalid type: sequence, expected struct BaseRequest'],
  ])('bad body (%s) → 400 error_access_tokens_invalid with serde\'s message', async (_name, body, message) => {
    const res = await post('/access_tokens', body);
    expect(res.status).toBe(400);
    expectPkmnapiHeaders(res);
    expect(res.text).toBe(errorBody('error_access_tokens_invalid', message));
  });

  it('malformed and empty JSON → 400 error_access_tokens_invalid, not WordPress\'s rest_invalid_json', async () => {
    for (const [raw, message] of [
      ['{"data":', 'expected value'],
      ['', 'EOF while parsing a value at line 1 column 0'],
    ] as const) {
      const res = await request(emu.app).post(`${BASE}/access_tokens`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(raw);
      expect(res.status).toBe(400);
      expectPkmnapiHeaders(res);
      expect(res.text).toBe(errorBody('error_access_tokens_invalid', message));
    }
  });

  it('DELETE needs the code too', async () => {
    const res = await del({ data: { type: 'access_tokens', attributes: { email_address: 'your@email.com' } } });
    expect(res.status).toBe(400);
    expect(res.text).toBe(errorBody('error_access_tokens_invalid', 'missing field `code`'));
  });

  it('an invalid e-mail address → 400 "Invalid email address: foo" on all three routes', async () => {
    for (const res of [await post('/access_tokens', tokenBody('foo')), await post('/access_tokens/delete', tokenBody('foo')), await del(deleteBody('foo', 'x'))]) {
      expect(res.status).toBe(400);
      expectPkmnapiHeaders(res);
      expect(res.text).toBe(errorBody('error_access_tokens_invalid', 'Invalid email address: foo'));
    }
  });

  it('validates addresses like pkmnapi\'s validator', () => {
    for (const ok of ['foo@bar.com', 'a.b+c@localhost', "o'neil@x.io", 'x@[127.0.0.1]', 'user@bücher.de']) expect(isValidEmail(ok)).toBe(true);
    for (const bad of ['foo', '', '@bar.com', 'foo@', 'a b@c.d', 'foo@-bar.com', 'foo@bar..com', 'foo@[300.1.1.1]']) expect(isValidEmail(bad)).toBe(false);
  });

  it('reads an address literal as validator\'s (?i)\\[([A-f0-9:\\.]+)\\]\\z does (leftmost match, upstream\'s A-f range), also on runs of [', () => {
    expect(emailLiteral('[::1]')).toBe('::1');
    expect(emailLiteral('[2001:dB8::1]')).toBe('2001:dB8::1');
    expect(emailLiteral('x[127.0.0.1]')).toBe('127.0.0.1'); // unanchored at the start, as the Rust regex
    // '[' lies in A-f: the leftmost '[' wins and the capture keeps the second one (so no IP).
    expect(emailLiteral('[[::1]')).toBe('[::1');
    expect(emailLiteral('a b[::1]')).toBe('::1');
    expect(emailLiteral('[[[[[[[[[[[[[[[[[[[[')).toBeNull();
    expect(emailLiteral('[[[[[[[[[[[[[[[[[[[]')).toBe('[[[[[[[[[[[[[[[[[[');
    expect(emailLiteral('[]')).toBeNull();
    expect(emailLiteral('[1]]')).toBe('1]');
    expect(emailLiteral('[::1] ')).toBeNull();
    expect(isValidEmail('a@x[127.0.0.1]')).toBe(true);
    expect(isValidEmail('a@[[::1]')).toBe(false);
    expect(isValidEmail(`a@${'['.repeat(20)}`)).toBe(false);
  });

  it('answers 400 "Invalid email address" to a 100 KB address made of [ (the shape that made the old regex quadratic)', async () => {
    for (const domain of ['['.repeat(100_000), `${'['.repeat(100_000)}]`, `[${'1'.repeat(100_000)}`]) {
      const email = `a@${domain}`;
      for (const res of [await post('/access_tokens', tokenBody(email)), await post('/access_tokens/delete', tokenBody(email)), await del(deleteBody(email, 'x'))]) {
        expect(res.status).toBe(400);
        expect(res.body.data).toEqual({ id: 'error_access_tokens_invalid', type: 'errors', attributes: { message: `Invalid email address: ${email}` } });
      }
    }
    expect(emu.mailer.list()).toHaveLength(0);
  });

  it('a Bearer header on the access-token routes → 403 error_access_tokens_forbidden', async () => {
    for (const res of [
      await post('/access_tokens', tokenBody('your@email.com'), 'Bearer foo'),
      await post('/access_tokens/delete', tokenBody('your@email.com'), 'Bearer foo'),
      await del(deleteBody('your@email.com', 'x'), 'Bearer foo'),
    ]) {
      expect(res.status).toBe(403);
      expectPkmnapiHeaders(res);
      expect(res.text).toBe(errorBody('error_access_tokens_forbidden', 'Authorization header must not be set'));
    }
    expect(emu.mailer.list()).toHaveLength(0);
  });

  it('an unknown path or method → 404 error_not_found, any method, without an Allow header', async () => {
    const body = errorBody('error_not_found', 'The requested resource could not be found');
    for (const res of [
      await request(emu.app).get(`${BASE}/pokemon/names/1`),
      await request(emu.app).post(`${BASE}/nope`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send('{}'),
      await request(emu.app).get(`${BASE}/access_tokens`).set('Authorization', asAdmin),
      await request(emu.app).put(`${BASE}/access_tokens`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send('{}'),
      await request(emu.app).delete(`${BASE}/roms`).set('Authorization', 'Bearer x'),
    ]) {
      expect(res.status).toBe(404);
      expectPkmnapiHeaders(res);
      expect(res.text).toBe(body);
      expect(res.headers.allow).toBeUndefined();
    }
  });

  it('without Content-Type: application/json the access-token routes do not match → 404 error_not_found', async () => {
    const body = errorBody('error_not_found', 'The requested resource could not be found');
    const json = JSON.stringify(tokenBody('your@email.com'));
    for (const res of [
      await request(emu.app).post(`${BASE}/access_tokens`).set('Authorization', asAdmin).send(json),
      await request(emu.app).post(`${BASE}/access_tokens`).set('Authorization', asAdmin).set('Content-Type', 'text/plain').send(json),
      await request(emu.app).post(`${BASE}/access_tokens/delete`).set('Authorization', asAdmin).type('form').send({ a: 'b' }),
      await request(emu.app).delete(`${BASE}/access_tokens`).set('Authorization', asAdmin).set('Content-Type', 'application/vnd.api+json').send(json),
      await request(emu.app).post(`${BASE}/access_tokens`).send(json),
    ]) {
      expect(res.status).toBe(404);
      expectPkmnapiHeaders(res);
      expect(res.text).toBe(body);
    }
    // A charset parameter is fine.
    const withCharset = await request(emu.app).post(`${BASE}/access_tokens`).set('Authorization', asAdmin).set('Content-Type', 'application/json; charset=utf-8').send(json);
    expect(withCharset.status).toBe(201);
  });

  it('a body over BODY_LIMIT → 413 in pkmnapi\'s envelope with its headers', async () => {
    const small = await standardApp({ clock: START, settings: { BODY_LIMIT: 1024 } });
    try {
      const res = await request(small.app).post(`${BASE}/access_tokens`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(2000) }));
      expect(res.status).toBe(413);
      expectPkmnapiHeaders(res);
      expect(res.body.data).toMatchObject({ id: 'error_access_tokens_invalid', type: 'errors' });
      expect(res.body.data.attributes.message).toContain('1024');
    } finally {
      await small.close();
    }
  });
});

describe('store failures', () => {
  it('a store that cannot be written → 503 in pkmnapi\'s envelope, no token answered; works again once the disk recovers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkmnapi-503-'));
    const flaky = flakyStoreFs();
    const disk = await standardApp({ clock: START, settings: { DB_FILE: path.join(dir, 'db.json') }, storeFs: flaky.storeFs });
    try {
      flaky.fail('EIO');
      const send = () => request(disk.app).post(`${BASE}/access_tokens`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify(tokenBody('disk@email.com')));
      const refused = await send();
      expect(refused.status).toBe(503);
      expectPkmnapiHeaders(refused);
      expect(refused.body.data).toMatchObject({ id: 'error_internal_server', type: 'errors' });
      flaky.fail(null);
      disk.clock.advance(601);
      expect((await send()).status).toBe(201);
    } finally {
      await disk.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the WordPress layer', () => {
  it('issues tokens only for an administrator\'s application password: rest_forbidden 401 anonymous, 403 editor, with pkmnapi\'s Server header', async () => {
    const anonymous = await post('/access_tokens', tokenBody('your@email.com'), null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } });
    expect(anonymous.headers.server).toBe('pkmnapi/0.1.0');
    const editor = await post('/access_tokens/delete', tokenBody('your@email.com'), asEditor);
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_forbidden');
    const editorDelete = await del(deleteBody('your@email.com', 'x'), asEditor);
    expect(editorDelete.status).toBe(403);
    expect(emu.mailer.list()).toHaveLength(0);
    expect(pkmnapiCollections()['pkmnapi.users'] ?? {}).toEqual({});
  });

  it('GET /roms needs no WordPress login: a Bearer token is the vendor\'s credential', async () => {
    const res = await request(emu.app).get(`${BASE}/roms`).set('Authorization', 'Bearer not-a-real-token');
    expect(res.status).toBe(403);
    expect(res.text).toBe(errorBody('error_roms_no_rom', 'No ROM uploaded'));
  });

  it('GET /roms without a Bearer header → 401 error_access_tokens_unauthorized (a Basic header is not a token)', async () => {
    for (const res of [
      await request(emu.app).get(`${BASE}/roms`),
      await request(emu.app).get(`${BASE}/roms`).set('Authorization', asAdmin),
      await request(emu.app).get(`${BASE}/roms`).set('Authorization', 'bearer lowercase'),
    ]) {
      expect(res.status).toBe(401);
      expectPkmnapiHeaders(res);
      expect(res.text).toBe(errorBody('error_access_tokens_unauthorized', 'Authorization header must be set'));
    }
  });
});

describe('rate limit', () => {
  it('120 requests per address, then 429 error_too_many_requests; one more every 60 s (governor quota)', async () => {
    for (let i = 0; i < 120; i++) {
      const res = await request(emu.app).get(`${BASE}/roms`);
      expect(res.status).toBe(401);
    }
    const limited = await request(emu.app).get(`${BASE}/roms`);
    expect(limited.status).toBe(429);
    expectPkmnapiHeaders(limited);
    expect(limited.text).toBe(errorBody('error_too_many_requests', 'Too many requests. Please try again in 60 seconds.'));

    // The access-token routes share the limit, for anonymous and administrator requests alike.
    const tokens = await post('/access_tokens', tokenBody('your@email.com'));
    expect(tokens.status).toBe(429);
    expect((await post('/access_tokens', tokenBody('your@email.com'), null)).status).toBe(429);
    expect(emu.mailer.list()).toHaveLength(0);

    emu.clock.advance(59);
    expect((await request(emu.app).get(`${BASE}/roms`)).body.data.attributes.message).toBe('Too many requests. Please try again in 1 seconds.');
    emu.clock.advance(1);
    expect((await post('/access_tokens', tokenBody('your@email.com'))).status).toBe(201);
    expect((await request(emu.app).get(`${BASE}/roms`)).status).toBe(429);
  });

  it('does not count paths that do not match (404) and resets with the site', async () => {
    const app = await standardApp({ clock: START, settings: { PKMNAPI_RATE_LIMIT: 2, PKMNAPI_RATE_WINDOW: 30 } });
    try {
      for (let i = 0; i < 5; i++) expect((await request(app.app).get(`${BASE}/nothing-here`)).status).toBe(404);
      for (let i = 0; i < 5; i++) expect((await request(app.app).post(`${BASE}/access_tokens`).send('x')).status).toBe(404);
      expect((await request(app.app).get(`${BASE}/roms`)).status).toBe(401);
      expect((await request(app.app).get(`${BASE}/roms`)).status).toBe(401);
      const limited = await request(app.app).get(`${BASE}/roms`);
      expect(limited.status).toBe(429);
      expect(limited.body.data.attributes.message).toBe('Too many requests. Please try again in 30 seconds.');
      await app.site.reset();
      app.clock.set(START);
      expect((await request(app.app).get(`${BASE}/roms`)).status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('PKMNAPI_RATE_LIMIT=0 turns it off', async () => {
    const app = await standardApp({ clock: START, settings: { PKMNAPI_RATE_LIMIT: 0 } });
    try {
      for (let i = 0; i < 130; i++) expect((await request(app.app).get(`${BASE}/roms`)).status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('keeps one bucket per client address', () => {
    let now = 0;
    const limiter = new GcraLimiter(2, 60, () => now);
    expect(limiter.check('10.0.0.1')).toBeNull();
    expect(limiter.check('10.0.0.1')).toBeNull();
    expect(limiter.check('10.0.0.1')).toBe(60);
    expect(limiter.check('10.0.0.2')).toBeNull();
    now += 60_000;
    expect(limiter.check('10.0.0.1')).toBeNull();
    expect(limiter.check('10.0.0.1')).toBe(60);
  });

  it('prunes refilled buckets at most once per emission period, not on every request', () => {
    let now = 0;
    const limiter = new GcraLimiter(1, 60, () => now, { pruneAbove: 1 });
    limiter.check('a'); // a's bucket is full again from t = 60 s
    now = 30_000;
    limiter.check('b'); // prunes (nothing to drop yet): the next prune is due at t = 90 s
    now = 70_000;
    limiter.check('c'); // a could go, but the last prune was 40 s ago
    expect(limiter.size).toBe(3);
    now = 90_000;
    limiter.check('d'); // prunes a and b
    expect(limiter.size).toBe(2);
    expect(limiter.check('c')).toBe(40); // c is kept with its state
  });

  it('never holds more than maxKeys addresses: the one least recently allowed is dropped', () => {
    const limiter = new GcraLimiter(1, 60, () => 0, { maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) expect(limiter.check(key)).toBeNull();
    expect(limiter.check('a')).toBe(60); // refused: does not make a recent
    expect(limiter.check('d')).toBeNull();
    expect(limiter.size).toBe(3);
    expect(limiter.check('b')).toBe(60);
    expect(limiter.check('c')).toBe(60);
    expect(limiter.check('d')).toBe(60);
    expect(limiter.check('a')).toBeNull(); // forgotten: a full burst again
    expect(limiter.size).toBe(3);
  });
});

describe('revoked-token memory', () => {
  const revokedCollection = () => emu.store.collection<RevokedToken>('pkmnapi.revoked');
  /** Counts the records each revocation reads from pkmnapi.revoked. */
  function countReads() {
    const collection = revokedCollection();
    const original = collection.entries.bind(collection);
    const reads = { count: 0 };
    jest.spyOn(collection, 'entries').mockImplementation(function* () {
      for (const entry of original()) {
        reads.count++;
        yield entry;
      }
    });
    return reads;
  }
  async function replaceToken(email: string) {
    await post('/access_tokens', tokenBody(email)).expect(201);
    emu.clock.advance(601);
    await post('/access_tokens', tokenBody(email)).expect(201);
  }
  afterEach(() => jest.restoreAllMocks());

  it('a revocation reads only the oldest remembered tokens: it stops at the first one still within 30 days', async () => {
    const now = emu.clock.seconds();
    for (let i = 0; i < 2000; i++) revokedCollection().put(`live-${i}`, { sub: `u${i}@x.io`, iat: now, revokedAt: now, reason: 'replaced' });
    const reads = countReads();
    await replaceToken('your@email.com');
    expect(reads.count).toBe(1);
    expect(revokedCollection().size).toBe(2001);
  });

  it('forgets tokens older than 30 days oldest first, at most REVOKED_PURGE_BATCH per revocation', async () => {
    const now = emu.clock.seconds();
    const old = REVOKED_PURGE_BATCH + 50;
    for (let i = 0; i < old; i++) revokedCollection().put(`old-${i}`, { sub: 'o@x.io', iat: 0, revokedAt: now - REVOKED_MEMORY_SECONDS - 1, reason: 'replaced' });
    for (let i = 0; i < 10; i++) revokedCollection().put(`live-${i}`, { sub: 'l@x.io', iat: now, revokedAt: now, reason: 'deleted' });
    const reads = countReads();
    await replaceToken('your@email.com');
    expect(reads.count).toBeLessThanOrEqual(REVOKED_PURGE_BATCH + 1);
    const keys = () => [...revokedCollection().keys()];
    expect(keys().filter((k) => k.startsWith('old-'))).toEqual(Array.from({ length: 50 }, (_, i) => `old-${REVOKED_PURGE_BATCH + i}`));
    emu.clock.advance(601);
    await post('/access_tokens', tokenBody('your@email.com')).expect(201);
    expect(keys().filter((k) => k.startsWith('old-'))).toEqual([]);
    expect(keys().filter((k) => k.startsWith('live-'))).toHaveLength(10);
    expect(revokedCollection().size).toBe(12);
  });
});

describe('introspection', () => {
  it('is null for strings that are not 64 alphanumerics, and for unknown 64-character strings', async () => {
    const plugin = emu.site.plugins.get('pkmnapi')!;
    expect(plugin.introspect!('short')).toBeNull();
    expect(plugin.introspect!('x'.repeat(63) + '-')).toBeNull();
    expect(plugin.introspect!('A'.repeat(64))).toBeNull();
  });
});

describe('logs', () => {
  it('never carry tokens, delete codes or Authorization headers', async () => {
    const lines: string[] = [];
    const logged = await standardApp({ clock: START, logger: createLogger('debug', 'json', (line) => lines.push(line)) });
    try {
      const send = (path: string, body: unknown) =>
        request(logged.app).post(`${BASE}${path}`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify(body));
      await send('/access_tokens', tokenBody('your@email.com')).expect(201);
      const token = /([A-Za-z0-9]{64})/.exec(logged.mailer.list()[0]!.text)![1]!;
      await request(logged.app).get(`${BASE}/roms`).set('Authorization', `Bearer ${token}`).expect(403);
      logged.clock.advance(601);
      await send('/access_tokens/delete', tokenBody('your@email.com')).expect(201);
      const code = /code=([A-Za-z0-9]{64})/.exec(logged.mailer.list()[1]!.text)![1]!;
      await request(logged.app).delete(`${BASE}/access_tokens`).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify(deleteBody('your@email.com', code))).expect(204);
      expect(lines.length).toBeGreaterThan(0);
      const all = lines.join('\n');
      expect(all).not.toContain(token);
      expect(all).not.toContain(code);
      expect(all).not.toContain(asAdmin.slice(6));
    } finally {
      await logged.close();
    }
  });
});
