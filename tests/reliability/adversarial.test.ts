import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp, standardFixtures } from '../helpers';

/*
 * No input stalls the server (issue 21, point 1). Every string field of every route gets inputs at
 * the body limit made of what each sanitiser treats specially (repeated `%`, nested `%25`, unclosed
 * tags, comments, entities, runs of spaces, vertical tabs, dashes, dots, backslashes), sent to a
 * real server on 127.0.0.1 (port 0) in this process, while the event loop's delay is measured and a
 * concurrent `GET /wp-json/` is timed: both must stay under 250 ms. Fields come from the routes'
 * declared args in the discovery index, plus the ones the vendor handlers read that are not declared
 * yet (UNDECLARED; issue 15 declares them). `npm test` sends each field one of the inputs (the
 * next one for the next field, so every input is used); RELIABILITY_FULL=1 sends every input to every
 * field. State is reset after each accepted write, so a test of one input is not slowed by megabytes
 * stored by the ones before (that is the cost of stored data, not of an input).
 */

const FULL = process.env.RELIABILITY_FULL === '1';
const BOUND_MS = 250;
const BODY_LIMIT = 1_048_576;
/** The longest string that fits in a JSON body at the limit with room for the field name and the rest. */
const N = BODY_LIMIT - 4096;

/** Adversarial strings by name; `bytes` is how many bytes of JSON one character takes. */
const INPUTS: Record<string, () => string> = {
  'repeated % then hex (the issue)': () => '%'.repeat(N / 2) + '41'.repeat(N / 4),
  'nested %25': () => '%'.repeat(N / 3) + '25'.repeat(N / 3),
  '%25 repeated': () => '%25'.repeat(N / 3),
  'unclosed <script>': () => '<script>'.repeat(N / 8),
  'unclosed <style ': () => '<style '.repeat(N / 7),
  'lone <': () => '<'.repeat(N),
  'unclosed <a': () => '<a'.repeat(N / 2),
  'unclosed comments': () => '<!--'.repeat(N / 4),
  'quotes in tags': () => "<a \"'".repeat(N / 6),
  'entities without ;': () => '&#x'.repeat(N / 3),
  'a run of spaces': () => `x${' '.repeat(N)}x`,
  'a run of vertical tabs': () => `x${'\u000b'.repeat(N / 6)}x`, // JSON: \u000b, 6 bytes each
  'a run of dashes and dots': () => '-.'.repeat(N / 2),
  'backslashes': () => '\\'.repeat(N / 2), // JSON: \\, 2 bytes each
};

/** Body fields the handlers read that the index does not declare yet, by `METHOD route`. Dotted names are nested. */
const UNDECLARED: Record<string, string[]> = {
  'POST /everest-backup/v1/access-token': ['action'],
  'POST /everest-backup/v1/manual-backup': ['access_token', 'custom_name_tag', 'ignore_database', 'ignore_plugins', 'ignore_media', 'ignore_themes', 'ignore_content'],
  'POST /fess/v1/api/admin/accesstoken/setting': ['name', 'token', 'parameterName', 'parameter_name', 'permissions', 'expires'],
  'PUT /fess/v1/api/admin/accesstoken/setting': ['id', 'name', 'token', 'parameterName', 'permissions'],
  'POST /availo/v1/api/Account/Generatetoken': ['AccountCode', 'Password'],
  'POST /availo/v1/accounts': ['AccountCode', 'Password'],
  'POST /purewl/v1/auth/v1/accessToken': ['grantType', 'secretKey', 'refreshToken'],
  'POST /purewl/v1/resellers': ['secretKey', 'resellerUid'],
  'POST /pkmnapi/v1/access_tokens': ['data.attributes.email_address', 'data.type'],
  'POST /pkmnapi/v1/access_tokens/delete': ['data.attributes.email_address'],
  'DELETE /pkmnapi/v1/access_tokens': ['code', 'email_address'],
};

interface Case {
  method: string;
  path: string;
  field: string;
  input: string;
}

