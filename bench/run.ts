/**
 * `npm run bench`: every scenario against a server started as a child process on a fresh store,
 * driven by autocannon from this process, side by side with a bare Express 5 app measured in the
 * same run. Prints one table. See docs/performance.md.
 *
 *   node dist/bench/run.js [--duration=10] [--connections=50] [--only=everest,write] [--quick]
 *                          [--cold-runs=7] [--rounds=5] [--no-oracle] [--json=bench/results/last.json]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Store } from '../core/store';
import { allNamespaces } from '../plugin/namespaces';
import { basic, coldStart, cpuSeconds, freePort, load, loadOneShot, median, rssMb, spawnServer, type LoadRequest, type LoadResult, type ServerProcess } from './lib';
import { ADMIN, ADMIN_PASSWORD, scenarios, type Scenario } from './scenarios';
import { npmStartRows } from './npm-start';
import { ensurePeers, EVEREST_PATH, peers, playgroundColdStart } from './peers';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'plugin', 'server.js');
const BASELINE = path.join(ROOT, 'dist', 'bench', 'baseline-server.js');
const FLOOR = path.join(ROOT, 'dist', 'bench', 'floor-server.js');
const CREATE_APP = path.join(ROOT, 'dist', 'bench', 'create-app-timing.js');
const MANY_APPS = path.join(ROOT, 'dist', 'bench', 'many-apps.js');
const PEERS_DIR = path.join(ROOT, 'bench', 'peers');
const WORDPRESS_TREE = path.join(process.env.WP_ORACLE_HOME ?? path.join(os.homedir(), '.cache', 'wp-oracle'), 'wordpress');
const ORACLE = path.resolve(ROOT, '..', 'shared', 'wp-oracle', 'wp-oracle');
const ORACLE_MU = path.join(ROOT, 'bench', 'oracle-everest-mu.php');

interface Options {
  duration: number;
  warmup: number;
  connections: number;
  only: string[] | null;
  quick: boolean;
  coldRuns: number;
  createAppRuns: number;
  oracle: boolean;
  peers: boolean;
  manyApps: number;
  /** Rounds of the side-by-side comparison (limit, floor, peers, the emulator): the duration is split among them. */
  rounds: number;
  json: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { duration: 10, warmup: 2, connections: 50, only: null, quick: false, coldRuns: 7, createAppRuns: 50, oracle: true, peers: true, manyApps: 100, rounds: 5, json: null };
  for (const arg of argv) {
    const [key, value] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, ''];
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${key} needs a positive number, got "${value}"`);
      return n;
    };
    switch (key) {
      case '--duration': opts.duration = num(); break;
      case '--warmup': opts.warmup = Number(value) >= 0 ? Number(value) : 0; break;
      case '--connections': opts.connections = Math.round(num()); break;
      case '--only': opts.only = value.split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--quick': opts.quick = true; break;
      case '--cold-runs': opts.coldRuns = Math.round(num()); break;
      case '--create-app-runs': opts.createAppRuns = Math.round(num()); break;
      case '--no-oracle': opts.oracle = false; break;
      case '--no-peers': opts.peers = false; break;
      case '--many-apps': opts.manyApps = Math.round(num()); break;
      case '--rounds': opts.rounds = Math.round(num()); break;
      case '--json': opts.json = value || path.join(ROOT, 'bench', 'results', 'last.json'); break;
      case '--help':
        process.stdout.write('npm run bench -- [--duration=S] [--warmup=S] [--connections=N] [--only=a,b] [--quick] [--cold-runs=N] [--create-app-runs=N] [--many-apps=N] [--rounds=N] [--no-oracle] [--no-peers] [--json[=file]]\n');
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default:
        throw new Error(`unknown option ${arg} (try --help)`);
    }
  }
  if (opts.quick) {
    opts.duration = Math.min(opts.duration, 1);
    opts.warmup = 0;
    opts.connections = Math.min(opts.connections, 10);
    opts.coldRuns = Math.min(opts.coldRuns, 2);
    opts.createAppRuns = Math.min(opts.createAppRuns, 5);
    opts.manyApps = Math.min(opts.manyApps, 5);
  }
  return opts;
}

/** One line of the table. Empty cells print as "-". */
interface Row {
  scenario: string;
  rps?: number;
  p50?: number;
  p99?: number;
  errors?: number;
  rss?: number | null;
  /** Server CPU time (user + system) per response, microseconds. */
  cpu?: number;
  ratio?: number;
  target?: string;
  ok?: boolean;
  note?: string;
}

const rows: Row[] = [];
let crashed = false;
let errorsSeen = 0;

function fmt(n: number | undefined | null, digits = 0): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '-';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function printTable(): string {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'RSS MB', 'CPU µs/req', 'vs base', 'target', ''];
  const body = rows.map((r) => [
    r.scenario,
    fmt(r.rps),
    fmt(r.p50, r.p50 !== undefined && r.p50 < 10 ? 1 : 0),
    fmt(r.p99, r.p99 !== undefined && r.p99 < 10 ? 1 : 0),
    r.errors === undefined ? '-' : String(r.errors),
    fmt(r.rss),
    fmt(r.cpu),
    r.ratio === undefined ? '-' : `${(r.ratio * 100).toFixed(0)}%`,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'ok' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 || i === 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  const out = [line(header), '|' + widths.map((w, i) => (i === 0 || i === 8 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|', ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.scenario}: ${r.note}`);
  return out.join('\n') + (notes.length ? '\n\n' + notes.join('\n') : '') + '\n';
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} CPUs (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `wpte-bench-${label}-`));
}

