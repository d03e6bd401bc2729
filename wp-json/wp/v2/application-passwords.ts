import { turnForLargeBody } from '../../../core/pipeline/pipeline';
import { sanitizeTextField } from '../../../core/wordpress/formatting';
import { ApplicationPasswordError, chunkApplicationPassword, type ApplicationPasswordRecord } from '../../../core/auth/application-passwords';
import type { UserRecord } from '../../../core/auth/users';
import type { SiteContext } from '../../../core/namespace';
import { WpError, wpErrors } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { RestResponse } from '../../../core/rest/response';
import { ALLMETHODS, DELETABLE, EDITABLE, READABLE, CREATABLE } from '../../../core/rest/server';
import { applicationPasswordArgs, applicationPasswordSchema, contextArg } from './schemas';

export const USER_ID_PATTERN = '(?P<user_id>(?:[\\d]+|me))';
const BASE = `/users/${USER_ID_PATTERN}/application-passwords`;

/** `gmdate('Y-m-d\TH:i:s', $t)`: UTC, no zone. */
export function gmtDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** rest_authorization_required_code(): 401 for anonymous, 403 for a logged-in user. */
function authCode(req: RestRequest): number {
  return req.isLoggedIn ? 403 : 401;
}

const MESSAGES = {
  rest_cannot_list_application_passwords: 'Sorry, you are not allowed to list application passwords for this user.',
  rest_cannot_create_application_passwords: 'Sorry, you are not allowed to create application passwords for this user.',
  rest_cannot_read_application_password: 'Sorry, you are not allowed to read this application password.',
  rest_cannot_edit_application_password: 'Sorry, you are not allowed to edit this application password.',
  rest_cannot_delete_application_password: 'Sorry, you are not allowed to delete this application password.',
  rest_cannot_delete_application_passwords: 'Sorry, you are not allowed to delete application passwords for this user.',
} as const;

/**
 * The user a `user_id` URL parameter names (WP_REST_Application_Passwords_Controller::get_user):
 * `me` needs a logged-in user (401 rest_not_logged_in); an id must be a positive integer of an
 * existing user (404 rest_user_invalid_id). Checked before any permission.
 */
export function userFromParam(ctx: SiteContext, req: RestRequest): UserRecord | WpError {
  const invalid = new WpError('rest_user_invalid_id', 'Invalid user ID.', { status: 404 });
  const raw = String(req.urlParams.user_id ?? '');
  if (raw === 'me') {
    if (!req.user) return wpErrors.notLoggedIn();
    return ctx.users.byId(req.user.id) ?? invalid;
  }
  if (!/^\d+$/.test(raw)) return invalid;
  const id = Number(raw);
  if (id <= 0) return invalid;
  return ctx.users.byId(id) ?? invalid;
}

/** map_meta_cap for the *_app_password(s) capabilities: edit_user, i.e. oneself, or edit_users for others. */
export function canManageFor(ctx: SiteContext, actor: UserRecord | null, target: UserRecord): boolean {
  if (!actor) return false;
  return actor.id === target.id || ctx.users.can(actor, 'edit_users');
}

