import type { AddressInfo } from 'node:net';
import request from 'supertest';
import YAML from 'yaml';
import { openApiDocument } from '../../core/openapi';
import type { EmulatorApp } from '../../plugin/app';
import { openApiCommand } from '../../wp-json/emulator/v1/openapi-command';
import { ADMIN_PASSWORD, asAdmin, asSubscriber, standardApp } from '../helpers';

describe('GET /wp-json/emulator/v1/openapi and wp-token-emulator openapi', () => {
  let emu: EmulatorApp;
  beforeAll(async () => {
    emu = await standardApp();
  });
  afterAll(() => emu.close());
  const generated = (namespace?: string) => openApiDocument(emu.site.rest, { siteUrl: emu.config.siteUrl, siteName: emu.config.siteName, ...(namespace ? { namespace } : {}) });

  it('gives an administrator the site document, or one namespace\'s with ?namespace=', async () => {
    const site = await request(emu.app).get('/wp-json/emulator/v1/openapi').set('Authorization', asAdmin).expect(200);
    expect(site.body).toEqual(JSON.parse(JSON.stringify(generated())));
    const fess = await request(emu.app).get('/wp-json/emulator/v1/openapi?namespace=fess/v1').set('Authorization', asAdmin).expect(200);
    expect(fess.body).toEqual(JSON.parse(JSON.stringify(generated('fess/v1'))));
    expect(Object.keys(fess.body.paths).every((p) => p.startsWith('/wp-json/fess/v1'))).toBe(true);
  });

  it('is for administrators only, and names an unknown namespace in WordPress\'s envelope', async () => {
    await request(emu.app).get('/wp-json/emulator/v1/openapi').expect(401);
    await request(emu.app).get('/wp-json/emulator/v1/openapi').set('Authorization', asSubscriber).expect(403);
    const unknown = await request(emu.app).get('/wp-json/emulator/v1/openapi?namespace=nope/v9').set('Authorization', asAdmin).expect(404);
    expect(unknown.body).toMatchObject({ code: 'emulator_openapi_unknown_namespace', data: { status: 404 } });
  });

  it('prints the running server\'s document as JSON or YAML from the command line', async () => {
    const server = emu.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = async (...argv: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await openApiCommand.run([...argv, `--url=${url}`, '--user=admin', `--password=${ADMIN_PASSWORD}`], { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false }, {});
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      const json = await run('--namespace=pkmnapi/v1');
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toEqual(JSON.parse(JSON.stringify(generated('pkmnapi/v1'))));
      const yaml = await run('--format=yaml');
      expect(YAML.parse(yaml.out)).toEqual(JSON.parse(JSON.stringify(generated())));
      await expect(run('--format=xml')).rejects.toThrow(/--format must be json or yaml/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
