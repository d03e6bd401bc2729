import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SiteContext } from '../../../../core/namespace';
import type { RequestContext } from '../../../../core/pipeline/context';
import type { RestRequest } from '../../../../core/rest/request';
import { WpError } from '../../../../core/rest/errors';
import { RestResponse } from '../../../../core/rest/response';
import { JOURNAL_FILTER_ARGS } from '../journal/filter';
import { toHar } from '../journal/har';
import type { JournalEntry } from '../journal/journal';
import { EMULATOR_NAMESPACE } from '../namespace';
import { journalEntriesOf } from '../routes';
import type { TestControl } from '../test-control';
import { TokenLedger } from './tokens';

/**
 * What the dashboard reads besides the control API's own routes: `GET /tokens` (the token ledger)
 * and `GET /journal/har` (the journal as HAR 1.2, with the journal's filters). Registered with the
 * control API (EMULATOR_API=on), for administrators.
 */

let packageVersion: string | undefined;

/** The package's version (the HAR's creator), from the package.json above this file, in the source or the build. */
function creatorVersion(): string {
  if (packageVersion !== undefined) return packageVersion;
  packageVersion = 'unknown';
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'wp-token-emulator' && pkg.version) return (packageVersion = pkg.version);
    } catch {
      // not here
    }
  }
  return packageVersion;
}

/** The journal as HAR 1.2 (entries already redacted: the archive holds no secret). */
export function journalHar(entries: readonly JournalEntry[], siteUrl: string) {
  return toHar(entries, { baseUrl: siteUrl, version: creatorVersion() });
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
    args: JOURNAL_FILTER_ARGS,
    handler: (req) => {
      // The journal's own filters, read and checked exactly as GET /journal does.
      const entries = journalEntriesOf(control, req);
      if (entries instanceof WpError) return entries;
      return new RestResponse(journalHar(entries, ctx.config.siteUrl), 200, { 'Content-Disposition': 'attachment; filename="emulator-journal.har"' });
    },
  });
  return ledger;
}
