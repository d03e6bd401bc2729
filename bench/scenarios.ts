/**
 * The benchmark's scenarios: what each sends, which fixtures the server starts with, and the target
 * it is held to. A scenario whose namespace has not landed is skipped with a note.
 */
import { randomUUID } from 'node:crypto';
import { basic, type LoadRequest, type LoadResult } from './lib';

export const ADMIN_PASSWORD = 'AAAA BBBB CCCC DDDD EEEE FFFF';
const WRONG_PASSWORD = 'ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ';
const AS_ADMIN = basic('admin', ADMIN_PASSWORD);
const WRONG_ADMIN = basic('admin', WRONG_PASSWORD);

/** The administrator every scenario runs as: an application password only (no login password, so no bcrypt at load). */
export const ADMIN = {
  id: 1,
  login: 'admin',
  email: 'admin@localhost.com',
  role: 'administrator',
  applicationPasswords: [{ name: 'bench', password: ADMIN_PASSWORD, uuid: '11111111-1111-4111-8111-111111111111', created: 1700000000 }],
};

const AVAILO_ACCOUNT = { AccountCode: 'BENCH01', Password: 'bench-secret-1' };
const PUREWL_SECRET = 'bench-reseller-secret-1';

export interface TargetRow {
  rps?: number;
  p99?: number;
  ratio?: number;
  target?: string;
  ok?: boolean;
  note?: string;
  rss?: number | null;
}

export interface TargetContext {
  baseline: LoadResult;
  /** Results of the scenarios run so far, by name. */
  results: ReadonlyMap<string, LoadResult>;
  rss: number | null;
}

export interface Scenario {
  name: string;
  /** Namespace module ids the scenario needs (skipped, with a note, until they land). */
  requires?: string[];
  fixtures?: Record<string, unknown>;
  settings?: Record<string, string>;
  /** Each connection sends these in order, round and round. */
  requests: LoadRequest[];
  /** A durable write: the store is seeded with `records` records first, and every acknowledged write is looked for afterwards. */
  write?: { collection: string; records: number; clone(template: unknown, i: number): [string, unknown] };
  /** Fills in the row's target and verdict. */
  target?(row: TargetRow, result: LoadResult, ctx: TargetContext): void;
}

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };

const everestGood: LoadRequest = {
  method: 'POST',
  path: '/wp-json/everest-backup/v1/access-token',
  headers: { authorization: AS_ADMIN, ...json },
  body: JSON.stringify({ action: 'Bench action' }),
  expect: [200],
};
const everestWrongPassword: LoadRequest = { ...everestGood, headers: { authorization: WRONG_ADMIN, ...json }, expect: [401], good: false };

/** Fess create: one new access-token setting per request (its name made unique by autocannon's [<id>]). */
const fessCreate: LoadRequest = {
  method: 'POST',
  path: '/wp-json/fess/v1/api/admin/accesstoken/setting',
  headers: { authorization: AS_ADMIN, ...json },
  body: JSON.stringify({ name: 'bench [<id>]', permissions: ['{role}guest'] }),
  expect: [200, 201],
};

