import type { Request, Response } from 'express';
import { parseCookies } from '../../core/auth/cookie';
import { PasswordResets } from '../../core/auth/password-reset';
import { clientAddress } from '../../core/pipeline/client-address';
import { phpEmptyString, phpTrim, wpSpecialcharsDecode } from '../../core/wordpress/formatting';
import { randomFrom, safeEqual } from '../../core/secrets';
import { field, redirect, type AdminContext } from './context';
import { backToBlog, esc, loginErrorNotice, loginPage, screenHeaders } from './layout';

/**
 * wp-login.php's lost-password flow, as WordPress 6.8 runs it (each page, mail and redirect compared
 * with the wp-oracle's): `?action=lostpassword` asks for a username or e-mail address and mails a
 * reset link (retrieve_password, "[Site] Password Reset"); the link (`?action=rp&key=…&login=…`)
 * puts the login and key in the `wp-resetpass-<COOKIEHASH>` cookie and redirects to the link without
 * them; `?action=rp` then shows the new-password form and `?action=resetpass` sets the password
 * (reset_password: the key is used up, every login cookie stops working, the administrator is
 * mailed "[Site] Password Changed"). The mails go to the outbox, as every mail of the site.
 */

const NOTICE_LOST = 'Please enter your username or email address. You will receive an email message with instructions on how to reset your password.';
const NO_ACCOUNT = '<strong>Error:</strong> There is no account with that username or email address.';
const KEY_ERRORS: Record<string, string> = {
  invalidkey: '<strong>Error:</strong> Your password reset link appears to be invalid. Please request a new link below.',
  expiredkey: '<strong>Error:</strong> Your password reset link has expired. Please request a new link below.',
};

/** wp_generate_password(16)'s characters: the new password the reset form offers (WordPress's script fills it in). */
const PASSWORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()';

/** The site URL's path ('' at a domain's root): WordPress's relative redirects start there. */
function sitePath(ctx: AdminContext): string {
  return new URL(ctx.site.config.siteUrl).pathname.replace(/\/+$/, '');
}

export class LostPassword {
  private readonly resets: PasswordResets;

  constructor(private readonly ctx: AdminContext) {
    const { site } = ctx;
    this.resets = new PasswordResets(site.store, site.users, site.secrets, site.clock);
  }

  private get cookieName(): string {
    return `wp-resetpass-${this.ctx.cookies.hash}`;
  }

  /** setcookie() of the reset cookie for wp-login.php (the request's path), HttpOnly; Secure on an https site. */
  private cookie(value: string, expire: boolean): string {
    const secure = this.ctx.cookies.secure ? '; secure' : '';
    const path = `${sitePath(this.ctx)}/wp-login.php`;
    if (expire) return this.ctx.cookies.expiredCookie(this.cookieName, path, `${secure}; HttpOnly`);
    return `${this.cookieName}=${encodeURIComponent(value)}; path=${path}${secure}; HttpOnly`;
  }

  private page(res: Response, status: number, title: string, body: string, cookies: string[] = []): void {
    screenHeaders(res);
    if (cookies.length > 0) res.append('Set-Cookie', cookies);
    res.status(status).send(loginPage(this.ctx.site, title, body, 'login'));
  }

  /** The lost-password form, with WordPress's notice, the errors (if any) and the name typed. */
  private form(res: Response, errors: string[], userLogin: string, redirectTo: string): void {
    const url = this.ctx.site.config.siteUrl;
    const errorHtml = errors.length > 0 ? loginErrorNotice(errors) : '';
    this.page(
      res,
      200,
      'Lost Password',
      `<div class="notice notice-info message"><p>${NOTICE_LOST}</p></div>${errorHtml}` +
        `<form name="lostpasswordform" id="lostpasswordform" action="${esc(url)}/wp-login.php?action=lostpassword" method="post">` +
        `<p><label for="user_login">Username or Email Address</label><input type="text" name="user_login" id="user_login" class="input" value="${esc(userLogin)}" size="20" autocapitalize="off" autocomplete="username" required="required" /></p>` +
        `<input type="hidden" name="redirect_to" value="${esc(redirectTo)}" />` +
        `<p class="submit"><input type="submit" name="wp-submit" id="wp-submit" class="button button-primary button-large" value="Get New Password" /></p></form>` +
        `<p id="nav"><a class="wp-login-log-in" href="${esc(url)}/wp-login.php">Log in</a></p>` +
        backToBlog(this.ctx.site),
    );
  }

