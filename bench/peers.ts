/**
 * The tools a user would pick instead of the emulator, each serving the Everest access-token answer
 * as a static stub from its own process, driven exactly like the emulator (same POST, same body,
 * same autocannon settings): Mockoon CLI and json-server. They are installed on demand into
 * bench/peers/node_modules (their own package.json and lock), so the project's own dependencies and
 * `npm ci` stay as small as they are. WordPress Playground CLI's cold start is measured when it is
 * installed there and can start offline; otherwise the table says why not.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort, type ServerProcess } from './lib';

export interface Peer {
  name: string;
  /** Why it cannot run here (then nothing else is set). */
  unavailable?: string;
  start?(port: number): Promise<ServerProcess>;
}

/** The stub's answer: the shape of the emulator's Everest answer. */
export const EVEREST_STUB = { action: 'Bench action', access_token: '25fd34a345:37ee8dcbba755d6c7693d58b8687a56b' };
export const EVEREST_PATH = '/wp-json/everest-backup/v1/access-token';

/** Installs bench/peers' dependencies when they are missing (npm ci from its own lock). Returns why not, or null. */
export function ensurePeers(peersDir: string): string | null {
  if (fs.existsSync(path.join(peersDir, 'node_modules', '@mockoon', 'cli')) && fs.existsSync(path.join(peersDir, 'node_modules', 'json-server'))) return null;
  try {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: peersDir, stdio: 'pipe', timeout: 300_000 });
    return null;
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return `npm ci in bench/peers failed: ${(err.stderr?.toString('utf8') || err.message).trim().split('\n').slice(-2).join(' ')}`;
  }
}

/** Starts `node <script> ...args` and waits until `POST <path>` answers 200 (peers print no common "listening" line). */
function startAndProbe(script: string, args: string[], cwd: string, port: number, timeoutMs = 60_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd } });
  let out = '';
  // Drain what the peer prints (Mockoon logs every transaction): a full pipe would stall it.
  child.stdout!.on('data', (chunk: Buffer) => {
    if (out.length < 4000) out += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    if (out.length < 4000) out += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const server: ServerProcess = {
    child,
    pid: child.pid!,
    url,
    output: () => out,
    stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const attempt = async (): Promise<void> => {
      if (child.exitCode !== null) return reject(new Error(`${path.basename(script)} exited (${child.exitCode}): ${out.slice(-500)}`));
      try {
        const res = await fetch(url + EVEREST_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"Bench action"}' });
        await res.text();
        if (res.status === 200) return resolve(server);
      } catch {
        // not listening yet
      }
      if (Date.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        return reject(new Error(`${path.basename(script)} did not answer within ${timeoutMs} ms: ${out.slice(-500)}`));
      }
      setTimeout(() => void attempt(), 100);
    };
    void attempt();
  });
}

export function peers(peersDir: string, installProblem: string | null): Peer[] {
  const bin = (pkg: string, rel: string) => path.join(peersDir, 'node_modules', pkg, rel);
  const version = (pkg: string) => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(peersDir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  if (installProblem) return [{ name: 'Mockoon CLI', unavailable: installProblem }, { name: 'json-server', unavailable: installProblem }];
  return [
    {
      name: `Mockoon CLI ${version('@mockoon/cli')}`,
      // Mockoon's own defaults, as a user runs it: no log file (-X), transactions logged to stdout.
      start: (port) => startAndProbe(bin('@mockoon/cli', 'bin/run.js'), ['start', '-d', path.join(peersDir, '..', 'mockoon-everest.json'), '-p', String(port), '-l', '127.0.0.1', '-X', '--disable-admin-api'], peersDir, port),
    },
    {
      name: `json-server ${version('json-server')}`,
      // The stored object served for the POST (json-server would otherwise write it): see json-server-post-as-get.js.
      start: (port) =>
        startAndProbe(
          bin('json-server', 'lib/cli/bin.js'),
          // The source first: --middlewares takes an array and would swallow it.
          ['json-server-db.json', '--port', String(port), '--host', '127.0.0.1', '--quiet', '--routes', 'json-server-routes.json', '--middlewares', 'json-server-post-as-get.js'],
          peersDir,
          port,
        ),
    },
  ];
}

/**
 * WordPress Playground CLI's cold start: from spawn to the first 200 on GET /wp-json/, median of
 * `runs`. Offline here only from existing WordPress files: wp-oracle's WordPress 6.8 tree, copied to a
 * fresh directory for each run (Playground otherwise downloads WordPress at start, which this
 * machine's network refuses). Returns the times in ms, or why it could not run.
 */
export async function playgroundColdStart(peersDir: string, wordpressTree: string, runs: number, tmp: string): Promise<{ times: number[]; version: string } | { unavailable: string }> {
  const dir = path.join(peersDir, 'playground');
  const cli = path.join(dir, 'node_modules', '@wp-playground', 'cli', 'wp-playground.js');
  if (!fs.existsSync(path.join(wordpressTree, 'wp-includes', 'version.php'))) return { unavailable: `no WordPress files to start from offline (${wordpressTree}; run ../shared/wp-oracle/wp-oracle install)` };
  if (!fs.existsSync(cli)) {
    try {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'pipe', timeout: 600_000 });
    } catch (e) {
      return { unavailable: `npm ci of @wp-playground/cli failed: ${String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim().split('\n').slice(-1)[0]}` };
    }
  }
  if (!fs.existsSync(cli)) return { unavailable: `@wp-playground/cli installed without ${path.relative(dir, cli)}` };
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', '@wp-playground', 'cli', 'package.json'), 'utf8')) as { version: string }).version;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tree = fs.mkdtempSync(path.join(tmp, 'wpte-bench-playground-'));
    fs.cpSync(wordpressTree, tree, { recursive: true });
    fs.rmSync(path.join(tree, 'wp-config.php'), { force: true });
    const port = await freePort();
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'server', '--port', String(port), '--mount-before-install', `${tree}:/wordpress`, '--wordpress-install-mode', 'install-from-existing-files', '--verbosity', 'quiet'], { cwd: dir, stdio: 'ignore' });
    try {
      const deadline = Date.now() + 180_000;
      for (;;) {
        if (child.exitCode !== null) return { unavailable: `Playground exited with ${child.exitCode} before answering` };
        if (Date.now() > deadline) return { unavailable: 'Playground did not answer GET /wp-json/ within 180 s' };
        try {
          const res = await fetch(`http://127.0.0.1:${port}/wp-json/`);
          await res.text();
          if (res.status === 200) break;
        } catch {
          // not yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(tree, { recursive: true, force: true });
    }
  }
  return { times, version };
}

