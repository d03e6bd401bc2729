import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIO } from '../../core/cli';
import { Store } from '../../core/store';
import { backupStamp, resetStore, runStoreGroup } from '../../plugin/store-commands';
import { standardFixtures } from '../helpers';
import { killHard, runCli, runServer, startServer, type RunningChild } from './child';

/**
 * A store the emulator cannot trust, at the start of the REAL server (a child process running
 * dist/): a clear refusal naming the file and what is wrong, the file byte-for-byte untouched.
 * And the documented way out: `store check` says what is wrong, `store reset` moves the files aside
 * (never deletes) so the next start makes a fresh store.
 */

const GOOD_HEAD = '{"app":"wp-token-emulator","schemaVersion":1,"seq":3,"collections":{"users":{"1":{"id":1,"login":"admin"}}}}';

interface Case {
  name: string;
  /** Files to write into the store's directory (db.json, db.json.wal). */
  files: Record<string, string>;
  /** The file the refusal must name. */
  names: string;
  reason: RegExp;
}

const cases: Case[] = [
  { name: 'truncated', files: { 'db.json': GOOD_HEAD.slice(0, 70) }, names: 'db.json', reason: /invalid JSON: .*(end of JSON|Unterminated|Expected)/i },
  { name: 'empty', files: { 'db.json': '' }, names: 'db.json', reason: /the file is empty \(0 bytes of JSON\); it may have been truncated/ },
  { name: 'whitespace only', files: { 'db.json': '  \n' }, names: 'db.json', reason: /the file is empty/ },
  { name: 'invalid JSON', files: { 'db.json': '{"app":"wp-token-emulator",schemaVersion:1}' }, names: 'db.json', reason: /invalid JSON: / },
  { name: 'wrong schema version', files: { 'db.json': GOOD_HEAD.replace('"schemaVersion":1', '"schemaVersion":2') }, names: 'db.json', reason: /schema version 2 is not the version this emulator reads \(1\)/ },
  { name: 'foreign JSON (another program\'s file)', files: { 'db.json': '{"posts":[{"id":1,"title":"json-server"}],"profile":{"name":"typicode"}}' }, names: 'db.json', reason: /the file is JSON but not a wp-token-emulator store \(no "app": "wp-token-emulator" marker\)/ },
  { name: 'foreign JSON (not an object)', files: { 'db.json': '[1,2,3]' }, names: 'db.json', reason: /not a wp-token-emulator store \(the top level is not an object\)/ },
  { name: 'our marker, broken shape', files: { 'db.json': '{"app":"wp-token-emulator","schemaVersion":1,"seq":-1,"collections":{}}' }, names: 'db.json', reason: /"seq" is missing or not a non-negative integer/ },
  {
    name: 'corrupt write-ahead log line',
    files: { 'db.json': GOOD_HEAD, 'db.json.wal': '{"s":4,"c":"users","k":"2","v":{"id":2}}\n{"s":5,"c":"us\u0000\n{"s":6,"c":"users","k":"3","v":{}}\n' },
    names: 'db.json.wal',
    reason: /write-ahead log line 2 is corrupt/,
  },
];

function snapshotDir(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

function captureIO(): CliIO & { outText(): string; errText(): string } {
  let out = '';
  let err = '';
  return {
    out: (t) => (out += t.endsWith('\n') ? t : t + '\n'),
    err: (t) => (err += t.endsWith('\n') ? t : t + '\n'),
    isTTY: false,
    outText: () => out,
    errText: () => err,
  };
}

let base: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-corrupt-'));
  fs.writeFileSync(path.join(base, 'fixtures.json'), JSON.stringify(standardFixtures));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function serverEnv(dir: string): Record<string, string> {
  return { DB_FILE: path.join(dir, 'db.json'), FIXTURES: path.join(base, 'fixtures.json'), PORT: '0', LOG_LEVEL: 'silent', BCRYPT_COST: '4' };
}

describe('the real server refuses a store it cannot trust, and leaves it untouched', () => {
  const results = new Map<string, { dir: string; before: Map<string, Buffer>; status: number | null; stdout: string; stderr: string }>();

  beforeAll(async () => {
    // Every case at once, each in its own directory: a refusal costs one process start.
    await Promise.all(
      cases.map(async (c, i) => {
        const dir = path.join(base, `case-${i}`);
        fs.mkdirSync(dir);
        for (const [name, text] of Object.entries(c.files)) fs.writeFileSync(path.join(dir, name), text);
        const before = snapshotDir(dir);
        const run = await runServer(serverEnv(dir));
        results.set(c.name, { dir, before, ...run });
      }),
    );
  }, 60_000);

  it.each(cases.map((c) => [c.name, c] as const))('%s: exit 1, a message naming the file and what is wrong, no stack trace', (_name, c) => {
    const r = results.get(c.name)!;
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/listening on/);
    const file = path.join(r.dir, c.names);
    expect(r.stderr).toContain(`Cannot open the store ${file}`);
    expect(r.stderr).toMatch(c.reason);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: every file byte-for-byte as it was, nothing added or left behind (no lock, no temp file)', (_name, c) => {
    const r = results.get(c.name)!;
    const after = snapshotDir(r.dir);
    expect([...after.keys()].sort()).toEqual([...r.before.keys()].sort());
    for (const [name, bytes] of r.before) expect(after.get(name)!.equals(bytes)).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: `store check` exits 1 with the same reason and names the way out; the files stay untouched', async (_name, c) => {
    const r = results.get(c.name)!;
    const io = captureIO();
    const code = await runStoreGroup(['check', `--db=${path.join(r.dir, 'db.json')}`], io, {});
    expect(code).toBe(1);
    expect(io.errText()).toContain(path.join(r.dir, c.names));
    expect(io.errText()).toMatch(c.reason);
    expect(io.errText()).toContain('store reset');
    const after = snapshotDir(r.dir);
    for (const [name, bytes] of r.before) expect(after.get(name)!.equals(bytes)).toBe(true);
  });
});

