import { createHash } from 'node:crypto';
import { bcrypt } from '../../../core/auth/bcrypt';
import { isRole } from '../../../core/auth/roles';
import { uniqueNicename, type UserRecord } from '../../../core/auth/users';
import { sendUserChangeNotices, type UserChangeNotice } from './user-mail';
import type { SiteContext } from '../../../core/namespace';
import { WpError, wpErrors } from '../../../core/rest/errors';
import { parseFieldList } from '../../../core/rest/fields';
import type { RestRequest } from '../../../core/rest/request';
import { DELETABLE, EDITABLE, READABLE, type Method } from '../../../core/rest/server';
import { contextArg, userDeleteArgs, userEditArgs, userSchema } from './schemas';
import { registerUserCollection } from './users-collection';
import { turnForLargeBody } from '../../../core/pipeline/pipeline';
import { absint, phpEmptyString } from '../../../core/wordpress/formatting';
import { sanitizeUserDescription, sanitizeUserEmail, sanitizeUserNameField, sanitizeUserUrl } from '../../../core/wordpress/user-fields';
import { nicenameTooLong, restSlug, userNicename } from './slug';

/** Gravatar URLs as WordPress 6.8 builds them: SHA-256 of the trimmed, lower-cased e-mail. */
export function avatarUrls(email: string): Record<string, string> {
  const hash = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  const urls: Record<string, string> = {};
  for (const size of [24, 48, 96]) urls[String(size)] = `https://secure.gravatar.com/avatar/${hash}?s=${size}&d=mm&r=g`;
  return urls;
}

/** `YYYY-MM-DD HH:MM:SS` (UTC, as stored) → `YYYY-MM-DDTHH:MM:SS+00:00`, WordPress's `date('c')`. */
function registeredDate(registered: string): string {
  const iso = registered.replace(' ', 'T').slice(0, 19);
  return `${iso}+00:00`;
}

/** Methods the current user may use on /wp/v2/users/<id> for `user` (the self link's targetHints). */
function userMethods(ctx: SiteContext, actor: UserRecord | null, user: UserRecord): Method[] {
  const self = actor !== null && actor.id === user.id;
  const methods: Method[] = ['GET'];
  if (self || ctx.users.can(actor, 'edit_users')) methods.push('POST', 'PUT', 'PATCH');
  if (ctx.users.can(actor, 'delete_users')) methods.push('DELETE');
  return methods;
}

/** WP_REST_Users_Controller::prepare_item_for_response, fields in WordPress's order. */
export function prepareUser(ctx: SiteContext, user: UserRecord, req: RestRequest, context: string): Record<string, unknown> {
  const edit = context === 'edit';
  const data: Record<string, unknown> = { id: user.id };
  if (edit) data.username = user.login;
  data.name = user.displayName;
  if (edit) {
    data.first_name = user.firstName;
    data.last_name = user.lastName;
    data.email = user.email;
  }
  data.url = user.url;
  data.description = user.description;
  data.link = `${ctx.config.siteUrl}/author/${user.slug}/`;
  if (edit) data.locale = user.locale || 'en_US';
  if (edit) data.nickname = user.nickname;
  data.slug = user.slug;
  if (edit) {
    data.roles = [...user.roles];
    data.registered_date = registeredDate(user.registered);
    data.capabilities = ctx.users.capabilities(user);
    data.extra_capabilities = Object.fromEntries(user.roles.map((r) => [r, true]));
  }
  data.avatar_urls = avatarUrls(user.email);
  if (context === 'view') data.meta = [];
  if (edit) data.meta = { persisted_preferences: [] };
  // The users controller includes a field only when `_fields` names it exactly (in_array, not
  // rest_is_field_included): `_fields=avatar_urls.48` drops avatar_urls altogether, as WordPress does.
  const fields = parseFieldList(req.query._fields);
  if (fields.length > 0) for (const key of Object.keys(data)) if (!fields.includes(key)) delete data[key];
  data._links = {
    self: [{ href: ctx.rest.restUrl(`/wp/v2/users/${user.id}`), targetHints: { allow: userMethods(ctx, req.user, user) } }],
    collection: [{ href: ctx.rest.restUrl('/wp/v2/users') }],
  };
  return data;
}

