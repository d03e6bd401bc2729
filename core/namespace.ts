import type { ApplicationPasswords } from './auth/application-passwords';
import type { VerifiedSecrets } from './auth/credential-cache';
import type { Users } from './auth/users';
import type { NamespaceOpenApiSource } from './openapi/types';
import type { Clock } from './clock';
import type { Config, SettingsSpec } from './config';
import type { Logger } from './log';
import type { Mailer } from './mail';
import type { RestServer } from './rest/server';
import type { SiteSecrets } from './secrets';
import type { Store } from './store';
import type { CliGroup } from './cli';
import type { SiteControl } from './control';

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
  /** The test-control plane (journal, faults, gated reset, introspection): used by the emulator/v1 namespace. */
  control?: SiteControl;
}

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
}

/**
 * A vendor namespace: one folder under wp-json/, listed once in plugin/namespaces.ts.
 * `register` adds its routes to ctx.rest (and may return hooks); everything else is optional.
 */
export interface NamespaceModule {
  /** Short id: settings prefix, fixtures section, introspection `vendor`, command-line group. */
  id: string;
  /** What the routes cannot say for its OpenAPI document: token schemes, response schemas, examples (core/openapi). */
  openapi?: NamespaceOpenApiSource;
  /** REST namespace, e.g. `availo/v1`. */
  namespace: string;
  /** Settings this namespace reads (documented in .env.example); read once at start with the core's. */
  settings?: SettingsSpec;
  register(ctx: SiteContext): NamespacePlugin | void;
  /** The namespace's section of the fixtures file. */
  fixtures?: {
    /** Every problem in the section; paths start with `prefix`. */
    validate(section: unknown, prefix: string): FixtureProblem[];
    load(section: unknown, ctx: SiteContext): void | Promise<void>;
  };
  /** Command-line commands: `wp-token-emulator <id> ...`. */
  cli?: CliGroup;
}
