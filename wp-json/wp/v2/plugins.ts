import type { UserRecord } from '../../../core/auth/users';
import type { SiteContext } from '../../../core/namespace';
import type { PluginInfo, PluginRegistry, PluginStatus } from '../../../core/plugins';
import { WpError } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { CREATABLE, DELETABLE, EDITABLE, READABLE, type Method } from '../../../core/rest/server';
import { contextArg } from './schemas';

/**
 * `GET /wp/v2/plugins`, `GET|POST /wp/v2/plugins/<plugin>` as WordPress 6.8 answers them
 * (WP_REST_Plugins_Controller): the emulator's plugins are its namespace modules; `status`
 * `active`/`inactive` switches a plugin's routes on and off at run time.
 */

const PATTERN = '[^.\\/]+(?:\\/[^.\\/]+)?';
const STATUSES = ['inactive', 'active'] as const;
const MANAGE = 'Sorry, you are not allowed to manage plugins for this site.';

const properties: Record<string, Record<string, unknown>> = {
  plugin: { description: 'The plugin file.', type: 'string', pattern: PATTERN, readonly: true, context: ['view', 'edit', 'embed'] },
  status: { description: 'The plugin activation status.', type: 'string', enum: [...STATUSES], context: ['view', 'edit', 'embed'] },
  name: { description: 'The plugin name.', type: 'string', readonly: true, context: ['view', 'edit', 'embed'] },
  plugin_uri: { description: 'The plugin\'s website address.', type: 'string', format: 'uri', readonly: true, context: ['view', 'edit'] },
  author: { description: 'The plugin author.', type: 'object', readonly: true, context: ['view', 'edit'] },
  author_uri: { description: 'Plugin author\'s website address.', type: 'string', format: 'uri', readonly: true, context: ['view', 'edit'] },
  description: { description: 'The plugin description.', type: 'object', readonly: true, context: ['view', 'edit'], properties: { raw: { type: 'string' }, rendered: { type: 'string' } } },
  version: { description: 'The plugin version number.', type: 'string', readonly: true, context: ['view', 'edit'] },
  network_only: { description: 'Whether the plugin can only be activated network-wide.', type: 'boolean', readonly: true, context: ['view', 'edit', 'embed'] },
  requires_wp: { description: 'Minimum required version of WordPress.', type: 'string', readonly: true, context: ['view', 'edit', 'embed'] },
  requires_php: { description: 'Minimum required version of PHP.', type: 'string', readonly: true, context: ['view', 'edit', 'embed'] },
  textdomain: { description: 'The plugin\'s text domain.', type: 'string', readonly: true, context: ['view', 'edit'] },
};

export const pluginSchema = () => ({ $schema: 'http://json-schema.org/draft-04/schema#', title: 'plugin', type: 'object', properties });

/** The methods of /wp/v2/plugins/<plugin> the user may use (the self link's targetHints). */
function allowed(ctx: SiteContext, user: UserRecord | null): Method[] {
  const methods: Method[] = [];
  if (ctx.users.can(user, 'activate_plugins')) methods.push('GET', 'POST', 'PUT', 'PATCH');
  if (ctx.users.can(user, 'delete_plugins')) methods.push('DELETE');
  return methods;
}

/** WP_REST_Plugins_Controller::prepare_item_for_response. */
export function preparePlugin(ctx: SiteContext, registry: PluginRegistry, plugin: PluginInfo, req: RestRequest, context: string): Record<string, unknown> {
  const data: Record<string, unknown> = {
    plugin: plugin.file,
    status: registry.status(plugin),
    name: plugin.name,
    plugin_uri: '',
    author: plugin.author,
    author_uri: '',
    description: { raw: plugin.description, rendered: `${plugin.description} <cite>By ${plugin.author}.</cite>` },
    version: plugin.version,
    network_only: false,
    requires_wp: '',
    requires_php: '',
    textdomain: plugin.id,
  };
  if (context === 'embed') for (const key of Object.keys(data)) if (!(properties[key]!.context as string[]).includes('embed')) delete data[key];
  data._links = { self: [{ href: ctx.rest.restUrl(`/wp/v2/plugins/${plugin.file}`), targetHints: { allow: allowed(ctx, req.user) } }] };
  return data;
}

