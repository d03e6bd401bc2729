/**
 * Where an Everest request's CPU goes, per pipeline stage (docs/performance.md): starts the server
 * as `npm run bench` does (its own process, fresh store, fixtures, LOG_LEVEL=silent) under V8's
 * sampling profiler (`--cpu-prof`), drives the Everest access-token request with autocannon, and
 * reads the profile. Each busy sample goes to the stage of the innermost project module on its stack
 * (Node's own HTTP code called from respond.js counts as respond); samples with no project frame are
 * Node's HTTP parser and socket I/O. Sample spacing is wall time: on a busy machine the process is
 * mostly preempted right after the response's writev wakes the load generator, so samples in writev
 * measure waiting, not work (user + system time from /proc says so: far less than those samples).
 * The table therefore scales the other samples' shares to the server's measured *user* CPU µs per
 * request (/proc), and gives the kernel's part (system time: socket reads and writes, epoll) as one row.
 *
 *   npm run build -- --bench && node dist/bench/stage-profile.js [--duration=10] [--connections=50] [--top=15] [--keep=file.cpuprofile] [--limit]
 *
 * --limit profiles the limit row's server (bare node:http, same request) first, the same way.
 */
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { cpuSeconds, load, spawnServer, type LoadRequest } from './lib';
import { ADMIN, scenarios } from './scenarios';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'plugin', 'server.js');
const LIMIT = path.join(ROOT, 'dist', 'bench', 'baseline-server.js');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** The stage a project module belongs to (paths below dist/). */
const STAGES: [RegExp, string][] = [
  [/core\/pipeline\/(receive|route|client-address)\.js$/, 'receive: context, route, client address'],
  [/core\/pipeline\/body\.js$/, 'receive: read the body'],
  [/core\/pipeline\/(authenticate|stages)\.js$|core\/auth\/|core\/secrets\.js$/, 'authenticate (Basic parse, throttle, HMAC verify)'],
  [/core\/pipeline\/dispatch\.js$|core\/rest\/(request|json)\.js$/, 'dispatch: query, JSON body, RestRequest'],
  [/core\/rest\/(server|schema|errors|response)\.js$|core\/validation\.js$/, 'dispatch: route match, args, permission, Allow'],
  [/wp-json\/everest-backup\//, 'dispatch: the Everest handler (nonces, token)'],
  [/core\/store\//, 'dispatch: store'],
  [/core\/rest\/(http|globals|fields)\.js$/, 'respond: headers and JSON encoding'],
  [/core\/pipeline\/respond\.js$/, 'respond: the write (Node setHeader/end)'],
  [/wp-json\/emulator\/|core\/log\.js$|core\/redact\.js$/, 'after-response: journal, log'],
  [/core\/pipeline\/pipeline\.js$/, 'pipeline glue'],
  [/plugin\//, 'host entry (plugin/app.js)'],
  [/bench\/baseline-server\.js$/, "the limit server's handler"],
];

function stageOf(url: string): string | null {
  if (!url.includes('/dist/')) return null;
  for (const [re, stage] of STAGES) if (re.test(url)) return stage;
  return 'other project code';
}

/**
 * The source file a profile frame's code came from. dist/plugin/server.bundle.js (what the stub
 * dist/plugin/server.js loads) is one bundle of the project's modules (scripts/build.js), so its
 * frames are mapped back through its source map to the module they were written in, written as the
 * path the per-file build would have had (dist/core/pipeline/respond.js), which is what STAGES matches.
 */
const sourceMaps = new Map<string, SourceMap | null>();
function sourceOf(frame: ProfileNode['callFrame']): { url: string; line: number } {
  const { url } = frame;
  const asIs = { url, line: frame.lineNumber + 1 };
  if (!url.endsWith('/dist/plugin/server.bundle.js')) return asIs;
  let map = sourceMaps.get(url);
  if (map === undefined) {
    const file = url.replace(/^file:\/\//, '') + '.map';
    map = fs.existsSync(file) ? new SourceMap(JSON.parse(fs.readFileSync(file, 'utf8'))) : null;
    sourceMaps.set(url, map);
  }
  if (!map) return asIs;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
  if (!entry.originalSource) return asIs;
  const rel = entry.originalSource.replace(/^.*?\/(core|plugin|wp-json)\//, '$1/').replace(/\.ts$/, '.js');
  return { url: `${ROOT}/dist/${rel}`, line: (entry.originalLine ?? 0) + 1 };
}

/** Samples in writev are the kernel's loopback send plus, on a busy machine, time spent waiting for a CPU. */
const WRITEV = 'writev (socket write syscall; on a busy machine also waiting for a CPU)';

/** User and system CPU seconds of a process (/proc/<pid>/stat fields 14 and 15). */
function cpuSplit(pid: number): [number, number] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(fields[11]) / 100, Number(fields[12]) / 100];
}

function arg(name: string, fallback: number): number {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.slice(name.length + 3)) : fallback;
}

async function main(): Promise<void> {
  const duration = arg('duration', 10);
  const connections = arg('connections', 50);
  const top = arg('top', 15);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stage-profile-'));
  const fixtures = path.join(dir, 'fixtures.json');
  fs.writeFileSync(fixtures, JSON.stringify({ users: [ADMIN] }));
  const profDir = path.join(dir, 'prof');
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DB_FILE: path.join(dir, 'db.json'),
    FIXTURES: fixtures,
    LOG_LEVEL: 'silent',
  };
  const everest = scenarios.find((s) => s.name === 'everest access-token')!;
  try {
    if (process.argv.includes('--limit')) {
      process.stdout.write('## limit: bare node:http, the Everest POST JSON (bench/baseline-server.ts)\n\n');
      await profileOne(LIMIT, { PORT: '0', HOST: '127.0.0.1', BASELINE_KIND: 'node-post' }, ROOT, path.join(dir, 'prof-limit'), everest.requests, connections, duration, top);
      process.stdout.write('\n## emulator\n\n');
    }
    await profileOne(SERVER, env, dir, profDir, everest.requests, connections, duration, top);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function profileOne(entry: string, env: Record<string, string>, cwd: string, profDir: string, requests: LoadRequest[], connections: number, duration: number, top: number): Promise<void> {
  const server = await spawnServer(entry, env, cwd, 60_000, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=250']);
  try {
    await load(server.url, requests, { connections, duration: 2 }); // warm-up (JIT), outside the window
    const cpu0 = cpuSeconds(server.pid)!;
    const split0 = cpuSplit(server.pid);
    const from = process.hrtime.bigint() / 1000n;
    const result = await load(server.url, requests, { connections, duration });
    const to = process.hrtime.bigint() / 1000n;
    const cpuUs = ((cpuSeconds(server.pid)! - cpu0) * 1e6) / result.total;
    const split1 = cpuSplit(server.pid);
    const userUs = ((split1[0] - split0[0]) * 1e6) / result.total;
    const systemUs = ((split1[1] - split0[1]) * 1e6) / result.total;
    await server.stop('SIGTERM');
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the server wrote no .cpuprofile');
    const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8')) as Profile;
    const keep = process.argv.find((a) => a.startsWith('--keep='));
    if (keep) fs.copyFileSync(path.join(profDir, file), keep.slice('--keep='.length));
    report(profile, Number(from), Number(to), cpuUs, userUs, systemUs, result.total, result.rps, result.errors, top);
  } finally {
    await server.stop('SIGKILL');
  }
}

function report(profile: Profile, from: number, to: number, cpuUs: number, userUs: number, systemUs: number, total: number, rps: number, errors: number, top: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageCache = new Map<number, string>();
  const stageOfNode = (id: number): string => {
    const cached = stageCache.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let stage: string;
    if (name === '(garbage collector)') stage = 'V8 garbage collector';
    else if (name === 'writev' && node.callFrame.url === '') stage = WRITEV;
    else if (name === '(program)') stage = 'V8/native, not attributed (program)';
    else {
      let found: string | null = null;
      for (let cur: number | undefined = id; cur !== undefined && found === null; cur = parent.get(cur)) found = stageOf(sourceOf(byId.get(cur)!.callFrame).url);
      stage = found ?? "Node's HTTP parser, socket I/O, timers (no project frame)";
    }
    stageCache.set(id, stage);
    return stage;
  };
  const stages = new Map<string, number>();
  const selfByFn = new Map<string, number>();
  let busy = 0;
  let waiting = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    if (t < from || t > to) continue;
    const node = byId.get(profile.samples[i]!)!;
    if (node.callFrame.functionName === '(idle)') continue;
    const w = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]!;
    const stage = stageOfNode(node.id);
    if (stage === WRITEV) {
      waiting += w;
      continue;
    }
    busy += w;
    stages.set(stage, (stages.get(stage) ?? 0) + w);
    const { url, line } = sourceOf(node.callFrame);
    const key = `${node.callFrame.functionName || '(anonymous)'} ${url.replace(/^.*\/(dist|node_modules)\//, '$1/').replace(/^node:/, '')}:${line}`;
    selfByFn.set(key, (selfByFn.get(key) ?? 0) + w);
  }
  const lines = [
    `${total} Everest access-token requests in the window, ${rps.toFixed(0)} req/s, ${errors} errors; server CPU ${cpuUs.toFixed(0)} µs/req (/proc; user ${userUs.toFixed(0)}, system ${systemUs.toFixed(0)}); ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`,
    '',
    `(${((waiting / (waiting + busy)) * 100).toFixed(0)} % of the busy samples were in writev: waiting for a CPU, left out)`,
    '',
    '| stage | CPU µs/req | share |',
    '|:--|--:|--:|',
  ];
  for (const [stage, w] of [...stages].sort((a, b) => b[1] - a[1])) lines.push(`| ${stage} | ${((w / busy) * userUs).toFixed(1)} | ${(((w / busy) * userUs * 100) / cpuUs).toFixed(1)} % |`);
  lines.push(`| kernel: socket reads and writes, epoll (/proc system time) | ${systemUs.toFixed(1)} | ${((systemUs * 100) / cpuUs).toFixed(1)} % |`);
  lines.push('', `Top ${top} functions by self time:`, '', '| function | CPU µs/req |', '|:--|--:|');
  for (const [fn, w] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| ${fn} | ${((w / busy) * userUs).toFixed(1)} |`);
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`stage-profile: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