describe('store check', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(base, 'check-'));
  });

  it('a healthy store and log: exit 0 with what they hold', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    store.collection('things').put('a', 1);
    store.collection('things').put('b', 2);
    await store.commit();
    // A crash now would leave the two changes in the log only.
    const inner = store as unknown as { wal: { close(): Promise<void> }; lock: { release(): void } };
    await inner.wal.close();
    inner.lock.release();
    const io = captureIO();
    expect(await runStoreGroup(['check', `--db=${file}`], io, {})).toBe(0);
    expect(io.outText()).toContain(`${file}: OK (schema version 1, 0 collections, 0 records, seq 0).`);
    expect(io.outText()).toContain(`${file}.wal: OK (2 changes to replay).`);
    expect(io.errText()).toBe('');
  });

  it('a torn last log line (a flush cut short by a crash) is reported as dropped on the next start, exit 0', async () => {
    const file = path.join(dir, 'db.json');
    fs.writeFileSync(file, GOOD_HEAD);
    fs.writeFileSync(`${file}.wal`, '{"s":4,"c":"users","k":"2","v":{"id":2}}\n{"s":5,"c":"us');
    const io = captureIO();
    expect(await runStoreGroup(['check', `--db=${file}`], io, {})).toBe(0);
    expect(io.outText()).toContain('1 change to replay; an unfinished last line of 14 bytes was never acknowledged and is dropped on the next start');
  });

  it('no store yet: exit 0, the next start makes one', async () => {
    const file = path.join(dir, 'none.json');
    const io = captureIO();
    expect(await runStoreGroup(['check', `--db=${file}`], io, {})).toBe(0);
    expect(io.outText()).toContain(`${file}: does not exist; the next start makes a new store.`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reads DB_FILE from the settings when --db is not given', async () => {
    const file = path.join(dir, 'db.json');
    fs.writeFileSync(file, '');
    const io = captureIO();
    expect(await runStoreGroup(['check'], io, { DB_FILE: file })).toBe(1);
    expect(io.errText()).toContain(`${file}: the file is empty`);
  });

  it('unknown options and sub-commands are errors, not guesses', async () => {
    const io = captureIO();
    expect(await runStoreGroup(['check', '--dbfile=x'], io, {})).toBe(1);
    expect(io.errText()).toContain('unknown --dbfile parameter');
    expect(await runStoreGroup(['repair'], io, {})).toBe(1);
    expect(io.errText()).toContain("'store repair' is not a wp-token-emulator command");
    expect(await runStoreGroup(['check', '--db=:memory:'], io, {})).toBe(1);
    expect(io.errText()).toContain('no store file');
  });
});

