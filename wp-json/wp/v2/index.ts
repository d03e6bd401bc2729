import { wpOpenApi } from './openapi';
import type { FixtureProblem, NamespaceModule } from '../../../core/namespace';
import { registerApplicationPasswords } from './application-passwords';
import { userCli } from './cli';
import { pluginCli } from './plugin-cli';
import { registerPluginRoutes } from './plugins';
import { registerUsers } from './users';

/** The `wp` fixtures section: `{"activePlugins": ["everest-backup", ...]}` chooses the plugins active at first run. */
function validateWpFixtures(section: unknown, prefix: string): FixtureProblem[] {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) return [{ path: prefix, message: 'must be an object' }];
  const problems: FixtureProblem[] = [];
  for (const key of Object.keys(section)) if (key !== 'activePlugins') problems.push({ path: `${prefix}.${key}`, message: 'unknown key (allowed: activePlugins)' });
  const active = (section as Record<string, unknown>).activePlugins;
  if (active !== undefined && (!Array.isArray(active) || active.some((id) => typeof id !== 'string' || id === ''))) {
    problems.push({ path: `${prefix}.activePlugins`, message: 'must be an array of plugin ids' });
  }
  return problems;
}

/**
 * WordPress's own `wp/v2` namespace, the part the emulator serves: `GET /wp/v2/users/me` (and its
 * update/delete endpoints), the application-password routes and the plugins routes, as WordPress
 * 6.8 answers them. Its command-line groups are `user` and `plugin` (WP-CLI's `wp user ...`, `wp plugin ...`).
 */
export const wpV2: NamespaceModule = {
  id: 'wp',
  openapi: wpOpenApi,
  namespace: 'wp/v2',
  settings: {
    ACTIVE_PLUGINS: {
      type: 'string',
      default: 'all',
      doc: 'Plugins active when the store is first made: all, none, or plugin ids separated by commas (everest-backup,availo,purewl,pkmnapi,fess,emulator). Later the stored state (REST, wp plugin, wp-admin/plugins.php) counts.',
    },
  },
  register(ctx) {
    ctx.rest.registerNamespace('wp/v2');
    registerUsers(ctx);
    registerApplicationPasswords(ctx);
    registerPluginRoutes(ctx);
  },
  fixtures: {
    validate: validateWpFixtures,
    load(section, ctx) {
      const active = (section as { activePlugins?: string[] }).activePlugins;
      if (active !== undefined) ctx.pluginRegistry?.setActive(active);
    },
  },
  cli: [userCli, pluginCli],
};
