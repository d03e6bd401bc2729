import request from 'supertest';
import type { EmulatorApp } from '../plugin/app';
import type { RequestContext } from '../core/pipeline/context';
import { FaultError, Faults } from '../wp-json/emulator/v1/faults/faults';
import { faultStage } from '../wp-json/emulator/v1/faults/stage';
import { emulator } from '../wp-json/emulator/v1';
import { DEMO_SECRET, demoVendor, slowRoute } from './emulator-demo-vendor';
import { ADMIN_PASSWORD, asAdmin, basic, asEditor, asSubscriber, standardApp } from './helpers';

const START = '2030-01-01T00:00:00.000Z';
const START_S = Date.parse(START) / 1000;
const E = '/wp-json/emulator/v1';

function demoApp(settings: Record<string, string | number | boolean> = {}): Promise<EmulatorApp> {
  return standardApp({ namespaces: [demoVendor, emulator], settings: { CLOCK_START: START, ...settings } });
}

async function issue(emu: EmulatorApp, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await request(emu.app).post('/wp-json/demo/v1/token').set('Authorization', asAdmin).send({ secretKey: DEMO_SECRET, ...extra });
  expect(res.status).toBe(201);
  return res.body.accessToken as string;
}

const whoami = (emu: EmulatorApp, token: string) => request(emu.app).get('/wp-json/demo/v1/whoami').set('X-Demo-Token', token);

/** Lets pending I/O and promise callbacks run (no timer, no sleep). */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

let emu: EmulatorApp;
beforeEach(async () => {
  emu = await demoApp();
});
afterEach(async () => {
  await emu.close();
});

