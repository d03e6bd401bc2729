import type { NamespaceModule } from '../../../core/namespace';

export const purewl: NamespaceModule = {
  id: 'purewl',
  namespace: 'purewl/v1',
  register(ctx) {
    ctx.rest.registerNamespace('purewl/v1');
  },
};
