import request from 'supertest';
import { standardApp } from '../helpers';

// The pipeline runs on Node's own request and response objects, typed as such (core/pipeline, the
// seam in plugin/app.ts, docs/architecture.md): an Express-only helper there is a type error.

describe("Node's own request and response in the pipeline", () => {
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

describe('what the host (Express) serves', () => {
  it('the home page at / and /index.php (any case, trailing slash, HEAD), the screens, else WordPress\'s 404 page', async () => {
    const emu = await standardApp();
    try {
      for (const path of ['/', '/index.php', '/INDEX.PHP', '/index.php/']) {
        const res = await request(emu.app).get(path);
        expect([path, res.status, res.headers['content-type']]).toEqual([path, 200, 'text/html; charset=utf-8']);
        expect(res.headers.link).toMatch(/\/wp-json\/>; rel="https:\/\/api\.w\.org\/"$/);
      }
      const head = await request(emu.app).head('/');
      expect([head.status, head.text ?? '']).toEqual([200, '']);
      // POST / is not the home page, nor is a path that only starts like it.
      for (const [method, path] of [['post', '/'], ['get', '/index.phpx'], ['get', '/nothing-here']] as const) {
        const res = await request(emu.app)[method](path);
        expect([method, path, res.status]).toEqual([method, path, 404]);
        expect(res.text).toContain('<h1>Not Found</h1>');
      }
      // A screen (built on first use) answers: the login form.
      const login = await request(emu.app).get('/wp-login.php');
      expect(login.status).toBe(200);
      expect(login.text).toContain('name="log"');
    } finally {
      await emu.close();
    }
  });
});
