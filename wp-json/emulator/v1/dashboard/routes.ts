import type { SiteContext } from '../../../../core/namespace';
import type { RequestContext } from '../../../../core/pipeline/context';
import { WpError } from '../../../../core/rest/errors';
import type { RestRequest } from '../../../../core/rest/request';
import type { ArgSchema } from '../../../../core/rest/schema';
import { RestResponse } from '../../../../core/rest/response';
import { toHar } from '../journal/har';
import { JournalFilterError, type JournalEntry, type JournalFilter } from '../journal/journal';
import { EMULATOR_NAMESPACE } from '../namespace';
import type { TestControl } from '../test-control';
import { TokenLedger } from './tokens';

/**
 * What the dashboard reads besides the control API's own routes: `GET /tokens` (the token ledger)
 * and `GET /journal/har` (the journal as HAR 1.2, with the journal's filters). Registered with the
 * control API (EMULATOR_API=on), for administrators.
 */

const PACKAGE_VERSION = '0.1.0';

export const journalFilterArgs: Record<string, ArgSchema> = {
  namespace: { type: 'string', description: 'A REST namespace (availo/v1) or a module id (availo).' },
  path: { type: 'string', description: 'A glob matched against the request path (/wp-json/availo/v1/**).' },
  status: { type: ['integer', 'string'], description: 'A status (503), a class (5xx) or a comma-separated list.' },
  method: { type: 'string', description: 'HTTP method.' },
  limit: { type: 'integer', minimum: 1, description: 'Only the last N matching requests.' },
};

export function journalFilterOf(req: RestRequest): JournalFilter {
  const filter: JournalFilter = {};
  for (const name of ['namespace', 'path', 'method'] as const) {
    const value = req.param(name);
    if (typeof value === 'string' && value !== '') filter[name] = value;
  }
  const status = req.param('status');
  if (status !== undefined && status !== '') filter.status = status as string | number;
  const limit = req.param('limit');
  if (limit !== undefined) filter.limit = limit as number;
  return filter;
}

function invalidParam(param: string, message: string): WpError {
  return new WpError('rest_invalid_param', `Invalid parameter(s): ${param}`, { status: 400, params: { [param]: message } });
}

/** The journal as HAR 1.2 (entries already redacted: the archive holds no secret). */
export function journalHar(entries: readonly JournalEntry[], siteUrl: string) {
  return toHar(entries, { baseUrl: siteUrl, version: PACKAGE_VERSION });
}

/** The dashboard's routes and the token ledger's stage; returns the ledger (cleared by reset). */
export function registerDashboardRoutes(ctx: SiteContext, control: TestControl, exempt: (rc: RequestContext) => boolean): TokenLedger {
  const ledger = new TokenLedger({
    introspect: (token) => ctx.site.introspect(token),
    now: () => ctx.clock.now(),
    mails: () => ctx.mailer.list(),
  });
  // Answers of the vendor namespaces that succeeded are where tokens are handed out: queue them (no parsing here).
  ctx.pipeline.use({
    name: 'token-ledger',
    afterResponse(rc) {
      if (rc.namespace === null || !rc.written || rc.answer === null || rc.answer.body === null || rc.answer.status >= 300 || exempt(rc)) return;
      if (rc.namespace.startsWith('wp/')) return;
      ledger.observe(rc.answer.body, rc.arrived, `${rc.method} ${rc.url.split('?')[0]}`);
    },
  });

  const admin = (req: RestRequest) => ctx.users.can(req.user, 'manage_options');
  const ns = EMULATOR_NAMESPACE;
  ctx.rest.registerRoute(ns, '/tokens', {
    methods: ['GET'],
    permission: admin,
    handler: () => {
      const tokens = ledger.list();
      return new RestResponse({ now: new Date(ctx.clock.now()).toISOString(), timestamp: ctx.clock.seconds(), mode: ctx.clock.state().mode, tokens }, 200, {
        'X-WP-Total': String(tokens.length),
      });
    },
  });

  ctx.rest.registerRoute(ns, '/journal/har', {
    methods: ['GET'],
    permission: admin,
    args: journalFilterArgs,
    handler: (req) => {
      try {
        const har = journalHar(control.journal.list(journalFilterOf(req)), ctx.config.siteUrl);
        return new RestResponse(har, 200, { 'Content-Disposition': 'attachment; filename="emulator-journal.har"' });
      } catch (e) {
        if (e instanceof JournalFilterError) return invalidParam(e.param, e.message);
        throw e;
      }
    },
  });
  return ledger;
}
