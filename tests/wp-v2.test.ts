import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import request from 'supertest';
import { bcrypt } from '../core/auth/bcrypt';
import { runStoreCommand } from '../plugin/cli';
import { wpSpecialcharsDecode } from '../core/wordpress/formatting';
import type { EmulatorApp } from '../plugin/app';
import { ADMIN_PASSWORD, asAdmin, asEditor, asSubscriber, basic, EDITOR_PASSWORD, standardApp } from './helpers';

const ADMIN_UUID = '11111111-1111-4111-8111-111111111111';
const EDITOR_UUID = '22222222-2222-4222-8222-222222222222';
const SITE = 'http://127.0.0.1:8080';

describe('wp/v2 users/me', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: SITE } });
  });
  afterEach(() => emu.close());

  it('answers anonymous requests with 401 rest_not_logged_in (and Allow: GET)', async () => {
    const res = await request(emu.app).get('/wp-json/wp/v2/users/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } });
    expect(res.headers.allow).toBe('GET');
  });

  it('treats bad credentials as anonymous, never as a challenge', async () => {
    for (const auth of [basic('admin', 'wrong'), basic('admin', 'password'), basic('nobody', ADMIN_PASSWORD), 'Basic !!!', 'Bearer x']) {
      const res = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('rest_not_logged_in');
      expect(res.headers['www-authenticate']).toBeUndefined();
    }
  });

  it('shows the view context with raw and chunked passwords, and by e-mail', async () => {
    for (const auth of [asAdmin, basic('admin', ADMIN_PASSWORD.replace(/ /g, '')), basic('admin@localhost.com', ADMIN_PASSWORD)]) {
      const res = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['id', 'name', 'url', 'description', 'link', 'slug', 'avatar_urls', 'meta', '_links']);
      expect(res.body.id).toBe(1);
      expect(res.body.link).toBe(`${SITE}/author/admin/`);
      expect(res.body.meta).toEqual([]);
      expect(res.body.avatar_urls['48']).toMatch(/^https:\/\/secure\.gravatar\.com\/avatar\/[0-9a-f]{64}\?s=48&d=mm&r=g$/);
      expect(res.body._links.self[0]).toEqual({ href: `${SITE}/wp-json/wp/v2/users/1`, targetHints: { allow: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] } });
    }
  });

  it('adds username, email, roles and capabilities with context=edit', async () => {
    const res = await request(emu.app).get('/wp-json/wp/v2/users/me?context=edit').set('Authorization', asEditor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 2, username: 'alice', email: 'alice@example.com', roles: ['editor'], locale: 'en_US', extra_capabilities: { editor: true } });
    expect(res.body.capabilities.edit_users).toBeUndefined();
    expect(res.body.capabilities.edit_posts).toBe(true);
    expect(res.body.registered_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(res.body.meta).toEqual({ persisted_preferences: [] });
    expect(res.body._links.self[0].targetHints.allow).toEqual(['GET', 'POST', 'PUT', 'PATCH']);
  });

  it('rejects an unknown context with 400 rest_invalid_param', async () => {
    const res = await request(emu.app).get('/wp-json/wp/v2/users/me?context=nope').set('Authorization', asAdmin);
    expect(res.status).toBe(400);
    expect(res.body.data.params).toEqual({ context: 'context is not one of view, embed, and edit.' });
  });

  it('lets a user edit their own profile, but not their username or role', async () => {
    const ok = await request(emu.app).post('/wp-json/wp/v2/users/me').set('Authorization', asSubscriber).send({ name: 'Sam S.', description: 'hi' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Sam S.', description: 'hi', username: 'sam' });
    expect(emu.users.byId(3)?.displayName).toBe('Sam S.');
    const login = await request(emu.app).patch('/wp-json/wp/v2/users/me').set('Authorization', asSubscriber).send({ username: 'other' });
    expect(login.status).toBe(400);
    expect(login.body.code).toBe('rest_user_invalid_argument');
    const role = await request(emu.app).put('/wp-json/wp/v2/users/me').set('Authorization', asSubscriber).send({ roles: ['administrator'] });
    expect(role.status).toBe(403);
    expect(role.body.code).toBe('rest_cannot_edit_roles');
  });

  it('deletes only with force=true and a reassign, and only for users with delete_users', async () => {
    const editor = await request(emu.app).delete('/wp-json/wp/v2/users/me?reassign=1&force=true').set('Authorization', asEditor);
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_user_cannot_delete');
    const missing = await request(emu.app).delete('/wp-json/wp/v2/users/me').set('Authorization', asAdmin);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'rest_missing_callback_param', data: { params: ['reassign'] } });
    const trash = await request(emu.app).delete('/wp-json/wp/v2/users/me?reassign=2').set('Authorization', asAdmin);
    expect(trash.status).toBe(501);
    expect(trash.body.code).toBe('rest_trash_not_supported');
    const self = await request(emu.app).delete('/wp-json/wp/v2/users/me?reassign=1&force=true').set('Authorization', asAdmin);
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('rest_user_invalid_reassign');
    const gone = await request(emu.app).delete('/wp-json/wp/v2/users/me?reassign=2&force=true').set('Authorization', asAdmin);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ deleted: true, previous: { id: 1, username: 'admin' } });
    expect(emu.users.byId(1)).toBeUndefined();
    expect(emu.applicationPasswords.list(1)).toEqual([]);
    const after = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', asAdmin);
    expect(after.status).toBe(401);
  });
});

