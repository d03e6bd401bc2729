/**
 * Process and measurement helpers of the benchmark: spawn a server as a child process, wait for its
 * first 200, read its RSS, drive it with autocannon, stop it by its pid.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';

const live = new Set<ChildProcess>();

/** Every child still running is killed when the runner exits, however it exits. */
export function killAllChildren(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}
process.on('exit', killAllChildren);

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** What the process wrote so far (for error messages). */
  output(): string;
  /** Sends `signal` and resolves with the exit code (null when killed by a signal) once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node <entry>` with exactly `env` (plus PATH) in `cwd`, and resolves once it prints
 * "listening on http://...". Rejects with its output if it exits or takes longer than `timeoutMs`.
 */
export function spawnServer(entry: string, env: Record<string, string>, cwd: string, timeoutMs = 60_000, nodeArgs: readonly string[] = []): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, entry], {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    let out = '';
    let settled = false;
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    exited.then(() => live.delete(child));
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${entry}: ${why}\n${out.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({
          child,
          pid: child.pid!,
          url: m[1]!,
          output: () => out,
          stop(signal: NodeJS.Signals = 'SIGTERM') {
            if (child.exitCode !== null || child.signalCode !== null) return exited;
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.once('error', (e) => fail(e.message));
  });
}

/** Resident set size of a process in MB, from /proc/<pid>/status (null where there is no /proc). */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (null where there is no /proc). */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** GET `url` on a new connection: its status, or 0 when nothing answers (within 2 s). */
export function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * Cold start: spawns `node <entry>` and polls `url` until it answers 200; returns the milliseconds
 * from spawn to that first 200, then kills the process (SIGKILL: its shutdown is not measured).
 */
export async function coldStart(entry: string, env: Record<string, string>, cwd: string, url: string, timeoutMs = 30_000): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [entry], { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd, ...env }, stdio: 'ignore' });
  live.add(child);
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  try {
    for (;;) {
      const status = await getStatus(url);
      if (status === 200) return Number(process.hrtime.bigint() - started) / 1e6;
      if (child.exitCode !== null) throw new Error(`${entry} exited with code ${child.exitCode} before answering 200`);
      if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) throw new Error(`${entry} did not answer 200 within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
    live.delete(child);
  }
}

/** One request of a load: what to send, which statuses count as right, and whether it is a "good" one. */
export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Statuses that are the right answer; anything else counts as an error. */
  expect: readonly number[];
  /** Counted in `good` when answered with a 2xx (the good half of a mixed load). Default true. */
  good?: boolean;
}

export interface LoadResult {
  /** Responses per second, all requests. */
  rps: number;
  /** 2xx responses to `good` requests per second. */
  goodRps: number;
  /** 2xx responses to `good` requests in all. */
  good: number;
  total: number;
  p50: number;
  p99: number;
  /** Wrong statuses + socket errors (timeouts included). */
  errors: number;
  /** The first few wrong answers, to say what went wrong. */
  samples: string[];
  seconds: number;
  /** Server CPU time per response, microseconds (set by the runner when it can read /proc). */
  cpuUsPerRequest?: number;
}

/** Drives `url` with autocannon: fixed connections and duration; each connection cycles through `requests` in order. */
export async function load(url: string, requests: readonly LoadRequest[], options: { connections: number; duration: number }): Promise<LoadResult> {
  let good = 0;
  let total = 0;
  let wrong = 0;
  const samples: string[] = [];
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    pipelining: 1,
    idReplacement: true,
    timeout: 10,
    requests: requests.map((r) => ({
      method: r.method,
      path: r.path,
      headers: r.headers, // autocannon sets Content-Length itself (after [<id>] replacement)
      body: r.body,
      onResponse: (status: number, body: string) => {
        total++;
        if (!r.expect.includes(status)) {
          wrong++;
          if (samples.length < 3) samples.push(`${r.method} ${r.path} -> ${status} ${String(body).slice(0, 200)}`);
        } else if (r.good !== false && status >= 200 && status < 300) good++;
      },
    })),
  });
  const seconds = result.duration;
  return {
    rps: total / seconds,
    goodRps: good / seconds,
    good,
    total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: wrong + result.errors, // autocannon counts timeouts among its errors
    samples,
    seconds,
  };
}

/**
 * Load for a server that closes every connection after one response and rejects pipelining, such as
 * PHP's built-in server (`php -S`: `Connection: close`, no Content-Length, the body ends when the
 * socket does). autocannon cannot measure such a server: it completes a response only on its length
 * or its last chunk, and on the server's close it reconnects without ending the message, so nothing is
 * ever counted. Here `connections` closed loops each send one request per fresh TCP connection
 * (node:http, no agent) until `duration` has passed; latency runs from sending the request (connect
 * included, as a client of such a server pays it) to the end of the body. Same result shape as load().
 */
export async function loadOneShot(url: string, requests: readonly LoadRequest[], options: { connections: number; duration: number; timeoutMs?: number }): Promise<LoadResult> {
  const target = new URL(url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let good = 0;
  let total = 0;
  let errors = 0;
  const samples: string[] = [];
  const latencies: number[] = [];
  const once = (r: LoadRequest): Promise<void> =>
    new Promise((resolve) => {
      const started = process.hrtime.bigint();
      let done = false;
      const fail = (why: string) => {
        if (done) return;
        done = true;
        errors++;
        if (samples.length < 3) samples.push(`${r.method} ${r.path} -> ${why}`);
        resolve();
      };
      const body = r.body === undefined ? undefined : Buffer.from(r.body);
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: r.method,
          path: r.path,
          agent: false,
          headers: { ...r.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => fail(e.message));
          res.on('end', () => {
            if (done) return;
            done = true;
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            total++;
            const status = res.statusCode ?? 0;
            if (!r.expect.includes(status)) {
              errors++;
              if (samples.length < 3) samples.push(`${r.method} ${r.path} -> ${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`);
            } else if (r.good !== false && status >= 200 && status < 300) good++;
            resolve();
          });
        },
      );
      req.setTimeout(timeoutMs, () => {
        req.destroy();
        fail(`timeout after ${timeoutMs} ms`);
      });
      req.on('error', (e) => fail(e.message));
      req.end(body);
    });
  const startedAt = process.hrtime.bigint();
  const deadline = Date.now() + options.duration * 1000;
  const loop = async () => {
    for (let i = 0; Date.now() < deadline; i++) await once(requests[i % requests.length]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.connections) }, loop));
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]! : 0);
  return { rps: total / seconds, goodRps: good / seconds, good, total, p50: pct(0.5), p99: pct(0.99), errors, samples, seconds };
}

export { median } from './stats';

export function basic(login: string, password: string): string {
  return 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64');
}
