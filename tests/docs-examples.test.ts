/**
 * Docs that cannot drift: every `sh`/`bash` block and every TypeScript/JavaScript block of README.md and
 * docs/*.md runs here, as a reader would run it, page by page (every page is picked up by itself).
 *
 * The conventions (written for page authors in docs/README.md):
 * - Fence languages: `sh`/`bash`/`shell` run in bash; `ts`/`typescript`/`js`/`javascript` run as a
 *   program; `text` (output, layouts, manual procedures) and data such as `json` are not run. A fence
 *   without a language is an error: say `text` when it is not meant to run.
 * - Each page gets its own temporary folder (its `./data/`, an `examples/` link to the project's),
 *   and its blocks run in order. Shell blocks run under `set -euo pipefail` in one shell session per
 *   page: a variable or function set in one block (`PW=...`) is there in the next.
 * - `npm start` lines say which server the page talks to: before the block runs, the test starts the
 *   real server (in this process, on a free port) with the line's settings (`DB_FILE=... FIXTURES=...
 *   npm start`), replacing the page's previous server. A page whose blocks talk to a server without
 *   showing how it started gets one as plain `npm start` makes it (a fresh ./data/db.json), or the
 *   demo one with the comment `<!-- docs-test: fixtures=demo -->` anywhere on the page.
 * - Port 8080 is the test's server: `curl` reaches it by `--connect-to` (the URL, Host header and
 *   links stay `127.0.0.1:8080`), the command line by `PORT` (and `:8080` in `EMULATOR_URL`,
 *   `SITE_URL`, `--url=`), and programs by the `fetch` they get.
 *   A `curl` answered 4xx or 5xx fails the block unless the block mentions that status (an example
 *   that shows an error says which): a 401 usually means credentials that do not fit the page's state.
 * - `npx wp-token-emulator` runs the built bin (dist/, built by jest's globalSetup) on the page's store.
 *   Servers and command lines hash with BCRYPT_COST=4 (cheap; a page's `npm start` line may set it).
 *   `npm install`/`ci`/`init`/`pack` are not repeated here; `npm test`, `npm run <script>` and
 *   `npx jest|vitest|tsc <files>` are checked (the script or file exists), not run: they are the suite
 *   this test is part of, the benchmark, or the packaging check.
 * - TypeScript/JavaScript blocks of a page are one program, in order, run where the first of them
 *   stands; `<!-- docs-test: new-program -->` just before a block starts another. `import ... from
 *   'wp-token-emulator'` is the project's source; top-level `await` works; `it`/`test`/`describe` and
 *   the jest hooks run as jest would run them (`expect` is jest's). A block whose first line is a
 *   comment naming a file of the project (`// wp-json/acme/v1/index.ts`) is that file: its relative
 *   imports resolve from there and its `export`s are plain declarations.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transformSync } from '@swc/core';
import { startServer, type RunningServer } from '../plugin/serve';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'wp-token-emulator.js');
const RUN_SHELL = new Set(['sh', 'bash', 'shell']);
const RUN_PROGRAM = new Set(['ts', 'typescript', 'js', 'javascript']);
const DEMO_START = { DB_FILE: './data/demo.json', FIXTURES: 'examples/demo-fixtures.json' };

export interface Block {
  lang: string;
  code: string;
  /** Line of the opening fence in the page (1-based). */
  line: number;
  newProgram: boolean;
}

/** The fenced blocks of a Markdown page, and the `<!-- docs-test: ... -->` words it carries. */
export function parsePage(text: string): { blocks: Block[]; directives: Set<string>; unlabeled: number[] } {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const unlabeled: number[] = [];
  const directives = new Set<string>();
  for (const m of text.matchAll(/<!--\s*docs-test:\s*([^>]*?)\s*-->/g)) for (const word of m[1]!.split(/\s+/)) directives.add(word);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.trimStart().startsWith(fence!); j++) body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!);
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const newProgram = k >= 0 && /<!--\s*docs-test:[^>]*\bnew-program\b/.test(lines[k]!);
    if (!lang) unlabeled.push(i + 1);
    blocks.push({ lang: (lang ?? '').toLowerCase(), code: body.join('\n'), line: i + 1, newProgram });
    i = j;
  }
  return { blocks, directives, unlabeled };
}

