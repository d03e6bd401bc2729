import * as fs from 'node:fs';
import * as path from 'node:path';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createLogger } from '../../core/log';
import { createHmac } from 'node:crypto';
import { hmac, keyedHash, randomAlphanumeric, safeEqual } from '../../core/secrets';
import type { EmulatorApp } from '../../plugin/app';
import { ADMIN_PASSWORD, EDITOR_PASSWORD, SUBSCRIBER_PASSWORD, basic, standardApp, standardFixtures } from '../helpers';

/**
 * Secrets never leak: full flows of every vendor and of wp/v2 application passwords, with logging at
 * its most verbose (debug), then no application password (raw or chunked), vendor password or secret
 * key, access or refresh token, delete code or Authorization header value (nor its base64) may appear
 * in the log lines, the request journal (handle and HTTP), or any error body. Plus: secrets are
 * compared in constant time, and Availo's JWTs are verified with the algorithm pinned.
 */

const root = path.join(__dirname, '..', '..');

/** Everything that must stay secret, with a label for the failure message. */
const secrets = new Map<string, string>();
function secret(label: string, value: unknown): string {
  expect(typeof value).toBe('string');
  const v = value as string;
  expect(v.length).toBeGreaterThanOrEqual(8);
  secrets.set(v, label);
  const compact = v.replace(/[^A-Za-z0-9]/g, '');
  if (compact !== v && compact.length >= 8) secrets.set(compact, `${label} (without separators)`);
  return v;
}
/** An Authorization header: its value, its base64 credentials, and the password inside. */
function authorization(label: string, login: string, password: string): string {
  const header = basic(login, password);
  secret(`${label} Authorization header`, header);
  secret(`${label} Authorization base64`, header.slice('Basic '.length));
  secret(`${label} application password`, password);
  return header;
}

const logLines: string[] = [];
const errorBodies: string[] = [];
let emu: EmulatorApp;

/** Sends a request and keeps the body of every error answer. */
async function send(test: request.Test): Promise<request.Response> {
  const res = await test;
  // The body and the headers of the answer (the request's own path is not part of the answer).
  if (res.status >= 400) errorBodies.push(`${res.status}: ${JSON.stringify(res.headers)} ${res.text}`);
  return res;
}

const SECRET_KEY = 'Fixture-Secret-Key-0042';

beforeAll(async () => {
  const sink = (line: string) => logLines.push(line);
  emu = await standardApp({
    logger: createLogger('debug', 'text', sink),
    settings: { LOG_LEVEL: 'debug', JOURNAL_SIZE: 10_000, PKMNAPI_RATE_LIMIT: 0 },
    fixtures: {
      ...standardFixtures,
      availo: { accounts: [{ AccountCode: 'FIXTURE-ACME', Password: 'fixture availo password' }] },
      purewl: { resellers: [{ secretKey: SECRET_KEY, resellerId: 4242, resellerUid: 'acme-vpn' }] },
      fess: { tokens: [{ name: 'CI admin', token: 'fessFixtureAdminToken01', permissions: ['admin-api'] }] },
    },
    clock: '2030-01-01T00:00:00Z',
  });
  secret('Availo fixture password', 'fixture availo password');
  secret('PureWL fixture secret key', SECRET_KEY);
  secret('Fess fixture token', 'fessFixtureAdminToken01');
  for (const [login, pw] of [['alice', EDITOR_PASSWORD], ['sam', SUBSCRIBER_PASSWORD]] as const) authorization(login, login, pw);
  // A login password offered over Basic auth (refused: login passwords never work there).
  secret('admin login password Authorization header', basic('admin', 'password'));
  secret('admin login password Authorization base64', basic('admin', 'password').slice('Basic '.length));
});
afterAll(() => emu.close());

const admin = () => authorization('admin', 'admin', ADMIN_PASSWORD);
const json = (t: request.Test, body: unknown) => t.set('Content-Type', 'application/json').send(JSON.stringify(body));

