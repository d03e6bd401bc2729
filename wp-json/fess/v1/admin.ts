import { fixtureChecks } from '../../../core/fixtures';
import { WpError } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { RestResponse } from '../../../core/rest/response';
import type { FessApi } from './envelope';
import { UNAUTHORIZED_CODE } from './envelope';
import { asText, parseWhole, readInput, type Fields } from './input';
import { createTokenRecord } from './tokens';
import { ADMIN_PERMISSION, LABEL, MSG, docsSetting, liveSetting, type FessToken } from './wire';

/**
 * Fess's admin access-token API `/api/admin/accesstoken/...`: list, get, create, update with
 * optimistic locking (versionNo), delete; for administrators or a token holding {role}admin-api.
 */

const BASE = '/api/admin/accesstoken';

export function registerAdminApi(api: FessApi, ns: string): void {
  const { ctx, live, tokens, ok, fail } = api;
  const failAll = (messages: string[]): RestResponse => fail(messages.join(' '));
  const present = api.present;
  const show = (t: FessToken) => (live ? liveSetting(t) : docsSetting(t));
  const who = (req: RestRequest) => req.user?.login ?? 'guest';

  /**
   * manage_options (application password) or a Fess token holding {role}admin-api. No token at all:
   * false, and WordPress answers rest_forbidden. A token that is unknown, expired or without the
   * role: Fess's own "Unauthorized request." (status 3); docs: HTTP 401/403 with a Bearer
   * challenge, live: HTTP 200 as Fess's godHandPrologue sends it.
   */
  const adminPermission = (req: RestRequest): boolean | WpError => {
    if (ctx.users.can(req.user, 'manage_options')) return true;
    const presented = present(req);
    if (presented.kind === 'none') return false;
    if (presented.kind === 'valid' && presented.record.permissions.includes(ADMIN_PERMISSION)) return true;
    if (live) return new WpError(UNAUTHORIZED_CODE, MSG.unauthorized, { status: 200 });
    if (presented.kind === 'valid') return new WpError(UNAUTHORIZED_CODE, MSG.unauthorized, { status: 403, challenge: 'Bearer error="insufficient_scope"' });
    return new WpError(UNAUTHORIZED_CODE, MSG.unauthorized, { status: 401, challenge: `Bearer error="${presented.error}"` });
  };

  /** The request body's fields, or a Fess 400 when the JSON is malformed or not an object. */
  const bodyOf = (req: RestRequest, withQuery: boolean): Fields | RestResponse => {
    if (req.jsonError) return fail(`Failed to parse the request body as JSON (${req.jsonError.message}).`);
    if (req.json !== undefined && !fixtureChecks.isObject(req.json)) return fail('The request body must be a JSON object.');
    // Writes never read the query: it may carry the admin's own `token`.
    return { ...(withQuery ? req.query : {}), ...req.bodyParams, ...req.jsonParams };
  };

  // ---------------------------------------------------------------- list
  const list = (req: RestRequest): RestResponse => {
    const body = bodyOf(req, true);
    if (body instanceof RestResponse) return body;
    const messages: string[] = [];
    const defaultSize = live ? 25 : 20;
    let size = defaultSize;
    let page = live ? 1 : 0;
    if (body.size !== undefined && body.size !== null && body.size !== '') {
      const n = parseWhole(body.size);
      if (n === null) messages.push(MSG.notNumber(LABEL.size));
      else if (n > 0) size = n;
    }
    if (body.page !== undefined && body.page !== null && body.page !== '') {
      const n = parseWhole(body.page);
      if (n === null) messages.push(MSG.notNumber(LABEL.page));
      else page = live ? Math.max(n, 1) : Math.max(n, 0);
    }
    if (messages.length > 0) return failAll(messages);
    const idFilter = asText(body.id);
    // The id is the record's key: a lookup, not a scan.
    const byId = typeof idFilter === 'string' && idFilter !== '' ? tokens.get(idFilter) : undefined;
    const all = (typeof idFilter === 'string' && idFilter !== '' ? (byId ? [byId] : []) : [...tokens.values()]).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.createdTime - b.createdTime,
    );
    const start = (live ? page - 1 : page) * size;
    return ok({ settings: all.slice(start, start + size).map(show), total: all.length });
  };

  // ---------------------------------------------------------------- get / delete
  const idOf = (req: RestRequest) => String(req.urlParams.id ?? '');

  const get = (req: RestRequest): RestResponse => {
    const id = idOf(req);
    const record = tokens.get(id);
    return record ? ok({ setting: show(record) }) : fail(MSG.notFound(id));
  };

  const remove = async (req: RestRequest): Promise<RestResponse> => {
    const id = idOf(req);
    if (!tokens.get(id)) return fail(MSG.notFound(id));
    tokens.delete(id);
    return ok(live ? {} : { id, created: false });
  };

  const create = async (req: RestRequest): Promise<RestResponse> => {
    const body = bodyOf(req, false);
    if (body instanceof RestResponse) return body;
    const input = readInput(body, false, live);
    if (Array.isArray(input)) return failAll(input);
    // Fess always generates the token on create (live); the seed lets the client give one (docs).
    if (!live && input.token !== undefined && tokens.findBy('token', input.token)) return fail(MSG.failedToCreate('The token is already in use.'));
    const record = createTokenRecord(ctx, tokens, {
      name: input.name!,
      token: live ? undefined : input.token,
      parameterName: input.parameterName ?? null,
      expiredTime: input.expiredTime ?? null,
      permissions: input.permissions ?? [],
      by: who(req),
    });
    return ok(live ? { id: record.id, created: true } : { id: record.id, token: record.token, created: true });
  };

  const update = async (req: RestRequest): Promise<RestResponse> => {
    const body = bodyOf(req, false);
    if (body instanceof RestResponse) return body;
    const input = readInput(body, true, live);
    if (Array.isArray(input)) return failAll(input);
    const current = tokens.get(input.id!);
    if (!current) return fail(MSG.notFound(input.id!));
    if (input.versionNo !== current.versionNo) {
      return fail(MSG.failedToUpdate(`version conflict: versionNo ${input.versionNo} is not the current ${current.versionNo}; get the setting again and retry`));
    }
    const next: FessToken = {
      ...current,
      name: input.name!,
      // live: Fess copies the whole form over the entity (absent = cleared); docs: absent = unchanged.
      parameterName: input.parameterName !== undefined ? input.parameterName : live ? null : current.parameterName,
      expiredTime: input.expiredTime !== undefined ? input.expiredTime : live ? null : current.expiredTime,
      permissions: input.permissions ?? (live ? [] : current.permissions),
      updatedBy: who(req),
      updatedTime: ctx.clock.now(),
      versionNo: current.versionNo + 1,
    };
    tokens.put(next.id, next);
    return ok({ id: next.id, created: false });
  };

  // ---------------------------------------------------------------- routes
  const admin = { permission: adminPermission };
  ctx.rest.registerRoute(ns, `${BASE}/settings`, [{ methods: ['GET', 'PUT'], ...admin, handler: list }]);
  ctx.rest.registerRoute(ns, `${BASE}/setting`, [
    { methods: ['POST'], ...admin, handler: create },
    { methods: ['PUT'], ...admin, handler: update },
  ]);
  ctx.rest.registerRoute(ns, `${BASE}/setting/(?P<id>[^/]+)`, [
    { methods: ['GET'], ...admin, handler: get },
    { methods: ['DELETE'], ...admin, handler: remove },
  ]);
}
