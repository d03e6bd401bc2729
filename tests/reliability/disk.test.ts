import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { nodeFs, parseData, type StoreFs } from '../../core/store';
import { WriteAheadLog } from '../../core/store/wal';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp, standardFixtures } from '../helpers';

/**
 * The disk full (ENOSPC) or read-only (EROFS) while the server runs: every write route answers 503 in
 * its own envelope, nothing is half-written on disk, reads go on working, and writes succeed again
 * as soon as the disk does — durably.
 *
 * The failure is injected through createApp's `storeFs` (core/store/durable-file.ts): this machine's
 * tests run as root, and root ignores file permissions (chmod 0444 / 0555 does not stop it writing),
 * so a chmod-based read-only directory would prove nothing here. The injected disk behaves as a real
 * one does: ENOSPC writes part of the buffer before failing, EROFS writes nothing and refuses truncate.
 */

/**
 * ENOSPC: the write call fails after part of the buffer reached the file.
 * ENOSPC-short: what write(2) really does when the disk fills mid-buffer: it returns a short count
 * without an error, and only the next call fails with ENOSPC.
 */
type Mode = 'ENOSPC' | 'ENOSPC-short' | 'EROFS' | null;

function failingDisk() {
  let mode: Mode = null;
  const failures = { count: 0 };
  const error = (code: string) => {
    if (code === 'ENOSPC-short') code = 'ENOSPC';
    failures.count++;
    return Object.assign(new Error(`${code}: simulated ${code === 'ENOSPC' ? 'no space left on device' : 'read-only file system'}`), { code });
  };
  const storeFs: StoreFs = {
    ...nodeFs,
    async open(file, flags) {
      if (mode === 'EROFS' && flags !== 'r') throw error('EROFS');
      const handle = await nodeFs.open(file, flags);
      const inner = handle as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const write = inner.write!.bind(handle);
      const writeFile = inner.writeFile!.bind(handle);
      const truncate = inner.truncate!.bind(handle);
      const datasync = inner.datasync!.bind(handle);
      const sync = inner.sync!.bind(handle);
      let shortWritten = false;
      inner.write = async (...args: unknown[]) => {
        if (mode === 'ENOSPC-short') {
          if (shortWritten) throw error('ENOSPC');
          shortWritten = true;
          const [buffer, offset = 0, length = (args[0] as Buffer).length] = args as [Buffer, number?, number?];
          const half = Math.max(1, Math.floor(length / 2));
          return write(buffer, offset, half, null); // { bytesWritten: half }: no error, just short
        }
        shortWritten = false;
        if (mode === 'ENOSPC') {
          // A full disk takes what fits, then refuses: half a log line reaches the file.
          const buffer = args[0] as Buffer;
          await write(buffer, 0, Math.floor(buffer.length / 2), null);
          throw error('ENOSPC');
        }
        if (mode === 'EROFS') throw error('EROFS');
        return write(...args);
      };
      inner.writeFile = async (...args: unknown[]) => {
        if (mode === 'ENOSPC' || mode === 'ENOSPC-short') {
          const text = String(args[0]);
          await writeFile(text.slice(0, Math.floor(text.length / 2)), 'utf8');
          throw error('ENOSPC');
        }
        if (mode === 'EROFS') throw error('EROFS');
        return writeFile(...args);
      };
      inner.truncate = async (...args: unknown[]) => {
        if (mode === 'EROFS') throw error('EROFS');
        return truncate(...args);
      };
      // After a short write the bytes that did reach the file sync fine: only the write was short.
      inner.datasync = async () => {
        if (mode && mode !== 'ENOSPC-short') throw error(mode);
        return datasync();
      };
      inner.sync = async () => {
        if (mode && mode !== 'ENOSPC-short') throw error(mode);
        return sync();
      };
      return handle;
    },
    async rename(from, to) {
      if (mode) throw error(mode);
      return nodeFs.rename(from, to);
    },
  };
  return { storeFs, failures, set: (m: Mode) => (mode = m) };
}

const SECRET_KEY = 'disk-test-secret-key-0001';
const fixtures = {
  ...standardFixtures,
  availo: { accounts: [{ AccountCode: 'DISK', Password: 'disk password' }] },
  purewl: { resellers: [{ secretKey: SECRET_KEY, resellerId: 77, resellerUid: 'disk-vpn' }] },
};

