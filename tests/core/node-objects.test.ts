import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { standardApp } from '../helpers';

// The middlewares in front of Express's router and the REST layer get Node's own request and
// response objects (plugin/app.ts, docs/architecture.md): Express's helpers are not there.

const ROOT = path.join(__dirname, '..', '..');
const FRONT_FILES = ['core/rest/http.ts', 'core/journal.ts', 'core/faults.ts', 'core/control.ts', 'core/auth/guard.ts', 'plugin/control.ts'];
const EXPRESS_ONLY = /\bres\.(status|json|send|type|set|sendStatus|format|location|redirect|append|vary|links|cookie|attachment|locals)\s*\(|\breq\.(query|path|ip|ips|hostname|protocol|secure|get|is|accepts|params|baseUrl|app|fresh|subdomains|xhr)\b/;

describe("Node's own request and response in front of Express", () => {
  it.each(FRONT_FILES)('%s uses no Express-only request or response helper', (file) => {
    const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    const offending = lines.map((line, i) => [i + 1, line] as const).filter(([, line]) => !/^\s*(\/\/|\/\*|\*)/.test(line) && EXPRESS_ONLY.test(line));
    expect(offending).toEqual([]);
  });

  it('a REST request is answered without Express re-parenting it; the home page still gets Express', async () => {
    const emu = await standardApp();
    try {
      const seen: { rest?: boolean; home?: boolean } = {};
      // Look at the objects as the first middleware sees them, and once more at the end of the answer.
      const original = (emu.app as unknown as { handle: (req: object, res: object, next?: unknown) => void }).handle;
      (emu.app as unknown as { handle: typeof original }).handle = function (req, res, next) {
        (res as { once(event: string, fn: () => void): void }).once('finish', () => {
          const express = typeof (res as { status?: unknown }).status === 'function';
          if ((req as { url: string }).url.startsWith('/wp-json')) seen.rest = express;
          else seen.home = express;
        });
        original.call(this, req, res, next);
      };
      const rest = await request(emu.app).get('/wp-json/');
      const home = await request(emu.app).get('/');
      expect(rest.status).toBe(200);
      expect(home.status).toBe(200);
      expect(seen).toEqual({ rest: false, home: true });
    } finally {
      await emu.close();
    }
  });
});
