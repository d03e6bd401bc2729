import { randomUUID } from 'node:crypto';
import { fixtureChecks } from '../../../core/fixtures';
import type { NamespaceModule, SiteContext, TokenIntrospection } from '../../../core/namespace';
import { REDACTED } from '../../../core/redact';
import { WpError } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { RestResponse } from '../../../core/rest/response';
import { loadFessFixtures, validateFessFixtures } from './fixtures';
import { createTokenRecord, findToken, presentedToken, tokenCollection, type PresentedToken } from './tokens';
import {
  ADMIN_PERMISSION,
  EXPIRES_PATTERN,
  LABEL,
  MSG,
  STATUS,
  distinct,
  docsSetting,
  encodeDocsPermission,
  encodePermission,
  isExpired,
  liveSetting,
  parseExpires,
  scopeOf,
  type FessToken,
  type Profile,
} from './wire';

/**
 * Fess (fess/v1): the admin access-token API `/api/admin/accesstoken/...` (list, get, create,
 * update with optimistic locking, delete) in Fess's `{"response":{"version","status",...}}`
 * envelope, and the classic search API `/json/` that tokens unlock. Two profiles: `docs` (the
 * seed document's camelCase shapes) and `live` (Fess's own wire format). See docs/fess.md.
 */

const NS = 'fess/v1';
const BASE = '/api/admin/accesstoken';
const JAVA_INT_MAX = 2_147_483_647;
/** paging.search.page.size / paging.search.page.max.size of the search API. */
const SEARCH_PAGE_SIZE = 20;
const SEARCH_PAGE_MAX = 100;
const INPUT_MAX = 10_000;

type Fields = Record<string, unknown>;

/** The code of the WpError that carries Fess's own "Unauthorized request." through the permission check. */
const UNAUTHORIZED_CODE = 'fess_unauthorized';

/** A value a Java Integer/Long field would take: a whole number, as a JSON number or a string. */
function parseWhole(value: unknown, max = JAVA_INT_MAX): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= max ? value : null;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) {
    const n = Number(value);
    return Math.abs(n) <= max ? n : null;
  }
  return null;
}

/** A value a Java String field would take (Gson turns JSON numbers and booleans into strings). */
function asText(value: unknown): string | null | 'bad' {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'bad';
}