/** A user's text fields and the filter wp_insert_user saves each one through (its pre_user_* filters). */
const USER_TEXT_FILTERS = {
  displayName: sanitizeUserNameField,
  firstName: sanitizeUserNameField,
  lastName: sanitizeUserNameField,
  nickname: sanitizeUserNameField,
  description: sanitizeUserDescription,
  url: sanitizeUserUrl,
  email: sanitizeUserEmail,
} as const satisfies Record<string, (value: string) => string>;

export type UserTextField = keyof typeof USER_TEXT_FILTERS;

/** The REST API's parameter for each text field. */
const USER_TEXT_PARAMS: ReadonlyArray<[string, UserTextField]> = [
  ['name', 'displayName'],
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['nickname', 'nickname'],
  ['description', 'description'],
  ['url', 'url'],
  ['email', 'email'],
];

/** wp_insert_user's order: the display name last, since a new user's may be made of the filtered first and last names. */
const USER_TEXT_ORDER: readonly UserTextField[] = ['firstName', 'lastName', 'nickname', 'description', 'url', 'email', 'displayName'];

/**
 * What wp_insert_user filters for a text field: the value given, else (updating) the stored one, else
 * ''; a PHP-empty one ('' or '0') is '', the nickname then the login, the display name then the
 * login when updating and, for a new user, "First Last", the first or the last name (filtered
 * already), or the login.
 */
function textFieldInput(user: UserRecord, given: ReadonlyMap<UserTextField, string>, field: UserTextField, creating: boolean): string {
  const value = given.get(field) ?? (creating ? '' : user[field]);
  if (!phpEmptyString(value)) return value;
  if (field === 'nickname') return user.login;
  if (field !== 'displayName') return '';
  if (!creating) return user.login;
  if (!phpEmptyString(user.firstName) && !phpEmptyString(user.lastName)) return `${user.firstName} ${user.lastName}`;
  if (!phpEmptyString(user.firstName)) return user.firstName;
  return phpEmptyString(user.lastName) ? user.login : user.lastName;
}

/**
 * wp_insert_user's text fields, as wp_update_user calls it: each one given saved through its filter,
 * and each one not given the stored value through its filter again, as WordPress passes the stored
 * user back into wp_insert_user (`creating`: a new user, whose fields not given are empty). The
 * filters mostly give back what they made, but not always: an e-mail address saved as
 * `bob&amp;co@example.com` is `bob&amp;ampco@example.com` after the next update (sanitize_email drops
 * the ';', kses encodes the '&'), in WordPress and here.
 */
export function saveUserTextFields(user: UserRecord, given: ReadonlyMap<UserTextField, string>, creating = false): void {
  for (const field of USER_TEXT_ORDER) user[field] = USER_TEXT_FILTERS[field](textFieldInput(user, given, field, creating));
}

/**
 * saveUserTextFields for a request: a field of 64 KB or more is filtered in a turn of its own
 * (turnForLargeBody), so a user with several megabyte-long fields stored does not hold the event
 * loop for all of them at once on every update (~50-70 ms each for four megabytes of `&lt;`).
 */
async function saveUserTextFieldsInTurns(user: UserRecord, given: ReadonlyMap<UserTextField, string>, creating: boolean): Promise<void> {
  for (const field of USER_TEXT_ORDER) {
    const value = textFieldInput(user, given, field, creating);
    await turnForLargeBody(value.length);
    user[field] = USER_TEXT_FILTERS[field](value);
  }
}

/**
 * WP_REST_Users_Controller::update_item's checks and prepare_item_for_database, on a copy of the
 * user (the caller stores it): username not editable, e-mail and slug unique, roles
 * (check_role_update), the text fields and the password. Returns the first error, or null.
 */
