import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { applicationPasswordGuard, clientAddress } from '../core/auth/guard';
import { restHttp } from '../core/rest/http';
import { blankMarked, markedSecrets, redactUrl } from '../core/redact';
import { adminScreens } from './admin';
import { controlHandles, controlMiddlewares, type ControlHandles } from './control';
import { createSite, type Site, type SiteOptions } from './site';

export type CreateAppOptions = SiteOptions;

/** An app and its handles: what a test needs to drive the emulator in process. */
export interface EmulatorApp extends ControlHandles {
  /** The Express app: hand it to supertest, or listen on it. */
  app: Express;
  site: Site;
  store: Site['store'];
  users: Site['users'];
  applicationPasswords: Site['applicationPasswords'];
  clock: Site['clock'];
  config: Site['config'];
  mailer: Site['mailer'];
  /** Flushes and closes the store (releases the file lock). */
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Several middlewares run in order as one Express layer, each exactly as Express runs a middleware
 * (next() goes on, next(error) goes to the error handlers, a synchronous throw or a rejected promise
 * is an error), but without the router's per-layer work in between: every request passes all of them.
 */
export function chain(...handlers: RequestHandler[]): RequestHandler {
  return function chained(req: Request, res: Response, done: NextFunction): void {
    let index = 0;
    const next = (error?: unknown): void => {
      // Express treats next('route') at this level as next(); any other truthy value is an error.
      if (error && error !== 'route') return done(error);
      const handler = handlers[index++];
      if (!handler) return done();
      try {
        const result: unknown = handler(req, res, next);
        if (result !== null && typeof result === 'object' && typeof (result as Promise<unknown>).then === 'function') {
          (result as Promise<unknown>).then(undefined, (e: unknown) => next(e || new Error('Rejected promise')));
        }
      } catch (e) {
        next(e);
      }
    };
    next();
  };
}

/** The Express app over a site: request log, the application-password guard, the REST server, the home page. */
export function buildExpressApp(site: Site): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  // The Allow header may reuse the matched endpoint's permission answer while nothing was stored since.
  site.rest.useStateVersion(() => site.store.version);
  const control = controlMiddlewares(site);
  // Test control: the request journal times and records every answer (secrets redacted).
  const journal = control.journal;

  // One line per request; the path's secret query values are blanked, headers and bodies never logged.
  const requestLog = (req: Request, res: Response, next: NextFunction) => {
    if (!site.log.enabled('info')) return next();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      site.log.info(`${req.method} ${blankMarked(redactUrl(req.originalUrl), markedSecrets(req))} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };

  // A reset (emulator/v1/reset) waits for requests in flight and holds new ones until it is done.
  const gate = control.gate;

  // wp-login.php and wp-admin/ (Express routes below), and their login cookie for REST requests.
  const admin = adminScreens(site);
  const guard = applicationPasswordGuard({
    authenticators: [admin.authenticator],
    users: site.users,
    applicationPasswords: site.applicationPasswords,
    throttle: site.throttle,
    onSuccess: (req, _user, item) => {
      const ip = req.socket.remoteAddress === undefined ? null : clientAddress(req);
      // At most once a day per password; flushed in the background (a lost last_used is harmless).
      if (site.applicationPasswords.recordUsage(item, ip)) site.store.commit().catch(() => undefined);
    },
  });

  // Injected faults (emulator/v1/faults): latency, or a given status and body instead of the route.
  const faults = control.faults;

  const rest = restHttp({
    server: site.rest,
    siteUrl: () => site.config.siteUrl,
    bodyLimit: site.config.bodyLimit,
    onError: (error) => site.log.error('Request failed', { error: (error as Error)?.message ?? String(error) }),
  });

  // In this order, as one step in front of Express's router (see chain() and below).
  const front = chain(journal, requestLog, gate, guard, faults, rest);

  // The site root, as WordPress serves it: an HTML page, and the Link header that API discovery reads.
  app.get(['/', '/index.php'], (_req: Request, res: Response) => {
    const url = site.config.siteUrl;
    res.setHeader('Link', `<${url}/wp-json/>; rel="https://api.w.org/"`);
    res.type('html').send(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(site.config.siteName)}</title>` +
        `<link rel="https://api.w.org/" href="${escapeHtml(url)}/wp-json/"></head>` +
        `<body><h1>${escapeHtml(site.config.siteName)}</h1><p>${escapeHtml(site.config.siteDescription)}</p>` +
        `<p>REST API: <a href="${escapeHtml(url)}/wp-json/">${escapeHtml(url)}/wp-json/</a></p></body></html>\n`,
    );
  });

  app.use(admin.router);

  app.use((_req: Request, res: Response) => {
    res.status(404).type('html').send('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body><h1>Not Found</h1></body></html>\n');
  });

  // Nothing below the routes should throw, but if it does: a plain 500, never a stack trace. Node's
  // own response API only: it also answers for `front`, whose requests are not Express's (below).
  const unhandled = (error: unknown, _req: Request, res: Response, _next?: NextFunction) => {
    site.log.error('Unhandled error', { error: (error as Error)?.message ?? String(error) });
    if (res.headersSent) {
      res.end();
      return;
    }
    res.statusCode = 500;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Internal Server Error');
  };
  app.use(unhandled);

  // Every request passes `front` first, in front of Express's router, on Node's own request and
  // response objects: Express's app.handle would first re-parent both to Express's prototypes
  // (Object.setPrototypeOf), which V8 makes pay on every later property access of the request and
  // response, Node's HTTP code's included — measured at ~55 CPU µs per request, more than all of the
  // emulator's own work on an Everest request. The REST layer and the middlewares of `front` use
  // only Node's API (res.statusCode, setHeader, end; req.url, headers), so REST requests never need
  // them. What `front` passes on (the home page, other paths) goes through Express's app.handle and
  // router as before, Express's helpers and all.
  type Handle = (req: Request, res: Response, callback?: NextFunction) => void;
  const withHandle = app as unknown as { handle: Handle };
  const expressHandle = withHandle.handle;
  withHandle.handle = function handle(req: Request, res: Response, callback?: NextFunction): void {
    (req as Request & { res?: Response }).res = res;
    (res as Response & { req?: Request }).req = req;
    if (!req.originalUrl) req.originalUrl = req.url;
    front(req, res, (error?: unknown) => {
      if (error) unhandled(error, req, res);
      else expressHandle.call(app, req, res, callback);
    });
  };
  return app;
}

/**
 * An isolated emulator for tests: a memory store unless `settings.DB_FILE` names a file, the clock
 * you give, and only the settings you pass (the machine's environment is not read unless you pass
 * `env: process.env`). Takes a few milliseconds.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<EmulatorApp> {
  const site = await createSite({ ...options, settings: { LOG_LEVEL: 'silent', ...options.settings } });
  const app = buildExpressApp(site);
  return {
    app,
    site,
    store: site.store,
    users: site.users,
    applicationPasswords: site.applicationPasswords,
    clock: site.clock,
    config: site.config,
    mailer: site.mailer,
    ...controlHandles(site),
    close: () => site.close(),
  };
}