describe('wp/v2 application passwords', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: SITE }, clock: '2025-01-02T03:04:05Z' });
  });
  afterEach(() => emu.close());

  const list = (user: string | number) => `/wp-json/wp/v2/users/${user}/application-passwords`;

  it('lists the user’s passwords with their fields and self links, no password', async () => {
    const res = await request(emu.app).get(list('me')).set('Authorization', asAdmin);
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('GET, POST, DELETE');
    expect(res.headers['x-wp-total']).toBeUndefined();
    expect(res.body).toEqual([
      {
        uuid: ADMIN_UUID,
        app_id: '',
        name: 'oracle-admin',
        created: '2023-11-14T22:13:20',
        last_used: '2025-01-02T03:04:05',
        last_ip: '127.0.0.1',
        _links: { self: [{ href: `${SITE}/wp-json/wp/v2/users/1/application-passwords/${ADMIN_UUID}`, targetHints: { allow: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] } }] },
      },
    ]);
  });

  it('lets an admin list anyone’s, and an editor only their own (403 rest_cannot_list_application_passwords)', async () => {
    const admin = await request(emu.app).get(list(2)).set('Authorization', asAdmin);
    expect(admin.status).toBe(200);
    expect(admin.body.map((i: { uuid: string }) => i.uuid)).toEqual([EDITOR_UUID]);
    const own = await request(emu.app).get(list(2)).set('Authorization', asEditor);
    expect(own.status).toBe(200);
    const other = await request(emu.app).get(list(1)).set('Authorization', asEditor);
    expect(other.status).toBe(403);
    expect(other.body).toEqual({
      code: 'rest_cannot_list_application_passwords',
      message: 'Sorry, you are not allowed to list application passwords for this user.',
      data: { status: 403 },
    });
    expect(other.headers.allow).toBeUndefined();
  });

  it('answers anonymous `me` with rest_not_logged_in and an anonymous id with the route’s own 401', async () => {
    const me = await request(emu.app).get(list('me'));
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('rest_not_logged_in');
    const byId = await request(emu.app).get(list(1));
    expect(byId.status).toBe(401);
    expect(byId.body.code).toBe('rest_cannot_list_application_passwords');
    const create = await request(emu.app).post(list(1)).send({ name: 'x' });
    expect(create.status).toBe(401);
    expect(create.body.code).toBe('rest_cannot_create_application_passwords');
  });

  // Each answered the same by the wp-oracle (WordPress 6.8): create_new_application_password and
  // update_application_password run the name through sanitize_text_field unless PHP's empty() holds.
  it("refuses the name '0' (PHP's empty()) and keeps a no-break space, which PHP's trim() does not strip", async () => {
    const zero = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: '0' });
    expect(zero.status).toBe(400);
    expect(zero.body).toEqual({ code: 'application_password_empty_name', message: 'An application name is required to create an application password.', data: { status: 400 } });
    const nbsp = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: '\u00a0nb\u00a0' });
    expect(nbsp.status).toBe(201);
    expect(nbsp.body.name).toBe('\u00a0nb\u00a0');
    const spaces = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: ' \t sp \n ' });
    expect(spaces.body.name).toBe('sp');
  });

  it("keeps the old name when the new one is PHP-empty ('0') or empty once sanitised (only tags)", async () => {
    const item = `${list('me')}/${ADMIN_UUID}`;
    for (const name of ['0', '<i></i>']) {
      const res = await request(emu.app).post(item).set('Authorization', asAdmin).send({ name });
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('oracle-admin');
    }
    const renamed = await request(emu.app).post(item).set('Authorization', asAdmin).send({ name: 'a<b>c</b>  d' });
    expect(renamed.body.name).toBe('ac d');
    expect(emu.applicationPasswords.get(1, ADMIN_UUID)?.name).toBe('ac d');
  });

  it('checks the user id before permissions: 0 and unknown ids are 404 rest_user_invalid_id, a login is rest_no_route', async () => {
    for (const [user, auth] of [[0, asAdmin], [999, asEditor], [0, undefined]] as const) {
      const req = request(emu.app).get(list(user));
      const res = auth ? await req.set('Authorization', auth) : await req;
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } });
    }
    const login = await request(emu.app).get(list('admin')).set('Authorization', asAdmin);
    expect(login.status).toBe(404);
    expect(login.body.code).toBe('rest_no_route');
  });

  it('creates a password (201, Location with the numeric id, chunked password once) that authenticates at once', async () => {
    const res = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: 'ci' });
    expect(res.status).toBe(201);
    expect(res.body.password).toMatch(/^[A-Za-z0-9]{4}( [A-Za-z0-9]{4}){5}$/);
    expect(res.body).toMatchObject({ app_id: '', name: 'ci', created: '2025-01-02T03:04:05', last_used: null, last_ip: null });
    expect(res.headers.location).toBe(`${SITE}/wp-json/wp/v2/users/1/application-passwords/${res.body.uuid}`);
    // only the hash is stored
    expect(JSON.stringify(emu.store.exportData())).not.toContain(res.body.password.replace(/ /g, ''));
    const get = await request(emu.app).get(`${list('me')}/${res.body.uuid}`).set('Authorization', asAdmin);
    expect(get.body.password).toBeUndefined();
    for (const pw of [res.body.password, res.body.password.replace(/ /g, '')]) {
      const me = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', basic('admin', pw));
      expect(me.status).toBe(200);
    }
  });

  it('validates the name and app_id', async () => {
    const missing = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('rest_missing_callback_param');
    const blank = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: '  ' });
    expect(blank.body.data.details.name.code).toBe('rest_invalid_pattern');
    const appId = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: 'x', app_id: 'nope' });
    expect(appId.body.data.params).toEqual({ app_id: 'app_id is not a valid UUID.' });
    const withAppId = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: 'x', app_id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' });
    expect(withAppId.status).toBe(201);
    expect(withAppId.body.app_id).toBe('6ba7b810-9dad-11d1-80b4-00c04fd430c8');
  });

  it('lets an admin create for another user, not an editor (403 rest_cannot_create_application_passwords)', async () => {
    const admin = await request(emu.app).post(list(2)).set('Authorization', asAdmin).send({ name: 'for alice' });
    expect(admin.status).toBe(201);
    expect(emu.applicationPasswords.list(2)).toHaveLength(2);
    const editor = await request(emu.app).post(list(1)).set('Authorization', asEditor).send({ name: 'x' });
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_cannot_create_application_passwords');
  });

  it('gets, renames and deletes one password; an unknown uuid is 404 rest_application_password_not_found', async () => {
    const created = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: 'temp' });
    const item = `${list('me')}/${created.body.uuid}`;
    const renamed = await request(emu.app).patch(item).set('Authorization', asAdmin).send({ name: 'renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('renamed');
    const unchanged = await request(emu.app).put(item).set('Authorization', asAdmin).send({});
    expect(unchanged.body.name).toBe('renamed');
    const unknown = await request(emu.app).get(`${list('me')}/99999999-9999-4999-8999-999999999999`).set('Authorization', asAdmin);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'rest_application_password_not_found', message: 'Application password not found.', data: { status: 404 } });
    expect(unknown.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE');
    const otherUsers = await request(emu.app).get(`${list(1)}/${EDITOR_UUID}`).set('Authorization', asAdmin);
    expect(otherUsers.status).toBe(404);
    const editor = await request(emu.app).delete(`${list(1)}/${created.body.uuid}`).set('Authorization', asEditor);
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_cannot_delete_application_password');
    const deleted = await request(emu.app).delete(item).set('Authorization', asAdmin);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({
      deleted: true,
      previous: { uuid: created.body.uuid, app_id: '', name: 'renamed', created: '2025-01-02T03:04:05', last_used: null, last_ip: null },
    });
    const again = await request(emu.app).delete(item).set('Authorization', asAdmin);
    expect(again.status).toBe(404);
  });

  /**
   * Sends `first` (a body of 64 KB or more: sanitised in one turn, stored in the next) all but its
   * last byte, then that byte and the whole of `second` at once, so the server runs `second` between
   * `first`'s two turns. Both answers' texts.
   */
  async function between(first: { method: string; path: string; body: string }, second: { method: string; path: string }): Promise<[string, string]> {
    const server = http.createServer(emu.app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const answer = (socket: net.Socket) =>
      new Promise<string>((resolve) => {
        let text = '';
        socket.setEncoding('latin1').on('data', (d: string) => (text += d)).on('close', () => resolve(text));
      });
    try {
      const a = net.connect(port, '127.0.0.1');
      const b = net.connect(port, '127.0.0.1');
      const answers = Promise.all([answer(a), answer(b)]);
      await Promise.all([once(a, 'connect'), once(b, 'connect')]);
      a.write(`${first.method} ${first.path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${asAdmin}\r\nContent-Type: application/json\r\nContent-Length: ${first.body.length}\r\nConnection: close\r\n\r\n${first.body.slice(0, -1)}`);
      await new Promise((resolve) => setTimeout(resolve, 50)); // all but the last byte read
      a.write(first.body.slice(-1));
      b.write(`${second.method} ${second.path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${asAdmin}\r\nConnection: close\r\n\r\n`);
      return await answers;
    } finally {
      server.close();
    }
  }
  const statusLine = (text: string) => text.split('\r\n')[0];
  const largeName = JSON.stringify({ name: 'n'.repeat(70_000) });

  it('a rename with a large name does not bring back the password deleted while it was sanitised', async () => {
    const created = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: 'doomed' });
    const path = `${list('me')}/${created.body.uuid}`;
    const [renamed, removed] = await between({ method: 'PATCH', path, body: largeName }, { method: 'DELETE', path });
    expect(statusLine(removed)).toBe('HTTP/1.1 200 OK');
    expect(statusLine(renamed)).toBe('HTTP/1.1 404 Not Found');
    expect(renamed).toContain('"code":"rest_application_password_not_found"');
    expect((await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', basic('admin', created.body.password))).status).toBe(401);
    expect((await request(emu.app).get(list('me')).set('Authorization', asAdmin)).body.map((p: { uuid: string }) => p.uuid)).not.toContain(created.body.uuid);
  });

  it('a password with a large name is not made for a user deleted while it was sanitised', async () => {
    const [made, removed] = await between({ method: 'POST', path: list(3), body: largeName }, { method: 'DELETE', path: '/wp-json/wp/v2/users/3?force=true&reassign=1' });
    expect(statusLine(removed)).toBe('HTTP/1.1 200 OK');
    expect(statusLine(made)).toBe('HTTP/1.1 404 Not Found');
    expect(made).toContain('"code":"rest_user_invalid_id"');
    expect(emu.applicationPasswords.list(3)).toEqual([]);
  });

  it('stops a deleted password from authenticating on the very next request', async () => {
    const created = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: 'short-lived' });
    const auth = basic('admin', created.body.password);
    expect((await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth)).status).toBe(200);
    await request(emu.app).delete(`${list('me')}/${created.body.uuid}`).set('Authorization', auth).expect(200);
    const next = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth);
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('rest_not_logged_in');
  });

  it('deletes all of a user’s passwords, the one in use included', async () => {
    await request(emu.app).post(list(2)).set('Authorization', asAdmin).send({ name: 'second' }).expect(201);
    const res = await request(emu.app).delete(list(2)).set('Authorization', asAdmin);
    expect(res.body).toEqual({ deleted: true, count: 2 });
    expect((await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', basic('alice', EDITOR_PASSWORD))).status).toBe(401);
    const editor = await request(emu.app).delete(list(1)).set('Authorization', asSubscriber);
    expect(editor.status).toBe(403);
    expect(editor.body.code).toBe('rest_cannot_delete_application_passwords');
  });

  it('introspects the password of the request, only for the current user', async () => {
    const res = await request(emu.app).get(`${list('me')}/introspect`).set('Authorization', asEditor);
    expect(res.status).toBe(200);
    expect(res.body.uuid).toBe(EDITOR_UUID);
    const admin = await request(emu.app).get(`${list(2)}/introspect`).set('Authorization', asAdmin);
    expect(admin.status).toBe(403);
    expect(admin.body.code).toBe('rest_cannot_introspect_app_password_for_non_authenticated_user');
  });

  it('filters item fields with context=embed', async () => {
    const res = await request(emu.app).get(`${list('me')}?context=embed`).set('Authorization', asAdmin);
    expect(Object.keys(res.body[0])).toEqual(['uuid', 'app_id', 'name', '_links']);
  });

  it('records last use at most once a day', async () => {
    const created = await request(emu.app).post(list('me')).set('Authorization', asAdmin).send({ name: 'usage' });
    const auth = basic('admin', created.body.password);
    await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth).expect(200);
    expect(emu.applicationPasswords.get(1, created.body.uuid)?.lastUsed).toBe(emu.clock.seconds());
    const first = emu.clock.seconds();
    emu.clock.advance(3600);
    await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth).expect(200);
    expect(emu.applicationPasswords.get(1, created.body.uuid)?.lastUsed).toBe(first);
    emu.clock.advance(86_400);
    await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth).expect(200);
    expect(emu.applicationPasswords.get(1, created.body.uuid)?.lastUsed).toBe(emu.clock.seconds());
  });
});

