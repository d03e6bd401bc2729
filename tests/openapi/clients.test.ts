import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import createClient, { type Middleware } from 'openapi-fetch';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp } from '../helpers';
import { checkResponse } from './response-check';
import { documentOf } from './response-hook';
import type { paths as Availo } from './types/availo-v1';
import type { paths as Emulator } from './types/emulator-v1';
import type { paths as Everest } from './types/everest-backup-v1';
import type { paths as Fess } from './types/fess-v1';
import type { paths as Pkmnapi } from './types/pkmnapi-v1';
import type { paths as PureWl } from './types/purewl-v1';
import type { paths as WpV2 } from './types/wp-v2';

/**
 * Each vendor's token flow, run by a client generated from the committed OpenAPI document
 * (openapi-typescript types from docs/openapi/<namespace>.json, openapi-fetch) against a server the
 * test starts: what a user who generates a client from the document gets. Every answer the clients
 * receive is checked against the document as well (status, content type, body schema).
 */
describe('clients generated from the OpenAPI documents', () => {
  let emu: EmulatorApp;
  let server: Server;
  let baseUrl: string;
  const admin = { Authorization: asAdmin };
  beforeAll(async () => {
    emu = await standardApp();
    server = emu.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  /** A generated client whose every answer is checked against the site's document. */
  function client<Paths extends {}>(headers: Record<string, string> = {}) {
    const checked: Middleware = {
      async onResponse({ request, response }) {
        const text = await response.clone().text();
        const violation = checkResponse(documentOf(emu), {
          method: request.method,
          url: request.url,
          status: response.status,
          contentType: response.headers.get('content-type') ?? undefined,
          text: text === '' ? undefined : text,
        });
        if (violation) throw new Error(`OpenAPI response check: ${violation}`);
      },
    };
    const c = createClient<Paths>({ baseUrl, headers });
    c.use(checked);
    return c;
  }
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await emu.close();
  });

  it('use types that are what openapi-typescript generates from docs/openapi/ today', () => {
    const stale = execFileSync(process.execPath, [path.join(__dirname, 'generate-types.mjs')], { encoding: 'utf8' });
    expect(JSON.parse(stale)).toEqual([]);
  });

  it('wp/v2: creates an application password and signs in with it', async () => {
    const wp = client<WpV2>();
    const created = await wp.POST('/wp-json/wp/v2/users/{user_id}/application-passwords', { params: { path: { user_id: 'me' } }, body: { name: 'generated client' }, headers: admin });
    expect(created.response.status).toBe(201);
    const password = (created.data as { password: string }).password;
    const me = await wp.GET('/wp-json/wp/v2/users/me', { headers: { Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` } });
    expect(me.response.status).toBe(200);
    expect(me.data).toMatchObject({ slug: 'admin' });
  });

  it('everest-backup/v1: an access token for an action, then a manual backup with it', async () => {
    const everest = client<Everest>(admin);
    const token = await everest.POST('/wp-json/everest-backup/v1/access-token', { body: { action: 'Test action' } });
    expect(token.data).toMatchObject({ action: 'ebwp-test-action' });
    const backup = await everest.POST('/wp-json/everest-backup/v1/manual-backup', { body: { access_token: token.data!.access_token, ignore_media: 'yes' } });
    expect(backup.response.status).toBe(200);
    const refused = await everest.POST('/wp-json/everest-backup/v1/manual-backup', { body: { access_token: '0:0' } });
    expect(refused.response.status).toBe(400);
  });

  it('availo/v1: an account, a token for it, and a call with the access_token header', async () => {
    const availo = client<Availo>();
    await availo.POST('/wp-json/availo/v1/accounts', { body: { AccountCode: 'CLIENT1', Password: 'client-secret-1' }, headers: admin });
    const token = await availo.POST('/wp-json/availo/v1/api/Account/Generatetoken', { body: { AccountCode: 'CLIENT1', Password: 'client-secret-1' }, headers: admin });
    const accessToken = (token.data as { Data: { accessToken: string } }).Data.accessToken;
    const call = await availo.GET('/wp-json/availo/v1/api/{path}', { params: { path: { path: 'Profile' } }, headers: { access_token: accessToken } });
    expect(call.data).toMatchObject({ status: true, Data: { accountCode: 'CLIENT1' } });
    const refused = await availo.GET('/wp-json/availo/v1/api/{path}', { params: { path: { path: 'Profile' } }, headers: { access_token: 'nope' } });
    expect(refused.response.status).toBe(401);
    expect(refused.error).toMatchObject({ status: false });
  });

  it('purewl/v1: a reseller, an access token by secret, a call with X-AccessToken, a refresh', async () => {
    const atom = client<PureWl>();
    const reseller = await atom.POST('/wp-json/purewl/v1/resellers', { body: { resellerUid: 'client-reseller' }, headers: admin });
    const secretKey = reseller.data!.body.secretKey!;
    const token = await atom.POST('/wp-json/purewl/v1/auth/v1/accessToken', { body: { grantType: 'secret', secretKey }, headers: admin });
    const { accessToken, refreshToken } = token.data!.body;
    const call = await atom.GET('/wp-json/purewl/v1/{path}', { params: { path: { path: 'inventory' } }, headers: { 'X-AccessToken': accessToken } });
    expect(call.data!.body).toMatchObject({ path: '/inventory', resellerUid: 'client-reseller' });
    const refreshed = await atom.POST('/wp-json/purewl/v1/auth/v1/accessToken', { body: { grantType: 'refresh', refreshToken }, headers: admin });
    expect(refreshed.data!.body.accessToken).not.toBe(accessToken);
  });

  it('pkmnapi/v1: a token by e-mail, used as a Bearer token, then deleted with the mailed code', async () => {
    const pkmnapi = client<Pkmnapi>(admin);
    const email = 'client@example.com';
    const asked = await pkmnapi.POST('/wp-json/pkmnapi/v1/access_tokens', { body: { data: { type: 'access_tokens', attributes: { email_address: email } } } });
    expect(asked.response.status).toBe(201);
    const token = /access token: (\S+)/.exec(emu.outbox.list({ to: email }).at(-1)!.text)![1];
    const roms = await pkmnapi.GET('/wp-json/pkmnapi/v1/roms', { headers: { Authorization: `Bearer ${token}` } });
    expect(roms.error).toMatchObject({ data: { type: 'errors', id: 'error_roms_no_rom' } });
    emu.clock.advance(601);
    await pkmnapi.POST('/wp-json/pkmnapi/v1/access_tokens/delete', { body: { data: { type: 'access_tokens', attributes: { email_address: email } } } });
    const code = /code=(\w+)/.exec(emu.outbox.list({ to: email }).at(-1)!.text)![1];
    const deleted = await pkmnapi.DELETE('/wp-json/pkmnapi/v1/access_tokens', { body: { data: { type: 'access_tokens', attributes: { code, email_address: email } } } });
    expect(deleted.response.status).toBe(204);
    const emulator = client<Emulator>(admin);
    const introspected = await emulator.POST('/wp-json/emulator/v1/tokens/introspect', { body: { token } });
    expect(introspected.data).toMatchObject({ active: false });
  });

  it('fess/v1: an access token made by an admin, then a search with it as Bearer and as the token parameter', async () => {
    const fess = client<Fess>();
    const created = await fess.POST('/wp-json/fess/v1/api/admin/accesstoken/setting', { body: { name: 'client bot' }, headers: admin });
    const token = (created.data as { response: { token: string } }).response.token;
    const bearer = await fess.GET('/wp-json/fess/v1/json', { params: { query: { q: 'wordpress' } }, headers: { Authorization: `Bearer ${token}` } });
    expect(bearer.data).toMatchObject({ response: { status: 0, q: 'wordpress' } });
    const byParameter = await fess.GET('/wp-json/fess/v1/json', { params: { query: { q: 'x', token } as { q: string } } });
    expect(byParameter.data).toMatchObject({ response: { status: 0 } });
    const refused = await fess.GET('/wp-json/fess/v1/json', { headers: { Authorization: 'Bearer nope' } });
    expect(refused.response.status).toBe(401);
  });
});
