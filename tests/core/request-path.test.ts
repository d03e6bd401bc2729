/**
 * The per-request shortcuts of the request path (issue 10): indexes that replace scans, the Allow
 * header's reuse of the matched endpoint's permission answer.
 * Each test checks that the answer is the one the slow path gave.
 */
import request from 'supertest';
import { WpError } from '../../core/rest/errors';
import { RestRequest } from '../../core/rest/request';
import { RestServer } from '../../core/rest/server';
import { Store, StoreWriteError } from '../../core/store';
import { ADMIN_PASSWORD, EDITOR_PASSWORD, asAdmin, basic, standardApp } from '../helpers';

interface Rec {
  owner: number;
  name: string;
}

describe('Collection.findAllBy: a multi-valued index kept up to date', () => {
  it('follows put, delete and clear, and is rebuilt after replaceAll', async () => {
    const store = await Store.open();
    const items = store.collection<Rec>('test.items');
    const byOwner = (owner: number) =>
      items
        .findAllBy('owner', (r) => r.owner, owner)
        .map((r) => r.name)
        .sort();
    items.put('a', { owner: 1, name: 'a' });
    items.put('b', { owner: 1, name: 'b' });
    items.put('c', { owner: 2, name: 'c' });
    expect(byOwner(1)).toEqual(['a', 'b']);
    items.put('b', { owner: 2, name: 'b' }); // moves to another owner
    expect(byOwner(1)).toEqual(['a']);
    expect(byOwner(2)).toEqual(['b', 'c']);
    items.delete('c');
    expect(byOwner(2)).toEqual(['b']);
    expect(byOwner(3)).toEqual([]);
    store.replaceAll({ 'test.items': { x: { owner: 3, name: 'x' } } });
    expect(byOwner(1)).toEqual([]);
    expect(byOwner(3)).toEqual(['x']);
    items.clear();
    expect(byOwner(3)).toEqual([]);
    await store.close();
  });
});

describe('application passwords and logins through indexes', () => {
  it('verifies only the named user\'s passwords, and follows create, rename, delete and reset', async () => {
    const emu = await standardApp();
    try {
      const { applicationPasswords: passwords, users } = emu;
      expect(passwords.verify(1, ADMIN_PASSWORD)?.uuid).toBe('11111111-1111-4111-8111-111111111111');
      expect(passwords.verify(2, ADMIN_PASSWORD)).toBeNull(); // another user's password
      expect(passwords.verify(2, EDITOR_PASSWORD)?.userId).toBe(2);
      const { item, password } = passwords.create(1, { name: 'second' });
      expect(passwords.verify(1, password)?.uuid).toBe(item.uuid);
      const renamed = passwords.rename(item, 'renamed');
      expect(passwords.verify(1, password)?.name).toBe('renamed');
      passwords.delete(renamed!.uuid);
      expect(passwords.verify(1, password)).toBeNull();
      // A rename that read the password before it was deleted does not store it again (it would sign in again).
      expect(passwords.rename(item, 'too late')).toBeNull();
      expect(passwords.setAppId(item, '')).toBeNull();
      expect(passwords.verify(1, password)).toBeNull();
      expect(passwords.list(1).map((p) => p.name)).not.toContain('too late');
      const { password: later } = passwords.create(1, { name: 'gone after reset' });
      expect(passwords.verify(1, later)).not.toBeNull();
      await emu.reset();
      expect(passwords.verify(1, later)).toBeNull();
      expect(passwords.verify(1, ADMIN_PASSWORD)).not.toBeNull();
      expect(users.byId(1)).toBeDefined();
    } finally {
      await emu.close();
    }
  });

  it('two passwords of one user with the same secret: the last created wins, as with the scan', async () => {
    const emu = await standardApp();
    try {
      const second = emu.applicationPasswords.create(3, { name: 'twin', password: 'same-secret-1234' }).item;
      emu.applicationPasswords.create(3, { name: 'other', password: 'other-secret-1234' });
      const third = emu.applicationPasswords.create(3, { name: 'twin again', password: 'same-secret-1234' }).item;
      emu.applicationPasswords.rename(second, 'twin renamed'); // a rename does not make it the later one
      expect(emu.applicationPasswords.verify(3, 'same-secret-1234')?.uuid).toBe(third.uuid);
    } finally {
      await emu.close();
    }
  });

  it('finds logins and e-mails in any case, and follows updates, deletes and reset', async () => {
    const emu = await standardApp();
    try {
      const { users } = emu;
      expect(users.byLogin('ALICE')?.id).toBe(2);
      expect(users.byEmail('Alice@Example.COM')?.id).toBe(2);
      expect(users.byLoginOrEmail('SAM@example.com')?.id).toBe(3);
      expect(users.byLogin('nobody')).toBeUndefined();
      const alice = users.byId(2)!;
      users.update({ ...alice, email: 'new-alice@example.com' });
      expect(users.byEmail('alice@example.com')).toBeUndefined();
      expect(users.byEmail('NEW-alice@example.com')?.id).toBe(2);
      const bob = users.createWithHash({ login: 'Bob', email: 'bob@example.com' }, null);
      expect(users.byLogin('bob')?.id).toBe(bob.id);
      users.delete(bob.id);
      expect(users.byLogin('bob')).toBeUndefined();
      await emu.reset();
      expect(users.byEmail('alice@example.com')?.id).toBe(2);
      expect(users.byEmail('new-alice@example.com')).toBeUndefined();
    } finally {
      await emu.close();
    }
  });

  it('authenticates by e-mail in any case over HTTP, and refuses another user\'s password', async () => {
    const emu = await standardApp();
    try {
      const me = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', basic('ADMIN@localhost.com', ADMIN_PASSWORD));
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(1);
      const wrong = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', basic('alice', ADMIN_PASSWORD));
      expect(wrong.status).toBe(401);
    } finally {
      await emu.close();
    }
  });
});

