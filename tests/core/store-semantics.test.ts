import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Store, type Collection } from '../../core/store';

/**
 * Issue 15, item 5: what a read gives never changes what is stored unless it is put back, at any
 * collection size. With the default `compactAbove` (1,000), 10 records are kept as objects and
 * 5,000 as JSON outside the heap; both must behave the same, in memory and after a reopen.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-store-semantics-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Token {
  id: string;
  name: string;
  permissions: string[];
  meta: { uses: number };
}

const record = (i: number): Token => ({ id: `t${i}`, name: `token ${i}`, permissions: ['read'], meta: { uses: 0 } });

function fill(c: Collection<Token>, size: number): void {
  for (let i = 0; i < size; i++) c.put(`t${i}`, record(i));
}

/** Every way a caller can reach a record, each tried on the record `t3`. */
function reads(c: Collection<Token>): Array<[string, () => Readonly<Token> | undefined]> {
  return [
    ['get', () => c.get('t3')],
    ['values', () => [...c.values()].find((t) => t.id === 't3')],
    ['entries', () => [...c.entries()].find(([k]) => k === 't3')?.[1]],
    ['find', () => c.find((t) => t.id === 't3')],
    ['filter', () => c.filter((t) => t.id === 't3')[0]],
    ['findBy', () => c.findBy('name', 'token 3')],
    ['findAllBy', () => c.findAllBy('byName', (t) => t.name, 'token 3')[0]],
  ];
}

/** Tries to change the record every way a caller might; each attempt must throw and change nothing. */
function tryToChange(got: Readonly<Token>): void {
  const mutable = got as Token;
  expect(() => {
    mutable.name = 'changed';
  }).toThrow(TypeError);
  expect(() => {
    mutable.permissions.push('write');
  }).toThrow(TypeError);
  expect(() => {
    mutable.meta.uses = 99;
  }).toThrow(TypeError);
  expect(() => {
    delete (mutable as Partial<Token>).id;
  }).toThrow(TypeError);
}

function expectUnchanged(c: Collection<Token>): void {
  for (const [how, read] of reads(c)) {
    expect([how, read()]).toEqual([how, record(3)]);
  }
}

describe.each([10, 5_000])('a collection of %i records', (size) => {
  it('gives frozen records: changing one throws and leaves the store as it was, in memory and after a reopen', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    const c = store.collection<Token>('tokens');
    fill(c, size);
    for (const [, read] of reads(c)) tryToChange(read()!);
    expectUnchanged(c);
    await store.close();

    const again = await Store.open({ file });
    const reopened = again.collection<Token>('tokens');
    expect(reopened.size).toBe(size);
    for (const [, read] of reads(reopened)) tryToChange(read()!);
    expectUnchanged(reopened);
    await again.close();
  });

  it('keeps a copy of what was put: changing the caller\'s object afterwards changes nothing stored', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    const c = store.collection<Token>('tokens');
    fill(c, size);
    const mine = record(3);
    c.put('t3', mine);
    mine.name = 'changed after the put';
    mine.permissions.push('write');
    mine.meta.uses = 7;
    expectUnchanged(c);
    await store.commit();
    await store.close();
    const again = await Store.open({ file });
    expectUnchanged(again.collection<Token>('tokens'));
    await again.close();
  });

  it('a changed copy put back is what every read gives, in memory and after a reopen', async () => {
    const file = path.join(dir, 'db.json');
    const store = await Store.open({ file });
    const c = store.collection<Token>('tokens');
    fill(c, size);
    const got = c.get('t3')!;
    c.put('t3', { ...got, permissions: [...got.permissions, 'write'], meta: { uses: got.meta.uses + 1 } });
    const want = { ...record(3), permissions: ['read', 'write'], meta: { uses: 1 } };
    expect(c.get('t3')).toEqual(want);
    expect(c.findBy('name', 'token 3')).toEqual(want);
    await store.commit(); // only the write-ahead log holds it
    await store.close();
    const again = await Store.open({ file });
    expect(again.collection<Token>('tokens').get('t3')).toEqual(want);
    expect(Object.isFrozen(again.collection<Token>('tokens').get('t3'))).toBe(true);
    await again.close();
  });
});

it('holds in memory what a reopen would read: values JSON cannot keep are gone at once, not only after a restart', async () => {
  const file = path.join(dir, 'db.json');
  const store = await Store.open({ file });
  const c = store.collection<Record<string, unknown>>('odd');
  c.put('a', { kept: 1, dropped: undefined, when: new Date(0), nan: NaN });
  const inMemory = c.get('a');
  expect(inMemory).toEqual({ kept: 1, when: '1970-01-01T00:00:00.000Z', nan: null });
  await store.close();
  const again = await Store.open({ file });
  expect(again.collection('odd').get('a')).toEqual(inMemory);
  await again.close();
});

describe('exportRecords(): the records without a copy', () => {
  it.each([10, 5_000])('%i records: the same data as exportData(), records frozen, its containers the caller\'s', async (size) => {
    const store = await Store.open({ file: null });
    fill(store.collection<Token>('tokens'), size);
    const view = store.exportRecords();
    expect(view).toEqual(store.exportData());
    const one = view.collections.tokens!.t1 as Token;
    expect(() => {
      'use strict';
      one.meta.uses = 99;
    }).toThrow(TypeError);
    delete view.collections.tokens;
    expect(store.collection<Token>('tokens').size).toBe(size);
    expect(store.collection<Token>('tokens').get('t1')!.meta.uses).toBe(0);
    await store.close();
  });
});
