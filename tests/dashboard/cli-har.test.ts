/**
 * `wp-token-emulator journal export --har` against a running server: HAR 1.2 on standard output
 * (valid by the schema, filtered like `journal list`, no secret), and a clear error without --har.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { CliError, type CliIO } from '../../core/cli';
import type { EmulatorApp } from '../../plugin/app';
import { controlCommands } from '../../wp-json/emulator/v1/cli';
import { ADMIN_PASSWORD, asAdmin, basic, standardApp } from '../helpers';
import { harErrors } from './har-schema';

let emu: EmulatorApp;
let server: http.Server;
let url: string;
beforeAll(async () => {
  emu = await standardApp({ clock: '2030-01-01T00:00:00Z' });
  server = http.createServer(emu.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', asAdmin).expect(200);
  await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', basic('admin', 'BAD0 BAD0 BAD0 BAD0 BAD0 BAD0')).expect(401);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await emu.close();
});

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = { out: (t) => (out += t + '\n'), err: () => undefined, isTTY: false };
  const code = await controlCommands.journal!.run([...argv, `--url=${url}`, '--user=admin', `--password=${ADMIN_PASSWORD}`], io, {});
  return { code, out };
}

it('journal export --har prints the journal as HAR 1.2, with the journal filters and no secret', async () => {
  const all = await run(['export', '--har']);
  expect(all.code).toBe(0);
  const har = JSON.parse(all.out);
  expect(harErrors(har)).toEqual([]);
  expect(har.log.entries.map((e: { response: { status: number } }) => e.response.status)).toEqual([200, 401]);
  expect(all.out).not.toContain(ADMIN_PASSWORD);
  expect(all.out).not.toContain('BAD0 BAD0');
  const only = JSON.parse((await run(['export', '--har', '--status=4xx'])).out);
  expect(only.log.entries).toHaveLength(1);
  expect(only.log.entries[0]._emulator.auth.failure).toBe('wrong-password');
});

it('journal export without --har says what is missing', async () => {
  await expect(run(['export'])).rejects.toThrow(CliError);
  await expect(run(['export'])).rejects.toThrow('journal export writes HAR 1.2: add --har.');
});
