import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Store, StoreOpenError, type Collection } from '../../core/store';
import fc from 'fast-check';
import { hashString, RecordArena, splitFields } from '../../core/store/arena';
import { binaryString } from '../arbitraries';

/**
 * Collections larger than `compactAbove` keep their records as JSON outside the V8 heap. They must
 * behave as the plain ones do (bar object identity: every read is a fresh copy), in memory, in the
 * log, in the snapshot and on reopen.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-store-compact-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Rec {
  id: string;
  token: string;
  owner: string;
  num: number;
  text?: string;
  tags?: string[];
}

/** A small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    s ^= s >>> 12;
    return s / 2 ** 32;
  };
}

function state(c: Collection<Rec>) {
  return {
    size: c.size,
    keys: [...c.keys()],
    values: [...c.values()],
    entries: [...c.entries()],
    owners: ['o0', 'o1', 'o2'].map((o) => c.findAllBy('byOwner', (r) => r.owner, o).sort((a, b) => (a.id < b.id ? -1 : 1))),
    found: c.find((r) => r.num % 7 === 3) ?? null,
    filtered: c.filter((r) => r.owner === 'o1'),
  };
}

describe('compact collections', () => {
  it('behave as plain ones through random puts, deletes and clears, a commit, a snapshot and a reopen', async () => {
    const plainFile = path.join(dir, 'plain.json');
    const compactFile = path.join(dir, 'compact.json');
    let plain = await Store.open({ file: plainFile, compactAbove: Infinity, compactAfterChanges: 150 });
    let compact = await Store.open({ file: compactFile, compactAbove: 5, compactAfterChanges: 150 });
    const random = prng(42);
    let counter = 0;
    const live = new Map<string, Rec>();
    const texts = ['plain', 'é ü 漢字 🙂', 'quote " and \\ backslash', 'line\nbreak', ''];
    for (let step = 0; step < 300; step++) {
      const r = random();
      const key = `k${Math.floor(random() * 40)}`;
      for (const store of [plain, compact]) {
        const c = store.collection<Rec>('t');
        if (r < 0.7) {
          // The same record for both stores (counter moves once per step).
          const rec: Rec = { id: key, token: `tok-${key}-${counter}`, owner: `o${counter % 3}`, num: counter, text: texts[counter % texts.length], tags: counter % 2 ? ['a', 'b'] : [] };
          c.put(key, rec);
          if (store === compact) live.set(key, rec);
        } else if (r < 0.98) {
          c.delete(key);
          if (store === compact) live.delete(key);
        } else {
          c.clear();
          if (store === compact) live.clear();
        }
      }
      counter++;
      const p = plain.collection<Rec>('t');
      const c = compact.collection<Rec>('t');
      if (step % 3 === 0) expect(state(c)).toEqual(state(p));
      // Every live record by each of its ways in, compared in one assertion per step.
      const found = [...live.values()].map((rec) => [c.findBy('token', rec.token), c.findBy('num', rec.num), c.get(rec.id)]);
      expect(found).toEqual([...live.values()].map((rec) => [rec, rec, rec]));
      expect(c.findBy('token', 'tok-none')).toBeUndefined();
      if (step % 50 === 49) {
        await plain.commit();
        await compact.commit();
      }
      if (step === 200) {
        await plain.commit();
        await compact.commit();
        // A crash: reopen from snapshot + log.
        const abandon = async (s: Store) => {
          const inner = s as unknown as { lock: { release(): void }; wal: { close(): Promise<void> } };
          await inner.wal.close();
          inner.lock.release();
        };
        await abandon(plain);
        await abandon(compact);
        plain = await Store.open({ file: plainFile, compactAbove: Infinity, compactAfterChanges: 150 });
        compact = await Store.open({ file: compactFile, compactAbove: 5, compactAfterChanges: 150 });
        expect(state(compact.collection<Rec>('t'))).toEqual(state(plain.collection<Rec>('t')));
      }
    }
    expect(compact.exportData()).toEqual(plain.exportData());
    await plain.close();
    await compact.close();
    // The snapshots hold the same data.
    const a = JSON.parse(fs.readFileSync(plainFile, 'utf8'));
    const b = JSON.parse(fs.readFileSync(compactFile, 'utf8'));
    expect(b).toEqual(a);
    // Byte for byte, even: the parts written from the arena are the JSON.stringify of the plain store.
    expect(fs.readFileSync(compactFile, 'utf8')).toBe(fs.readFileSync(plainFile, 'utf8'));
    // Either file read either way gives the same records in the same order.
    for (const file of [plainFile, compactFile]) {
      const asPlain = await Store.open({ file, compactAbove: Infinity, lock: false });
      const asCompact = await Store.open({ file, compactAbove: 5, lock: false });
      expect(state(asCompact.collection<Rec>('t'))).toEqual(state(asPlain.collection<Rec>('t')));
      await asPlain.close();
      await asCompact.close();
    }
  });

  it('keeps the records last read as objects (frozen); any other read is a fresh frozen copy of what was put', async () => {
    const store = await Store.open({ compactAbove: 0 });
    const c = store.collection<{ n: number }>('t');
    c.put('first', { n: 0 }); // over compactAbove: compact from here on
    const put = { n: 1 };
    c.put('a', put);
    const got = c.get('a')!;
    expect(got).toEqual({ n: 1 });
    expect(got).not.toBe(put); // what is kept is the JSON of what was put
    expect(Object.isFrozen(got)).toBe(true);
    expect(c.get('a')).toBe(got); // read again while it is recent: the same object
    // Reading 1,000 other records pushes it out of the recent ones: the next read parses it again.
    for (let i = 0; i < 1_000; i++) c.put(`k${i}`, { n: i });
    for (let i = 0; i < 1_000; i++) c.get(`k${i}`);
    const copy = c.get('a')!;
    expect(copy).toEqual({ n: 1 });
    expect(copy).not.toBe(got);
    expect(Object.isFrozen(copy)).toBe(true);
    c.put('a', { ...copy, n: 3 });
    for (let i = 0; i < 1_000; i++) c.get(`k${i}`);
    expect(c.get('a')).toEqual({ n: 3 });
  });

  it('keeps odd keys and values: array-index keys, __proto__, escapes, unicode, null and undefined', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file, compactAbove: 2 });
    const c = store.collection<unknown>('t');
    const values: [string, unknown][] = [
      ['b', 'first'],
      ['10', { ten: 10 }],
      ['2', [1, 'two']],
      ['__proto__', { polluted: true }],
      ['quote"and\\slash', 'ok'],
      ['clé 漢', 'é 🙂'],
      ['nul', null],
      ['n', 1.5],
    ];
    for (const [k, v] of values) c.put(k, v);
    c.put('gone', undefined);
    expect(c.get('gone')).toBeUndefined();
    expect(c.has('gone')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await store.close();
    const plain = await Store.open({ file, compactAbove: Infinity, lock: false });
    const again = await Store.open({ file, compactAbove: 2, lock: false });
    expect([...again.collection('t').entries()]).toEqual([...plain.collection('t').entries()]);
    for (const [k, v] of values) expect(again.collection('t').get(k)).toEqual(v);
    // As JSON.stringify does, an undefined value is not in the snapshot.
    expect(again.collection('t').has('gone')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await plain.close();
    await again.close();
  });

  it('findBy tells apart two values whose hashes collide', async () => {
    // Two strings with the same 31-bit hash (found by a birthday search over `v${i}`).
    const pair: [string, string] = ['v332789', 'v529192'];
    expect(hashString(pair[0])).toBe(hashString(pair[1]));
    const store = await Store.open({ compactAbove: 0 });
    const c = store.collection<{ token: string }>('t');
    c.put('x', { token: pair[0] });
    c.put('y', { token: pair[1] });
    expect(c.findBy('token', pair[0])).toEqual({ token: pair[0] });
    expect(c.findBy('token', pair[1])).toEqual({ token: pair[1] });
    c.delete('x');
    expect(c.findBy('token', pair[0])).toBeUndefined();
    expect(c.findBy('token', pair[1])).toEqual({ token: pair[1] });
  });

  it('a collection that grows past the limit becomes compact and keeps its order and indexes', async () => {
    const store = await Store.open({ compactAbove: 3 });
    const c = store.collection<{ token: string }>('t');
    expect(c.findBy('token', 't1')).toBeUndefined(); // an index built while the collection is plain
    for (let i = 0; i < 6; i++) c.put(`k${i}`, { token: `t${i}` });
    expect([...c.keys()]).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
    expect((c as unknown as { arena: unknown }).arena).not.toBeNull(); // compact now
    for (let i = 0; i < 6; i++) expect(c.findBy('token', `t${i}`)).toEqual({ token: `t${i}` });
  });

  it('rewrites its records into a fresh arena once most of it is replaced records, and keeps them right', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file, compactAbove: 0 });
    const c = store.collection<{ i: number; pad: string }>('t');
    const pad = 'x'.repeat(1000);
    for (let i = 0; i < 20_000; i++) c.put(`k${i % 10}`, { i, pad });
    const arena = (c as unknown as { arena: { slabs: Buffer[] } }).arena;
    // 20 MB written, 10 KB live: without the rewrite this would be 20 slabs.
    expect(arena.slabs.length).toBeLessThanOrEqual(6);
    for (let k = 0; k < 10; k++) expect(c.get(`k${k}`)).toEqual({ i: 19_990 + k, pad });
    await store.close();
    const again = await Store.open({ file, compactAbove: 0 });
    expect([...again.collection('t').values()]).toEqual([...Array(10).keys()].map((k) => ({ i: 19_990 + k, pad })));
    await again.close();
  });

  it('replaceAll (reset) and exportData keep a compact collection whole, through a snapshot and a reopen', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file, compactAbove: 2 });
    const c = store.collection<{ token: string }>('t');
    for (let i = 0; i < 5; i++) c.put(`k${i}`, { token: `t${i}` });
    const saved = store.exportData();
    c.clear();
    c.put('other', { token: 'x' });
    store.replaceAll(saved.collections);
    expect([...c.entries()]).toEqual([0, 1, 2, 3, 4].map((i) => [`k${i}`, { token: `t${i}` }]));
    expect(c.findBy('token', 't3')).toEqual({ token: 't3' });
    expect(c.findBy('token', 'x')).toBeUndefined();
    await store.commit(); // a whole snapshot
    await store.close();
    const again = await Store.open({ file, compactAbove: 2 });
    expect(again.exportData().collections).toEqual(saved.collections);
    await again.close();
  });

  it('a record that is not JSON in a large collection stops the start, naming the file', async () => {
    const file = path.join(dir, 'db.json');
    fs.writeFileSync(file, '{"app":"wp-token-emulator","schemaVersion":1,"seq":3,"collections":{"t":{"a":{"x":1},"b":{"x":tru},"c":{}}}}');
    await expect(Store.open({ file, compactAbove: 1 })).rejects.toThrow(StoreOpenError);
    await expect(Store.open({ file, compactAbove: 1 })).rejects.toThrow(/invalid JSON/);
  });

  it('reads a snapshot written with whitespace (by hand) the same way as JSON.parse does', async () => {
    const file = path.join(dir, 'db.json');
    const data = { app: 'wp-token-emulator', schemaVersion: 1, seq: 3, collections: { t: { a: { x: [1, { y: 'z' }] }, b: 'two', c: null }, u: { only: 1 } } };
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
    const store = await Store.open({ file, compactAbove: 1, lock: false });
    expect(store.exportData()).toEqual(data);
    await store.close();
  });
});

describe('records kept by shape (their field names once per collection)', () => {
  it('gives back exactly the JSON text that was written, for any JSON value', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 20 }), (values) => {
        const arena = new RecordArena();
        const texts = values.map((v) => JSON.stringify(v));
        const handles = texts.map((t) => arena.write(t));
        handles.forEach((h, i) => {
          expect(arena.text(h)).toBe(texts[i]);
          const json = arena.json(h);
          const bytes = Buffer.isBuffer(json) ? json : Buffer.alloc(json.length);
          if (!Buffer.isBuffer(json)) expect(json.copyTo(bytes, 0)).toBe(json.length);
          expect(bytes.toString('utf8')).toBe(texts[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives back records of one shape, and of nearly the same shape (another order, a field more or less)', () => {
    const field = fc.constantFrom('id', 'name', 'token', 'a,"b":', '"', '');
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(field, fc.jsonValue()), { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 30 }), (records) => {
        const arena = new RecordArena();
        const texts = records.map((pairs) => JSON.stringify(Object.fromEntries(pairs)));
        const handles = texts.map((t) => arena.write(t));
        handles.forEach((h, i) => expect(arena.text(h)).toBe(texts[i]));
      }),
      { numRuns: 300 },
    );
  });

  it('splits an object into the text around its values and the values themselves', () => {
    fc.assert(
      fc.property(fc.dictionary(binaryString(), fc.jsonValue(), { minKeys: 3 }), (record) => {
        const json = JSON.stringify(record);
        const fields = splitFields(json);
        expect(fields).not.toBeNull();
        const names = fields!.names.split('\0');
        const values = fields!.values.split('\0');
        expect(names).toHaveLength(values.length);
        expect(names.map((n, i) => n + values[i]).join('') + '}').toBe(json);
      }),
      { numRuns: 300 },
    );
    expect(splitFields('{"a":1,"b":2}')).toBeNull(); // too few fields to be worth a shape
    expect(splitFields('{ "a": 1, "b": 2, "c": 3 }')).toBeNull(); // not as JSON.stringify writes it: kept as it is
  });

  it('keeps a Fess-like record in about two thirds of its JSON, and frees the right number of bytes', () => {
    const arena = new RecordArena();
    const record = { id: 'DBMFwIdQI3tjsQa3jsdg', name: 'bench [x]', token: 'x'.repeat(60), parameterName: null, expiredTime: null, permissions: ['Rguest'], createdBy: 'admin', createdTime: 1796427988625, updatedBy: 'admin', updatedTime: 1796427988625, versionNo: 1 };
    const json = JSON.stringify(record);
    const first = arena.write(json);
    const second = arena.write(JSON.stringify({ ...record, id: 'another' }));
    expect(second - first).toBeLessThan(json.length * 0.7);
    expect(JSON.parse(arena.text(second)!)).toEqual({ ...record, id: 'another' });
    for (let i = 0; i < 40_000; i++) arena.release(arena.write(json));
    expect(arena.wasteful).toBe(true);
  });
});
