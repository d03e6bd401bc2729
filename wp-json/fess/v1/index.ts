import type { NamespaceModule } from '../../../core/namespace';

export const fess: NamespaceModule = {
  id: 'fess',
  namespace: 'fess/v1',
  register(ctx) {
    ctx.rest.registerNamespace('fess/v1');
  },
};
