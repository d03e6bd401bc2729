import { bcrypt } from '../../../core/auth/bcrypt';
import { isRole } from '../../../core/auth/roles';
import { UserError, type UserRecord } from '../../../core/auth/users';
import type { SiteContext } from '../../../core/namespace';
import { WpError } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { RestResponse } from '../../../core/rest/response';
import { CREATABLE, DELETABLE, EDITABLE, READABLE } from '../../../core/rest/server';
import type { ArgSchema } from '../../../core/rest/schema';
import { absint, phpEmptyString, phpIsNumeric } from '../../../core/wordpress/formatting';
import { contextArg, userDeleteArgs, userEditArgs, userSchema } from './schemas';
import { applyUserChanges, prepareUser, restChangeNotices, storeUserChanges } from './users';
import { nicenameTooLong, restSlug, userNicename } from './slug';

/**
 * `GET|POST /wp/v2/users` and `GET|POST|PUT|PATCH|DELETE /wp/v2/users/<id>`
 * (WP_REST_Users_Controller), WordPress 6.8's arguments, permissions, errors, headers and links.
 * The emulator has no posts: where WordPress lets anyone see the authors of published posts, the
 * emulator has none to show (docs/admin-screens.md).
 */

const idArg: ArgSchema = { description: 'Unique identifier for the user.', type: 'integer' };
const ORDERBY = ['id', 'include', 'name', 'registered_date', 'slug', 'include_slugs', 'email', 'url'];

const listArgs: Record<string, ArgSchema> = {
  context: contextArg,
  page: { description: 'Current page of the collection.', type: 'integer', default: 1, minimum: 1 },
  per_page: { description: 'Maximum number of items to be returned in result set.', type: 'integer', default: 10, minimum: 1, maximum: 100 },
  search: { description: 'Limit results to those matching a string.', type: 'string' },
  exclude: { description: 'Ensure result set excludes specific IDs.', type: 'array', items: { type: 'integer' }, default: [] },
  include: { description: 'Limit result set to specific IDs.', type: 'array', items: { type: 'integer' }, default: [] },
  offset: { description: 'Offset the result set by a specific number of items.', type: 'integer' },
  order: { default: 'asc', description: 'Order sort attribute ascending or descending.', enum: ['asc', 'desc'], type: 'string' },
  orderby: { default: 'name', description: 'Sort collection by user attribute.', enum: ORDERBY, type: 'string' },
  slug: { description: 'Limit result set to users with one or more specific slugs.', type: 'array', items: { type: 'string' } },
  roles: { description: 'Limit result set to users matching at least one specific role provided. Accepts csv list or single role.', type: 'array', items: { type: 'string' } },
  capabilities: { description: 'Limit result set to users matching at least one specific capability provided. Accepts csv list or single capability.', type: 'array', items: { type: 'string' } },
  who: { description: 'Limit result set to users who are considered authors.', type: 'string', enum: ['authors'] },
  search_columns: { default: [], description: 'Array of column names to be searched.', type: 'array', items: { enum: ['email', 'name', 'id', 'username', 'slug'], type: 'string' } },
};

const createArgs: Record<string, ArgSchema> = {
  ...userEditArgs,
  username: { ...userEditArgs.username, required: true },
  email: { ...userEditArgs.email, required: true },
  password: { ...userEditArgs.password, required: true },
};
// The keys in WordPress's order (the spread above keeps userEditArgs' order).

/** The REST API's search_columns values as WP_User_Query's columns. */
const SEARCH_COLUMNS: Record<string, SearchColumn> = { id: 'ID', username: 'user_login', slug: 'user_nicename', email: 'user_email', name: 'display_name' };

type SearchColumn = 'ID' | 'user_login' | 'user_email' | 'user_url' | 'user_nicename' | 'display_name';

/**
 * WP_User_Query's `search`: every '*' at both ends trimmed, and where there were some the text may
 * have more before or after it (LIKE '%text', 'text%', '%text%'; without any the value must equal the
 * text, ignoring case as MySQL's collation does). The columns are those `named` (of ID, login, slug,
 * e-mail and display name; without list_users of ID, login, slug and display name only), or picked
 * by what is searched: an '@' the e-mail address, a number the login and the ID (which must equal
 * it), `http(s)://` the URL, else login, URL, e-mail, slug and display name. The REST API searches
 * `*<search>*`; WP-CLI's `user list --search=` passes the text as given.
 */
