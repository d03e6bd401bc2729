import type { Request, Response, Router } from 'express';
import { parseCookies, TEST_COOKIE, TEST_COOKIE_VALUE } from '../../core/auth/cookie';
import { clientAddress } from '../../core/pipeline/client-address';
import type { UserRecord } from '../../core/auth/users';
import { isEmail, phpEmptyString, phpTrim, sanitizeUser } from '../../core/wordpress/formatting';
import { adminUrl, field, redirect, type AdminContext } from './context';
import { backToBlog, diePage, esc, loginErrorNotice, loginPage, screenHeaders } from './layout';
import { LostPassword } from './lost-password';

/**
 * wp-login.php: log in with the login password (never an application password), log out with the
 * `log-out` nonce, WordPress's cookie names, messages and `redirect_to` handling.
 */

const testCookie = `${TEST_COOKIE}=${encodeURIComponent(TEST_COOKIE_VALUE)}; path=/; HttpOnly`;

/** wp_validate_redirect(): a URL on this site, or the fallback (WordPress never redirects elsewhere after login). */
export function safeRedirect(siteUrl: string, location: string, fallback: string): string {
  if (location === '') return fallback;
  if (location.startsWith('/') && !location.startsWith('//')) return `${siteUrl}${location}`;
  try {
    const target = new URL(location);
    const site = new URL(siteUrl);
    if ((target.protocol === 'http:' || target.protocol === 'https:') && target.host === site.host) return target.href;
  } catch {
    // not a URL: the fallback
  }
  return fallback;
}

function form(ctx: AdminContext, o: { log: string; redirectTo: string; error?: string | readonly string[]; message?: string; remember: boolean }): string {
  const url = ctx.site.config.siteUrl;
  const errors = o.error === undefined ? [] : typeof o.error === 'string' ? [o.error] : o.error;
  const described = errors.length > 0 ? ' aria-describedby="login_error"' : '';
  return (
    (errors.length > 0 ? loginErrorNotice(errors) : '') +
    (o.message ? `<div id="login-message" class="notice notice-info message" role="status"><p>${o.message}</p></div>` : '') +
    `<form name="loginform" id="loginform" action="${esc(url)}/wp-login.php" method="post">` +
    `<p><label for="user_login">Username or Email Address</label>` +
    `<input type="text" name="log" id="user_login"${described} class="input" value="${esc(o.log)}" size="20" autocapitalize="off" autocomplete="username" required="required" autofocus /></p>` +
    `<div class="user-pass-wrap"><label for="user_pass">Password</label>` +
    `<input type="password" name="pwd" id="user_pass"${described} class="input password-input" value="" size="20" autocomplete="current-password" spellcheck="false" required="required" /></div>` +
    `<p class="forgetmenot"><input name="rememberme" type="checkbox" id="rememberme" value="forever"${o.remember ? ' checked="checked"' : ''} /> <label for="rememberme" style="display:inline">Remember Me</label></p>` +
    `<p class="submit"><input type="submit" name="wp-submit" id="wp-submit" class="button button-primary button-large" value="Log In" />` +
    `<input type="hidden" name="redirect_to" value="${esc(o.redirectTo)}" /><input type="hidden" name="testcookie" value="1" /></p></form>` +
    backToBlog(ctx.site)
  );
}

function send(ctx: AdminContext, res: Response, status: number, html: string): void {
  screenHeaders(res);
  res.append('Set-Cookie', testCookie);
  res.status(status).send(loginPage(ctx.site, 'Log In', html, 'login login-action-login'));
}

/** Where a user goes after logging in: WordPress sends users who cannot edit posts to their profile. */
function afterLogin(ctx: AdminContext, user: UserRecord, requested: string): string {
  const admin = adminUrl(ctx);
  const target = safeRedirect(ctx.site.config.siteUrl, requested, admin);
  if (target === admin && !ctx.site.users.can(user, 'edit_posts')) return ctx.site.users.can(user, 'read') ? adminUrl(ctx, 'profile.php') : `${ctx.site.config.siteUrl}/`;
  return target;
}

function logout(ctx: AdminContext, req: Request, res: Response): void {
  const login = ctx.cookies.loggedIn(req);
  const nonce = field(req.query, '_wpnonce');
  if (login && ctx.cookies.verifyNonce(nonce, 'log-out', login) === false) {
    // wp_nonce_ays('log-out'): ask, with a link that carries a good nonce.
    const again = `${ctx.site.config.siteUrl}/wp-login.php?action=logout&_wpnonce=${encodeURIComponent(ctx.cookies.createNonce('log-out', login))}`;
    const title = `You are attempting to log out of ${ctx.site.config.siteName}`;
    screenHeaders(res);
    res.status(403).send(diePage(ctx.site, title, `${esc(title)}</p><p>Do you really want to <a href="${esc(again)}">log out</a>?`));
    return;
  }
  if (login) ctx.cookies.logout(login.token);
  ctx.site.store.commit().then(
    () => {
      screenHeaders(res);
      res.append('Set-Cookie', [testCookie, ...ctx.cookies.clearCookies()]);
      const requested = field(req.query, 'redirect_to');
      redirect(res, requested ? safeRedirect(ctx.site.config.siteUrl, requested, `${ctx.site.config.siteUrl}/wp-login.php?loggedout=true&wp_lang=en_US`) : `${ctx.site.config.siteUrl}/wp-login.php?loggedout=true&wp_lang=en_US`);
    },
    () => send(ctx, res, 503, form(ctx, { log: '', redirectTo: adminUrl(ctx), remember: false, error: '<strong>Error:</strong> The site could not save the change. Try again.' })),
  );
}