/** Fresh store directory with the scenario's fixtures; returns the environment of a server on it. */
function freshSite(scenario: Pick<Scenario, 'name' | 'fixtures' | 'settings'>): { dir: string; env: Record<string, string>; dbFile: string } {
  const dir = tempDir(scenario.name.replace(/[^a-z0-9]+/gi, '-'));
  const dbFile = path.join(dir, 'db.json');
  const fixturesFile = path.join(dir, 'fixtures.json');
  fs.writeFileSync(fixturesFile, JSON.stringify(scenario.fixtures ?? { users: [ADMIN] }, null, 2));
  const env = { PORT: '0', HOST: '127.0.0.1', DB_FILE: dbFile, FIXTURES: fixturesFile, LOG_LEVEL: 'silent', ...scenario.settings };
  return { dir, env, dbFile };
}

/** Sends each request once; returns a reason when one is not answered as expected (404 = route not there yet). */
async function probe(url: string, requests: readonly LoadRequest[]): Promise<{ missing: boolean; problem: string } | null> {
  for (const r of requests) {
    const res = await fetch(url + r.path, { method: r.method, headers: r.headers, body: r.body });
    const text = await res.text();
    if (!r.expect.includes(res.status)) {
      return { missing: res.status === 404, problem: `${r.method} ${r.path} answered ${res.status} ${text.slice(0, 160)}` };
    }
  }
  return null;
}

/** Warm-up (discarded), then the measured load; with `pid`, the server's CPU time per response over the measured part. */
async function measure(url: string, requests: readonly LoadRequest[], opts: Options, pid?: number): Promise<{ result: LoadResult; warmupGood: number }> {
  let warmupGood = 0;
  if (opts.warmup > 0) warmupGood = (await load(url, requests, { connections: opts.connections, duration: opts.warmup })).good;
  const result = await loadWithCpu(url, requests, { connections: opts.connections, duration: opts.duration }, pid);
  return { result, warmupGood };
}

/** `loader` (autocannon's load() unless told); with `pid`, the server's CPU time per response over it (`cpuUsPerRequest`). */
async function loadWithCpu(url: string, requests: readonly LoadRequest[], options: { connections: number; duration: number }, pid?: number, loader: typeof load = load): Promise<LoadResult> {
  const cpuBefore = pid === undefined ? null : cpuSeconds(pid);
  const result = await loader(url, requests, options);
  const cpuAfter = pid === undefined ? null : cpuSeconds(pid);
  if (cpuBefore !== null && cpuAfter !== null && result.total > 0) result.cpuUsPerRequest = ((cpuAfter - cpuBefore) * 1e6) / result.total;
  return result;
}

function addLoadRow(scenario: string, result: LoadResult, rss: number | null, baseline: LoadResult | null, extra: Partial<Row> = {}): Row {
  errorsSeen += result.errors;
  const row: Row = {
    scenario,
    rps: result.rps,
    p50: result.p50,
    p99: result.p99,
    errors: result.errors,
    rss,
    cpu: result.cpuUsPerRequest,
    ratio: baseline ? result.rps / baseline.rps : undefined,
    ...extra,
  };
  if (result.total === 0) {
    errorsSeen++;
    row.errors = (row.errors ?? 0) + 1;
    row.note = 'NO RESPONSE during the measured part';
  }
  if (result.samples.length) row.note = [row.note, `unexpected answers: ${result.samples.join(' | ')}`].filter(Boolean).join('; ');
  rows.push(row);
  return row;
}

const results = new Map<string, LoadResult>();