export function userSearch(search: string, canList: boolean, named: readonly string[]): (u: UserRecord) => boolean {
  const restricted: SearchColumn[] | null = canList ? null : ['ID', 'user_login', 'user_nicename', 'display_name'];
  const valid = restricted ?? ['ID', 'user_login', 'user_nicename', 'user_email', 'display_name'];
  const given = named.map((c) => SEARCH_COLUMNS[c]).filter((c): c is SearchColumn => c !== undefined && valid.includes(c));
  const text = search.replace(/^\*+|\*+$/g, '');
  const leading = /^\*/.test(search);
  const trailing = /\*$/.test(search);
  const numeric = phpIsNumeric(text);
  const columns: SearchColumn[] =
    given.length > 0 ? given : (restricted ?? (text.includes('@') ? ['user_email'] : numeric ? ['user_login', 'ID'] : /^https?:\/\//.test(text) ? ['user_url'] : ['user_login', 'user_url', 'user_email', 'user_nicename', 'display_name']));
  const needle = text.toLowerCase();
  const like = (value: string): boolean => {
    const v = value.toLowerCase();
    return leading && trailing ? v.includes(needle) : leading ? v.endsWith(needle) : trailing ? v.startsWith(needle) : v === needle;
  };
  const value = (u: UserRecord, c: SearchColumn) => (c === 'user_login' ? u.login : c === 'user_email' ? u.email : c === 'user_url' ? u.url : c === 'user_nicename' ? u.slug : u.displayName);
  return (u) => columns.some((c) => (c === 'ID' ? numeric && Number(text) === u.id : like(value(u, c))));
}

/** Two column values as the users list orders them (MySQL's collation): numbers by value, text ignoring case and accents. */
export function collate(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}

/** A list page: the users the request may see, filtered, ordered and counted as WP_User_Query does. */
function query(ctx: SiteContext, req: RestRequest): { page: UserRecord[]; total: number; perPage: number; pageNo: number } {
  const canList = ctx.users.can(req.user, 'list_users');
  let users = ctx.users.list();
  // Without list_users, WordPress shows only authors of published posts: the emulator has no posts.
  if (!canList && req.param('who') !== 'authors') users = [];
  if (req.param('who') === 'authors') users = users.filter((u) => ctx.users.can(u, 'edit_posts'));
  const include = (req.param('include') as number[]) ?? [];
  const exclude = (req.param('exclude') as number[]) ?? [];
  if (include.length) users = users.filter((u) => include.includes(u.id));
  if (exclude.length) users = users.filter((u) => !exclude.includes(u.id));
  const slugs = req.param('slug') as string[] | undefined;
  // nicename__in: compared as the database's collation compares (case aside; a slug is stored in lower case).
  const wanted = slugs?.map((slug) => slug.toLowerCase());
  if (wanted?.length) users = users.filter((u) => wanted.includes(u.slug.toLowerCase()));
  const roles = req.param('roles') as string[] | undefined;
  if (roles?.length) users = users.filter((u) => u.roles.some((r) => roles.includes(r)));
  const caps = req.param('capabilities') as string[] | undefined;
  if (caps?.length) users = users.filter((u) => caps.some((c) => ctx.users.can(u, c)));
  const search = req.param('search');
  if (typeof search === 'string' && !phpEmptyString(search)) users = users.filter(userSearch(`*${search}*`, canList, (req.param('search_columns') as string[] | undefined) ?? []));
  const orderby = String(req.param('orderby') ?? 'name');
  const key = (u: UserRecord): string | number =>
    orderby === 'id' ? u.id : orderby === 'registered_date' ? u.registered : orderby === 'slug' ? u.slug : orderby === 'email' ? u.email : orderby === 'url' ? u.url : orderby === 'include' ? include.indexOf(u.id) : orderby === 'include_slugs' ? (wanted ?? []).indexOf(u.slug.toLowerCase()) : u.displayName;
  const dir = req.param('order') === 'desc' ? -1 : 1;
  users = [...users].sort((a, b) => {
    return dir * (collate(key(a), key(b)) || a.id - b.id);
  });
  const perPage = Number(req.param('per_page') ?? 10);
  const offset = req.param('offset') ? Number(req.param('offset')) : (Number(req.param('page') ?? 1) - 1) * perPage;
  // A negative offset makes WP_User_Query's `LIMIT -1, n`, which the database refuses: an empty page (the total still counts all).
  return { page: offset < 0 ? [] : users.slice(offset, offset + perPage), total: users.length, perPage, pageNo: Math.ceil(offset / perPage + 1) };
}

/** add_query_arg(urlencode_deep(query), rest_url('wp/v2/users')) with `page` set. */
function pageLink(ctx: SiteContext, req: RestRequest, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) if (k !== 'page' && typeof v === 'string') params.append(k, v);
  params.append('page', String(page));
  return `${ctx.rest.restUrl('/wp/v2/users')}?${params.toString()}`;
}

/** wp_insert_user's errors as the REST API answers them: a taken login or address has no status in WordPress, so a 500 with `data: null`. */
function insertError(e: unknown): WpError | RestResponse {
  if (!(e instanceof UserError)) throw e;
  const messages: Record<string, string> = { existing_user_login: 'Sorry, that username already exists!', existing_user_email: 'Sorry, that email address is already used!' };
  if (e.code in messages) return new RestResponse({ code: e.code, message: messages[e.code], data: null }, 500);
  return new WpError(e.code, e.message, { status: 400 });
}

export function registerUserCollection(ctx: SiteContext): void {
  const { rest, users } = ctx;
  const code = (req: RestRequest) => (req.isLoggedIn ? 403 : 401);
  const deny = (req: RestRequest, c: string, message: string) => new WpError(c, message, { status: code(req) });
  const find = (req: RestRequest): UserRecord | WpError => users.byId(Number(req.param('id'))) ?? new WpError('rest_user_invalid_id', 'Invalid user ID.', { status: 404 });
  const canList = (req: RestRequest) => users.can(req.user, 'list_users');
  /** edit_user: oneself, or edit_users. */
  const canEdit = (req: RestRequest, user: UserRecord) => (req.user !== null && req.user.id === user.id) || users.can(req.user, 'edit_users');

  rest.registerRoute(
    'wp/v2',
    '/users',
    [
      {
        methods: READABLE,
        allowBatch: true,
        args: listArgs,
        permission: (req) => {
          if (req.param('roles') !== undefined && (req.param('roles') as unknown[]).length && !canList(req)) return deny(req, 'rest_user_cannot_view', 'Sorry, you are not allowed to filter users by role.');
          if (req.param('capabilities') !== undefined && (req.param('capabilities') as unknown[]).length && !canList(req)) return deny(req, 'rest_user_cannot_view', 'Sorry, you are not allowed to filter users by capability.');
          if (req.param('context') === 'edit' && !canList(req)) return deny(req, 'rest_forbidden_context', 'Sorry, you are not allowed to edit users.');
          if (['email', 'registered_date'].includes(String(req.param('orderby'))) && !canList(req)) return deny(req, 'rest_forbidden_orderby', 'Sorry, you are not allowed to order users by this parameter.');
          if (req.param('who') === 'authors' && !users.can(req.user, 'edit_posts')) return deny(req, 'rest_forbidden_who', 'Sorry, you are not allowed to query users by this parameter.');
          return true;
        },
        handler: (req) => {
          const { page, total, perPage, pageNo } = query(ctx, req);
          const context = String(req.param('context') ?? 'view');
          const body = req.method === 'HEAD' ? [] : page.filter((u) => context !== 'edit' || canEdit(req, u)).map((u) => prepareUser(ctx, u, req, context));
          const maxPages = Math.ceil(total / perPage);
          const links: string[] = [];
          if (pageNo > 1) links.push(`<${pageLink(ctx, req, Math.min(pageNo - 1, maxPages))}>; rel="prev"`);
          if (maxPages > pageNo) links.push(`<${pageLink(ctx, req, pageNo + 1)}>; rel="next"`);
          const headers: Record<string, string> = { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(maxPages) };
          if (links.length) headers.Link = links.join(', ');
          return new RestResponse(body, 200, headers);
        },
      },
      {
        methods: CREATABLE,
        allowBatch: true,
        args: createArgs,
        permission: (req) => users.can(req.user, 'create_users') || deny(req, 'rest_cannot_create_user', 'Sorry, you are not allowed to create new users.'),
        handler: async (req) => {
          if (req.param('id')) return new WpError('rest_user_exists', 'Cannot create existing user.', { status: 400 });
          const roles = req.param('roles') as string[] | undefined;
          for (const role of roles ?? []) if (!isRole(role)) return new WpError('rest_user_invalid_role', `The role ${role} does not exist.`, { status: 400 });
          // wp_insert_user's checks, then the whole user made before it is stored (users.insert, in the
          // turn after the awaits): nobody sees it half made, and a failed creation takes no ID.
          let user: UserRecord;
          try {
            user = users.draft({ login: String(req.param('username')), email: String(req.param('email')), role: roles?.[0] ?? 'subscriber' });
          } catch (e) {
            return insertError(e);
          }
          // roles given: exactly those, none included (wp_insert_user is told role false, then each is added).
          if (roles) user.roles = [...roles];
          // wp_insert_user: the nicename from the sanitised slug (the login's when none is given), at
          // most 50 characters; a taken one gets -2, -3, ... (again as it is stored).
          const slug = userNicename(typeof req.param('slug') === 'string' ? restSlug(String(req.param('slug'))) : '', user, users);
          if (slug === null) return nicenameTooLong();
          user.slug = slug;
          user.passwordHash = await bcrypt().hash(String(req.param('password')), ctx.config.bcryptCost);
          const failed = await applyUserChanges(ctx, user, req, { skipSlug: true, skipPassword: true, creating: true });
          if (failed) return failed;
          try {
            users.insert(user);
          } catch (e) {
            return insertError(e);
          }
          await ctx.store.commit();
          return new RestResponse(prepareUser(ctx, user, req, 'edit'), 201, { Location: rest.restUrl(`/wp/v2/users/${user.id}`) });
        },
      },
    ],
    { schema: userSchema },
  );

  rest.registerRoute(
    'wp/v2',
    '/users/(?P<id>[\\d]+)',
    [
      {
        methods: READABLE,
        allowBatch: true,
        args: { id: idArg, context: contextArg },
        permission: (req) => {
          const user = find(req);
          if (user instanceof WpError) return user;
          if (req.user?.id === user.id) return true;
          if (req.param('context') === 'edit' && !canEdit(req, user)) return deny(req, 'rest_forbidden_context', 'Sorry, you are not allowed to edit this user.');
          // Without edit_user or list_users, only authors of published posts (the emulator has none).
          if (!canEdit(req, user) && !canList(req)) return deny(req, 'rest_user_cannot_view', 'Sorry, you are not allowed to list users.');
          return true;
        },
        handler: (req) => {
          const user = find(req);
          return user instanceof WpError ? user : prepareUser(ctx, user, req, String(req.param('context') ?? 'view'));
        },
      },
      {
        methods: EDITABLE,
        allowBatch: true,
        args: { id: idArg, ...userEditArgs },
        permission: (req) => {
          const user = find(req);
          if (user instanceof WpError) return user;
          const roles = req.param('roles') as unknown[] | undefined;
          if (roles?.length) {
            if (!users.can(req.user, 'promote_users')) return deny(req, 'rest_cannot_edit_roles', 'Sorry, you are not allowed to edit roles of this user.');
          }
          return canEdit(req, user) || deny(req, 'rest_cannot_edit', 'Sorry, you are not allowed to edit this user.');
        },
        handler: async (req) => {
          const found = find(req);
          if (found instanceof WpError) return found;
          const user: UserRecord = { ...found, roles: [...found.roles] };
          const failed = (await applyUserChanges(ctx, user, req, {})) ?? storeUserChanges(ctx, user, restChangeNotices(req));
          if (failed) return failed;
          await ctx.store.commit();
          return prepareUser(ctx, user, req, 'edit');
        },
      },
      {
        methods: DELETABLE,
        allowBatch: true,
        args: { id: idArg, ...userDeleteArgs },
        permission: (req) => {
          const user = find(req);
          if (user instanceof WpError) return user;
          return users.can(req.user, 'delete_users') || deny(req, 'rest_user_cannot_delete', 'Sorry, you are not allowed to delete this user.');
        },
        handler: async (req) => {
          const user = find(req);
          if (user instanceof WpError) return user;
          if (req.param('force') !== true) return new WpError('rest_trash_not_supported', "Users do not support trashing. Set 'force=true' to delete.", { status: 501 });
          // delete_item: absint() of what check_reassign let through ('1.5' reassigns to 1, '-2' to 2); false: none.
          const reassign = absint(req.param('reassign'));
          if (reassign && (reassign === user.id || !users.byId(reassign))) return new WpError('rest_user_invalid_reassign', 'Invalid user ID for reassignment.', { status: 400 });
          const previous = prepareUser(ctx, user, req, 'edit');
          delete previous._links;
          ctx.applicationPasswords.deleteAll(user.id);
          users.delete(user.id);
          await ctx.store.commit();
          return { deleted: true, previous };
        },
      },
    ],
    { schema: userSchema },
  );
}
