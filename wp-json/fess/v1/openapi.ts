import type { NamespaceOpenApi } from '../../../core/openapi/types';

/** Fess's error: `status` 1 (bad request), 2 (system error) or 3 (unauthorized), with a message. */
const failure = {
  type: 'object',
  required: ['response'],
  properties: { response: { type: 'object', required: ['status', 'message'], properties: { version: { type: 'string' }, status: { type: 'integer', minimum: 1 }, message: { type: 'string' } } } },
};
/** Fess answers its admin API's refusals with HTTP 200 too: a 200 is the success or the error envelope. */
const ok = (fields: Record<string, unknown>, required: string[] = []) => ({
  anyOf: [
    {
      type: 'object',
      required: ['response'],
      properties: { response: { type: 'object', required: ['version', 'status', ...required], properties: { version: { type: 'string' }, status: { const: 0 }, ...fields } } },
    },
    failure,
  ],
});
const setting = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' }, token: { type: 'string' } } };
/** The setting form: a name, and optionally the token (docs profile), its parameter name, expiry and permissions (camelCase in the docs profile, snake_case live). */
const input = (required: string[]) => ({
  type: 'object',
  required,
  properties: {
    id: { type: 'string' },
    versionNo: { type: 'integer' },
    name: { type: 'string' },
    token: { type: 'string' },
    parameterName: { type: 'string' },
    expiredTime: { type: ['integer', 'string'] },
    permissions: { type: ['array', 'string'], items: { type: 'string' } },
    // The live profile's names (Fess 15's form on the wire).
    version_no: { type: 'integer' },
    parameter_name: { type: 'string' },
    expires: { type: 'string' },
  },
});
const saved = ok({ id: { type: 'string' }, token: { type: 'string' }, created: { type: 'boolean' } }, ['id', 'created']);

/** Fess's facts: its access token as `Authorization` (Bearer or bare) or as a query parameter, the `{response: {status, message}}` envelope. */
export const fessOpenApi: NamespaceOpenApi = {
  title: 'Fess',
  description: 'Fess access tokens: created by an admin (POST /api/admin/accesstoken/setting), then sent as `Authorization: Bearer <token>` or as the `token` query parameter (or the parameter name the token declares) on /json.',
  securitySchemes: {
    fessBearer: { type: 'http', scheme: 'bearer', description: 'A Fess access token (`Authorization: <token>` without the word Bearer works too).' },
    fessTokenParameter: { type: 'apiKey', in: 'query', name: 'token', description: 'A Fess access token as a query parameter (a token with a parameter name is read under that name instead).' },
  },
  errorSchema: failure,
  operations: {
    'GET /api/admin/accesstoken/settings': { summary: 'List access tokens', responses: { 200: { schema: ok({ settings: { type: 'array', items: setting } }) } } },
    'PUT /api/admin/accesstoken/settings': { summary: 'List access tokens (paged, Fess\'s PUT form)', responses: { 200: { schema: ok({ settings: { type: 'array', items: setting } }) } } },
    'POST /api/admin/accesstoken/setting': {
      summary: 'Create an access token',
      requestMediaTypes: ['application/json'],
      requestSchema: input(['name']),
      requestExample: { name: 'Bot', permissions: ['{role}guest'] },
      responses: { 200: { schema: saved, example: { response: { version: '15.0', status: 0, id: 'AbCd', created: true } } } },
    },
    'PUT /api/admin/accesstoken/setting': { summary: 'Update an access token', requestMediaTypes: ['application/json'], requestSchema: input(['id', 'name']), responses: { 200: { schema: saved } } },
    'GET /api/admin/accesstoken/setting/{id}': { responses: { 200: { schema: ok({ setting }, ['setting']) } } },
    'DELETE /api/admin/accesstoken/setting/{id}': { responses: { 200: { schema: ok({}) } } },
    'GET /json': {
      summary: 'Search (classic JSON API), with an access token when required',
      security: [{ fessBearer: [] }, { fessTokenParameter: [] }, {}],
      parameters: [{ name: 'q', in: 'query', required: false, schema: { type: 'string' } }],
      responses: { 200: { schema: ok({ q: { type: 'string' } }) } },
    },
  },
};
