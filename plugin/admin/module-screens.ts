import type { Request, Response, Router } from 'express';
import type { UserRecord } from '../../core/auth/users';
import type { AdminScreen } from '../../core/namespace';
import type { Site } from '../site';
import { die, field, requireLogin, sendAdmin, type AdminContext } from './context';

/**
 * The wp-admin screens modules add (`adminScreens` in what `register` returns), as WordPress serves a
 * plugin's `add_menu_page` screens: `wp-admin/admin.php?page=<slug>`, in the admin menu for users with
 * the screen's capability, only while the module's plugin is active.
 */

/** The screens of the active modules. */
export function moduleScreens(site: Site): AdminScreen[] {
  const registry = site.pluginRegistry;
  const active = registry?.activeIds();
  const screens: AdminScreen[] = [];
  for (const [id, plugin] of site.plugins) {
    if (registry && active && registry.find(id) && !active.has(id)) continue;
    screens.push(...(plugin.adminScreens ?? []));
  }
  return screens;
}

/** Menu entries (`admin.php?page=<slug>`, label) of the screens this user may open. */
export function moduleMenu(site: Site, user: UserRecord): Array<[string, string]> {
  return moduleScreens(site)
    .filter((screen) => site.users.can(user, screen.capability))
    .map((screen) => [`admin.php?page=${encodeURIComponent(screen.slug)}`, screen.menuTitle]);
}

export function registerModuleScreens(router: Router, ctx: AdminContext): void {
  router.get('/wp-admin/admin.php', (req: Request, res: Response) => {
    const login = requireLogin(ctx, req, res);
    if (!login) return;
    const slug = field(req.query, 'page');
    const screen = moduleScreens(ctx.site).find((s) => s.slug === slug);
    // WordPress answers an unknown page and a page the user may not see alike.
    if (!screen || !ctx.site.users.can(login.user, screen.capability)) return die(ctx, res, 403, 'WordPress &rsaquo; Error', 'Sorry, you are not allowed to access this page.');
    const page = screen.render({ restRoot: `${ctx.site.config.siteUrl}/wp-json/`, restNonce: ctx.cookies.createNonce('wp_rest', login) });
    sendAdmin(ctx, res, login, { title: page.title, current: `admin.php?page=${encodeURIComponent(screen.slug)}`, body: page.body, ...(page.script ? { script: page.script } : {}) });
  });
}
