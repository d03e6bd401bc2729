import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addToList, fillTemplate, namespaceNames } from '../plugin/scaffold';

/**
 * "A sixth vendor = one folder + one line", proven: in a temporary copy of the project, the command
 * line's `scaffold namespace acme/v1`, then — with no other edit — the type check, the new
 * namespace's own test, and a site from createApp() (default namespace list) listing acme/v1 in
 * /wp-json/ with its token route answering.
 */
const ROOT = path.join(__dirname, '..');

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, FUZZ_RUNS: '200' };
  delete env.JEST_WORKER_ID; // the inner jest is a run of its own
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
}

describe('scaffold namespace', () => {
  it('derives the names from <vendor>/<version>', () => {
    expect(namespaceNames('acme/v1')).toEqual({ namespace: 'acme/v1', id: 'acme', exportName: 'acmeV1', camel: 'acme', pascal: 'Acme', upper: 'ACME', title: 'Acme' });
    expect(namespaceNames('acme-labs/v2')).toMatchObject({ id: 'acme-labs-v2', exportName: 'acmeLabsV2', upper: 'ACME_LABS_V2', pascal: 'AcmeLabsV2' });
    for (const bad of ['Acme/v1', 'acme', 'acme/1', '../x/v1', 'acme/v1/extra', '-acme/v1']) expect(() => namespaceNames(bad)).toThrow(/is not <vendor>\/<version>/);
  });

  it('fills the template and lists the module before the test-control namespace', () => {
    const names = namespaceNames('acme/v1');
    expect(fillTemplate("import { x } from '../../core/x';\nconst NS = 'sample-vendor/v1'; // sampleVendorV1 SampleVendorTokens SAMPLE_VENDOR_X Sample Vendor sample-vendor.tokens", names)).toBe(
      "import { x } from '../../../core/x';\nconst NS = 'acme/v1'; // acmeV1 AcmeTokens ACME_X Acme acme.tokens",
    );
    const list = "import { a } from './a/v1';\nimport { emulator } from './emulator/v1';\n\nexport const allNamespaces: readonly NamespaceModule[] = [a, emulator];\n";
    expect(addToList(list, names)).toBe(
      "import { a } from './a/v1';\nimport { emulator } from './emulator/v1';\nimport { acmeV1 } from './acme/v1';\n\nexport const allNamespaces: readonly NamespaceModule[] = [a, acmeV1, emulator];\n",
    );
    expect(() => addToList(addToList(list, names), names)).toThrow(/already listed/);
  });

  it('in a copy of the project: scaffold, then type check, its test, and a site serving it, with no other edit', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-scaffold-'));
    try {
      for (const dir of ['core', 'plugin', 'wp-json', path.join('examples', 'namespace-template')]) {
        fs.cpSync(path.join(ROOT, dir), path.join(tmp, dir), { recursive: true, filter: (src) => !src.endsWith('.test.ts') || src.includes('namespace-template') });
      }
      // The suite's tests that must pick a new namespace up by themselves: the fuzz test and the settings documentation test.
      fs.mkdirSync(path.join(tmp, 'tests', 'reliability'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'tests', 'openapi'), { recursive: true }); // helpers.ts's OpenAPI response check
      for (const file of ['helpers.ts', 'environment.js', path.join('openapi', 'response-hook.ts'), path.join('openapi', 'response-check.ts'), path.join('openapi', 'worker-cache.js'), 'sequencer.js', 'env-example.test.ts', path.join('reliability', 'fuzz.test.ts'), path.join('reliability', 'envelopes.ts')]) {
        fs.copyFileSync(path.join(ROOT, 'tests', file), path.join(tmp, 'tests', file));
      }
      for (const file of ['package.json', 'tsconfig.json', 'jest.config.js', '.env.example']) fs.copyFileSync(path.join(ROOT, file), path.join(tmp, file));
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
      const listBefore = fs.readFileSync(path.join(tmp, 'wp-json', 'index.ts'), 'utf8');

      // The command line, run in the copy's root (the compiled CLI that npm test's global setup builds).
      const scaffold = run(process.execPath, [path.join(ROOT, 'bin', 'wp-token-emulator.js'), 'scaffold', 'namespace', 'acme/v1'], tmp);
      expect(scaffold.stderr).toBe('');
      expect(scaffold.status).toBe(0);
      expect(scaffold.stdout).toContain('Success: Scaffolded acme/v1.');
      expect(fs.readdirSync(path.join(tmp, 'wp-json', 'acme', 'v1')).sort()).toEqual(['README.md', 'acme.test.ts', 'cli.ts', 'index.ts', 'tokens.ts']);
      const listAfter = fs.readFileSync(path.join(tmp, 'wp-json', 'index.ts'), 'utf8');
      expect(listAfter).toContain("import { acmeV1 } from './acme/v1';");
      expect(listAfter.split('\n').length).toBe(listBefore.split('\n').length + 1);
      // Scaffolding it again is refused and changes nothing.
      const again = run(process.execPath, [path.join(ROOT, 'bin', 'wp-token-emulator.js'), 'scaffold', 'namespace', 'acme/v1'], tmp);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/already exists/);

      // Type check: the product code and the new namespace (its test included).
      fs.writeFileSync(path.join(tmp, 'tsconfig.check.json'), JSON.stringify({ extends: './tsconfig.json', include: ['core/**/*.ts', 'plugin/**/*.ts', 'wp-json/**/*.ts', 'tests/**/*.ts'] }));
      const tsc = run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.check.json', '--noEmit'], tmp);
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);

      // Its own test, and a site from createApp() with the default namespace list.
      fs.writeFileSync(
        path.join(tmp, 'tests', 'served.test.ts'),
        [
          "import request from 'supertest';",
          "import { createApp } from '../plugin/app';",
          "import { asAdmin, standardFixtures } from './helpers';",
          "it('lists acme/v1 and answers its token route', async () => {",
          "  const emu = await createApp({ fixtures: standardFixtures, settings: { BCRYPT_COST: 4 } });",
          "  const server = emu.app.listen(0, '127.0.0.1');",
          '  try {',
          "    const index = await request(server).get('/wp-json/');",
          "    expect(index.body.namespaces).toContain('acme/v1');",
          "    const token = await request(server).post('/wp-json/acme/v1/token').set('Authorization', asAdmin).send({ client_id: 'ci' });",
          '    expect(token.status).toBe(200);',
          '    expect(token.body.access_token).toMatch(/^[A-Za-z0-9]{40}$/);',
          '  } finally {',
          '    server.close();',
          '    await emu.close();',
          '  }',
          '});',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(path.join(tmp, 'no-setup.js'), 'module.exports = async () => {};\n');
      // In band: four small files, and this jest runs beside the outer one's workers (a worker process of its own would only add CPU).
      const jest = run(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--runInBand', '--json', '--globalSetup', path.join(tmp, 'no-setup.js'), 'wp-json/acme/v1', 'tests/served.test.ts', 'tests/env-example.test.ts', 'tests/reliability/fuzz.test.ts'], tmp);
      const report = JSON.parse(jest.stdout) as { numFailedTests: number; numPassedTests: number; testResults: { name: string; status: string }[] };
      expect(report.testResults.map((r) => [path.relative(tmp, r.name), r.status]).sort()).toEqual([
        [path.join('tests', 'env-example.test.ts'), 'passed'],
        [path.join('tests', 'reliability', 'fuzz.test.ts'), 'passed'],
        [path.join('tests', 'served.test.ts'), 'passed'],
        [path.join('wp-json', 'acme', 'v1', 'acme.test.ts'), 'passed'],
      ]);
      expect(report.numFailedTests).toBe(0);
      expect(report.numPassedTests).toBeGreaterThanOrEqual(15);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 240_000);
});
