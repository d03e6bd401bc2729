import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { NamespaceModule } from '../../core/namespace';
import { RestResponse } from '../../core/rest/response';
import { nodeFs, Store, StoreWriteError, type StoreFs } from '../../core/store';
import { runStoreCommand } from '../../plugin/cli';
import type { EmulatorApp } from '../../plugin/app';
import { allNamespaces } from '../../plugin/namespaces';
import { asAdmin, standardApp } from '../helpers';

/**
 * Issue 15, item 4 (store part): no handler commits. The REST dispatch makes what a handler stored
 * durable before the answer, answers 503 in the namespace's envelope when the disk refuses, and
 * concurrent requests still share one flush.
 */

/** A disk whose write-ahead-log writes can be held back or refused, and are counted. */
function controlledDisk() {
  const state = { walWrites: 0, failing: null as string | null, held: null as Promise<void> | null };
  const storeFs: StoreFs = {
    ...nodeFs,
    async open(file, flags) {
      const handle = await fsp.open(file, flags, 0o600);
      if (!file.endsWith('.wal')) return handle;
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'write') {
            return async (...args: unknown[]) => {
              if (state.held) await state.held;
              if (state.failing) throw Object.assign(new Error(state.failing), { code: state.failing });
              state.walWrites++;
              return (target.write as (...a: unknown[]) => Promise<unknown>)(...args);
            };
          }
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
  /** Holds every log write until the returned function is called. */
  const hold = () => {
    let release!: () => void;
    state.held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      state.held = null;
      release();
    };
  };
  return { storeFs, state, hold };
}

/** Resolves once `test` holds, checking every few milliseconds. */
async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!test()) throw new Error('condition never held');
}

let handlerGate: { arrived: boolean; release: () => void } = { arrived: false, release: () => undefined };

/** A namespace whose handlers write and never commit, with its own error envelope. */
const notes: NamespaceModule = {
  id: 'notes',
  namespace: 'notes/v1',
  openapi: { errorSchema: { type: 'object', required: ['ok', 'why'], properties: { ok: { const: false }, why: { type: 'string' } } } },
  register(ctx) {
    const items = ctx.store.collection<{ id: string; text: string }>('notes.items');
    ctx.rest.registerNamespace('notes/v1', {
      onCoreError: (error) => new RestResponse({ ok: false, why: error.code }, error.status),
    });
    ctx.rest.registerRoute('notes/v1', '/items', {
      methods: ['POST'],
      args: { id: { type: 'string', required: true }, wait: { type: 'boolean', default: false } },
      handler: async (req) => {
        const id = String(req.param('id'));
        items.put(id, { id, text: 'written' });
        if (req.param('wait') === true) {
          // Stays in the handler (as a mail or a bcrypt hash would) while other requests go on.
          await new Promise<void>((resolve) => (handlerGate = { arrived: true, release: resolve }));
        }
        return new RestResponse({ id }, 201);
      },
    });
    // A read that writes (as a purge of expired tokens does): committed all the same.
    ctx.rest.registerRoute('notes/v1', '/touch', {
      methods: ['GET'],
      handler: () => {
        items.put('touched', { id: 'touched', text: 'by a GET' });
        return { touched: true };
      },
    });
    ctx.rest.registerRoute('notes/v1', '/count', { methods: ['GET'], handler: () => ({ count: items.size }) });
  },
};

