import { ROLES } from '../../core/auth/roles';
import type { Request, Response } from 'express';
import type { AuthCookies, ValidCookie } from '../../core/auth/cookie';
import type { Site } from '../site';
import { adminPage, diePage, esc, screenHeaders, type AdminPageOptions } from './layout';

/** What every screen needs: the site and its login cookies. */
export interface AdminContext {
  site: Site;
  cookies: AuthCookies;
}

/** admin_url($path). */
export function adminUrl(ctx: AdminContext, path = ''): string {
  return `${ctx.site.config.siteUrl}/wp-admin/${path}`;
}

/** The full URL of the request (what auth_redirect sends back to after login). */
export function requestUrl(ctx: AdminContext, req: Request): string {
  return `${ctx.site.config.siteUrl}${req.originalUrl}`;
}

/** wp_redirect: 302 with WordPress's X-Redirect-By. */
export function redirect(res: Response, location: string): void {
  res.setHeader('X-Redirect-By', 'WordPress');
  res.redirect(302, location);
}

/**
 * auth_redirect(): the user of a wp-admin request by its auth cookie; otherwise the browser is sent
 * to wp-login.php with `redirect_to` back here and `reauth=1`, and null is returned.
 */
export function requireLogin(ctx: AdminContext, req: Request, res: Response): ValidCookie | null {
  const valid = ctx.cookies.admin(req);
  if (valid) return valid;
  screenHeaders(res);
  redirect(res, `${ctx.site.config.siteUrl}/wp-login.php?redirect_to=${encodeURIComponent(requestUrl(ctx, req))}&reauth=1`);
  return null;
}

/** wp_die(): an HTML error page with a status. */
export function die(ctx: AdminContext, res: Response, status: number, title: string, messageHtml: string): void {
  screenHeaders(res);
  res.status(status).send(diePage(ctx.site, title, messageHtml));
}

/** check_admin_referer($action): true, or WordPress's "link expired" page (403) and false. */
export function checkNonce(ctx: AdminContext, req: Request, res: Response, action: string, login: ValidCookie): boolean {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const query = req.query as Record<string, unknown>;
  const nonce = typeof body._wpnonce === 'string' ? body._wpnonce : typeof query._wpnonce === 'string' ? query._wpnonce : '';
  if (ctx.cookies.verifyNonce(nonce, action, login) !== false) return true;
  die(ctx, res, 403, 'An error occurred.', 'The link you followed has expired.');
  return false;
}

/** Sends a wp-admin page for the logged-in user (with the logout nonce). */
export function sendAdmin(ctx: AdminContext, res: Response, login: ValidCookie, page: Omit<AdminPageOptions, 'user' | 'logoutNonce'>): void {
  screenHeaders(res);
  res.status(200).send(adminPage(ctx.site, { ...page, user: login.user, logoutNonce: ctx.cookies.createNonce('log-out', login) }));
}

/** A notice box (wp_admin_notice). */
export function notice(type: 'success' | 'error' | 'warning' | 'info', html: string, id = ''): string {
  return `<div${id ? ` id="${esc(id)}"` : ''} class="notice notice-${type}" role="${type === 'error' ? 'alert' : 'status'}"><p>${html}</p></div>`;
}

/** A string form or query field (the first when repeated), or ''. */
export function field(source: unknown, name: string): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** `F j, Y` as WordPress shows dates on its screens (UTC). */
export function displayDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** A user's roles by their display names (`Editor, Author`), or `none` (WordPress's words for no role differ by screen). */
export function roleNames(roles: readonly string[], none: string): string {
  return roles.length > 0 ? roles.map((role) => ROLES[role]?.name ?? role).join(', ') : none;
}
