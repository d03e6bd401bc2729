import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Dotenv from 'dotenv';
import { validateValue, type Schema } from './validation';

/** How one setting is read: its type, its default and what it is for (the text in .env.example). */
export type SettingSpec =
  | { type: 'string'; default?: string; doc: string; pattern?: RegExp; patternHint?: string }
  | { type: 'integer'; default?: number; doc: string; min?: number; max?: number }
  | { type: 'boolean'; default?: boolean; doc: string }
  | { type: 'enum'; default?: string; doc: string; values: readonly string[] }
  | { type: 'url'; default?: string; doc: string };

export type SettingsSpec = Record<string, SettingSpec>;
export type SettingValue = string | number | boolean | undefined;

/** The type of one setting's value, from its spec: an enum's values, a number, a boolean or a string. */
export type SettingType<S extends SettingSpec> = S extends { type: 'integer' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;

/** Settings by name, typed from their spec: a setting declared with a default always has a value. */
export type SettingValues<S extends SettingsSpec> = {
  readonly [K in keyof S]: S[K] extends { default: unknown } ? SettingType<S[K]> : SettingType<S[K]> | undefined;
};

/**
 * The values of `spec`'s settings, typed from it (read once at start by buildConfig, each parsed and
 * checked against its spec there, so the type is what the value is).
 */
export function settingsOf<S extends SettingsSpec>(config: Pick<Config, 'settings'>, spec: S): SettingValues<S> {
  for (const name of Object.keys(spec)) if (!(name in config.settings)) throw new ConfigError(name, 'was not read at start (is its module listed?)');
  return config.settings as SettingValues<S>;
}

/** A setting has a value it cannot take; the message names the setting. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`Invalid setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** The core's settings. Each namespace module adds its own (see NamespaceModule.settings). */
export const coreSettings = {
  PORT: { type: 'integer', default: 8080, min: 0, max: 65535, doc: 'TCP port to listen on (0 picks a free one).' },
  HOST: { type: 'string', default: '127.0.0.1', doc: 'Address to listen on. Keep 127.0.0.1 unless other machines must reach it.' },
  SITE_URL: { type: 'url', doc: 'Public base URL of the site, used in links and Location headers. Default: http://HOST:PORT.' },
  SITE_NAME: { type: 'string', default: 'wp-token-emulator', doc: 'Site title shown in the discovery index and on the home page.' },
  SITE_DESCRIPTION: { type: 'string', default: 'A WordPress-style emulator of vendor access-token APIs', doc: 'Site tagline in the discovery index.' },
  DB_FILE: { type: 'string', default: './data/db.json', doc: 'The JSON store. ":memory:" keeps everything in memory (lost on exit).' },
  FIXTURES: { type: 'string', default: '', doc: 'JSON fixtures file loaded into an empty store on first start (users, application passwords, vendor data). See docs/fixtures.md.' },
  LOG_LEVEL: { type: 'enum', default: 'info', values: ['silent', 'error', 'warn', 'info', 'debug'], doc: 'silent, error, warn, info (one line per request) or debug.' },
  LOG_FORMAT: { type: 'enum', default: 'text', values: ['text', 'json'], doc: 'text or json (one JSON object per line).' },
  BCRYPT_COST: { type: 'integer', default: 10, min: 4, max: 15, doc: 'bcrypt cost for login passwords and vendor secrets (each step doubles the time; 10 is ~100 ms).' },
  BODY_LIMIT: { type: 'integer', default: 1_048_576, min: 1024, max: 104_857_600, doc: 'Largest request body in bytes; larger bodies get 413 rest_request_too_large.' },
  AUTH_THROTTLE: { type: 'boolean', default: true, doc: 'Brute-force protection for application-password logins: on or off.' },
  AUTH_THROTTLE_MAX_PER_IP: { type: 'integer', default: 20, min: 1, max: 1_000_000, doc: 'Failed logins from one address within the window before its login attempts get 429.' },
  AUTH_THROTTLE_MAX_PER_USER: { type: 'integer', default: 100, min: 1, max: 1_000_000, doc: 'Failed logins naming one user within the window before attempts for it get 429 (except from addresses it logged in from in the last day).' },
  AUTH_THROTTLE_WINDOW: { type: 'integer', default: 300, min: 1, max: 86_400, doc: 'Length of the brute-force window, in seconds.' },
  CLOCK_START: { type: 'string', default: '', doc: 'Start with the clock frozen at this ISO 8601 time (empty: the machine clock).' },
} as const satisfies SettingsSpec;

function parseOne(name: string, spec: SettingSpec, raw: string): SettingValue {
  const value = raw.trim();
  switch (spec.type) {
    case 'string':
      if (spec.pattern && value !== '' && !spec.pattern.test(value)) throw new ConfigError(name, `"${raw}" is not ${spec.patternHint ?? `of the form ${spec.pattern}`}`);
      return value;
    case 'integer': {
      if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `"${raw}" is not a whole number`);
      const n = Number(value);
      const error = validateValue(n, { type: 'integer', minimum: spec.min, maximum: spec.max } satisfies Schema, name, true);
      if (error) throw new ConfigError(name, spec.min !== undefined && n < spec.min ? `${n} is below the minimum ${spec.min}` : `${n} is above the maximum ${spec.max}`);
      return n;
    }
    case 'boolean':
      if (/^(1|true|yes|on)$/i.test(value)) return true;
      if (/^(0|false|no|off)$/i.test(value)) return false;
      throw new ConfigError(name, `"${raw}" is not a boolean (use true/false, on/off, 1/0)`);
    case 'enum':
      if (validateValue(value, { type: 'string', enum: spec.values } satisfies Schema, name, true)) throw new ConfigError(name, `"${raw}" is not one of ${spec.values.join(', ')}`);
      return value;
    case 'url': {
      if (value === '') return undefined;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        throw new ConfigError(name, `"${raw}" is not an absolute URL`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `"${raw}" must start with http:// or https://`);
      return value.replace(/\/+$/, '');
    }
  }
}