let dir: string;
let file: string;
let emu: EmulatorApp | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpte-store-commit-'));
  file = path.join(dir, 'db.json');
});
afterEach(async () => {
  await emu?.close().catch(() => undefined);
  emu = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(storeFs: StoreFs): Promise<EmulatorApp> {
  emu = await standardApp({ namespaces: [...allNamespaces, notes], storeFs, settings: { DB_FILE: file } });
  await emu.store.commit(); // first-run state on disk: what follows is the requests' own
  return emu;
}

const post = (app: EmulatorApp, body: Record<string, unknown>) =>
  request(app.app).post('/wp-json/notes/v1/items').set('Authorization', asAdmin).set('Content-Type', 'application/json').send(JSON.stringify(body));

/** The keys of `notes.items` that the write-ahead log on disk holds now. */
function loggedKeys(): string[] {
  const text = fs.existsSync(`${file}.wal`) ? fs.readFileSync(`${file}.wal`, 'utf8') : '';
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { c: string; k: string })
    .filter((change) => change.c === 'notes.items')
    .map((change) => change.k);
}

describe('commit by the pipeline', () => {
  it('a handler that writes and does not commit: the change is on disk when the answer arrives', async () => {
    const app = await start(controlledDisk().storeFs);
    const res = await post(app, { id: 'n1' });
    expect(res.status).toBe(201);
    expect(loggedKeys()).toEqual(['n1']);
  });

  it('a GET handler that writes is committed before its answer too', async () => {
    const app = await start(controlledDisk().storeFs);
    const res = await request(app.app).get('/wp-json/notes/v1/touch');
    expect(res.status).toBe(200);
    expect(loggedKeys()).toEqual(['touched']);
  });

  it('a disk that refuses: 503 in the namespace\'s own envelope, then 2xx once it is back', async () => {
    const disk = controlledDisk();
    const app = await start(disk.storeFs);
    disk.state.failing = 'ENOSPC';
    const failed = await post(app, { id: 'n1' });
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ ok: false, why: 'rest_store_unavailable' });
    expect(loggedKeys()).toEqual([]);
    disk.state.failing = null;
    const again = await post(app, { id: 'n2' });
    expect(again.status).toBe(201);
    expect(loggedKeys()).toEqual(['n1', 'n2']); // the 503'd change is kept and written by the next flush
  });

  it('concurrent writes share flushes: 40 requests, far fewer log writes', async () => {
    const disk = controlledDisk();
    const app = await start(disk.storeFs);
    const before = disk.state.walWrites;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(app, { id: `c${i}` })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(loggedKeys().sort()).toEqual(Array.from({ length: 40 }, (_, i) => `c${i}`).sort());
    expect(disk.state.walWrites - before).toBeLessThan(20);
  });

  it('a change another request\'s flush took along: the answer still waits until that flush is on disk', async () => {
    const disk = controlledDisk();
    const app = await start(disk.storeFs);
    let slowAnswered = false;
    // A puts its change, then stays in its handler.
    const slow = post(app, { id: 'a', wait: true }).then((res) => {
      slowAnswered = true;
      return res;
    });
    await until(() => handlerGate.arrived);
    // B's commit starts a flush that holds A's change too; the disk holds it back.
    const release = disk.hold();
    const fast = post(app, { id: 'b' });
    const fastDone = fast.then(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    // A's handler returns while that flush is still on its way: A must not be answered yet.
    handlerGate.release();
    await new Promise((r) => setTimeout(r, 100));
    try {
      expect(slowAnswered).toBe(false);
      expect(loggedKeys()).toEqual([]);
    } finally {
      release();
    }
    const [a, b] = await Promise.all([slow, fast, fastDone]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(loggedKeys().sort()).toEqual(['a', 'b']);
  });
});

describe('Store.onCommitFailure', () => {
  it('runs the undo when the flush holding the change fails, not when it succeeds, and flushes what the undo changed', async () => {
    const disk = controlledDisk();
    const store = await Store.open({ file, fs: disk.storeFs });
    const c = store.collection<{ n: number }>('t');
    const undone: string[] = [];
    c.put('kept', { n: 1 });
    store.onCommitFailure(() => undone.push('kept'));
    await store.commit();
    expect(undone).toEqual([]);

    disk.state.failing = 'EIO';
    c.put('taken back', { n: 2 });
    store.onCommitFailure(() => {
      undone.push('taken back');
      c.delete('taken back');
    });
    await expect(store.commit()).rejects.toBeInstanceOf(StoreWriteError);
    expect(undone).toEqual(['taken back']);
    expect(c.has('taken back')).toBe(false);

    disk.state.failing = null;
    await store.commit();
    await store.close();
    const again = await Store.open({ file });
    expect(again.collection('t').has('taken back')).toBe(false);
    expect(again.collection('t').get('kept')).toEqual({ n: 1 });
    await again.close();
  });
});

describe('command-line commands', () => {
  it('are committed by the runner; when the disk refuses, no "Success" and no password is shown', async () => {
    const disk = controlledDisk();
    const app = await start(disk.storeFs);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false };
    disk.state.failing = 'ENOSPC';
    const code = await runStoreCommand(app.site, ['availo', 'account', 'create', 'CLI-1'], io);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/could not be written.*not acknowledged/);
    disk.state.failing = null;
    const ok = await runStoreCommand(app.site, ['availo', 'account', 'create', 'CLI-2'], io);
    expect(ok).toBe(0);
    expect(out.join('\n')).toMatch(/Success: Created Availo account CLI-2/);
    const wal = fs.readFileSync(`${file}.wal`, 'utf8');
    expect(wal).toContain('CLI-2');
  });
});
