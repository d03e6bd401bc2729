import * as fs from 'node:fs';
import * as path from 'node:path';
import { coreSettings, type SettingSpec, type SettingsSpec } from '../core/config';
import { mailSettings } from '../core/mail-smtp';
import { allNamespaces } from '../plugin/namespaces';

/** .env.example documents every setting the server reads, and nothing it does not. */
describe('.env.example', () => {
  const text = fs.readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8');
  const documented = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) documented.set(m[1]!, m[2]!);
  }
  // Read by the command line's control commands (reset, clock, ...), not by the server.
  const commandLineOnly = ['EMULATOR_URL', 'EMULATOR_USER', 'EMULATOR_PASSWORD'];
  const declared = new Map<string, SettingSpec>(Object.entries({ ...coreSettings, ...mailSettings } as SettingsSpec));
  for (const module of allNamespaces) for (const [name, spec] of Object.entries(module.settings ?? {})) declared.set(name, spec);

  it('lists every declared setting', () => {
    const missing = [...declared.keys()].filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('lists no setting that is not declared (command-line-only ones aside)', () => {
    const unknown = [...documented.keys()].filter((name) => !declared.has(name) && !commandLineOnly.includes(name));
    expect(unknown).toEqual([]);
  });

  it('shows each default as the code has it', () => {
    const differing: string[] = [];
    for (const [name, spec] of declared) {
      const shown = documented.get(name);
      if (shown === undefined || spec.default === undefined || spec.default === '') continue;
      const expected = typeof spec.default === 'boolean' ? ['true', 'on', '1', 'yes', 'false', 'off', '0', 'no'].filter((v) => /^(true|on|1|yes)$/.test(v) === spec.default) : [String(spec.default)];
      if (!expected.includes(shown.replace(/_/g, ''))) differing.push(`${name}: .env.example says "${shown}", the code ${JSON.stringify(spec.default)}`);
    }
    expect(differing).toEqual([]);
  });
});
