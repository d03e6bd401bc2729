import type { Request, RequestHandler } from 'express';
import { gateMiddleware } from '../core/control';
import { faultMiddleware, type Fault, type FaultSpec } from '../core/faults';
import { journalMiddleware, type JournalEntry, type JournalFilter } from '../core/journal';
import type { MailMessage } from '../core/mail';
import type { TokenIntrospection } from '../core/namespace';
import { restRouteOf, urlPath } from '../core/rest/http';
import type { Site } from './site';

/** Whether a REST route belongs to the test-control API (and that API is switched on). */
function isControlRoute(site: Site, route: string | null): boolean {
  if (route === null || !site.rest.hasNamespace('emulator/v1')) return false;
  const lower = route.toLowerCase();
  return lower === '/emulator/v1' || lower.startsWith('/emulator/v1/');
}

/**
 * The Express middlewares of test control, in the order buildExpressApp mounts them:
 * `journal` first (it times the whole answer), `gate` before the guard (a reset may replace the users),
 * `faults` just before the REST server. The control API's own requests pass all three untouched.
 */
export function controlMiddlewares(site: Site): { journal: RequestHandler; gate: RequestHandler; faults: RequestHandler } {
  const control = site.control;
  const controlRequest = (req: Request) => isControlRoute(site, restRouteOf(req));
  return {
    journal: journalMiddleware({
      journal: control.journal,
      clock: site.clock,
      routeOf: restRouteOf,
      namespaceOf: (route) => site.rest.namespaceOf(route),
      skip: (_req, route) => isControlRoute(site, route),
    }),
    gate: gateMiddleware(control.gate, controlRequest),
    faults: faultMiddleware({
      faults: control.faults,
      bodyLimit: site.config.bodyLimit,
      pathOf: (req) => {
        const route = restRouteOf(req);
        if (isControlRoute(site, route)) return null;
        return route === null ? urlPath(req.url) : `/wp-json${route === '/' ? '/' : route}`;
      },
    }),
  };
}

/** What createApp() adds for tests: the control API's operations without HTTP. */
export interface ControlHandles {
  outbox: {
    /** Messages oldest first; `to` filters by recipient (case-insensitive). */
    list(filter?: { to?: string }): MailMessage[];
    /** Empties the outbox (or one recipient's messages); returns how many went. */
    clear(filter?: { to?: string }): number;
  };
  journal: {
    /** Journaled requests oldest first (secrets redacted); throws on an invalid filter. */
    list(filter?: JournalFilter): JournalEntry[];
    clear(): number;
  };
  faults: {
    /** Adds a fault; throws FaultError naming the bad field. */
    add(spec: FaultSpec): Fault;
    list(): Fault[];
    remove(id: string): boolean;
    clear(): number;
  };
  /** Back to the fixtures (or first-run state): store, outbox, caches, clock, faults. Waits for requests in flight. The journal is kept. */
  reset(): Promise<void>;
  /** RFC 7662-style: what any namespace knows about a token. */
  introspect(token: string, vendor?: string): TokenIntrospection;
}

export function controlHandles(site: Site): ControlHandles {
  const { control } = site;
  return {
    outbox: {
      list: (filter = {}) => site.mailer.list(filter),
      clear: (filter = {}) => {
        const n = site.mailer.clear(filter);
        return n;
      },
    },
    journal: {
      list: (filter) => control.journal.list(filter),
      clear: () => control.journal.clear(),
    },
    faults: {
      add: (spec) => control.faults.add(spec),
      list: () => control.faults.list(),
      remove: (id) => control.faults.remove(id),
      clear: () => control.faults.clear(),
    },
    reset: () => control.reset(),
    introspect: (token, vendor) => control.introspect(token, vendor),
  };
}
