import request from 'supertest';
import { standardApp } from '../../../../tests/helpers';
import { Journal, type JournalEntry } from './journal';

/** The journal's byte budget (JOURNAL_MAX_BYTES): the oldest entries go once the kept ones hold too much. */

const entry = (n: number): Omit<JournalEntry, 'id'> => ({
  time: '2030-01-01T00:00:00.000Z',
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

describe('journal: byte budget', () => {
  it('drops the oldest entries while the total is over maxBytes, counting what each holds', () => {
    const journal = new Journal(100, 1000);
    for (let n = 1; n <= 10; n++) journal.record(entry(n), 300);
    // 3 × 300 = 900 fit; a 4th would make 1200.
    expect(journal.list().map((e) => e.path)).toEqual(['/p8', '/p9', '/p10']);
    expect(journal.bytes).toBe(900);
    journal.clear();
    expect(journal.bytes).toBe(0);
  });

  it('always keeps the newest entry, even one larger than the whole budget', () => {
    const journal = new Journal(10, 1000);
    journal.record(entry(1), 100);
    journal.record(entry(2), 5000);
    expect(journal.list().map((e) => e.path)).toEqual(['/p2']);
    expect(journal.bytes).toBe(5000);
  });

  it('the entry count still bounds it when the bytes fit, and the byte total follows evictions by count', () => {
    const journal = new Journal(2, 1_000_000);
    for (let n = 1; n <= 5; n++) journal.record(entry(n), n * 10);
    expect(journal.list().map((e) => e.path)).toEqual(['/p4', '/p5']);
    expect(journal.bytes).toBe(90);
  });

  it('over HTTP: large bodies keep the journal within JOURNAL_MAX_BYTES (1 MB here), newest entries kept', async () => {
    const emu = await standardApp({ settings: { JOURNAL_SIZE: 1000, JOURNAL_MAX_BYTES: 1_048_576, BODY_LIMIT: 1_048_576 } });
    try {
      const big = 'x'.repeat(200_000);
      for (let n = 0; n < 40; n++) {
        await request(emu.app).post(`/wp-json/everest-backup/v1/nothing-${n}`).set('Content-Type', 'text/plain').send(big);
      }
      // Each entry holds 64 KB of its request body (the rest is counted, not kept): 40 of them would be 2.6 MB.
      expect(emu.journal.bytes).toBeLessThanOrEqual(1_048_576);
      expect(emu.journal.bytes).toBeGreaterThan(900_000);
      const kept = emu.journal.list();
      expect(kept.length).toBeGreaterThan(10);
      expect(kept.length).toBeLessThan(40);
      expect(kept[kept.length - 1]!.path).toBe('/wp-json/everest-backup/v1/nothing-39');
      expect(kept[0]!.request.body).toMatch(/… \[200000 bytes in all\]$/);
    } finally {
      await emu.close();
    }
  });

  it('rejects a JOURNAL_MAX_BYTES below 1 MB, naming it', async () => {
    await expect(standardApp({ settings: { JOURNAL_MAX_BYTES: 1000 } })).rejects.toThrow(/JOURNAL_MAX_BYTES/);
  });
});
