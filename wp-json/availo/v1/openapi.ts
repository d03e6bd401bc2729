import type { NamespaceOpenApi } from '../../../core/openapi/types';

const envelope = (data: Record<string, unknown>) => ({
  type: 'object',
  required: ['Data', 'status', 'message'],
  properties: { Data: data, status: { const: true }, message: { type: 'null' } },
});
const failure = { type: 'object', required: ['Data', 'status', 'message'], properties: { Data: { type: 'null' }, status: { const: false }, message: { type: 'string' } } };
const account = { type: 'object', required: ['accountCode'], properties: { accountCode: { type: 'string' }, password: { type: 'string' } } };

/** Availo's facts for its OpenAPI document: the `access_token` header scheme, the `{Data, status, message}` envelope. */
export const availoOpenApi: NamespaceOpenApi = {
  title: 'Availo',
  description: 'Availo access tokens: POST /api/Account/Generatetoken (account code and password) gives a token sent back in the `access_token` header.',
  securitySchemes: {
    availoAccessToken: { type: 'apiKey', in: 'header', name: 'access_token', description: 'The token from /api/Account/Generatetoken (with `authentication_type: oauth2`, optional).' },
  },
  errorSchema: failure,
  operations: {
    'POST /api/Account/Generatetoken': {
      summary: 'Generate an access token',
      requestMediaTypes: ['application/json'],
      requestSchema: { type: 'object', required: ['AccountCode', 'Password'], properties: { AccountCode: { type: 'string' }, Password: { type: 'string' } } },
      requestExample: { AccountCode: 'ACC001', Password: 'secret' },
      responses: {
        200: {
          description: 'The token; a refused login also answers 200, with `status: false`',
          schema: { anyOf: [envelope({ type: 'object', required: ['accessToken'], properties: { accessToken: { type: 'string' } } }), failure] },
          example: { Data: { accessToken: 'eyJhbGciOi...' }, status: true, message: null },
        },
      },
    },
    'GET /accounts': { summary: 'List accounts', responses: { 200: { schema: envelope({ type: 'array', items: account }) } } },
    'POST /accounts': { summary: 'Create an account', requestSchema: { type: 'object', required: ['AccountCode'], properties: { AccountCode: { type: 'string' }, Password: { type: 'string' } } }, requestExample: { AccountCode: 'ACC002' }, responses: { 201: { schema: envelope(account) } } },
    'GET /accounts/{code}': { responses: { 200: { schema: envelope(account) } } },
    'POST /accounts/{code}': { summary: 'Set or generate the password', responses: { 200: { schema: envelope(account) } } },
    'PUT /accounts/{code}': { responses: { 200: { schema: envelope(account) } } },
    'PATCH /accounts/{code}': { responses: { 200: { schema: envelope(account) } } },
    'DELETE /accounts/{code}': { responses: { 200: { schema: envelope({ type: 'object', required: ['deleted'], properties: { deleted: { const: true }, previous: account } }) } } },
    'GET /api/{path}': {
      summary: 'A protected Availo API call (echoes the token\'s account)',
      security: [{ availoAccessToken: [] }],
      parameters: [{ name: 'authentication_type', in: 'header', required: false, schema: { type: 'string', enum: ['oauth2'] } }],
      responses: { 200: { schema: envelope({ type: 'object', required: ['accountCode', 'expiresAt'], properties: { accountCode: { type: 'string' }, expiresAt: { type: 'string' } } }) } },
    },
  },
};
for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) availoOpenApi.operations![`${method} /api/{path}`] = availoOpenApi.operations!['GET /api/{path}'];