/** `VAR=value ... npm start` lines of a shell block: the settings of each, in order. */
export function npmStarts(code: string): Array<Record<string, string>> {
  const joined = code.replace(/\\\n/g, ' ');
  const starts: Array<Record<string, string>> = [];
  for (const m of joined.matchAll(/(?:^|&&|;|\|\|)\s*((?:[A-Za-z_]\w*=(?:'[^']*'|"[^"]*"|[^\s'"]+)\s+)*)npm\s+start\b/gm)) {
    const settings: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([A-Za-z_]\w*)=('[^']*'|"[^"]*"|[^\s'"]+)/g)) settings[a[1]!] = a[2]!.replace(/^(['"])(.*)\1$/, '$2');
    starts.push(settings);
  }
  return starts;
}

/** The commands that stand in for npm, npx and curl inside the blocks (first on PATH). */
function writeShims(dir: string): void {
  const realCurl = ['/usr/bin/curl', '/bin/curl'].find((p) => fs.existsSync(p)) ?? 'curl';
  const scripts = JSON.stringify(Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts));
  const shims: Record<string, string> = {
    npx: `#!/bin/bash
if [ "$1" = wp-token-emulator ]; then shift
  # Port 8080 is the test's server: in EMULATOR_URL, SITE_URL and --url=.
  for v in EMULATOR_URL SITE_URL; do [ -n "\${!v:-}" ] && export "$v=\${!v//:8080/:$DOCS_TEST_PORT}"; done
  args=(); for a in "$@"; do case "$a" in --url=*) a="\${a//:8080/:$DOCS_TEST_PORT}" ;; esac; args+=("$a"); done
  exec "${process.execPath}" "${BIN}" "\${args[@]}"; fi
if [ "$1" = jest ] || [ "$1" = vitest ] || [ "$1" = tsc ]; then tool=$1; shift
  for f in "$@"; do case "$f" in -*|run|watch) ;; *) [ -e "${ROOT}/$f" ] || { echo "docs-test: npx $tool: there is no $f in the project" >&2; exit 1; } ;; esac; done
  exit 0; fi
echo "docs-test: npx $1 is not something the docs examples can run" >&2; exit 127
`,
    npm: `#!/bin/bash
case "$1" in
  install|i|ci|init|pack) exit 0 ;;
  start) [ -n "$DOCS_TEST_PORT" ] || { echo "docs-test: npm start: the test did not start a server for this line" >&2; exit 1; }; exit 0 ;;
  test) exit 0 ;;
  run|run-script) node -e 'process.exit(${scripts}.includes(process.argv[1]) ? 0 : 1)' "$2" || { echo "docs-test: npm run $2: package.json has no such script" >&2; exit 1; }; exit 0 ;;
  *) echo "docs-test: npm $1 is not something the docs examples can run" >&2; exit 127 ;;
esac
`,
    curl: `#!/bin/bash
auth=0; for a in "$@"; do case "$a" in -u|-u*|--user|--user=*) auth=1 ;; esac; done
[ -n "$DOCS_TEST_PORT" ] || { echo "docs-test: curl: no server is running for this page" >&2; exit 1; }
exec "${realCurl}" --connect-to "127.0.0.1:8080:127.0.0.1:$DOCS_TEST_PORT" --connect-to "localhost:8080:127.0.0.1:$DOCS_TEST_PORT" \\
  -w "%{stderr}docs-test-curl $auth %{http_code} %{method} %{url_effective}\\n" "$@"
`,
  };
  for (const [name, text] of Object.entries(shims)) fs.writeFileSync(path.join(dir, name), text, { mode: 0o755 });
}

interface PageRun {
  page: string;
  dir: string;
  shims: string;
  state: string;
  server: RunningServer | null;
  demoByDefault: boolean;
  failures: string[];
}