describe('emulator/v1: access', () => {
  const routes: [string, string][] = [
    ['post', '/reset'],
    ['get', '/clock'],
    ['post', '/clock'],
    ['get', '/outbox'],
    ['delete', '/outbox'],
    ['get', '/journal'],
    ['delete', '/journal'],
    ['get', '/faults'],
    ['post', '/faults'],
    ['delete', '/faults'],
    ['post', '/tokens/introspect'],
  ];

  it.each(routes)('%s %s is 401 rest_forbidden for anonymous requests', async (method, path) => {
    // A token in the body so that introspect's required arg is there: WordPress checks args before permission.
    const res = await (request(emu.app) as unknown as Record<string, (p: string) => request.Test>)[method]!(`${E}${path}`).send({ token: 'x' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('rest_forbidden');
  });

  it.each(routes)('%s %s is 403 rest_forbidden for an editor and a subscriber', async (method, path) => {
    for (const who of [asEditor, asSubscriber]) {
      const res = await (request(emu.app) as unknown as Record<string, (p: string) => request.Test>)[method]!(`${E}${path}`).set('Authorization', who).send({ token: 'x' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('rest_forbidden');
    }
  });

  it('is listed in the discovery index with its routes', async () => {
    const res = await request(emu.app).get('/wp-json/');
    expect(res.body.namespaces).toContain('emulator/v1');
    expect(Object.keys(res.body.routes)).toEqual(expect.arrayContaining([`/emulator/v1/reset`, `/emulator/v1/clock`, `/emulator/v1/journal`, `/emulator/v1/faults`, `/emulator/v1/tokens/introspect`]));
  });

  it('does not exist with EMULATOR_API=off: 404 rest_no_route, absent from /wp-json/, in-process handles still work, nothing journaled', async () => {
    const off = await demoApp({ EMULATOR_API: 'off' });
    try {
      for (const [method, path] of [['post', '/reset'], ['get', '/clock'], ['get', '/journal'], ['post', '/faults'], ['post', '/tokens/introspect'], ['get', '']] as const) {
        const res = await (request(off.app) as unknown as Record<string, (p: string) => request.Test>)[method]!(`${E}${path}`).set('Authorization', asAdmin);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('rest_no_route');
      }
      const rr = await request(off.app).get('/?rest_route=/emulator/v1/clock').set('Authorization', asAdmin);
      expect(rr.body.code).toBe('rest_no_route');
      const index = await request(off.app).get('/wp-json/');
      expect(index.body.namespaces).not.toContain('emulator/v1');
      expect(Object.keys(index.body.routes).filter((r) => r.startsWith('/emulator'))).toEqual([]);
      // Nobody can read the journal of a server whose control API is off, so it keeps nothing.
      expect(off.journal.size).toBe(0);
      await request(off.app).get('/wp-json/demo/v1/whoami');
      expect(off.journal.list()).toEqual([]);
      off.clock.advance(60);
      expect(off.clock.seconds()).toBe(START_S + 60);
      await off.reset();
      expect(off.clock.seconds()).toBe(START_S);
    } finally {
      await off.close();
    }
  });

  it('rejects an invalid EMULATOR_API or JOURNAL_SIZE setting, naming it', async () => {
    await expect(demoApp({ EMULATOR_API: 'maybe' })).rejects.toThrow(/EMULATOR_API/);
    await expect(demoApp({ JOURNAL_SIZE: -1 })).rejects.toThrow(/JOURNAL_SIZE/);
  });
});

describe('emulator/v1/clock', () => {
  it('GET shows the clock', async () => {
    const res = await request(emu.app).get(`${E}/clock`).set('Authorization', asAdmin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: START, timestamp: START_S, mode: 'frozen', offsetMs: expect.any(Number) });
  });

  it('POST {advance} moves it, and a token expires by it', async () => {
    const token = await issue(emu);
    expect((await whoami(emu, token)).status).toBe(200);
    const res = await request(emu.app).post(`${E}/clock`).set('Authorization', asAdmin).send({ advance: 901 });
    expect(res.status).toBe(200);
    expect(res.body.timestamp).toBe(START_S + 901);
    expect(emu.clock.seconds()).toBe(START_S + 901);
    expect((await whoami(emu, token)).status).toBe(401);
  });

  it('POST {advance} accepts a negative number and a form body', async () => {
    const res = await request(emu.app).post(`${E}/clock`).set('Authorization', asAdmin).type('form').send('advance=-30');
    expect(res.status).toBe(200);
    expect(res.body.timestamp).toBe(START_S - 30);
  });

  it('POST {set} freezes it at a time; {real} goes back to the machine clock', async () => {
    const set = await request(emu.app).post(`${E}/clock`).set('Authorization', asAdmin).send({ set: '2031-06-01T12:00:00Z' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ now: '2031-06-01T12:00:00.000Z', mode: 'frozen' });
    const real = await request(emu.app).post(`${E}/clock`).set('Authorization', asAdmin).send({ real: true });
    expect(real.status).toBe(200);
    expect(real.body.mode).toBe('real');
    expect(Math.abs(Date.parse(real.body.now) - Date.now())).toBeLessThan(60_000);
  });

  it.each([
    ['nothing', {}, 'advance'],
    ['two operations', { advance: 5, real: true }, 'real'],
    ['a non-number advance', { advance: 'soon' }, 'advance'],
    ['an advance beyond year 9999', { advance: 1e15 }, 'advance'],
    ['a set that is not a time', { set: 'yesterday' }, 'set'],
    ['real: false', { real: false }, 'real'],
  ])('POST with %s is 400 rest_invalid_param and leaves the clock alone', async (_name, body, param) => {
    const res = await request(emu.app).post(`${E}/clock`).set('Authorization', asAdmin).send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('rest_invalid_param');
    expect(Object.keys(res.body.data.params)).toEqual([param]);
    expect(emu.clock.seconds()).toBe(START_S);
  });
});

describe('emulator/v1/reset', () => {
  it('restores the fixtures, the clock, the outbox and clears faults; keeps the journal', async () => {
    const token = await issue(emu, { email: 'ops@example.com' });
    await request(emu.app).post(`${E}/clock`).set('Authorization', asAdmin).send({ advance: 3600 });
    emu.faults.add({ path: '/wp-json/nowhere', status: 500 });
    const created = await emu.applicationPasswords.create(3, { name: 'after-baseline' });
    expect(created.password).toBeTruthy();
    const journaled = emu.journal.list().length;

    const res = await request(emu.app).post(`${E}/reset`).set('Authorization', asAdmin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reset: true, clock: { now: START, mode: 'frozen' } });
    expect(emu.clock.seconds()).toBe(START_S);
    expect(emu.outbox.list()).toEqual([]);
    expect(emu.faults.list()).toEqual([]);
    expect(emu.introspect(token)).toEqual({ active: false, vendor: 'unknown' });
    expect((await whoami(emu, token)).status).toBe(401);
    // The fixtures are back: the admin still authenticates, the password made later is gone.
    expect(emu.applicationPasswords.list(3).map((p) => p.name)).toEqual(['sam-app']);
    expect((await request(emu.app).get(`${E}/clock`).set('Authorization', asAdmin)).status).toBe(200);
    expect(emu.journal.list().length).toBe(journaled + 1);
  });

  it('waits for requests in flight, holds new ones until it is done', async () => {
    const token = await issue(emu);
    const order: string[] = [];
    slowRoute.arrived = false;
    const slow = request(emu.app).get('/wp-json/demo/v1/slow').then((r) => {
      order.push('slow');
      return r;
    });
    while (!slowRoute.arrived) await tick();
    const reset = request(emu.app).post(`${E}/reset`).set('Authorization', asAdmin).then((r) => {
      order.push('reset');
      return r;
    });
    const gate = emu.gate;
    // The reset is waiting; a new request arrives and is held.
    const later = whoami(emu, token).then((r) => {
      order.push('later');
      return r;
    });
    while (gate.held === 0) await tick();
    expect(order).toEqual([]);
    expect(gate.inFlight).toBe(1);
    slowRoute.release();
    const [slowRes, resetRes, laterRes] = await Promise.all([slow, reset, later]);
    // The reset finished only after the slow request; the held request ran on the reset state (its token is gone)
    // and the slow one on the old state (one token).
    expect(order[0]).toBe('slow');
    expect([...order].sort()).toEqual(['later', 'reset', 'slow']);
    expect(slowRes.body).toEqual({ tokens: 1 });
    expect(resetRes.status).toBe(200);
    expect(laterRes.status).toBe(401);
  });
});

describe('emulator/v1/outbox', () => {
  it('lists the mail, filters by recipient, deletes one recipient or all', async () => {
    await issue(emu, { email: 'ops@example.com' });
    await issue(emu, { email: 'dev@example.com' });
    const all = await request(emu.app).get(`${E}/outbox`).set('Authorization', asAdmin);
    expect(all.status).toBe(200);
    expect(all.headers['x-wp-total']).toBe('2');
    expect(all.body.map((m: { to: string }) => m.to).sort()).toEqual(['dev@example.com', 'ops@example.com']);
    expect(all.body[0]).toMatchObject({ subject: 'Your demo token', from: 'demo', sentAt: START });

    const ops = await request(emu.app).get(`${E}/outbox?to=OPS@example.com`).set('Authorization', asAdmin);
    expect(ops.body).toHaveLength(1);
    expect(ops.body[0].to).toBe('ops@example.com');

    const del = await request(emu.app).delete(`${E}/outbox?to=ops@example.com`).set('Authorization', asAdmin);
    expect(del.body).toEqual({ deleted: 1 });
    expect(emu.outbox.list().map((m) => m.to)).toEqual(['dev@example.com']);
    const rest = await request(emu.app).delete(`${E}/outbox`).set('Authorization', asAdmin);
    expect(rest.body).toEqual({ deleted: 1 });
    expect(emu.outbox.list()).toEqual([]);
  });

  it('in process: outbox.list({to}) and outbox.clear()', async () => {
    await issue(emu, { email: 'ops@example.com' });
    expect(emu.outbox.list({ to: 'ops@example.com' })).toHaveLength(1);
    expect(emu.outbox.list({ to: 'nobody@example.com' })).toHaveLength(0);
    expect(emu.outbox.clear()).toBe(1);
    expect(emu.outbox.list()).toEqual([]);
  });
});

describe('emulator/v1/journal', () => {
  it('records method, path, status, duration, namespace and user of each request', async () => {
    await issue(emu);
    await request(emu.app).get('/wp-json/demo/v1/whoami').set('X-Demo-Token', 'nope');
    const res = await request(emu.app).get(`${E}/journal`).set('Authorization', asAdmin);
    expect(res.status).toBe(200);
    expect(res.headers['x-wp-total']).toBe('2');
    const [first, second] = res.body;
    expect(first).toMatchObject({ method: 'POST', path: '/wp-json/demo/v1/token', route: '/demo/v1/token', namespace: 'demo/v1', status: 201, user: 'admin', auth: { method: 'application-password', failure: null }, time: START, fault: null });
    expect(typeof first.durationMs).toBe('number');
    expect(second).toMatchObject({ method: 'GET', path: '/wp-json/demo/v1/whoami', status: 401, user: null, auth: { method: null, failure: 'no-credentials' } });
    expect(second.id).toBeGreaterThan(first.id);
  });

  it('says why a request was anonymous: wrong password, unknown user, malformed header', async () => {
    await request(emu.app).get('/wp-json/demo/v1/whoami').set('Authorization', basic('admin', 'AAAA BBBB CCCC DDDD EEEE ZZZZ'));
    await request(emu.app).get('/wp-json/demo/v1/whoami').set('Authorization', basic('ghost', ADMIN_PASSWORD));
    await request(emu.app).get('/wp-json/demo/v1/whoami').set('Authorization', 'Basic %%%');
    expect(emu.journal.list().map((e) => e.auth)).toEqual([
      { method: null, failure: 'wrong-password' },
      { method: null, failure: 'unknown-user' },
      { method: null, failure: 'malformed-header' },
    ]);
  });

  it('redacts the Authorization header, passwords, secret keys and tokens everywhere', async () => {
    const token = await issue(emu);
    await whoami(emu, token);
    await request(emu.app).post('/wp-json/demo/v1/revoke').type('form').send(`token=${token}&note=keep`);
    await request(emu.app).get(`/wp-json/demo/v1/whoami?access_token=${token}&q=visible`).set('Authorization', `Bearer ${token}`);
    await request(emu.app).post('/wp-json/demo/v1/token').set('Authorization', 'Basic ' + Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')).send({ secretKey: 'wrong-but-secret-value' });

    const entries = emu.journal.list();
    expect(entries).toHaveLength(5);
    const text = JSON.stringify(entries);
    for (const secret of [token, token.slice(5), DEMO_SECRET, 'wrong-but-secret-value', ADMIN_PASSWORD, ADMIN_PASSWORD.replace(/ /g, ''), Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')]) {
      expect(text).not.toContain(secret);
    }
    const [issued, used, revoked, queried] = entries;
    expect(issued!.request.headers.authorization).toBe('[redacted]');
    expect(issued!.request.body).toEqual({ secretKey: '[redacted]' });
    expect(issued!.response.body).toEqual({ accessToken: '[redacted]', expiresIn: 900, message: 'issued [redacted]' });
    expect(used!.request.headers['x-demo-token']).toBe('[redacted]');
    expect(revoked!.request.body).toEqual({ token: '[redacted]', note: 'keep' });
    expect(queried!.path).toBe('/wp-json/demo/v1/whoami?access_token=[redacted]&q=visible');
    expect(queried!.request.query).toEqual({ access_token: '[redacted]', q: 'visible' });
  });

  it('filters by namespace, path, status, method and limit', async () => {
    await issue(emu);
    await request(emu.app).get('/wp-json/demo/v1/whoami');
    await request(emu.app).get('/wp-json/wp/v2/nothing-here');
    await request(emu.app).get('/');
    const get = async (query: string) => (await request(emu.app).get(`${E}/journal?${query}`).set('Authorization', asAdmin)).body as { path: string; status: number }[];
    expect((await get('namespace=demo/v1')).map((e) => e.path)).toEqual(['/wp-json/demo/v1/token', '/wp-json/demo/v1/whoami']);
    expect((await get('namespace=demo')).length).toBe(2);
    expect((await get('path=/wp-json/demo/v1/*')).length).toBe(2);
    expect((await get('path=/wp-json/**')).length).toBe(3);
    expect((await get('path=/')).map((e) => e.path)).toEqual(['/']);
    expect((await get('status=401')).map((e) => e.path)).toEqual(['/wp-json/demo/v1/whoami']);
    expect((await get('status=4xx')).length).toBe(2);
    expect((await get('status=201,200')).length).toBe(2);
    expect((await get('method=post')).map((e) => e.status)).toEqual([201]);
    expect((await get('limit=1')).map((e) => e.path)).toEqual(['/']);
    const bad = await request(emu.app).get(`${E}/journal?status=teapot`).set('Authorization', asAdmin);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('rest_invalid_param');
    expect(bad.body.data.params.status).toMatch(/5xx/);
    const badLimit = await request(emu.app).get(`${E}/journal?limit=0`).set('Authorization', asAdmin);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.code).toBe('rest_invalid_param');
  });

  it('matches a request sent as ?rest_route= by its /wp-json path', async () => {
    await request(emu.app).get('/?rest_route=/demo/v1/whoami');
    const found = emu.journal.list({ path: '/wp-json/demo/v1/whoami' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: '/?rest_route=/demo/v1/whoami', namespace: 'demo/v1' });
  });

  it('does not journal the control API itself', async () => {
    await request(emu.app).get(`${E}/clock`).set('Authorization', asAdmin);
    await request(emu.app).get('/wp-json/EMULATOR/v1/clock').set('Authorization', asAdmin);
    await request(emu.app).get(`/?rest_route=/emulator/v1/journal`).set('Authorization', asAdmin);
    expect(emu.journal.list()).toEqual([]);
  });

  it('DELETE /journal empties it', async () => {
    await request(emu.app).get('/wp-json/');
    const res = await request(emu.app).delete(`${E}/journal`).set('Authorization', asAdmin);
    expect(res.body).toEqual({ deleted: 1 });
    expect(emu.journal.list()).toEqual([]);
  });

  it('keeps only the last JOURNAL_SIZE requests (a ring buffer); 0 keeps none', async () => {
    const small = await demoApp({ JOURNAL_SIZE: 2 });
    const none = await demoApp({ JOURNAL_SIZE: 0 });
    try {
      for (const n of [1, 2, 3]) {
        await request(small.app).get(`/wp-json/demo/v1/whoami?n=${n}`);
        await request(none.app).get(`/wp-json/demo/v1/whoami?n=${n}`);
      }
      expect(small.journal.list().map((e) => e.path)).toEqual(['/wp-json/demo/v1/whoami?n=2', '/wp-json/demo/v1/whoami?n=3']);
      expect(none.journal.list()).toEqual([]);
    } finally {
      await small.close();
      await none.close();
    }
  });

  it('in process: journal.list(filter) and journal.clear()', async () => {
    await issue(emu);
    expect(emu.journal.list({ namespace: 'demo/v1', status: 201 })).toHaveLength(1);
    expect(emu.journal.list({ path: /whoami/ })).toHaveLength(0);
    expect(() => emu.journal.list({ status: 'x' })).toThrow(/status/);
    expect(emu.journal.clear()).toBe(1);
  });
});

describe('emulator/v1/faults', () => {
  it('answers the given status for the next N matches, then normally', async () => {
    const add = await request(emu.app).post(`${E}/faults`).set('Authorization', asAdmin).send({ method: 'POST', path: '/wp-json/demo/v1/token', status: 503, times: 2 });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ method: 'POST', path: '/wp-json/demo/v1/token', status: 503, times: 2, remaining: 2, matched: 0 });
    expect(add.headers.location).toMatch(new RegExp(`/wp-json/emulator/v1/faults/${add.body.id}$`));
    const send = () => request(emu.app).post('/wp-json/demo/v1/token').set('Authorization', asAdmin).send({ secretKey: DEMO_SECRET });
    const first = await send();
    expect(first.status).toBe(503);
    expect(first.body).toEqual({ code: 'emulator_fault', message: 'Fault injected by the emulator (status 503).', data: { status: 503 } });
    const listed = await request(emu.app).get(`${E}/faults`).set('Authorization', asAdmin);
    expect(listed.body).toEqual([expect.objectContaining({ id: add.body.id, remaining: 1, matched: 1 })]);
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(201);
    expect(emu.faults.list()).toEqual([]);
    // The journal shows which fault answered.
    expect(emu.journal.list({ status: 503 }).map((e) => e.fault)).toEqual([add.body.id, add.body.id]);
  });

  it('sends a custom body and headers; a null body sends none', async () => {
    await request(emu.app).post(`${E}/faults`).set('Authorization', asAdmin).send({ path: '/wp-json/demo/v1/whoami', status: 429, body: { error: 'slow down' }, headers: { 'Retry-After': '7' }, times: 1 });
    const res = await request(emu.app).get('/wp-json/demo/v1/whoami');
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ error: 'slow down' });
    expect(res.headers['retry-after']).toBe('7');
    await request(emu.app).post(`${E}/faults`).set('Authorization', asAdmin).send({ path: '/wp-json/demo/v1/whoami', status: 502, body: null, times: 1 });
    const empty = await request(emu.app).get('/wp-json/demo/v1/whoami');
    expect(empty.status).toBe(502);
    expect(empty.text).toBe('');
  });

  it('matches globs (* within a segment, ** across), regexes, methods, and ?rest_route= requests', async () => {
    emu.faults.add({ method: 'GET', path: '/wp-json/demo/*/whoami', status: 500 });
    expect((await request(emu.app).get('/wp-json/demo/v1/whoami')).status).toBe(500);
    expect((await request(emu.app).get('/?rest_route=/demo/v1/whoami')).status).toBe(500);
    expect((await request(emu.app).post('/wp-json/demo/v1/revoke').send({ token: 'x' })).status).toBe(200);
    emu.faults.clear();
    emu.faults.add({ path: '/wp-json/demo/**', status: 418 });
    expect((await request(emu.app).post('/wp-json/demo/v1/revoke').send({ token: 'x' })).status).toBe(418);
    expect((await request(emu.app).get('/wp-json/wp/v2')).status).not.toBe(418);
    emu.faults.clear();
    await request(emu.app).post(`${E}/faults`).set('Authorization', asAdmin).send({ pathRegex: 'revoke$', status: 409 });
    expect((await request(emu.app).post('/wp-json/demo/v1/revoke').send({ token: 'x' })).status).toBe(409);
    expect((await request(emu.app).get('/wp-json/demo/v1/whoami')).status).toBe(401);
  });

  it('applies until cleared without times; DELETE /faults and DELETE /faults/{id} clear', async () => {
    const a = emu.faults.add({ path: '/wp-json/demo/v1/whoami', status: 500 });
    emu.faults.add({ path: '/wp-json/demo/v1/revoke', status: 500 });
    for (let i = 0; i < 3; i++) expect((await request(emu.app).get('/wp-json/demo/v1/whoami')).status).toBe(500);
    const one = await request(emu.app).delete(`${E}/faults/${a.id}`).set('Authorization', asAdmin);
    expect(one.body).toEqual({ deleted: 1 });
    expect((await request(emu.app).get('/wp-json/demo/v1/whoami')).status).toBe(401);
    const missing = await request(emu.app).delete(`${E}/faults/${a.id}`).set('Authorization', asAdmin);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('emulator_fault_not_found');
    const all = await request(emu.app).delete(`${E}/faults`).set('Authorization', asAdmin);
    expect(all.body).toEqual({ deleted: 1 });
    expect(emu.faults.list()).toEqual([]);
  });

  it('adds latency and then answers normally', async () => {
    const fault = emu.faults.add({ path: '/wp-json/demo/v1/whoami', latencyMs: 40, times: 1 });
    const res = await request(emu.app).get('/wp-json/demo/v1/whoami');
    expect(res.status).toBe(401);
    const [entry] = emu.journal.list();
    expect(entry!.fault).toBe(fault.id);
    expect(entry!.durationMs).toBeGreaterThanOrEqual(39);
  });

  it('latency timers do not keep the process alive, and closing the site ends them: the delayed request answers 503 at once', async () => {
    const timeouts = jest.spyOn(global, 'setTimeout');
    let answer: Promise<request.Response>;
    let waiting: ReturnType<typeof setTimeout> | undefined;
    try {
      emu.faults.add({ path: '/wp-json/demo/v1/whoami', latencyMs: 60_000 });
      answer = request(emu.app).get('/wp-json/demo/v1/whoami').then((r) => r);
      while (emu.faults.pendingWaits === 0) await tick();
      const at = timeouts.mock.calls.findIndex((call) => call[1] === 60_000);
      waiting = timeouts.mock.results[at]?.value as ReturnType<typeof setTimeout> | undefined;
    } finally {
      timeouts.mockRestore();
    }
    if (!waiting) throw new Error('no 60 s timer was set');
    expect(waiting.hasRef()).toBe(false);
    await emu.close();
    expect(emu.faults.pendingWaits).toBe(0);
    expect(emu.faults.list()).toEqual([]);
    // Without close() this would hang for the full minute.
    const res = await answer;
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ code: 'emulator_closing', message: 'The emulator is shutting down.', data: { status: 503 } });
  });

  it('a wait that fails for another reason than closing still applies the fault, never an unhandled rejection', async () => {
    const faults = new Faults(emu.clock);
    faults.add({ path: '/x', latencyMs: 5, status: 502 });
    const stage = faultStage({ faults, exempt: () => false, wait: () => Promise.reject(new Error('timer failed')) });
    const ctx = { method: 'GET', url: '/x', route: null, fault: null, answer: null } as unknown as RequestContext;
    await stage.beforeDispatch!(ctx);
    expect(ctx.fault).not.toBeNull();
    expect(ctx.answer?.status).toBe(502);
  });

  it('never touches the control API, so a catch-all fault can still be cleared', async () => {
    emu.faults.add({ path: '/**', status: 500 });
    expect((await request(emu.app).get('/wp-json/')).status).toBe(500);
    expect((await request(emu.app).get(`${E}/faults`).set('Authorization', asAdmin)).status).toBe(200);
    expect((await request(emu.app).delete(`${E}/faults`).set('Authorization', asAdmin)).body).toEqual({ deleted: 1 });
    expect((await request(emu.app).get('/wp-json/')).status).toBe(200);
  });

  it.each([
    ['no path', { status: 500 }, 'path'],
    ['a path not starting with /', { path: 'wp-json/x', status: 500 }, 'path'],
    ['both path and pathRegex', { path: '/x', pathRegex: 'x', status: 500 }, 'path'],
    ['an invalid regex', { pathRegex: '(', status: 500 }, 'pathRegex'],
    ['a regex over 2,048 characters', { pathRegex: 'a'.repeat(2049), status: 500 }, 'pathRegex'],
    ['neither status nor latency', { path: '/x' }, 'status'],
    ['a status out of range', { path: '/x', status: 99 }, 'status'],
    ['times 0', { path: '/x', status: 500, times: 0 }, 'times'],
    ['a latency too long', { path: '/x', latencyMs: 600000 }, 'latencyMs'],
    ['an invalid method', { path: '/x', status: 500, method: 'GE T' }, 'method'],
    ['a header with a newline', { path: '/x', status: 500, headers: { 'X-A': 'a\nb' } }, 'headers'],
    ['a body without a status', { path: '/x', latencyMs: 5, body: { a: 1 } }, 'body'],
  ])('POST with %s is 400 rest_invalid_param naming the field', async (_name, body, param) => {
    const res = await request(emu.app).post(`${E}/faults`).set('Authorization', asAdmin).send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('rest_invalid_param');
    expect(Object.keys(res.body.data.params)).toEqual([param]);
    expect(emu.faults.list()).toEqual([]);
  });

  it('in process: faults.add throws FaultError for a bad spec, accepts a RegExp', async () => {
    expect(() => emu.faults.add({ path: '/x' })).toThrow(FaultError);
    emu.faults.add({ path: /\/whoami$/, status: 503, times: 1 });
    expect(emu.faults.list()[0]).toMatchObject({ pathRegex: '\\/whoami$', remaining: 1 });
    expect((await request(emu.app).get('/wp-json/demo/v1/whoami')).status).toBe(503);
    expect(emu.faults.list()).toEqual([]);
  });
});

