/**
 * WP-CLI's own scenarios for `wp user application-password`
 * (features/user-application-password.feature in wp-cli/entity-command), ported to the emulator's
 * command line (`wp-token-emulator user application-password ...`, run in process). "Given a WP
 * install" is a site with only the administrator (id 1, login admin) and no application password.
 * Steps that read the stored hash (`--field=password`, the `password` column) are the documented
 * difference of docs/conformance.md: the emulator never shows a hash, so those columns are left out
 * of the comparisons; every other step is checked as the feature file states it.
 */
import type { CliIO } from '../core/cli';
import type { EmulatorApp } from '../plugin/app';
import { runStoreCommand } from '../plugin/cli';
import { standardApp } from './helpers';

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({
    clock: '2025-01-02T03:04:05Z',
    fixtures: { users: [{ id: 1, login: 'admin', email: 'admin@example.com', role: 'administrator', password: 'password' }] },
  });
});
afterEach(async () => {
  await emu.close();
});

/** `When I run` / `When I try`: exit code, STDOUT and STDERR (without their final newline, as Behat compares them). */
async function wp(line: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), isTTY: false };
  const argv = line.match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ''));
  const code = await runStoreCommand(emu.site, argv, io);
  return { code, out: out.replace(/\n$/, ''), err: err.replace(/\n$/, '') };
}

/** `Then STDOUT should be a table containing rows`: the header and rows, cells split on tabs. */
function table(out: string): string[][] {
  return out.split('\n').map((line) => line.split('\t').map((c) => c.trim()));
}

/** The rows of `out` as objects keyed by the header, for the columns asked. */
function rows(out: string, columns: string[]): Record<string, string>[] {
  const [header, ...body] = table(out);
  return body.map((cells) => Object.fromEntries(columns.map((c) => [c, cells[header!.indexOf(c)] ?? ''])));
}