async function runBaseline(label: string, opts: Options, kind: 'express' | 'node' = 'express'): Promise<LoadResult> {
  const server = await spawnServer(BASELINE, { PORT: '0', HOST: '127.0.0.1', BASELINE_KIND: kind }, ROOT);
  try {
    const { result } = await measure(server.url, [{ method: 'GET', path: '/', expect: [200] }], opts, server.pid);
    addLoadRow(label, result, rssMb(server.pid), null, { ratio: results.has('baseline') ? result.rps / results.get('baseline')!.rps : 1 });
    return result;
  } finally {
    await server.stop('SIGKILL');
  }
}

/** Writes `count` records into `collection` of a stopped server's store file, cloned from the one the prep run created. */
function seedStore(dbFile: string, collection: string, count: number, clone: (template: unknown, i: number) => [string, unknown]): number {
  const data = JSON.parse(fs.readFileSync(dbFile, 'utf8')) as { collections: Record<string, Record<string, unknown>> };
  const records = data.collections[collection] ?? {};
  const keys = Object.keys(records);
  if (keys.length === 0) throw new Error(`seeding: the prep run left no record in ${collection}`);
  const template = records[keys[keys.length - 1]!];
  let size = keys.length;
  for (let i = 0; size < count; i++) {
    const [key, value] = clone(template, i);
    if (!(key in records)) size++;
    records[key] = value;
  }
  data.collections[collection] = records;
  fs.writeFileSync(dbFile, JSON.stringify(data));
  return size;
}

async function countRecords(dbFile: string, collection: string): Promise<number> {
  const store = await Store.open({ file: dbFile, lock: false });
  try {
    return store.collection(collection).size;
  } finally {
    await store.close();
  }
}

async function runScenario(s: Scenario, opts: Options, baseline: LoadResult): Promise<void> {
  const missingModule = (s.requires ?? []).find((id) => {
    const module = allNamespaces.find((m) => m.id === id);
    return !module || (s.fixtures && s.fixtures[id] !== undefined && !module.fixtures);
  });
  if (missingModule) {
    rows.push({ scenario: s.name, note: `skipped: the ${missingModule} namespace has not landed yet (no fixtures section / routes)` });
    return;
  }
  const site = freshSite(s);
  let server: ServerProcess | null = null;
  try {
    let seeded = 0;
    if (s.write) {
      // Prep run: one write through the API gives a record of the real shape; then the file is seeded.
      const prep = await spawnServer(SERVER, site.env, site.dir);
      const problem = await probe(prep.url, s.requests).finally(() => prep.stop('SIGTERM'));
      if (problem) {
        rows.push({ scenario: s.name, note: problem.missing ? `skipped: route not there yet (${problem.problem})` : `FAILED probe: ${problem.problem}` });
        if (!problem.missing) errorsSeen++;
        return;
      }
      seeded = seedStore(site.dbFile, s.write.collection, s.write.records, s.write.clone);
    }
    server = await spawnServer(SERVER, site.env, site.dir);
    if (!s.write) {
      const problem = await probe(server.url, s.requests);
      if (problem) {
        rows.push({ scenario: s.name, note: problem.missing ? `skipped: route not there yet (${problem.problem})` : `FAILED probe: ${problem.problem}` });
        if (!problem.missing) errorsSeen++;
        return;
      }
    }
    const { result, warmupGood } = await measure(server.url, s.requests, opts, server.pid);
    const rss = rssMb(server.pid);
    results.set(s.name, result);
    const row = addLoadRow(s.name, result, rss, baseline);
    if (s.write) {
      // Acknowledged = answered 2xx. Kill -9 and reopen: every acknowledged write must be there.
      await server.stop('SIGKILL');
      server = null;
      const acked = warmupGood + result.good;
      const found = await countRecords(site.dbFile, s.write.collection);
      const lost = Math.max(0, seeded + acked - found);
      row.note = `${fmt(seeded)} records before, ${fmt(acked)} writes acknowledged, ${fmt(found)} in the store after SIGKILL + reopen: ${lost === 0 ? 'none lost' : `${lost} LOST`}`;
      if (lost > 0) errorsSeen += lost;
      row.errors = (row.errors ?? 0) + lost;
    }
    s.target?.(row, result, { baseline, results, rss });
  } catch (e) {
    crashed = true;
    rows.push({ scenario: s.name, note: `CRASHED: ${(e as Error).message.split('\n').slice(0, 6).join(' / ')}` });
  } finally {
    if (server) await server.stop('SIGTERM');
    fs.rmSync(site.dir, { recursive: true, force: true });
  }
}

