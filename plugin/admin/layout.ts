import type { Response } from 'express';
import type { UserRecord } from '../../core/auth/users';
import { escHtml } from '../../core/wordpress/formatting';
import type { Site } from '../site';
import { moduleMenu } from './module-screens';

/**
 * esc_html / esc_attr (WordPress's are the same function): every value written into a page goes
 * through this. As WordPress's, an entity already in the text is not encoded again: a name saved as
 * `Tom &amp; "Jerry"` (what wp_insert_user saves of `Tom & "Jerry"`) shows as `Tom & "Jerry"`.
 */
export function esc(text: unknown): string {
  return escHtml(String(text ?? ''));
}

/** The headers WordPress sends on its login and admin screens (nocache_headers, send_frame_options_header). */
export function screenHeaders(res: Response): void {
  res.setHeader('Expires', 'Wed, 11 Jan 1984 05:00:00 GMT');
  res.setHeader('Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Content-Type', 'text/html; charset=UTF-8');
}

/** wp-admin's look, kept small: the admin bar, the dark menu, the grey page, WordPress's buttons, notices and tables. */
const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f0f0f1;color:#3c434a;font:13px/1.4em -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Oxygen-Sans,Ubuntu,Cantarell,"Helvetica Neue",sans-serif}
a{color:#2271b1}a:hover{color:#135e96}
:focus-visible{outline:2px solid #2271b1;outline-offset:1px;box-shadow:0 0 0 1px #fff}
.screen-reader-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(1px,1px,1px,1px)}
.skip-link:focus{position:absolute;left:6px;top:7px;z-index:100000;width:auto;height:auto;clip:auto;padding:15px 23px 14px;background:#f0f0f1;color:#2271b1;font-weight:600}
#wpadminbar{position:fixed;top:0;left:0;right:0;height:32px;background:#1d2327;color:#f0f0f1;display:flex;justify-content:space-between;align-items:center;padding:0 12px;z-index:999}
#wpadminbar a{color:#f0f0f1;text-decoration:none;margin-left:12px}
body.wp-admin{background:linear-gradient(90deg,#1d2327 160px,#f0f0f1 160px)}
#adminmenuwrap{position:fixed;top:32px;bottom:0;left:0;width:160px;background:#1d2327}
#adminmenu{list-style:none;margin:12px 0;padding:0}
#adminmenu a{display:block;color:#f0f0f1;text-decoration:none;padding:8px 12px;font-size:14px}
#adminmenu a:hover,#adminmenu a:focus{background:#2c3338;color:#72aee6}
#adminmenu .current a{background:#2271b1;color:#fff}
#wpcontent{margin-left:160px;padding:48px 20px 40px}
.wrap h1{font-size:23px;font-weight:400;margin:0 0 12px;line-height:1.3}
h2{font-size:1.3em;margin:1.6em 0 .6em}
.button{display:inline-block;font-size:13px;line-height:2.15;min-height:30px;margin:0;padding:0 10px;cursor:pointer;border:1px solid #2271b1;border-radius:3px;background:#f6f7f7;color:#2271b1;white-space:nowrap;text-decoration:none}
.button:hover{background:#f0f0f1;border-color:#0a4b78;color:#0a4b78}
.button-primary{background:#2271b1;border-color:#2271b1;color:#fff}
.button-primary:hover{background:#135e96;color:#fff}
.button.delete{color:#b32d2e;border-color:#b32d2e}
.button-large{min-height:32px;line-height:2.30769231;padding:0 12px}
input[type=text],input[type=password],input[type=email]{border:1px solid #8c8f94;border-radius:4px;padding:0 8px;min-height:30px;font-size:14px;background:#fff}
.card{background:#fff;border:1px solid #c3c4c7;padding:.7em 2em 1em;max-width:520px;box-shadow:0 1px 1px rgba(0,0,0,.04)}
.form-table{border-collapse:collapse;width:100%;margin-top:.5em}
.form-table th{text-align:left;width:200px;padding:20px 10px 20px 0;vertical-align:top;font-weight:600}
.form-table td{padding:15px 10px}
.description{color:#646970;font-size:13px}
.notice{background:#fff;border:1px solid #c3c4c7;border-left:4px solid #72aee6;padding:1px 12px;margin:5px 0 15px;box-shadow:0 1px 1px rgba(0,0,0,.04)}
.notice-success{border-left-color:#00a32a}.notice-error{border-left-color:#d63638}.notice-warning{border-left-color:#dba617}
.widefat{border-spacing:0;width:100%;background:#fff;border:1px solid #c3c4c7;margin-top:8px}
.widefat th,.widefat td{text-align:left;padding:8px 10px;vertical-align:top}
.widefat thead th{border-bottom:1px solid #c3c4c7;font-weight:400}
.striped>tbody>:nth-child(odd){background:#f6f7f7}
.code{font-family:Consolas,Monaco,monospace;font-size:15px;width:22em}
.hidden{display:none}
.application-password-display{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.row-actions{color:#a7aaad;font-size:13px;padding:2px 0 0}
tr.active td{background:#f0f6fc}tr.active th.check-column{border-left:4px solid #72aee6}
.plugin-title strong{font-size:14px}
`;

/** The login screen's own look (wp-login.php). */
const LOGIN_CSS = `
body.login{display:flex;justify-content:center;min-height:100vh}
#login{width:320px;padding:5% 0 0}
#login h1 a{display:block;text-align:center;font-size:28px;font-weight:600;color:#3c434a;text-decoration:none;margin-bottom:24px}
#loginform{background:#fff;border:1px solid #c3c4c7;box-shadow:0 1px 3px rgba(0,0,0,.04);padding:26px 24px;font-size:14px}
#loginform label{display:block;margin-bottom:3px}
#loginform .input{width:100%;font-size:24px;line-height:1.33;min-height:40px;margin:0 6px 16px 0}
#loginform .forgetmenot{float:left;margin-top:6px}
#loginform .submit{text-align:right;margin:0}
#login_error,.message{background:#fff;border-left:4px solid #d63638;padding:12px;margin-bottom:20px;box-shadow:0 1px 1px rgba(0,0,0,.04)}
.message{border-left-color:#72aee6}
#nav,#backtoblog{padding:0 24px;margin:24px 0 0;font-size:13px}
`;

/** A login-screen page (wp-login.php, wp_die-style messages before login). */
/** login_footer()'s link back to the site. */
export function backToBlog(site: Site): string {
  return `<p id="backtoblog"><a href="${esc(site.config.siteUrl)}/">&larr; Go to ${esc(site.config.siteName)}</a></p>`;
}

/** login_header()'s error notice: one error in a paragraph, several in a list. */
export function loginErrorNotice(errors: readonly string[]): string {
  const inner = errors.length > 1 ? `<ul class="login-error-list">${errors.map((e) => `<li>${e}</li>`).join('')}</ul>` : `<p>${errors[0]}</p>`;
  return `<div id="login_error" class="notice notice-error" role="alert">${inner}</div>`;
}

export function loginPage(site: Site, title: string, body: string, bodyClass = 'login'): string {
  return (
    `<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">` +
    `<meta name="robots" content="noindex, noarchive"><meta name="referrer" content="strict-origin-when-cross-origin">` +
    `<title>${esc(title)} &lsaquo; ${esc(site.config.siteName)} &#8212; WordPress</title><style>${CSS}${LOGIN_CSS}</style></head>` +
    `<body class="${esc(bodyClass)} wp-core-ui"><h1 class="screen-reader-text">${esc(title)}</h1><div id="login"><h1 role="presentation"><a href="${esc(site.config.siteUrl)}/">${esc(site.config.siteName)}</a></h1>${body}</div></body></html>\n`
  );
}

export interface AdminPageOptions {
  title: string;
  user: UserRecord;
  /** The menu entry to highlight. */
  current: string;
  body: string;
  /** The logout link's nonce ('log-out'). */
  logoutNonce: string;
  /** Inline script at the end of the page. */
  script?: string;
}

/** A wp-admin page: the admin bar (with "Log Out"), the menu, and the content. */
export function adminPage(site: Site, o: AdminPageOptions): string {
  const url = site.config.siteUrl;
  const can = (cap: string) => site.users.can(o.user, cap);
  const menu: Array<[string, string, boolean]> = [
    ['index.php', 'Dashboard', true],
    ['plugins.php', 'Plugins', can('activate_plugins')],
    ['users.php', 'Users', can('list_users')],
    ['profile.php', 'Profile', true],
    ...moduleMenu(site, o.user).map(([file, label]): [string, string, boolean] => [file, label, true]),
  ];
  const items = menu
    .filter(([, , shown]) => shown)
    .map(([file, label]) => `<li class="${file === o.current ? 'current' : ''}"><a href="${esc(url)}/wp-admin/${file}"${file === o.current ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`)
    .join('');
  const logout = `${url}/wp-login.php?action=logout&_wpnonce=${encodeURIComponent(o.logoutNonce)}`;
  return (
    `<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">` +
    `<title>${esc(o.title)} &lsaquo; ${esc(site.config.siteName)} &#8212; WordPress</title><style>${CSS}</style></head>` +
    `<body class="wp-admin wp-core-ui"><a class="screen-reader-text skip-link" href="#wpbody-content">Skip to main content</a>` +
    `<div id="wpadminbar" role="navigation" aria-label="Toolbar"><span><a href="${esc(url)}/">${esc(site.config.siteName)}</a></span>` +
    `<span>Howdy, <a href="${esc(url)}/wp-admin/profile.php">${esc(o.user.displayName)}</a><a id="wp-admin-bar-logout" href="${esc(logout)}">Log Out</a></span></div>` +
    `<div id="adminmenuwrap"><ul id="adminmenu" role="navigation" aria-label="Main menu">${items}</ul></div>` +
    `<div id="wpcontent"><main id="wpbody-content" tabindex="-1"><div class="wrap"><h1>${esc(o.title)}</h1>${o.body}</div></main></div>` +
    (o.script ? `<script>${o.script}</script>` : '') +
    `</body></html>\n`
  );
}

/** wp_die(): WordPress's plain error page. */
export function diePage(site: Site, title: string, message: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width">` +
    `<meta name="robots" content="noindex,follow"><title>${esc(title)}</title><style>${CSS}body{background:#f1f1f1}#error-page{background:#fff;max-width:700px;margin:2em auto;padding:1em 2em;border:1px solid #c3c4c7}</style></head>` +
    `<body id="error-page"><div class="wp-die-message">${message}</div></body></html>\n`
  );
}

/** wp_nonce_field(): the nonce and the referer, as WordPress writes them into a form. */
export function nonceField(nonce: string, referer: string): string {
  return `<input type="hidden" id="_wpnonce" name="_wpnonce" value="${esc(nonce)}" /><input type="hidden" name="_wp_http_referer" value="${esc(referer)}" />`;
}
