import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFs, Store, StoreLockedError, StoreOpenError, StoreWriteError, type StoreFs } from '../../core/store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Lets go of a store without a final flush or snapshot, as a crash would (but closing its file handles). */
async function abandon(store: Store): Promise<void> {
  const inner = store as unknown as { lock: { release(): void }; wal: { close(): Promise<void> } };
  await inner.wal.close();
  inner.lock.release();
}

/** A file system that counts write-ahead-log appends and can be told to fail. */
function countingFs() {
  const counts = { walWrites: 0, snapshots: 0 };
  let failWith: string | null = null;
  const storeFs: StoreFs = {
    ...nodeFs,
    async open(file, flags) {
      const handle = await nodeFs.open(file, flags);
      if (file.endsWith('.wal')) {
        const write = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
        (handle as unknown as { write: unknown }).write = async (...args: unknown[]) => {
          if (failWith) throw Object.assign(new Error(failWith), { code: failWith });
          counts.walWrites++;
          return write(...args);
        };
      } else if (flags === 'w') {
        if (failWith) {
          await handle.close();
          throw Object.assign(new Error(failWith), { code: failWith });
        }
        counts.snapshots++;
      }
      return handle;
    },
  };
  return { storeFs, counts, fail: (code: string | null) => (failWith = code) };
}