describe('store reset', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(base, 'reset-'));
    file = path.join(dir, 'db.json');
    fs.writeFileSync(file, GOOD_HEAD.replace('"schemaVersion":1', '"schemaVersion":7'));
    fs.writeFileSync(`${file}.wal`, '{"s":4,"c":"users","k":"2","v":{"id":2}}\n');
  });

  it('without --yes: says what it would do, exit 1, nothing moved', async () => {
    const before = snapshotDir(dir);
    const io = captureIO();
    expect(await runStoreGroup(['reset', `--db=${file}`], io, {})).toBe(1);
    expect(io.errText()).toContain('Run again with --yes');
    expect(io.errText()).toContain('nothing is deleted');
    const after = snapshotDir(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('--yes moves the store and its log to <file>.<UTC time>.bak / .wal.bak, byte for byte, deleting nothing', async () => {
    const before = snapshotDir(dir);
    const io = captureIO();
    const stampBefore = backupStamp();
    expect(await runStoreGroup(['reset', `--db=${file}`, '--yes'], io, {})).toBe(0);
    const names = fs.readdirSync(dir).sort();
    expect(names).toHaveLength(2);
    const bak = names.find((n) => /^db\.json\.\d{8}T\d{6}Z\.bak$/.test(n))!;
    const walBak = names.find((n) => /^db\.json\.\d{8}T\d{6}Z\.wal\.bak$/.test(n))!;
    expect(bak).toBeDefined();
    expect(walBak).toBeDefined();
    expect(bak.slice('db.json.'.length, -'.bak'.length) >= stampBefore).toBe(true);
    expect(fs.readFileSync(path.join(dir, bak)).equals(before.get('db.json')!)).toBe(true);
    expect(fs.readFileSync(path.join(dir, walBak)).equals(before.get('db.json.wal')!)).toBe(true);
    expect(io.outText()).toContain(`Moved ${file} to ${path.join(dir, bak)}`);
    expect(io.outText()).toContain('Success: the store at');
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('two resets in the same second never overwrite a backup', async () => {
    const io = captureIO();
    const now = new Date('2030-01-02T03:04:05Z');
    expect(await resetStore(file, true, io, now)).toBe(0);
    fs.writeFileSync(file, 'second');
    expect(await resetStore(file, true, io, now)).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['db.json.20300102T030405Z-2.bak', 'db.json.20300102T030405Z.bak', 'db.json.20300102T030405Z.wal.bak']);
    expect(fs.readFileSync(path.join(dir, 'db.json.20300102T030405Z-2.bak'), 'utf8')).toBe('second');
  });

  it('nothing there: exit 0, nothing to do', async () => {
    const io = captureIO();
    expect(await runStoreGroup(['reset', `--db=${path.join(dir, 'other.json')}`, '--yes'], io, {})).toBe(0);
    expect(io.outText()).toContain('Nothing to reset');
  });
});

describe('the recovery path end to end, with the real server and the real command line', () => {
  let dir: string;
  let running: RunningChild | null = null;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(base, 'e2e-'));
  });
  afterEach(async () => {
    if (running) await killHard(running.child);
    running = null;
  });

  it('refused start → `store check` exit 1 → `store reset --yes` → the server starts on a fresh store; the bad file is kept', async () => {
    const file = path.join(dir, 'db.json');
    const bad = '{"app":"wp-token-emulator","schemaVersion":1,"seq":9,"collections":{"users":';
    fs.writeFileSync(file, bad);
    const refused = await runServer(serverEnv(dir));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(file);

    const check = runCli(['store', 'check', `--db=${file}`]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`Error: ${file}: invalid JSON`);

    const reset = runCli(['store', 'reset', `--db=${file}`, '--yes']);
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain('Success');
    const kept = fs.readdirSync(dir).find((n) => n.endsWith('.bak'))!;
    expect(fs.readFileSync(path.join(dir, kept), 'utf8')).toBe(bad);

    running = await startServer(serverEnv(dir));
    const res = await fetch(`${running.url}/wp-json/`);
    expect(res.status).toBe(200);
    const io = captureIO();
    expect(await runStoreGroup(['check', `--db=${file}`], io, {})).toBe(0);
    expect(io.outText()).toContain(`in use by process ${running.child.pid}`);
  });

  it('`store reset` is refused while a server holds the store, and moves nothing', async () => {
    const file = path.join(dir, 'db.json');
    running = await startServer(serverEnv(dir));
    const before = fs.readFileSync(file);
    const reset = runCli(['store', 'reset', `--db=${file}`, '--yes']);
    expect(reset.status).toBe(1);
    expect(reset.stderr).toContain(`Error: The store ${file} is in use by process ${running.child.pid}. Stop that server first`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.bak'))).toEqual([]);
  });

  it('`help` lists the store commands; `store` alone prints their usage', async () => {
    const help = runCli(['help']);
    expect(help.stdout).toMatch(/store\s+Check a store file and its log/);
    const io = captureIO();
    expect(await runStoreGroup([], io, {})).toBe(1);
    expect(io.outText()).toContain('wp-token-emulator store reset [--db=<file>] [--yes]');
  });
});
