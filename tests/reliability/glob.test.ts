import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { budgetedRegExp, compileGlob, GlobError, MAX_GLOB_LENGTH } from '../../core/glob';
import { Faults, FaultError } from '../../wp-json/emulator/v1/faults/faults';
import { compileJournalFilter } from '../../wp-json/emulator/v1/journal/filter';
import { JournalFilterError } from '../../wp-json/emulator/v1/journal/journal';
import { asAdmin, standardFixtures } from '../helpers';
import { startServer, type RunningChild } from './child';

/** How globs were matched before issue 21: compiled to a backtracking regular expression. */
function referenceGlob(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i++;
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

const globPiece = fc.constantFrom('*', '**', '***', '?', '/', 'a', 'A', 'b', '.', '-', 'wp-json', 'ſ', 'K', 'é', 'É', 'ß', '(', '[', '\\', '$');
const textPiece = fc.constantFrom('/', 'a', 'A', 'b', 'B', '.', '-', 'wp-json', 'ſ', 's', 'S', 'K', 'k', 'é', 'É', 'ß', '\n', '\u2028', '(', '[', '\\', '$', '\ud83d');

describe('globs match without backtracking (core/glob.ts)', () => {
  it('give what the regular expressions they replace gave, on 5,000 random globs and paths', () => {
    fc.assert(
      fc.property(fc.array(globPiece, { maxLength: 12 }), fc.array(textPiece, { maxLength: 16 }), (g, t) => {
        const glob = g.join('');
        const text = t.join('');
        return compileGlob(glob).test(text) === referenceGlob(glob).test(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('match a path made from the glob itself (so that matches are common, not only misses)', () => {
    fc.assert(
      fc.property(fc.array(globPiece, { maxLength: 12 }), fc.array(textPiece, { maxLength: 4 }), (g, fill) => {
        const glob = g.join('');
        const text = glob.replace(/\*+|\?/g, () => fill.join('').replace(/\//g, ''));
        return compileGlob(glob).test(text) === referenceGlob(glob).test(text);
      }),
      { numRuns: 3000 },
    );
  });

  it("the issue's pattern against 200 characters of 'a': a plain miss (the regular expression took minutes)", () => {
    const glob = '/x/**a**a**a**a**a**a**a**a**c';
    expect(compileGlob(glob).test(`/x/${'a'.repeat(200)}`)).toBe(false);
    expect(compileGlob(glob).test(`/x/${'a'.repeat(200)}c`)).toBe(true);
    expect(compileGlob(`/x/${'*a'.repeat(1000)}`).test(`/x/${'a'.repeat(16_000)}/`)).toBe(false);
  });

  it(`refuses a glob longer than ${MAX_GLOB_LENGTH} characters, in each API's own error`, () => {
    const long = `/${'a'.repeat(MAX_GLOB_LENGTH)}`;
    expect(() => compileGlob(long)).toThrow(GlobError);
    expect(() => new Faults({ now: () => 0 } as never).add({ path: long, status: 500 })).toThrow(FaultError);
    expect(() => compileJournalFilter({ path: long })).toThrow(JournalFilterError);
  });

  it('a pathRegex that would backtrack for minutes is cut off at its budget and counts as no match', () => {
    const matcher = budgetedRegExp('^(a|aa)+$', 'i', 50);
    expect(matcher.test('aaaa')).toBe(true);
    expect(matcher.test(`${'a'.repeat(60)}b`)).toBe(false);
    expect(matcher.timeouts).toBe(1);
  });
});

describe('a fault pattern cannot stall the real server', () => {
  let dir: string;
  let running: RunningChild | null = null;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-glob-'));
    fs.writeFileSync(path.join(dir, 'fixtures.json'), JSON.stringify(standardFixtures));
  });
  afterAll(() => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the issue's fault, then GET /x/ + 200 × 'a': answered within 1 s, and SIGTERM stops the server", async () => {
    running = await startServer({ DB_FILE: path.join(dir, 'db.json'), FIXTURES: path.join(dir, 'fixtures.json'), PORT: '0', LOG_LEVEL: 'silent', BCRYPT_COST: '4' });
    const added = await fetch(`${running.url}/wp-json/emulator/v1/faults`, {
      method: 'POST',
      headers: { Authorization: asAdmin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/x/**a**a**a**a**a**a**a**a**c', status: 503 }),
    });
    expect(added.status).toBe(201);
    const started = Date.now();
    const answer = await fetch(`${running.url}/x/${'a'.repeat(200)}`, { signal: AbortSignal.timeout(5_000) });
    const elapsed = Date.now() - started;
    expect(answer.status).toBe(404); // not the fault's 503: the glob does not match
    expect(elapsed).toBeLessThan(1_000);
    const matched = await fetch(`${running.url}/x/${'a'.repeat(200)}c`);
    expect(matched.status).toBe(503);
    const exited = new Promise<number | null>((resolve) => running!.child.once('exit', (code) => resolve(code)));
    running.child.kill('SIGTERM');
    const timer = setTimeout(() => running!.child.kill('SIGKILL'), 5_000);
    expect(await exited).toBe(0);
    clearTimeout(timer);
  });
});
