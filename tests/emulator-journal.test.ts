import request from 'supertest';
import { createClock } from '../core/clock';
import type { RequestContext } from '../core/pipeline/context';
import { Journal, type JournalEntry } from '../wp-json/emulator/v1/journal/journal';
import { journalStage } from '../wp-json/emulator/v1/journal/stage';
import type { EmulatorApp } from '../plugin/app';
import { emulator } from '../wp-json/emulator/v1';
import { demoVendor } from './emulator-demo-vendor';
import { asAdmin, standardApp } from './helpers';

/**
 * The request journal's bounds: what it keeps of big bodies and long strings, its ring buffer, and
 * when it keeps nothing at all (JOURNAL_SIZE=0, EMULATOR_API=off, no emulator module).
 */

const START = '2030-01-01T00:00:00.000Z';

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await standardApp({ namespaces: [demoVendor, emulator], settings: { CLOCK_START: START } });
});
afterEach(async () => {
  await emu.close();
});

const only = (emu: EmulatorApp): JournalEntry => {
  const entries = emu.journal.list();
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

describe('journal: big bodies are cut, secrets still blanked', () => {
  it('keeps at most the first 4 KB of a request body above 64 KB, as text with secret fields blanked', async () => {
    const secret = 'request-secret-value-1234';
    const body = JSON.stringify({ password: secret, token: 'abc', padding: 'x'.repeat(100_000) });
    await request(emu.app).post('/wp-json/demo/v1/revoke').set('Content-Type', 'application/json').send(body);
    const entry = only(emu);
    expect(typeof entry.request.body).toBe('string');
    const kept = entry.request.body as string;
    expect(kept.startsWith('{"password":"[redacted]","token":"[redacted]","padding":"xxx')).toBe(true);
    expect(kept).toMatch(new RegExp(`… \\[${Buffer.byteLength(body)} bytes in all\\]$`));
    expect(kept.length).toBeLessThan(4200);
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it('cuts long strings in a JSON request body and in query values to 1 KB', async () => {
    await request(emu.app)
      .post(`/wp-json/demo/v1/revoke?q=${'q'.repeat(3000)}`)
      .send({ token: 'short', note: 'n'.repeat(5000), list: ['l'.repeat(2000)] });
    const entry = only(emu);
    const body = entry.request.body as { note: string; list: string[] };
    expect(body.note).toBe(`${'n'.repeat(1024)}… [3976 more characters]`);
    expect(body.list[0]).toBe(`${'l'.repeat(1024)}… [976 more characters]`);
    expect((entry.request.query as { q: string }).q).toBe(`${'q'.repeat(1024)}… [1976 more characters]`);
  });

  it('keeps a form body above 64 KB as text with its secret fields blanked', async () => {
    const secret = 'form-secret-value-5678';
    const body = `note=keep&password=${secret}&padding=${'p'.repeat(70_000)}`;
    await request(emu.app).post('/wp-json/demo/v1/revoke').type('form').send(body);
    const kept = only(emu).request.body as string;
    expect(kept.startsWith('note=keep&password=[redacted]&padding=ppp')).toBe(true);
    expect(kept).not.toContain(secret);
  });

  it('cuts a response above 64 KB, blanking its secret fields even though it cannot be parsed', async () => {
    const secret = 'response-access-token-0123456789';
    emu.faults.add({ path: '/wp-json/demo/v1/whoami', status: 200, body: { accessToken: secret, data: 'z'.repeat(70_000) } });
    const res = await request(emu.app).get('/wp-json/demo/v1/whoami');
    expect(res.body.accessToken).toBe(secret);
    const entry = only(emu);
    const kept = entry.response.body as string;
    expect(typeof kept).toBe('string');
    expect(kept.startsWith('{"accessToken":"[redacted]","data":"zzz')).toBe(true);
    expect(kept).toMatch(new RegExp(`… \\[${res.text.length} bytes in all\\]$`));
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it('cuts long strings of a whole JSON response', async () => {
    emu.faults.add({ path: '/wp-json/demo/v1/whoami', status: 200, body: { note: 'r'.repeat(3000) } });
    await request(emu.app).get('/wp-json/demo/v1/whoami');
    expect(only(emu).response.body).toEqual({ note: `${'r'.repeat(1024)}… [1976 more characters]` });
  });

  it('blanks secret fields of JSON sent as text/plain or invalid JSON, and their values wherever they are echoed', async () => {
    const secret = 'plain-text-secret-value';
    await request(emu.app).post('/wp-json/demo/v1/revoke').set('Content-Type', 'text/plain').send(`{"secretKey":"${secret}","a":1}`);
    await request(emu.app).post('/wp-json/demo/v1/revoke').set('Content-Type', 'application/json').send(`{"password": "${secret}", oops`);
    const [plain, invalid] = emu.journal.list();
    expect(plain!.request.body).toBe('{"secretKey":"[redacted]","a":1}');
    expect(invalid!.request.body).toBe('{"password": "[redacted]", oops');
    expect(JSON.stringify(emu.journal.list())).not.toContain(secret);
  });
});

describe('journal: the ring buffer', () => {
  const entry = (n: number): Omit<JournalEntry, 'id'> => ({
    time: START,
    method: 'GET',
    path: `/p${n}`,
    route: null,
    namespace: null,
    status: 200,
    durationMs: 0,
    user: null,
    auth: { method: null, failure: 'no-credentials' },
    fault: null,
    request: { headers: {}, query: {}, body: null },
    response: { headers: {}, body: null },
  });

  it('keeps the last `size` entries oldest first across many wrap-arounds; filters, limit and clear work on it', () => {
    const journal = new Journal(3);
    for (let n = 1; n <= 10; n++) journal.record(entry(n));
    expect(journal.length).toBe(3);
    expect(journal.list().map((e) => [e.id, e.path])).toEqual([
      [8, '/p8'],
      [9, '/p9'],
      [10, '/p10'],
    ]);
    expect(journal.list({ limit: 2 }).map((e) => e.id)).toEqual([9, 10]);
    expect(journal.list({ path: '/p9' }).map((e) => e.id)).toEqual([9]);
    expect(journal.clear()).toBe(3);
    expect(journal.list()).toEqual([]);
    journal.record(entry(11));
    journal.record(entry(12));
    expect(journal.list().map((e) => e.id)).toEqual([11, 12]);
    expect(() => journal.list({ limit: 0 })).toThrow(/limit/);
  });

  it('an entry recorded as a function is built only when the journal is read, and only once', () => {
    const journal = new Journal(2);
    const build = jest.fn(() => entry(1));
    journal.record(build);
    expect(build).not.toHaveBeenCalled();
    expect(journal.list().map((e) => e.path)).toEqual(['/p1']);
    expect(journal.list()).toHaveLength(1);
    expect(build).toHaveBeenCalledTimes(1);
    journal.record(() => entry(2));
    journal.record(() => entry(3)); // pushes the unread first one out: never built
    expect(journal.list().map((e) => e.id)).toEqual([2, 3]);
  });

  it('size 0 keeps nothing but still numbers what it is given', () => {
    const journal = new Journal(0);
    expect(journal.record(entry(1))).toBe(1);
    expect(journal.record(entry(2))).toBe(2);
    expect(journal.list()).toEqual([]);
    expect(journal.clear()).toBe(0);
  });
});

describe('journal: when it keeps nothing', () => {
  it('is JOURNAL_SIZE long with the control API on, 0 with it off; without the emulator module there is none', async () => {
    const sized = await standardApp({ namespaces: [demoVendor, emulator], settings: { JOURNAL_SIZE: 7 } });
    const off = await standardApp({ namespaces: [demoVendor, emulator], settings: { EMULATOR_API: 'off', JOURNAL_SIZE: 7 } });
    const without = await standardApp({ namespaces: [demoVendor] });
    try {
      expect(emu.journal.size).toBe(100);
      expect(sized.journal.size).toBe(7);
      expect(off.journal.size).toBe(0);
      expect('journal' in without).toBe(false);
      for (const app of [sized, off, without]) await request(app.app).get('/wp-json/demo/v1/whoami').set('Authorization', asAdmin);
      expect(sized.journal.list()).toHaveLength(1);
      expect(off.journal.list()).toEqual([]);
    } finally {
      await Promise.all([sized.close(), off.close(), without.close()]);
    }
  });

  it('with size 0 the stage looks at nothing: not the context, not the answer', () => {
    const exempt = jest.fn(() => false);
    const stage = journalStage(new Journal(0), exempt);
    const touched: string[] = [];
    const ctx = new Proxy({}, { get: (_t, name) => (touched.push(String(name)), undefined) }) as RequestContext;
    stage.afterResponse!(ctx);
    expect(exempt).not.toHaveBeenCalled();
    expect(touched).toEqual([]);
  });
});