let dir: string;
let file: string;
let emu: EmulatorApp;
let disk: ReturnType<typeof failingDisk>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-disk-'));
  file = path.join(dir, 'db.json');
  disk = failingDisk();
  emu = await standardApp({ fixtures, storeFs: disk.storeFs, settings: { DB_FILE: file, PKMNAPI_RATE_LIMIT: 0 } });
});
afterEach(async () => {
  disk.set(null);
  await emu.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (route: string, body: unknown) => request(emu.app).post(route).set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify(body));

let n = 0;
/** Every write route of every namespace that writes, with the 503 body its envelope gives. */
const writes: Array<{ name: string; send: () => request.Test; ok: number; unavailable: (body: any) => void }> = [
  {
    name: 'wp/v2 application-password create (WordPress envelope)',
    send: () => post('/wp-json/wp/v2/users/me/application-passwords', { name: `disk ${++n}` }),
    ok: 201,
    unavailable: (body) => expect(body).toEqual({ code: 'rest_store_unavailable', message: expect.stringContaining('could not be saved'), data: { status: 503 } }),
  },
  {
    name: 'wp/v2 application-passwords delete-all (WordPress envelope)',
    send: () => request(emu.app).delete('/wp-json/wp/v2/users/2/application-passwords').set('Authorization', asAdmin),
    ok: 200,
    unavailable: (body) => expect(body.code).toBe('rest_store_unavailable'),
  },
  {
    name: 'Availo account create (Availo envelope)',
    send: () => post('/wp-json/availo/v1/accounts', { AccountCode: `DISK-${++n}` }),
    ok: 201,
    unavailable: (body) => expect(body).toEqual({ Data: null, status: false, message: expect.stringContaining('could not be saved') }),
  },
  {
    name: 'PureWL token issuance (Atom envelope, 5030)',
    send: () => post('/wp-json/purewl/v1/auth/v1/accessToken', { grantType: 'secret', secretKey: SECRET_KEY }),
    ok: 200,
    unavailable: (body) => expect(body).toEqual({ header: { code: 5030, message: expect.any(String), response_code: 0 }, body: {} }),
  },
  {
    name: 'pkmnapi access_tokens create (pkmnapi envelope)',
    send: () => post('/wp-json/pkmnapi/v1/access_tokens', { data: { type: 'access_tokens', attributes: { email_address: `disk-${++n}@example.com` } } }),
    ok: 201,
    unavailable: (body) => expect(body).toEqual({ data: { id: 'error_internal_server', type: 'errors', attributes: { message: expect.stringContaining('could not be saved') } } }),
  },
  {
    name: 'Fess access-token setting create (Fess envelope, status 2)',
    send: () => post('/wp-json/fess/v1/api/admin/accesstoken/setting', { name: `disk ${++n}`, permissions: ['guest'] }),
    ok: 200,
    unavailable: (body) => expect(body).toEqual({ response: { version: expect.any(String), status: 2, message: expect.stringContaining('could not be saved') } }),
  },
  {
    name: 'emulator outbox clear (WordPress envelope)',
    send: () => {
      emu.mailer.send({ to: 'x@example.com', subject: 's', text: 't', from: 'core' }).catch(() => undefined);
      return request(emu.app).delete('/wp-json/emulator/v1/outbox').set('Authorization', asAdmin);
    },
    ok: 200,
    unavailable: (body) => expect(body.code).toBe('rest_store_unavailable'),
  },
];

/** The store's files as they are on disk: bytes, and whether a reader could open them. */
async function onDisk() {
  const snapshot = fs.readFileSync(file);
  const wal = fs.existsSync(`${file}.wal`) ? fs.readFileSync(`${file}.wal`) : Buffer.alloc(0);
  const data = parseData(file, snapshot.toString('utf8'));
  const log = await new WriteAheadLog(`${file}.wal`).read(data.seq);
  return { snapshot, wal, torn: log.totalBytes - log.goodBytes, temps: fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')) };
}

describe.each(['ENOSPC', 'ENOSPC-short', 'EROFS'] as const)('%s at runtime', (mode) => {
  it.each(writes.map((w) => [w.name, w] as const))('%s: 503 in the envelope, nothing half-written on disk, then 2xx once the disk is back', async (_name, w) => {
    const before = await onDisk();
    disk.set(mode);
    const failed = await w.send();
    expect(failed.status).toBe(503);
    w.unavailable(failed.body);
    expect(JSON.stringify(failed.body)).not.toMatch(/\n\s+at |Error:|ENOSPC|EROFS/); // no stack trace, no errno
    expect(disk.failures.count).toBeGreaterThan(0);

    const during = await onDisk();
    expect(during.snapshot.equals(before.snapshot)).toBe(true);
    expect(during.wal.equals(before.wal)).toBe(true); // the half line was cut back (ENOSPC)
    expect(during.torn).toBe(0);
    expect(during.temps).toEqual([]);

    disk.set(null);
    const again = await w.send();
    expect(again.status).toBe(w.ok);
    expect(emu.store.degraded).toBeNull();
    const after = await onDisk();
    expect(after.wal.length).toBeGreaterThan(before.wal.length);
    expect(after.torn).toBe(0);
  });

  it('reads and routes that write nothing keep working while the disk refuses (Everest Backup access-token, lists, token use)', async () => {
    const issued = await post('/wp-json/purewl/v1/auth/v1/accessToken', { grantType: 'secret', secretKey: SECRET_KEY });
    expect(issued.status).toBe(200);
    disk.set(mode);
    expect((await request(emu.app).get('/wp-json/wp/v2/users/me').set('Authorization', asAdmin)).status).toBe(200);
    expect((await request(emu.app).get('/wp-json/availo/v1/accounts').set('Authorization', asAdmin)).status).toBe(200);
    expect((await request(emu.app).get('/wp-json/purewl/v1/inventory/v1/servers').set('X-AccessToken', issued.body.body.accessToken)).status).toBe(200);
    const everest = await post('/wp-json/everest-backup/v1/access-token', { action: 'backup' });
    expect(everest.status).toBe(200);
    expect(everest.body.access_token).toMatch(/^[0-9a-f]{10}:[0-9a-f]{32}$/);
    // Availo's token endpoint signs a JWT and stores nothing.
    const token = await post('/wp-json/availo/v1/api/Account/Generatetoken', { AccountCode: 'DISK', Password: 'disk password' });
    expect(token.status).toBe(200);
    expect(token.body.Data.accessToken).toMatch(/^eyJ/);
  });

  it('a PureWL refresh answered 503 leaves no trace: the refresh token stays usable and the retry succeeds', async () => {
    const issued = await post('/wp-json/purewl/v1/auth/v1/accessToken', { grantType: 'secret', secretKey: SECRET_KEY });
    disk.set(mode);
    const failed = await post('/wp-json/purewl/v1/auth/v1/accessToken', { grantType: 'refresh', refreshToken: issued.body.body.refreshToken });
    expect(failed.status).toBe(503);
    expect(failed.body.header.code).toBe(5030);
    disk.set(null);
    const retried = await post('/wp-json/purewl/v1/auth/v1/accessToken', { grantType: 'refresh', refreshToken: issued.body.body.refreshToken });
    expect(retried.status).toBe(200);
    expect(retried.body.body.accessToken).toMatch(/^atom_at_/);
  });

  it('after recovery, what the server answered 2xx to is durable, and a restart shows exactly what the server showed', async () => {
    const acked: string[] = [];
    disk.set(mode);
    for (let i = 0; i < 5; i++) expect((await post('/wp-json/availo/v1/accounts', { AccountCode: `DOWN-${i}` })).status).toBe(503);
    disk.set(null);
    for (let i = 0; i < 5; i++) {
      const res = await post('/wp-json/availo/v1/accounts', { AccountCode: `UP-${i}` });
      expect(res.status).toBe(201);
      acked.push(`UP-${i}`);
    }
    const served = (await request(emu.app).get('/wp-json/availo/v1/accounts').set('Authorization', asAdmin)).body.Data.map((a: { accountCode: string }) => a.accountCode).sort();
    // Crash-like: no final snapshot, just the log. Then a fresh process opens the same file.
    const snapshot = fs.readFileSync(file);
    const wal = fs.readFileSync(`${file}.wal`);
    await emu.close();
    fs.writeFileSync(file, snapshot);
    fs.writeFileSync(`${file}.wal`, wal);
    emu = await standardApp({ fixtures, settings: { DB_FILE: file } });
    const reopened = (await request(emu.app).get('/wp-json/availo/v1/accounts').set('Authorization', asAdmin)).body.Data.map((a: { accountCode: string }) => a.accountCode).sort();
    for (const code of acked) expect(reopened).toContain(code);
    expect(reopened).toEqual(served);
  });
});
