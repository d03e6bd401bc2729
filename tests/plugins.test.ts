import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { bcrypt } from '../core/auth/bcrypt';
import type { CliIO } from '../core/cli';
import { createApp, type EmulatorApp } from '../plugin/app';
import { runStoreCommand } from '../plugin/cli';
import { phpWordwrap } from '../core/wordpress/formatting';
import { asAdmin, asEditor, standardApp, standardFixtures } from './helpers';

/**
 * Each vendor namespace (and the emulator/v1 test control) is a plugin: `wp/v2/plugins` as
 * WordPress 6.8 answers it (fields and errors seen on wp-oracle), deactivating removes the routes
 * at run time and keeps the data, activating restores them, the state survives a restart, and
 * ACTIVE_PLUGINS / the fixtures choose the starting set.
 */

const PLUGINS = ['everest-backup', 'availo', 'purewl', 'pkmnapi', 'fess', 'emulator'];

async function wp(emu: EmulatorApp, line: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), isTTY: false };
  const code = await runStoreCommand(emu.site, line.split(' '), io);
  return { code, out, err };
}

async function everestToken(emu: EmulatorApp) {
  return request(emu.app).post('/wp-json/everest-backup/v1/access-token').set('Authorization', asAdmin).send({ action: 'backup' });
}

