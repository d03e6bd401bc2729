import { fessOpenApi } from './openapi';
import { defineNamespace, type TokenIntrospection } from '../../../core/namespace';
import { registerAdminApi } from './admin';
import { coreErrorToFess, fessApi, isFessEnvelope } from './envelope';
import { fessFixtures } from './fixtures';
import { registerSearchApi } from './search';
import { findToken } from './tokens';
import { isExpired, scopeOf } from './wire';

/**
 * Fess (fess/v1): the admin access-token API `/api/admin/accesstoken/...` (list, get, create,
 * update with optimistic locking, delete; admin.ts) in Fess's `{"response":{"version","status",...}}`
 * envelope (envelope.ts), and the classic search API `/json/` that tokens unlock (search.ts). Two
 * profiles: `docs` (the seed document's camelCase shapes) and `live` (Fess's own wire format, wire.ts).
 * See docs/fess.md.
 */

const NS = 'fess/v1';

export const fess = defineNamespace({
  id: 'fess',
  openapi: fessOpenApi,
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
  errorEnvelope: { example: '{"response": {"version": "15.7", "status": 1, "message": "..."}}', isError: isFessEnvelope },

  register(ctx) {
    const api = fessApi(ctx, ctx.settings.FESS_PROFILE === 'live', ctx.settings.FESS_VERSION);
    const { tokens } = api;
    ctx.rest.registerNamespace(NS, {
      json: 'plain',
      validateJson: false,
      onCoreError: (error) => coreErrorToFess(api, error),
    });
    registerAdminApi(api, NS);
    registerSearchApi(api, NS, ctx.settings.FESS_TOKEN_REQUIRED);

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

  fixtures: fessFixtures,
});
