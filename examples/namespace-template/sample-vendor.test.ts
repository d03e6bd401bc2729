import request from 'supertest';
import { FixtureError } from '../../core/fixtures';
import type { CliIO } from '../../core/cli';
import type { EmulatorApp } from '../../plugin/app';
import { runStoreCommand } from '../../plugin/cli';
import { allNamespaces } from '../../plugin/namespaces';
import { asAdmin, asEditor, standardApp, standardFixtures } from '../../tests/helpers';
import { sampleVendorV1 } from './index';

/** The site's namespaces with this one (listed in wp-json/index.ts once scaffolded; added here otherwise). */
const namespaces = allNamespaces.includes(sampleVendorV1) ? allNamespaces : [...allNamespaces, sampleVendorV1];
const TOKEN = '/wp-json/sample-vendor/v1/token';

let emu: EmulatorApp;
beforeAll(async () => {
  emu = await standardApp({ namespaces });
});
afterAll(() => emu.close());

const introspect = (app: EmulatorApp, token: string) => app.site.plugins.get('sample-vendor')!.introspect!(token);

describe('sample-vendor/v1', () => {
  it('is listed in the discovery index with its token route and declared args', async () => {
    const res = await request(emu.app).get('/wp-json/');
    expect(res.body.namespaces).toContain('sample-vendor/v1');
    expect(res.body.routes['/sample-vendor/v1/token'].endpoints[0].args.client_id).toMatchObject({ type: 'string', required: true });
  });

  it('issues a token to an administrator, valid for the lifetime the setting gives', async () => {
    const res = await request(emu.app).post(TOKEN).set('Authorization', asAdmin).send({ client_id: 'ci' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^[A-Za-z0-9]{40}$/), token_type: 'Bearer', expires_in: 3600, scope: 'read' });
    expect(introspect(emu, res.body.access_token)).toMatchObject({ active: true, vendor: 'sample-vendor', sub: 'ci', scope: 'read' });
    expect(introspect(emu, 'not-a-token')).toBeNull();
  });

  it('answers bad args in its own envelope, from the declared args', async () => {
    const missing = await request(emu.app).post(TOKEN).set('Authorization', asAdmin).send({});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: 'invalid_request', error_description: 'Missing parameter(s): client_id' });
    const scope = await request(emu.app).post(TOKEN).set('Authorization', asAdmin).send({ client_id: 'ci', scope: 'admin' });
    expect(scope.status).toBe(400);
    expect(scope.body).toEqual({ error: 'invalid_request', error_description: 'scope is not one of read and write.' });
    expect(sampleVendorV1.errorEnvelope!.isError(scope.body)).toBe(true);
  });

  it("refuses users without manage_options in WordPress's envelope", async () => {
    const res = await request(emu.app).post(TOKEN).set('Authorization', asEditor).send({ client_id: 'ci' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('rest_forbidden');
  });

  it('reads its setting typed, with its declared default', async () => {
    const short = await standardApp({ namespaces, settings: { SAMPLE_VENDOR_TOKEN_LIFETIME: 60 } });
    try {
      const res = await request(short.app).post(TOKEN).set('Authorization', asAdmin).send({ client_id: 'ci' });
      expect(res.body.expires_in).toBe(60);
    } finally {
      await short.close();
    }
    await expect(standardApp({ namespaces, settings: { SAMPLE_VENDOR_TOKEN_LIFETIME: 5 } })).rejects.toThrow(/SAMPLE_VENDOR_TOKEN_LIFETIME: 5 is below the minimum 60/);
  });

  it('loads its fixtures section, and names each problem in a bad one', async () => {
    const token = 'F'.repeat(30);
    const loaded = await standardApp({ namespaces, fixtures: { ...standardFixtures, 'sample-vendor': { tokens: [{ token, client_id: 'ci' }] } } });
    try {
      expect(introspect(loaded, token)).toMatchObject({ active: true, sub: 'ci' });
    } finally {
      await loaded.close();
    }
    const bad = { ...standardFixtures, 'sample-vendor': { tokens: [{ token: 'short', client_id: '' }, { token, client_id: 'a' }, { token, client_id: 'b', extra: 1 }] } };
    const error = (await standardApp({ namespaces, fixtures: bad }).catch((e: unknown) => e)) as FixtureError;
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.problems.map((p) => p.path)).toEqual([
      'sample-vendor.tokens[0].token',
      'sample-vendor.tokens[0].client_id',
      'sample-vendor.tokens[2].extra',
      'sample-vendor.tokens[2].token',
    ]);
  });

  it('has a command-line group whose args are checked like the route', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false };
    expect(await runStoreCommand(emu.site, ['sample-vendor', 'token', 'create', 'cli-client', '--scope=write', '--porcelain'], io)).toBe(0);
    expect(introspect(emu, out[0]!)).toMatchObject({ active: true, sub: 'cli-client', scope: 'write' });
    expect(await runStoreCommand(emu.site, ['sample-vendor', 'token', 'create', 'x', '--scope=all'], io)).toBe(1);
    expect(err).toEqual(['Error: scope is not one of read and write.']);
  });
});