export async function applyUserChanges(ctx: SiteContext, user: UserRecord, req: RestRequest, options: { skipSlug?: boolean; skipPassword?: boolean; creating?: boolean }): Promise<WpError | null> {
  const { users } = ctx;
  const email = req.param('email');
  if (typeof email === 'string') {
    const owner = users.byEmail(email);
    if (owner && owner.id !== user.id) return new WpError('rest_user_invalid_email', 'Invalid email address.', { status: 400 });
  }
  const username = req.param('username');
  if (typeof username === 'string' && username !== '' && username !== user.login) return new WpError('rest_user_invalid_argument', 'Username is not editable.', { status: 400 });
  // The slug as the REST API sanitises it (sanitize_slug); checked when not PHP-empty ('' and '0').
  const slugParam = req.param('slug');
  const slug = typeof slugParam === 'string' ? restSlug(slugParam) : undefined;
  if (!options.skipSlug && slug !== undefined && !phpEmptyString(slug) && slug !== user.slug && users.slugTaken(slug, user.id)) {
    return new WpError('rest_user_invalid_slug', 'Invalid slug.', { status: 400 });
  }
  const roles = req.param('roles');
  if (Array.isArray(roles) && roles.length > 0) {
    for (const role of roles.map(String)) {
      if (!isRole(role)) return new WpError('rest_user_invalid_role', `The role ${role} does not exist.`, { status: 400 });
      // Nobody may take edit_users away from themself; only administrators hand out roles.
      const self = req.user !== null && req.user.id === user.id;
      if ((self && !users.can({ ...user, roles: [role] }, 'edit_users')) || !users.can(req.user, 'promote_users')) {
        return new WpError('rest_user_invalid_role', 'Sorry, you are not allowed to give users that role.', { status: 403 });
      }
    }
    user.roles = roles.map(String);
  }
  // As wp_update_user saves them: what was sent and what was stored alike through the pre_user_* filters.
  const given = new Map<UserTextField, string>();
  for (const [param, field] of USER_TEXT_PARAMS) {
    const v = req.param(param);
    if (typeof v === 'string') given.set(field, v);
  }
  await saveUserTextFieldsInTurns(user, given, options.creating === true);
  const locale = req.param('locale');
  if (typeof locale === 'string') user.locale = locale === 'en_US' ? '' : locale;
  const password = req.param('password');
  // The arg's sanitize_callback (check_user_password, schemas.ts) has refused an empty one or one with a backslash.
  if (!options.skipPassword && typeof password === 'string') user.passwordHash = await bcrypt().hash(password, ctx.config.bcryptCost);
  // wp_update_user's nicename from the sanitised slug: sanitize_user and sanitize_title again, the
  // login's when nothing is left to give, at most 50 characters, another user's gets -2, -3, ...
  if (!options.skipSlug && slug !== undefined) {
    const made = userNicename(slug, user, users);
    if (made === null) return nicenameTooLong();
    user.slug = made;
  }
  // A large body's fields were sanitised in this turn; the caller stores them in the next (a 1 MB
  // first_name: ~60 ms of work in one block before, docs/reliability.md "Large bodies").
  await turnForLargeBody(req.rawBody.length);
  return null;
}

/**
 * Stores a user a request changed, once its awaits (bcrypt, the turns of large fields) are over:
 * what other requests did meanwhile is checked again, so an update never brings back a user deleted
 * while it hashed a password (404, as for a user that was not there), nor saves an address another
 * user took meanwhile (400, as when it was taken before), and a nicename taken meanwhile gets its
 * -2 as wp_insert_user gives it. Then wp_update_user's notices of a new password or address are
 * mailed to the user as stored until now (`notices`; WP-CLI's --skip-email leaves them out).
 * Returns the error, or null when stored.
 */