describe('Store', () => {
  it('creates the file on first open, with the schema version and the app marker', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    expect(store.isNew).toBe(true);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(data).toMatchObject({ app: 'wp-token-emulator', schemaVersion: 1, collections: {} });
    await store.close();
  });

  it('with snapshotOnCreate false, a new file is written by the first commit, with what it holds', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file, snapshotOnCreate: false });
    expect(fs.existsSync(file)).toBe(false);
    store.collection<{ n: number }>('items').put('a', { n: 1 });
    await store.commit();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).collections).toEqual({ items: { a: { n: 1 } } });
    await store.close();
    const again = await Store.open({ file, snapshotOnCreate: false });
    expect(again.collection('items').get('a')).toEqual({ n: 1 });
    await again.close();
  });

  it('keeps committed changes across a reopen, through the write-ahead log', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    const things = store.collection<{ n: number }>('things');
    things.put('a', { n: 1 });
    things.put('b', { n: 2 });
    things.delete('a');
    await store.commit();
    // No close: as after a crash, only the log holds the changes.
    expect(fs.readFileSync(`${file}.wal`, 'utf8').trim().split('\n')).toHaveLength(3);
    await abandon(store);
    const again = await Store.open({ file });
    expect(again.isNew).toBe(false);
    expect(again.collection('things').get('b')).toEqual({ n: 2 });
    expect(again.collection('things').has('a')).toBe(false);
    await again.close();
    // close() writes a snapshot and empties the log
    expect(fs.readFileSync(`${file}.wal`, 'utf8')).toBe('');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).collections.things).toEqual({ b: { n: 2 } });
  });

  it('group commit: changes made while a flush runs share the next flush', async () => {
    const file = path.join(dir, 'db.json');
    const { storeFs, counts } = countingFs();
    const store = await Store.open({ file, fs: storeFs });
    const things = store.collection<number>('things');
    const before = counts.walWrites;
    const commits: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      things.put(String(i), i);
      commits.push(store.commit());
    }
    await Promise.all(commits);
    // the first commit flushes change 0; the 49 made while it ran share one more flush
    expect(counts.walWrites - before).toBe(2);
    await store.close();
    const reopened = await Store.open({ file });
    expect(reopened.collection('things').size).toBe(50);
    await reopened.close();
  });

  it('compacts: after N logged changes the snapshot is rewritten and the log emptied', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file, compactAfterChanges: 10 });
    const things = store.collection<number>('things');
    for (let i = 0; i < 9; i++) {
      things.put(String(i), i);
      await store.commit();
    }
    expect(fs.readFileSync(`${file}.wal`, 'utf8').split('\n').filter(Boolean)).toHaveLength(9);
    things.put('9', 9);
    await store.commit();
    expect(fs.readFileSync(`${file}.wal`, 'utf8')).toBe('');
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).collections.things)).toHaveLength(10);
    await store.close();
  });

  it('drops a torn last log line (a flush that never finished) and goes on', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    store.collection<number>('things').put('a', 1);
    await store.commit();
    await abandon(store);
    fs.appendFileSync(`${file}.wal`, '{"s":99,"c":"things","k":"b","v":');
    const again = await Store.open({ file });
    expect(again.collection('things').get('a')).toBe(1);
    expect(again.collection('things').has('b')).toBe(false);
    again.collection<number>('things').put('c', 3);
    await again.commit();
    await abandon(again);
    const third = await Store.open({ file });
    expect(third.collection('things').get('c')).toBe(3);
    await third.close();
  });

  it('replays only changes newer than the snapshot', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    const things = store.collection<string>('things');
    things.put('a', 'old');
    await store.commit();
    const staleLog = fs.readFileSync(`${file}.wal`, 'utf8');
    things.put('a', 'new');
    await store.close(); // snapshot holds 'new', log emptied
    fs.writeFileSync(`${file}.wal`, staleLog); // as if the crash came between snapshot and truncation
    const again = await Store.open({ file });
    expect(again.collection('things').get('a')).toBe('new');
    await again.close();
  });

  describe('refuses a file it cannot trust, and leaves it untouched', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['empty', '', /empty/],
      ['truncated', '{"app":"wp-token-emulator","schemaVersion":1,"seq":3,"collec', /invalid JSON/],
      ['invalid JSON', 'not json at all', /invalid JSON/],
      ['of another schema version', '{"app":"wp-token-emulator","schemaVersion":99,"seq":0,"collections":{}}', /schema version 99/],
      ['foreign JSON', '{"users":[{"name":"x"}]}', /not a wp-token-emulator store/],
      ['JSON but not an object', '[1,2,3]', /not a wp-token-emulator store/],
    ];
    it.each(cases)('%s', async (_name, content, reason) => {
      const file = path.join(dir, 'db.json');
      fs.writeFileSync(file, content);
      const before = fs.readFileSync(file);
      const error = await Store.open({ file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreOpenError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(reason);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.existsSync(`${file}.lock`)).toBe(false);
    });

    it('a corrupt line in the middle of the log', async () => {
      const file = path.join(dir, 'db.json');
      const store = await Store.open({ file });
      await store.close();
      fs.writeFileSync(`${file}.wal`, '{"s":1,"c":"t","k":"a","v":1}\ngarbage\n{"s":3,"c":"t","k":"b","v":2}\n');
      const before = fs.readFileSync(`${file}.wal`);
      await expect(Store.open({ file })).rejects.toThrow(/line 2 is corrupt/);
      expect(fs.readFileSync(`${file}.wal`).equals(before)).toBe(true);
    });
  });

  it('one writer per file: a second open is refused while the first is alive', async () => {
    const file = path.join(dir, 'db.json');
    const first = await Store.open({ file });
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, startedAt: 'x' })); // a live process that is not us
    await expect(Store.open({ file })).rejects.toBeInstanceOf(StoreLockedError);
    fs.unlinkSync(`${file}.lock`);
    await first.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const file = path.join(dir, 'db.json');
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 'x' }));
    const store = await Store.open({ file });
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    await store.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('a disk that refuses a write: commit rejects, nothing is half-written, and the change is kept for the next flush', async () => {
    const file = path.join(dir, 'db.json');
    const { storeFs, fail } = countingFs();
    const store = await Store.open({ file, fs: storeFs });
    const things = store.collection<number>('things');
    things.put('a', 1);
    await store.commit();
    const walBefore = fs.readFileSync(`${file}.wal`);
    fail('ENOSPC');
    things.put('b', 2);
    await expect(store.commit()).rejects.toBeInstanceOf(StoreWriteError);
    expect(store.degraded).not.toBeNull();
    expect(fs.readFileSync(`${file}.wal`).equals(walBefore)).toBe(true);
    fail(null);
    things.put('c', 3);
    await store.commit();
    expect(store.degraded).toBeNull();
    await abandon(store);
    const again = await Store.open({ file });
    expect([...again.collection<number>('things').values()].sort()).toEqual([1, 2, 3]);
    await again.close();
  });

  it('a failed snapshot leaves the old file whole and no temp file behind', async () => {
    const file = path.join(dir, 'db.json');
    const { storeFs, fail } = countingFs();
    const store = await Store.open({ file, fs: storeFs });
    store.collection<number>('things').put('a', 1);
    await store.commit();
    const before = fs.readFileSync(file);
    store.replaceAll({ things: { z: 26 } });
    fail('EROFS');
    await expect(store.commit()).rejects.toBeInstanceOf(StoreWriteError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect((await fsp.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    fail(null);
    await store.commit();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).collections.things).toEqual({ z: 26 });
    await store.close();
  });

  it('findBy keeps its index in step with put and delete', async () => {
    const store = await Store.open({ file: null });
    const tokens = store.collection<{ token: string; name: string }>('t');
    tokens.put('1', { token: 'aaa', name: 'one' });
    expect(tokens.findBy('token', 'aaa')?.name).toBe('one');
    tokens.put('1', { token: 'bbb', name: 'one' });
    expect(tokens.findBy('token', 'aaa')).toBeUndefined();
    expect(tokens.findBy('token', 'bbb')?.name).toBe('one');
    tokens.delete('1');
    expect(tokens.findBy('token', 'bbb')).toBeUndefined();
  });

  it('keys such as __proto__ are ordinary keys', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    store.collection<string>('t').put('__proto__', 'x');
    await store.close();
    const again = await Store.open({ file });
    expect(again.collection('t').get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    await again.close();
  });
});
