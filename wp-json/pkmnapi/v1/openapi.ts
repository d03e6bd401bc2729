import type { NamespaceOpenApi, NamespaceOpenApiSource } from '../../../core/openapi/types';

/** docs: `201 {}` and the token mailed; live (pkmnapi's own tests): the token or delete code itself, as a JSON string. */
const createdOf = (live: boolean) =>
  live
    ? { description: 'The token (or delete code), as a JSON string', schema: { type: 'string' } }
    : { description: 'Accepted: the token (or delete code) is on its way by e-mail', schema: { type: 'object', maxProperties: 0 }, example: {} };

/** A JSON:API request document: `{data: {type, attributes}}`. */
const document = (type: string, attributes: Record<string, unknown>) => ({
  type: 'object',
  required: ['data'],
  properties: {
    data: { type: 'object', required: ['type', 'attributes'], properties: { type: { const: type }, attributes: { type: 'object', required: Object.keys(attributes), properties: attributes } } },
  },
});
const email = { type: 'string' };

/** pkmnapi's facts: Bearer tokens, the JSON:API error envelope; the token-request answers follow PKMNAPI_PROFILE. */
export const pkmnapiOpenApi: NamespaceOpenApiSource = (settings): NamespaceOpenApi => ({
  title: 'pkmnapi',
  description: 'pkmnapi access tokens: POST /access_tokens with an e-mail address mails a token, used as `Authorization: Bearer <token>` on the ROM routes.',
  securitySchemes: { pkmnapiBearer: { type: 'http', scheme: 'bearer', description: 'The access token mailed by POST /access_tokens.' } },
  errorSchema: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        required: ['id', 'type', 'attributes'],
        properties: { id: { type: 'string' }, type: { const: 'errors' }, attributes: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } } },
      },
    },
  },
  operations: {
    'POST /access_tokens': {
      summary: 'Request an access token by e-mail',
      requestMediaTypes: ['application/json'],
      requestSchema: document('access_tokens', { email_address: email }),
      requestExample: { data: { type: 'access_tokens', attributes: { email_address: 'user@example.com' } } },
      responses: { 201: createdOf(settings.PKMNAPI_PROFILE === 'live') },
    },
    'DELETE /access_tokens': {
      summary: 'Delete the token with the mailed delete code',
      requestMediaTypes: ['application/json'],
      requestSchema: document('access_tokens', { code: { type: 'string' }, email_address: email }),
      requestExample: { data: { type: 'access_tokens', attributes: { code: '<code>', email_address: 'user@example.com' } } },
      responses: { 204: { description: 'Done (also when the code does not match)', schema: null } },
    },
    'POST /access_tokens/delete': {
      summary: 'Request a delete code by e-mail',
      requestMediaTypes: ['application/json'],
      requestSchema: document('access_tokens', { email_address: email }),
      requestExample: { data: { type: 'access_tokens', attributes: { email_address: 'user@example.com' } } },
      responses: { 201: createdOf(settings.PKMNAPI_PROFILE === 'live') },
    },
    'GET /roms': {
      summary: 'The ROM of the token (none uploaded: 403 error_roms_no_rom)',
      security: [{ pkmnapiBearer: [] }],
      responses: { 200: { schema: { type: 'object', required: ['data'], properties: { data: { type: 'object' } } } } },
    },
  },
});
