import type { NamespaceModule } from '../../core/namespace';
import { WpError } from '../../core/rest/errors';
import { RestResponse } from '../../core/rest/response';
import { EDITABLE, READABLE } from '../../core/rest/server';

/**
 * A namespace that exists only in tests, to pin the core's behaviour: every row of WordPress's
 * error table and the header rules, without depending on any vendor.
 */
export const testNamespace: NamespaceModule = {
  id: 'test',
  namespace: 'test/v1',
  register(ctx) {
    const admin = (req: { user: unknown }) => ctx.users.can(req.user as never, 'manage_options');
    const items = ctx.store.collection<{ id: string; name: string }>('test.items');
    ctx.rest.registerRoute('test/v1', '/admin-ping', { methods: ['POST'], permission: admin, handler: (req) => ({ pong: true, user: req.user?.id ?? 0 }) });
    ctx.rest.registerRoute('test/v1', '/echo', {
      methods: READABLE,
      args: {
        n: { type: 'integer', required: true, minimum: 1 },
        mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
        flag: { type: 'boolean', default: false },
        tags: { type: 'array', items: { type: 'string' } },
      },
      handler: (req) => ({ n: req.param('n'), mode: req.param('mode'), flag: req.param('flag'), tags: req.param('tags') ?? null, nested: { a: 1, b: 2 } }),
    });
    ctx.rest.registerRoute('test/v1', '/both', [
      { methods: READABLE, handler: () => ({ read: true }) },
      { methods: EDITABLE, permission: admin, handler: (req) => ({ edited: true, method: req.method }) },
    ]);
    ctx.rest.registerRoute('test/v1', '/items', [
      { methods: READABLE, permission: admin, handler: () => [...items.values()] },
      {
        methods: ['POST'],
        permission: admin,
        args: { name: { type: 'string', required: true, minLength: 1 } },
        handler: async (req) => {
          const id = String(items.size + 1);
          items.put(id, { id, name: String(req.param('name')) });
          return new RestResponse({ id, name: req.param('name') }, 201, { Location: ctx.rest.restUrl(`/test/v1/items/${id}`) });
        },
      },
    ]);
    ctx.rest.registerRoute('test/v1', '/items/(?P<id>[\\d]+)', {
      methods: ['DELETE'],
      permission: admin,
      handler: async (req) => {
        if (!items.delete(String(req.param('id')))) return new WpError('test_not_found', 'No such item.', { status: 404 });
        return new RestResponse(null, 204);
      },
    });
    ctx.rest.registerRoute('test/v1', '/boom', { methods: READABLE, handler: () => { throw new Error('secret internals at /srv/app.ts:12'); } });
    ctx.rest.registerRoute('test/v1', '/error', { methods: READABLE, handler: () => new WpError('test_teapot', 'I am a teapot.', { status: 418, extra: 'x' }) });
    ctx.rest.registerRoute('test/v1', '/custom-permission', { methods: READABLE, permission: () => new WpError('test_denied', 'Denied by policy.', { status: 403 }), handler: () => ({}) });
    ctx.rest.registerRoute('test/v1', '/body', { methods: ['POST'], handler: (req) => ({ json: req.json ?? null, form: req.bodyParams, value: req.param('value') ?? null }) });
  },
};
