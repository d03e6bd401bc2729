import type { NamespaceModule } from '../../../core/namespace';
import { registerApplicationPasswords } from './application-passwords';
import { userCli } from './cli';
import { registerUsers } from './users';

/**
 * WordPress's own `wp/v2` namespace, the part the emulator serves: `GET /wp/v2/users/me` (and its
 * update/delete endpoints) and the application-password routes, as WordPress 6.8 answers them.
 * Its command-line group is `user` (WP-CLI's `wp user ...`).
 */
export const wpV2: NamespaceModule = {
  id: 'wp',
  namespace: 'wp/v2',
  register(ctx) {
    ctx.rest.registerNamespace('wp/v2');
    registerUsers(ctx);
    registerApplicationPasswords(ctx);
  },
  cli: userCli,
};
