import type { NamespaceModule } from '../../core/namespace';
import { CREATABLE, READABLE } from '../../core/rest/server';

/**
 * The test namespace `conformance/v1` of tests/conformance/README.md, the emulator's twin of
 * conformance-mu.php (same routes, args, permission callbacks and answers, in the same order).
 */
export const conformanceModule: NamespaceModule = {
  id: 'conformance',
  namespace: 'conformance/v1',
  register(ctx) {
    ctx.rest.registerNamespace('conformance/v1');
    ctx.rest.registerRoute('conformance/v1', '/admin-ping', {
      methods: CREATABLE,
      permission: (req) => ctx.users.can(req.user, 'manage_options'),
      handler: (req) => ({ pong: true, user: req.user?.id ?? 0 }),
    });
    ctx.rest.registerRoute('conformance/v1', '/echo', {
      methods: READABLE,
      permission: () => true,
      args: {
        n: { description: 'A positive integer.', type: 'integer', minimum: 1, required: true },
        mode: { description: 'One of a, b.', type: 'string', enum: ['a', 'b'], default: 'a' },
        flag: { description: 'A boolean.', type: 'boolean', default: false },
      },
      handler: (req) => ({ n: req.param('n'), mode: req.param('mode'), flag: req.param('flag') }),
    });
  },
};
