import type { JsonSchema } from './types';

/** The site's own security scheme: WordPress application passwords over HTTP Basic auth. */
export const WP_BASIC = 'wpApplicationPassword';

export const WP_BASIC_SCHEME = {
  type: 'http',
  scheme: 'basic',
  description:
    'WordPress application password: `Authorization: Basic base64(<user login>:<application password>)`. ' +
    'Bad credentials make the request anonymous (routes then answer 401 rest_forbidden, or 401 incorrect_password); repeated failures answer 429.',
};

const links: JsonSchema = { type: 'object', additionalProperties: { type: 'array', items: { type: 'object', properties: { href: { type: 'string' } } } } };

const routeEntry: JsonSchema = {
  type: 'object',
  required: ['namespace', 'methods', 'endpoints'],
  properties: {
    namespace: { type: 'string' },
    methods: { type: 'array', items: { type: 'string' } },
    endpoints: {
      type: 'array',
      items: { type: 'object', required: ['methods', 'args'], properties: { methods: { type: 'array', items: { type: 'string' } }, args: { type: ['object', 'array'] } } },
    },
    _links: links,
  },
};

/** GET /wp-json/: the site's discovery index. */
export const INDEX_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['name', 'url', 'namespaces', 'routes'],
  properties: {
    name: { type: 'string' },
    description: { type: 'string' },
    url: { type: 'string' },
    home: { type: 'string' },
    namespaces: { type: 'array', items: { type: 'string' } },
    authentication: { type: ['object', 'array'] },
    routes: { type: 'object', additionalProperties: routeEntry },
    _links: links,
  },
};

/** GET /wp-json/<namespace>: the namespace's index. */
export const NAMESPACE_INDEX_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['namespace', 'routes'],
  properties: { namespace: { type: 'string' }, routes: { type: 'object', additionalProperties: routeEntry }, _links: links },
};