describe("a user's slug, as WordPress 6.8 makes it (each case answered the same by the wp-oracle)", () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: SITE } });
  });
  afterEach(() => emu.close());

  const setSlug = (slug: string) => request(emu.app).post('/wp-json/wp/v2/users/1').set('Authorization', asAdmin).send({ slug });

  it.each([
    ['Ünïcode a@b', 'unicode-ab'], // sanitize_title, then sanitize_user(…, true) and sanitize_title again
    ['John.Doe  Smith', 'john-doe-smith'],
    ['日本', ''], // percent-encoded by sanitize_title, then removed by sanitize_user
    ['', 'admin'], // nothing given: the login's
    ['0', 'admin'], // PHP's empty('0')
  ])('stores %j as %j', async (sent, stored) => {
    const res = await setSlug(sent);
    expect(res.status).toBe(200);
    expect(res.body.slug).toBe(stored);
  });

  it("refuses more than 50 characters with wp_insert_user's error (as a 400: WordPress's has no status and answers 500), and another user's slug", async () => {
    const long = await setSlug('x'.repeat(60));
    expect(long.status).toBe(400);
    expect(long.body).toEqual({ code: 'user_nicename_too_long', message: 'Nicename may not be longer than 50 characters.', data: { status: 400 } });
    const others = (await request(emu.app).get('/wp-json/wp/v2/users?context=edit').set('Authorization', asAdmin)).body as Array<{ id: number; slug: string }>;
    const taken = others.find((u) => u.id !== 1)!.slug;
    expect((await setSlug(taken)).body.code).toBe('rest_user_invalid_slug');
  });
});

