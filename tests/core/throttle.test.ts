import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { LoginThrottle, MAX_TRACKED_KEYS } from '../../core/auth/throttle';
import { createClock } from '../../core/clock';
import type { EmulatorApp } from '../../plugin/app';
import { ADMIN_PASSWORD, asAdmin, basic, standardApp } from '../helpers';
import { testNamespace } from './test-namespace';

const ping = (emu: EmulatorApp, auth: string) => request(emu.app).post('/wp-json/test/v1/admin-ping').set('Authorization', auth);

/** A real request from a chosen loopback address (127.0.0.0/8 are all this machine). */
function pingFrom(port: number, localAddress: string, auth: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, localAddress, method: 'POST', path: '/wp-json/test/v1/admin-ping', headers: { Authorization: auth } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('brute-force protection', () => {
  let emu: EmulatorApp;
  afterEach(() => emu.close());

  it('100 wrong passwords from one address then get 429 with Retry-After, in the WordPress envelope', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE_MAX_PER_IP: 100, AUTH_THROTTLE_MAX_PER_USER: 1000 } });
    for (let i = 0; i < 100; i++) {
      const res = await ping(emu, basic('admin', `wrong-${i}`));
      expect(res.status).toBe(401);
    }
    const blocked = await ping(emu, basic('admin', 'wrong-again'));
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'rest_too_many_login_attempts', data: { status: 429 } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['x-content-type-options']).toBe('nosniff');
    // While blocked, even the right password from that address is refused: a lucky guess is not confirmed.
    expect((await ping(emu, asAdmin)).status).toBe(429);
    // Requests without credentials are not affected.
    expect((await request(emu.app).get('/wp-json/')).status).toBe(200);
    // The window passes on the clock, and the address may try again.
    emu.clock.advance(301);
    expect((await ping(emu, asAdmin)).status).toBe(200);
  });

  it('a correct client from another address is still served while one address is blocked', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE_MAX_PER_IP: 5 } });
    const server = emu.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      for (let i = 0; i < 5; i++) expect(await pingFrom(port, '127.0.0.1', basic('admin', `wrong-${i}`))).toBe(401);
      expect(await pingFrom(port, '127.0.0.1', asAdmin)).toBe(429);
      expect(await pingFrom(port, '127.0.0.2', asAdmin)).toBe(200);
    } finally {
      server.close();
    }
  });

  it('per user: a login attacked from many addresses is blocked, except from addresses it logged in from', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE_MAX_PER_IP: 1000, AUTH_THROTTLE_MAX_PER_USER: 10 } });
    const { throttle } = emu.site;
    // The real admin logs in from 127.0.0.1 first.
    expect((await ping(emu, asAdmin)).status).toBe(200);
    for (let i = 0; i < 10; i++) throttle.recordFailure(`203.0.113.${i}`, 'admin');
    expect(throttle.blocked('198.51.100.1', 'admin')).toBeGreaterThan(0);
    expect(throttle.blocked('198.51.100.1', 'alice')).toBeNull();
    // From its known address the owner is still served.
    expect((await ping(emu, basic('admin', ADMIN_PASSWORD))).status).toBe(200);
  });

  it('can be switched off', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE: false, AUTH_THROTTLE_MAX_PER_IP: 1 } });
    for (let i = 0; i < 5; i++) expect((await ping(emu, basic('admin', 'nope'))).status).toBe(401);
    expect((await ping(emu, asAdmin)).status).toBe(200);
  });

  it('a reset forgets the failures', async () => {
    emu = await standardApp({ namespaces: [testNamespace], settings: { AUTH_THROTTLE_MAX_PER_IP: 2 } });
    await ping(emu, basic('admin', 'x'));
    await ping(emu, basic('admin', 'y'));
    expect((await ping(emu, asAdmin)).status).toBe(429);
    await emu.site.reset();
    expect((await ping(emu, asAdmin)).status).toBe(200);
  });
});

describe('brute-force protection memory', () => {
  it('tracks a bounded number of addresses and logins, however many attack', () => {
    const throttle = new LoginThrottle(createClock('2030-01-01T00:00:00Z'), { enabled: true, maxPerIp: 5, maxPerUser: 5, windowSeconds: 300 });
    for (let i = 0; i < MAX_TRACKED_KEYS; i++) throttle.recordFailure(`2001:db8::${i.toString(16)}`, `user-${i}`);
    expect(throttle.trackedKeys).toBeLessThanOrEqual(MAX_TRACKED_KEYS);
  });
});
