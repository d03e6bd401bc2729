import type { NamespaceOpenApi } from '../../../core/openapi';
import { openApiDocument } from '../../../core/openapi';
import type { SiteContext } from '../../../core/namespace';
import { WpError } from '../../../core/rest/errors';
import { EMULATOR_NAMESPACE } from './namespace';

/**
 * `GET /wp-json/emulator/v1/openapi` (administrators): the OpenAPI 3.1 document of the whole site,
 * or of one namespace with `?namespace=fess/v1`, generated from the live route registry (so it is
 * the document of the profile in force).
 */
export function registerOpenApiRoute(ctx: SiteContext): void {
  ctx.rest.registerRoute(EMULATOR_NAMESPACE, '/openapi', {
    methods: ['GET'],
    permission: (req) => ctx.users.can(req.user, 'manage_options'),
    args: { namespace: { type: 'string', description: 'One namespace (`fess/v1`); absent: the whole site.' } },
    handler: (req) => {
      const namespace = req.param('namespace') as string | undefined;
      const doc = openApiDocument(ctx.rest, { siteUrl: ctx.config.siteUrl, siteName: ctx.config.siteName, ...(namespace ? { namespace } : {}) });
      if (!doc) return new WpError('emulator_openapi_unknown_namespace', `No namespace "${namespace}" is registered: see /wp-json/ for the list.`, { status: 404 });
      return doc;
    },
  });
}

const clock = { type: 'object', required: ['now', 'timestamp', 'mode', 'offsetMs'], properties: { now: { type: 'string' }, timestamp: { type: 'integer' }, mode: { type: 'string' }, offsetMs: { type: 'number' } } };
const deleted = { type: 'object', required: ['deleted'], properties: { deleted: { type: 'integer', minimum: 0 } } };
const message = { type: 'object', required: ['id', 'to', 'subject', 'text'], properties: { id: {}, to: { type: 'string' }, subject: { type: 'string' }, text: { type: 'string' }, sentAt: { type: 'string' } } };
const entry = { type: 'object', required: ['id', 'method', 'path', 'status'], properties: { id: { type: 'integer' }, method: { type: 'string' }, path: { type: 'string' }, status: { type: 'integer' }, fault: { type: ['string', 'null'] } } };
const fault = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
const ledgerToken = {
  type: 'object',
  required: ['vendor', 'prefix', 'hash', 'sub', 'iat', 'exp', 'state', 'source'],
  properties: { vendor: { type: 'string' }, prefix: { type: 'string' }, hash: { type: 'string' }, sub: { type: ['string', 'null'] }, iat: { type: 'integer' }, exp: { type: ['integer', 'null'] }, state: { enum: ['active', 'expired', 'revoked', 'rotated'] }, source: { type: 'string' } },
};
const ok = (schema: Record<string, unknown>, status = 200) => ({ responses: { [status]: { schema } } });

/** The extension's own facts for its document: the answers of its routes (docs/control-api.md). */
export const emulatorOpenApi: NamespaceOpenApi = {
  title: 'Test control',
  description: 'The emulator\'s test control (docs/control-api.md): reset, clock, outbox, journal, faults, token introspection, this document.',
  operations: {
    'POST /reset': ok({ type: 'object', required: ['reset', 'clock'], properties: { reset: { const: true }, clock } }),
    'GET /clock': ok(clock),
    'POST /clock': { requestExample: { advance: 901 }, ...ok(clock) },
    'GET /outbox': ok({ type: 'array', items: message }),
    'DELETE /outbox': ok(deleted),
    'GET /journal': ok({ type: 'array', items: entry }),
    'DELETE /journal': ok(deleted),
    'GET /faults': ok({ type: 'array', items: fault }),
    'POST /faults': { requestExample: { path: '/wp-json/availo/v1/*', status: 503, times: 1 }, ...ok(fault, 201) },
    'DELETE /faults': ok(deleted),
    'GET /faults/{id}': ok(fault),
    'DELETE /faults/{id}': ok(deleted),
    'GET /tokens': ok({ type: 'object', required: ['now', 'timestamp', 'mode', 'tokens'], properties: { now: { type: 'string' }, timestamp: { type: 'integer' }, mode: { type: 'string' }, tokens: { type: 'array', items: ledgerToken } } }),
    'GET /journal/har': ok({ type: 'object', required: ['log'], properties: { log: { type: 'object', required: ['version', 'creator', 'entries'], properties: { version: { const: '1.2' }, creator: { type: 'object' }, entries: { type: 'array', items: { type: 'object' } } } } } }),
    'POST /tokens/introspect': ok({ type: 'object', required: ['active', 'vendor'], properties: { active: { type: 'boolean' }, vendor: { type: 'string' }, sub: { type: 'string' }, exp: { type: 'integer' }, iat: { type: 'integer' } } }),
    'GET /openapi': {
      summary: 'The OpenAPI 3.1 document of the site, or of one namespace',
      responses: { 200: { schema: { type: 'object', required: ['openapi', 'info', 'paths', 'components'], properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } } } } },
    },
  },
};
