import type { NamespaceModule } from '../../../core/namespace';

export const everestBackup: NamespaceModule = {
  id: 'everest-backup',
  namespace: 'everest-backup/v1',
  register(ctx) {
    ctx.rest.registerNamespace('everest-backup/v1');
  },
};
