import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectAfterOpeningLargeStore } from '../../plugin/serve';

describe('one full collection after opening a large store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-gc-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is skipped for a memory store, a missing file and a small one', () => {
    expect(collectAfterOpeningLargeStore(null)).toBe(false);
    expect(collectAfterOpeningLargeStore(path.join(dir, 'none.json'))).toBe(false);
    const small = path.join(dir, 'small.json');
    fs.writeFileSync(small, '{}');
    expect(collectAfterOpeningLargeStore(small)).toBe(false);
  });

  it('runs for a store of 8 MB or more (snapshot and log together), without exposing gc globally', () => {
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 5 * 1024 * 1024);
    expect(collectAfterOpeningLargeStore(big)).toBe(false);
    fs.writeFileSync(`${big}.wal`, '');
    fs.truncateSync(`${big}.wal`, 4 * 1024 * 1024);
    const hadGc = typeof (globalThis as { gc?: unknown }).gc;
    expect(collectAfterOpeningLargeStore(big)).toBe(true);
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(hadGc);
  });
});
