import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import type { ExtensionHandles } from '../core/namespace';
import { escHtml } from '../core/wordpress/formatting';
import type * as Admin from './admin';
import { createSite, type Site, type SiteOptions } from './site';

export type CreateAppOptions = SiteOptions;

/** The host app and its handles: what a test needs to drive the emulator in process. */
export interface HostApp {
  /** The Express app: hand it to supertest, listen on it, or mount it (`app.use(emu.app)`). */
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

/**
 * createApp()'s result: the host app, plus the in-process handles of the active modules (test
 * control's `journal`, `faults`, `outbox`, `reset()`, `introspect()`: present when its module is
 * among the namespaces, as it is by default).
 */
export type EmulatorApp = HostApp & ExtensionHandles;

/** The paths of the site's home page: `/` and `/index.php` (Express's default matching: any case, a trailing slash allowed). */
const HOME_PATH = /^\/(?:index\.php\/?)?$/i;

/** The Express handle as app.handle is called (by app(req, res), a parent app's router, supertest). */
type Handle = (req: IncomingMessage, res: ServerResponse, callback?: (error?: unknown) => void) => void;

/**
 * The Express app over a site. Every request enters the site's pipeline first (see below); what is
 * not a REST request (the home page, any other path, screens added as Express routes) then goes on
 * to Express's own handle and router, Express's helpers and all.
 */
export function buildExpressApp(site: Site): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  // The Allow header may reuse the matched endpoint's permission answer while nothing was stored since.
  site.rest.useStateVersion(() => site.store.version);

  // The site root, as WordPress serves it: an HTML page, and the Link header that API discovery reads.
  const home = (res: Response) => {
    const url = site.config.siteUrl;
    res.setHeader('Link', `<${url}/wp-json/>; rel="https://api.w.org/"`);
    res.type('html').send(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escHtml(site.config.siteName)}</title>` +
        `<link rel="https://api.w.org/" href="${escHtml(url)}/wp-json/"></head>` +
        `<body><h1>${escHtml(site.config.siteName)}</h1><p>${escHtml(site.config.siteDescription)}</p>` +
        `<p>REST API: <a href="${escHtml(url)}/wp-json/">${escHtml(url)}/wp-json/</a></p></body></html>\n`,
    );
  };
  const notFound = (res: Response) => {
    res.status(404).type('html').send('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body><h1>Not Found</h1></body></html>\n');
  };

  // What Express serves, in order: the site root; wp-login.php and the wp-admin screens (plugin/admin/,
  // docs/admin-screens.md); else WordPress's 404 page. One middleware rather than a route per part:
  // each Express route or middleware compiles its path with path-to-regexp when the app is made, and
  // a test suite makes many apps (docs/performance.md, "100 emulators"). The screens' router (some
  // forty routes) is built by the first request that reaches it: most emulators never show a screen.
  let admin: Router | null = null;
  app.use((req: Request, res: Response, next: NextFunction) => {
    // As `app.get(['/', '/index.php'])` matched: GET or HEAD, any case, an optional trailing slash.
    if ((req.method === 'GET' || req.method === 'HEAD') && HOME_PATH.test(req.path)) return home(res);
    // The screens' code too is loaded then (a process that only answers REST requests never loads it).
    admin ??= (require('./admin') as typeof Admin).adminScreens(site).router;
    // The router calls back with nothing (or 'router') when no screen took the request, with an error when one failed.
    admin(req, res, (error?: unknown) => (error && error !== 'router' && error !== 'route' ? next(error) : notFound(res)));
  });

  // Nothing below the routes should throw, but if it does: a plain 500, never a stack trace.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    site.log.error('Unhandled error', { error: (error as Error)?.message ?? String(error) });
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(500).type('text/plain').send('Internal Server Error');
  });

  // The seam (docs/architecture.md, "REST pipeline and Express"): every request enters the site's
  // pipeline on Node's own request and response. REST requests are answered there, and never reach
  // Express's app.handle, which would re-parent both objects to Express's prototypes
  // (Object.setPrototypeOf): measured at 46 µs per request on bare node:http, 101 µs with that swap
  // alone, 137-156 µs through Express with one middleware. Other requests go on to Express.
  const withHandle = app as unknown as { handle: Handle };
  const expressHandle = withHandle.handle;
  withHandle.handle = function handle(req, res, callback) {
    // Mounted in a parent app, Express's router has set originalUrl (the URL before the mount path).
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    site.pipeline.handle(req, res, url, () => expressHandle.call(app, req, res, callback));
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
  const host: HostApp = {
    app,
    site,
    store: site.store,
    users: site.users,
    applicationPasswords: site.applicationPasswords,
    clock: site.clock,
    config: site.config,
    mailer: site.mailer,
    close: () => site.close(),
  };
  // The handles each module declared (ExtensionHandles); a module not among the namespaces adds none.
  return Object.assign(host, site.handles) as EmulatorApp;
}
