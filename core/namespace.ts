import type { ApplicationPasswords } from './auth/application-passwords';
import type { VerifiedSecrets } from './auth/credential-cache';
import type { Users } from './auth/users';
import type { NamespaceOpenApiSource } from './openapi/types';
import type { Clock } from './clock';
import { settingsOf, type Config, type SettingsSpec, type SettingValues } from './config';
import type { Schema } from './validation';
import type { Logger } from './log';
import type { Mailer } from './mail';
import type { RestServer } from './rest/server';
import type { SiteSecrets } from './secrets';
import type { Store } from './store';
import type { CliGroup, StandaloneCommand } from './cli';
import type { PipelineRegistry } from './pipeline/pipeline';
import type { PluginRegistry } from './plugins';

/** Everything a namespace module may use. Namespaces never import each other; they share only this. */
export interface SiteContext {
  config: Config;
  clock: Clock;
  store: Store;
  users: Users;
  applicationPasswords: ApplicationPasswords;
  secrets: SiteSecrets;
  mailer: Mailer;
  log: Logger;
  rest: RestServer;
  /** bcrypt hashing of vendor secrets, with a cache of credentials that verified (see VerifiedSecrets). */
  verifiedSecrets: VerifiedSecrets;
  /** The request pipeline: where an extension adds stage hooks and authenticators (docs/architecture.md). */
  pipeline: PipelineRegistry;
  /** The site as a whole, for extensions that act on it (test control). */
  site: SiteServices;
  /** The site's plugins (every namespace module but wp/v2): list, activate, deactivate. Set once every module is registered. */
  pluginRegistry?: PluginRegistry;
}

/** What the site offers every module about itself. */
export interface SiteServices {
  /** Back to the fixtures (or first-run state): store, outbox, caches (each module's `reset`), clock. */
  reset(): Promise<void>;
  /** Asks every namespace about a token; `vendor` narrows the search. */
  introspect(token: string, vendor?: string): TokenIntrospection;
  /** Ids of the modules that can introspect tokens. */
  vendors(): string[];
}

/**
 * In-process handles that modules add to createApp()'s result (`emu.journal`, ...). Each module
 * declares its own by interface merging (`declare module '.../core/namespace'`) and returns them as
 * `handles` from `register`.
 */
export interface ExtensionHandles {}

/** RFC 7662-style answer about a token. `vendor` is the module id. */
export interface TokenIntrospection {
  active: boolean;
  vendor: string;
  /** Whom the token belongs to (user login, account code, reseller uid, e-mail...). */
  sub?: string;
  /** Expiry, Unix seconds (absent: does not expire). */
  exp?: number;
  /** Issue time, Unix seconds. */
  iat?: number;
  scope?: string;
  [extra: string]: unknown;
}

/** A problem in a fixtures file: `path` is where (`availo.accounts[2].Password`). */
export interface FixtureProblem {
  path: string;
  message: string;
}

/** What a namespace gives back once registered: hooks that need its in-memory state. */
export interface NamespacePlugin {
  /** About a token this namespace issued: null when the token is not one of this namespace's. */
  introspect?(token: string): TokenIntrospection | null;
  /** Drop in-memory state (caches, rate-limit windows) after the store was reset to its baseline. */
  reset?(): void;
  /** The site is closing: end timers and waits. */
  close?(): void;
  /** What createApp() exposes of this module in process (see ExtensionHandles). */
  handles?: Partial<ExtensionHandles>;
  /** wp-admin screens this module adds (add_menu_page): `wp-admin/admin.php?page=<slug>`, in the admin menu. */
  adminScreens?: readonly AdminScreen[];
}

/** A wp-admin screen of a module: the host site serves it to logged-in users with `capability`, in wp-admin's frame. */
export interface AdminScreen {
  slug: string;
  menuTitle: string;
  capability: string;
  /** The screen's content; `restNonce` is the user's `wp_rest` nonce for calls to `restRoot` (`<site>/wp-json/`). */
  render(page: { restRoot: string; restNonce: string }): { title: string; body: string; script?: string };
}