async function logIn(ctx: AdminContext, req: Request, res: Response): Promise<void> {
  const body = req.body as Record<string, unknown> | undefined;
  const typed = field(body, 'log');
  // wp_authenticate(): the username through sanitize_user (tags, accents, %xx and entities dropped,
  // trimmed), the password trimmed; PHP's empty() then holds for '' and '0'.
  const username = sanitizeUser(typed, false);
  const pwd = phpTrim(field(body, 'pwd'));
  const remember = field(body, 'rememberme') !== '';
  const redirectTo = field(body, 'redirect_to') || field(req.query, 'redirect_to');
  // The form shows the username as typed again only after a wrong or empty password (wp-login.php's $user_login).
  const again = (error: string | string[], keepLogin = false) => send(ctx, res, 200, form(ctx, { log: keepLogin ? typed : '', redirectTo: redirectTo || adminUrl(ctx), remember, error }));
  if (field(body, 'testcookie') !== '' && parseCookies(req.headers.cookie)[TEST_COOKIE] === undefined) {
    return again(`<strong>Error:</strong> Cookies are blocked or not supported by your browser. You must <a href="https://developer.wordpress.org/advanced-administration/wordpress/cookies/#enable-cookies-in-your-browser">enable cookies</a> to use WordPress.`);
  }
  if (phpEmptyString(username) || phpEmptyString(pwd)) {
    const errors = [phpEmptyString(username) ? '<strong>Error:</strong> The username field is empty.' : '', phpEmptyString(pwd) ? '<strong>Error:</strong> The password field is empty.' : ''];
    return again(errors.filter(Boolean), !phpEmptyString(username));
  }
  const ip = clientAddress(req.socket);
  const wait = ctx.site.throttle.blocked(ip, username);
  if (wait !== null) return again(`<strong>Error:</strong> Too many failed login attempts. Try again in ${wait} seconds.`);
  // wp_authenticate_username_password, then wp_authenticate_email_password for one that is_email().
  const byLogin = ctx.site.users.byGivenLogin(username);
  const byEmail = !byLogin && isEmail(username);
  const user = byLogin ?? (byEmail ? ctx.site.users.byGivenEmail(username) : undefined);
  const lost = ` <a href="${esc(ctx.site.config.siteUrl)}/wp-login.php?action=lostpassword">Lost your password?</a>`;
  const unknown = () => {
    ctx.site.throttle.recordFailure(ip, username);
    return again(
      byEmail
        ? 'Unknown email address. Check again or try your username.' // WordPress's own text has no "Error:" here
        : `<strong>Error:</strong> The username <strong>${esc(username)}</strong> is not registered on this site. If you are unsure of your username, try your email address instead.`,
    );
  };
  if (!user) return unknown();
  const matched = await ctx.site.users.checkPassword(user, pwd);
  // The user as stored now: one deleted, or given a new password, while bcrypt compared does not sign in.
  const current = ctx.site.users.byId(user.id);
  if (!current) return unknown();
  if (!matched || current.passwordHash !== user.passwordHash) {
    ctx.site.throttle.recordFailure(ip, username);
    return again(
      byEmail
        ? `<strong>Error:</strong> The password you entered for the email address <strong>${esc(username)}</strong> is incorrect.${lost}`
        : `<strong>Error:</strong> The password you entered for the username <strong>${esc(user.login)}</strong> is incorrect.${lost}`,
      true,
    );
  }
  ctx.site.throttle.recordSuccess(ip, username);
  const { setCookies } = ctx.cookies.login(current, remember, ip, String(req.headers['user-agent'] ?? ''));
  await ctx.site.store.commit();
  screenHeaders(res);
  res.append('Set-Cookie', [testCookie, ...setCookies]);
  redirect(res, afterLogin(ctx, user, redirectTo));
}

export function registerLogin(router: Router, ctx: AdminContext): void {
  const lost = new LostPassword(ctx);
  router.get('/wp-login.php', (req: Request, res: Response, next) => {
    const action = field(req.query, 'action') || 'login';
    if (action === 'logout') return logout(ctx, req, res);
    if (action === 'lostpassword' || action === 'retrievepassword') return lost.show(req, res);
    if (action === 'rp' || action === 'resetpass') return void lost.resetPassword(req, res).catch(next);
    if (field(req.query, 'checkemail') === 'confirm') return lost.checkEmail(res);
    const redirectTo = field(req.query, 'redirect_to');
    // As WordPress: the form is shown even to a logged-in browser; with reauth=1 its cookies are cleared first.
    if (field(req.query, 'reauth') !== '') res.append('Set-Cookie', ctx.cookies.clearCookies());
    const message = field(req.query, 'loggedout') === 'true' ? 'You are now logged out.' : undefined;
    send(ctx, res, 200, form(ctx, { log: '', redirectTo: redirectTo || adminUrl(ctx), remember: false, message }));
  });
  router.post('/wp-login.php', (req: Request, res: Response, next) => {
    const action = field(req.query, 'action') || 'login';
    if (action === 'logout') return logout(ctx, req, res);
    if (action === 'lostpassword' || action === 'retrievepassword') return void lost.retrieve(req, res).catch(next);
    if (action === 'rp' || action === 'resetpass') return void lost.resetPassword(req, res).catch(next);
    logIn(ctx, req, res).catch(next);
  });
}