describe("the user a Basic header names, as WordPress's get_user_by('login') finds it", () => {
  // Each answered the same by the wp-oracle (WordPress 6.8): the login is trimmed and sanitised
  // (sanitize_user: tags, accents, %xx octets and entities dropped) before it is looked up.
  it('finds the user behind spaces, tags, octets and a Latin-1 accent, and nobody for a login of 0 or a spaced e-mail address', async () => {
    const emu = await standardApp();
    try {
      const asLogin = (login: string) => 'Basic ' + Buffer.from(`${login}:${ADMIN_PASSWORD}`, 'latin1').toString('base64');
      for (const login of [' admin ', 'adm<b>in</b>', 'ad%41min', 'adm\xefn']) {
        const me = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', asLogin(login));
        expect([login, me.status, me.body.id]).toEqual([login, 200, 1]);
      }
      // An e-mail address is looked up only when is_email() takes the text as sent: not with spaces around it.
      const spacedEmail = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', asLogin(' admin@localhost.com '));
      expect(spacedEmail.status).toBe(401);
      expect(emu.users.byLoginOrEmail('0')).toBeUndefined();
      expect(emu.users.byLoginOrEmail('  ')).toBeUndefined();
      const nobody = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', asLogin('nobody'));
      expect(nobody.status).toBe(401);
    } finally {
      await emu.close();
    }
  });
});