function cloneFessSetting(template: unknown, i: number): [string, unknown] {
  const t = template as Record<string, unknown>;
  const id = `seed${String(i).padStart(8, '0')}${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const out: Record<string, unknown> = { ...t };
  for (const [k, v] of Object.entries(t)) {
    if (k === 'id') out[k] = id;
    else if (k === 'name') out[k] = `seeded ${i}`;
    else if (k === 'token' && typeof v === 'string') out[k] = (`seed${i}x` + randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '')).slice(0, v.length);
  }
  return [id, out];
}

/**
 * Half the requests good, half with a wrong password. Were a wrong one exactly as costly as a good
 * one, the good half would get half of the all-good rate; the target keeps it at >= 80% of that.
 */
function badHalfTarget(allGoodName: string): Scenario['target'] {
  return (row, result, { results, baseline }) => {
    const allGood = results.get(allGoodName);
    const share = allGood ? result.goodRps / (allGood.rps / 2) : NaN;
    row.rps = result.goodRps;
    row.ratio = result.goodRps / baseline.rps;
    row.note = [row.note, `req/s = the good half (2xx); all requests ${result.rps.toFixed(0)}/s; good half / (all-good / 2) = ${(share * 100).toFixed(0)}%; good half / all-good = ${allGood ? ((result.goodRps / allGood.rps) * 100).toFixed(0) : '?'}%`].filter(Boolean).join('; ');
    row.target = `bad half costs good half <= 20% (${Number.isFinite(share) ? (share * 100).toFixed(0) + '% kept' : 'no all-good run'})`;
    row.ok = share >= 0.8;
  };
}

function writeScenario(records: number): Scenario {
  return {
    name: `durable write, ${records.toLocaleString('en-US')} records: fess create`,
    requires: ['fess'],
    requests: [fessCreate],
    write: { collection: 'fess.tokens', records, clone: cloneFessSetting },
    target(row, result, ctx) {
      if (records === 100_000) {
        const small = [...ctx.results.entries()].find(([name]) => name.startsWith('durable write, 100 '))?.[1];
        const ratio = small ? result.rps / small.rps : NaN;
        row.target = `>= 50% of 100-record req/s (${small ? (ratio * 100).toFixed(0) + '%' : 'not measured'}); no write lost; RSS < 200 MB`;
        row.ok = small !== undefined && ratio >= 0.5 && !/LOST/.test(row.note ?? '') && (row.rss ?? Infinity) < 200;
      } else {
        row.target = 'no write lost';
        row.ok = !/LOST/.test(row.note ?? '');
      }
    },
  };
}

export const scenarios: Scenario[] = [
  {
    name: 'GET /wp-json/ (index)',
    requests: [{ method: 'GET', path: '/wp-json/', expect: [200] }],
  },
  {
    name: 'everest access-token',
    requires: ['everest-backup'],
    requests: [everestGood],
    target(row, result, { baseline }) {
      const ratio = result.rps / baseline.rps;
      const p99x = result.p99 / Math.max(baseline.p99, 1);
      row.target = `>= 70% of baseline req/s; p99 < 5x baseline p99 (${p99x.toFixed(1)}x)`;
      row.ok = ratio >= 0.7 && p99x < 5;
    },
  },
  {
    // What the request journal of the control API (emulator/v1/journal) costs: the same load without it.
    name: 'everest access-token, JOURNAL_SIZE=0',
    requires: ['everest-backup'],
    settings: { JOURNAL_SIZE: '0' },
    requests: [everestGood],
  },
  {
    name: 'everest access-token, 50% wrong application password',
    requires: ['everest-backup'],
    // The brute-force throttle would answer 429 to every Basic request from 127.0.0.1 after 20
    // failures (as it should); its limits are raised so its bookkeeping is measured, not its verdict.
    settings: { AUTH_THROTTLE_MAX_PER_IP: '1000000', AUTH_THROTTLE_MAX_PER_USER: '1000000' },
    requests: [everestGood, everestWrongPassword],
    target: badHalfTarget('everest access-token'),
  },
  {
    name: 'availo Generatetoken (repeated credentials)',
    requires: ['availo'],
    fixtures: { users: [ADMIN], availo: { accounts: [AVAILO_ACCOUNT] } },
    requests: [{ method: 'POST', path: '/wp-json/availo/v1/api/Account/Generatetoken', headers: { authorization: AS_ADMIN, ...json }, body: JSON.stringify(AVAILO_ACCOUNT), expect: [200] }],
  },
  {
    name: 'availo Generatetoken, 50% wrong vendor password',
    requires: ['availo'],
    fixtures: { users: [ADMIN], availo: { accounts: [AVAILO_ACCOUNT] } },
    requests: [
      { method: 'POST', path: '/wp-json/availo/v1/api/Account/Generatetoken', headers: { authorization: AS_ADMIN, ...json }, body: JSON.stringify(AVAILO_ACCOUNT), expect: [200] },
      // Availo refuses a wrong password with 200 {"status":false}: not counted in the good half.
      { method: 'POST', path: '/wp-json/availo/v1/api/Account/Generatetoken', headers: { authorization: AS_ADMIN, ...json }, body: JSON.stringify({ ...AVAILO_ACCOUNT, Password: 'wrong-password' }), expect: [200], good: false },
    ],
    target: badHalfTarget('availo Generatetoken (repeated credentials)'),
  },
  {
    name: 'atom accessToken grantType=secret (repeated credentials)',
    requires: ['purewl'],
    fixtures: { users: [ADMIN], purewl: { resellers: [{ secretKey: PUREWL_SECRET, resellerId: 1001, resellerUid: 'bench-reseller' }] } },
    requests: [
      {
        method: 'POST',
        path: '/wp-json/purewl/v1/auth/v1/accessToken',
        headers: { authorization: AS_ADMIN, ...form },
        body: `grantType=secret&secretKey=${encodeURIComponent(PUREWL_SECRET)}`,
        expect: [200],
      },
    ],
  },
  writeScenario(100),
  writeScenario(10_000),
  writeScenario(100_000),
];