/**
 * A vendor namespace: one folder under wp-json/, listed once in wp-json/index.ts.
 * `register` adds its routes to ctx.rest (and may return hooks); everything else is optional.
 */
export interface NamespaceModule {
  /** Short id: settings prefix, fixtures section, introspection `vendor`, command-line group. */
  id: string;
  /** What the routes cannot say for its OpenAPI document: token schemes, response schemas, examples (core/openapi). */
  openapi?: NamespaceOpenApiSource;
  /** REST namespace, e.g. `availo/v1`. */
  namespace: string;
  /** Settings this namespace reads (documented in .env.example or its folder's README.md); read once at start with the core's. */
  settings?: SettingsSpec;
  /**
   * How the namespace's own error bodies look (Availo's `{Data, status, message}`, JSON:API's
   * `{data: {type: 'errors'}}`...); absent: WordPress's `{code, message, data: {status}}` only.
   * Every namespace may also answer in WordPress's envelope (rest_forbidden, 429). The fuzz test
   * checks every error body the namespace sends against this.
   */
  errorEnvelope?: ErrorEnvelope;
  register(ctx: SiteContext): NamespacePlugin | void;
  /** The namespace's section of the fixtures file (`<id>` at the top level). */
  fixtures?: FixturesSection;
  /** Command-line commands: `wp-token-emulator <id> ...`. */
  cli?: CliGroup | readonly CliGroup[];
  /** Top-level commands needing no store (`wp-token-emulator <name> ...`; test control's reset, clock, ...). */
  commands?: Record<string, StandaloneCommand>;
}

/** A namespace's section of the fixtures file, checked before anything is stored. */
export interface FixturesSection {
  /** The section's shape, checked by the one validation mechanism (core/validation.ts): every problem, with its path. */
  schema?: Schema;
  /** Rules a schema cannot say (duplicates across records); paths start with `prefix`. */
  validate?(section: unknown, prefix: string): FixtureProblem[];
  load(section: unknown, ctx: SiteContext): void | Promise<void>;
}

/** A namespace's error envelope, declared once in its module. */
export interface ErrorEnvelope {
  /** What it looks like, for people (`{"Data": null, "status": false, "message": "..."}`). */
  example: string;
  /** Whether a response body is an error in this envelope. */
  isError(body: unknown): boolean;
}

/** What a namespace's register, fixtures loader and commands get: the site, and its own settings typed from their spec. */
export interface NamespaceContext<S extends SettingsSpec> extends SiteContext {
  settings: SettingValues<S>;
}

/** A namespace module as written: like NamespaceModule, with `register` given its settings typed. */
export interface NamespaceDefinition<S extends SettingsSpec> extends Omit<NamespaceModule, 'settings' | 'register'> {
  /** Settings this namespace reads, each with its type and default (declared once: `ctx.settings.X` is typed from here). */
  settings?: S;
  register(ctx: NamespaceContext<S>): NamespacePlugin | void;
}

/**
 * Declares a namespace module: its settings' types are inferred from their spec, so `register` reads
 * `ctx.settings.ACME_PROFILE` as `'docs' | 'live'` with no cast and no repeated default.
 */
export function defineNamespace<const S extends SettingsSpec = Record<never, never>>(definition: NamespaceDefinition<S>): NamespaceModule {
  const { register, settings, ...rest } = definition;
  return {
    ...rest,
    ...(settings ? { settings } : {}),
    register: (ctx) => register({ ...ctx, settings: settingsOf(ctx.config, settings ?? ({} as S)) }),
  };
}

/** A namespace's own settings, typed, where only the SiteContext is at hand (command-line commands, fixtures loaders). */
export function namespaceSettings<S extends SettingsSpec>(ctx: SiteContext, spec: S): SettingValues<S> {
  return settingsOf(ctx.config, spec);
}
