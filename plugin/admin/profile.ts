import type { Request, Response, Router } from 'express';
import type { UserRecord } from '../../core/auth/users';
import { adminUrl, die, displayDate, field, redirect, requireLogin, roleNames, sendAdmin, type AdminContext } from './context';
import { esc } from './layout';

/**
 * wp-admin/profile.php and user-edit.php?user_id=N: the user's details and the "Application
 * Passwords" section. As in WordPress, the section's buttons call the REST API from the page with
 * the cookie and the `wp_rest` nonce (X-WP-Nonce): add (the new password shown once, chunked, with
 * a copy button), revoke one, revoke all.
 */

function row(item: { uuid: string; name: string; created: number; lastUsed: number | null; lastIp: string | null }): string {
  const cell = (name: string, label: string, html: string) => `<td class="${name} column-${name}" data-colname="${label}">${html}</td>`;
  return (
    `<tr data-uuid="${esc(item.uuid)}">` +
    cell('name', 'Name', esc(item.name)) +
    cell('created', 'Created', esc(displayDate(item.created))) +
    cell('last_used', 'Last Used', item.lastUsed === null ? '&mdash;' : esc(displayDate(item.lastUsed))) +
    cell('last_ip', 'Last IP', item.lastIp ? esc(item.lastIp) : '&mdash;') +
    cell('revoke', 'Revoke', `<button type="button" name="revoke-application-password-${esc(item.uuid)}" id="revoke-application-password-${esc(item.uuid)}" class="button delete" aria-label="Revoke &quot;${esc(item.name)}&quot;">Revoke</button>`) +
    `</tr>`
  );
}

/** The page's script: WordPress's application-passwords.js, in plain DOM and fetch. */
const SCRIPT = `
(function(){
  var s = window.wpApiSettings, section = document.getElementById('application-passwords-section');
  var list = document.getElementById('the-list'), nameInput = document.getElementById('new_application_password_name');
  var notices = document.getElementById('application-passwords-notices'), table = document.getElementById('application-passwords-table');
  function esc(t){ var d = document.createElement('div'); d.textContent = t == null ? '' : String(t); return d.innerHTML; }
  function date(iso){ return iso ? new Date(iso + 'Z').toLocaleDateString('en-US', {year:'numeric', month:'long', day:'numeric', timeZone:'UTC'}) : '\\u2014'; }
  function api(method, path, body){
    var init = {method: method, credentials: 'same-origin', headers: {'X-WP-Nonce': s.nonce}};
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(s.root + path, init).then(function(r){
      var fresh = r.headers.get('X-WP-Nonce'); if (fresh) s.nonce = fresh;
      return r.json().then(function(data){ if (!r.ok) throw data; return data; });
    });
  }
  function error(e){ notices.innerHTML = '<div class="notice notice-error" role="alert"><p>' + esc(e && e.message || 'The request failed.') + '</p></div>'; }
  function refresh(){ table.classList.toggle('hidden', list.children.length === 0); }
  var base = 'wp/v2/users/' + section.getAttribute('data-user-id') + '/application-passwords';
  document.getElementById('do_new_application_password').addEventListener('click', function(){
    var name = nameInput.value.trim();
    notices.innerHTML = '';
    if (!name) { nameInput.focus(); error({message: 'Please provide a name for your application.'}); return; }
    api('POST', base, {name: name}).then(function(item){
      nameInput.value = '';
      notices.innerHTML = '<div class="notice notice-success new-application-password-notice" role="alert"><p class="application-password-display">' +
        '<label for="new-application-password-value">Your new password for <strong>' + esc(item.name) + '</strong> is:</label> ' +
        '<input id="new-application-password-value" type="text" class="code" readonly="readonly" value="' + esc(item.password) + '" /> ' +
        '<button type="button" class="button copy-button">Copy</button> <span class="success hidden" aria-hidden="true">Copied!</span></p>' +
        '<p>Be sure to save this in a safe location. You will not be able to retrieve it.</p></div>';
      var field = document.getElementById('new-application-password-value');
      notices.querySelector('.copy-button').addEventListener('click', function(){
        var done = function(){ var ok = notices.querySelector('.success'); ok.classList.remove('hidden'); ok.setAttribute('aria-hidden', 'false'); };
        field.select();
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(field.value).then(done, function(){ document.execCommand('copy'); done(); });
        else { document.execCommand('copy'); done(); }
      });
      field.focus(); field.select();
      var tr = document.createElement('tbody');
      tr.innerHTML = '<tr data-uuid="' + esc(item.uuid) + '"><td class="name column-name" data-colname="Name">' + esc(item.name) + '</td>' +
        '<td class="created column-created" data-colname="Created">' + date(item.created) + '</td>' +
        '<td class="last_used column-last_used" data-colname="Last Used">' + date(item.last_used) + '</td>' +
        '<td class="last_ip column-last_ip" data-colname="Last IP">' + esc(item.last_ip || '\\u2014') + '</td>' +
        '<td class="revoke column-revoke" data-colname="Revoke"><button type="button" id="revoke-application-password-' + esc(item.uuid) + '" class="button delete" aria-label="Revoke &quot;' + esc(item.name) + '&quot;">Revoke</button></td></tr>';
      list.insertBefore(tr.firstChild, list.firstChild);
      refresh();
    }, error);
  });
  nameInput.addEventListener('keydown', function(e){ if (e.key === 'Enter') { e.preventDefault(); document.getElementById('do_new_application_password').click(); } });
  list.addEventListener('click', function(e){
    var button = e.target.closest('button.delete'); if (!button) return;
    var tr = button.closest('tr');
    if (!window.confirm('Are you sure you want to revoke this password? This action cannot be undone.')) return;
    api('DELETE', base + '/' + tr.getAttribute('data-uuid')).then(function(){
      tr.remove(); refresh();
      notices.innerHTML = '<div class="notice notice-success" role="status"><p>Application password revoked.</p></div>';
    }, error);
  });
  document.getElementById('revoke-all-application-passwords').addEventListener('click', function(){
    if (!window.confirm('Are you sure you want to revoke all passwords? This action cannot be undone.')) return;
    api('DELETE', base).then(function(){
      list.innerHTML = ''; refresh();
      notices.innerHTML = '<div class="notice notice-success" role="status"><p>All application passwords revoked.</p></div>';
    }, error);
  });
  refresh();
})();`;