describe('full flows with debug logging', () => {
  it('wp/v2: create an application password, authenticate with it, wrong ones, delete it', async () => {
    const created = await send(json(request(emu.app).post('/wp-json/wp/v2/users/me/application-passwords').set('Authorization', admin()), { name: 'secrets test' }));
    expect(created.status).toBe(201);
    const chunked = secret('new application password (chunked)', created.body.password);
    expect(chunked).toMatch(/^(\w{4} ){5}\w{4}$/);
    const header = authorization('new', 'admin', chunked);
    expect((await send(request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', header))).status).toBe(200);
    expect((await send(request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', authorization('admin, no spaces', 'admin', chunked.replace(/ /g, ''))))).status).toBe(200);
    // Wrong passwords and malformed headers: anonymous, then 401 on a protected route.
    const wrong = authorization('wrong', 'admin', 'WXYZ WXYZ WXYZ WXYZ WXYZ WXYZ');
    expect((await send(request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', wrong))).status).toBe(401);
    expect((await send(request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', `Basic ${secret('malformed base64', 'bm90LWJhc2U2NA-!!secretish')}`))).status).toBe(401);
    expect((await send(request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', basic('admin', 'password')))).status).toBe(401); // login passwords never work over Basic
    const deleted = await send(request(emu.app).delete(`/wp-json/wp/v2/users/me/application-passwords/${created.body.uuid}`).set('Authorization', header));
    expect(deleted.status).toBe(200);
    expect((await send(request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', header))).status).toBe(401);
  });

  it('Availo: account create (generated password), token, use, bad tokens, password change, delete', async () => {
    const created = await send(json(request(emu.app).post('/wp-json/availo/v1/accounts').set('Authorization', admin()), { AccountCode: 'LEAK-TEST' }));
    expect(created.status).toBe(201);
    const password = secret('Availo generated password', created.body.Data.password);
    const issued = await send(json(request(emu.app).post('/wp-json/availo/v1/api/Account/Generatetoken').set('Authorization', admin()), { AccountCode: 'LEAK-TEST', Password: password }));
    const token = secret('Availo access token', issued.body.Data.accessToken);
    secret('Availo JWT signature', token.split('.')[2]);
    expect((await send(request(emu.app).get('/wp-json/availo/v1/api/Employees/List').set('access_token', token).set('authentication_type', 'oauth2'))).status).toBe(200);
    const bad = await send(json(request(emu.app).post('/wp-json/availo/v1/api/Account/Generatetoken').set('Authorization', admin()), { AccountCode: 'LEAK-TEST', Password: secret('Availo wrong password', 'not the password at all') }));
    expect(bad.body.status).toBe(false);
    expect((await send(json(request(emu.app).post('/wp-json/availo/v1/api/Account/Generatetoken').set('Authorization', admin()), { AccountCode: 'FIXTURE-ACME', Password: 'fixture availo password' }))).body.status).toBe(true);
    const changed = await send(json(request(emu.app).put('/wp-json/availo/v1/accounts/LEAK-TEST').set('Authorization', admin()), { Password: secret('Availo new password', 'a brand new password') }));
    expect(changed.status).toBe(200);
    expect((await send(request(emu.app).delete('/wp-json/availo/v1/accounts/LEAK-TEST').set('Authorization', admin()))).status).toBe(200);
    expect((await send(request(emu.app).get('/wp-json/availo/v1/api/x').set('access_token', token))).status).toBe(401);
  });

  it('PureWL: reseller create (generated key), secret grant, use (header and query), refresh, reuse (revocation), delete', async () => {
    const reseller = await send(json(request(emu.app).post('/wp-json/purewl/v1/resellers').set('Authorization', admin()), { resellerUid: 'leak-test' }));
    expect(reseller.status).toBe(201);
    const key = secret('PureWL generated secret key', reseller.body.body.secretKey);
    const first = await send(request(emu.app).post('/wp-json/purewl/v1/auth/v1/accessToken').set('Authorization', admin()).type('form').send({ grantType: 'secret', secretKey: key }));
    expect(first.status).toBe(200);
    const access = secret('PureWL access token', first.body.body.accessToken);
    const refresh = secret('PureWL refresh token', first.body.body.refreshToken);
    expect((await send(request(emu.app).get('/wp-json/purewl/v1/inventory/v1/servers').set('X-AccessToken', access))).status).toBe(200);
    expect((await send(request(emu.app).get(`/wp-json/purewl/v1/inventory/v1/servers?X-AccessToken=${access}`))).status).toBe(200);
    const second = await send(json(request(emu.app).post('/wp-json/purewl/v1/auth/v1/accessToken').set('Authorization', admin()), { grantType: 'refresh', refreshToken: refresh }));
    expect(second.status).toBe(200);
    secret('PureWL second access token', second.body.body.accessToken);
    secret('PureWL second refresh token', second.body.body.refreshToken);
    const reused = await send(json(request(emu.app).post('/wp-json/purewl/v1/auth/v1/accessToken').set('Authorization', admin()), { grantType: 'refresh', refreshToken: refresh }));
    expect(reused.body.header.code).toBe(4014);
    const wrongKey = await send(json(request(emu.app).post('/wp-json/purewl/v1/auth/v1/accessToken').set('Authorization', admin()), { grantType: 'secret', secretKey: secret('PureWL wrong key', 'WrongSecretKey-9999') }));
    expect(wrongKey.body.header.code).toBe(4011);
    const fixtureGrant = await send(json(request(emu.app).post('/wp-json/purewl/v1/auth/v1/accessToken').set('Authorization', admin()), { grantType: 'secret', secretKey: SECRET_KEY }));
    secret('PureWL fixture access token', fixtureGrant.body.body.accessToken);
    secret('PureWL fixture refresh token', fixtureGrant.body.body.refreshToken);
    expect((await send(request(emu.app).delete('/wp-json/purewl/v1/resellers/leak-test').set('Authorization', admin()))).status).toBe(200);
    expect((await send(request(emu.app).get('/wp-json/purewl/v1/x').set('X-AccessToken', access))).body.header.code).toBe(4024);
  });

  it('pkmnapi: token by mail, use, delete code by mail, wrong code, delete', async () => {
    const email = 'leak@example.com';
    const body = (attributes: Record<string, string>) => ({ data: { type: 'access_tokens', attributes } });
    expect((await send(json(request(emu.app).post('/wp-json/pkmnapi/v1/access_tokens').set('Authorization', admin()), body({ email_address: email })))).status).toBe(201);
    const token = secret('pkmnapi access token', /access token: (\w+)/.exec(emu.outbox.list({ to: email })[0]!.text)![1]);
    expect((await send(request(emu.app).get('/wp-json/pkmnapi/v1/roms').set('Authorization', `Bearer ${token}`))).status).toBe(403);
    secret('pkmnapi Bearer header', `Bearer ${token}`);
    emu.clock.advance(601); // past the cooldown
    expect((await send(json(request(emu.app).post('/wp-json/pkmnapi/v1/access_tokens/delete').set('Authorization', admin()), body({ email_address: email })))).status).toBe(201);
    const code = secret('pkmnapi delete code', /code=(\w+)/.exec(emu.outbox.list({ to: email })[1]!.text)![1]);
    expect((await send(json(request(emu.app).delete('/wp-json/pkmnapi/v1/access_tokens').set('Authorization', admin()), body({ code: secret('pkmnapi wrong code', 'x'.repeat(64)), email_address: email })))).status).toBe(204);
    expect(emu.introspect(token, 'pkmnapi').active).toBe(true);
    expect((await send(json(request(emu.app).delete('/wp-json/pkmnapi/v1/access_tokens').set('Authorization', admin()), body({ code, email_address: email })))).status).toBe(204);
    expect(emu.introspect(token, 'pkmnapi').active).toBe(false);
  });

  it('Fess: create, use (query and Bearer), admin by token, bad tokens, delete', async () => {
    const base = '/wp-json/fess/v1/api/admin/accesstoken';
    const created = await send(json(request(emu.app).post(`${base}/setting`).set('Authorization', admin()), { name: 'leak test', permissions: ['guest'] }));
    const token = secret('Fess token', created.body.response.token);
    expect((await send(request(emu.app).get(`/wp-json/fess/v1/json/?q=x&token=${token}`))).status).toBe(200);
    expect((await send(request(emu.app).get('/wp-json/fess/v1/json/?q=x').set('Authorization', `Bearer ${token}`))).status).toBe(200);
    expect((await send(request(emu.app).get(`${base}/settings`).set('Authorization', 'Bearer fessFixtureAdminToken01'))).status).toBe(200);
    expect((await send(request(emu.app).get(`${base}/settings`).set('Authorization', `Bearer ${token}`))).status).toBe(403);
    expect((await send(request(emu.app).get(`/wp-json/fess/v1/json/?q=x&token=${secret('Fess unknown token', 'unknownFessToken123456')}`))).status).toBe(401);
    expect((await send(request(emu.app).delete(`${base}/setting/${created.body.response.id}`).set('Authorization', admin()))).status).toBe(200);
    expect((await send(request(emu.app).get('/wp-json/fess/v1/json/?q=x').set('Authorization', `Bearer ${token}`))).status).toBe(401);
  });

  it('Everest Backup: access token, manual backup with it, a forged one', async () => {
    const issued = await send(json(request(emu.app).post('/wp-json/everest-backup/v1/access-token').set('Authorization', admin()), { action: 'backup' }));
    expect(issued.status).toBe(200);
    const token = secret('Everest access token', issued.body.access_token);
    expect((await send(json(request(emu.app).post('/wp-json/everest-backup/v1/manual-backup').set('Authorization', admin()), { access_token: token }))).status).toBe(200);
    const forged = await send(json(request(emu.app).post('/wp-json/everest-backup/v1/manual-backup').set('Authorization', admin()), { access_token: secret('Everest forged token', `0123456789:${'f'.repeat(32)}`) }));
    expect(forged.status).toBe(400);
  });
});

describe('no secret in logs, journal or error bodies', () => {
  function leaks(haystack: string): string[] {
    return [...secrets].filter(([value]) => haystack.includes(value)).map(([value, label]) => `${label}: ${value}`);
  }

  it('the flows ran with debug logging, a journal and some error answers (so the checks below look at something)', () => {
    expect(logLines.length).toBeGreaterThan(40);
    expect(logLines.some((l) => / DEBUG | INFO /.test(l))).toBe(true);
    expect(emu.journal.list().length).toBeGreaterThan(40);
    expect(errorBodies.length).toBeGreaterThan(10);
    expect(secrets.size).toBeGreaterThan(30);
  });

  it('positive control: the detector finds secrets where they belong (pkmnapi mails its token and delete code, by design)', () => {
    const found = leaks(JSON.stringify(emu.outbox.list()));
    expect(found.some((f) => f.startsWith('pkmnapi access token:'))).toBe(true);
    expect(found.some((f) => f.startsWith('pkmnapi delete code:'))).toBe(true);
  });

  it('log lines', () => {
    expect(leaks(logLines.join('\n'))).toEqual([]);
  });

  it('the journal (createApp handle)', () => {
    expect(leaks(JSON.stringify(emu.journal.list()))).toEqual([]);
  });

  it('the journal over HTTP (GET /wp-json/emulator/v1/journal)', async () => {
    const res = await request(emu.app).get('/wp-json/emulator/v1/journal').set('Authorization', basic('admin', ADMIN_PASSWORD));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(40);
    expect(leaks(res.text)).toEqual([]);
  });

  it('error bodies', () => {
    expect(leaks(errorBodies.join('\n'))).toEqual([]);
  });
});

describe('Availo JWTs: algorithm pinned, key checked', () => {
  let good: string;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    const res = await request(emu.app)
      .post('/wp-json/availo/v1/api/Account/Generatetoken')
      .set('Authorization', basic('admin', ADMIN_PASSWORD))
      .set('Content-Type', 'application/json')
      .send({ AccountCode: 'FIXTURE-ACME', Password: 'fixture availo password' });
    good = res.body.Data.accessToken;
    claims = jwt.decode(good) as Record<string, unknown>;
  });
  const use = (token: string) => request(emu.app).get('/wp-json/availo/v1/api/Employees/List').set('access_token', token);
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

  it('the genuine token works and says HS256', async () => {
    expect(JSON.parse(Buffer.from(good.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect((await use(good)).status).toBe(200);
  });

  it.each([
    ['alg none, no signature', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
    ['alg none, the genuine signature kept', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.${good.split('.')[2]}`],
    ['alg "None"', () => `${b64({ alg: 'None', typ: 'JWT' })}.${b64(claims)}.`],
    ['HS256 signed with another key', () => jwt.sign(claims, 'another key entirely', { algorithm: 'HS256' })],
    ['HS512 signed with another key', () => jwt.sign(claims, 'another key entirely', { algorithm: 'HS512' })],
    ['genuine header and signature, claims altered (sub)', () => `${good.split('.')[0]}.${b64({ ...claims, sub: 'SOMEONE-ELSE' })}.${good.split('.')[2]}`],
    ['genuine header and signature, claims altered (exp)', () => `${good.split('.')[0]}.${b64({ ...claims, exp: (claims.exp as number) + 86_400 })}.${good.split('.')[2]}`],
  ])('%s: 401 "Access token is invalid."', async (_name, make) => {
    const res = await use(make());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ Data: null, status: false, message: 'Access token is invalid.' });
  });
});

describe('constant-time comparison of secrets', () => {
  function sources(dirName: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(p);
      }
    };
    walk(path.join(root, dirName));
    return out;
  }

  /** Names that hold a secret or something derived from one. */
  const SECRET_NAME = /(token|password|passwd|secret|hash|nonce|signature|digest|hmac|api_?key|deletecode|\bcode\b|\bsig\b|credential)/i;
  /** An operand that is a literal, a type test or a length: comparing it leaks nothing. */
  const HARMLESS = /^(['"`].*['"`]|-?\d+(\.\d+)?|null|undefined|true|false|typeof\b.*|.*\.(length|size)|[A-Z_]{2,}(\.[A-Z_]+)?)$/;

  /**
   * Comparisons of two secret-looking values that are not a client's input against a secret, each
   * with the reason it is safe. Everything else comparing a secret with === must use safeEqual.
   */
  const REVIEWED: Record<string, string> = {
    'wp-json/availo/v1/index.ts: current.passwordHash === account.passwordHash':
      'both operands are the stored bcrypt hash (re-read after the await, to see the account was not changed meanwhile); no client input',
    'wp-json/purewl/v1/state.ts: current.secretHash === candidate.secretHash': 'both operands are the stored hash of the same reseller, re-read after bcrypt; no client input',
    'plugin/admin/login.ts: current.passwordHash !== user.passwordHash': "both operands are the user's stored login password hash, before and after bcrypt's compare (was it changed meanwhile?); no client input",
  };

  it('every === / !== between two non-literal operands, one of them secret-looking, is a reviewed comparison of server-side values', () => {
    const found: string[] = [];
    const comparison = /([\w$.?!\]\[()]+)\s*(===|!==|==|!=)\s*([\w$.?\]\[()'"`-]+)/g;
    for (const file of [...sources('core'), ...sources('wp-json'), ...sources('plugin')]) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (/^\s*(\/\/|\*)/.test(line)) continue;
        for (const m of line.matchAll(comparison)) {
          const left = m[1]!.replace(/^[(!]+|[)]+$/g, '');
          const right = m[3]!.replace(/^[(!]+|[);,]+$/g, '');
          if (!SECRET_NAME.test(left) && !SECRET_NAME.test(right)) continue;
          if (HARMLESS.test(left) || HARMLESS.test(right)) continue;
          if (/typeof\s*$/.test(line.slice(0, m.index))) continue;
          found.push(`${rel}: ${left} ${m[2]} ${right}`);
        }
      }
    }
    const unreviewed = found.filter((f) => !(f in REVIEWED));
    expect(unreviewed).toEqual([]);
    // The reviewed list is not stale: each entry still exists.
    for (const key of Object.keys(REVIEWED)) expect(found).toContain(key);
  });

  it('the checks of client-presented secrets go through safeEqual (application passwords, delete codes, Fess tokens, nonces) or a pinned-algorithm JWT verify', () => {
    const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
    expect(read('core/auth/application-passwords.ts')).toMatch(/safeEqual\(item\.password, hashed\)/);
    expect(read('wp-json/pkmnapi/v1/index.ts')).toMatch(/safeEqual\(hash\(code\), user\.deleteCodeHash\)/);
    expect(read('wp-json/fess/v1/tokens.ts')).toMatch(/safeEqual\(found\.token, value\)/);
    expect(read('core/wordpress/nonces.ts')).toMatch(/safeEqual\(nonceFor\(/);
    expect(read('wp-json/availo/v1/tokens.ts')).toMatch(/jwt\.verify\([^)]*algorithms: \['HS256'\]/);
    expect(read('core/secrets.ts')).toMatch(/timingSafeEqual\(left, right\)/);
  });

  it('safeEqual: equal strings, different strings, different lengths, multi-byte', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('é', 'e\u0301')).toBe(false);
  });

  it('safeEqual through the reused buffer and past it: long strings, a difference in the last byte, the buffer wiped after', () => {
    const long = 'k'.repeat(5000);
    expect(safeEqual(long, long)).toBe(true);
    expect(safeEqual(long, `${long.slice(0, -1)}x`)).toBe(false);
    const short = 'p'.repeat(600);
    expect(safeEqual(short, short)).toBe(true);
    expect(safeEqual(short, `${short.slice(0, -1)}q`)).toBe(false);
    expect(safeEqual('日本語', '日本語')).toBe(true);
    expect(safeEqual('日本語', '日本誤')).toBe(false);
    // One comparison does not leak into the next (the halves are written fresh and wiped).
    expect(safeEqual('secret-one', 'secret-one')).toBe(true);
    expect(safeEqual('x', 'secret-one')).toBe(false);
    expect(safeEqual('', 'a')).toBe(false);
  });

  it('hmac() with cached keys gives what createHmac gives, for every key', () => {
    for (const key of ['k1', 'k2', 'ключ', 'k1']) {
      for (const data of ['', 'a', 'données']) {
        expect(hmac('sha256', key, data, 'base64url')).toBe(createHmac('sha256', key).update(data, 'utf8').digest('base64url'));
        expect(hmac('md5', key, data, 'hex')).toBe(createHmac('md5', key).update(data, 'utf8').digest('hex'));
      }
    }
    expect(keyedHash('site-key', 'AAAA')).toBe(createHmac('sha256', 'site-key').update('AAAA').digest('base64url'));
    // More keys than the cache holds: still right.
    for (let i = 0; i < 100; i++) expect(hmac('sha256', `key${i}`, 'x', 'hex')).toBe(createHmac('sha256', `key${i}`).update('x').digest('hex'));
  });

  it('randomAlphanumeric: the length asked, only [A-Za-z0-9], every character used, no two alike', () => {
    const tokens = Array.from({ length: 400 }, () => randomAlphanumeric(64));
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    const seen = new Set(tokens.join(''));
    expect(seen.size).toBe(62);
    expect(randomAlphanumeric(0)).toBe('');
    expect(randomAlphanumeric(1000)).toHaveLength(1000);
    // Roughly uniform: each of the 62 characters near 1/62 of 25,600 draws (expected ~413).
    const counts = new Map<string, number>();
    for (const ch of tokens.join('')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    for (const n of counts.values()) expect(n).toBeGreaterThan(250);
  });
});