describe('emulator/v1/tokens/introspect', () => {
  const introspect = (body: Record<string, unknown>) => request(emu.app).post(`${E}/tokens/introspect`).set('Authorization', asAdmin).send(body);

  it('answers active:true for a fresh token, active:false after expiry', async () => {
    const token = await issue(emu);
    const fresh = await introspect({ token });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toEqual({ active: true, vendor: 'demo', sub: 'admin', iat: START_S, exp: START_S + 900, scope: 'demo' });
    emu.clock.advance(900);
    expect((await introspect({ token })).body.active).toBe(false);
  });

  it('answers active:false after revocation and for unknown tokens', async () => {
    const token = await issue(emu);
    await request(emu.app).post('/wp-json/demo/v1/revoke').send({ token });
    expect((await introspect({ token, vendor: 'demo' })).body).toMatchObject({ active: false, vendor: 'demo' });
    expect((await introspect({ token: 'never-issued' })).body).toEqual({ active: false, vendor: 'unknown' });
  });

  it('validates its parameters', async () => {
    const missing = await introspect({});
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('rest_missing_callback_param');
    const vendor = await introspect({ token: 'x', vendor: 'acme' });
    expect(vendor.status).toBe(400);
    expect(vendor.body.code).toBe('rest_invalid_param');
    expect(vendor.body.data.params.vendor).toContain('demo');
  });

  it('in process: introspect(token, vendor?)', async () => {
    const token = await issue(emu);
    expect(emu.introspect(token)).toMatchObject({ active: true, vendor: 'demo' });
    expect(emu.introspect(token, 'demo').active).toBe(true);
  });
});
