import { ApplicationPasswords } from '../core/auth/application-passwords';
import { LoginThrottle } from '../core/auth/throttle';
import { VerifiedSecrets } from '../core/auth/credential-cache';
import { Users } from '../core/auth/users';
import { createClock, type Clock } from '../core/clock';
import { applicationPasswordAuthenticator } from '../core/auth/application-password-auth';
import { AuthCookies, cookieAuthenticator } from '../core/auth/cookie';
import { buildConfig, coreSettings, settingsOf, type Config, type SettingsSpec, type SettingValue } from '../core/config';
import { loadFixtures, readFixturesFile, validateFixtures, type Fixtures } from '../core/fixtures';
import { createLogger, type Logger } from '../core/log';
import { Mailer } from '../core/mail';
import { configureMailTransport, mailSettings } from '../core/mail-smtp';
import type { ExtensionHandles, NamespaceModule, NamespacePlugin, SiteContext, TokenIntrospection } from '../core/namespace';
import { requestLogStage } from '../core/log';
import { Pipeline } from '../core/pipeline/pipeline';
import { RestServer } from '../core/rest/server';
import { describeNamespace } from '../core/openapi';
import { registerPlugins } from '../core/plugins';
import { deriveKey, loadSecrets } from '../core/secrets';
import { Store, type StoreFs } from '../core/store';
import { allNamespaces } from './namespaces';

export interface SiteOptions {
  /** Settings by name (PORT, DB_FILE, EVEREST_PROFILE, ...), over `env`. */
  settings?: Record<string, SettingValue>;
  /** Where settings are read from (strings). Default: nothing, so a test's site ignores the machine's environment. */
  env?: Record<string, string | undefined>;
  /** Fixtures object, or a path to a fixtures file; default: the FIXTURES setting. */
  fixtures?: Fixtures | string;
  /** A clock, or a time to freeze it at. */
  clock?: Clock | Date | string | number;
  /** Namespace modules to activate (default: all of wp-json/index.ts). */
  namespaces?: readonly NamespaceModule[];
  logger?: Logger;
  /** File-system calls of the store (tests make the disk fail through this). */
  storeFs?: StoreFs;
  /** Rewrite the snapshot after this many logged changes (tests use a small number). */
  compactAfterChanges?: number;
  /** Working directory for relative paths (default process.cwd()). */
  cwd?: string;
  /** Without a DB_FILE setting, keep the store in memory (createApp) rather than in ./data/db.json (the server). Default true. */
  memoryByDefault?: boolean;
}

/** A running site: the context every namespace sees, plus what the app, server and command line need. */
export interface Site extends SiteContext {
  modules: readonly NamespaceModule[];
  plugins: ReadonlyMap<string, NamespacePlugin>;
  /** Brute-force protection of application-password logins (AUTH_THROTTLE settings). */
  throttle: LoginThrottle;
  /** On first run without fixtures: the admin's new application password, shown once. */
  firstRun: { login: string; password: string; userId: number } | null;
  /** Fixtures were given but not loaded: the store already held a site (they load only into a new one). */
  fixturesSkipped: boolean;
  /** The request pipeline every request goes through (docs/architecture.md). */
  pipeline: Pipeline;
  /** WordPress's login cookies and sessions (wp-login.php, cookie authentication of REST requests). */
  cookies: AuthCookies;
  /** The modules' in-process handles (createApp() exposes them). */
  handles: Partial<ExtensionHandles>;
  /** Asks every namespace about a token; `vendor` narrows the search. */
  introspect(token: string, vendor?: string): TokenIntrospection;
  /** Back to the state right after first run / fixtures, the clock back to how the site started (frozen at its start time, or real). */
  reset(): Promise<void>;
  /** Ends what holds requests open (each module's `close`: fault latencies), so a server can stop at once. */
  endWaits(): void;
  close(): Promise<void>;
}

const BASELINE = '_baseline';
const VOLATILE_COLLECTIONS = new Set([BASELINE]);

/** Each list of modules' settings spec, made once (frozen: it is shared by every site made with that list). */
const specs = new WeakMap<readonly NamespaceModule[], SettingsSpec>();