function screen(ctx: AdminContext, req: Request, res: Response, login: NonNullable<ReturnType<typeof requireLogin>>, user: UserRecord, own: boolean): void {
  const items = ctx.site.applicationPasswords.list(user.id).slice().reverse();
  const apiSettings = { root: `${ctx.site.config.siteUrl}/wp-json/`, nonce: ctx.cookies.createNonce('wp_rest', login), versionString: 'wp/v2/' };
  const details: Array<[string, string]> = [
    ['Username', esc(user.login)],
    // user-edit.php's role select shows the role's name, or this line for a user without one.
    ['Role', esc(roleNames(user.roles, '— No role for this site —'))],
    ['Display name publicly as', esc(user.displayName)],
    ['Email', esc(user.email)],
  ];
  const body =
    `<h2>About ${own ? 'Yourself' : 'the user'}</h2><table class="form-table" role="presentation">` +
    details.map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`).join('') +
    `</table>` +
    `<div class="application-passwords" id="application-passwords-section" data-user-id="${user.id}"><h2>Application Passwords</h2>` +
    `<p>Application passwords allow authentication via non-interactive systems, such as XML-RPC or the REST API, without providing your actual password. Application passwords can be easily revoked. They cannot be used for traditional logins to your website.</p>` +
    `<div id="application-passwords-notices" aria-live="polite"></div>` +
    `<div class="create-application-password form-wrap"><div class="form-field"><label for="new_application_password_name">New Application Password Name</label><br />` +
    `<input type="text" size="30" id="new_application_password_name" name="new_application_password_name" class="input" aria-required="true" aria-describedby="new_application_password_name_desc" spellcheck="false" />` +
    `<p class="description" id="new_application_password_name_desc">Required to create an Application Password, but not to update the user.</p></div>` +
    `<button type="button" name="do_new_application_password" id="do_new_application_password" class="button button-secondary">Add Application Password</button></div>` +
    `<div id="application-passwords-table" class="application-passwords-list-table-wrapper${items.length ? '' : ' hidden'}">` +
    `<table class="wp-list-table widefat fixed striped table-view-list application-passwords-user"><thead><tr>` +
    ['Name', 'Created', 'Last Used', 'Last IP', 'Revoke'].map((h) => `<th scope="col">${h}</th>`).join('') +
    `</tr></thead><tbody id="the-list">${items.map(row).join('')}</tbody></table>` +
    `<p><button type="button" name="revoke-all-application-passwords" id="revoke-all-application-passwords" class="button delete">Revoke all application passwords</button></p></div></div>`;
  sendAdmin(ctx, res, login, {
    title: own ? 'Profile' : `Edit User ${user.login}`,
    current: own ? 'profile.php' : 'users.php',
    body,
    script: `wpApiSettings = ${JSON.stringify(apiSettings).replace(/</g, '\\u003c')};${SCRIPT}`,
  });
}

export function registerProfile(router: Router, ctx: AdminContext): void {
  router.get('/wp-admin/profile.php', (req: Request, res: Response) => {
    const login = requireLogin(ctx, req, res);
    if (!login) return;
    screen(ctx, req, res, login, login.user, true);
  });
  router.get('/wp-admin/user-edit.php', (req: Request, res: Response) => {
    const login = requireLogin(ctx, req, res);
    if (!login) return;
    const id = Number(field(req.query, 'user_id'));
    // WordPress sends a user editing themself to profile.php.
    if (id === login.user.id) return redirect(res, adminUrl(ctx, 'profile.php'));
    if (!ctx.site.users.can(login.user, 'edit_users')) return die(ctx, res, 403, 'WordPress &rsaquo; Error', 'Sorry, you are not allowed to edit this user.');
    const user = Number.isInteger(id) && id > 0 ? ctx.site.users.byId(id) : undefined;
    if (!user) return die(ctx, res, 404, 'WordPress &rsaquo; Error', 'Invalid user ID.');
    screen(ctx, req, res, login, user, false);
  });
}