async function startPageServer(run: PageRun, settings: Record<string, string>): Promise<void> {
  if (run.server) await run.server.stop();
  run.server = null;
  // BCRYPT_COST 4 (unless the line sets it), as for the blocks' command lines: the default 10 spent ~4 s of
  // CPU per run hashing the fixtures' passwords and secrets, and nothing a page shows depends on the cost.
  const env: Record<string, string> = { SITE_URL: 'http://127.0.0.1:8080', LOG_LEVEL: 'silent', BCRYPT_COST: '4', ...settings, PORT: '0', HOST: '127.0.0.1' };
  env.DB_FILE = path.resolve(run.dir, settings.DB_FILE ?? './data/db.json');
  if (settings.FIXTURES) env.FIXTURES = path.resolve(run.dir, settings.FIXTURES);
  // The page's folder stands for the reader's clone: relative paths and ./data are taken from there.
  run.server = await startServer({ env, cwd: run.dir });
}

function port(run: PageRun): string {
  return run.server ? new URL(run.server.url).port : '';
}

function runProcess(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), out, err: signal ? `${err}\n(killed by ${signal}: over 60 s)` : err });
    });
  });
}

function tail(text: string, lines = 12): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n    ');
}

const PRELUDE = [
  '__docs_base=" $(compgen -v | tr "\\n" " ") "',
  'source "$DOCS_TEST_STATE"',
  `trap 'echo "docs-test-failed-at $((LINENO - __docs_offset)) (exit $?): $BASH_COMMAND" >&2' ERR`,
  'set -euo pipefail',
];

async function runShell(run: PageRun, block: Block): Promise<void> {
  const where = `${run.page}:${block.line} (${block.lang} block)`;
  try {
    for (const settings of npmStarts(block.code)) await startPageServer(run, settings);
    if (!run.server) await startPageServer(run, run.demoByDefault ? DEMO_START : {});
  } catch (e) {
    run.failures.push(`${where}: the server for this block did not start: ${(e as Error).message}`);
    return;
  }
  // The block's first line is script line PRELUDE.length + 2 and page line block.line + 1.
  const script = [...PRELUDE, `__docs_offset=${PRELUDE.length + 1 - block.line}`, block.code, 'set +eu; trap - ERR',
    'for __v in $(compgen -v); do case "$__docs_base" in *" $__v "*) ;; *) [[ $__v == __docs_* || $__v == __v ]] || declare -p "$__v" 2>/dev/null ;; esac; done > "$DOCS_TEST_STATE"; declare -f >> "$DOCS_TEST_STATE"'].join('\n');
  const env: NodeJS.ProcessEnv = {
    PATH: `${run.shims}:${process.env.PATH ?? ''}`,
    HOME: run.dir,
    TMPDIR: os.tmpdir(),
    LANG: 'C.UTF-8',
    PORT: port(run),
    DOCS_TEST_PORT: port(run),
    DOCS_TEST_STATE: run.state,
    BCRYPT_COST: '4',
  };
  const r = await runProcess('bash', ['-c', script], { cwd: run.dir, env });
  if (r.code !== 0) {
    const at = /docs-test-failed-at (\d+) \(exit (\d+)\): (.*)/.exec(r.err);
    const why = at ? `line ${at[1]} exited ${at[2]}: ${at[3]}` : `exit ${r.code}`;
    run.failures.push(`${where}: ${why}\n    stderr: ${tail(r.err.replace(/^docs-test-curl .*\n/gm, ''))}\n    stdout: ${tail(r.out)}`);
    return;
  }
  for (const m of r.err.matchAll(/^docs-test-curl (\d) (\d{3}) (\S+) (\S+)$/gm)) {
    const [, auth, status, method, url] = m;
    if (Number(status) < 400 || block.code.includes(status!)) continue;
    const hint = auth === '1' && status === '401' ? ": the credentials do not match the page's server (which store, which fixtures?)" : ' (a block that shows an error mentions its status)';
    run.failures.push(`${where}: curl ${auth === '1' ? '-u ... ' : ''}${method} ${url} answered ${status}${hint}`);
  }
}

