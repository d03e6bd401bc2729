import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { EmulatorApp } from '../plugin/app';
import { ADMIN_PASSWORD, asAdmin, asEditor, asSubscriber, basic, standardApp, standardFixtures } from './helpers';

const ACCESS = '/wp-json/everest-backup/v1/access-token';
const BACKUP = '/wp-json/everest-backup/v1/manual-backup';
const TOKEN = /^[0-9a-f]{10}:[0-9a-f]{32}$/;
/** 2024-03-01T10:00:00Z: inside a 12-hour tick (not on its edge). */
const START = '2024-03-01T10:00:00Z';

const BOSS_PASSWORD = 'SSSS TTTT UUUU VVVV WWWW XXXX';
const asBoss = basic('boss', BOSS_PASSWORD);
const fixturesWithSecondAdmin = {
  users: [
    ...standardFixtures.users!,
    {
      id: 4,
      login: 'boss',
      email: 'boss@example.com',
      role: 'administrator',
      applicationPasswords: [{ name: 'boss-app', password: BOSS_PASSWORD, uuid: '44444444-4444-4444-8444-444444444444', created: 1700000000 }],
    },
  ],
};

/** The token algorithm written out independently of the module: what plugin 2.3.12 computes. */
function expectedToken(emu: EmulatorApp, slugKey: string, uid: number, unixSeconds: number): string {
  const salt = emu.site.secrets.nonceKey + emu.site.secrets.nonceSalt;
  const hash = createHmac('md5', salt).update(slugKey).digest('hex');
  const tick = Math.ceil(unixSeconds / 43200);
  const nonce = createHmac('md5', salt).update(`${tick}|${hash}|${uid}|`).digest('hex').substring(20, 30);
  return `${nonce}:${hash}`;
}

