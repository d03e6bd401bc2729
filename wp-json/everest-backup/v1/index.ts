import { everestOpenApi } from './openapi';
import { defineNamespace, type TokenIntrospection } from '../../../core/namespace';
import { WpError } from '../../../core/rest/errors';
import type { Endpoint } from '../../../core/rest/server';
import type { Params, RestRequest } from '../../../core/rest/request';
import { safeEqual } from '../../../core/secrets';
import { MODULES, simulateBackup, type BackupParams, type Module } from './backup';
import { phpEmptyString, sanitizeTextField, sanitizeTitle, wpUnslash } from '../../../core/wordpress/formatting';
import { registerLiveRoutes } from './live';
import { NONCE_LIFE, TICK_SECONDS, nonceFor, nonceTick, wpCreateNonce, wpHashNonce, wpVerifyNonce } from '../../../core/wordpress/nonces';

export const NAMESPACE = 'everest-backup/v1';
export type EverestProfile = 'docs' | 'live';

export const MESSAGES = {
  actionEmpty: 'Action cannot be empty. Please provide a valid "action" to generate access token.',
  unauthorized: 'Unauthorized access. You must be logged in or use WordPress application password for authorization.',
  tokenMissing: 'Access token missing. You must provide a access_token field.',
  tokenInvalid: 'Cannot verify access token. Access token either expired or invalid.',
} as const;

/** The plugin's Base::error(): a WP_Error `everest-backup-api-error-<status>`. */
function apiError(message: string, status: number): WpError {
  return new WpError(`everest-backup-api-error-${status}`, message, { status });
}

/** The shape of a token this namespace issues: wp_create_nonce(hash) ':' hash. */
const TOKEN_PATTERN = /^([0-9a-f]{10}):([0-9a-f]{32})$/;

/** Issued tokens kept for introspection only (iat and owner); verification never reads it. */
interface IssuedToken {
  uid: number;
  iat: number;
}
const MAX_INDEXED = 50_000;

