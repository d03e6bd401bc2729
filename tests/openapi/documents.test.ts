import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { openApiDocument, toYaml } from '../../core/openapi';
import { pathTemplate } from '../../core/openapi/paths';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp } from '../helpers';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'openapi');
const fileOf = (namespace: string | undefined) => path.join(DOCS, `${namespace === undefined ? 'site' : namespace.replace(/\//g, '-')}.json`);

/** The site's document and one per namespace, as the emulator generates them from its registry. */
function documents(emu: EmulatorApp): Map<string | undefined, Record<string, any>> {
  const out = new Map<string | undefined, Record<string, any>>();
  const options = { siteUrl: emu.config.siteUrl, siteName: emu.config.siteName, version: require('../../package.json').version };
  out.set(undefined, openApiDocument(emu.site.rest, options)!);
  for (const ns of emu.site.rest.namespaceList()) out.set(ns, openApiDocument(emu.site.rest, { ...options, namespace: ns })!);
  return out;
}

/** Every path and method the discovery index lists, as `METHOD /wp-json/...{param}`. */
async function indexOperations(emu: EmulatorApp): Promise<string[]> {
  const index = await request(emu.app).get('/wp-json/').expect(200);
  const out: string[] = [];
  for (const [route, data] of Object.entries(index.body.routes as Record<string, { methods: string[] }>)) {
    for (const method of new Set(data.methods)) out.push(`${method} /wp-json${pathTemplate(route).template}`);
  }
  return out.sort();
}

const documentOperations = (doc: Record<string, any>) =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`)).sort();

describe('OpenAPI documents generated from the route registry', () => {
  let emu: EmulatorApp;
  let docs: Map<string | undefined, Record<string, any>>;
  beforeAll(async () => {
    emu = await standardApp();
    docs = documents(emu);
  });
  afterAll(() => emu.close());

  it('validate as OpenAPI 3.1 with an independent validator (the site document and each namespace document)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
    try {
      const files = [...docs].map(([ns, doc]) => {
        const file = path.join(dir, `${ns === undefined ? 'site' : ns.replace(/\//g, '-')}.json`);
        fs.writeFileSync(file, JSON.stringify(doc));
        return file;
      });
      const out = execFileSync(process.execPath, [path.join(__dirname, 'validate-documents.mjs'), ...files], { encoding: 'utf8' });
      const results = out.trim().split('\n').map((line) => JSON.parse(line));
      expect(results).toHaveLength(emu.site.rest.namespaceList().length + 1);
      for (const result of results) expect({ file: path.basename(result.file), valid: result.valid, version: result.version, errors: result.errors }).toEqual({ file: path.basename(result.file), valid: true, version: '3.1', errors: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has every path and method of /wp-json/ in the site document, and nothing else', async () => {
    expect(documentOperations(docs.get(undefined)!)).toEqual(await indexOperations(emu));
  });

  it('follows the profile in force: with every live profile, the document still lists exactly what /wp-json/ serves', async () => {
    const live = await standardApp({ settings: { EVEREST_PROFILE: 'live', FESS_PROFILE: 'live', PKMNAPI_PROFILE: 'live' } });
    try {
      expect(documentOperations(documents(live).get(undefined)!)).toEqual(await indexOperations(live));
    } finally {
      await live.close();
    }
  });

  it('follows the active plugins: a deactivated plugin\'s paths leave the site document, and come back with it', async () => {
    const site = await standardApp();
    try {
      await request(site.app).post('/wp-json/wp/v2/plugins/fess/fess').set('Authorization', asAdmin).send({ status: 'inactive' }).expect(200);
      const without = documents(site);
      expect(without.has('fess/v1')).toBe(false);
      expect(Object.keys(without.get(undefined)!.paths).some((p) => p.startsWith('/wp-json/fess/'))).toBe(false);
      expect(documentOperations(without.get(undefined)!)).toEqual(await indexOperations(site));
      await request(site.app).post('/wp-json/wp/v2/plugins/fess/fess').set('Authorization', asAdmin).send({ status: 'active' }).expect(200);
      expect(documentOperations(documents(site).get(undefined)!)).toEqual(await indexOperations(site));
      // The response check follows too: a fess answer after reactivation is checked against fess's operations.
      await request(site.app).get('/wp-json/fess/v1/json').expect(200);
    } finally {
      await site.close();
    }
  });

  it('gives each namespace document only its own paths, with every vendor token scheme in its document', () => {
    for (const [ns, doc] of docs) {
      if (ns === undefined) continue;
      for (const p of Object.keys(doc.paths)) expect(p.startsWith(`/wp-json/${ns}`)).toBe(true);
    }
    const schemes = (ns: string) => docs.get(ns)!.components.securitySchemes;
    expect(schemes('availo/v1').availoAccessToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'access_token' });
    expect(schemes('purewl/v1').atomAccessToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-AccessToken' });
    expect(schemes('pkmnapi/v1').pkmnapiBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes('fess/v1').fessTokenParameter).toMatchObject({ type: 'apiKey', in: 'query', name: 'token' });
    expect(schemes('fess/v1').fessBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(docs.get(undefined)!.components.securitySchemes.wpApplicationPassword).toMatchObject({ type: 'http', scheme: 'basic' });
  });

  it('turns WordPress route patterns into path templates and declared args into parameters', () => {
    const site = docs.get(undefined)!;
    const get = site.paths['/wp-json/wp/v2/users/{user_id}/application-passwords/{uuid}'].get;
    expect(get.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name)).toEqual(['user_id', 'uuid']);
    const create = site.paths['/wp-json/everest-backup/v1/access-token'].post;
    expect(create.security).toEqual([{ wpApplicationPassword: [] }]);
    expect(create.requestBody.content['application/json'].example).toEqual({ action: 'Test action' });
  });

  it('keeps the committed copies in docs/openapi/ equal to the generated documents (UPDATE_OPENAPI=1 rewrites them)', () => {
    for (const [ns, doc] of docs) {
      const file = fileOf(ns);
      if (process.env.UPDATE_OPENAPI) {
        fs.mkdirSync(DOCS, { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
      }
      expect({ file: path.basename(file), doc: JSON.parse(fs.readFileSync(file, 'utf8')) }).toEqual({ file: path.basename(file), doc });
    }
    const committed = fs.readdirSync(DOCS).filter((f) => f.endsWith('.json')).sort();
    expect(committed).toEqual([...docs.keys()].map((ns) => path.basename(fileOf(ns))).sort());
  });

  it('writes YAML that reads back as the same document', () => {
    const site = docs.get(undefined)!;
    expect(YAML.parse(toYaml(site))).toEqual(site);
  });
});
