import request from 'supertest';
import { asAdmin, standardApp } from './helpers';

describe('smoke', () => {
  it('serves the discovery index with application-passwords authentication', async () => {
    const emu = await standardApp();
    try {
      const res = await request(emu.app).get('/wp-json/').set('Authorization', asAdmin);
      expect(res.status).toBe(200);
      expect(res.body.authentication['application-passwords']).toBeDefined();
      expect(res.headers['cache-control']).toContain('no-store');
    } finally {
      await emu.close();
    }
  });
});