export function settingsSpec(modules: readonly NamespaceModule[]): SettingsSpec {
  let spec = specs.get(modules);
  if (spec === undefined) {
    spec = { ...mailSettings };
    for (const module of modules) Object.assign(spec, module.settings ?? {});
    specs.set(modules, Object.freeze(spec));
  }
  return spec;
}

/** Builds the config from the given sources: throws ConfigError naming a bad setting. */
export function siteConfig(options: SiteOptions = {}, modules: readonly NamespaceModule[] = options.namespaces ?? allNamespaces): Config {
  const env = options.env ?? {};
  const dbFileGiven = (env.DB_FILE !== undefined && env.DB_FILE !== '') || options.settings?.DB_FILE !== undefined;
  const memory = options.memoryByDefault !== false && !dbFileGiven ? { DB_FILE: ':memory:' } : {};
  return buildConfig(settingsSpec(modules), env, { ...memory, ...options.settings }, options.cwd);
}

/**
 * Opens the store, makes the site's secrets, users and namespaces, and on first run loads the
 * fixtures (or creates the admin and one application password). Later starts create nothing.
 */
export async function createSite(options: SiteOptions = {}): Promise<Site> {
  const modules = options.namespaces ?? allNamespaces;
  const config = siteConfig(options, modules);
  const clock = options.clock && typeof options.clock === 'object' && 'now' in options.clock ? options.clock : createClock(options.clock ?? config.clockStart ?? undefined);
  const initialClock = clock.state();
  const log = options.logger ?? createLogger(config.logLevel, config.logFormat);
  const fixtureSource = options.fixtures ?? config.fixtures ?? undefined;
  // Validate fixtures before touching the store, so a bad file never leaves a half-made store behind.
  const fixtures =
    fixtureSource === undefined ? null : typeof fixtureSource === 'string' ? readFixturesFile(fixtureSource, modules) : validateFixtures(fixtureSource, modules, 'fixtures');

  // A new store is written once, by the first run's commit below, not also empty at open (one fsync'd snapshot less per first start).
  const store = await Store.open({ file: config.dbFile, fs: options.storeFs, compactAfterChanges: options.compactAfterChanges, snapshotOnCreate: false });
  try {
    const { secrets } = loadSecrets(store);
    const users = new Users(store, clock, config.bcryptCost);
    const applicationPasswords = new ApplicationPasswords(store, secrets, clock);
    const mailer = new Mailer(clock);
    configureMailTransport(mailer, config.settings); // SMTP_URL: mail is also really sent
    const rest = new RestServer(
      () => ({ name: config.siteName, description: config.siteDescription, url: config.siteUrl, applicationPasswords: true }),
      (error, req) => log.error('Unhandled error in a route handler', { route: req.route, method: req.method, error: (error as Error)?.stack ?? String(error) }),
    );
    rest.commitWith(store); // what a handler stores is durable before its answer
    const verifiedSecrets = new VerifiedSecrets(deriveKey(secrets, 'verified-secrets'), config.bcryptCost);
    let self: Site | null = null;
    const pipeline = new Pipeline({
      server: rest,
      clock,
      siteUrl: () => config.siteUrl,
      bodyLimit: config.bodyLimit,
      onError: (error, stage) => log.error('Request failed', { stage, error: (error as Error)?.message ?? String(error) }),
    });
    const services: SiteContext['site'] = {
      reset: () => self!.reset(),
      introspect: (token, vendor) => self!.introspect(token, vendor),
      vendors: () => modules.filter((m) => plugins.get(m.id)?.introspect).map((m) => m.id),
    };
    const ctx: SiteContext = { config, clock, store, users, applicationPasswords, secrets, mailer, log, rest, verifiedSecrets, pipeline, site: services };

    const plugins = new Map<string, NamespacePlugin>();
    const pluginRegistry = (ctx.pluginRegistry = registerPlugins(store, rest, modules, (module) => plugins.set(module.id, module.register(ctx) ?? {})));
    for (const module of modules) describeNamespace(rest, module.namespace, module.openapi, config.settings);

    let firstRun: Site['firstRun'] = null;
    let fixturesSkipped = false;
    const baseline = store.collection<Record<string, unknown>>(BASELINE);
    if (!baseline.has('collections')) {
      if (fixtures) {
        await loadFixtures(fixtures, modules, ctx);
      } else if (users.count === 0) {
        const admin = users.createWithHash({ login: 'admin', email: 'admin@example.com', role: 'administrator', displayName: 'admin' }, null);
        const { password } = applicationPasswords.create(admin.id, { name: 'wp-token-emulator' });
        firstRun = { login: admin.login, password, userId: admin.id };
      }
      pluginRegistry.startWith(String(config.settings.ACTIVE_PLUGINS ?? 'all'));
      // `put` keeps its own copy: the records need not be copied before.
      const collections = store.exportRecords().collections;
      for (const name of VOLATILE_COLLECTIONS) delete collections[name];
      baseline.put('collections', collections);
      await store.commit();
    } else {
      fixturesSkipped = fixtures !== null;
    }
    pluginRegistry.apply();

    const core = settingsOf(config, coreSettings);
    const throttle = new LoginThrottle(clock, {
      enabled: core.AUTH_THROTTLE,
      maxPerIp: core.AUTH_THROTTLE_MAX_PER_IP,
      maxPerUser: core.AUTH_THROTTLE_MAX_PER_USER,
      windowSeconds: core.AUTH_THROTTLE_WINDOW,
      accountOf: (typed) => users.byLoginOrEmail(typed)?.login,
    });

    // Who is asking: each authenticator in turn (docs/architecture.md, "Adding an authenticator").
    pipeline.authenticate.use(
      applicationPasswordAuthenticator({
        users,
        applicationPasswords,
        throttle,
        // At most once a day per password; flushed in the background (a lost last_used is harmless).
        onSuccess: (req, _user, item) => {
          if (applicationPasswords.recordUsage(item, req.ip === '' ? null : req.ip)) store.commit().catch(() => undefined);
        },
      }),
    );
    // WordPress's login cookie with its X-WP-Nonce (core/auth/cookie.ts; the screens in plugin/admin/).
    const cookies = new AuthCookies({ store, users, secrets, clock, siteUrl: config.siteUrl });
    pipeline.authenticate.use(cookieAuthenticator(cookies));
    // One line per request (method, redacted path, status, duration); headers and bodies never.
    pipeline.use(requestLogStage(log));
    const handles: Partial<ExtensionHandles> = {};
    for (const plugin of plugins.values()) Object.assign(handles, plugin.handles);

    const site: Site = {
      ...ctx,
      modules,
      plugins,
      throttle,
      firstRun,
      fixturesSkipped,
      pipeline,
      cookies,
      handles,
      introspect(token, vendor) {
        for (const module of modules) {
          if (vendor !== undefined && module.id !== vendor) continue;
          const answer = plugins.get(module.id)?.introspect?.(token);
          if (answer) return answer;
        }
        return { active: false, vendor: vendor ?? 'unknown' };
      },
      async reset() {
        const saved = baseline.get('collections') ?? {};
        store.replaceAll({ ...(saved as Record<string, Record<string, unknown>>), [BASELINE]: { collections: saved } });
        verifiedSecrets.clear();
        throttle.clear();
        mailer.clear();
        for (const plugin of plugins.values()) plugin.reset?.();
        pluginRegistry.apply();
        // The clock goes back to how the site started: frozen at its start time, or the machine's time.
        if (initialClock.mode === 'frozen') clock.set(initialClock.now);
        else clock.real();
        await store.commit();
      },
      endWaits() {
        for (const plugin of plugins.values()) plugin.close?.();
      },
      close: () => {
        // Timers (fault latencies) must not outlive the site.
        site.endWaits();
        return store.close();
      },
    };
    self = site;
    return site;
  } catch (e) {
    // A first run that failed half-way leaves nothing behind; an existing store is closed untouched.
    await store.discard().catch(() => undefined);
    throw e;
  }
}
