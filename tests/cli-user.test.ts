import request from 'supertest';
import type { CliIO } from '../core/cli';
import type { EmulatorApp } from '../plugin/app';
import { runStoreCommand } from '../plugin/cli';
import { ADMIN_PASSWORD, basic, standardApp, standardFixtures } from './helpers';

const ADMIN_UUID = '11111111-1111-4111-8111-111111111111';

describe('wp-token-emulator user ... (WP-CLI style)', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { SITE_URL: 'http://127.0.0.1:8080' }, clock: '2025-01-02T03:04:05Z' });
  });
  afterEach(() => emu.close());

  /** Runs one command line in process: its exit code and what it wrote. */
  async function wp(line: string | string[], isTTY = false): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: CliIO = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), isTTY };
    const argv = Array.isArray(line) ? line : line.split(' ');
    const code = await runStoreCommand(emu.site, argv, io);
    return { code, out, err };
  }

  describe('application-password', () => {
    it('create --porcelain prints only the 24-character password, which then authenticates', async () => {
      const r = await wp('user application-password create admin ci --porcelain');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^[A-Za-z0-9]{24}\n$/);
      const password = r.out.trim();
      const res = await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', basic('admin', password));
      expect(res.status).toBe(200);
      expect(emu.applicationPasswords.list(1).map((i) => i.name)).toEqual(['oracle-admin', 'ci']);
    });

    it('create without --porcelain says Success and shows the password; --app-id is kept', async () => {
      const r = await wp(['user', 'application-password', 'create', 'alice@example.com', 'My App', '--app-id=6ba7b810-9dad-11d1-80b4-00c04fd430c8']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Success: Created application password\.\nPassword: [A-Za-z0-9]{24}\n$/);
      const item = emu.applicationPasswords.list(2).find((i) => i.name === 'My App');
      expect(item?.appId).toBe('6ba7b810-9dad-11d1-80b4-00c04fd430c8');
    });

    it('names the user by id, login or e-mail; an unknown one is an Error with exit code 1', async () => {
      for (const ref of ['1', 'admin', 'admin@localhost.com']) expect((await wp(`user application-password list ${ref} --format=count`)).out).toBe('1\n');
      const r = await wp('user application-password list nobody');
      expect(r.code).toBe(1);
      expect(r.err).toBe("Error: Invalid user ID, email or login: 'nobody'\n");
      expect(r.out).toBe('');
    });

    it('lists in every format, with --fields and --field', async () => {
      await wp('user application-password create admin second');
      const json = JSON.parse((await wp('user application-password list admin --format=json')).out);
      expect(json).toHaveLength(2);
      expect(json[0]).toEqual({ uuid: ADMIN_UUID, app_id: '', name: 'oracle-admin', created: 1700000000, last_used: null, last_ip: null });
      expect((await wp('user application-password list admin --format=ids')).out).toMatch(new RegExp(`^${ADMIN_UUID} [0-9a-f-]{36}\n$`));
      expect((await wp('user application-password list admin --format=count')).out).toBe('2\n');
      expect((await wp('user application-password list admin --format=csv --fields=uuid,name')).out).toMatch(new RegExp(`^uuid,name\n${ADMIN_UUID},oracle-admin\n[0-9a-f-]{36},second\n$`));
      expect((await wp('user application-password list admin --field=name')).out).toBe('oracle-admin\nsecond\n');
      expect((await wp('user application-password list admin --field=name --format=json')).out).toBe('["oracle-admin","second"]\n');
      expect((await wp('user application-password list admin --name=second --format=count')).out).toBe('1\n');
      const table = (await wp('user application-password list admin --fields=name', true)).out;
      expect(table).toBe('+--------------+\n| name         |\n+--------------+\n| oracle-admin |\n| second       |\n+--------------+\n');
      const yaml = await wp('user application-password list admin --format=yaml --fields=uuid,name');
      expect(yaml.out).toMatch(new RegExp(`^---\n- \n  uuid: ${ADMIN_UUID}\n  name: oracle-admin\n- \n  uuid: [0-9a-f-]{36}\n  name: second\n$`));
      const bad = await wp('user application-password list admin --format=xml');
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/^Error: Invalid format: xml. Use table, json, yaml, csv, count or ids/);
      const field = await wp('user application-password list admin --fields=password');
      expect(field.code).toBe(1);
    });

    it('gets, updates, records usage and checks existence', async () => {
      const got = JSON.parse((await wp(`user application-password get admin ${ADMIN_UUID} --format=json`)).out);
      expect(got.name).toBe('oracle-admin');
      expect((await wp(`user application-password get admin ${ADMIN_UUID} --field=created`)).out).toBe('1700000000\n');
      const missing = await wp('user application-password get admin 99999999-9999-4999-8999-999999999999');
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/^Error: /);
      const updated = await wp(`user application-password update admin ${ADMIN_UUID} --name=renamed`);
      expect(updated).toEqual({ code: 0, out: 'Success: Updated application password.\n', err: '' });
      expect(emu.applicationPasswords.get(1, ADMIN_UUID)?.name).toBe('renamed');
      const usage = await wp(`user application-password record-usage admin ${ADMIN_UUID}`);
      expect(usage.out).toBe('Success: Recorded application password usage.\n');
      expect(emu.applicationPasswords.get(1, ADMIN_UUID)?.lastUsed).toBe(emu.clock.seconds());
      expect(await wp('user application-password exists admin renamed')).toEqual({ code: 0, out: '', err: '' });
      expect(await wp('user application-password exists admin nope')).toEqual({ code: 1, out: '', err: '' });
    });

    it('deletes by uuid or --all, and the password stops authenticating', async () => {
      const password = (await wp('user application-password create admin doomed --porcelain')).out.trim();
      const uuid = emu.applicationPasswords.list(1).find((i) => i.name === 'doomed')!.uuid;
      const auth = basic('admin', password);
      expect((await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth)).status).toBe(200);
      expect(await wp(`user application-password delete admin ${uuid}`)).toEqual({ code: 0, out: 'Success: Deleted 1 of 1 application password.\n', err: '' });
      expect((await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', auth)).status).toBe(401);
      const unknown = await wp(`user application-password delete admin ${uuid}`);
      expect(unknown.code).toBe(1);
      expect(unknown.out).toBe('Success: Deleted 0 of 1 application password.\n');
      const none = await wp('user application-password delete admin');
      expect(none.code).toBe(1);
      const unconfirmed = await wp('user application-password delete alice --all');
      expect(unconfirmed.code).toBe(1);
      expect(unconfirmed.err).toMatch(/^Error: Are you sure you want to delete all application passwords of user alice\? \[y\/n\] Not asked: .*Pass --yes to confirm\.\n$/);
      expect((await wp('user application-password delete alice --all --yes')).out).toBe('Success: Deleted all application passwords.\n');
      expect(emu.applicationPasswords.list(2)).toEqual([]);
    });

    it('rejects unknown options and missing arguments', async () => {
      const opt = await wp('user application-password create admin x --bogus');
      expect(opt.code).toBe(1);
      expect(opt.err).toContain('unknown --bogus parameter');
      const arg = await wp('user application-password create admin');
      expect(arg.code).toBe(1);
      expect(arg.err).toMatch(/^Error: Missing argument <app-name>/);
    });
  });

  describe('users', () => {
    it('creates a user (porcelain prints the id) with a role and a login password', async () => {
      const r = await wp('user create bob bob@example.com --role=author --user_pass=secret-pw --porcelain');
      expect(r).toEqual({ code: 0, out: '4\n', err: '' });
      const bob = emu.users.byId(4)!;
      expect(bob.roles).toEqual(['author']);
      expect(await emu.users.checkPassword(bob, 'secret-pw')).toBe(true);
      const plain = await wp('user create carol carol@example.com --display_name=Carol');
      expect(plain.code).toBe(0);
      expect(plain.out).toMatch(/^Success: Created user 5\.\nPassword: \S{24}\n$/);
      expect(emu.users.byId(5)?.roles).toEqual(['subscriber']);
      expect(emu.users.byId(5)?.displayName).toBe('Carol');
    });

    it('refuses a taken login, a bad e-mail and an unknown role', async () => {
      expect((await wp('user create admin x@example.com')).err).toBe("Error: The 'admin' username is already registered.\n");
      expect((await wp('user create dave alice@example.com')).err).toBe('Error: Sorry, that email address is already used!\n');
      expect((await wp('user create dave not-an-email')).err).toBe("Error: The 'not-an-email' email address is invalid.\n");
      expect((await wp(`user create ${'d'.repeat(61)} dave@example.com`)).err).toBe('Error: Username may not be longer than 60 characters.\n');
      // is_email's rules: no '_' in a domain, at least 6 bytes.
      expect((await wp('user create dave a_b@ex_ample.com')).err).toBe("Error: The 'a_b@ex_ample.com' email address is invalid.\n");
      expect((await wp('user create dave a@b.c')).err).toBe("Error: The 'a@b.c' email address is invalid.\n");
      const role = await wp('user create dave dave@example.com --role=king');
      expect(role).toEqual({ code: 1, out: '', err: "Error: Role doesn't exist: king\n" });
      // An '&' is allowed before the '@'; the address is saved through pre_user_email (kses: '&amp;').
      expect((await wp('user create dave d&co@example.com --porcelain')).code).toBe(0);
      expect(emu.users.byLogin('dave')?.email).toBe('d&amp;co@example.com');
    });

    it("gives a new user's nicename -2, -3, ... when another user has it, as wp_insert_user does", async () => {
      // Recorded from WordPress 6.8 (wp_insert_user in the wp-oracle's PHP): bob-smith, bob-smith-2,
      // bob-smith-3; a 51-character login's 50-character nicename is cut to 48 before '-2'.
      for (const login of ['bob-smith', 'bob.smith', 'Bob Smith']) expect((await wp(['user', 'create', login, `${login.replace(' ', '_')}@example.com`, '--porcelain'])).code).toBe(0);
      expect(['bob-smith', 'bob.smith', 'Bob Smith'].map((l) => emu.users.byLogin(l)?.slug)).toEqual(['bob-smith', 'bob-smith-2', 'bob-smith-3']);
      const a50 = 'a'.repeat(50);
      await wp(`user create ${a50} a50@example.com --porcelain`);
      await wp(`user create ${a50}. a51@example.com --porcelain`);
      expect([emu.users.byLogin(a50)?.slug, emu.users.byLogin(`${a50}.`)?.slug]).toEqual([a50, `${'a'.repeat(48)}-2`]);
      // And over the REST API, the same rule (users-collection.ts).
      const rest = await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', basic('admin', ADMIN_PASSWORD)).send({ username: 'bob...smith', email: 'bs@example.com', password: 'p' });
      expect(rest.status).toBe(201);
      expect(rest.body.slug).toBe('bob-smith-4');
    });

    it("takes WP-CLI's --user_nicename, --nickname and --description, saved as wp_insert_user saves them", async () => {
      const r = await wp(['user', 'create', 'dora', 'dora@example.com', '--user_nicename=Alice', '--nickname=<b>Dee</b>', '--description=<em>hi</em><script>x</script>', '--porcelain']);
      expect(r).toEqual({ code: 0, out: '4\n', err: '' });
      const dora = emu.users.byId(4)!;
      // alice has the nicename 'alice': -2; the nickname through its pre_user_* chain, the description through kses.
      expect([dora.slug, dora.nickname, dora.description]).toEqual(['alice-2', 'Dee', '<em>hi</em>x']);
      const long = await wp(['user', 'create', 'ed', 'ed@example.com', `--user_nicename=${'e'.repeat(51)}`]);
      expect(long).toEqual({ code: 1, out: '', err: 'Error: Nicename may not be longer than 50 characters.\n' });
      expect(emu.users.byLogin('ed')).toBeUndefined();
    });

    it('--user_registered on create and update; update warns about --user_login and goes on, as WP-CLI does', async () => {
      expect((await wp('user create reg reg@example.com --user_registered=2020-02-29-13-14-15 --porcelain')).code).toBe(0);
      expect(emu.users.byLogin('reg')!.registered).toBe('2020-02-29 13:14:15');
      expect(await wp(['user', 'update', 'reg', '--user_registered=2021-01-02'])).toEqual({ code: 0, out: 'Success: Updated user 4.\n', err: '' });
      expect(emu.users.byLogin('reg')!.registered).toBe('2021-01-02 00:00:00');
      const got = JSON.parse((await wp('user get reg --format=json')).out);
      expect(got.user_registered).toBe('2021-01-02 00:00:00');
      const bad = "Error: Invalid --user_registered: '2021-02-30'. Use yyyy-mm-dd-hh-ii-ss or 'yyyy-mm-dd hh:ii:ss' (UTC).\n";
      expect(await wp('user update reg --user_registered=2021-02-30')).toEqual({ code: 1, out: '', err: bad });
      expect(await wp('user create reg2 reg2@example.com --user_registered=2021-02-30')).toEqual({ code: 1, out: '', err: bad });
      expect(emu.users.byLogin('reg2')).toBeUndefined();
      expect(await wp('user update reg --user_login=other --display_name=Reg')).toEqual({ code: 0, out: 'Success: Updated user 4.\n', err: "Warning: User logins can't be changed.\n" });
      expect([emu.users.byId(4)!.login, emu.users.byId(4)!.displayName]).toEqual(['reg', 'Reg']);
      expect(await wp('user update reg --user_login=other')).toEqual({ code: 1, out: '', err: "Warning: User logins can't be changed.\nError: Need some fields to update.\n" });
    });

    it('never stores two users with one login or address when two creations overlap', async () => {
      const created = await Promise.allSettled([emu.users.create({ login: 'twin', email: 'twin@example.com', password: 'a' }), emu.users.create({ login: 'twin', email: 'twin2@example.com', password: 'b' })]);
      expect(created.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((created.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('existing_user_login');
      expect(emu.users.list().filter((u) => u.login === 'twin')).toHaveLength(1);
      const mails = await Promise.allSettled([emu.users.create({ login: 'm1', email: 'same@example.com', password: 'a' }), emu.users.create({ login: 'm2', email: 'same@example.com', password: 'b' })]);
      expect(mails.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(emu.users.list().filter((u) => u.email === 'same@example.com')).toHaveLength(1);
      // Two overlapping logins with one nicename: the second gets -2.
      await Promise.all([emu.users.create({ login: 'x.y', email: 'xy1@example.com', password: 'a' }), emu.users.create({ login: 'x-y', email: 'xy2@example.com', password: 'b' })]);
      expect([emu.users.byLogin('x.y')?.slug, emu.users.byLogin('x-y')?.slug].sort()).toEqual(['x-y', 'x-y-2']);
    });

    it("exists, set-role, add-role, remove-role: WP-CLI's messages and exit codes", async () => {
      expect(await wp('user exists 2')).toEqual({ code: 0, out: 'Success: User with ID 2 exists.\n', err: '' });
      expect(await wp('user exists 99')).toEqual({ code: 1, out: '', err: '' });
      expect(await wp('user set-role alice author')).toEqual({ code: 0, out: 'Success: Added alice (2) to http://127.0.0.1:8080 as author.\n', err: '' });
      expect(emu.users.byId(2)!.roles).toEqual(['author']);
      expect(await wp('user set-role alice')).toEqual({ code: 0, out: 'Success: Added alice (2) to http://127.0.0.1:8080 as subscriber.\n', err: '' });
      expect(await wp('user set-role alice king')).toEqual({ code: 1, out: '', err: "Error: Role doesn't exist: king\n" });
      expect(await wp('user add-role 2 author editor author')).toEqual({ code: 0, out: "Success: Added 'author', 'editor', 'author' roles for alice (2).\n", err: '' });
      expect(emu.users.byId(2)!.roles).toEqual(['subscriber', 'author', 'editor']);
      expect(await wp('user add-role 2')).toEqual({ code: 1, out: '', err: 'Error: Please specify at least one role to add.\n' });
      expect(await wp('user add-role 2 editor king')).toEqual({ code: 1, out: '', err: "Error: Role doesn't exist: king\n" });
      expect(await wp('user remove-role 2 subscriber')).toEqual({ code: 0, out: "Success: Removed 'subscriber' role from alice (2).\n", err: '' });
      expect(emu.users.byId(2)!.roles).toEqual(['author', 'editor']);
      // The roles show over the REST API as they are stored, several included.
      const seen = await request(emu.app).get('/wp-json/wp/v2/users/2?context=edit').set('Authorization', basic('admin', ADMIN_PASSWORD));
      expect(seen.body.roles).toEqual(['author', 'editor']);
      expect(await wp('user remove-role alice')).toEqual({ code: 0, out: 'Success: Removed all roles from alice (2) on http://127.0.0.1:8080.\n', err: '' });
      expect(emu.users.byId(2)!.roles).toEqual([]);
      const roleless = await request(emu.app).get('/wp-json/wp/v2/users/2?context=edit').set('Authorization', basic('admin', ADMIN_PASSWORD));
      expect([roleless.status, roleless.body.roles, roleless.body.capabilities]).toEqual([200, [], {}]);
      expect(await wp('user set-role nobody author')).toEqual({ code: 1, out: '', err: "Error: Invalid user ID, email or login: 'nobody'\n" });
    });

    it('check-password: exit code 0 for the right password, 1 otherwise, a warning for characters wp-login.php would escape', async () => {
      expect((await wp(['user', 'update', 'alice', '--user_pass=it\'s "ok"'])).code).toBe(0);
      expect(await wp(['user', 'check-password', 'alice', 'alice-pass'])).toEqual({ code: 1, out: '', err: '' });
      const warning = 'Warning: Password contains characters that need to be escaped. Please escape them manually or use the `--escape-chars` option.\n';
      expect(await wp(['user', 'check-password', 'alice', 'it\'s "ok"'])).toEqual({ code: 0, out: '', err: warning });
      // --escape-chars checks the password wp_slash()ed, as wp-login.php receives it: not this one.
      expect(await wp(['user', 'check-password', 'alice', 'it\'s "ok"', '--escape-chars'])).toEqual({ code: 1, out: '', err: '' });
      expect(await wp(['user', 'check-password', 'admin@localhost.com', 'password'])).toEqual({ code: 0, out: '', err: '' });
    });

    it("lists as get_users() does: by login, WP_User_Query's orderby, order, search, include, exclude, number (compared with WordPress 6.8)", async () => {
      // The same users made in the same order over the REST API of the wp-oracle's WordPress and of
      // this emulator; each list's IDs are get_users()'s there (PHP, with the same arguments).
      // WordPress's fixture site has admin and alice only: the same here, so the IDs are the same (3-9).
      await emu.close();
      emu = await standardApp({ fixtures: { ...standardFixtures, users: standardFixtures.users!.filter((u) => u.login !== 'sam') } });
      const made: Array<[string, string, string]> = [['Zed', 'zed@example.com', 'zz'], ['bob', 'Bob@Example.com', 'Bob B'], ['emile', 'emile@example.com', 'Emile'], ['alice2', 'a2@example.com', 'Alice Two'], ['bob-smith', 'bs@example.com', 'bob smith'], ['_under', 'under@example.com', 'Under'], ['carol', 'carol@example.org', 'carol']];
      for (const [username, email, name] of made) {
        expect((await request(emu.app).post('/wp-json/wp/v2/users').set('Authorization', basic('admin', ADMIN_PASSWORD)).send({ username, email, password: 'p', name })).status).toBe(201);
      }
      await wp('user remove-role carol');
      const cases: Array<[string[], number[]]> = [
        [[], [8, 1, 2, 6, 4, 7, 9, 5, 3]],
        [["--orderby=email"], [6, 1, 2, 4, 7, 9, 5, 8, 3]],
        [["--orderby=nicename"], [8, 1, 2, 6, 4, 7, 9, 5, 3]],
        [["--orderby=registered ID", "--order=desc"], [9, 8, 7, 6, 5, 4, 3, 2, 1]],
        [["--orderby=nope"], [8, 1, 2, 6, 4, 7, 9, 5, 3]],
        [["--orderby=nope,email"], [6, 1, 2, 4, 7, 9, 5, 8, 3]],
        [["--order=sideways"], [3, 5, 9, 7, 4, 6, 2, 1, 8]],
        [["--search=bob"], [4]],
        [["--search=bob*"], [4, 7]],
        [["--search=*smith"], [7]],
        [["--search=*b*"], [4, 7]],
        [["--search=*@example.org"], [9]],
        [["--search=*example.com"], [8, 2, 6, 4, 7, 5, 3]],
        [["--search=3"], [3]],
        [["--search=B*"], [4, 7]],
        // WP-CLI's --role=none asks wp_get_users_with_no_role(), whose REGEXP the wp-oracle's SQLite does
        // not run (it listed everyone there); on MySQL it is carol alone.
        [["--role=none"], [9]],
        [["--orderby=display_name", "--order=DESC"], [3, 8, 5, 9, 7, 4, 6, 2, 1]],
        [["--orderby=name"], [1, 2, 6, 4, 7, 9, 5, 8, 3]],
        [["--role=editor"], [2]],
        [["--include=5,3,4", "--orderby=include"], [5, 3, 4]],
        [["--include=5,3,4"], [4, 5, 3]],
        [["--exclude=1,2"], [8, 6, 4, 7, 9, 5, 3]],
        [["--number=2", "--offset=1"], [1, 2]],
        [["--number=2", "--paged=2"], [2, 6]],
        [["--number=-1"], [8, 1, 2, 6, 4, 7, 9, 5, 3]],
        [["--number=0"], [8, 1, 2, 6, 4, 7, 9, 5, 3]],
        // A negative offset: LIMIT -1, 20, which the database refuses (get_users() gave none); without a number there is no LIMIT.
        [["--number=20", "--offset=-1"], []],
        [["--offset=-1"], [8, 1, 2, 6, 4, 7, 9, 5, 3]],
      ];
      for (const [options, wordpress] of cases) {
        const listed = await wp(['user', 'list', '--format=ids', ...options]);
        expect([options, listed.out.trim() === '' ? [] : listed.out.trim().split(' ').map(Number)]).toEqual([options, wordpress]);
      }
      expect(await wp('user list --number=x')).toEqual({ code: 1, out: '', err: "Error: Invalid --number: 'x'. Use a whole number.\n" });
    });

    it("reset-password: a new generated login password per user, WP-CLI's messages", async () => {
      const one = await wp('user reset-password alice --show-password');
      expect(one.code).toBe(0);
      expect(one.out).toMatch(/^Reset password for alice\.\nPassword: ([A-Za-z0-9]{24})\nSuccess: Password reset for 1 user\.\n$/);
      const password = /Password: (\S+)/.exec(one.out)![1]!;
      expect(await emu.users.checkPassword(emu.users.byId(2)!, password)).toBe(true);
      expect(await emu.users.checkPassword(emu.users.byId(2)!, 'alice-pass')).toBe(false);
      expect(await wp('user reset-password admin alice --skip-email')).toEqual({ code: 0, out: 'Reset password for admin.\nReset password for alice.\nSuccess: Passwords reset for 2 users.\n', err: '' });
      const porcelain = await wp('user reset-password sam nobody --porcelain');
      expect(porcelain.out).toMatch(/^[A-Za-z0-9]{24}\n$/);
      expect(porcelain.err).toBe("Warning: Invalid user ID, email or login: 'nobody'\n");
      expect(await emu.users.checkPassword(emu.users.byId(3)!, porcelain.out.trim())).toBe(true);
      expect(await wp('user reset-password nobody')).toEqual({ code: 1, out: '', err: "Warning: Invalid user ID, email or login: 'nobody'\nError: No user found to reset password.\n" });
    });

    it("list-caps: allcaps as WP_User::get_role_caps makes it (WordPress 6.8's order for an author who is also an editor)", async () => {
      expect(await wp('user list-caps sam')).toEqual({ code: 0, out: 'read\nlevel_0\nsubscriber\n', err: '' });
      expect((await wp('user list-caps sam --exclude-role-names')).out).toBe('read\nlevel_0\n');
      expect((await wp('user list-caps sam --origin=user')).out).toBe('');
      expect((await wp('user list-caps sam --format=json')).out).toBe('[{"name":"read"},{"name":"level_0"},{"name":"subscriber"}]\n');
      expect((await wp('user list-caps sam --format=count')).out).toBe('3\n');
      expect((await wp('user list-caps sam --origin=nope')).err).toBe("Error: Invalid value specified for 'origin' (Render output in a particular format.)\n");
      await wp('user set-role alice author');
      await wp('user add-role alice editor');
      // From the wp-oracle's PHP: array_keys(array_filter((new WP_User(2))->allcaps)) after set_role('author'), add_role('editor'):
      // both roles' capabilities first, the role names last.
      const wordpress = ["upload_files", "edit_posts", "edit_published_posts", "publish_posts", "read", "level_2", "level_1", "level_0", "delete_posts", "delete_published_posts", "moderate_comments", "manage_categories", "manage_links", "unfiltered_html", "edit_others_posts", "edit_pages", "level_7", "level_6", "level_5", "level_4", "level_3", "edit_others_pages", "edit_published_pages", "publish_pages", "delete_pages", "delete_others_pages", "delete_published_pages", "delete_others_posts", "delete_private_posts", "edit_private_posts", "read_private_posts", "delete_private_pages", "edit_private_pages", "read_private_pages", "author", "editor"];
      expect((await wp('user list-caps alice')).out).toBe(wordpress.map((c) => `${c}\n`).join(''));
      const rest = await request(emu.app).get('/wp-json/wp/v2/users/2?context=edit').set('Authorization', basic('admin', ADMIN_PASSWORD));
      expect(Object.keys(rest.body.capabilities)).toEqual(wordpress);
    });

    it('lists users, filtered by role, in json, csv, ids and count', async () => {
      const json = JSON.parse((await wp('user list --format=json')).out);
      expect(json.map((u: { user_login: string }) => u.user_login)).toEqual(['admin', 'alice', 'sam']);
      expect(Object.keys(json[0])).toEqual(['ID', 'user_login', 'display_name', 'user_email', 'user_registered', 'roles']);
      expect((await wp('user list --format=ids')).out).toBe('1 2 3\n');
      expect((await wp('user list --role=editor --format=count')).out).toBe('1\n');
      expect((await wp('user list --role=editor --format=csv --fields=ID,user_login,roles')).out).toBe('ID,user_login,roles\n2,alice,editor\n');
    });

    it("prints JSON as WP-CLI does, with json_encode's escapes ('\\/', '\\u00e9')", async () => {
      await wp(['user', 'update', 'alice', '--user_url=https://alice.example/about', '--display_name=Alicé']);
      const out = (await wp('user get alice --fields=user_url,display_name --format=json')).out;
      expect(out).toBe('{"user_url":"https:\\/\\/alice.example\\/about","display_name":"Alic\\u00e9"}\n');
      expect(JSON.parse(out)).toEqual({ user_url: 'https://alice.example/about', display_name: 'Alicé' });
      expect((await wp('user list --role=editor --fields=user_url --format=json')).out).toBe('[{"user_url":"https:\\/\\/alice.example\\/about"}]\n');
    });

    it("get shows list's six fields by default, roles joined by ', '; a field may be named without its user_ prefix (WP-CLI's formatter)", async () => {
      await wp('user add-role alice author');
      expect(Object.keys(JSON.parse((await wp('user get alice --format=json')).out))).toEqual(['ID', 'user_login', 'display_name', 'user_email', 'user_registered', 'roles']);
      expect(JSON.parse((await wp('user get alice --format=json')).out).roles).toBe('editor, author');
      expect((await wp('user list --role=author --field=roles')).out).toBe('editor,author\n');
      expect((await wp('user get alice --field=login')).out).toBe('alice\n');
      expect((await wp('user list --fields=ID,login,email --format=csv --role=author')).out).toBe('ID,user_login,user_email\n2,alice,alice@example.com\n');
      expect((await wp('user get alice --field=nope')).err).toBe('Error: Invalid field: nope. Available fields: ID, user_login, display_name, user_email, user_registered, roles, user_nicename, user_url.\n');
    });

    it('gets one user', async () => {
      const got = JSON.parse((await wp('user get alice --format=json')).out);
      expect(got).toMatchObject({ ID: 2, user_login: 'alice', user_email: 'alice@example.com', display_name: 'Alice Example', roles: 'editor' });
      expect((await wp('user get 2 --field=user_email')).out).toBe('alice@example.com\n');
      expect((await wp('user get nobody')).err).toBe("Error: Invalid user ID, email or login: 'nobody'\n");
    });

    it('deletes a user and their application passwords, only with --yes (confirmed)', async () => {
      const ask = await wp('user delete sam');
      expect(ask.code).toBe(1);
      expect(emu.users.byId(3)).toBeDefined();
      const r = await wp('user delete sam --yes');
      expect(r).toEqual({ code: 0, out: 'Success: Removed user 3 from http://127.0.0.1:8080.\n', err: '' });
      expect(emu.users.byId(3)).toBeUndefined();
      expect(emu.applicationPasswords.list(3)).toEqual([]);
      expect((await wp('user delete alice --reassign=1')).code).toBe(1);
      expect((await wp('user delete alice --reassign=1 --yes')).code).toBe(0);
      expect((await wp('user delete admin --reassign=admin --yes')).code).toBe(1);
    });
  });

  it('answers an unknown command with an Error and exit code 1', async () => {
    const r = await wp('user frobnicate');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Error: 'user frobnicate' is not a registered wp-token-emulator command/);
  });
});