describe('wp/v2/plugins', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: 'http://127.0.0.1:8882' } });
  });
  afterEach(() => emu.close());

  test('lists every plugin with WordPress\'s fields, all active by default', async () => {
    const res = await request(emu.app).get('/wp-json/wp/v2/plugins').set('Authorization', asAdmin);
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('GET, POST');
    expect(res.body.map((p: { plugin: string }) => p.plugin)).toEqual(PLUGINS.map((id) => `${id}/${id}`));
    const everest = res.body[0];
    expect(Object.keys(everest)).toEqual(['plugin', 'status', 'name', 'plugin_uri', 'author', 'author_uri', 'description', 'version', 'network_only', 'requires_wp', 'requires_php', 'textdomain', '_links']);
    expect(everest.status).toBe('active');
    expect(everest.description.rendered).toBe(`${everest.description.raw} <cite>By ${everest.author}.</cite>`);
    expect(everest._links.self[0]).toEqual({ href: 'http://127.0.0.1:8882/wp-json/wp/v2/plugins/everest-backup/everest-backup', targetHints: { allow: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] } });
  });

  test('permissions and errors as WordPress 6.8 (activate_plugins)', async () => {
    const editor = await request(emu.app).get('/wp-json/wp/v2/plugins').set('Authorization', asEditor);
    expect(editor.status).toBe(403);
    expect(editor.body).toEqual({ code: 'rest_cannot_view_plugins', message: 'Sorry, you are not allowed to manage plugins for this site.', data: { status: 403 } });
    const anonymous = await request(emu.app).get('/wp-json/wp/v2/plugins');
    expect(anonymous.status).toBe(401);
    const edit = await request(emu.app).post('/wp-json/wp/v2/plugins/availo/availo').set('Authorization', asEditor).send({ status: 'inactive' });
    expect(edit.body.code).toBe('rest_cannot_manage_plugins');
    const missing = await request(emu.app).get('/wp-json/wp/v2/plugins/nope/nope').set('Authorization', asAdmin);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'rest_plugin_not_found', message: 'Plugin not found.', data: { status: 404 } });
    const bad = await request(emu.app).post('/wp-json/wp/v2/plugins/availo/availo').set('Authorization', asAdmin).send({ status: 'bogus' });
    expect(bad.status).toBe(400);
    expect(bad.body.data.params).toEqual({ status: 'status is not one of inactive and active.' });
    const badFilter = await request(emu.app).get('/wp-json/wp/v2/plugins?status=bogus').set('Authorization', asAdmin);
    expect(badFilter.body.data.params).toEqual({ status: 'status[0] is not one of inactive and active.' });
    const install = await request(emu.app).post('/wp-json/wp/v2/plugins').set('Authorization', asEditor).send({ slug: 'hello-dolly' });
    expect(install.body.code).toBe('rest_cannot_install_plugin');
  });

  test('deactivating everest-backup removes its routes at once (rest_no_route, gone from /wp-json/), keeps its data; activating restores them', async () => {
    const issued = await everestToken(emu);
    expect(issued.status).toBe(200);
    const off = await request(emu.app).post('/wp-json/wp/v2/plugins/everest-backup/everest-backup').set('Authorization', asAdmin).send({ status: 'inactive' });
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('inactive');
    const gone = await everestToken(emu);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('rest_no_route');
    const index = await request(emu.app).get('/wp-json/');
    expect(index.body.namespaces).not.toContain('everest-backup/v1');
    expect(Object.keys(index.body.routes).filter((r) => r.startsWith('/everest-backup'))).toEqual([]);
    const inactive = await request(emu.app).get('/wp-json/wp/v2/plugins?status=inactive').set('Authorization', asAdmin);
    expect(inactive.body.map((p: { plugin: string }) => p.plugin)).toEqual(['everest-backup/everest-backup']);

    const on = await request(emu.app).post('/wp-json/wp/v2/plugins/everest-backup/everest-backup').set('Authorization', asAdmin).send({ status: 'active' });
    expect(on.body.status).toBe('active');
    expect((await request(emu.app).get('/wp-json/')).body.namespaces).toContain('everest-backup/v1');
    // The token issued before deactivation is still known: the plugin's data was kept.
    const backup = await request(emu.app).post('/wp-json/everest-backup/v1/manual-backup').set('Authorization', asAdmin).send({ access_token: issued.body.access_token });
    const forged = await request(emu.app).post('/wp-json/everest-backup/v1/manual-backup').set('Authorization', asAdmin).send({ access_token: 'aaaaaaaaaa:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' });
    expect(backup.status).toBe(200);
    expect(backup.body.status).toBe('done');
    expect(forged.status).toBe(400);
  });

  test('wp plugin list|status|deactivate|is-active|activate, with WP-CLI\'s messages and exit codes', async () => {
    const list = await wp(emu, 'plugin list --fields=name,status');
    expect(list.out).toBe(['name\tstatus', ...PLUGINS.map((id) => `${id}\tactive`)].join('\n') + '\n');
    const off = await wp(emu, 'plugin deactivate everest-backup');
    expect(off).toEqual({ code: 0, out: "Plugin 'everest-backup' deactivated.\nSuccess: Deactivated 1 of 1 plugins.\n", err: '' });
    expect((await everestToken(emu)).body.code).toBe('rest_no_route');
    expect((await wp(emu, 'plugin is-active everest-backup')).code).toBe(1);
    expect((await wp(emu, 'plugin is-active availo')).code).toBe(0);
    const again = await wp(emu, 'plugin deactivate everest-backup');
    expect(again.err).toBe("Warning: Plugin 'everest-backup' isn't active.\n");
    expect(again.out).toBe('Success: Plugin already deactivated.\n');
    const missing = await wp(emu, 'plugin activate nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("Warning: The 'nope' plugin could not be found.");
    expect((await wp(emu, 'plugin status everest-backup')).out).toContain('    Status: Inactive');
    expect((await wp(emu, 'plugin activate everest-backup')).out).toBe("Plugin 'everest-backup' activated.\nSuccess: Activated 1 of 1 plugins.\n");
    expect((await everestToken(emu)).status).toBe(200);
  });

  test('an emulator reset goes back to the baseline set', async () => {
    await wp(emu, 'plugin deactivate availo');
    await emu.site.reset();
    expect((await wp(emu, 'plugin is-active availo')).code).toBe(0);
    expect((await request(emu.app).get('/wp-json/')).body.namespaces).toContain('availo/v1');
  });
});

