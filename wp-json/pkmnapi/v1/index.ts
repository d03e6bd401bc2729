import type { NamespaceModule } from '../../../core/namespace';

export const pkmnapi: NamespaceModule = {
  id: 'pkmnapi',
  namespace: 'pkmnapi/v1',
  register(ctx) {
    ctx.rest.registerNamespace('pkmnapi/v1');
  },
};
