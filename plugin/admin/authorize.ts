import type { Request, Response, Router } from 'express';
import { ApplicationPasswordError, chunkApplicationPassword } from '../../core/auth/application-passwords';
import type { ValidCookie } from '../../core/auth/cookie';
import { adminUrl, checkNonce, die, field, notice, redirect, requireLogin, sendAdmin, type AdminContext } from './context';
import { esc, nonceField } from './layout';

/**
 * wp-admin/authorize-application.php, WordPress 6.8's no-JS flow: an app sends the user here with
 * `app_name`, `app_id`, `success_url`, `reject_url`; approving creates an application password and
 * redirects to `success_url` with `site_url`, `user_login` and `password` (or shows the password
 * when there is no `success_url`); rejecting redirects to `reject_url`, which defaults to
 * `success_url?success=false`. The emulator is a local environment (WP_ENVIRONMENT_TYPE=local), so
 * http URLs are allowed as WordPress allows them there.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BAD_PROTOCOLS = ['javascript', 'data'];
const LOCAL_ENVIRONMENT = true;

/** wp_is_authorize_application_redirect_url_valid(): null, or WordPress's message. */
export function redirectUrlProblem(url: string): string | null {
  if (url === '') return null;
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url)) return 'Invalid URL format.';
  let scheme = '';
  let host = '';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#@]*@)?(\[[^\]]*\]|[^:/?#]*)/.exec(url);
  if (m) {
    scheme = m[1]!;
    host = m[3]!;
  }
  if (host === '' || scheme === '' || BAD_PROTOCOLS.includes(scheme.toLowerCase())) return 'Invalid URL format.';
  if (scheme === 'http' && !LOCAL_ENVIRONMENT) return 'The URL must be served over a secure connection.';
  return null;
}

/** add_query_arg(): the arguments replace any of the same name, before the fragment. */
export function addQueryArgs(url: string, args: Array<[string, string]>): string {
  const hashAt = url.indexOf('#');
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const q = base.indexOf('?');
  const path = q === -1 ? base : base.slice(0, q);
  const names = new Set(args.map(([k]) => k));
  const kept = q === -1 ? [] : base.slice(q + 1).split('&').filter((pair) => pair !== '' && !names.has(pair.split('=')[0]!));
  const added = args.map(([k, v]) => `${k}=${v}`);
  return `${path}?${[...kept, ...added].join('&')}${fragment}`;
}

interface Flow {
  appName: string;
  appId: string;
  successUrl: string;
  rejectUrl: string;
}

/** The request's flow parameters, with WordPress's default reject_url. */
function flowOf(source: unknown): Flow {
  const successUrl = field(source, 'success_url');
  const given = field(source, 'reject_url');
  return {
    appName: field(source, 'app_name'),
    appId: field(source, 'app_id'),
    successUrl,
    rejectUrl: given !== '' ? given : successUrl !== '' ? addQueryArgs(successUrl, [['success', 'false']]) : '',
  };
}

/** wp_is_authorize_application_password_request_valid(): the messages, empty when valid. */
function problems(flow: Flow): string[] {
  const out: string[] = [];
  for (const url of [flow.successUrl, flow.rejectUrl]) {
    const problem = redirectUrlProblem(url);
    if (problem) out.push(problem);
  }
  if (flow.appId !== '' && !UUID.test(flow.appId)) out.push('The application ID must be a UUID.');
  return out;
}