describe('features/user-application-password.feature', () => {
  it('Scenario: User application password CRUD', async () => {
    expect((await wp('user application-password create 1 myapp')).out).not.toBe('');
    expect((await wp('user application-password list 1')).out).toContain('myapp');
    const uuid = (await wp('user application-password list 1 --name=myapp --field=uuid')).out;
    expect((await wp(`user application-password get 1 ${uuid}`)).out).toContain('myapp');

    const otherUser = await wp(`user application-password get 2 ${uuid}`);
    expect(otherUser.err).toBe("Error: Invalid user ID, email or login: '2'");
    expect(otherUser.code).toBe(1);

    const unknown = await wp('user application-password get 1 123');
    expect(unknown.err).toBe('Error: No application password found for this user ID and UUID.');
    expect(unknown.code).toBe(1);

    expect((await wp(`user application-password update 1 ${uuid} --name=anotherapp`)).out).not.toBe('');
    const renamed = (await wp(`user application-password get 1 ${uuid}`)).out;
    expect(renamed).toContain('anotherapp');
    expect(renamed).not.toContain('myapp');

    expect((await wp(`user application-password delete 1 ${uuid}`)).out).toContain('Success: Deleted 1 of 1 application password.');
    expect((await wp(`user application-password get 1 ${uuid}`)).code).toBe(1);

    for (let i = 1; i <= 5; i++) expect((await wp(`user application-password create 1 myapp${i}`)).out).not.toBe('');
    expect((await wp('user application-password list 1 --format=count')).out).toBe('5');
    const uuid1 = (await wp('user application-password list 1 --name=myapp1 --field=uuid')).out;
    const uuid2 = (await wp('user application-password list 1 --name=myapp2 --field=uuid')).out;

    const partly = await wp(`user application-password delete 1 ${uuid1} ${uuid2} nonsense`);
    expect(partly.err).toContain('Warning: Failed to delete UUID nonsense');
    expect(partly.out).toContain('Success: Deleted 2 of 3 application passwords.');
    expect((await wp('user application-password list 1 --format=count')).out).toBe('3');

    // WP-CLI deletes with --all straight away; here --all is a destructive command that asks first
    // (issue 16), and off a terminal it needs --yes (docs/conformance.md lists the difference).
    await wp('user application-password delete 1 --all --yes');
    expect((await wp('user application-password list 1 --format=count')).out).toBe('0');
  });

  it('Scenario: List user application passwords', async () => {
    expect((await wp('user application-password create 1 myapp1')).out).not.toBe('');
    emu.clock.advance(1); // two creations in the same second would sort by chance
    expect((await wp('user application-password create 1 myapp2 --app-id=42')).out).not.toBe('');
    const uuid1 = (await wp('user application-password list 1 --name=myapp1 --field=uuid')).out;
    const uuid2 = (await wp('user application-password list 1 --name=myapp2 --field=uuid')).out;
    const created1 = (await wp('user application-password list 1 --name=myapp1 --field=created')).out;
    const created2 = (await wp('user application-password list 1 --name=myapp2 --field=created')).out;

    const json = (await wp('user application-password list 1 --format=json')).out;
    expect(json).toContain(`{"uuid":"${uuid1}","app_id":"","name":"myapp1","created":${created1},"last_used":null,"last_ip":null}`);
    expect(json).toContain(`{"uuid":"${uuid2}","app_id":"42","name":"myapp2","created":${created2},"last_used":null,"last_ip":null}`);

    const some = (await wp('user application-password list 1 --format=json --fields=uuid,name')).out;
    expect(some).toContain(`{"uuid":"${uuid1}","name":"myapp1"}`);
    expect(some).toContain(`{"uuid":"${uuid2}","name":"myapp2"}`);

    const all = ['uuid', 'app_id', 'name', 'created', 'last_used', 'last_ip'];
    const row1 = { uuid: uuid1, app_id: '', name: 'myapp1', created: created1, last_used: '', last_ip: '' };
    const row2 = { uuid: uuid2, app_id: '42', name: 'myapp2', created: created2, last_used: '', last_ip: '' };
    expect(rows((await wp('user application-password list 1')).out, all)).toEqual(expect.arrayContaining([row2, row1]));
    expect(rows((await wp('user application-password list 1 --fields=uuid,app_id,name')).out, ['uuid', 'app_id', 'name'])).toEqual(
      expect.arrayContaining([{ uuid: uuid2, app_id: '42', name: 'myapp2' }, { uuid: uuid1, app_id: '', name: 'myapp1' }]),
    );
    expect(rows((await wp('user application-password list admin')).out, all)).toEqual(expect.arrayContaining([row2, row1]));
    expect(rows((await wp('user application-password list admin --orderby=created --order=asc')).out, all)).toEqual([row1, row2]);
    expect(rows((await wp('user application-password list admin --orderby=name --order=asc')).out, all)).toEqual([row1, row2]);
    expect(rows((await wp('user application-password list admin --orderby=name --order=desc')).out, all)).toEqual([row2, row1]);

    const byName = (await wp('user application-password list admin --name=myapp2 --format=json')).out;
    expect(byName).toContain('myapp2');
    expect(byName).not.toContain('myapp1');
    const names = (await wp('user application-password list admin --field=name')).out;
    expect(names).toContain('myapp1');
    expect(names).toContain('myapp2');
    expect((await wp('user application-password list 1 --field=name --app-id=42')).out).toBe('myapp2');
    expect((await wp('user application-password list 1 --format=ids --orderby=name --order=asc')).out).toBe(`${uuid1} ${uuid2}`);
  });

  it('Scenario: Get particular user application password hash (WordPress 6.8) — the parts without the hash', async () => {
    const created = await wp('user create testuser testuser@example.com --porcelain');
    expect(created.out).toMatch(/^\d+$/);
    const userId = created.out;
    expect((await wp('user create testuser testuser@example.com --porcelain')).code).toBe(1);
    const password = (await wp(`user application-password create ${userId} someapp --porcelain`)).out;
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    const uuid = (await wp(`user application-password list ${userId} --name=someapp --field=uuid`)).out;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('Scenario: Filter application passwords by field', async () => {
    expect((await wp('user application-password create 1 myapp --app-id=abc123 --porcelain')).out).not.toBe('');
    expect((await wp('user application-password create 1 otherapp --porcelain')).out).not.toBe('');
    expect((await wp('user application-password list 1 --format=count')).out).toBe('2');
    expect((await wp('user application-password list 1 --app_id=abc123 --field=name')).out).toBe('myapp');
    expect((await wp('user application-password list 1 --app-id=abc123 --field=name')).out).toBe('myapp');
    expect((await wp('user application-password list 1 --name=otherapp --field=name')).out).toBe('otherapp');
    const uuid = (await wp('user application-password list 1 --name=myapp --field=uuid')).out;
    expect(uuid).not.toBe('');
    expect((await wp(`user application-password list 1 --uuid=${uuid} --field=name`)).out).toBe('myapp');
    expect((await wp('user application-password list 1 --app_id=nosuchapp --format=count')).out).toBe('0');
  });

  // WP-CLI hands the name to create_new_application_password / update_application_password as given.
  it("create refuses '0' as WordPress does; update with an empty name or '0' succeeds and keeps the name", async () => {
    const zero = await wp('user application-password create 1 0 --porcelain');
    expect(zero.code).toBe(1);
    expect(zero.err).toBe('Error: An application name is required to create an application password.');
    expect((await wp('user application-password create 1 keepme --porcelain')).code).toBe(0);
    const uuid = (await wp('user application-password list 1 --name=keepme --field=uuid')).out;
    for (const name of ['', '0']) {
      const updated = await wp(`user application-password update 1 ${uuid} --name=${name}`);
      expect(updated).toEqual({ code: 0, out: 'Success: Updated application password.', err: '' });
      expect((await wp(`user application-password get 1 ${uuid} --field=name`)).out).toBe('keepme');
    }
    expect((await wp(`user application-password update 1 ${uuid} --name=<b>new</b>`)).code).toBe(0);
    expect((await wp(`user application-password get 1 ${uuid} --field=name`)).out).toBe('new');
  });
});
