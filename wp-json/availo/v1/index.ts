import type { NamespaceModule } from '../../../core/namespace';

export const availo: NamespaceModule = {
  id: 'availo',
  namespace: 'availo/v1',
  register(ctx) {
    ctx.rest.registerNamespace('availo/v1');
  },
};