  /** GET ?action=lostpassword (with ?error=invalidkey|expiredkey after a bad link). */
  show(req: Request, res: Response): void {
    const error = KEY_ERRORS[field(req.query, 'error')];
    this.form(res, error ? [error] : [], '', field(req.query, 'redirect_to'));
  }

  /** POST ?action=lostpassword: retrieve_password(), then `wp-login.php?checkemail=confirm` (or redirect_to). */
  async retrieve(req: Request, res: Response): Promise<void> {
    const body = req.body as Record<string, unknown> | undefined;
    const typed = field(body, 'user_login');
    const redirectTo = field(body, 'redirect_to') || field(req.query, 'redirect_to');
    const login = phpTrim(typed);
    const { users } = this.ctx.site;
    if (phpEmptyString(login)) return this.form(res, ['<strong>Error:</strong> Please enter a username or email address.'], typed, redirectTo);
    // An '@' after the first character: by e-mail address first, then by login.
    const user = login.indexOf('@') > 0 ? (users.byGivenEmail(login) ?? users.byGivenLogin(login)) : users.byGivenLogin(login);
    if (!user) return this.form(res, [NO_ACCOUNT], typed, redirectTo);
    const key = this.resets.create(user);
    await this.ctx.site.store.commit();
    const siteName = wpSpecialcharsDecode(this.ctx.site.config.siteName);
    const link = `${this.ctx.site.config.siteUrl}/wp-login.php?login=${encodeURIComponent(user.login)}&key=${key}&action=rp&wp_lang=en_US`;
    const ip = clientAddress(req.socket);
    const text =
      'Someone has requested a password reset for the following account:\r\n\r\n' +
      `Site Name: ${siteName}\r\n\r\n` +
      `Username: ${user.login}\r\n\r\n` +
      'If this was a mistake, ignore this email and nothing will happen.\r\n\r\n' +
      'To reset your password, visit the following address:\r\n\r\n' +
      `${link}\r\n\r\n` +
      (ip !== '' ? `This password reset request originated from the IP address ${ip}.\r\n` : '');
    try {
      await this.ctx.site.mailer.send({ to: user.email, subject: `[${siteName}] Password Reset`, text });
    } catch {
      return this.form(res, ['<strong>Error:</strong> The email could not be sent. Your site may not be correctly configured to send emails. <a href="https://wordpress.org/documentation/article/reset-your-password/">Get support for resetting your password</a>.'], typed, redirectTo);
    }
    screenHeaders(res);
    redirect(res, redirectTo !== '' ? redirectTo : `${sitePath(this.ctx)}/wp-login.php?checkemail=confirm`);
  }

  /** GET ?checkemail=confirm: the notice alone (no form), as WordPress shows it. */
  checkEmail(res: Response): void {
    const url = this.ctx.site.config.siteUrl;
    this.page(res, 200, 'Log In', `<div id="login-message" class="notice notice-info message" role="status"><p>Check your email for the confirmation link, then visit the <a href="${esc(url)}/wp-login.php">login page</a>.</p></div>${backToBlog(this.ctx.site)}`);
  }