async function runColdStart(opts: Options): Promise<void> {
  const emu: number[] = [];
  const bare: number[] = [];
  // Alternate the two, so drift on a shared machine hits both alike.
  for (let i = 0; i < opts.coldRuns; i++) {
    const port = await freePort();
    bare.push(await coldStart(BASELINE, { PORT: String(port), HOST: '127.0.0.1' }, ROOT, `http://127.0.0.1:${port}/`));
    const site = freshSite({ name: 'cold', settings: { PORT: String(await freePort()) } });
    try {
      emu.push(await coldStart(SERVER, site.env, site.dir, `http://127.0.0.1:${site.env.PORT}/wp-json/`));
    } finally {
      fs.rmSync(site.dir, { recursive: true, force: true });
    }
  }
  const e = median(emu);
  const b = median(bare);
  rows.push({ scenario: 'cold start: bare Express', p50: b, p99: Math.max(...bare), note: `median of ${bare.length} (p50 column; p99 column = slowest): ${bare.map((t) => t.toFixed(0)).join(', ')} ms` });
  rows.push({
    scenario: 'cold start: emulator',
    p50: e,
    p99: Math.max(...emu),
    ratio: e / b,
    target: '<= 1.5x bare cold start',
    ok: e <= 1.5 * b,
    note: `spawn node dist/plugin/server.js on a fresh store with fixtures to first 200 on GET /wp-json/; median of ${emu.length}: ${emu.map((t) => t.toFixed(0)).join(', ')} ms`,
  });
}