describe('a new user name', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: SITE } });
  });
  afterEach(() => emu.close());

  // validate_username() as WordPress 6.8 answers it (checked against the wp-oracle): sanitize_user(…, true)
  // must leave the name as it is (a run of spaces becomes one) and PHP's empty() must be false ('0' is empty).
  it.each(['a  b', '0', ' a', 'a\tb', 'é', 'a%41'])('refuses %j with rest_invalid_param', async (username) => {
    const res = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username, email: 'new@example.com', password: 'a-password' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('rest_invalid_param');
    expect(res.body.data.params.username).toBe('This username is invalid because it uses illegal characters. Please enter a valid username.');
  });

  it.each(['a b', '00', 'a.b@c-d_e'])('accepts %j', async (username) => {
    const res = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username, email: 'new@example.com', password: 'a-password' });
    expect(res.status).toBe(201);
    expect(res.body.username).toBe(username);
  });
  it("refuses more than 60 characters with wp_insert_user's error (as a 400: WordPress's has no status and answers 500), and takes 60", async () => {
    const long = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username: 'x'.repeat(61), email: 'new@example.com', password: 'a-password' });
    expect(long.status).toBe(400);
    expect(long.body).toEqual({ code: 'user_login_too_long', message: 'Username may not be longer than 60 characters.', data: { status: 400 } });
    const sixty = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username: 'x'.repeat(60), email: 'new@example.com', password: 'a-password' });
    expect(sixty.status).toBe(201);
  });
});