/** A concrete path for a route pattern: digits where the pattern wants them, a word otherwise. */
function concretePath(route: string): string {
  return route.replace(/\(\?P<\w+>([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (_m, pattern: string) => (pattern.includes('\\d') ? '1' : 'x1'));
}

function bodyFor(field: string, value: string): Buffer {
  const body: Record<string, unknown> = {};
  let at = body;
  const parts = field.split('.');
  parts.slice(0, -1).forEach((part) => (at = (at[part] = {}) as Record<string, unknown>));
  at[parts[parts.length - 1]!] = value;
  return Buffer.from(JSON.stringify(body));
}

let emu: EmulatorApp;
let server: Server;
let base: string;
const cases: Case[] = [];

beforeAll(async () => {
  emu = await standardApp({
    settings: { AUTH_THROTTLE: false, LOG_LEVEL: 'silent', PKMNAPI_RATE_LIMIT: 0 },
    fixtures: {
      ...standardFixtures,
      availo: { accounts: [{ AccountCode: 'ADV-ACME', Password: 'adversarial availo password' }] },
      purewl: { resellers: [{ secretKey: 'Adversarial-Secret-Key-1', resellerId: 4343, resellerUid: 'adv-vpn' }] },
      fess: { tokens: [{ name: 'adv', token: 'adversarialFessToken01', permissions: ['admin-api'] }] },
    },
  });
  server = emu.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const index = (await (await fetch(`${base}/wp-json/`)).json()) as { routes: Record<string, { endpoints: Array<{ methods: string[]; args: Record<string, { type?: string | string[] }> }> }> };
  const names = Object.keys(INPUTS);
  let k = 0;
  for (const [route, { endpoints }] of Object.entries(index.routes)) {
    for (const endpoint of endpoints) {
      for (const method of endpoint.methods) {
        const declared = Object.entries(endpoint.args)
          .filter(([, a]) => a.type === undefined || a.type === 'string' || (Array.isArray(a.type) && a.type.includes('string')))
          .map(([name]) => name);
        const fields = [...new Set([...declared, ...(UNDECLARED[`${method} ${route}`] ?? [])])];
        for (const field of fields) {
          const chosen = FULL ? names : [names[k % names.length]!];
          k += 1;
          for (const input of chosen) cases.push({ method, path: `/wp-json${concretePath(route)}`, field, input });
        }
      }
    }
  }
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await emu.close();
});

const built = new Map<string, string>();
const inputOf = (name: string): string => {
  let value = built.get(name);
  if (value === undefined) built.set(name, (value = INPUTS[name]!()));
  return value;
};

/** Sends one adversarial request and, while it runs, a `GET /wp-json/`; the event loop's worst delay and the GET's time. */
async function underLoad(c: Case): Promise<{ status: number; loopMs: number; getMs: number }> {
  const value = inputOf(c.input);
  let url = `${base}${c.path}`;
  let body: Buffer | undefined;
  if (c.method === 'GET' || c.method === 'HEAD') url += `?${encodeURIComponent(c.field)}=${encodeURIComponent(value.slice(0, 4000))}`; // a request line is at most 16 KB
  else body = bodyFor(c.field, value);
  expect(body === undefined || body.length <= BODY_LIMIT).toBe(true);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const heavy = fetch(url, { method: c.method, headers: { Authorization: asAdmin, 'Content-Type': 'application/json', Accept: 'application/json' }, body }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });
  const started = performance.now();
  const light = fetch(`${base}/wp-json/`).then(async (r) => {
    await r.arrayBuffer();
    return performance.now() - started;
  });
  const [status, getMs] = await Promise.all([heavy, light]);
  delay.disable();
  return { status, loopMs: delay.max / 1e6, getMs };
}

describe('adversarial inputs at the body limit in every string field of every route', () => {
  it('never stall the server: event-loop delay and a concurrent GET /wp-json/ under 250 ms, never a 5xx', async () => {
    expect(cases.length).toBeGreaterThan(60);
    const slow: string[] = [];
    const statuses: Record<number, number> = {};
    let worstLoop = 0;
    let worstGet = 0;
    let worstCase = '';
    for (const c of cases) {
      const t0 = performance.now();
      if (process.env.ADV_DEBUG) process.stderr.write(`start ${c.method} ${c.path} ${c.field} ${c.input}\n`);
      // A slow answer is tried again (three tries in all) and the best counts: a machine shared with other
      // work can stop this process for a moment (another test suite, a collection), an input that costs
      // too much is slow every time.
      let { status, loopMs, getMs } = await underLoad(c);
      for (let retry = 0; retry < 2 && (loopMs >= BOUND_MS || getMs >= BOUND_MS); retry++) {
        if (c.method !== 'GET' && status < 300) await emu.reset();
        const again = await underLoad(c);
        if (Math.max(again.loopMs, again.getMs) < Math.max(loopMs, getMs)) ({ status, loopMs, getMs } = again);
      }
      if (process.env.ADV_DEBUG) process.stderr.write(`${(performance.now() - t0).toFixed(0)}ms ${c.method} ${c.path} ${c.field} ${c.input} ${status} loop ${loopMs.toFixed(0)} get ${getMs.toFixed(0)}\n`);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (c.method !== 'GET' && status < 300) await emu.reset();
      emu.journal.clear(); // likewise the journal: reading it back costs what it holds, not what one input does
      if (Math.max(loopMs, getMs) > Math.max(worstLoop, worstGet)) worstCase = `${c.method} ${c.path} ${c.field} "${c.input}"`;
      worstLoop = Math.max(worstLoop, loopMs);
      worstGet = Math.max(worstGet, getMs);
      if (loopMs >= BOUND_MS || getMs >= BOUND_MS || status >= 500) slow.push(`${c.method} ${c.path} ${c.field} "${c.input}": ${status}, loop ${loopMs.toFixed(0)} ms, GET ${getMs.toFixed(0)} ms`);
    }
    // eslint-disable-next-line no-console
    console.log(`${cases.length} adversarial requests; statuses ${JSON.stringify(statuses)}; worst event-loop delay ${worstLoop.toFixed(0)} ms, worst concurrent GET ${worstGet.toFixed(0)} ms (${worstCase})`);
    expect(slow).toEqual([]);
  }, 600_000);

  it("a 1 MB adversarial Everest action costs at most 3 times a 1 MB plain one (fastest of 15 each, taking turns)", async () => {
    // Cost is CPU time (this process: the server and the client, the same for both bodies): wall time
    // also counts the moments the machine gives this process no core, which a busy CI machine makes
    // long for a 10 ms request (a ratio of 4.8 in wall time once, 2.1 quiet, for the same code).
    const post = async (action: string): Promise<{ wallMs: number; cpuMs: number }> => {
      const body = bodyFor('action', action);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const r = await fetch(`${base}/wp-json/everest-backup/v1/access-token`, { method: 'POST', headers: { Authorization: asAdmin, 'Content-Type': 'application/json' }, body });
      await r.arrayBuffer();
      const used = process.cpuUsage(cpu);
      return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
    };
    // The two requests, and nested %25 (a lone '<' becomes '&lt;': its answer is four times the
    // size, see docs/reliability.md). Plain and adversarial take turns, 15 rounds; the fastest of each
    // counts, as other work on the machine only ever makes a request slower.
    // 15 rounds (7 until 2026-12-05): on a machine busy with other suites even CPU time moves (caches,
    // memory bandwidth), and the fastest of more tries comes closer to what the request costs.
    const ROUNDS = 15;
    const plainAction = 'a'.repeat(N);
    const names = ['repeated % then hex (the issue)', 'unclosed <script>', 'nested %25'];
    const fastest = (a: { wallMs: number; cpuMs: number }, b: { wallMs: number; cpuMs: number }) => ({ wallMs: Math.min(a.wallMs, b.wallMs), cpuMs: Math.min(a.cpuMs, b.cpuMs) });
    let plain = { wallMs: Infinity, cpuMs: Infinity };
    const best: Record<string, { wallMs: number; cpuMs: number }> = Object.fromEntries(names.map((n) => [n, { wallMs: Infinity, cpuMs: Infinity }]));
    for (let round = 0; round < ROUNDS; round++) {
      plain = fastest(plain, await post(plainAction));
      for (const name of names) best[name] = fastest(best[name]!, await post(inputOf(name)));
    }
    const ratios: Record<string, number> = {};
    const wallRatios: Record<string, number> = {};
    for (const name of names) {
      ratios[name] = best[name]!.cpuMs / plain.cpuMs;
      wallRatios[name] = best[name]!.wallMs / plain.wallMs;
    }
    const round2 = (_k: string, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v);
    // eslint-disable-next-line no-console
    console.log(`1 MB plain action: ${plain.cpuMs.toFixed(1)} ms CPU, ${plain.wallMs.toFixed(1)} ms wall (fastest of ${ROUNDS}); adversarial / plain, CPU: ${JSON.stringify(ratios, round2)}; wall: ${JSON.stringify(wallRatios, round2)}`);
    for (const ratio of Object.values(ratios)) expect(ratio).toBeLessThanOrEqual(3);
  }, 120_000);
});