function runCreateApp(opts: Options): void {
  const dir = tempDir('createapp');
  let out: string;
  try {
    out = execFileSync(process.execPath, [CREATE_APP, String(opts.createAppRuns)], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const t = JSON.parse(out.trim().split('\n').pop()!) as { firstMs: number; medianMs: number; p90Ms: number; count: number };
  rows.push({
    scenario: 'createApp() in process',
    p50: t.medianMs,
    p99: t.p90Ms,
    target: '< 10 ms median',
    ok: t.medianMs < 10,
    note: `memory store, first-run site (admin + application password); median of ${t.count} after a first one of ${t.firstMs.toFixed(0)} ms (module loading); p99 column = p90`,
  });
}

async function runOracle(opts: Options, baseline: LoadResult): Promise<void> {
  if (!fs.existsSync(ORACLE)) {
    rows.push({ scenario: 'real WordPress 6.8 (wp-oracle)', note: `skipped: ${ORACLE} not found` });
    return;
  }
  try {
    execFileSync(ORACLE, ['status'], { stdio: 'pipe' });
  } catch (e) {
    const text = String((e as { stdout?: Buffer }).stdout ?? '');
    if (!/installed: WordPress/.test(text)) {
      rows.push({ scenario: 'real WordPress 6.8 (wp-oracle)', note: 'skipped: wp-oracle is not installed (../shared/wp-oracle/wp-oracle install)' });
      return;
    }
  }
  const port = await freePort();
  try {
    execFileSync(ORACLE, ['start', '--port', String(port), '--mu-plugin', ORACLE_MU], { stdio: 'pipe', timeout: 120_000 });
    const url = `http://127.0.0.1:${port}`;
    const requests: LoadRequest[] = [
      { method: 'POST', path: '/wp-json/everest-backup/v1/access-token', headers: { authorization: basic('admin', 'AAAA BBBB CCCC DDDD EEEE FFFF'), 'content-type': 'application/json' }, body: '{"action":"Bench action"}', expect: [200] },
    ];
    const problem = await probe(url, requests);
    if (problem) {
      rows.push({ scenario: 'real WordPress 6.8 (wp-oracle)', note: `FAILED probe: ${problem.problem}` });
      return;
    }
    // php -S serves one request at a time: more connections only queue.
    const connections = Math.min(opts.connections, 4);
    let pid = NaN;
    try {
      pid = Number(fs.readFileSync(path.join(process.env.WP_ORACLE_HOME ?? path.join(os.homedir(), '.cache', 'wp-oracle'), 'sites', String(port), 'server.pid'), 'utf8').trim());
    } catch {
      // no pid file: no RSS or CPU column
    }
    const result = await measureOneShot(url, requests, { ...opts, connections, warmup: Math.min(opts.warmup, 1) }, Number.isFinite(pid) ? pid : undefined);
    const everest = results.get('everest access-token');
    addLoadRow('real WordPress 6.8: everest access-token', result, Number.isFinite(pid) ? rssMb(pid) : null, baseline, {
      note:
        `wp-oracle (php -S, PHP ${phpVersion()}, SQLite) with bench/oracle-everest-mu.php, ${connections} connections (php -S is single-threaded), ` +
        'one request per connection with node:http, not autocannon (php -S closes every connection and marks the end of a body only by closing it)' +
        (everest
          ? `; emulator / WordPress = ${(everest.rps / result.rps).toFixed(0)}x req/s` +
            (everest.cpuUsPerRequest && result.cpuUsPerRequest ? `, WordPress / emulator = ${(result.cpuUsPerRequest / everest.cpuUsPerRequest).toFixed(0)}x server CPU per request` : '')
          : '; run the "everest access-token" scenario too for the emulator / WordPress ratio'),
    });
  } catch (e) {
    rows.push({ scenario: 'real WordPress 6.8 (wp-oracle)', note: `FAILED: ${(e as Error).message.split('\n')[0]}` });
  } finally {
    try {
      execFileSync(ORACLE, ['stop', '--port', String(port)], { stdio: 'pipe' });
    } catch {
      // nothing running
    }
  }
}

/** measure() for the wp-oracle row: warm-up (discarded), then the measured part with loadOneShot(); with `pid`, server CPU time per response. */
async function measureOneShot(url: string, requests: readonly LoadRequest[], opts: Options, pid?: number): Promise<LoadResult> {
  if (opts.warmup > 0) await loadOneShot(url, requests, { connections: opts.connections, duration: opts.warmup });
  return loadWithCpu(url, requests, { connections: opts.connections, duration: opts.duration }, pid, loadOneShot);
}

function phpVersion(): string {
  try {
    return execFileSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

/** The Everest request as the limit row and the peers get it: the same POST, body and headers as the emulator's scenario. */
function everestRequest(): LoadRequest[] {
  const everest = scenarios.find((s) => s.name === 'everest access-token');
  if (!everest) throw new Error('the "everest access-token" scenario is missing');
  return everest.requests.map((r) => ({ ...r, expect: [200] }));
}

/** One server of the side-by-side comparison (the limit, the floor, a peer, the emulator): kept alive for all rounds. */
interface Contestant {
  key: string;
  label: string;
  note: string;
  server: ServerProcess;
  rounds: LoadResult[];
}

/**
 * The comparison with the limit, the floor and the peers, measured **side by side in rounds**: every
 * server is started once and warmed once, then each round drives each of them for duration/rounds
 * seconds, one after the other, the order rotated by one place per round (a server is not always
 * measured first or last). A ratio is taken within each round, where the servers met the same
 * machine seconds apart; the target reads the median of those ratios. On this shared VM one
 * server's req/s moved 30–50 % between runs minutes apart (the limit: 38,199 req/s at 05:08, 16,281
 * and 25,181 on 12-05 09:30), which made one measurement of each, minutes apart, a draw.
 */
async function runComparisons(opts: Options, baseline: LoadResult, wanted: (name: string) => boolean): Promise<void> {
  const contestants: Contestant[] = [];
  const site = freshSite({ name: 'everest-side-by-side' });
  const requests = everestRequest();
  const start = async (key: string, label: string, note: string, begin: () => Promise<ServerProcess>) => {
    process.stderr.write(`bench: ${label}\n`);
    let server: ServerProcess | null = null;
    try {
      server = await begin();
      const problem = await probe(server.url, requests);
      if (problem) throw new Error(`probe: ${problem.problem}`);
      contestants.push({ key, label, note, server, rounds: [] });
    } catch (e) {
      crashed = true;
      rows.push({ scenario: label, note: `CRASHED: ${(e as Error).message.split('\n')[0]}` });
      if (server) await server.stop('SIGKILL');
    }
  };
  try {
    if (wanted('limit')) {
      await start('limit', 'limit: bare node:http, the Everest POST JSON', 'reads and parses the same POST JSON body, answers {"action","access_token"} with a fresh random token; no framework, no auth, no store',
        () => spawnServer(BASELINE, { PORT: '0', HOST: '127.0.0.1', BASELINE_KIND: 'node-post' }, ROOT));
    }
    if (wanted('floor')) {
      await start('floor', "context: floor, Everest's own work on bare node:http",
        "Basic credentials, HMAC-SHA256 application-password check compared in constant time, the JSON body, two HMAC-MD5 nonces, WordPress's REST headers in one writeHead; no pipeline, routing, validation, throttle, journal or store (bench/floor-server.ts)",
        () => spawnServer(FLOOR, { PORT: '0', HOST: '127.0.0.1', BENCH_LOGIN: ADMIN.login, BENCH_PASSWORD: ADMIN_PASSWORD }, ROOT));
    }
    if (opts.peers && wanted('peer') && !opts.quick) {
      const problem = ensurePeers(PEERS_DIR);
      for (const peer of peers(PEERS_DIR, problem)) {
        const label = `peer: ${peer.name}, Everest answer as a static stub`;
        if (peer.unavailable || !peer.start) {
          rows.push({ scenario: label, note: `not measured: ${peer.unavailable}` });
          continue;
        }
        const begin = peer.start;
        await start(`peer ${peer.name}`, label, `same POST ${EVEREST_PATH} and body as the emulator's row; its own process`, async () => begin(await freePort()));
      }
    }
    if (contestants.length === 0) return;
    await start('everest side by side', 'everest access-token, side by side with the rows above', 'the emulator as the "everest access-token" row starts it (its own process, fresh store, fixtures), measured in the same rounds as the limit, the floor and the peers',
      () => spawnServer(SERVER, site.env, site.dir));
    const rounds = Math.max(1, Math.min(opts.rounds, Math.floor(opts.duration)));
    const seconds = opts.duration / rounds;
    for (const c of contestants) if (opts.warmup > 0) await load(c.server.url, requests, { connections: opts.connections, duration: opts.warmup });
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < contestants.length; i++) {
        const c = contestants[(i + round) % contestants.length]!;
        c.rounds.push(await loadWithCpu(c.server.url, requests, { connections: opts.connections, duration: seconds }, c.server.pid));
      }
    }
    for (const c of contestants) {
      const combined = combineRounds(c.rounds);
      results.set(c.key, combined);
      const perRound = c.rounds.map((r) => `${fmt(r.rps)} (${fmt(r.cpuUsPerRequest)} µs)`).join(', ');
      addLoadRow(c.label, combined, rssMb(c.server.pid), baseline, { note: `${c.note}; ${rounds} round${rounds === 1 ? '' : 's'} of ${seconds.toFixed(1)} s, req/s (CPU µs/req) per round: ${perRound}; p50/p99: median of the rounds` });
      roundsOf.set(c.key, c.rounds);
      if (c.key.startsWith('peer ') && (fastestPeer === '' || combined.rps > results.get(`peer ${fastestPeer}`)!.rps)) fastestPeer = c.key.slice('peer '.length);
    }
  } finally {
    for (const c of contestants) await c.server.stop('SIGKILL');
    fs.rmSync(site.dir, { recursive: true, force: true });
  }
}

/** The rounds of one server as one result: all responses over all measured seconds; percentiles as the median of the rounds'. */
function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  const total = rounds.reduce((n, r) => n + r.total, 0);
  // CPU seconds over all rounds, from each round's per-response figure (unknown if a round's is).
  const cpu = rounds.every((r) => r.cpuUsPerRequest !== undefined || r.total === 0) ? rounds.reduce((n, r) => n + (r.cpuUsPerRequest ?? 0) * r.total, 0) / 1e6 : 0;
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const good = rounds.reduce((n, r) => n + r.good, 0);
  return {
    rps: total / seconds,
    goodRps: good / seconds,
    good,
    total,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    samples: rounds.flatMap((r) => r.samples).slice(0, 3),
    seconds,
    cpuUsPerRequest: total > 0 && cpu > 0 ? (cpu * 1e6) / total : undefined,
  };
}

/** Each side-by-side server's rounds, in order (round i of one was measured seconds from round i of the others). */
const roundsOf = new Map<string, LoadResult[]>();
let fastestPeer = '';

/** The targets of issue 22 that compare the emulator's Everest row with the limit and the peers (same run). */
function peerTargets(opts: Options): void {
  const everest = results.get('everest side by side');
  const everestRounds = roundsOf.get('everest side by side');
  const limit = results.get('limit');
  const floor = results.get('floor');
  const peer = fastestPeer === '' ? undefined : results.get(`peer ${fastestPeer}`);
  if (!everest || !everestRounds) return;
  /** Round by round (the same seconds of the machine), `of(round of the emulator, round of the other)`. */
  const byRound = (key: string, of: (e: LoadResult, o: LoadResult) => number) => (roundsOf.get(key) ?? []).map((o, i) => of(everestRounds[i]!, o));
  const list = (ratios: number[], pct: boolean) => ratios.map((r) => (pct ? `${Math.round(100 * r)}%` : `${r.toFixed(2)}x`)).join(', ');
  if (peer) {
    const ratios = byRound(`peer ${fastestPeer}`, (e, o) => e.rps / o.rps);
    const ratio = median(ratios);
    rows.push({
      scenario: 'everest vs the fastest peer',
      ratio,
      target: '>= 2.5x the fastest peer (median of the rounds)',
      ok: ratio >= 2.5,
      note: `emulator ${fmt(everest.rps)} req/s (real auth, real HMACs) vs ${fastestPeer} ${fmt(peer.rps)} req/s serving a static stub, side by side; round by round ${list(ratios, false)}, median ${ratio.toFixed(2)}x; over all rounds ${(everest.rps / peer.rps).toFixed(2)}x`,
    });
  }
  if (limit) {
    const ratios = byRound('limit', (e, o) => e.rps / o.rps);
    const p99s = byRound('limit', (e, o) => e.p99 / Math.max(o.p99, 1));
    const ratio = median(ratios);
    const p99 = median(p99s);
    rows.push({
      scenario: 'everest vs the limit',
      ratio,
      p99: everest.p99,
      target: `>= 50% of the limit's req/s, p99 <= 2x (medians of the rounds)${opts.connections === 100 ? '' : ' (checked at 100 connections)'}`,
      ok: ratio >= 0.5 && (opts.connections !== 100 || p99 <= 2),
      note:
        `side by side: req/s ${fmt(everest.rps)} vs ${fmt(limit.rps)} over all rounds (${Math.round((100 * everest.rps) / limit.rps)}%); round by round ${list(ratios, true)}, median ${Math.round(100 * ratio)}%; ` +
        `p99 at ${opts.connections} connections round by round ${list(p99s, false)}, median ${p99.toFixed(1)}x; CPU µs/req ${fmt(everest.cpuUsPerRequest)} vs ${fmt(limit.cpuUsPerRequest)}` +
        (floor ? `; the floor (Everest's own work on bare node:http) ${fmt(floor.rps)} req/s = ${Math.round((100 * floor.rps) / limit.rps)}% of the limit, CPU µs/req ${fmt(floor.cpuUsPerRequest)}` : ''),
    });
  }
}

/** TCP sockets in TIME_WAIT on this machine (Linux /proc/net/sockstat), or null where unknown. */
function timeWaitSockets(): number | null {
  try {
    const m = /\btw (\d+)/.exec(fs.readFileSync('/proc/net/sockstat', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Waits (at most ~65 s: the kernel keeps a closed connection 60 s) until the sockets earlier
 * scenarios left in TIME_WAIT are mostly gone. supertest opens a server and a connection per request,
 * and with ~15,000 of them waiting the kernel's search for a free port made createApp()+first request
 * 1.7 → 6 ms between back-to-back runs of the same build. Returns what it waited for, for the note.
 */
async function drainTimeWait(): Promise<string> {
  const first = timeWaitSockets();
  if (first === null || first <= 1000) return '';
  const started = Date.now();
  let now = first;
  while (now > 1000 && Date.now() - started < 65_000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    now = timeWaitSockets() ?? 0;
  }
  return `; run after ${((Date.now() - started) / 1000).toFixed(0)} s of waiting for ${first} sockets left in TIME_WAIT by earlier scenarios to clear (${now} left)`;
}

function runManyApps(opts: Options, waited: string): void {
  const dir = tempDir('many-apps');
  let out: string;
  try {
    out = execFileSync(process.execPath, ['--expose-gc', MANY_APPS, String(opts.manyApps)], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', maxBuffer: 1 << 20 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  type Mem = { beforeMb: number; aliveMb: number; afterMb: number; heapBeforeMb: number; heapAliveMb: number; heapAfterMb: number };
  const t = JSON.parse(out.trim().split('\n').pop()!) as { count: number; medianMs: number; medianCpuMs: number; p90Ms: number; secondMedianMs: number; supertestMs: number; first: Mem; second: Mem };
  const perInstance = (t.first.aliveMb - t.first.beforeMb) / t.count;
  const growth = (t.second.afterMb - t.second.beforeMb) / t.second.beforeMb;
  rows.push({
    scenario: `${t.count} emulators in one process`,
    p50: t.medianMs,
    p99: t.p90Ms,
    rss: t.first.aliveMb,
    target: '< 2 ms median, < 1 MB each, no leak (RSS within 10%)',
    ok: t.medianMs < 2 && perInstance < 1 && growth <= 0.1,
    note:
      `createApp() with fixtures + first authenticated request through supertest, median (p99 column = p90; median CPU ${t.medianCpuMs.toFixed(2)} ms; ` +
      `the same request through supertest to a bare node:http handler, no emulator: ${t.supertestMs.toFixed(2)} ms; the leak check's round: ${t.secondMedianMs.toFixed(2)} ms); 10 requests each, all kept alive: ` +
      `RSS ${t.first.beforeMb.toFixed(1)} MB before, ${t.first.aliveMb.toFixed(1)} MB alive (${(perInstance * 1024).toFixed(0)} KB per instance; heap ${t.first.heapBeforeMb.toFixed(1)} → ${t.first.heapAliveMb.toFixed(1)} MB), ` +
      `${t.first.afterMb.toFixed(1)} MB after closing all (heap ${t.first.heapAfterMb.toFixed(1)} MB). Leak check, the same again from there: RSS ${t.second.beforeMb.toFixed(1)} → ${t.second.aliveMb.toFixed(1)} → ${t.second.afterMb.toFixed(1)} MB (${(growth * 100).toFixed(1)}%), heap after ${t.second.heapAfterMb.toFixed(1)} MB${waited}`,
  });
}

async function runPlaygroundColdStart(opts: Options): Promise<void> {
  const label = 'cold start: WordPress Playground CLI';
  const runs = Math.min(opts.coldRuns, 3);
  const r = await playgroundColdStart(PEERS_DIR, WORDPRESS_TREE, runs, os.tmpdir());
  if ('unavailable' in r) {
    rows.push({ scenario: label, note: `not measured: ${r.unavailable}` });
    return;
  }
  const emu = rows.find((row) => row.scenario === 'cold start: emulator');
  const m = median(r.times);
  rows.push({
    scenario: label,
    p50: m,
    p99: Math.max(...r.times),
    note: `@wp-playground/cli ${r.version} server, offline from wp-oracle's WordPress 6.8 files (install-from-existing-files), spawn to first 200 on GET /wp-json/, median of ${r.times.length}: ${r.times.map((t) => t.toFixed(0)).join(', ')} ms` +
      (emu?.p50 ? `; ${(m / emu.p50).toFixed(0)}x the emulator's cold start` : ''),
  });
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  for (const file of [SERVER, BASELINE, CREATE_APP, MANY_APPS]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run bench" (it builds first)`);
  const wanted = (name: string) => opts.only === null || opts.only.some((o) => name.toLowerCase().includes(o.toLowerCase()));
  const started = new Date();
  process.stderr.write(`bench: ${machine()}\nbench: ${opts.connections} connections, ${opts.duration} s per scenario (+${opts.warmup} s warm-up)${opts.quick ? ', quick mode' : ''}\n`);

  const baseline = await runBaseline('baseline: bare Express 5, GET /', opts);
  results.set('baseline', baseline);
  if (wanted('bare node:http')) {
    process.stderr.write('bench: context: bare node:http\n');
    await runBaseline('context: bare node:http, GET / (no Express)', opts, 'node');
  }
  await runComparisons(opts, baseline, wanted);
  for (const s of scenarios) {
    if (!wanted(s.name)) continue;
    process.stderr.write(`bench: ${s.name}\n`);
    await runScenario(s, opts, baseline);
  }
  if (opts.oracle && wanted('real WordPress') && !opts.quick) {
    process.stderr.write('bench: real WordPress (wp-oracle)\n');
    await runOracle(opts, baseline);
  }
  if (wanted('cold start')) {
    process.stderr.write('bench: cold start\n');
    await runColdStart(opts).catch((e: unknown) => {
      crashed = true;
      rows.push({ scenario: 'cold start', note: `CRASHED: ${(e as Error).message}` });
    });
  }
  if (wanted('npm start')) {
    process.stderr.write('bench: npm start\n');
    await npmStartRows(ROOT, opts.coldRuns).then(
      (r) => rows.push(...r),
      (e: unknown) => {
        crashed = true;
        rows.push({ scenario: 'npm start', note: `CRASHED: ${(e as Error).message}` });
      },
    );
  }
  if (opts.peers && wanted('playground') && !opts.quick) {
    process.stderr.write('bench: cold start: WordPress Playground CLI\n');
    await runPlaygroundColdStart(opts).catch((e: unknown) => rows.push({ scenario: 'cold start: WordPress Playground CLI', note: `FAILED: ${(e as Error).message}` }));
  }
  if (wanted('emulators')) {
    process.stderr.write(`bench: ${opts.manyApps} emulators in one process\n`);
    try {
      runManyApps(opts, await drainTimeWait());
    } catch (e) {
      crashed = true;
      rows.push({ scenario: 'emulators in one process', note: `CRASHED: ${(e as Error).message.split('\n').slice(0, 4).join(' / ')}` });
    }
  }
  if (wanted('createApp')) {
    process.stderr.write('bench: createApp()\n');
    try {
      runCreateApp(opts);
    } catch (e) {
      crashed = true;
      rows.push({ scenario: 'createApp()', note: `CRASHED: ${(e as Error).message}` });
    }
  }
  await runBaseline('baseline again (drift check)', opts);
  peerTargets(opts);

  const table = printTable();
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  process.stdout.write(`\n${started.toISOString()} — ${machine()}\n${command}: ${opts.connections} connections, ${opts.duration} s per scenario after ${opts.warmup} s warm-up\n\n${table}`);
  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    fs.writeFileSync(opts.json, JSON.stringify({ date: started.toISOString(), machine: machine(), command, options: opts, rows, table }, null, 2));
  }
  const misses = rows.filter((r) => r.ok === false).length;
  if (misses) process.stdout.write(`\n${misses} target(s) missed${opts.quick ? ' (not checked in --quick mode)' : ''}.\n`);
  if (crashed || errorsSeen > 0) {
    process.stderr.write(`bench: ${crashed ? 'a scenario crashed' : `${errorsSeen} error(s)`}\n`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
