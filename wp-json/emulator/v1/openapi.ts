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

/** The extension's own facts for its document: the answer of the openapi route. */
export const emulatorOpenApi: NamespaceOpenApi = {
  title: 'Test control',
  operations: {
    'GET /openapi': {
      summary: 'The OpenAPI 3.1 document of the site, or of one namespace',
      responses: { 200: { schema: { type: 'object', required: ['openapi', 'info', 'paths', 'components'], properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } } } } },
    },
  },
};