describe('Allow header: the matched endpoint\'s permission answer', () => {
  function server(version: { n: number } | null) {
    const rest = new RestServer(() => ({ name: 't', description: '', url: 'http://t.test', applicationPasswords: true }));
    if (version) rest.useStateVersion(() => version.n);
    const calls = { get: 0, post: 0 };
    let allowPost = true;
    rest.registerRoute('t/v1', '/thing', [
      { methods: ['GET'], permission: () => (calls.get++, true), handler: () => ({ ok: true }) },
      {
        methods: ['POST'],
        permission: () => (calls.post++, allowPost),
        handler: (req) => {
          if (req.param('revoke') === 'yes') {
            allowPost = false; // what the permission reads changes, and is stored
            if (version) version.n++;
          }
          return { ok: true };
        },
      },
    ]);
    return { rest, calls };
  }
  const post = (params: Record<string, unknown> = {}) => new RestRequest('POST', '/t/v1/thing', {}, params, {}, undefined, null, Buffer.alloc(0), null, null, '127.0.0.1');

  it('is asked once per request when nothing was stored since, with the same Allow', async () => {
    const version = { n: 0 };
    const { rest, calls } = server(version);
    const { response } = await rest.dispatch(post());
    expect(response.headers.Allow).toBe('GET, POST');
    expect(calls.post).toBe(1);
    expect(calls.get).toBe(1);
  });

  it('is asked again after the handler stored something, as WordPress does (Allow after the handler)', async () => {
    const version = { n: 0 };
    const { rest, calls } = server(version);
    const { response } = await rest.dispatch(post({ revoke: 'yes' }));
    expect(response.status).toBe(200);
    expect(response.headers.Allow).toBe('GET');
    expect(calls.post).toBe(2);
  });

  it('without a state version every permission is asked again', async () => {
    const { rest, calls } = server(null);
    const { response } = await rest.dispatch(post());
    expect(response.headers.Allow).toBe('GET, POST');
    expect(calls.post).toBe(2);
  });

  it('a refused request keeps its error and the Allow it had', async () => {
    const version = { n: 0 };
    const rest = new RestServer(() => ({ name: 't', description: '', url: 'http://t.test', applicationPasswords: true }));
    rest.useStateVersion(() => version.n);
    let calls = 0;
    rest.registerRoute('t/v1', '/locked', [{ methods: ['POST'], permission: () => (calls++, new WpError('nope', 'No.', { status: 403 })), handler: () => 'never' }]);
    const { response } = await rest.dispatch(new RestRequest('POST', '/t/v1/locked', {}, {}, {}, undefined, null, Buffer.alloc(0), null, null, '127.0.0.1'));
    expect(response.status).toBe(403);
    expect(response.headers.Allow).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('over HTTP: Everest\'s access-token answers with Allow: POST', async () => {
    const emu = await standardApp();
    try {
      const res = await request(emu.app).post('/wp-json/everest-backup/v1/access-token').set('Authorization', asAdmin).send({ action: 'x' });
      expect(res.status).toBe(200);
      expect(res.headers.allow).toBe('POST');
    } finally {
      await emu.close();
    }
  });
});

describe('route matching: only the routes that can match a path are tried, in WordPress\'s order', () => {
  const site = () => ({ name: 't', description: '', url: 'http://t.test', applicationPasswords: true });
  const get = (route: string, method = 'GET') => new RestRequest(method, route, {}, {}, {}, undefined, null, Buffer.alloc(0), null, null, '127.0.0.1');

  it('the first registered route that matches wins, also one of an outer namespace (acme/v1 before acme/v1/sub)', async () => {
    const rest = new RestServer(site);
    rest.registerRoute('other/v1', '/sub/x', { methods: 'GET', handler: () => 'other' });
    rest.registerRoute('acme/v1', '/(?P<rest>.+)', { methods: 'GET', handler: (req) => `outer:${String(req.param('rest'))}` });
    rest.registerRoute('acme/v1/sub', '/x', { methods: 'GET', handler: () => 'inner' });
    expect((await rest.dispatch(get('/acme/v1/sub/x'))).response.data).toBe('outer:sub/x');
    expect((await rest.dispatch(get('/other/v1/sub/x'))).response.data).toBe('other');
    // A route registered later for an earlier path is tried after the earlier ones (lists start again).
    rest.registerRoute('late/v1', '/y', { methods: 'GET', handler: () => 'late' });
    expect((await rest.dispatch(get('/late/v1/y'))).response.data).toBe('late');
  });

  it('matches without regard to case, as WordPress\'s regex does, whatever namespace the path\'s case names', async () => {
    const rest = new RestServer(site);
    rest.registerRoute('acme/v1', '/thing', { methods: 'GET', handler: () => 'thing' });
    rest.registerRoute('Acme/v1/deep', '/thing', { methods: 'GET', handler: () => 'deep' });
    expect((await rest.dispatch(get('/ACME/V1/thing'))).response.data).toBe('thing');
    expect((await rest.dispatch(get('/Acme/v1/deep/thing'))).response.data).toBe('deep');
    expect((await rest.dispatch(get('/acme/v1/DEEP/thing'))).response.data).toBe('deep');
    expect((await rest.dispatch(get('/acme/v1/nothing'))).response.status).toBe(404);
  });

  it('answers at once when the route does (no promise), and with a promise when the handler gives one', async () => {
    const rest = new RestServer(site);
    rest.registerRoute('acme/v1', '/now', { methods: 'GET', handler: () => 'now' });
    rest.registerRoute('acme/v1', '/later', { methods: 'GET', handler: async () => 'later' });
    const now = rest.dispatch(get('/acme/v1/now'));
    expect(now).not.toBeInstanceOf(Promise);
    expect((now as { response: { data: unknown } }).response.data).toBe('now');
    const later = rest.dispatch(get('/acme/v1/later'));
    expect(later).toBeInstanceOf(Promise);
    expect((await later).response.data).toBe('later');
  });

  it('waits for the store when a write is owed, and answers 503 when it fails', async () => {
    const rest = new RestServer(site);
    let owed: Promise<void> | null = null;
    let version = 0;
    rest.commitWith({ get version() { return version; }, commitIfOwed: () => owed });
    rest.registerRoute('acme/v1', '/write', { methods: 'POST', handler: () => (version++, 'written') });
    expect(rest.dispatch(get('/acme/v1/write', 'POST'))).not.toBeInstanceOf(Promise); // nothing owed
    let flushed!: () => void;
    owed = new Promise<void>((resolve) => (flushed = resolve));
    const waiting = rest.dispatch(get('/acme/v1/write', 'POST'));
    expect(waiting).toBeInstanceOf(Promise);
    let answered = false;
    void (waiting as Promise<unknown>).then(() => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false); // not before the write is durable
    flushed();
    expect((await waiting).response.data).toBe('written');
    owed = Promise.reject(new StoreWriteError('db.json', new Error('disk full')));
    expect((await rest.dispatch(get('/acme/v1/write', 'POST'))).response.status).toBe(503);
  });
});
