import { purewlOpenApi } from './openapi';
import { defineNamespace, type SiteContext } from '../../../core/namespace';
import type { RestRequest } from '../../../core/rest/request';
import { ALLMETHODS } from '../../../core/rest/server';
import { pureWlCli } from './cli';
import { atomError, atomSuccess, coreErrorToAtom, isAtomError } from './envelope';
import { pureWlFixtures } from './fixtures';
import { PUREWL_SETTINGS } from './settings';
import { publicReseller, PureWlState, ResellerError, type GrantRecord } from './state';

const NAMESPACE = 'purewl/v1';

type Field = { value: string } | { missing: true; message?: string };

/** A body parameter as a non-empty string, or why not. */
function stringParam(req: RestRequest, name: string): Field {
  const value = req.rawParam(name);
  if (value === undefined || value === null || value === '') return { missing: true };
  if (typeof value !== 'string') return { missing: true, message: `${name} must be a string.` };
  return { value };
}

/** X-AccessToken from the header, else from the query string (`?X-AccessToken=`, any case). */
function accessTokenOf(req: RestRequest): unknown {
  const header = req.header('x-accesstoken');
  if (header !== undefined && header !== '') return header;
  for (const [name, value] of Object.entries(req.query)) if (name.toLowerCase() === 'x-accesstoken') return value;
  return undefined;
}

function registerPureWl(ctx: SiteContext) {
  const state = new PureWlState(ctx);
  const canManage = (req: RestRequest) => ctx.users.can(req.user, 'manage_options');

  ctx.rest.registerNamespace(NAMESPACE, {
    json: 'plain',
    onCoreError: (error) => coreErrorToAtom(error),
  });

  /** Answers with the pair, once durable (the pipeline commits); if the store refuses, the request leaves no trace (the refresh token stays usable). */
  async function answerPair(grant: GrantRecord, undoRotation?: () => void) {
    const pair = state.issuePair(grant);
    // The failed commit answers 503 in the Atom envelope, through onCoreError.
    ctx.store.onCommitFailure(() => {
      state.access.delete(state.tokenHash(pair.accessToken));
      state.refresh.delete(state.tokenHash(pair.refreshToken));
      undoRotation?.();
    });
    return atomSuccess({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiry: pair.expiry, resellerId: grant.resellerId, resellerUid: grant.resellerUid });
  }

  // 1. The vendor's token endpoint (registered before the catch-all echo, so it wins).
  ctx.rest.registerRoute(NAMESPACE, '/auth/v1/accessToken', {
    methods: ['POST'],
    permission: canManage,
    handler: async (req) => {
      const grantType = stringParam(req, 'grantType');
      if ('missing' in grantType) return atomError('grantTypeMissing', grantType.message);
      if (grantType.value === 'secret') {
        const secretKey = stringParam(req, 'secretKey');
        if ('missing' in secretKey) return atomError('secretKeyMissing', secretKey.message);
        const reseller = await state.resellerBySecret(secretKey.value);
        if (!reseller) return atomError('secretKeyInvalid');
        return answerPair(state.newGrant(reseller));
      }
      if (grantType.value === 'refresh') {
        const refreshToken = stringParam(req, 'refreshToken');
        if ('missing' in refreshToken) return atomError('refreshTokenMissing', refreshToken.message);
        const outcome = state.useRefreshToken(refreshToken.value);
        if (!outcome.ok) {
          // A reuse revoked the grant: make that durable before saying so.
          return atomError(outcome.reason);
        }
        const key = state.tokenHash(refreshToken.value);
        return answerPair(outcome.grant, () => {
          const record = state.refresh.get(key);
          if (record) state.refresh.put(key, { ...record, rotated: null });
        });
      }
      return atomError('grantTypeUnknown');
    },
  });

  // 2. Reseller administration for the site admin (an emulator addition; same envelope).
  ctx.rest.registerRoute(NAMESPACE, '/resellers', [
    {
      methods: ['GET'],
      permission: canManage,
      handler: () => atomSuccess({ resellers: state.listResellers().map(publicReseller) }),
    },
    {
      methods: ['POST'],
      permission: canManage,
      handler: async (req) => {
        for (const name of ['secretKey', 'resellerUid'] as const) {
          const value = req.rawParam(name);
          if (value !== undefined && typeof value !== 'string') return atomError('invalidParam', `${name} must be a string.`);
        }
        try {
          const { reseller, secretKey, generatedSecret } = await state.createReseller({
            secretKey: req.rawParam('secretKey'),
            resellerId: req.rawParam('resellerId'),
            resellerUid: req.rawParam('resellerUid'),
          });
          return atomSuccess({ ...publicReseller(reseller), ...(generatedSecret ? { secretKey } : {}) }, 201);
        } catch (e) {
          if (e instanceof ResellerError) return atomError(e.kind === 'exists' ? 'resellerExists' : 'invalidParam', e.message);
          throw e;
        }
      },
    },
  ]);

  ctx.rest.registerRoute(NAMESPACE, '/resellers/(?P<reseller>[A-Za-z0-9._-]+)', [
    {
      methods: ['GET'],
      permission: canManage,
      handler: (req) => {
        const reseller = state.findReseller(String(req.urlParams.reseller));
        return reseller ? atomSuccess(publicReseller(reseller)) : atomError('resellerNotFound');
      },
    },
    {
      methods: ['DELETE'],
      permission: canManage,
      handler: async (req) => {
        const reseller = state.findReseller(String(req.urlParams.reseller));
        if (!reseller) return atomError('resellerNotFound');
        state.deleteReseller(reseller);
        return atomSuccess({ deleted: true, ...publicReseller(reseller) });
      },
    },
  ]);

  // 3. Every other path and method: the protected echo, guarded by X-AccessToken (not by Basic auth).
  ctx.rest.registerRoute(NAMESPACE, '/(?P<path>.+)', {
    methods: ALLMETHODS,
    handler: (req) => {
      const path = `/${String(req.urlParams.path)}`;
      if (/^\/auth\/v1\/accesstoken$/i.test(path)) return atomError('methodNotAllowed').header('Allow', 'POST');
      const token = accessTokenOf(req);
      if (token === undefined || token === '') return atomError('accessTokenMissing');
      if (typeof token !== 'string') return atomError('accessTokenInvalid');
      const outcome = state.checkAccessToken(token);
      if (!outcome.ok) return atomError(outcome.reason);
      const now = ctx.clock.seconds();
      return atomSuccess({
        method: req.method,
        path,
        resellerId: outcome.grant.resellerId,
        resellerUid: outcome.grant.resellerUid,
        expiry: outcome.token.exp - now,
        expiresAt: outcome.token.exp,
      });
    },
  });

  return {
    introspect: (token: string) => state.introspect(token),
  };
}

export const purewl = defineNamespace({
  id: 'purewl',
  openapi: purewlOpenApi,
  namespace: NAMESPACE,
  settings: PUREWL_SETTINGS,
  register: registerPureWl,
  fixtures: pureWlFixtures,
  cli: pureWlCli,
  errorEnvelope: { example: '{"header": {"code": 4003, "message": "...", "response_code": 0}, "body": {}}', isError: isAtomError },
});