export const fess: NamespaceModule = {
  id: 'fess',
  namespace: NS,
  settings: {
    FESS_PROFILE: {
      type: 'enum',
      values: ['docs', 'live'],
      default: 'docs',
      doc: 'docs: the seed document (camelCase, permissions array, expiredTime in ms, create returns the token, list pages from 0, size 20). live: Fess 15 on the wire (snake_case, "{role}x" permissions newline-joined, expires as yyyy-MM-ddTHH:mm:ss, create without token, pages from 1, size 25).',
    },
    FESS_VERSION: { type: 'string', default: '15.7', doc: 'The "version" every Fess response carries (Fess sends major.minor).' },
    FESS_TOKEN_REQUIRED: {
      type: 'boolean',
      default: false,
      doc: 'Fess api.access.token.required: when true, /json/ without a token is 401 invalid_token; when false it answers as for a guest.',
    },
  },

  register(ctx: SiteContext) {
    const profile = (ctx.config.settings.FESS_PROFILE as Profile | undefined) ?? 'docs';
    const live = profile === 'live';
    const version = String(ctx.config.settings.FESS_VERSION ?? '15.7');
    const tokenRequired = ctx.config.settings.FESS_TOKEN_REQUIRED === true;
    const tokens = tokenCollection(ctx);

    const ok = (fields: Fields): RestResponse => new RestResponse({ response: { version, status: STATUS.OK, ...fields } }, 200);
    const fail = (message: string, http = 400, status: number = STATUS.BAD_REQUEST, headers: Record<string, string> = {}): RestResponse =>
      new RestResponse({ response: { version, status, message } }, http, headers);
    const failAll = (messages: string[]): RestResponse => fail(messages.join(' '));
    const present = (req: RestRequest): PresentedToken => presentedToken(tokens, req.header('authorization'), req.query, ctx.clock.now(), (value) => req.markSecret(value));
    const show = (t: FessToken) => (live ? liveSetting(t) : docsSetting(t));
    const who = (req: RestRequest) => req.user?.login ?? 'guest';

    ctx.rest.registerNamespace(NS, {
      json: 'plain',
      validateJson: false,
      onCoreError: (error: WpError) => {
        if (error.code === UNAUTHORIZED_CODE) {
          const challenge = error.data.challenge;
          return fail(error.message, error.status, STATUS.UNAUTHORIZED, typeof challenge === 'string' ? { 'WWW-Authenticate': challenge } : {});
        }
        if (error.status >= 500) return fail(error.status === 500 ? 'Internal server error.' : error.message, error.status, STATUS.SYSTEM_ERROR);
        return fail(error.message, error.status, STATUS.BAD_REQUEST);
      },
    });

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
    /** A token sent where a setting id goes (`GET .../setting/<token>`) stays a secret: blanked in the log, the journal and the message. */
    const shownId = (req: RestRequest, id: string): string => {
      if (!findToken(tokens, id)) return id;
      req.markSecret(id);
      return REDACTED;
    };

    const get = (req: RestRequest): RestResponse => {
      const id = idOf(req);
      const record = tokens.get(id);
      return record ? ok({ setting: show(record) }) : fail(MSG.notFound(shownId(req, id)));
    };

    const remove = async (req: RestRequest): Promise<RestResponse> => {
      const id = idOf(req);
      if (!tokens.get(id)) return fail(MSG.notFound(shownId(req, id)));
      tokens.delete(id);
      await ctx.store.commit();
      return ok(live ? {} : { id, created: false });
    };

    // ---------------------------------------------------------------- create / update input
    interface Input {
      name?: string;
      token?: string;
      parameterName?: string | null;
      expiredTime?: number | null;
      permissions?: string[];
      id?: string;
      versionNo?: number;
    }

    /** Reads and validates the fields of a create (`update` false) or an update body; all problems at once, as Fess does. */
    const readInput = (body: Fields, update: boolean): Input | string[] => {
      const messages: string[] = [];
      const input: Input = {};
      const key = (camel: string, snake: string) => (live ? snake : camel);
      const has = (k: string) => body[k] !== undefined && body[k] !== null;

      if (update) {
        const id = asText(body.id);
        if (id === 'bad') messages.push(MSG.required(LABEL.id));
        else if (id === null || id === '') messages.push(MSG.required(LABEL.id));
        else if (id.length > 1000) messages.push(MSG.size(LABEL.id, 0, 1000));
        else input.id = id;
        const vk = key('versionNo', 'version_no');
        if (!has(vk) || body[vk] === '') messages.push(MSG.required(LABEL.versionNo));
        else {
          const v = parseWhole(body[vk]);
          if (v === null) messages.push(MSG.notNumber(LABEL.versionNo));
          else input.versionNo = v;
        }
      }

      const name = asText(body.name);
      if (name === null || name === '' || name === 'bad') messages.push(MSG.required(LABEL.name));
      else if (name.length > 1000) messages.push(MSG.size(LABEL.name, 0, 1000));
      else input.name = name;

      const token = asText(body.token);
      if (token === 'bad') messages.push(MSG.size(LABEL.token, 0, INPUT_MAX));
      else if (token !== null && token.length > INPUT_MAX) messages.push(MSG.size(LABEL.token, 0, INPUT_MAX));
      else if (token !== null && /\s/.test(token) && !live) messages.push(`${LABEL.token} must not contain whitespace.`);
      else if (token !== null && token !== '') input.token = token;

      const pk = key('parameterName', 'parameter_name');
      const parameterName = asText(body[pk]);
      if (parameterName === 'bad' || (parameterName !== null && parameterName.length > INPUT_MAX)) messages.push(MSG.size(LABEL.parameterName, 0, INPUT_MAX));
      else if (has(pk) || live) input.parameterName = parameterName === '' ? null : parameterName;

      if (live) {
        const expires = asText(body.expires);
        if (expires === 'bad') messages.push(MSG.pattern(LABEL.expires, EXPIRES_PATTERN));
        else if (expires === null || expires === '') input.expiredTime = null;
        else {
          const ms = parseExpires(expires);
          if (ms === null) messages.push(MSG.pattern(LABEL.expires, EXPIRES_PATTERN));
          else input.expiredTime = ms;
        }
        const permissions = asText(body.permissions);
        if (permissions === 'bad') messages.push(`${LABEL.permissions} must be a string of lines.`);
        else if (permissions !== null && permissions.length > INPUT_MAX) messages.push(MSG.size(LABEL.permissions, 0, INPUT_MAX));
        else input.permissions = distinct((permissions ?? '').split('\n').map(encodePermission));
      } else {
        if (has('expiredTime') && body.expiredTime !== '') {
          const ms = parseWhole(body.expiredTime, Number.MAX_SAFE_INTEGER);
          if (ms === null || ms < 0) messages.push(MSG.notNumber(LABEL.expiredTime));
          else input.expiredTime = ms === 0 ? null : ms;
        } else if (body.expiredTime === null || body.expiredTime === '') input.expiredTime = null;
        if (has('permissions')) {
          const raw = body.permissions;
          const items = typeof raw === 'string' ? raw.split(/[\n,]/) : Array.isArray(raw) ? raw : null;
          if (items === null || items.some((p) => typeof p !== 'string')) messages.push(`${LABEL.permissions} must be a list of roles.`);
          else if ((items as string[]).join('\n').length > INPUT_MAX) messages.push(MSG.size(LABEL.permissions, 0, INPUT_MAX));
          else input.permissions = distinct((items as string[]).map(encodeDocsPermission));
        }
      }
      return messages.length > 0 ? messages : input;
    };

    const create = async (req: RestRequest): Promise<RestResponse> => {
      const body = bodyOf(req, false);
      if (body instanceof RestResponse) return body;
      const input = readInput(body, false);
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
      await ctx.store.commit();
      return ok(live ? { id: record.id, created: true } : { id: record.id, token: record.token, created: true });
    };

    const update = async (req: RestRequest): Promise<RestResponse> => {
      const body = bodyOf(req, false);
      if (body instanceof RestResponse) return body;
      const input = readInput(body, true);
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
      await ctx.store.commit();
      return ok({ id: next.id, created: false });
    };

    // ---------------------------------------------------------------- routes
    const admin = { permission: adminPermission };
    ctx.rest.registerRoute(NS, `${BASE}/settings`, [{ methods: ['GET', 'PUT'], ...admin, handler: list }]);
    ctx.rest.registerRoute(NS, `${BASE}/setting`, [
      { methods: ['POST'], ...admin, handler: create },
      { methods: ['PUT'], ...admin, handler: update },
    ]);
    ctx.rest.registerRoute(NS, `${BASE}/setting/(?P<id>[^/]+)`, [
      { methods: ['GET'], ...admin, handler: get },
      { methods: ['DELETE'], ...admin, handler: remove },
    ]);

    // ---------------------------------------------------------------- /json/ (classic search API)
    ctx.rest.registerRoute(NS, '/json', {
      methods: ['GET'],
      handler: (req) => {
        const presented = present(req);
        if (presented.kind === 'invalid' || (presented.kind === 'none' && tokenRequired)) {
          const error = presented.kind === 'invalid' ? presented.error : 'invalid_token';
          let message: string;
          if (live) message = `error_code:${randomUUID()}`;
          else if (presented.kind === 'none') message = 'Access token is required.';
          else if (presented.reason === 'expired') message = 'The access token has expired.';
          else if (presented.reason === 'format') message = 'Invalid format of the Authorization header: use "Bearer <token>".';
          else message = 'The access token is invalid.';
          return fail(message, 401, STATUS.BAD_REQUEST, { 'WWW-Authenticate': `Bearer error="${error}"` });
        }
        const q = typeof req.query.q === 'string' ? req.query.q : '';
        const num = parseWhole(req.query.num);
        const pageSize = num === null || num <= 0 ? SEARCH_PAGE_SIZE : Math.min(num, SEARCH_PAGE_MAX);
        const startParam = parseWhole(req.query.start);
        const start = startParam === null || startParam < 0 ? 0 : startParam;
        // QueryResponseList.calculatePageInfo with no hits.
        const pageNumber = Math.floor(start / pageSize) + 1;
        const pageCount = 1;
        const pageNumbers: string[] = [];
        for (let i = Math.max(pageNumber - 5, 1); i <= Math.min(pageNumber + 5, pageCount); i++) pageNumbers.push(String(i));
        return ok({
          q,
          query_id: randomUUID().replace(/-/g, ''),
          exec_time: 0,
          query_time: 0,
          page_size: pageSize,
          page_number: pageNumber,
          record_count: 0,
          record_count_relation: 'EQUAL_TO',
          page_count: pageCount,
          highlight_params: q === '' ? '' : `&hq=${encodeURIComponent(q)}`,
          next_page: false,
          prev_page: start > 0,
          start_record_number: 0,
          end_record_number: 0,
          page_numbers: pageNumbers,
          partial: false,
          search_query: q,
          requested_time: ctx.clock.now(),
          related_query: [],
          related_contents: [],
          result: [],
        });
      },
    });

    return {
      introspect(token: string): TokenIntrospection | null {
        const record = findToken(tokens, token);
        if (!record) return null;
        const answer: TokenIntrospection = { active: !isExpired(record, ctx.clock.now()), vendor: 'fess', sub: record.name };
        if (record.expiredTime !== null && record.expiredTime > 0) answer.exp = Math.floor(record.expiredTime / 1000);
        answer.iat = Math.floor(record.createdTime / 1000);
        answer.scope = scopeOf(record);
        return answer;
      },
    };
  },

  fixtures: { validate: validateFessFixtures, load: loadFessFixtures },
};