describe('everest-backup/v1 (docs profile, the default)', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ clock: START, fixtures: fixturesWithSecondAdmin });
  });
  afterEach(async () => {
    await emu.close();
  });

  async function issue(auth = asAdmin, action: unknown = 'Test action'): Promise<string> {
    const res = await request(emu.app).post(ACCESS).set('Authorization', auth).send({ action });
    expect(res.status).toBe(200);
    return res.body.access_token as string;
  }

  describe('POST /access-token', () => {
    it("answers the seed's cURL example (JSON, real Basic header) with ebwp-test-action and a nonce:hash token", async () => {
      const res = await request(emu.app)
        .post(ACCESS)
        .set('Content-Type', 'application/json')
        .set('Authorization', 'Basic ' + Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64'))
        .send('{\n    "action": "Test action"\n  }');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(res.body)).toEqual(['action', 'access_token']);
      expect(res.body.action).toBe('ebwp-test-action');
      expect(res.body.access_token).toMatch(TOKEN);
    });

    it('builds the token like the plugin: HMAC-MD5 of sanitize_title(action-login-time), then wp_create_nonce of that hash', async () => {
      const now = emu.clock.seconds();
      const token = await issue(asAdmin, 'Test action');
      expect(token).toBe(expectedToken(emu, `test-action-admin-${now}`, 1, now));
    });

    it('is stateless: nothing is written to the store', async () => {
      await issue(); // the first authenticated request records the application password's last use
      const before = JSON.stringify(emu.store.exportData().collections);
      await issue();
      expect(JSON.stringify(emu.store.exportData().collections)).toBe(before);
    });

    it("reads the seed's fetch example (JSON string body, no Content-Type: sent as text/plain) in the docs profile", async () => {
      const res = await request(emu.app)
        .post(ACCESS)
        .set('Accept', 'application/json')
        .set('Authorization', asAdmin)
        .set('Content-Type', 'text/plain;charset=UTF-8')
        .send(JSON.stringify({ action: 'Test action' }));
      expect(res.status).toBe(200);
      expect(res.body.action).toBe('ebwp-test-action');
      expect(res.body.access_token).toMatch(TOKEN);
    });

    it('ignores a text/plain body that is not a JSON object (400, as WordPress sees no action)', async () => {
      const res = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).set('Content-Type', 'text/plain').send('action=Test');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('everest-backup-api-error-400');
    });

    it('reads action from a form body', async () => {
      const res = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).type('form').send('action=Form+Action');
      expect(res.status).toBe(200);
      expect(res.body.action).toBe('ebwp-form-action');
    });

    it('reads action from the query string', async () => {
      const res = await request(emu.app).post(`${ACCESS}?action=Query%20Action`).set('Authorization', asAdmin);
      expect(res.status).toBe(200);
      expect(res.body.action).toBe('ebwp-query-action');
      expect(res.body.access_token).toMatch(TOKEN);
    });

    it('prefers the JSON body over the query string (WordPress parameter order)', async () => {
      const res = await request(emu.app).post(`${ACCESS}?action=from-query`).set('Authorization', asAdmin).send({ action: 'from json' });
      expect(res.body.action).toBe('ebwp-from-json');
    });

    it('sanitizes action like sanitize_text_field before making the slug', async () => {
      const res = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).send({ action: '  <b>Nightly</b>\n\tBackup  Ünïcode ' });
      expect(res.status).toBe(200);
      expect(res.body.action).toBe('ebwp-nightly-backup-unicode');
    });

    it('answers 401 rest_forbidden to an anonymous caller', async () => {
      const res = await request(emu.app).post(ACCESS).send({ action: 'Test action' });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } });
    });

    it('answers 401 rest_forbidden to a wrong application password', async () => {
      const res = await request(emu.app).post(ACCESS).set('Authorization', basic('admin', 'wrong wrong wrong')).send({ action: 'Test action' });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('rest_forbidden');
    });

    it('answers 403 rest_forbidden to an editor and to a subscriber', async () => {
      for (const auth of [asEditor, asSubscriber]) {
        const res = await request(emu.app).post(ACCESS).set('Authorization', auth).send({ action: 'Test action' });
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 403 } });
      }
    });

    const emptyError = {
      code: 'everest-backup-api-error-400',
      message: 'Action cannot be empty. Please provide a valid "action" to generate access token.',
      data: { status: 400 },
    };

    it('answers {} with 400 everest-backup-api-error-400', async () => {
      const res = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).send({});
      expect(res.status).toBe(400);
      expect(res.body).toEqual(emptyError);
    });

    it.each([
      ['an empty string', ''],
      ['only whitespace', '  \n\t '],
      ['only a tag', '<p></p>'],
      ['"0" (falsy in PHP)', '0'],
      ['an array', ['Test action']],
      ['an object', { name: 'Test action' }],
      ['false', false],
      ['null', null],
    ])('answers an action that is %s with the plugin 400', async (_label, action) => {
      const res = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).send({ action });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(emptyError);
    });

    it('answers a form array action (action[]=x) with the plugin 400', async () => {
      const res = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).type('form').send('action[]=x');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('everest-backup-api-error-400');
    });

    it('takes a JSON number as its PHP string form', async () => {
      const res = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).send({ action: 42 });
      expect(res.status).toBe(200);
      expect(res.body.action).toBe('ebwp-42');
    });

    it('answers malformed JSON with WordPress rest_invalid_json, before the permission check', async () => {
      const res = await request(emu.app).post(ACCESS).set('Content-Type', 'application/json').send('{"action":');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('rest_invalid_json');
    });

    it('serves only POST (GET is rest_no_route)', async () => {
      const res = await request(emu.app).get(ACCESS).set('Authorization', asAdmin);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('rest_no_route');
    });
  });

  describe('POST /manual-backup', () => {
    it('accepts a fresh token from the JSON body and answers a finished backup', async () => {
      const token = await issue();
      const res = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: token });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('done');
      expect(res.body.progress).toBe(100);
      expect(res.body.data.logs[0]).toEqual({ init: 'backup' });
      expect(res.body.data.logs.at(-1)).toEqual({ type: 'done', message: 'Backup completed' });
      expect(res.body.data.result.zipurl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wp-content\/ebwp-backups\/ebwp-\d+-[0-9a-f]{13}\.ebwp$/);
      expect(res.body.data.result.migration_url).toContain('/wp-admin/admin.php?page=everest-backup-migration_clone&tab=migration&file=ebwp-');
      expect(res.body.hash).toMatch(/^[0-9a-f]{32}$/);
      expect(res.body.detail).toMatch(/^\[\d\d:\d\d:\d\d\] ~ /);
    });

    it('accepts the token from the query string', async () => {
      const token = await issue();
      const res = await request(emu.app).post(`${BACKUP}?access_token=${encodeURIComponent(token)}`).set('Authorization', asAdmin);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('done');
    });

    it('accepts the token from a form body', async () => {
      const token = await issue();
      const res = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).type('form').send({ access_token: token });
      expect(res.status).toBe(200);
    });

    it('follows the ignore_* fields: only "yes" ignores a module sent; modules not sent are ignored; the tag names the file', async () => {
      const token = await issue();
      const res = await request(emu.app)
        .post(BACKUP)
        .set('Authorization', asAdmin)
        .send({ access_token: token, ignore_database: 'no', ignore_plugins: 'no', ignore_media: 'yes', custom_name_tag: 'Custom Name' });
      expect(res.status).toBe(200);
      const messages = (res.body.data.logs as { message?: string }[]).map((l) => l.message);
      expect(messages).toContain('Database tables exported.');
      expect(messages).toContain('Plugins listed. Total files: 1 [ 28.00 B ]');
      expect(messages).toContain('Media ignored.');
      expect(messages).toContain('Themes ignored.');
      expect(messages).toContain('Contents ignored.');
      const seconds = emu.clock.seconds();
      expect(res.body.data.result.zipurl).toMatch(new RegExp(`/ebwp-custom-name-${seconds}-${seconds.toString(16)}[0-9a-f]{5}\\.ebwp$`));
    });

    it('still accepts the token 12 hours later (previous tick) and refuses it 24 hours later', async () => {
      const token = await issue();
      emu.clock.advance(12 * 3600);
      const later = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: token });
      expect(later.status).toBe(200);
      emu.clock.advance(12 * 3600);
      const expired = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: token });
      expect(expired.status).toBe(400);
      expect(expired.body).toEqual({
        code: 'everest-backup-api-error-400',
        message: 'Cannot verify access token. Access token either expired or invalid.',
        data: { status: 400 },
      });
    });

    it('counts validity in 12-hour ticks: a token made in the last second of a tick lasts one more tick', async () => {
      emu.clock.set(43200 * 1_000_000 * 1000); // the last second of tick 1,000,000
      const token = await issue();
      emu.clock.advance(43200); // last second of the next tick
      expect((await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: token })).status).toBe(200);
      emu.clock.advance(1); // two ticks on
      expect((await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: token })).status).toBe(400);
    });

    it("refuses another administrator's token (the nonce is bound to the user)", async () => {
      const bossToken = await issue(asBoss);
      const res = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: bossToken });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Cannot verify access token. Access token either expired or invalid.');
      const own = await request(emu.app).post(BACKUP).set('Authorization', asBoss).send({ access_token: bossToken });
      expect(own.status).toBe(200);
    });

    it('refuses a tampered token (nonce or hash changed)', async () => {
      const token = await issue();
      const [nonce, hash] = token.split(':') as [string, string];
      const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === '0' ? '1' : '0') + s.slice(i + 1);
      for (const bad of [`${flip(nonce, 3)}:${hash}`, `${nonce}:${flip(hash, 31)}`, `${nonce}${hash}`, `:${hash}`]) {
        const res = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: bad });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('everest-backup-api-error-400');
        expect(res.body.message).toBe('Cannot verify access token. Access token either expired or invalid.');
      }
    });

    it('checks in the plugin order: not an admin (401) before a missing token (400) before an invalid one (400)', async () => {
      const token = await issue();
      const anonymous = await request(emu.app).post(BACKUP).send({});
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({
        code: 'everest-backup-api-error-401',
        message: 'Unauthorized access. You must be logged in or use WordPress application password for authorization.',
        data: { status: 401 },
      });
      // An editor with a valid admin token is still refused as unauthorized, with 401 (not rest_forbidden).
      const editor = await request(emu.app).post(BACKUP).set('Authorization', asEditor).send({ access_token: token });
      expect(editor.status).toBe(401);
      expect(editor.body.code).toBe('everest-backup-api-error-401');

      const missing = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: '' });
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual({
        code: 'everest-backup-api-error-400',
        message: 'Access token missing. You must provide a access_token field.',
        data: { status: 400 },
      });
      const absent = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({});
      expect(absent.body.message).toBe('Access token missing. You must provide a access_token field.');

      const invalid = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: 'abc' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toBe('Cannot verify access token. Access token either expired or invalid.');
    });

    it('treats an array access_token as missing', async () => {
      const res = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: ['a:b'] });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Access token missing. You must provide a access_token field.');
    });

    it('reads the token from a text/plain JSON body in the docs profile', async () => {
      const token = await issue();
      const res = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).set('Content-Type', 'text/plain').send(JSON.stringify({ access_token: token }));
      expect(res.status).toBe(200);
    });
  });

  describe('introspect', () => {
    it('reports an issued token as active for its user, with iat and the first refused second as exp', async () => {
      const now = emu.clock.seconds();
      const token = await issue();
      const tick = Math.ceil(now / 43200);
      expect(emu.site.introspect(token)).toEqual({ active: true, vendor: 'everest-backup', sub: 'admin', iat: now, exp: (tick + 1) * 43200 + 1 });
      expect(emu.site.introspect(token, 'everest-backup').active).toBe(true);
    });

    it('tells the owner of a token it did not index (after reset of in-memory state), without iat', async () => {
      const token = await issue(asBoss);
      emu.site.plugins.get('everest-backup')!.reset!();
      const answer = emu.site.introspect(token, 'everest-backup');
      expect(answer.active).toBe(true);
      expect(answer.sub).toBe('boss');
      expect(answer.iat).toBeUndefined();
    });

    it('reports expired and tampered tokens inactive, and ignores tokens of another shape', async () => {
      const token = await issue();
      const [nonce, hash] = token.split(':') as [string, string];
      expect(emu.site.introspect(`${nonce}:${hash.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))}`, 'everest-backup')).toEqual({ active: false, vendor: 'everest-backup' });
      emu.clock.advance(24 * 3600);
      expect(emu.site.introspect(token, 'everest-backup')).toEqual({ active: false, vendor: 'everest-backup' });
      expect(emu.site.plugins.get('everest-backup')!.introspect!('not-a-token')).toBeNull();
    });
  });
});

