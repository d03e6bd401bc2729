import { defineNamespace, type FixtureProblem } from '../../core/namespace';
import type { WpError } from '../../core/rest/errors';
import { RestResponse } from '../../core/rest/response';
import type { Schema } from '../../core/validation';
import { sampleVendorCli } from './cli';
import { SampleVendorTokens, SETTINGS, TOKEN_ARGS } from './tokens';

/**
 * Sample Vendor (sample-vendor/v1): `POST /token` gives an administrator (application password with
 * manage_options) a bearer token for a client. Errors are in the vendor's OAuth 2.0 style envelope
 * `{"error": "...", "error_description": "..."}`. See README.md beside this file.
 */

const NAMESPACE = 'sample-vendor/v1';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The vendor's error envelope (RFC 6749 section 5.2). */
function oauthError(error: string, description: string, status: number): RestResponse {
  return new RestResponse({ error, error_description: description }, status);
}

/** The core's errors inside the namespace (no route, bad args, body too large, store unavailable...) in the vendor's envelope. */
function coreError(error: WpError): RestResponse {
  const params = error.data.params;
  const description = isObject(params) ? Object.values(params).join(' ') : error.message;
  const code = error.status === 400 ? 'invalid_request' : error.status >= 500 ? 'server_error' : error.code;
  return oauthError(code, description, error.status);
}

/** The `sample-vendor` section of a fixtures file: `{"tokens": [{"token": "...", "client_id": "...", "scope": "read"}]}`. */
const FIXTURES_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    tokens: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          token: { type: 'string', required: true, pattern: '^[A-Za-z0-9]{20,200}$', description: '20 to 200 letters and digits' },
          client_id: { ...TOKEN_ARGS.client_id!, required: true },
          scope: TOKEN_ARGS.scope!,
        },
      },
    },
  },
};

interface FixtureToken {
  token: string;
  client_id: string;
  scope?: string;
}

/** What the schema cannot say: each token once. */
function duplicateTokens(section: unknown, prefix: string): FixtureProblem[] {
  const seen = new Set<string>();
  const problems: FixtureProblem[] = [];
  const entries = isObject(section) && Array.isArray(section.tokens) ? (section.tokens as unknown[]) : [];
  entries.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.token !== 'string') return;
    if (seen.has(entry.token)) problems.push({ path: `${prefix}.tokens[${i}].token`, message: 'duplicate token' });
    seen.add(entry.token);
  });
  return problems;
}

export const sampleVendorV1 = defineNamespace({
  id: 'sample-vendor',
  namespace: NAMESPACE,
  settings: SETTINGS,
  errorEnvelope: {
    example: '{"error": "invalid_request", "error_description": "..."}',
    isError: (body) => isObject(body) && typeof body.error === 'string' && typeof body.error_description === 'string',
  },
  // What its OpenAPI document cannot read from the routes (docs/openapi.md): the envelope as a schema, the token's answer.
  openapi: {
    errorSchema: { type: 'object', required: ['error', 'error_description'], properties: { error: { type: 'string' }, error_description: { type: 'string' } } },
    operations: {
      'POST /token': {
        responses: {
          200: {
            schema: {
              type: 'object',
              required: ['access_token', 'token_type', 'expires_in', 'scope'],
              properties: { access_token: { type: 'string' }, token_type: { const: 'Bearer' }, expires_in: { type: 'integer' }, scope: { type: 'string' } },
            },
          },
        },
      },
    },
  },

  register(ctx) {
    const tokens = new SampleVendorTokens(ctx);
    ctx.rest.registerNamespace(NAMESPACE, { json: 'plain', onCoreError: coreError });

    ctx.rest.registerRoute(NAMESPACE, '/token', {
      methods: ['POST'],
      // Declared args: the core checks them before the permission and the handler, and answers through onCoreError.
      args: TOKEN_ARGS,
      permission: (req) => ctx.users.can(req.user, 'manage_options'),
      handler: async (req) => {
        const { token, record } = tokens.issue(req.param('client_id') as string, req.param('scope') as string);
        return { access_token: token, token_type: 'Bearer', expires_in: ctx.settings.SAMPLE_VENDOR_TOKEN_LIFETIME, scope: record.scope };
      },
    });

    return {
      introspect(token) {
        const record = tokens.find(token);
        if (!record) return null;
        return { active: record.exp > ctx.clock.seconds(), vendor: 'sample-vendor', sub: record.clientId, iat: record.iat, exp: record.exp, scope: record.scope };
      },
    };
  },

  fixtures: {
    schema: FIXTURES_SCHEMA,
    validate: duplicateTokens,
    load(section, ctx) {
      const tokens = new SampleVendorTokens(ctx);
      for (const entry of (section as { tokens?: FixtureToken[] }).tokens ?? []) tokens.issue(entry.client_id, entry.scope ?? 'read', entry.token);
    },
  },
  cli: sampleVendorCli,
});
