import type { Request, Response, Router } from 'express';
import type { PluginInfo } from '../../core/plugins';
import { adminUrl, checkNonce, die, field, notice, redirect, requireLogin, roleNames, sendAdmin, type AdminContext } from './context';
import { esc } from './layout';
import type { UserRecord } from '../../core/auth/users';
import { phpEmptyString } from '../../core/wordpress/formatting';

/**
 * wp-admin/plugins.php (activate/deactivate links with WordPress's per-plugin nonces and
 * redirects) and wp-admin/users.php (the users, each linked to their screen).
 */

const LIST_QUERY = 'plugin_status=all&paged=1&s';

function pluginRow(ctx: AdminContext, plugin: PluginInfo, active: boolean, nonce: (action: string) => string): string {
  const file = `${plugin.file}.php`;
  const action = active ? 'deactivate' : 'activate';
  const href = `${adminUrl(ctx, 'plugins.php')}?action=${action}&plugin=${encodeURIComponent(file)}&${LIST_QUERY}&_wpnonce=${nonce(`${action}-plugin_${file}`)}`;
  const label = active ? 'Deactivate' : 'Activate';
  return (
    `<tr class="${active ? 'active' : 'inactive'}" data-slug="${esc(plugin.id)}" data-plugin="${esc(file)}">` +
    `<td class="plugin-title column-primary"><strong>${esc(plugin.name)}</strong>` +
    `<div class="row-actions visible"><span class="${action}"><a href="${esc(href)}" id="${action}-${esc(plugin.id)}" class="edit" aria-label="${label} ${esc(plugin.name)}">${label}</a></span></div></td>` +
    `<td class="column-description desc"><p>${esc(plugin.description)}</p><p class="description">Version ${esc(plugin.version)} | REST namespace${plugin.namespaces.length > 1 ? 's' : ''}: <code>${plugin.namespaces.map(esc).join('</code>, <code>')}</code></p></td>` +
    `<td class="column-status">${active ? 'Active' : 'Inactive'}</td></tr>`
  );
}

/** WP_Users_List_Table's Name column: first and last name, or the one given, or a dash ("Unknown" to a screen reader). */
function nameCell(user: UserRecord): string {
  const names = [user.firstName, user.lastName].filter((name) => !phpEmptyString(name));
  return names.length > 0 ? esc(names.join(' ')) : '<span aria-hidden="true">&#8212;</span><span class="screen-reader-text">Unknown</span>';
}

export function registerLists(router: Router, ctx: AdminContext): void {
  router.get('/wp-admin/plugins.php', async (req: Request, res: Response) => {
    const login = requireLogin(ctx, req, res);
    if (!login) return;
    if (!ctx.site.users.can(login.user, 'activate_plugins')) return die(ctx, res, 403, 'WordPress &rsaquo; Error', 'Sorry, you are not allowed to manage plugins for this site.');
    const registry = ctx.site.pluginRegistry;
    if (!registry) return die(ctx, res, 404, 'WordPress &rsaquo; Error', 'This site has no plugins.');
    const action = field(req.query, 'action');
    if (action === 'activate' || action === 'deactivate') {
      const file = field(req.query, 'plugin');
      if (!checkNonce(ctx, req, res, `${action}-plugin_${file}`, login)) return;
      const plugin = registry.list().find((p) => `${p.file}.php` === file);
      if (!plugin) return die(ctx, res, 500, 'WordPress &rsaquo; Error', 'Plugin file does not exist.');
      registry.setStatus(plugin, action === 'activate' ? 'active' : 'inactive');
      await ctx.site.store.commit();
      return redirect(res, `${adminUrl(ctx, 'plugins.php')}?${action}=true&${LIST_QUERY}=`);
    }
    const message = field(req.query, 'activate') === 'true' ? 'Plugin activated.' : field(req.query, 'deactivate') === 'true' ? 'Plugin deactivated.' : '';
    const active = registry.activeIds();
    const rows = registry
      .list()
      .map((p) => pluginRow(ctx, p, active.has(p.id), (a) => ctx.cookies.createNonce(a, login)))
      .join('');
    sendAdmin(ctx, res, login, {
      title: 'Plugins',
      current: 'plugins.php',
      body:
        (message ? notice('success', esc(message), 'message') : '') +
        `<p class="description">Each vendor namespace of the emulator, and its test-control API, is a plugin. Deactivating one removes its REST routes at once and keeps its data.</p>` +
        `<table class="wp-list-table widefat plugins"><thead><tr><th scope="col" class="column-primary">Plugin</th><th scope="col">Description</th><th scope="col">Status</th></tr></thead>` +
        `<tbody id="the-list">${rows}</tbody></table>`,
    });
  });

  router.get('/wp-admin/users.php', (req: Request, res: Response) => {
    const login = requireLogin(ctx, req, res);
    if (!login) return;
    if (!ctx.site.users.can(login.user, 'list_users')) return die(ctx, res, 403, 'WordPress &rsaquo; Error', 'Sorry, you are not allowed to list users.');
    const referer = encodeURIComponent('/wp-admin/users.php');
    const rows = ctx.site.users
      .list()
      .map((user) => {
        const href = user.id === login.user.id ? `${adminUrl(ctx, 'profile.php')}?wp_http_referer=${referer}` : `${adminUrl(ctx, 'user-edit.php')}?user_id=${user.id}&wp_http_referer=${referer}`;
        const count = ctx.site.applicationPasswords.list(user.id).length;
        return (
          `<tr id="user-${user.id}"><td class="username column-username column-primary"><strong><a href="${esc(href)}">${esc(user.login)}</a></strong></td>` +
          `<td class="name column-name">${nameCell(user)}</td>` +
          `<td class="email column-email"><a href="mailto:${esc(user.email)}">${esc(user.email)}</a></td>` +
          `<td class="role column-role">${esc(roleNames(user.roles, 'None'))}</td>` +
          `<td class="column-application-passwords">${count}</td></tr>`
        );
      })
      .join('');
    sendAdmin(ctx, res, login, {
      title: 'Users',
      current: 'users.php',
      body:
        `<table class="wp-list-table widefat fixed striped table-view-list users"><thead><tr><th scope="col" class="column-primary">Username</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Application Passwords</th></tr></thead>` +
        `<tbody id="the-list">${rows}</tbody></table>`,
    });
  });
}
