/**
 * Many isolated emulators in one process, as a test suite with one emulator per test file (or per
 * test) makes them: `count` createApp() instances with fixtures, 10 authenticated requests each
 * through supertest, all kept alive; then all closed; then the same again. Run as a child of the
 * bench runner with --expose-gc: `node --expose-gc dist/bench/many-apps.js <count>`; prints one JSON
 * line: median ms of createApp() + first request, and RSS / heap (MB) before, alive and after
 * closing, for each of the two rounds; and, for scale, the median of the same request through
 * supertest to a bare node:http handler (no emulator): supertest's own part of each first request
 * (a server made, listening, connected to and closed per request).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import request from 'supertest';
import { createApp, type EmulatorApp } from '../plugin/app';
import { median } from './stats';

const PASSWORD = 'AAAA BBBB CCCC DDDD EEEE FFFF';
const AUTH = 'Basic ' + Buffer.from(`admin:${PASSWORD}`).toString('base64');
const fixtures = {
  users: [{ id: 1, login: 'admin', email: 'admin@localhost.com', role: 'administrator', applicationPasswords: [{ name: 'bench', password: PASSWORD, uuid: '11111111-1111-4111-8111-111111111111', created: 1700000000 }] }],
};

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) for (let i = 0; i < 3; i++) collect();
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;

/** Reads the body and answers the Everest answer's shape: no framework, no auth, no store. */
function bareHandler(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const { action } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { action: string };
    res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify({ action, access_token: 'abcdef0123' }));
  });
}

/** Median ms of `count` of the bench's request through supertest to bareHandler. */
async function supertestAlone(count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const res = await request(bareHandler).post('/wp-json/everest-backup/v1/access-token').set('Authorization', AUTH).send({ action: 'Bench action' });
    if (res.status !== 200) throw new Error(`bare handler answered ${res.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

async function oneRequest(emu: EmulatorApp): Promise<void> {
  const res = await request(emu.app).post('/wp-json/everest-backup/v1/access-token').set('Authorization', AUTH).send({ action: 'Bench action' });
  if (res.status !== 200) throw new Error(`everest access-token answered ${res.status}: ${res.text.slice(0, 200)}`);
}

interface Round {
  firstTimes: number[];
  /** CPU ms (user + system, all threads) of each createApp() + first request: less moved by a busy machine than wall time. */
  firstCpu: number[];
  beforeMb: number;
  aliveMb: number;
  afterMb: number;
  heapBeforeMb: number;
  heapAliveMb: number;
  heapAfterMb: number;
}

/** `count` emulators made (each with its first request timed), 10 requests each, all alive; then all closed. */
async function round(count: number): Promise<Round> {
  gc();
  const beforeMb = rssMb();
  const heapBeforeMb = heapMb();
  const apps: EmulatorApp[] = [];
  const firstTimes: number[] = [];
  const firstCpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const emu = await createApp({ fixtures });
    await oneRequest(emu);
    firstTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpu);
    firstCpu.push((used.user + used.system) / 1000);
    for (let j = 1; j < 10; j++) await oneRequest(emu);
    apps.push(emu);
  }
  gc();
  const aliveMb = rssMb();
  const heapAliveMb = heapMb();
  for (const emu of apps) await emu.close();
  apps.length = 0;
  await new Promise((r) => setTimeout(r, 200));
  gc();
  return { firstTimes, firstCpu, beforeMb, aliveMb, afterMb: rssMb(), heapBeforeMb, heapAliveMb, heapAfterMb: heapMb() };
}

async function main(): Promise<void> {
  const count = Math.max(1, Number(process.argv[2] ?? 100));
  // One emulator first, made and closed, so module loading and JIT warm-up are outside the numbers.
  const warm = await createApp({ fixtures });
  await oneRequest(warm);
  await warm.close();
  // For scale: what supertest itself costs per request (before the rounds, on a process as fresh).
  const supertestMs = await supertestAlone(count);
  // Round 1 gives the time per emulator and the memory each one holds. Memory V8 and malloc took
  // for it is kept by the process after closing (freed, not returned to the system), so the leak
  // check is round 2: the same again, from where round 1 ended; a leak shows as RSS that grows.
  const first = await round(count);
  const second = await round(count);
  const medianMs = median(first.firstTimes);
  const times = [...first.firstTimes].sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      count,
      medianMs,
      medianCpuMs: median(first.firstCpu),
      p90Ms: times[Math.floor(times.length * 0.9)] ?? medianMs,
      secondMedianMs: median(second.firstTimes),
      supertestMs,
      first: { ...first, firstTimes: undefined, firstCpu: undefined },
      second: { ...second, firstTimes: undefined, firstCpu: undefined },
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`many-apps: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
