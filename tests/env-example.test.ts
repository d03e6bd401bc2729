import * as fs from 'node:fs';
import * as path from 'node:path';
import { coreSettings, type SettingSpec, type SettingsSpec } from '../core/config';
import { mailSettings } from '../core/mail-smtp';
import { allNamespaces } from '../plugin/namespaces';

/** `NAME=value` lines of a settings file or a doc page. */
function documentedIn(text: string): Map<string, string> {
  const documented = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) documented.set(m[1]!, m[2]!);
  }
  return documented;
}

/** A namespace folder's own doc page (wp-json/<vendor>/<version>/README.md), where a namespace may document its settings instead. */
function namespacePage(namespace: string): Map<string, string> {
  const file = path.join(__dirname, '..', 'wp-json', ...namespace.split('/'), 'README.md');
  return fs.existsSync(file) ? documentedIn(fs.readFileSync(file, 'utf8')) : new Map();
}

/**
 * .env.example documents every setting the server reads, and nothing it does not. A namespace's
 * settings may be documented on its folder's README.md instead (a scaffolded namespace is), so a
 * namespace is covered as soon as it is listed in wp-json/index.ts.
 */
describe('.env.example', () => {
  const documented = documentedIn(fs.readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8'));
  // Read by the command line's control commands (reset, clock, ...), not by the server.
  const commandLineOnly = ['EMULATOR_URL', 'EMULATOR_USER', 'EMULATOR_PASSWORD'];
  const declared = new Map<string, SettingSpec>(Object.entries({ ...coreSettings, ...mailSettings } as SettingsSpec));
  /** Where each setting is documented: .env.example, or its namespace's page. */
  const shownAt = new Map<string, string | undefined>([...declared.keys()].map((name) => [name, documented.get(name)]));
  for (const module of allNamespaces) {
    const page = namespacePage(module.namespace);
    for (const [name, spec] of Object.entries(module.settings ?? {})) {
      declared.set(name, spec);
      shownAt.set(name, documented.get(name) ?? page.get(name));
    }
  }

  it('lists every declared setting (a namespace\'s may be on its own page)', () => {
    const missing = [...declared.keys()].filter((name) => shownAt.get(name) === undefined);
    expect(missing).toEqual([]);
  });

  it('lists no setting that is not declared (command-line-only ones aside)', () => {
    const unknown = [...documented.keys()].filter((name) => !declared.has(name) && !commandLineOnly.includes(name));
    expect(unknown).toEqual([]);
  });

  it('shows each default as the code has it', () => {
    const differing: string[] = [];
    for (const [name, spec] of declared) {
      const shown = shownAt.get(name);
      if (shown === undefined || spec.default === undefined || spec.default === '') continue;
      const expected = typeof spec.default === 'boolean' ? ['true', 'on', '1', 'yes', 'false', 'off', '0', 'no'].filter((v) => /^(true|on|1|yes)$/.test(v) === spec.default) : [String(spec.default)];
      if (!expected.includes(shown.replace(/_/g, ''))) differing.push(`${name}: the documentation says "${shown}", the code ${JSON.stringify(spec.default)}`);
    }
    expect(differing).toEqual([]);
  });
});