/** Reads every setting in `spec` from `source` (strings, as in the environment) or the given overrides. */
export function readSettings(spec: SettingsSpec, source: Record<string, string | undefined>, overrides: Record<string, SettingValue> = {}): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const name in spec) {
    const setting = spec[name]!;
    const override = overrides[name];
    if (override !== undefined) out[name] = parseOne(name, setting, String(override));
    else if (source[name] !== undefined && source[name] !== '') out[name] = parseOne(name, setting, source[name]!);
    else out[name] = setting.default;
  }
  for (const name of Object.keys(overrides)) {
    if (!(name in spec)) throw new ConfigError(name, 'no such setting');
  }
  return out;
}

/** The environment merged over an optional `.env` file in the working directory (the environment wins). */
export function environmentWithDotenv(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const file = path.join(cwd, '.env');
  let fromFile: Record<string, string> = {};
  // dotenv is loaded only when there is a .env to read (~4 ms of a cold start otherwise).
  if (fs.existsSync(file)) fromFile = (require('dotenv') as typeof Dotenv).parse(fs.readFileSync(file));
  return { ...fromFile, ...env };
}

/** The configuration, read once at start. Core settings have typed fields; every setting is in `settings`. */
export interface Config {
  port: number;
  host: string;
  /** Base URL without a trailing slash. */
  siteUrl: string;
  siteName: string;
  siteDescription: string;
  /** Absolute path of the store file, or null for memory. */
  dbFile: string | null;
  fixtures: string | null;
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  logFormat: 'text' | 'json';
  bcryptCost: number;
  bodyLimit: number;
  clockStart: string | null;
  /** Every setting by name, core and namespaces alike. */
  settings: Readonly<Record<string, SettingValue>>;
}

/** Each spec with the core's settings in front, made once per spec (a site is made per test in many suites). */
const withCore = new WeakMap<SettingsSpec, SettingsSpec>();

export function buildConfig(spec: SettingsSpec, source: Record<string, string | undefined>, overrides: Record<string, SettingValue> = {}, cwd = process.cwd()): Config {
  let full = withCore.get(spec);
  if (full === undefined) withCore.set(spec, (full = { ...coreSettings, ...spec }));
  const all = readSettings(full, source, overrides);
  const s = settingsOf({ settings: all }, coreSettings);
  const host = s.HOST;
  const port = s.PORT;
  const dbFile = s.DB_FILE;
  const clockStart = s.CLOCK_START || null;
  if (clockStart && !Number.isFinite(Date.parse(clockStart))) throw new ConfigError('CLOCK_START', `"${clockStart}" is not an ISO 8601 time`);
  if (host === '') throw new ConfigError('HOST', 'must not be empty');
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    port,
    host,
    siteUrl: s.SITE_URL ?? `http://${urlHost}:${port}`,
    siteName: s.SITE_NAME,
    siteDescription: s.SITE_DESCRIPTION,
    dbFile: dbFile === '' || dbFile === ':memory:' ? null : path.resolve(cwd, dbFile),
    fixtures: s.FIXTURES ? path.resolve(cwd, s.FIXTURES) : null,
    logLevel: s.LOG_LEVEL,
    logFormat: s.LOG_FORMAT,
    bcryptCost: s.BCRYPT_COST,
    bodyLimit: s.BODY_LIMIT,
    clockStart,
    settings: Object.freeze(all),
  };
}
