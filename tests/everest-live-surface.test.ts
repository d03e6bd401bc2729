/**
 * Everest Backup `live` profile: the routes plugin 2.3.12 registers beyond the seed, and what the
 * recordings cannot show (tests/conformance/recordings/everest-live-6.8.json covers the index,
 * OPTIONS and every error against real WordPress): schedule-backup with a valid
 * everest_backup_ajax_nonce, which only the plugin's own pages hand out.
 */
import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { EmulatorApp } from '../plugin/app';
import { asAdmin, standardApp } from './helpers';

const NS = '/wp-json/everest-backup/v1';
const SCHEDULE = `${NS}/schedule-backup`;
const START = '2024-03-01T10:00:00Z';

/** wp_create_nonce('everest_backup_ajax_nonce') for `uid`, written out independently of the module. */
function ajaxNonce(emu: EmulatorApp, uid: number): string {
  const salt = emu.site.secrets.nonceKey + emu.site.secrets.nonceSalt;
  const tick = Math.ceil(emu.clock.seconds() / 43200);
  return createHmac('md5', salt).update(`${tick}|everest_backup_ajax_nonce|${uid}|`).digest('hex').substring(20, 30);
}

describe('everest-backup/v1 live surface (plugin 2.3.12)', () => {
  let emu: EmulatorApp;
  beforeEach(async () => {
    emu = await standardApp({ clock: START, settings: { EVEREST_PROFILE: 'live' } });
  });
  afterEach(async () => {
    await emu.close();
  });

  it('lists every route as registered twice, schedule-backup included', async () => {
    const res = await request(emu.app).get(NS);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.routes)).toEqual([NS.slice(8), `${NS.slice(8)}/access-token`, `${NS.slice(8)}/manual-backup`, `${NS.slice(8)}/schedule-backup`]);
    expect(res.body.routes['/everest-backup/v1/access-token'].methods).toEqual(['POST', 'POST']);
    expect(res.body.routes['/everest-backup/v1/schedule-backup'].methods).toEqual(['GET', 'POST', 'GET', 'POST']);
  });

  it('answers schedule-backup without a nonce with WordPress rest_forbidden (401 anonymous, 403 logged in)', async () => {
    const anonymous = await request(emu.app).get(SCHEDULE);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('rest_forbidden');
    const admin = await request(emu.app).post(SCHEDULE).set('Authorization', asAdmin);
    expect(admin.status).toBe(403);
  });

  it('runs the stepper for a valid nonce of the calling user (anonymous: user 0)', async () => {
    const res = await request(emu.app).get(SCHEDULE).query({ everest_backup_ajax_nonce: ajaxNonce(emu, 0) });
    expect(res.status).toBe(200);
    expect(res.body.t).toMatch(/^\d+\.\d{4}\d{10}$/);
    const wrongUser = await request(emu.app).get(SCHEDULE).set('Authorization', asAdmin).query({ everest_backup_ajax_nonce: ajaxNonce(emu, 0) });
    expect(wrongUser.status).toBe(403);
    const post = await request(emu.app).post(SCHEDULE).set('Authorization', asAdmin).send({ everest_backup_ajax_nonce: ajaxNonce(emu, 1) });
    expect(post.status).toBe(200);
    expect(post.text).toBe('');
  });

  it('keeps the docs profile to the two documented routes, registered once', async () => {
    const docs = await standardApp({ clock: START });
    try {
      const res = await request(docs.app).get(NS);
      expect(Object.keys(res.body.routes)).not.toContain('/everest-backup/v1/schedule-backup');
      expect(res.body.routes['/everest-backup/v1/access-token'].methods).toEqual(['POST']);
      expect((await request(docs.app).get(SCHEDULE)).status).toBe(404);
    } finally {
      await docs.close();
    }
  });
});