  /** ?action=rp and ?action=resetpass: the link, the form, and the new password. */
  async resetPassword(req: Request, res: Response): Promise<void> {
    const { site } = this.ctx;
    const key = req.query.key;
    const login = req.query.login;
    if (typeof key === 'string' && typeof login === 'string') {
      // The key leaves the address bar: it goes into the cookie, the browser to the link without it.
      const rest = new URLSearchParams();
      for (const [name, value] of Object.entries(req.query)) if (name !== 'key' && name !== 'login' && typeof value === 'string') rest.append(name, value);
      const cookies = [this.cookie(`${login}:${key}`, false)];
      if (typeof req.query.wp_lang === 'string') cookies.push(`wp_lang=${encodeURIComponent(req.query.wp_lang)}; path=/; HttpOnly`);
      screenHeaders(res);
      res.append('Set-Cookie', cookies);
      redirect(res, `${sitePath(this.ctx)}/wp-login.php${rest.toString() !== '' ? `?${rest.toString()}` : ''}`);
      return;
    }
    const body = req.body as Record<string, unknown> | undefined;
    const stored = parseCookies(req.headers.cookie)[this.cookieName] ?? '';
    const colon = stored.indexOf(':');
    let checked = colon > 0 ? this.resets.check(stored.slice(colon + 1), stored.slice(0, colon)) : ({ error: 'invalidkey' } as const);
    // A form sent with another key than the cookie's is refused as an invalid link.
    if ('user' in checked && req.method === 'POST' && body && Object.prototype.hasOwnProperty.call(body, 'pass1') && !safeEqual(stored.slice(colon + 1), field(body, 'rp_key'))) checked = { error: 'invalidkey' };
    if ('error' in checked) {
      screenHeaders(res);
      res.append('Set-Cookie', this.cookie('', true));
      redirect(res, `${site.config.siteUrl}/wp-login.php?action=lostpassword&error=${checked.error}`);
      return;
    }
    const { user } = checked;
    const errors: string[] = [];
    let pass1 = req.method === 'POST' ? field(body, 'pass1') : '';
    if (!phpEmptyString(pass1)) {
      pass1 = phpTrim(pass1);
      if (phpEmptyString(pass1)) errors.push('The password cannot be a space or all spaces.');
    }
    if (!phpEmptyString(pass1) && phpTrim(field(body, 'pass2')) !== pass1) errors.push('<strong>Error:</strong> The passwords do not match.');
    if (errors.length === 0 && !phpEmptyString(pass1)) {
      // Stored as the user is once hashed: a user deleted meanwhile is not brought back.
      const current = await site.users.setPassword(user.id, pass1);
      if (!current) {
        screenHeaders(res);
        res.append('Set-Cookie', this.cookie('', true));
        redirect(res, `${site.config.siteUrl}/wp-login.php?action=lostpassword&error=invalidkey`);
        return;
      }
      this.resets.clear(current);
      await site.store.commit();
      // wp_password_change_notification(): the administrator hears of it, unless it is their own address.
      const admin = site.users.adminEmail();
      if (admin !== '' && admin.toLowerCase() !== current.email.toLowerCase()) {
        const siteName = wpSpecialcharsDecode(site.config.siteName);
        site.mailer.send({ to: admin, subject: `[${siteName}] Password Changed`, text: `Password changed for user: ${current.login}\r\n` }).catch(() => undefined);
      }
      this.page(res, 200, 'Password Reset', `<div class="notice notice-info message reset-pass" role="status"><p>Your password has been reset. <a href="${esc(site.config.siteUrl)}/wp-login.php">Log in</a></p></div>${backToBlog(this.ctx.site)}`, [this.cookie('', true)]);
      return;
    }
    const errorHtml = errors.length > 0 ? loginErrorNotice(errors) : '';
    const url = site.config.siteUrl;
    this.page(
      res,
      200,
      'Reset Password',
      `<div class="notice notice-info message reset-pass" role="status"><p>Enter your new password below or generate one.</p></div>${errorHtml}` +
        `<form name="resetpassform" id="resetpassform" action="${esc(url)}/wp-login.php?action=resetpass" method="post" autocomplete="off">` +
        `<input type="hidden" id="user_login" value="${esc(user.login)}" autocomplete="off" />` +
        `<div class="user-pass1-wrap"><p><label for="pass1">New password</label></p><div class="wp-pwd">` +
        `<input type="password" name="pass1" id="pass1" class="input password-input" size="24" value="" autocomplete="new-password" spellcheck="false" data-reveal="1" data-pw="${esc(randomFrom(PASSWORD_CHARS, 16))}" aria-describedby="pass-strength-result" /></div></div>` +
        `<p class="user-pass2-wrap"><label for="pass2">Confirm new password</label><input type="password" name="pass2" id="pass2" class="input" size="20" value="" autocomplete="new-password" spellcheck="false" /></p>` +
        `<p class="description indicator-hint">Hint: The password should be at least twelve characters long. To make it stronger, use upper and lower case letters, numbers, and symbols like ! " ? $ % ^ &amp; ).</p>` +
        `<input type="hidden" name="rp_key" value="${esc(stored.slice(colon + 1))}" />` +
        `<p class="submit reset-pass-submit"><input type="submit" name="wp-submit" id="wp-submit" class="button button-primary button-large" value="Save Password" /></p></form>` +
        `<p id="nav"><a class="wp-login-log-in" href="${esc(url)}/wp-login.php">Log in</a></p>` +
        backToBlog(this.ctx.site),
    );
  }
}