describe("a user's e-mail address and URL, as WordPress's schema formats take them", () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: SITE } });
  });
  afterEach(() => emu.close());

  // WordPress 6.8 (checked against the wp-oracle): 'email' is is_email(), 'uri' is never refused, only passed through sanitize_url().
  it.each(['a_b@ex_ample.com', 'ü@example.com', 'a@-example.com'])('refuses the address %j with rest_invalid_email', async (email) => {
    const res = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username: 'newbie', email, password: 'a-password' });
    expect(res.status).toBe(400);
    expect(res.body.data.details.email).toEqual({ code: 'rest_invalid_email', message: 'Invalid email address.', data: null });
  });

  it.each([
    ['not a url', 'http://not%20a%20url'],
    ['javascript:alert(1)', ''],
    ['example.com/a[b]', 'http://example.com/a%5Bb%5D'],
  ])('stores the URL %j as %j', async (url, stored) => {
    const res = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username: 'newbie', email: 'newbie@example.com', password: 'a-password', url });
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(stored);
  });
});

describe("a user's names, as WordPress 6.8 saves them (the wp-oracle's answers to the same request)", () => {
  it('display name, first and last name and nickname go through sanitize_text_field, kses and special characters (quotes kept)', async () => {
    const emu = await standardApp({ settings: { SITE_URL: SITE } });
    try {
      const res = await request(emu.app)
        .post('/wp-json/wp/v2/users/1?context=edit')
        .set('Authorization', asAdmin)
        .send({ name: '<b>Tom & "Jerry"</b>  x', first_name: 'A<i>b</i> &amp; c', last_name: '  L  ', nickname: 'N&ick <' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Tom &amp; "Jerry" x', first_name: 'Ab &amp; c', last_name: 'L', nickname: 'N&amp;ick &lt;' });
    } finally {
      await emu.close();
    }
  });
});

describe('user updates that overlap other requests (the new password hashed in between)', () => {
  let emu: EmulatorApp;
  let release: () => void;
  let hashing: jest.SpyInstance;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: SITE } });
    // The update's password hash waits until the test lets it finish (at cost 10 bcryptjs yields to
    // other requests every 100 ms; here the other request runs at a known point instead).
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = bcrypt().hash;
    hashing = jest.spyOn(bcrypt(), 'hash').mockImplementation((async (secret: string, salt: number | string) => {
      await gate;
      return real(secret, salt);
    }) as typeof real);
  });
  afterEach(async () => {
    release(); // a test that failed before letting the hash finish leaves no request waiting
    hashing.mockRestore();
    await emu.close();
  });
  /** Until the request started hashing. */
  async function whileHashing(): Promise<void> {
    while (hashing.mock.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  it('never brings back a user deleted while the update hashed a password', async () => {
    const update = request(emu.app).post('/wp-json/wp/v2/users/3').set('Authorization', asAdmin).send({ password: 'a new password', first_name: 'Sam' }).then((r) => r);
    await whileHashing();
    const deleted = await request(emu.app).delete('/wp-json/wp/v2/users/3?force=true&reassign=1').set('Authorization', asAdmin);
    expect(deleted.status).toBe(200);
    release();
    const updated = await update;
    expect([updated.status, updated.body.code]).toEqual([404, 'rest_user_invalid_id']);
    expect(emu.users.byId(3)).toBeUndefined();
    expect((await request(emu.app).get('/wp-json/wp/v2/users/3').set('Authorization', asAdmin)).status).toBe(404);
  });

  it('never saves an address another user took meanwhile', async () => {
    const slow = request(emu.app).post('/wp-json/wp/v2/users/2').set('Authorization', asAdmin).send({ email: 'shared@example.com', password: 'a new password' }).then((r) => r);
    await whileHashing();
    const fast = await request(emu.app).post('/wp-json/wp/v2/users/3').set('Authorization', asAdmin).send({ email: 'shared@example.com' });
    expect(fast.status).toBe(200);
    release();
    const late = await slow;
    expect([late.status, late.body.code]).toEqual([400, 'rest_user_invalid_email']);
    expect(emu.users.list().filter((u) => u.email === 'shared@example.com').map((u) => u.id)).toEqual([3]);
    expect(emu.users.byId(2)!.email).toBe('alice@example.com');
  });

  it('shows no half-made user while a creation hashes its password, and a failed creation takes no ID', async () => {
    const created = request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username: 'newbie', email: 'newbie@example.com', password: 'p', first_name: 'New' }).then((r) => r);
    await whileHashing();
    const listed = await request(emu.app).get('/wp-json/wp/v2/users?search=newbie&context=edit').set('Authorization', asAdmin);
    expect(listed.body).toEqual([]);
    expect(emu.users.byLogin('newbie')).toBeUndefined();
    release();
    const done = await created;
    expect([done.status, done.body.id, done.body.first_name]).toEqual([201, 4, 'New']);
    // wp_insert_user refuses a nicename over 50 characters before it inserts: the next user still gets
    // the next ID (recorded from WordPress 6.8: 13 after a refused creation, after user 12).
    const refused = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username: 'zed', email: 'zed@example.com', password: 'p', slug: 'x'.repeat(51) });
    expect(refused.body.code).toBe('user_nicename_too_long');
    const taken = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username: 'zed', email: 'alice@example.com', password: 'p' });
    expect([taken.status, taken.body.code]).toEqual([500, 'existing_user_email']);
    const next = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', asAdmin).send({ username: 'zed', email: 'zed@example.com', password: 'p' });
    expect([next.status, next.body.id]).toEqual([201, 5]);
  });

  it('gives a nicename another user took meanwhile its -2', async () => {
    const slow = request(emu.app).post('/wp-json/wp/v2/users/2').set('Authorization', asAdmin).send({ slug: 'chosen', password: 'a new password' }).then((r) => r);
    await whileHashing();
    expect((await request(emu.app).post('/wp-json/wp/v2/users/3').set('Authorization', asAdmin).send({ slug: 'chosen' })).body.slug).toBe('chosen');
    release();
    expect((await slow).body.slug).toBe('chosen-2');
  });
});

