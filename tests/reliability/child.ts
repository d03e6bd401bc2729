import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';

/** The built server and command line (jest's globalSetup builds dist/ first), as `npm start` and `npx wp-token-emulator` run them. */
export const root = path.join(__dirname, '..', '..');
export const serverEntry = path.join(root, 'dist', 'plugin', 'server.js');
export const cliEntry = path.join(root, 'bin', 'wp-token-emulator.js');

export interface RunningChild {
  child: ChildProcess;
  url: string;
  /** Everything the server printed so far. */
  stdout(): string;
  stderr(): string;
}

/**
 * Starts the real server (`node dist/plugin/server.js`) with exactly these settings (plus PATH) and
 * resolves once it prints `listening on <url>` on its first line; rejects if it exits first.
 */
export function startServer(env: Record<string, string>, timeoutMs = 20_000): Promise<RunningChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverEntry], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${out}\n${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stdout: () => out, stderr: () => err });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${err}`));
    });
  });
}

/** SIGKILL: no graceful shutdown, no final snapshot, no lock release. Resolves once the process is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Runs the server expecting it to refuse to start: its exit status and what it printed. */
export function runServerSync(env: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [serverEntry], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 20_000 });
}

/** Runs the server expecting it to refuse, without blocking the event loop (so several run side by side). */
export function runServer(env: Record<string, string>, timeoutMs = 20_000): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverEntry], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs `npx wp-token-emulator <args>` (the bin script) and returns its exit status and output. */
export function runCli(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cliEntry, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 20_000, cwd: root });
}
