import { checkOptions, CliError, flag, formatItem, formatItems, selectFields, stringOption, wpCliJson, type CliGroup, type CliIO, type ParsedArgs } from '../../../core/cli';
import type { SiteContext } from '../../../core/namespace';
import type { PluginInfo, PluginRegistry, PluginStatus } from '../../../core/plugins';
import { phpWordwrap } from '../../../core/wordpress/formatting';
import { tooMany } from './cli-args';

/**
 * `wp-token-emulator plugin ...`: WP-CLI's `wp plugin list|status|get|activate|deactivate|toggle|is-active|is-installed`,
 * with its words, messages and exit codes. On a running server the command is forwarded to it, so
 * the routes come and go at once.
 */

function registryOf(ctx: SiteContext): PluginRegistry {
  if (!ctx.pluginRegistry) throw new CliError('This site has no plugins.');
  return ctx.pluginRegistry;
}

/** WP-CLI names a plugin by its folder (`akismet`); the file (`akismet/akismet.php`) works too. */
function row(registry: PluginRegistry, plugin: PluginInfo): Record<string, unknown> {
  return {
    name: plugin.id,
    status: registry.status(plugin),
    update: 'none',
    version: plugin.version,
    update_version: '',
    auto_update: 'off',
    title: plugin.name,
    description: plugin.description,
    file: `${plugin.file}.php`,
    author: plugin.author,
  };
}

const FIELDS = ['name', 'status', 'update', 'version', 'update_version', 'auto_update', 'title', 'description', 'file', 'author'];
const DEFAULT_FIELDS = ['name', 'status', 'update', 'version', 'update_version', 'auto_update'];

/** activate / deactivate: WP-CLI's messages, `--all`, and exit 1 when a named plugin was not found. */
async function toggle(args: ParsedArgs, io: CliIO, ctx: SiteContext, wanted: PluginStatus): Promise<number> {
  checkOptions(args, ['all']);
  const registry = registryOf(ctx);
  const all = flag(args, 'all');
  if (!all && args.positional.length === 0) throw new CliError('Please specify one or more plugins, or use --all.');
  const verb = wanted === 'active' ? 'activate' : 'deactivate';
  const done = wanted === 'active' ? 'activated' : 'deactivated';
  const { found: targets, missing } = findMany(registry, all ? registry.list().map((p) => p.id) : args.positional, io);
  let changed = 0;
  let already = 0;
  for (const plugin of targets) {
    if (registry.status(plugin) === wanted) {
      if (!all) io.err(wanted === 'active' ? `Warning: Plugin '${plugin.id}' is already active.` : `Warning: Plugin '${plugin.id}' isn't active.`);
      already++;
      continue;
    }
    registry.setStatus(plugin, wanted);
    io.out(`Plugin '${plugin.id}' ${done}.`);
    changed++;
  }
  if (changed > 0) await ctx.store.commit();
  const total = targets.length + missing;
  if (changed === 0 && missing > 0) throw new CliError(`No plugins ${done}.`);
  if (changed === 0 && already > 0) {
    io.out(`Success: Plugin${already > 1 ? 's' : ''} already ${done}.`);
    return 0;
  }
  if (missing > 0) throw new CliError(`Only ${done} ${changed} of ${total} plugins.`);
  io.out(`Success: ${verb === 'activate' ? 'Activated' : 'Deactivated'} ${changed} of ${all ? changed : total} plugins.`);
  return 0;
}

/** The `<plugin>` argument, required. */
function pluginArg(args: ParsedArgs): string {
  const ref = args.positional[0];
  if (ref === undefined) throw new CliError('Missing argument <plugin>.');
  return ref;
}

const GET_FIELDS = ['name', 'title', 'author', 'version', 'description', 'status', 'requires_wp', 'requires_php', 'requires_plugins'];
const GET_DEFAULT_FIELDS = ['name', 'title', 'author', 'version', 'description', 'status'];

/** The plugins named, each found or warned about as WP-CLI's fetcher does: the found ones and how many were not. */
function findMany(registry: PluginRegistry, refs: readonly string[], io: CliIO): { found: PluginInfo[]; missing: number } {
  const found: PluginInfo[] = [];
  let missing = 0;
  for (const ref of refs) {
    const plugin = registry.find(ref);
    if (plugin) found.push(plugin);
    else {
      io.err(`Warning: The '${ref}' plugin could not be found.`);
      missing++;
    }
  }
  return { found, missing };
}

