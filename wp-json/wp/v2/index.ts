import type { NamespaceModule } from '../../../core/namespace';

export const wpV2: NamespaceModule = {
  id: 'wp',
  namespace: 'wp/v2',
  register(ctx) {
    ctx.rest.registerNamespace('wp/v2');
  },
};
