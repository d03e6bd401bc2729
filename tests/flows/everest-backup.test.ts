import request from 'supertest';
import type { EmulatorApp } from '../../plugin/app';
import { asAdmin, asEditor, standardApp } from '../helpers';
import { MODES } from './control';

/**
 * Everest Backup: issue (POST access-token) → use (POST manual-backup with access_token) → expire by
 * clock (a nonce lives 12 to 24 hours, so 24 h always ends it). The plugin has no refresh or revoke.
 */
const START = '2030-01-01T03:00:00.000Z';
const BASE = '/wp-json/everest-backup/v1';

describe.each(MODES)('everest-backup flow, controls %s', (_mode, controlOf) => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ settings: { CLOCK_START: START } });
  });
  afterEach(() => emu.close());

  it('issue → use → expire by clock', async () => {
    const control = controlOf(emu);
    const issued = await request(emu.app).post(`${BASE}/access-token`).set('Authorization', asAdmin).send({ action: 'Test action' });
    expect(issued.status).toBe(200);
    expect(issued.body.action).toBe('ebwp-test-action');
    const token = issued.body.access_token as string;
    expect(await control.introspect(token)).toMatchObject({ active: true, vendor: 'everest-backup', sub: 'admin' });

    const backup = await request(emu.app).post(`${BASE}/manual-backup`).set('Authorization', asAdmin).send({ access_token: token });
    expect(backup.status).toBe(200);
    expect(backup.body).toMatchObject({ status: 'done', progress: 100 });
    // The token is the admin's: another user cannot use it.
    expect((await request(emu.app).post(`${BASE}/manual-backup`).set('Authorization', asEditor).send({ access_token: token })).status).toBe(401);

    await control.advance(12 * 3600);
    expect((await request(emu.app).post(`${BASE}/manual-backup`).set('Authorization', asAdmin).send({ access_token: token })).status).toBe(200);
    await control.advance(12 * 3600);
    const expired = await request(emu.app).post(`${BASE}/manual-backup`).set('Authorization', asAdmin).send({ access_token: token });
    expect(expired.status).toBe(400);
    expect(expired.body).toEqual({ code: 'everest-backup-api-error-400', message: 'Cannot verify access token. Access token either expired or invalid.', data: { status: 400 } });
    expect(await control.introspect(token, 'everest-backup')).toEqual({ active: false, vendor: 'everest-backup' });
  });
});
