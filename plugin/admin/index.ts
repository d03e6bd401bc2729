import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Site } from '../site';
import { registerAuthorize } from './authorize';
import { adminUrl, die, requireLogin, sendAdmin, type AdminContext } from './context';
import { esc } from './layout';
import { registerLists } from './lists';
import { registerLogin } from './login';
import { registerModuleScreens } from './module-screens';
import { registerProfile } from './profile';

export interface AdminScreens {
  /** The screens: wp-login.php and wp-admin/..., Express routes behind the REST pipeline. */
  router: Router;
}

/** WordPress's login and admin screens over a site; they share the site's login cookies with its cookie authenticator. */
export function adminScreens(site: Site): AdminScreens {
  const ctx: AdminContext = { site, cookies: site.cookies };
  const router = express.Router();
  router.use(['/wp-login.php', '/wp-admin'], express.urlencoded({ extended: false, limit: site.config.bodyLimit, parameterLimit: 200 }));
  registerLogin(router, ctx);
  registerProfile(router, ctx);
  registerAuthorize(router, ctx);
  registerLists(router, ctx);
  registerModuleScreens(router, ctx);

  router.get(['/wp-admin', '/wp-admin/', '/wp-admin/index.php'], (req: Request, res: Response) => {
    const login = requireLogin(ctx, req, res);
    if (!login) return;
    const links = [
      ['profile.php', 'Your profile and application passwords'],
      ...(site.users.can(login.user, 'list_users') ? [['users.php', 'Users']] : []),
      ...(site.users.can(login.user, 'activate_plugins') ? [['plugins.php', 'Plugins']] : []),
    ];
    sendAdmin(ctx, res, login, {
      title: 'Dashboard',
      current: 'index.php',
      body:
        `<div class="card"><h2>Welcome to ${esc(site.config.siteName)}</h2><p>${esc(site.config.siteDescription)}</p><ul>` +
        links.map(([file, label]) => `<li><a href="${esc(adminUrl(ctx, file!))}">${esc(label)}</a></li>`).join('') +
        `</ul><p>REST API: <a href="${esc(site.config.siteUrl)}/wp-json/">${esc(site.config.siteUrl)}/wp-json/</a></p></div>`,
    });
  });

  // A form body too large or unreadable: WordPress's error page with the status, never a bare 500.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number; type?: string } | null)?.status;
    if (status === undefined || status < 400 || status >= 500) return next(error);
    die(ctx, res, status, 'WordPress &rsaquo; Error', status === 413 ? 'The form sent more data than the site accepts.' : 'The form could not be read.');
  });

  return { router };
}