export function storeUserChanges(ctx: SiteContext, user: UserRecord, notices?: Omit<UserChangeNotice, 'before'>): WpError | null {
  const { users } = ctx;
  const stored = users.byId(user.id);
  if (!stored) return new WpError('rest_user_invalid_id', 'Invalid user ID.', { status: 404 });
  if (user.email.toLowerCase() !== stored.email.toLowerCase()) {
    const owner = users.byEmail(user.email);
    if (owner && owner.id !== user.id) return new WpError('rest_user_invalid_email', 'Invalid email address.', { status: 400 });
  }
  user.slug = uniqueNicename(user.slug, (slug) => users.slugTaken(slug, user.id));
  users.update(user);
  if (notices) sendUserChangeNotices(ctx, { before: stored, ...notices });
  return null;
}

/** What a REST update tells wp_update_user about its password and address, for its notices. */
export function restChangeNotices(req: RestRequest): Omit<UserChangeNotice, 'before'> {
  const email = req.param('email');
  return { passwordChanged: typeof req.param('password') === 'string', emailGiven: typeof email === 'string' ? email : undefined };
}

/** `GET|POST|PUT|PATCH|DELETE /wp/v2/users/me`, after the collection and `/users/<id>` (WordPress's index order). */
export function registerUsers(ctx: SiteContext): void {
  registerUserCollection(ctx);
  const { rest, users } = ctx;
  const cannot = (req: RestRequest, code: string, message: string) => new WpError(code, message, { status: req.isLoggedIn ? 403 : 401 });
  const current = (req: RestRequest): UserRecord | WpError =>
    (req.user && users.byId(req.user.id)) || new WpError('rest_user_invalid_id', 'Invalid user ID.', { status: 404 });

  rest.registerRoute(
    'wp/v2',
    '/users/me',
    [
      {
        methods: READABLE,
        args: { context: contextArg },
        handler: (req) => {
          if (!req.user) return wpErrors.notLoggedIn();
          const user = users.byId(req.user.id);
          if (!user) return wpErrors.notLoggedIn();
          return prepareUser(ctx, user, req, String(req.param('context') ?? 'view'));
        },
      },
      {
        methods: EDITABLE,
        args: userEditArgs,
        // update_current_item_permissions_check: the current user (id 0 when anonymous → rest_user_invalid_id), then edit_user (oneself: yes).
        permission: (req) => {
          const user = current(req);
          if (user instanceof WpError) return user;
          const roles = req.param('roles');
          if (roles !== undefined && !users.can(req.user, 'promote_users')) {
            return cannot(req, 'rest_cannot_edit_roles', 'Sorry, you are not allowed to edit roles of this user.');
          }
          return true;
        },
        handler: async (req) => {
          const found = current(req);
          if (found instanceof WpError) return found;
          const user: UserRecord = { ...found, roles: [...found.roles] };
          const failed = (await applyUserChanges(ctx, user, req, {})) ?? storeUserChanges(ctx, user, restChangeNotices(req));
          if (failed) return failed;
          return prepareUser(ctx, user, req, 'edit');
        },
      },
      {
        methods: DELETABLE,
        args: userDeleteArgs,
        permission: (req) => {
          const user = current(req);
          if (user instanceof WpError) return user;
          if (!users.can(req.user, 'delete_users')) return cannot(req, 'rest_user_cannot_delete', 'Sorry, you are not allowed to delete this user.');
          return true;
        },
        handler: async (req) => {
          const user = current(req);
          if (user instanceof WpError) return user;
          if (req.param('force') !== true) {
            return new WpError('rest_trash_not_supported', "Users do not support trashing. Set 'force=true' to delete.", { status: 501 });
          }
          // delete_item: absint() of what check_reassign let through ('1.5' reassigns to 1, '-2' to 2); false: none.
          const reassign = absint(req.param('reassign'));
          if (reassign && (reassign === user.id || !users.byId(reassign))) {
            return new WpError('rest_user_invalid_reassign', 'Invalid user ID for reassignment.', { status: 400 });
          }
          const previous = prepareUser(ctx, user, req, 'edit');
          delete previous._links;
          ctx.applicationPasswords.deleteAll(user.id);
          users.delete(user.id);
          return { deleted: true, previous };
        },
      },
    ],
    { schema: userSchema },
  );
}