describe("wp_update_user's notices of a new password or e-mail address", () => {
  // The site as the wp-oracle's: its title, its URL, admin@localhost.com as its first administrator.
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: 'http://127.0.0.1:8883', SITE_NAME: 'My WordPress Website' } });
  });
  afterEach(() => emu.close());

  it('mails what WordPress 6.8 mailed for the same requests (captured from its wp_mail())', async () => {
    const post = (path: string, body: object) => request(emu.app).post(`/wp-json/wp/v2${path}`).set('Authorization', asAdmin).send(body);
    expect((await post('/users/2', { password: 'new-pass-1' })).status).toBe(200);
    expect((await post('/users/2', { email: 'Alice.New@example.com' })).status).toBe(200);
    expect((await post('/users/2', { email: 'alice.new@example.com', password: 'p2' })).status).toBe(200);
    expect((await post('/users/2', { email: 'alice.new@example.com' })).status).toBe(200); // the same address: no notice
    expect((await post('/users', { username: 'zoe', email: 'zoe@example.com', password: 'p' })).status).toBe(201); // a new user: none
    const wordpress: Array<[string, string, string]> = [
      ["alice@example.com", "[My WordPress Website] Password Changed", "Hi alice,\n\nThis notice confirms that your password was changed on My WordPress Website.\n\nIf you did not change your password, please contact the Site Administrator at\nadmin@localhost.com\n\nThis email has been sent to alice@example.com\n\nRegards,\nAll at My WordPress Website\nhttp://127.0.0.1:8883"],
      ["alice@example.com", "[My WordPress Website] Email Changed", "Hi alice,\n\nThis notice confirms that your email address on My WordPress Website was changed to Alice.New@example.com.\n\nIf you did not change your email, please contact the Site Administrator at\nadmin@localhost.com\n\nThis email has been sent to alice@example.com\n\nRegards,\nAll at My WordPress Website\nhttp://127.0.0.1:8883"],
      ["Alice.New@example.com", "[My WordPress Website] Password Changed", "Hi alice,\n\nThis notice confirms that your password was changed on My WordPress Website.\n\nIf you did not change your password, please contact the Site Administrator at\nadmin@localhost.com\n\nThis email has been sent to Alice.New@example.com\n\nRegards,\nAll at My WordPress Website\nhttp://127.0.0.1:8883"],
      ["Alice.New@example.com", "[My WordPress Website] Email Changed", "Hi alice,\n\nThis notice confirms that your email address on My WordPress Website was changed to alice.new@example.com.\n\nIf you did not change your email, please contact the Site Administrator at\nadmin@localhost.com\n\nThis email has been sent to Alice.New@example.com\n\nRegards,\nAll at My WordPress Website\nhttp://127.0.0.1:8883"]
    ];
    expect(emu.site.mailer.list().map((m) => [m.to, m.subject, m.text])).toEqual(wordpress);
  });

  it("decodes the site title as wp_specialchars_decode(…, ENT_QUOTES) does (PHP 8.2's answers)", () => {
    const php: Array<[string, string]> = [["Tom &amp; Jerry", "Tom & Jerry"], ["&amp;lt;b&amp;gt;", "&lt;b&gt;"], ["&#0039;quoted&#x0027; &#X22;x&#x22; &#34;", "'quoted' \"x\" \""], ["&lt;&#060;&#60;&gt;&#0062;", "<<<>>"], ["&#038;&#x26;&#X26;&#0000038;", "&&&&"], ["&copy; &nbsp; &#65;", "&copy; &nbsp; &#65;"], ["no entities", "no entities"], ["&amp", "&amp"], ["&#039", "&#039"]];
    for (const [text, decoded] of php) expect(wpSpecialcharsDecode(text)).toBe(decoded);
  });

  it("WP-CLI's user update and reset-password mail them too, unless --skip-email", async () => {
    const wp = async (line: string) => runStoreCommand(emu.site, line.split(' '), { out: () => undefined, err: () => undefined, isTTY: false });
    expect(await wp('user update sam --user_pass=secret-1 --skip-email')).toBe(0);
    expect(await wp('user reset-password sam --skip-email')).toBe(0);
    expect(emu.site.mailer.list()).toEqual([]);
    expect(await wp('user update sam --user_email=sam2@example.com')).toBe(0);
    expect(await wp('user reset-password sam')).toBe(0);
    expect(emu.site.mailer.list().map((m) => [m.to, m.subject])).toEqual([
      ['sam@example.com', '[My WordPress Website] Email Changed'],
      ['sam2@example.com', '[My WordPress Website] Password Changed'],
    ]);
    expect(emu.site.mailer.list()[0]!.text).toContain('was changed to sam2@example.com.');
  });
});