describe('the starting set and restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugins-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the state survives a restart', async () => {
    const settings = { DB_FILE: path.join(dir, 'db.json'), BCRYPT_COST: 4 };
    const first = await createApp({ fixtures: standardFixtures, settings });
    await request(first.app).post('/wp-json/wp/v2/plugins/everest-backup/everest-backup').set('Authorization', asAdmin).send({ status: 'inactive' });
    await first.close();
    const second = await createApp({ settings });
    try {
      expect((await everestToken(second)).body.code).toBe('rest_no_route');
      expect((await wp(second, 'plugin is-active everest-backup')).code).toBe(1);
    } finally {
      await second.close();
    }
  });

  test('ACTIVE_PLUGINS chooses the first run\'s set; the fixtures\' wp.activePlugins wins over it', async () => {
    const some = await standardApp({ settings: { ACTIVE_PLUGINS: 'availo,emulator' } });
    try {
      const namespaces = (await request(some.app).get('/wp-json/')).body.namespaces;
      expect(namespaces).toEqual(['wp/v2', 'availo/v1', 'emulator/v1']);
    } finally {
      await some.close();
    }
    const fixtures = await createApp({ fixtures: { ...standardFixtures, wp: { activePlugins: ['fess'] } }, settings: { ACTIVE_PLUGINS: 'none', BCRYPT_COST: 4 } });
    try {
      expect((await request(fixtures.app).get('/wp-json/')).body.namespaces).toEqual(['wp/v2', 'fess/v1']);
    } finally {
      await fixtures.close();
    }
    await expect(standardApp({ settings: { ACTIVE_PLUGINS: 'nope' } })).rejects.toThrow(/ACTIVE_PLUGINS: unknown plugin\(s\) nope/);
  });
});