export const everestBackup = defineNamespace({
  id: 'everest-backup',
  openapi: everestOpenApi,
  namespace: NAMESPACE,
  settings: {
    EVEREST_PROFILE: {
      type: 'enum',
      values: ['docs', 'live'],
      default: 'docs',
      doc: 'docs: follow the Everest Backup API document (action answered as "ebwp-" + slug, a JSON body sent as text/plain is read). live: follow plugin 2.3.12 (action echoed as sanitized, text/plain bodies ignored like WordPress does).',
    },
  },
  register(ctx) {
    const profile: EverestProfile = ctx.settings.EVEREST_PROFILE;
    const issued = new Map<string, IssuedToken>();
    const lenientBodies = new WeakMap<RestRequest, Params | null>();

    ctx.rest.registerNamespace(NAMESPACE);

    /**
     * docs profile only: a JSON object sent without a JSON Content-Type (fetch with a string body sends
     * text/plain), read as if it were JSON. WordPress ignores such a body; so does the live profile.
     */
    function lenientJson(req: RestRequest): Params | null {
      if (profile !== 'docs' || req.isJson) return null;
      if (lenientBodies.has(req)) return lenientBodies.get(req)!;
      let parsed: Params | null = null;
      const type = req.contentType;
      if ((type === '' || type === 'text/plain') && req.rawBody.length > 0) {
        try {
          const value: unknown = JSON.parse(req.rawBody.toString('utf8'));
          if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value as Params;
        } catch {
          parsed = null; // not JSON: ignored, as WordPress ignores it
        }
      }
      lenientBodies.set(req, parsed);
      return parsed;
    }

    /** $request->get_param(): the text/plain JSON object first (docs profile, JSON's precedence), then WordPress's sources. */
    function param(req: RestRequest, name: string): unknown {
      const body = lenientJson(req);
      if (body && Object.prototype.hasOwnProperty.call(body, name) && body[name] !== null && body[name] !== undefined) return body[name];
      return req.param(name);
    }

    /** Base::verify_access_token(): "nonce:hash" (extra ':' parts ignored, as PHP's list()), the nonce checked for the hash and this user. */
    function verifyAccessToken(token: string, uid: number): 1 | 2 | false {
      if (phpEmptyString(token) || !token.includes(':')) return false;
      const [nonce = '', hash = ''] = token.split(':');
      return wpVerifyNonce(ctx.secrets, ctx.clock.seconds(), nonce, hash, uid);
    }

    function remember(hash: string, entry: IssuedToken): void {
      const horizon = entry.iat - 2 * NONCE_LIFE;
      for (const [key, value] of issued) {
        if (value.iat >= horizon && issued.size < MAX_INDEXED) break;
        issued.delete(key);
      }
      issued.set(hash, entry);
    }

    const accessToken: Endpoint = {
      methods: ['POST'],
      permission: (req) => ctx.users.can(req.user, 'manage_options'),
      handler: (req) => {
        const action = sanitizeTextField(wpUnslash(param(req, 'action')));
        if (phpEmptyString(action)) return apiError(MESSAGES.actionEmpty, 400);
        const user = req.user!;
        const now = ctx.clock.seconds();
        const hash = wpHashNonce(ctx.secrets, sanitizeTitle(action, `-${user.login}-${now}`));
        const nonce = wpCreateNonce(ctx.secrets, now, hash, user.id);
        remember(hash, { uid: user.id, iat: now });
        return {
          action: profile === 'docs' ? `ebwp-${sanitizeTitle(action)}` : action,
          access_token: `${nonce}:${hash}`,
        };
      },
    };
    ctx.rest.registerRoute(NAMESPACE, '/access-token', accessToken);

    const manualBackup: Endpoint = {
      methods: ['POST'],
      // Base::permission_checks_alias(), in the plugin's order.
      permission: (req) => {
        if (!ctx.users.can(req.user, 'manage_options')) return apiError(MESSAGES.unauthorized, 401);
        const token = sanitizeTextField(wpUnslash(param(req, 'access_token')));
        if (phpEmptyString(token)) return apiError(MESSAGES.tokenMissing, 400);
        if (!verifyAccessToken(token, req.user!.id)) return apiError(MESSAGES.tokenInvalid, 400);
        return true;
      },
      handler: (req) => {
        const ignore = {} as Record<Module, 0 | 1>;
        for (const module of MODULES) {
          const value = param(req, `ignore_${module}`);
          // Manual_Backup_Controller::validate_fields(): a field sent counts as ignored only when it is "yes"; not sent = ignored.
          ignore[module] = value === undefined ? 1 : sanitizeTextField(wpUnslash(value)) === 'yes' ? 1 : 0;
        }
        const tag = param(req, 'custom_name_tag');
        const params: BackupParams = { ignore, customNameTag: tag === undefined ? '' : sanitizeTextField(wpUnslash(tag)) };
        const migrationNonce = wpCreateNonce(ctx.secrets, ctx.clock.seconds(), 'ebwp_migration_nonce', req.user!.id);
        return simulateBackup(params, ctx.config.siteUrl, ctx.clock.now(), migrationNonce);
      },
    };
    ctx.rest.registerRoute(NAMESPACE, '/manual-backup', manualBackup);
    if (profile === 'live') registerLiveRoutes(ctx, NAMESPACE, { accessToken, manualBackup });

    return {
      introspect(token: string): TokenIntrospection | null {
        const match = TOKEN_PATTERN.exec(token);
        if (!match) return null;
        const [, nonce, hash] = match as unknown as [string, string, string];
        const tick = nonceTick(ctx.clock.seconds());
        const known = issued.get(hash);
        const candidates = known ? [ctx.users.byId(known.uid)].filter((u) => u !== undefined) : ctx.users.list();
        for (const user of candidates) {
          for (const t of [tick, tick - 1]) {
            if (!safeEqual(nonceFor(ctx.secrets, t, hash, user.id), nonce)) continue;
            if (!ctx.users.can(user, 'manage_options')) return { active: false, vendor: 'everest-backup' };
            // Valid through the end of the tick after the one it was made in; exp is the first second it is refused.
            const answer: TokenIntrospection = { active: true, vendor: 'everest-backup', sub: user.login, exp: (t + 1) * TICK_SECONDS + 1 };
            if (known) answer.iat = known.iat;
            return answer;
          }
        }
        return { active: false, vendor: 'everest-backup' };
      },
      reset() {
        issued.clear();
      },
    };
  },
});
