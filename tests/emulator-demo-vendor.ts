import type { NamespaceModule } from '../core/namespace';
import { RestResponse } from '../core/rest/response';
import { randomAlphanumeric, safeEqual } from '../core/secrets';

/** The demo vendor's secret key (a vendor credential checked on top of the application password). */
export const DEMO_SECRET = 'demo-secret-key-42';

/**
 * A tiny vendor that exists only in the control API's tests, so they do not depend on any real
 * vendor: issue (admin + secret key), use (X-Demo-Token), revoke, a mail on issue, introspection.
 */
/** Holds /demo/v1/slow until the test calls `release()`: a request that stays in flight on demand. */
export const slowRoute = {
  release: () => undefined as void,
  arrived: false,
};

export const demoVendor: NamespaceModule = {
  id: 'demo',
  // Its own error envelope, for its OpenAPI document (the response check of tests/helpers.ts reads it).
  openapi: { errorSchema: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } },
  namespace: 'demo/v1',
  register(ctx) {
    ctx.rest.registerNamespace('demo/v1', { json: 'plain' });
    const tokens = ctx.store.collection<{ token: string; sub: string; iat: number; exp: number; revoked: boolean }>('demo.tokens');
    const find = (token: string) => tokens.find((t) => safeEqual(t.token, token));
    ctx.rest.registerRoute('demo/v1', '/token', {
      methods: ['POST'],
      permission: (req) => ctx.users.can(req.user, 'manage_options'),
      args: { secretKey: { type: 'string', required: true }, email: { type: 'string' } },
      handler: async (req) => {
        if (!safeEqual(String(req.param('secretKey')), DEMO_SECRET)) return new RestResponse({ error: 'bad secret key' }, 401);
        const iat = ctx.clock.seconds();
        const record = { token: `demo_${randomAlphanumeric(32)}`, sub: req.user!.login, iat, exp: iat + 900, revoked: false };
        tokens.put(record.token, record);
        const email = req.param('email');
        if (typeof email === 'string') await ctx.mailer.send({ to: email, subject: 'Your demo token', text: `Token issued: ${record.token}`, from: 'demo' });
        return new RestResponse({ accessToken: record.token, expiresIn: 900, message: `issued ${record.token}` }, 201);
      },
    });
    ctx.rest.registerRoute('demo/v1', '/whoami', {
      methods: ['GET'],
      handler: (req) => {
        const t = find(req.header('x-demo-token') ?? '');
        if (!t || t.revoked || t.exp <= ctx.clock.seconds()) return new RestResponse({ error: 'invalid or expired token' }, 401);
        return { sub: t.sub };
      },
    });
    ctx.rest.registerRoute('demo/v1', '/slow', {
      methods: ['GET'],
      handler: async () => {
        await new Promise<void>((resolve) => {
          slowRoute.release = resolve;
          slowRoute.arrived = true;
        });
        return { tokens: tokens.size };
      },
    });
    ctx.rest.registerRoute('demo/v1', '/revoke', {
      methods: ['POST'],
      args: { token: { type: 'string', required: true } },
      handler: async (req) => {
        const t = find(String(req.param('token')));
        if (t) tokens.put(t.token, { ...t, revoked: true });
        return { revoked: Boolean(t) };
      },
    });
    return {
      introspect(token) {
        const t = find(token);
        if (!t) return null;
        return { active: !t.revoked && t.exp > ctx.clock.seconds(), vendor: 'demo', sub: t.sub, iat: t.iat, exp: t.exp, scope: 'demo' };
      },
    };
  },
};