export function registerPluginRoutes(ctx: SiteContext): void {
  const registry = (): PluginRegistry => ctx.pluginRegistry!;
  const status = (req: RestRequest) => (req.isLoggedIn ? 403 : 401);
  const find = (req: RestRequest): PluginInfo | WpError =>
    registry().list().find((p) => p.file === String(req.param('plugin'))) ?? new WpError('rest_plugin_not_found', 'Plugin not found.', { status: 404 });
  const context = (req: RestRequest) => String(req.param('context') ?? 'view');

  ctx.rest.registerRoute(
    'wp/v2',
    '/plugins',
    [
      {
        methods: READABLE,
        args: {
          context: contextArg,
          search: { description: 'Limit results to those matching a string.', type: 'string' },
          status: { description: 'Limits results to plugins with the given status.', type: 'array', items: { type: 'string', enum: [...STATUSES] } },
        },
        permission: (req) => ctx.users.can(req.user, 'activate_plugins') || new WpError('rest_cannot_view_plugins', MANAGE, { status: status(req) }),
        handler: (req) => {
          const search = req.param('search');
          const wanted = req.param('status') as string[] | undefined;
          return registry()
            .list()
            .filter((p) => {
              const fields = [p.file, p.name, p.description, p.version, p.author, p.id];
              if (typeof search === 'string' && search !== '' && !fields.some((f) => f.includes(search))) return false;
              return !wanted || wanted.length === 0 || wanted.includes(registry().status(p));
            })
            .map((p) => preparePlugin(ctx, registry(), p, req, context(req)));
        },
      },
      {
        methods: CREATABLE,
        args: {
          slug: { type: 'string', required: true, description: 'WordPress.org plugin directory slug.', pattern: '[\\w\\-]+' },
          status: { description: 'The plugin activation status.', type: 'string', enum: [...STATUSES], default: 'inactive' },
        },
        permission: (req) => ctx.users.can(req.user, 'install_plugins') || new WpError('rest_cannot_install_plugin', 'Sorry, you are not allowed to install plugins on this site.', { status: status(req) }),
        // The emulator has no plugin directory to install from (WordPress answers the same when it cannot reach WordPress.org).
        handler: () => new WpError('plugins_api_failed', 'An unexpected error occurred. Something may be wrong with WordPress.org or this server&#8217;s configuration.', { status: 500 }),
      },
    ],
    { schema: pluginSchema },
  );

  const pluginArgs = { context: contextArg, plugin: { type: 'string' as const, pattern: PATTERN } };
  ctx.rest.registerRoute(
    'wp/v2',
    `/plugins/(?P<plugin>${PATTERN})`,
    [
      {
        methods: READABLE,
        args: pluginArgs,
        permission: (req) => {
          if (!ctx.users.can(req.user, 'activate_plugins')) return new WpError('rest_cannot_view_plugin', MANAGE, { status: status(req) });
          const found = find(req);
          return found instanceof WpError ? found : true;
        },
        handler: (req) => {
          const found = find(req);
          return found instanceof WpError ? found : preparePlugin(ctx, registry(), found, req, context(req));
        },
      },
      {
        methods: EDITABLE,
        args: { ...pluginArgs, status: { description: 'The plugin activation status.', type: 'string', enum: [...STATUSES] } },
        permission: (req) => {
          if (!ctx.users.can(req.user, 'activate_plugins')) return new WpError('rest_cannot_manage_plugins', MANAGE, { status: status(req) });
          const found = find(req);
          return found instanceof WpError ? found : true;
        },
        handler: async (req) => {
          const found = find(req);
          if (found instanceof WpError) return found;
          const wanted = req.param('status') as PluginStatus | undefined;
          if (wanted !== undefined && wanted !== registry().status(found)) {
            registry().setStatus(found, wanted);
            await ctx.store.commit();
          }
          return preparePlugin(ctx, registry(), found, req, 'edit');
        },
      },
      {
        methods: DELETABLE,
        args: pluginArgs,
        permission: (req) => {
          if (!ctx.users.can(req.user, 'delete_plugins')) return new WpError('rest_cannot_manage_plugins', MANAGE, { status: status(req) });
          const found = find(req);
          return found instanceof WpError ? found : true;
        },
        handler: (req) => {
          const found = find(req);
          if (found instanceof WpError) return found;
          if (registry().status(found) === 'active') return new WpError('rest_cannot_delete_active_plugin', 'Cannot delete an active plugin. Please deactivate it first.', { status: 400 });
          // The emulator's plugins are part of its code: they can be deactivated, not deleted.
          return new WpError('rest_cannot_delete_plugin', 'The emulator\'s plugins cannot be deleted; deactivate the plugin instead.', { status: 501 });
        },
      },
    ],
    { schema: pluginSchema },
  );
}