/** The program's imports stay at the top; the rest becomes the body of an async function, so top-level await works. */
export function toProgram(source: string): string {
  const imports: string[] = [];
  const body = source
    .replace(/^import\s[\s\S]*?from\s*['"][^'"]+['"];?[ \t]*$/gm, (m) => {
      imports.push(m);
      return m.replace(/[^\n]/g, '');
    })
    .replace(/^export\s+(?=(?:const|let|var|function|class|async)\b)/gm, ''); // a file's exports become the program's names
  const names = 'it, test, describe, beforeEach, afterEach, beforeAll, afterAll, expect, fetch, console';
  return `${imports.join('\n')}\nexport default async function __docsProgram(__g: any) {\nconst { ${names} } = __g;\n${body}\n}\n`;
}

async function runProgram(run: PageRun, blocks: Block[]): Promise<void> {
  const where = `${run.page}:${blocks.map((b) => b.line).join(',')} (${blocks[0]!.lang} program)`;
  const printed: string[] = [];
  let code: string;
  try {
    code = transformSync(toProgram(blocks.map((b) => b.code).join('\n')), {
      filename: 'example.ts',
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    }).code;
  } catch (e) {
    run.failures.push(`${where}: does not compile: ${(e as Error).message}`);
    return;
  }
  const tests: Array<{ name: string; fn: () => unknown }> = [];
  const hooks: Record<'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll', Array<() => unknown>> = { beforeAll: [], beforeEach: [], afterEach: [], afterAll: [] };
  const rewrite = (url: string) => url.replace(/^http:\/\/(127\.0\.0\.1|localhost):8080(?=\/|$)/, () => run.server!.url);
  const globals = {
    it: (name: string, fn: () => unknown) => tests.push({ name, fn }),
    test: (name: string, fn: () => unknown) => tests.push({ name, fn }),
    describe: (_name: string, fn: () => void) => fn(),
    beforeAll: (fn: () => unknown) => hooks.beforeAll.push(fn),
    beforeEach: (fn: () => unknown) => hooks.beforeEach.push(fn),
    afterEach: (fn: () => unknown) => hooks.afterEach.push(fn),
    afterAll: (fn: () => unknown) => hooks.afterAll.push(fn),
    expect,
    fetch: async (input: string | URL, init?: RequestInit) => {
      if (!run.server && /^http:\/\/(127\.0\.0\.1|localhost):8080/.test(String(input))) await startPageServer(run, run.demoByDefault ? DEMO_START : {});
      return fetch(rewrite(String(input)), init);
    },
    console: { ...console, log: (...a: unknown[]) => printed.push(a.map(String).join(' ')), info: (...a: unknown[]) => printed.push(a.map(String).join(' ')) },
  };
  const mod: { exports: { default?: (g: unknown) => Promise<void> } } = { exports: {} };
  // The package's name is the project's own source; relative paths resolve from the file the block names
  // in a first-line comment (`// wp-json/acme/v1/index.ts`), else from the project's root.
  const named = /^\/\/\s*(\S+\.[jt]s)\s*$/.exec(blocks[0]!.code.split('\n')[0]!.trim());
  const base = path.join(ROOT, named ? path.dirname(named[1]!) : '.');
  const load = (id: string): unknown =>
    id === 'wp-token-emulator' ? require('../plugin') : id === 'wp-token-emulator/matchers' ? require('../wp-json/emulator/v1/verify/matchers') : require(id.startsWith('.') ? path.resolve(base, id) : id);
  let step = 'the program';
  try {
    new Function('require', 'module', 'exports', code)(load, mod, mod.exports);
    await mod.exports.default!(globals);
    step = 'beforeAll';
    for (const h of hooks.beforeAll) await h();
    for (const t of tests) {
      step = `it('${t.name}')`;
      try {
        for (const h of hooks.beforeEach) await h();
        await t.fn();
      } finally {
        for (const h of hooks.afterEach) await h();
      }
    }
    step = 'afterAll';
    for (const h of hooks.afterAll) await h();
  } catch (e) {
    run.failures.push(`${where}: ${step} failed: ${(e as Error)?.message ?? String(e)}${printed.length ? `\n    printed: ${tail(printed.join('\n'))}` : ''}`);
  }
}

