import type { NamespaceOpenApi } from '../../../core/openapi/types';

const success = (body: Record<string, unknown>) => ({
  type: 'object',
  required: ['header', 'body'],
  properties: {
    header: { type: 'object', required: ['code', 'message', 'response_code'], properties: { code: { const: 1 }, message: { const: 'success' }, response_code: { const: 1 } } },
    body,
  },
});
const reseller = { type: 'object', required: ['resellerId', 'resellerUid'], properties: { resellerId: { type: ['integer', 'string'] }, resellerUid: { type: 'string' }, secretKey: { type: 'string' } } };
const tokens = { type: 'object', required: ['accessToken', 'refreshToken', 'expiry'], properties: { accessToken: { type: 'string' }, refreshToken: { type: 'string' }, expiry: { type: 'integer' }, resellerId: {}, resellerUid: { type: 'string' } } };

/** PureWL Atom's facts: the `X-AccessToken` header, the `{header, body}` envelope. */
export const purewlOpenApi: NamespaceOpenApi = {
  title: 'PureWL Atom',
  description: 'Atom access tokens: POST /auth/v1/accessToken (grantType secret with secretKey, or refresh with refreshToken) gives an access token sent back in `X-AccessToken`.',
  securitySchemes: { atomAccessToken: { type: 'apiKey', in: 'header', name: 'X-AccessToken', description: 'The accessToken from /auth/v1/accessToken.' } },
  errorSchema: {
    type: 'object',
    required: ['header', 'body'],
    properties: {
      header: { type: 'object', required: ['code', 'message', 'response_code'], properties: { code: { type: 'integer' }, message: { type: 'string' }, response_code: { const: 0 } } },
      body: { type: 'object', maxProperties: 0 },
    },
  },
  operations: {
    'POST /auth/v1/accessToken': {
      summary: 'Get an access token (grantType secret) or rotate it (grantType refresh)',
      requestSchema: {
        type: 'object',
        required: ['grantType'],
        properties: { grantType: { type: 'string', enum: ['secret', 'refresh'] }, secretKey: { type: 'string' }, refreshToken: { type: 'string' } },
      },
      requestExample: { grantType: 'secret', secretKey: '<reseller secret>' },
      responses: { 200: { schema: success(tokens) } },
    },
    'GET /resellers': { responses: { 200: { schema: success({ type: 'object', required: ['resellers'], properties: { resellers: { type: 'array', items: reseller } } }) } } },
    'POST /resellers': { requestSchema: { type: 'object', properties: { resellerId: { type: ['integer', 'string'] }, resellerUid: { type: 'string' }, secretKey: { type: 'string' } } }, requestExample: { resellerId: 101, resellerUid: 'acme' }, responses: { 201: { schema: success(reseller) } } },
    'GET /resellers/{reseller}': { responses: { 200: { schema: success(reseller) } } },
    'DELETE /resellers/{reseller}': { responses: { 200: { schema: success({ ...reseller, properties: { ...reseller.properties, deleted: { const: true } } }) } } },
  },
};
const echo = {
  summary: 'A protected Atom API call (echoes the token\'s reseller)',
  security: [{ atomAccessToken: [] }],
  responses: { 200: { schema: success({ type: 'object', required: ['method', 'path', 'expiry'], properties: { method: { type: 'string' }, path: { type: 'string' }, resellerId: {}, resellerUid: { type: 'string' }, expiry: { type: 'integer' } } }) } },
};
for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) purewlOpenApi.operations![`${method} /{path}`] = echo;
