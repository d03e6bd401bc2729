import { availoOpenApi } from './openapi';
import type { SettingsSpec } from '../../../core/config';
import { defineNamespace, type NamespaceContext, type TokenIntrospection } from '../../../core/namespace';
import type { WpError } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { RestResponse } from '../../../core/rest/response';
import { ALLMETHODS, type Method } from '../../../core/rest/server';
import { deriveKey, randomAlphanumeric } from '../../../core/secrets';
import { AccountError, AvailoAccounts, isoSeconds, MAX_PASSWORD_BYTES } from './accounts';
import { availoCli } from './cli';
import { availoFixtures } from './fixtures';
import { AVAILO_ISSUER, AvailoTokens, jwtLibrary } from './tokens';

/**
 * Availo (availo/v1): `POST /api/Account/Generatetoken` gives a 15-minute HS256 JWT for an
 * AccountCode + Password; any other path under `/api/` is a protected echo that takes the token
 * in the `access_token` header. Accounts are provisioned by the site admin (CLI, fixtures, REST
 * under `/accounts`). Everything the namespace answers is in Availo's envelope
 * `{"Data": ..., "status": bool, "message": string|null}`; see docs/availo.md.
 */

const NS = 'availo/v1';
/** The scope of Availo passwords in the verified-credentials cache. */
const CACHE_SCOPE = 'availo';
const MESSAGES = {
  badCredentials: 'Invalid account code or password.',
  missingToken: 'Access token is missing: send it in the access_token header.',
  invalidToken: 'Access token is invalid.',
  expiredToken: 'Access token has expired.',
  goneAccount: 'Access token is invalid: its account no longer exists.',
  authType: 'authentication_type must be oauth2 when an access_token is sent (service keys are not emulated).',
  contentType: 'The request Content-Type must be application/json.',
  notObject: 'The request body must be a JSON object with AccountCode and Password.',
  internal: 'An error has occurred.',
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Availo's error envelope: `{"Data": null, "status": false, "message": "..."}`. */
export function isAvailoError(body: unknown): boolean {
  return isObject(body) && 'Data' in body && typeof body.status === 'boolean' && 'message' in body;
}

export function availoOk(data: unknown, status = 200, headers: Record<string, string> = {}): RestResponse {
  return new RestResponse({ Data: data, status: true, message: null }, status, headers);
}

export function availoFail(message: string, status: number, headers: Record<string, string> = {}): RestResponse {
  return new RestResponse({ Data: null, status: false, message }, status, headers);
}

/** `/availo/v1/api` and everything below it: Availo's own surface. */
const isApiRoute = (route: string): boolean => /^\/availo\/v1\/api(\/|$)/i.test(route);

/** A JSON property looked up as Json.NET binds it: the exact name first, then ignoring case. */
function property(body: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(body, name)) return body[name];
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

/** The fields of a JSON object, each a required string; problems named like ASP.NET's model validation. */
function requiredStrings<K extends string>(body: Record<string, unknown>, names: readonly K[]): { values: Record<K, string> } | { problem: string } {
  const problems: string[] = [];
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = property(body, name);
    if (value === undefined || value === null || value === '') problems.push(`The ${name} field is required.`);
    else if (typeof value !== 'string') problems.push(`The ${name} field must be a string.`);
    else values[name] = value;
  }
  return problems.length > 0 ? { problem: problems.join(' ') } : { values };
}

/** The JSON object body of a Generatetoken request, or the Availo error for it. */
function jsonObjectBody(req: RestRequest): Record<string, unknown> | RestResponse {
  if (req.rawBody.length > 0 && !req.isJson) return availoFail(MESSAGES.contentType, 415);
  if (req.jsonError) return availoFail(`The request body is not valid JSON (${req.jsonError.message}).`, 400);
  if (req.json === undefined || req.json === null) return {};
  if (typeof req.json !== 'object' || Array.isArray(req.json)) return availoFail(MESSAGES.notObject, 400);
  return req.json as Record<string, unknown>;
}

/** Admin requests: any source (JSON, form, query), names without regard to case. */
function adminParams(req: RestRequest): Record<string, unknown> | RestResponse {
  if (req.jsonError) return availoFail(`The request body is not valid JSON (${req.jsonError.message}).`, 400);
  return req.params();
}

