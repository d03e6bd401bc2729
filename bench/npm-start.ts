/**
 * The "npm start" rows of `npm run bench`: the README's `npm start` in this repository, to its first
 * 200 on GET /wp-json/, side by side with a bare Express app's own `npm start` (a temporary project:
 * package.json with `"start": "node server.js"`, express linked from this repository), alternated
 * run by run so drift on a shared machine hits both alike. Each emulator run starts on a new store
 * (a first run, as a new user's). dist/ is up to date (the bench built it), so no run compiles.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, getStatus, median } from './lib';

export interface NpmStartRow {
  scenario: string;
  p50?: number;
  p99?: number;
  ratio?: number;
  target?: string;
  ok?: boolean;
  note?: string;
}

const BARE_SERVER = `const express = require('express');
const app = express();
app.get('/', (req, res) => res.json({ name: 'bare' }));
app.listen(Number(process.env.PORT), process.env.HOST, () => console.log('listening'));
`;

/** `npm start` in `cwd`; milliseconds from spawn to the first 200 on `url`. Stops npm and the server (their process group) after. */
async function npmStart(cwd: string, env: Record<string, string>, url: string, timeoutMs = 60_000): Promise<number> {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli, 'start', '--silent']] : ['npm', ['start', '--silent']];
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd, ...env }, stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  try {
    for (;;) {
      if ((await getStatus(url)) === 200) return Number(process.hrtime.bigint() - started) / 1e6;
      if (child.exitCode !== null) throw new Error(`npm start in ${cwd} exited with code ${child.exitCode} before answering 200`);
      if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) throw new Error(`npm start in ${cwd} did not answer 200 within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    group('SIGTERM');
    const killer = setTimeout(() => group('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  }
}

export async function npmStartRows(root: string, runs: number): Promise<NpmStartRow[]> {
  const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-bench-bare-express-'));
  const stores = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-bench-npm-start-'));
  const emu: number[] = [];
  const base: number[] = [];
  try {
    fs.writeFileSync(path.join(bare, 'package.json'), JSON.stringify({ name: 'bare-express', private: true, scripts: { start: 'node server.js' } }, null, 2));
    fs.writeFileSync(path.join(bare, 'server.js'), BARE_SERVER);
    fs.mkdirSync(path.join(bare, 'node_modules'));
    fs.symlinkSync(path.join(root, 'node_modules', 'express'), path.join(bare, 'node_modules', 'express'), 'dir');
    for (let i = 0; i < runs; i++) {
      let port = await freePort();
      base.push(await npmStart(bare, { PORT: String(port), HOST: '127.0.0.1' }, `http://127.0.0.1:${port}/`));
      port = await freePort();
      const settings = { PORT: String(port), HOST: '127.0.0.1', DB_FILE: path.join(stores, `db-${i}.json`), LOG_LEVEL: 'silent' };
      emu.push(await npmStart(root, settings, `http://127.0.0.1:${port}/wp-json/`));
    }
  } finally {
    fs.rmSync(bare, { recursive: true, force: true });
    fs.rmSync(stores, { recursive: true, force: true });
  }
  const b = median(base);
  const e = median(emu);
  const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(', ');
  return [
    { scenario: 'npm start: bare Express app', p50: b, p99: Math.max(...base), note: `its own npm start (node server.js) to the first 200 on GET /; median of ${base.length} (p99 column = slowest): ${list(base)} ms` },
    {
      scenario: 'npm start: emulator',
      p50: e,
      p99: Math.max(...emu),
      ratio: e / b,
      target: '<= 1.5x bare npm start',
      ok: e <= 1.5 * b,
      note: `the README's npm start (scripts/start.js: dist/ up to date, no build) on a new store to the first 200 on GET /wp-json/; median of ${emu.length}: ${list(emu)} ms`,
    },
  ];
}