function page(ctx: AdminContext, req: Request, res: Response, login: ValidCookie, flow: Flow, extra: { error?: string; password?: string }): void {
  const site = ctx.site.config.siteUrl;
  const intro = flow.appName
    ? `Would you like to give the application identifying itself as <strong>${esc(flow.appName)}</strong> access to your account? You should only do this if you trust the application in question.`
    : 'Would you like to give this application access to your account? You should only do this if you trust the application in question.';
  let inner: string;
  if (extra.password !== undefined) {
    inner =
      `<div class="notice notice-success notice-alt below-h2" role="alert"><p class="application-password-display"><label for="new-application-password-value">Your new password for <strong>${esc(flow.appName)}</strong> is:</label> ` +
      `<input id="new-application-password-value" type="text" class="code" readonly="readonly" value="${esc(chunkApplicationPassword(extra.password))}" /></p>` +
      `<p>Be sure to save this in a safe location. You will not be able to retrieve it.</p></div>`;
  } else {
    const approveTo = flow.successUrl
      ? `You will be sent to <strong><code>${esc(addQueryArgs(flow.successUrl, [['site_url', site], ['user_login', login.user.login], ['password', '[------]']]))}</code></strong>`
      : 'You will be given a password to manually enter into the application in question.';
    const rejectTo = flow.rejectUrl ? `You will be sent to <strong><code>${esc(flow.rejectUrl)}</code></strong>` : 'You will be returned to the WordPress Dashboard, and no changes will be made.';
    inner =
      `<form action="${esc(adminUrl(ctx, 'authorize-application.php'))}" method="post" class="form-wrap">` +
      nonceField(ctx.cookies.createNonce('authorize_application_password', login), req.originalUrl) +
      `<input type="hidden" name="action" value="authorize_application_password" />` +
      `<input type="hidden" name="app_id" value="${esc(flow.appId)}" />` +
      `<input type="hidden" name="success_url" value="${esc(flow.successUrl)}" />` +
      `<input type="hidden" name="reject_url" value="${esc(flow.rejectUrl)}" />` +
      `<div class="form-field"><label for="app_name">New Application Password Name</label><br /><input type="text" id="app_name" name="app_name" value="${esc(flow.appName)}" required /></div>` +
      `<p><input type="submit" name="approve" id="approve" class="button button-primary" value="Yes, I approve of this connection" aria-describedby="description-approve" /></p>` +
      `<p class="description" id="description-approve">${approveTo}</p>` +
      `<p><input type="submit" name="reject" id="reject" class="button" value="No, I do not approve of this connection" aria-describedby="description-reject" /></p>` +
      `<p class="description" id="description-reject">${rejectTo}</p></form>`;
  }
  sendAdmin(ctx, res, login, {
    title: 'Authorize Application',
    current: 'profile.php',
    body: (extra.error ? notice('error', esc(extra.error)) : '') + `<div class="card auth-app-card"><h2 class="title">An application would like to connect to your account.</h2><p>${intro}</p>${inner}</div>`,
  });
}

function refuse(ctx: AdminContext, res: Response, messages: string[]): void {
  die(ctx, res, 500, 'Cannot Authorize Application', esc(`The Authorize Application request is not allowed. ${messages.join(' ')}`));
}

export function registerAuthorize(router: Router, ctx: AdminContext): void {
  const path = '/wp-admin/authorize-application.php';
  router.get(path, (req: Request, res: Response) => {
    const login = requireLogin(ctx, req, res);
    if (!login) return;
    const flow = flowOf(req.query);
    const found = problems(flow);
    if (found.length > 0) return refuse(ctx, res, found);
    page(ctx, req, res, login, flow, {});
  });

  router.post(path, async (req: Request, res: Response) => {
    const login = requireLogin(ctx, req, res);
    if (!login) return;
    if (field(req.body, 'action') !== 'authorize_application_password') return res.redirect(302, req.originalUrl);
    if (!checkNonce(ctx, req, res, 'authorize_application_password', login)) return;
    const body = req.body as Record<string, unknown>;
    const flow: Flow = { appName: field(body, 'app_name'), appId: field(body, 'app_id'), successUrl: field(body, 'success_url'), rejectUrl: field(body, 'reject_url') };
    // WordPress checks the URLs only when it shows the form; the emulator checks them again here,
    // so a forged POST cannot send the browser (with a new password) to a javascript: or data: URL.
    const found = problems(flow);
    if (found.length > 0) return refuse(ctx, res, found);
    if ('reject' in body) return redirect(res, flow.rejectUrl || adminUrl(ctx));
    if (!('approve' in body)) return page(ctx, req, res, login, flow, {});
    let created: { password: string };
    try {
      created = ctx.site.applicationPasswords.create(login.user.id, { name: flow.appName, appId: flow.appId });
    } catch (e) {
      if (e instanceof ApplicationPasswordError) return page(ctx, req, res, login, flow, { error: e.message });
      throw e;
    }
    // The journal keeps response headers: the Location (and the page) must not show the password there.
    ctx.site.pipeline.contextOf(req)?.secrets.add(created.password);
    await ctx.site.store.commit();
    if (!flow.successUrl) return page(ctx, req, res, login, flow, { password: created.password });
    redirect(
      res,
      addQueryArgs(flow.successUrl, [
        ['site_url', encodeURIComponent(ctx.site.config.siteUrl)],
        ['user_login', encodeURIComponent(login.user.login)],
        ['password', encodeURIComponent(created.password)],
      ]),
    );
  });
}