export function registerApplicationPasswords(ctx: SiteContext): void {
  const { rest, applicationPasswords } = ctx;

  const check = (code: keyof typeof MESSAGES) => (req: RestRequest): true | WpError => {
    const user = userFromParam(ctx, req);
    if (user instanceof WpError) return user;
    if (!canManageFor(ctx, req.user, user)) return new WpError(code, MESSAGES[code], { status: authCode(req) });
    return true;
  };

  const selfLink = (user: UserRecord, uuid: string, req: RestRequest) => {
    const link: Record<string, unknown> = { href: rest.restUrl(`/wp/v2/users/${user.id}/application-passwords/${uuid}`) };
    // WordPress 6.7+ adds targetHints.allow to self links: the methods the current user may use on the item.
    if (canManageFor(ctx, req.user, user)) link.targetHints = { allow: [...ALLMETHODS] };
    return link;
  };

  /** prepare_item_for_response: fields by context, then `_links` (left out of `previous` on delete). */
  const prepare = (user: UserRecord, item: ApplicationPasswordRecord, req: RestRequest, extra: { password?: string; context?: string; links?: boolean } = {}) => {
    const data: Record<string, unknown> = {
      uuid: item.uuid,
      app_id: item.appId || '',
      name: item.name,
      created: gmtDate(item.created),
      last_used: item.lastUsed ? gmtDate(item.lastUsed) : null,
      last_ip: item.lastIp || null,
    };
    const context = extra.context ?? String(req.param('context') ?? 'view');
    if (extra.password !== undefined && context === 'edit') data.password = extra.password;
    if (context === 'embed') {
      delete data.created;
      delete data.last_used;
      delete data.last_ip;
    }
    if (extra.links !== false) data._links = { self: [selfLink(user, item.uuid, req)] };
    return data;
  };

  const itemOf = (user: UserRecord, req: RestRequest): ApplicationPasswordRecord | WpError =>
    applicationPasswords.get(user.id, String(req.urlParams.uuid ?? '')) ??
    new WpError('rest_application_password_not_found', 'Application password not found.', { status: 404 });

  /** Resolves the user again in the handler (WordPress does too) and narrows the type. */
  const userOf = (req: RestRequest): UserRecord => {
    const user = userFromParam(ctx, req);
    if (user instanceof WpError) throw user;
    return user;
  };

  const nameOf = (req: RestRequest): string | undefined => {
    const name = req.param('name');
    if (name === undefined || name === null) return undefined;
    // The route's sanitize_callback is sanitize_text_field (core/wordpress: linear time, whatever the input).
    return sanitizeTextField(String(name));
  };

  rest.registerRoute(
    'wp/v2',
    BASE,
    [
      {
        methods: READABLE,
        args: { context: contextArg },
        permission: check('rest_cannot_list_application_passwords'),
        handler: (req) => {
          const user = userOf(req);
          return applicationPasswords.list(user.id).map((item) => prepare(user, item, req));
        },
      },
      {
        methods: CREATABLE,
        args: applicationPasswordArgs(true),
        permission: check('rest_cannot_create_application_passwords'),
        handler: async (req) => {
          const user = userOf(req);
          const name = nameOf(req) ?? '';
          await turnForLargeBody(req.rawBody.length); // a large name: sanitised in this turn, stored in the next
          // A user deleted in that turn gets no password (rest_user_invalid_id, as for one not there).
          if (!ctx.users.byId(user.id)) return new WpError('rest_user_invalid_id', 'Invalid user ID.', { status: 404 });
          const appId = req.param('app_id');
          let created;
          try {
            created = applicationPasswords.create(user.id, { name, appId: typeof appId === 'string' ? appId : '' });
          } catch (e) {
            if (e instanceof ApplicationPasswordError) return new WpError(e.code, e.message, { status: 400 });
            throw e;
          }
          const data = prepare(user, created.item, req, { password: chunkApplicationPassword(created.password), context: 'edit' });
          return new RestResponse(data, 201, { Location: rest.restUrl(`/wp/v2/users/${user.id}/application-passwords/${created.item.uuid}`) });
        },
      },
      {
        methods: DELETABLE,
        permission: check('rest_cannot_delete_application_passwords'),
        handler: async (req) => {
          const user = userOf(req);
          const count = applicationPasswords.deleteAll(user.id);
          return { deleted: true, count };
        },
      },
    ],
    { schema: applicationPasswordSchema },
  );

  rest.registerRoute(
    'wp/v2',
    `${BASE}/introspect`,
    [
      {
        methods: READABLE,
        args: { context: contextArg },
        permission: (req) => {
          const user = userFromParam(ctx, req);
          if (user instanceof WpError) return user;
          if (!req.user || req.user.id !== user.id) {
            return new WpError(
              'rest_cannot_introspect_app_password_for_non_authenticated_user',
              'The authenticated application password can only be introspected for the current user.',
              { status: authCode(req) },
            );
          }
          return true;
        },
        handler: (req) => {
          const user = userOf(req);
          if (!req.appPassword) return new WpError('rest_no_authenticated_app_password', 'Cannot introspect application password.', { status: 404 });
          const item = applicationPasswords.get(user.id, req.appPassword.uuid);
          if (!item) return new WpError('rest_application_password_not_found', 'Application password not found.', { status: 500 });
          return prepare(user, item, req);
        },
      },
    ],
    { schema: applicationPasswordSchema },
  );

  rest.registerRoute(
    'wp/v2',
    `${BASE}/(?P<uuid>[\\w\\-]+)`,
    [
      {
        methods: READABLE,
        args: { context: contextArg },
        permission: check('rest_cannot_read_application_password'),
        handler: (req) => {
          const user = userOf(req);
          const item = itemOf(user, req);
          return item instanceof WpError ? item : prepare(user, item, req);
        },
      },
      {
        methods: EDITABLE,
        args: applicationPasswordArgs(false),
        permission: check('rest_cannot_edit_application_password'),
        handler: async (req) => {
          const user = userOf(req);
          const item = itemOf(user, req);
          if (item instanceof WpError) return item;
          const name = nameOf(req);
          await turnForLargeBody(req.rawBody.length);
          // prepare_item_for_database: only the name changes on update (app_id is kept, as in WordPress).
          // Renamed as stored now: one deleted while the name was sanitised is not stored again (it would sign in again).
          const updated = name ? applicationPasswords.rename(item, name) : item;
          return updated ? prepare(user, updated, req) : itemOf(user, req);
        },
      },
      {
        methods: DELETABLE,
        permission: check('rest_cannot_delete_application_password'),
        handler: async (req) => {
          const user = userOf(req);
          const item = itemOf(user, req);
          if (item instanceof WpError) return item;
          const previous = prepare(user, item, req, { context: 'edit', links: false });
          applicationPasswords.delete(item.uuid);
          return { deleted: true, previous };
        },
      },
    ],
    { schema: applicationPasswordSchema },
  );
}