function accountErrorResponse(e: unknown): RestResponse {
  if (e instanceof AccountError) return availoFail(e.message, e.kind === 'invalid' ? 400 : e.kind === 'exists' ? 409 : 404);
  throw e;
}

const SETTINGS = {
  AVAILO_TOKEN_LIFETIME: {
    type: 'integer',
    default: 900,
    min: 60,
    max: 86_400,
    doc: 'Seconds an Availo access token stays valid (Availo: 15 minutes, a config key on their side).',
  },
} as const satisfies SettingsSpec;

function register(ctx: NamespaceContext<typeof SETTINGS>) {
  const accounts = new AvailoAccounts(ctx);
  const lifetime = () => ctx.settings.AVAILO_TOKEN_LIFETIME;
  const tokens = new AvailoTokens(deriveKey(ctx.secrets, 'availo-jwt'), ctx.clock, lifetime);
  const isAdmin = (req: RestRequest) => ctx.users.can(req.user, 'manage_options');

  // A hash no password matches: unknown account codes cost one bcrypt round too, so timing does not tell which codes exist.
  let decoy: Promise<string> | null = null;
  const decoyHash = () => (decoy ??= ctx.verifiedSecrets.hash(randomAlphanumeric(32)));

  /**
   * The account whose credentials these are, or null. Repeated credentials (good or bad) are answered
   * from the cache, without bcrypt. An unknown code is checked against the decoy under its own cache
   * entry (the code, as accounts are keyed), so it costs exactly what a known code costs: a bcrypt the
   * first time a code is tried with a password, microseconds when the same pair comes again. One
   * shared decoy entry would let a single probe make every other unknown code answer at once while
   * existing codes still cost a bcrypt, telling them apart.
   */
  async function authenticate(code: string, password: string) {
    const account = accounts.get(code);
    if (!account || Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
      await ctx.verifiedSecrets.verify(`${CACHE_SCOPE}:decoy`, AvailoAccounts.keyOf(code), password, await decoyHash());
      return null;
    }
    const ok = await ctx.verifiedSecrets.verify(CACHE_SCOPE, account.id, password, account.passwordHash);
    // The account may have been deleted or changed while bcrypt ran.
    const current = accounts.get(code);
    return ok && current && current.id === account.id && current.passwordHash === account.passwordHash ? current : null;
  }

  ctx.rest.registerNamespace(NS, {
    json: 'plain',
    validateJson: false,
    onCoreError(error: WpError, req: RestRequest) {
      // Outside /api/ an unknown path is the WordPress site's 404; Availo's surface answers in its envelope.
      if (error.code === 'rest_no_route' && !isApiRoute(req.route)) return undefined;
      return availoFail(error.code === 'internal_server_error' ? MESSAGES.internal : error.message, error.status);
    },
    decorate(res) {
      if (res.status === 405) res.header('Allow', 'POST');
    },
  });

  // Registered before the /api/ catch-all, so it wins for POST.
  ctx.rest.registerRoute(NS, '/api/Account/Generatetoken', {
    methods: ['POST'],
    permission: isAdmin,
    handler: async (req) => {
      const body = jsonObjectBody(req);
      if (body instanceof RestResponse) return body;
      const fields = requiredStrings(body, ['AccountCode', 'Password'] as const);
      if ('problem' in fields) return availoFail(fields.problem, 400);
      const account = await authenticate(fields.values.AccountCode, fields.values.Password);
      // Availo answers a refused login with 200 and status:false (the spec's choice).
      if (!account) return availoFail(MESSAGES.badCredentials, 200);
      const { token } = tokens.issue(account.accountCode, account.id);
      return availoOk({ accessToken: token });
    },
  });

  // Admin: the accounts, in the Availo envelope, for users with manage_options.
  ctx.rest.registerRoute(NS, '/accounts', [
    {
      methods: ['GET'],
      permission: isAdmin,
      handler: () => availoOk(accounts.list().map(AvailoAccounts.view)),
    },
    {
      methods: ['POST'],
      permission: isAdmin,
      handler: async (req) => {
        const params = adminParams(req);
        if (params instanceof RestResponse) return params;
        const code = property(params, 'AccountCode');
        if (code === undefined || code === null || code === '') return availoFail('The AccountCode field is required.', 400);
        const password = property(params, 'Password');
        try {
          const created = await accounts.create(code, password === undefined || password === null || password === '' ? undefined : password);
          const data = { ...AvailoAccounts.view(created.record), ...(created.password !== null ? { password: created.password } : {}) };
          return availoOk(data, 201, { Location: ctx.rest.restUrl(`/${NS}/accounts/${encodeURIComponent(created.record.accountCode)}`) });
        } catch (e) {
          return accountErrorResponse(e);
        }
      },
    },
  ]);

  ctx.rest.registerRoute(NS, '/accounts/(?P<code>[A-Za-z0-9._@+-]+)', [
    {
      methods: ['GET'],
      permission: isAdmin,
      handler: (req) => {
        const record = accounts.get(String(req.urlParams.code));
        return record ? availoOk(AvailoAccounts.view(record)) : availoFail(`No account with the code "${String(req.urlParams.code)}".`, 404);
      },
    },
    {
      methods: ['POST', 'PUT', 'PATCH'],
      permission: isAdmin,
      handler: async (req) => {
        const params = adminParams(req);
        if (params instanceof RestResponse) return params;
        const password = property(params, 'Password');
        try {
          const updated = await accounts.setPassword(String(req.urlParams.code), password === undefined || password === null || password === '' ? undefined : password);
          return availoOk({ ...AvailoAccounts.view(updated.record), ...(updated.password !== null ? { password: updated.password } : {}) });
        } catch (e) {
          return accountErrorResponse(e);
        }
      },
    },
    {
      methods: ['DELETE'],
      permission: isAdmin,
      handler: async (req) => {
        try {
          const record = accounts.delete(String(req.urlParams.code));
          return availoOk({ deleted: true, previous: AvailoAccounts.view(record) });
        } catch (e) {
          return accountErrorResponse(e);
        }
      },
    },
  ]);

  // Every other path under /api/, any method: the protected echo, authenticated by the Availo token (no Basic auth).
  ctx.rest.registerRoute(NS, '/api/(?P<path>.+)', {
    methods: ALLMETHODS as Method[],
    handler: (req) => {
      if (String(req.urlParams.path).toLowerCase() === 'account/generatetoken') {
        return availoFail(`The requested resource does not support http method '${req.method}'.`, 405);
      }
      const authType = req.header('authentication_type')?.trim();
      if (authType && authType.toLowerCase() !== 'oauth2') return availoFail(MESSAGES.authType, 401);
      const token = req.header('access_token')?.trim();
      if (!token) return availoFail(MESSAGES.missingToken, 401);
      const check = tokens.check(token);
      if (!check.ok) return availoFail(check.reason === 'expired' ? MESSAGES.expiredToken : MESSAGES.invalidToken, 401);
      const account = accounts.get(check.claims.sub);
      if (!account || account.id !== check.claims.aid) return availoFail(MESSAGES.goneAccount, 401);
      return availoOk({ accountCode: account.accountCode, expiresAt: isoSeconds(check.claims.exp) });
    },
  });

  return {
    introspect(token: string): TokenIntrospection | null {
      let payload: unknown;
      try {
        payload = jwtLibrary().decode(token);
      } catch {
        return null;
      }
      if (!payload || typeof payload !== 'object' || (payload as Record<string, unknown>).iss !== AVAILO_ISSUER) return null;
      const check = tokens.check(token);
      if (!check.ok && check.reason === 'invalid') return null; // not signed by this site: not one of ours
      const { sub, exp, iat, aid } = check.claims;
      const account = accounts.get(sub);
      const active = check.ok && account !== undefined && account.id === aid;
      return { active, vendor: 'availo', sub, exp, iat };
    },
  };
}

export const availo = defineNamespace({
  id: 'availo',
  openapi: availoOpenApi,
  namespace: NS,
  settings: SETTINGS,
  register,
  fixtures: availoFixtures,
  cli: availoCli,
  errorEnvelope: { example: '{"Data": null, "status": false, "message": "..."}', isError: isAvailoError },
});