/** Runs every example of one page (its Markdown text); resolves to what did not run as written. */
async function runPage(page: string, text: string, shims: string): Promise<string[]> {
  const { blocks, directives, unlabeled } = parsePage(text);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-docs-page-'));
  fs.symlinkSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'));
  const state = path.join(dir, '.docs-test-state');
  fs.writeFileSync(state, '');
  const run: PageRun = { page, dir, shims, state, server: null, demoByDefault: directives.has('fixtures=demo'), failures: [] };
  for (const line of unlabeled) run.failures.push(`${page}:${line}: a code block without a language: give it one (\`text\` when it is output or not meant to run)`);
  try {
    let program: Block[] | null = null;
    const programs: Block[][] = [];
    for (const block of blocks) {
      if (!RUN_PROGRAM.has(block.lang)) continue;
      if (!program || block.newProgram) programs.push((program = []));
      program.push(block);
    }
    for (const block of blocks) {
      if (RUN_SHELL.has(block.lang)) await runShell(run, block);
      const starting = programs.find((p) => p[0] === block);
      if (starting) await runProgram(run, starting);
    }
  } finally {
    await run.server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return run.failures;
}

const PAGES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

// Made at once (concurrent tests may start before a beforeAll has run).
const shims = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-docs-shims-'));
writeShims(shims);
afterAll(() => fs.rmSync(shims, { recursive: true, force: true }));

describe('every example in README.md and docs/*.md runs as written', () => {
  // Pages are independent (own folder, own server on a free port, own socket): run a few at a time.
  it.concurrent.each(PAGES)('%s', async (page) => {
    const failures = await runPage(page, fs.readFileSync(path.join(ROOT, page), 'utf8'), shims);
    if (failures.length > 0) throw new Error(`${failures.length} example(s) of ${page} do not run as written:\n  ${failures.join('\n  ')}`);
  }, 180_000);
});

describe('the docs test itself: what it reports', () => {
  const fence = '```';
  it('a failing shell line (by its page line), an unknown variable, a refused curl, a fence without a language', async () => {
    const page = [
      '# A page', '', `${fence}sh`, 'X=1', 'false', `${fence}`, '', `${fence}bash`, 'echo "$NOT_SET"', `${fence}`, '',
      `${fence}sh`, "curl -s -u 'admin:wrong password' http://127.0.0.1:8080/wp-json/wp/v2/users/me", `${fence}`, '', `${fence}`, 'output', `${fence}`,
    ].join('\n');
    const failures = await runPage('bad.md', page, shims);
    expect(failures[0]).toBe('bad.md:16: a code block without a language: give it one (`text` when it is output or not meant to run)');
    expect(failures[1]).toMatch(/^bad\.md:3 \(sh block\): line 5 exited 1: false\n/);
    expect(failures[2]).toMatch(/^bad\.md:8 \(bash block\): exit 1\n {4}stderr: .*NOT_SET: unbound variable/);
    expect(failures[3]).toBe("bad.md:12 (sh block): curl -u ... GET http://127.0.0.1:8080/wp-json/wp/v2/users/me answered 401: the credentials do not match the page's server (which store, which fixtures?)");
    expect(failures).toHaveLength(4);
  });

  it('variables carry from block to block; npm start lines choose the server; a program sees the package and jest', async () => {
    const page = [
      `${fence}sh`, 'DB_FILE=./data/demo.json FIXTURES=examples/demo-fixtures.json npm start', `${fence}`,
      `${fence}sh`, "AP='admin:AAAA BBBB CCCC DDDD EEEE FFFF'", `${fence}`,
      `${fence}sh`, 'curl -sf -u "$AP" http://127.0.0.1:8080/wp-json/wp/v2/users/me', `${fence}`,
      `${fence}ts`, "import { createApp } from 'wp-token-emulator';", 'const emu = await createApp();', `${fence}`,
      `${fence}ts`, "it('fails', () => { expect(emu.users.list()).toHaveLength(5); });", `${fence}`,
    ].join('\n');
    const failures = await runPage('mixed.md', page, shims);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^mixed\.md:10,14 \(ts program\): it\('fails'\) failed: expect\(received\)\.toHaveLength\(expected\)/);
  });
});
