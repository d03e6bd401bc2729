import type { RestServer } from './rest/server';
import type { Store } from './store';

/**
 * The site's plugins (WordPress's active_plugins option): each namespace module other than the
 * core's `wp/v2` is a plugin. Deactivating one removes its namespaces' routes at run time and keeps
 * its data; activating brings them back. The active set is kept in the store, so it survives a
 * restart and goes back to the baseline with an emulator reset.
 */

export interface PluginInfo {
  /** Module id (`everest-backup`). */
  id: string;
  /** WordPress's plugin identifier without `.php` (`everest-backup/everest-backup`). */
  file: string;
  name: string;
  description: string;
  version: string;
  author: string;
  /** REST namespaces the plugin registers. */
  namespaces: readonly string[];
}

export type PluginStatus = 'active' | 'inactive';

const COLLECTION = 'options';
const KEY = 'active_plugins';

export class PluginError extends Error {
  constructor(
    readonly code: 'plugin_not_found',
    message: string,
  ) {
    super(message);
  }
}

export class PluginRegistry {
  private readonly byId = new Map<string, PluginInfo>();

  constructor(
    private readonly store: Store,
    private readonly rest: RestServer,
    plugins: readonly PluginInfo[],
  ) {
    for (const plugin of plugins) this.byId.set(plugin.id, plugin);
  }

  list(): PluginInfo[] {
    return [...this.byId.values()];
  }

  /** By module id or by plugin file (`everest-backup` or `everest-backup/everest-backup`, `.php` allowed). */
  find(ref: string): PluginInfo | undefined {
    const clean = ref.replace(/\.php$/, '');
    return this.byId.get(clean) ?? this.list().find((p) => p.file === clean);
  }

  /** The stored active set; every plugin when none was stored yet. */
  activeIds(): Set<string> {
    const stored = this.store.collection<{ ids: string[] }>(COLLECTION).get(KEY);
    return new Set(stored ? stored.ids.filter((id) => this.byId.has(id)) : this.byId.keys());
  }

  status(plugin: PluginInfo): PluginStatus {
    return this.activeIds().has(plugin.id) ? 'active' : 'inactive';
  }

  /** On first run: the starting set from ACTIVE_PLUGINS, unless the fixtures chose one. Throws on an unknown id. */
  startWith(setting: string): void {
    if (this.store.collection(COLLECTION).has(KEY)) return;
    const ids = parseActivePlugins(setting, [...this.byId.keys()]);
    if (typeof ids === 'string') throw new PluginError('plugin_not_found', `ACTIVE_PLUGINS: ${ids}`);
    this.setActive(ids);
  }

  /** Sets the active set (unknown ids throw) and applies it to the REST server. The caller commits the store. */
  setActive(ids: Iterable<string>): void {
    const list = [...new Set(ids)];
    for (const id of list) if (!this.byId.has(id)) throw new PluginError('plugin_not_found', `The '${id}' plugin could not be found.`);
    this.store.collection<{ ids: string[] }>(COLLECTION).put(KEY, { ids: this.list().map((p) => p.id).filter((id) => list.includes(id)) });
    this.apply();
  }

  setStatus(plugin: PluginInfo, status: PluginStatus): void {
    const ids = this.activeIds();
    if (status === 'active') ids.add(plugin.id);
    else ids.delete(plugin.id);
    this.setActive(ids);
  }

  /** Enables the routes of active plugins and disables the others (at start, after a change, after a reset). */
  apply(): void {
    const active = this.activeIds();
    for (const plugin of this.byId.values()) for (const ns of plugin.namespaces) this.rest.setNamespaceEnabled(ns, active.has(plugin.id));
  }
}

/** `ACTIVE_PLUGINS`: `all` (default), `none`, or a comma-separated list of plugin ids. Unknown ids are an error. */
export function parseActivePlugins(value: string, known: readonly string[]): string[] | string {
  const text = value.trim();
  if (text === '' || text === 'all') return [...known];
  if (text === 'none') return [];
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !known.includes(id));
  return unknown.length > 0 ? `unknown plugin(s) ${unknown.join(', ')} (known: ${known.join(', ')})` : ids;
}

/** What a site needs of a namespace module to make it a plugin. */
interface ModuleLike {
  id: string;
  namespace: string;
  cli?: { description: string } | readonly { description: string }[];
}

/** `everest-backup` → `Everest Backup`. */
function titleOf(id: string): string {
  return id.split(/[-_]/).map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
}

/**
 * Registers each module (through `register`) and makes every module but the core's (`wp/v2`) a
 * plugin, with the namespaces its registration added. Returns the registry, nothing applied yet.
 */
export function registerPlugins<M extends ModuleLike>(store: Store, rest: RestServer, modules: readonly M[], register: (module: M) => void): PluginRegistry {
  const infos: PluginInfo[] = [];
  for (const module of modules) {
    const before = new Set(rest.namespaceList());
    register(module);
    if (module.namespace === 'wp/v2') continue;
    const added = rest.namespaceList().filter((ns) => !before.has(ns));
    const cli = Array.isArray(module.cli) ? module.cli[0] : (module.cli as { description: string } | undefined);
    infos.push({
      id: module.id,
      file: `${module.id}/${module.id}`,
      name: titleOf(module.id),
      description: cli?.description ?? `The ${module.namespace} REST namespace.`,
      version: '1.0.0',
      author: 'wp-token-emulator',
      namespaces: added.length > 0 ? added : [module.namespace],
    });
  }
  return new PluginRegistry(store, rest, infos);
}
