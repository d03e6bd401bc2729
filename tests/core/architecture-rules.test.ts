import fs from 'node:fs';
import path from 'node:path';

/**
 * The layering rules of docs/architecture.md, checked over the sources: core/ knows neither Express
 * nor any namespace or extension; nothing patches Node's response; plugin/ (the host) names a
 * namespace folder only in the module paths that list it.
 */

const ROOT = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(rel);
  }
  return out;
}

/** Lines of code (comments left out) matching `pattern`, as `file:line`. */
function offending(files: string[], pattern: RegExp, allow: (line: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const file of files) {
    fs.readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(\/\/|\/\*|\*)/.test(line) || allow(line)) return;
        if (pattern.test(line)) found.push(`${file}:${i + 1}`);
      });
  }
  return found;
}

const core = sources('core');
const plugin = sources('plugin');
const wpJson = sources('wp-json');

describe('architecture rules', () => {
  it('core/ imports neither express nor anything from wp-json/ or plugin/', () => {
    expect(offending(core, /from 'express'|require\('express'\)/)).toEqual([]);
    expect(offending(core, /from '\.\.?\/(\.\.\/)*(wp-json|plugin)\//)).toEqual([]);
  });

  it('nothing replaces res.write or res.end', () => {
    expect(offending([...core, ...plugin, ...wpJson], /\bres\.(write|end)\s*=[^=]/)).toEqual([]);
  });

  it('nothing imports plugin/server.ts or plugin/cli-main.ts, the entry points built as one bundle each (it would bring a second copy of every class)', () => {
    const importers: string[] = [];
    for (const file of [...core, ...plugin, ...wpJson, ...sources('bench'), ...sources('tests')]) {
      for (const [, spec] of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from |require\()'(\.[^']*)'/g)) {
        const target = path.join(path.dirname(file), spec);
        if (target === path.join('plugin', 'server') || target === path.join('plugin', 'cli-main')) importers.push(file);
      }
    }
    expect(importers).toEqual([]);
  });

  it('neither core/ nor plugin/ names the test-control namespace or its settings, not even in a module path', () => {
    const names = /emulator\/v1|EMULATOR_API|JOURNAL_SIZE|JOURNAL_MAX_BYTES/;
    expect(offending(core, names)).toEqual([]);
    expect(offending(plugin, names)).toEqual([]);
  });
});