describe('the batch route, /wp-json/batch/v1 (its answers are recorded from WordPress in users-6.8.json)', () => {
  it("answers a path that is no path with parse_path_failed inside the 207 (WordPress 6.8 dies with a critical error there)", async () => {
    const emu = await standardApp({ settings: { SITE_URL: SITE } });
    try {
      const res = await request(emu.app)
        .post('/wp-json/batch/v1')
        .set('Authorization', asAdmin)
        .send({ requests: ['//', 'http://', 'http://[::1', '///wp/v2/users'].map((path) => ({ method: 'PUT', path, body: { first_name: 'Z' } })) });
      expect(res.status).toBe(207);
      expect(res.body.responses.map((r: { status: number; body: { code: string } }) => `${r.status} ${r.body.code}`)).toEqual(['400 parse_path_failed', '400 parse_path_failed', '400 parse_path_failed', '404 rest_no_route']);
    } finally {
      await emu.close();
    }
  });

  it('stores what the requests inside it changed before it answers: a new emulator on the same store file has them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-batch-'));
    const settings = { DB_FILE: path.join(dir, 'db.json'), SITE_URL: SITE };
    const first = await standardApp({ settings });
    try {
      const res = await request(first.app)
        .post('/wp-json/batch/v1')
        .set('Authorization', asAdmin)
        .send({ requests: [{ path: '/wp/v2/users', body: { username: 'dana', email: 'dana@example.com', password: 'dana-pass' } }, { method: 'DELETE', path: '/wp/v2/users/3?force=true&reassign=1' }] });
      expect(res.status).toBe(207);
      expect(res.body.responses.map((r: { status: number }) => r.status)).toEqual([201, 200]);
    } finally {
      await first.close();
    }
    const again = await standardApp({ settings });
    try {
      expect(again.users.byLogin('dana')?.email).toBe('dana@example.com');
      expect(again.users.byId(3)).toBeUndefined();
    } finally {
      await again.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