export const pluginCli: CliGroup = {
  name: 'plugin',
  description: 'The site\'s plugins (one per vendor namespace, and the test-control API), as WP-CLI\'s wp plugin.',
  commands: {
    list: {
      synopsis: 'list [--status=<status>] [--field=<field>] [--fields=<fields>] [--format=<format>]',
      description: 'List the plugins (name, status, update, version, update_version, auto_update).',
      help: {
        options: {
          '--status': 'Only the plugins with this status: active or inactive.',
          '--field': 'Print the value of a single field for each plugin.',
          '--fields': 'Limit the output to these fields (name, status, update, version, update_version, auto_update, title, description, file, author).',
          '--format': 'Render output in a particular format: table, json, csv, count or ids. Default: table.',
        },
        examples: ['# The active plugins', '$ wp-token-emulator plugin list --status=active --field=name', 'everest-backup'],
      },
      run(args, io, ctx) {
        checkOptions(args, ['status', 'field', 'fields', 'format']);
        const registry = registryOf(ctx);
        const status = stringOption(args, 'status');
        const items = registry.list().map((p) => row(registry, p)).filter((r) => status === undefined || r.status === status);
        const fields = selectFields(args, FIELDS, DEFAULT_FIELDS);
        const format = stringOption(args, 'format') ?? 'table';
        if (typeof args.options.field === 'string') {
          for (const item of items) io.out(String(item[fields[0]!] ?? ''));
          return 0;
        }
        formatItems(io, format, items, fields, 'name');
        return 0;
      },
    },
    status: {
      synopsis: 'status [<plugin>]',
      description: 'The status of every plugin, or the details of one.',
      help: {
        options: { '<plugin>': 'A plugin (everest-backup, availo, purewl, pkmnapi, fess, emulator) to show in detail.' },
        examples: ['# Is Everest Backup active?', '$ wp-token-emulator plugin status everest-backup', 'Plugin everest-backup details:'],
      },
      run(args, io, ctx) {
        checkOptions(args, []);
        const registry = registryOf(ctx);
        const ref = args.positional[0];
        if (ref === undefined) {
          const plugins = registry.list();
          io.out(`${plugins.length} installed plugins:`);
          for (const p of plugins) io.out(`  ${registry.status(p) === 'active' ? 'A' : 'I'} ${p.id.padEnd(20)} ${p.version}`);
          io.out('\nLegend: A = Active, I = Inactive');
          return 0;
        }
        const plugin = registry.find(ref);
        if (!plugin) throw new CliError(`The '${ref}' plugin could not be found.`);
        io.out(`Plugin ${plugin.id} details:`);
        io.out(`    Name: ${plugin.name}`);
        io.out(`    Status: ${registry.status(plugin) === 'active' ? 'Active' : 'Inactive'}`);
        io.out(`    Version: ${plugin.version}`);
        io.out(`    Author: ${plugin.author}`);
        io.out(`    Description: ${plugin.description}`);
        io.out(`    REST namespaces: ${plugin.namespaces.join(', ')}`);
        return 0;
      },
    },
    activate: {
      synopsis: 'activate [<plugin>...] [--all]',
      description: 'Activate plugins: their REST routes come back (data kept).',
      help: {
        options: { '<plugin>': 'One or more plugins to activate.', '--all': 'Activate every plugin.' },
        examples: ['# Bring Everest Backup\'s routes back', '$ wp-token-emulator plugin activate everest-backup', "Plugin 'everest-backup' activated.", 'Success: Activated 1 of 1 plugins.'],
      },
      run: (args, io, ctx) => toggle(args, io, ctx, 'active'),
    },
    deactivate: {
      synopsis: 'deactivate [<plugin>...] [--all]',
      description: 'Deactivate plugins: their REST routes answer 404 rest_no_route (data kept).',
      help: {
        options: { '<plugin>': 'One or more plugins to deactivate.', '--all': 'Deactivate every plugin.' },
        examples: ['# Take Everest Backup\'s routes away', '$ wp-token-emulator plugin deactivate everest-backup', "Plugin 'everest-backup' deactivated.", 'Success: Deactivated 1 of 1 plugins.'],
      },
      run: (args, io, ctx) => toggle(args, io, ctx, 'inactive'),
    },
    get: {
      synopsis: 'get <plugin> [--field=<field>] [--fields=<fields>] [--format=<format>]',
      description: 'Gets details about an installed plugin.',
      help: {
        options: {
          '<plugin>': 'The plugin to get.',
          '--field': 'Instead of returning the whole plugin, returns the value of a single field.',
          '--fields': 'Limit the output to specific fields (name, title, author, version, description, status; also requires_wp, requires_php, requires_plugins).',
          '--format': 'Render output in a particular format: table, csv, json or yaml. Default: table.',
        },
        examples: ['# Get plugin details', '$ wp-token-emulator plugin get fess --fields=name,status --format=json', '{"name":"fess","status":"active"}'],
      },
      run(args, io, ctx) {
        checkOptions(args, ['field', 'fields', 'format']);
        const ref = pluginArg(args);
        tooMany(args, 1);
        const registry = registryOf(ctx);
        const plugin = registry.find(ref);
        if (!plugin) throw new CliError(`The '${ref}' plugin could not be found.`);
        const item: Record<string, unknown> = {
          name: plugin.id,
          title: plugin.name,
          author: plugin.author,
          version: plugin.version,
          description: phpWordwrap(plugin.description),
          status: registry.status(plugin),
          requires_wp: '',
          requires_php: '',
          requires_plugins: '',
        };
        const fields = selectFields(args, GET_FIELDS, GET_DEFAULT_FIELDS);
        const format = stringOption(args, 'format') ?? 'table';
        if (typeof args.options.field === 'string') {
          io.out(format === 'json' ? wpCliJson(item[fields[0]!]) : String(item[fields[0]!]));
          return 0;
        }
        if (!['table', 'csv', 'json', 'yaml'].includes(format)) throw new CliError(`Invalid format: ${format}. Use table, csv, json or yaml.`);
        formatItem(io, format, item, fields);
        return 0;
      },
    },
    toggle: {
      synopsis: 'toggle <plugin>...',
      description: 'Toggles a plugin\'s activation state: an active one is deactivated, an inactive one activated.',
      help: {
        options: { '<plugin>': 'One or more plugins to toggle.' },
        examples: ['# Everest Backup is active', '$ wp-token-emulator plugin toggle everest-backup', "Plugin 'everest-backup' deactivated.", 'Success: Toggled 1 of 1 plugins.'],
      },
      async run(args, io, ctx) {
        checkOptions(args, []);
        if (args.positional.length === 0) throw new CliError('Missing argument <plugin>.');
        const registry = registryOf(ctx);
        const { found, missing } = findMany(registry, args.positional, io);
        for (const plugin of found) {
          const active = registry.status(plugin) === 'active';
          registry.setStatus(plugin, active ? 'inactive' : 'active');
          io.out(`Plugin '${plugin.id}' ${active ? 'deactivated' : 'activated'}.`);
        }
        if (found.length > 0) await ctx.store.commit();
        const total = args.positional.length;
        if (missing > 0) throw new CliError(found.length > 0 ? `Only toggled ${found.length} of ${total} plugins.` : 'No plugins toggled.');
        io.out(`Success: Toggled ${found.length} of ${total} plugins.`);
        return 0;
      },
    },
    'is-installed': {
      synopsis: 'is-installed <plugin>',
      description: 'Exit code 0 when the plugin is installed (one of the emulator\'s), 1 otherwise.',
      help: {
        options: { '<plugin>': 'The plugin to check.' },
        examples: ['# Check in a script', '$ wp-token-emulator plugin is-installed akismet || echo missing', 'missing'],
      },
      run(args, _io, ctx) {
        checkOptions(args, []);
        return registryOf(ctx).find(pluginArg(args)) ? 0 : 1;
      },
    },
    'is-active': {
      synopsis: 'is-active <plugin>',
      description: 'Exit code 0 when the plugin is active, 1 otherwise.',
      help: {
        options: { '<plugin>': 'The plugin to check.' },
        examples: ['# Check in a script', '$ wp-token-emulator plugin is-active everest-backup && echo active', 'active'],
      },
      run(args, _io, ctx) {
        checkOptions(args, []);
        const registry = registryOf(ctx);
        const plugin = registry.find(pluginArg(args));
        return plugin && registry.status(plugin) === 'active' ? 0 : 1;
      },
    },
  },
};
