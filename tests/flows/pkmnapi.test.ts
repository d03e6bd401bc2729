import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, standardApp } from '../helpers';
import { MODES } from './control';

/**
 * pkmnapi: issue (the token is e-mailed: read it from the outbox) → use (Bearer on /roms) → the
 * 600 s cooldown passes by clock → a new token replaces the old one → revoke (delete code from the
 * outbox, then DELETE).
 */
const START = '2030-01-01T00:00:00.000Z';
const BASE = '/wp-json/pkmnapi/v1';
const EMAIL = 'ash@example.com';
const body = (attributes: Record<string, string>) => ({ data: { type: 'access_tokens', attributes } });

describe.each(MODES)('pkmnapi flow, controls %s', (_mode, controlOf) => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { CLOCK_START: START } });
  });
  afterEach(() => emu.close());

  const ask = () => request(emu.app).post(`${BASE}/access_tokens`).set('Authorization', asAdmin).send(body({ email_address: EMAIL }));

  it('issue (by mail) → use → cooldown by clock → replaced → revoke with a mailed delete code', async () => {
    const control = controlOf(emu);
    expect((await ask()).status).toBe(201);
    const mails = await control.outbox(EMAIL);
    expect(mails).toHaveLength(1);
    const token = /access token: (\w{64})/.exec(mails[0]!.text)![1]!;
    expect(await control.introspect(token)).toMatchObject({ active: true, vendor: 'pkmnapi', sub: EMAIL });

    // Use: the Bearer token passes pkmnapi's guard (no ROM is uploaded, so 403 error_roms_no_rom, not 401).
    const roms = await request(emu.app).get(`${BASE}/roms`).set('Authorization', `Bearer ${token}`);
    expect(roms.status).toBe(403);
    expect(roms.body.data.id).toBe('error_roms_no_rom');

    const tooSoon = await ask();
    expect(tooSoon.status).toBe(403);
    expect(tooSoon.body.data.id).toBe('error_access_tokens_timeout');
    await control.advance(601);
    expect((await ask()).status).toBe(201);
    const second = /access token: (\w{64})/.exec((await control.outbox(EMAIL)).at(-1)!.text)![1]!;
    expect(second).not.toBe(token);
    expect((await control.introspect(token, 'pkmnapi')).active).toBe(false);
    expect((await control.introspect(second)).active).toBe(true);

    await control.advance(601);
    const asked = await request(emu.app).post(`${BASE}/access_tokens/delete`).set('Authorization', asAdmin).send(body({ email_address: EMAIL }));
    expect(asked.status).toBe(201);
    const code = /code=(\w{64})/.exec((await control.outbox(EMAIL)).at(-1)!.text)![1]!;
    const deleted = await request(emu.app).delete(`${BASE}/access_tokens`).set('Authorization', asAdmin).send(body({ code, email_address: EMAIL }));
    expect(deleted.status).toBe(204);
    expect((await control.introspect(second)).active).toBe(false);

    await control.reset();
    expect(await control.outbox(EMAIL)).toEqual([]);
  });
});