describe('everest-backup/v1 (live profile: plugin 2.3.12)', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ clock: START, settings: { EVEREST_PROFILE: 'live' } });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('echoes the sanitized action as sent', async () => {
    const res = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).send({ action: '  Test   action ' });
    expect(res.status).toBe(200);
    expect(res.body.action).toBe('Test action');
    expect(res.body.access_token).toMatch(TOKEN);
    const now = emu.clock.seconds();
    expect(res.body.access_token).toBe(expectedToken(emu, `test-action-admin-${now}`, 1, now));
  });

  it("ignores the fetch example's text/plain body, as WordPress does (400)", async () => {
    const res = await request(emu.app)
      .post(ACCESS)
      .set('Authorization', asAdmin)
      .set('Content-Type', 'text/plain;charset=UTF-8')
      .send(JSON.stringify({ action: 'Test action' }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('everest-backup-api-error-400');
  });

  it('issues tokens that manual-backup accepts, and refuses a text/plain token body', async () => {
    const issued = await request(emu.app).post(ACCESS).set('Authorization', asAdmin).send({ action: 'Test action' });
    const token = issued.body.access_token as string;
    const ok = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).send({ access_token: token });
    expect(ok.status).toBe(200);
    const plain = await request(emu.app).post(BACKUP).set('Authorization', asAdmin).set('Content-Type', 'text/plain').send(JSON.stringify({ access_token: token }));
    expect(plain.status).toBe(400);
    expect(plain.body.message).toBe('Access token missing. You must provide a access_token field.');
  });
});

describe('EVEREST_PROFILE setting', () => {
  it('rejects a value other than docs or live, naming the setting', async () => {
    await expect(standardApp({ settings: { EVEREST_PROFILE: 'staging' } })).rejects.toThrow(/EVEREST_PROFILE/);
  });
});