describe('wp plugin get, toggle, is-installed (WP-CLI)', () => {
  test("with WP-CLI's fields, messages and exit codes", async () => {
    const emu = await standardApp();
    try {
      // json_encode's escapes, as WP-CLI prints JSON: '/' as '\/'.
      expect(await wp(emu, 'plugin get fess --format=json')).toEqual({ code: 0, out: '{"name":"fess","title":"Fess","author":"wp-token-emulator","version":"1.0.0","description":"The fess\\/v1 REST namespace.","status":"active"}\n', err: '' });
      expect(await wp(emu, 'plugin get fess --field=status')).toEqual({ code: 0, out: 'active\n', err: '' });
      expect(await wp(emu, 'plugin get nope')).toEqual({ code: 1, out: '', err: "Error: The 'nope' plugin could not be found.\n" });
      expect(await wp(emu, 'plugin toggle fess availo')).toEqual({ code: 0, out: "Plugin 'fess' deactivated.\nPlugin 'availo' deactivated.\nSuccess: Toggled 2 of 2 plugins.\n", err: '' });
      expect((await request(emu.app).get('/wp-json/fess/v1/json/')).status).toBe(404);
      expect(await wp(emu, 'plugin toggle fess nope')).toEqual({ code: 1, out: "Plugin 'fess' activated.\n", err: "Warning: The 'nope' plugin could not be found.\nError: Only toggled 1 of 2 plugins.\n" });
      expect(await wp(emu, 'plugin toggle nope')).toEqual({ code: 1, out: '', err: "Warning: The 'nope' plugin could not be found.\nError: No plugins toggled.\n" });
      expect((await wp(emu, 'plugin is-active availo')).code).toBe(1);
      expect(await wp(emu, 'plugin is-installed availo')).toEqual({ code: 0, out: '', err: '' });
      expect(await wp(emu, 'plugin is-installed akismet')).toEqual({ code: 1, out: '', err: '' });
    } finally {
      await emu.close();
    }
  });

  test("a description is wrapped as PHP's wordwrap() wraps it (outputs of PHP 8.2's)", () => {
    const cases: Array<[string, string]> = [["word word word word word word word word word word word word word word word word word word word word ", "word word word word word word word word word word word word word word word\nword word word word word "], ["A plugin description that is certainly longer than seventy-five characters, with a verylongwordthatgoesonandonandonandonandonandonandonandonandonandonandonandon in it.", "A plugin description that is certainly longer than seventy-five characters,\nwith a\nverylongwordthatgoesonandonandonandonandonandonandonandonandonandonandonandon\nin it."], ["short", "short"], ["line one\nline two is here and it goes on and on and on and on and on and on and on and on and done", "line one\nline two is here and it goes on and on and on and on and on and on and on\nand on and done"], ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\ny"], ["ends with space at seventy five characters exactly ......................... next", "ends with space at seventy five characters exactly\n......................... next"]];
    for (const [text, wrapped] of cases) expect(phpWordwrap(text)).toBe(wrapped);
  });
});

describe('wp user update (WP-CLI)', () => {
  test('updates fields, checks e-mail uniqueness, makes a taken nicename unique, warns about unknown users', async () => {
    const emu = await standardApp();
    try {
      const ok = await wp(emu, 'user update alice --display_name=Alicia --user_url=https://alice.example --role=author');
      expect(ok).toEqual({ code: 0, out: 'Success: Updated user 2.\n', err: '' });
      const alice = emu.users.byId(2)!;
      expect([alice.displayName, alice.url, alice.roles]).toEqual(['Alicia', 'https://alice.example', ['author']]);
      const taken = await wp(emu, 'user update 2 --user_email=admin@localhost.com');
      expect(taken.code).toBe(1);
      expect(taken.err).toBe('Error: Sorry, that email address is already used!\n');
      // wp_update_user with another user's nicename: -2 (WordPress 6.8, recorded with the wp-oracle's PHP).
      expect(await wp(emu, 'user update 2 --user_nicename=Admin')).toEqual({ code: 0, out: 'Success: Updated user 2.\n', err: '' });
      expect(emu.users.byId(2)!.slug).toBe('admin-2');
      await wp(emu, 'user update 2 --user_nicename=alice');
      expect(emu.users.byId(2)!.slug).toBe('alice');
      const missing = await wp(emu, 'user update nobody --display_name=x');
      expect(missing.err).toContain("Warning: Invalid user ID, email or login: 'nobody'");
      expect(missing.code).toBe(1);
      expect((await wp(emu, 'user update 2')).code).toBe(1);
      await wp(emu, 'user update 2 --user_pass=new-secret');
      expect(await emu.users.checkPassword(emu.users.byId(2)!, 'new-secret')).toBe(true);
      const got = await wp(emu, 'user get 2 --field=display_name');
      expect(got.out).toBe('Alicia\n');
      // Saved as wp_insert_user saves them: the description through kses, the names through their pre_user_* chain.
      await wp(emu, 'user update 2 --description=<b>ok</b><script>x</script><a\thref="javascript:y">l</a> --nickname=<i>Al</i>&Co');
      expect([emu.users.byId(2)!.description, emu.users.byId(2)!.nickname]).toEqual(['<b>ok</b>x<a href="y">l</a>', 'Al&amp;Co']);
      // And the URL and e-mail address end with wp_filter_kses; every update saves all of them again,
      // so an e-mail address with '&' changes on the next update, as in WordPress.
      await wp(emu, 'user update 2 --user_url=https://alice.example/?a=1&b=2 --user_email=al&co@example.com');
      expect([emu.users.byId(2)!.url, emu.users.byId(2)!.email]).toEqual(['https://alice.example/?a=1&amp;b=2', 'al&amp;co@example.com']);
      await wp(emu, 'user update 2 --display_name=Alicia');
      expect([emu.users.byId(2)!.url, emu.users.byId(2)!.email, emu.users.byId(2)!.description]).toEqual(['https://alice.example/?a=1&amp;b=2', 'al&amp;ampco@example.com', '<b>ok</b>x<a href="y">l</a>']);
    } finally {
      await emu.close();
    }
  });
});

describe('wp user update beside a running server', () => {
  test('does not bring back a user deleted over the REST API while it hashed the new password', async () => {
    const emu = await standardApp();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = bcrypt().hash;
    const hashing = jest.spyOn(bcrypt(), 'hash').mockImplementation((async (secret: string, salt: number | string) => {
      await gate;
      return real(secret, salt);
    }) as typeof real);
    try {
      const update = wp(emu, 'user update sam --user_pass=new-secret --display_name=Sam');
      while (hashing.mock.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
      expect((await request(emu.app).delete('/wp-json/wp/v2/users/3?force=true&reassign=1').set('Authorization', asAdmin)).status).toBe(200);
      release();
      expect(await update).toEqual({ code: 1, out: '', err: "Warning: Invalid user ID, email or login: '3'\n" });
      expect(emu.users.byId(3)).toBeUndefined();
    } finally {
      release();
      hashing.mockRestore();
      await emu.close();
    }
  });
});
