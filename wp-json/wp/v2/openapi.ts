import { itemResponses, itemSchema } from '../../../core/openapi/schema';
import type { NamespaceOpenApi, OperationFacts } from '../../../core/openapi/types';
import { pluginSchema } from './plugins';

/**
 * What wp/v2's OpenAPI document cannot take from the routes' item schemas as they are: WordPress's
 * plugin schema declares `author` an object, while the controller answers the plugin header's
 * string (the emulator keeps both, as WordPress 6.8 does); the document says what is answered.
 * Every other wp/v2 route's answers come from its item schema (core/openapi/schema.ts itemResponses).
 */
function answeredPluginSchema(): Record<string, unknown> {
  const schema = pluginSchema() as { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  return { ...schema, properties: { ...schema.properties, author: { ...schema.properties.author, type: 'string' } } };
}

const plugins = (method: string, summary: string): OperationFacts => ({ summary, responses: itemResponses(method, itemSchema(answeredPluginSchema())) });

export const wpOpenApi: NamespaceOpenApi = {
  title: 'WordPress',
  description: 'WordPress 6.8\'s users, application passwords and plugins routes, behind application passwords (and the login cookie with its nonce).',
  operations: {
    'GET /plugins': plugins('GET', 'List plugins'),
    'POST /plugins': plugins('POST', 'Install a plugin'),
    'GET /plugins/{plugin}': plugins('GET', 'One plugin'),
    'POST /plugins/{plugin}': plugins('POST', 'Activate or deactivate a plugin'),
    'PUT /plugins/{plugin}': plugins('PUT', 'Activate or deactivate a plugin'),
    'PATCH /plugins/{plugin}': plugins('PATCH', 'Activate or deactivate a plugin'),
    'DELETE /plugins/{plugin}': plugins('DELETE', 'Delete a plugin'),
  },
};
