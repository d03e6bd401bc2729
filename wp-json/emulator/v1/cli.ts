import { CliError, checkOptions, flag, formatItems, parseArgs, printValue, selectFields, stringOption, type CliIO, type ParsedArgs, type StandaloneCommand } from '../../../core/cli';
import { ConfigError, buildConfig } from '../../../core/config';
import { EMULATOR_NAMESPACE } from './namespace';

/**
 * `wp-token-emulator reset|clock|outbox|journal`: the test-control API of a RUNNING server, over HTTP
 * (/wp-json/emulator/v1/). Base URL from --url, EMULATOR_URL, SITE_URL or http://HOST:PORT; an
 * administrator's application password from --user/--password or EMULATOR_USER/EMULATOR_PASSWORD.
 * The password is never printed, not even in errors.
 */

const CONNECTION_OPTIONS = ['url', 'user', 'password'];
const TIMEOUT_MS = 30_000;

export interface ControlTarget {
  /** Base URL without credentials or trailing slash (safe to print). */
  url: string;
  user: string;
  password: string;
}

/** Where the base URL came from, to name it in errors. */
function urlSource(args: ParsedArgs, env: Record<string, string | undefined>): string {
  if (stringOption(args, 'url') !== undefined) return '--url';
  return env.EMULATOR_URL ? 'EMULATOR_URL' : env.SITE_URL ? 'SITE_URL' : 'HOST/PORT';
}

/** The URL the site would advertise (SITE_URL, else http://HOST:PORT), by the server's own config rules. */
function siteUrlOf(env: Record<string, string | undefined>): string {
  try {
    return buildConfig({}, env).siteUrl;
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(`${e.message} (needed for the emulator's address: set --url or EMULATOR_URL instead).`);
    throw e;
  }
}

function hasControlCharacter(text: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(text);
}

/**
 * Where and as whom: flags first, then settings (environment and .env). EMULATOR_URL, EMULATOR_USER and
 * EMULATOR_PASSWORD are read only here (the server never reads them), so they are checked here, naming
 * the flag or setting at fault and never printing a password.
 */
export function resolveTarget(args: ParsedArgs, env: Record<string, string | undefined>): ControlTarget {
  const source = urlSource(args, env);
  const raw = (stringOption(args, 'url') ?? (env.EMULATOR_URL || siteUrlOf(env))).trim();
  const shown = raw.replace(/\/\/[^@/]*@/, '//');
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new CliError(`${source}: the base URL "${shown}" is not an absolute http(s) URL such as http://127.0.0.1:8080 (set --url or EMULATOR_URL).`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError(`${source}: the base URL must start with http:// or https:// (got ${parsed.protocol.replace(/[^\w+.-]/g, '')}:) (set --url or EMULATOR_URL).`);
  }
  if (parsed.search || parsed.hash) throw new CliError(`${source}: the base URL "${shown.split(/[?#]/)[0]}" must not carry a query or fragment.`);
  const fromUrl = { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
  parsed.username = '';
  parsed.password = '';
  const url = parsed.toString().replace(/\/+$/, '');
  const flagUser = stringOption(args, 'user');
  const flagPassword = stringOption(args, 'password');
  const user = flagUser ?? (env.EMULATOR_USER || fromUrl.user);
  const password = flagPassword ?? (env.EMULATOR_PASSWORD || fromUrl.password);
  if (!user || !password) {
    throw new CliError('No credentials: pass --user=<login> and --password=<application password>, or set EMULATOR_USER and EMULATOR_PASSWORD (an administrator\'s application password).');
  }
  const userSource = flagUser !== undefined ? '--user' : env.EMULATOR_USER ? 'EMULATOR_USER' : 'the user in the URL';
  const passwordSource = flagPassword !== undefined ? '--password' : env.EMULATOR_PASSWORD ? 'EMULATOR_PASSWORD' : 'the password in the URL';
  if (user.includes(':') || hasControlCharacter(user)) throw new CliError(`${userSource}: a login cannot contain ":" or control characters.`);
  if (hasControlCharacter(password)) throw new CliError(`${passwordSource}: an application password cannot contain line breaks or control characters (it is not printed).`);
  return { url, user, password };
}

function describeNetworkError(e: unknown, url: string): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `The emulator at ${url} did not answer within ${TIMEOUT_MS / 1000} seconds.`;
  const code = err.cause?.code;
  const why =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'host not found'
        : code === 'ECONNRESET'
          ? 'connection reset'
          : (code ?? err.cause?.message ?? err.message ?? 'network error');
  return `Cannot reach the emulator at ${url} (${why}). Is the server running (npm start)? Set --url=<base URL> or EMULATOR_URL.`;
}

/** One call to emulator/v1; the answer's JSON on 2xx, a CliError with a clear message otherwise. */
export async function callControl(target: ControlTarget, method: string, path: string, body?: Record<string, unknown>): Promise<unknown> {
  const endpoint = `${target.url}/wp-json/${EMULATOR_NAMESPACE}${path}`;
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method,
      headers: {
        Authorization: 'Basic ' + Buffer.from(`${target.user}:${target.password}`).toString('base64'),
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    throw new CliError(describeNetworkError(e, target.url));
  }
  const text = await res.text().catch(() => '');
  let data: unknown;
  try {
    data = text === '' ? null : JSON.parse(text);
  } catch {
    throw new CliError(`Unexpected answer from ${target.url} (HTTP ${res.status}, not JSON): is this a wp-token-emulator?`);
  }
  if (res.ok) return data;
  const error = (data ?? {}) as { code?: string; message?: string; data?: { params?: Record<string, string> } };
  if (res.status === 401) {
    throw new CliError(`The server did not accept the credentials of "${target.user}" (401 ${error.code ?? ''}). Use an administrator's application password (--user/--password or EMULATOR_USER/EMULATOR_PASSWORD).`.replace(' )', ')'));
  }
  if (res.status === 403) throw new CliError(`User "${target.user}" may not use the test control API (403 ${error.code ?? ''}): it needs the manage_options capability (an administrator).`);
  if (res.status === 404 && error.code === 'rest_no_route') {
    throw new CliError(`The test control API is not available at ${target.url}/wp-json/${EMULATOR_NAMESPACE}/ (is EMULATOR_API off on that server?).`);
  }
  const params = error.data?.params ? ' ' + Object.values(error.data.params).join(' ') : '';
  throw new CliError(`${error.message ?? `HTTP ${res.status}`}${params} (${res.status}${error.code ? ` ${error.code}` : ''})`);
}

interface ClockAnswer {
  now: string;
  timestamp: number;
  mode: string;
  offsetMs: number;
}

function printClock(io: CliIO, args: ParsedArgs, clock: ClockAnswer): void {
  if (!printValue(io, stringOption(args, 'format'), { ...clock })) io.out(`${clock.now} (${clock.mode}${clock.mode === 'offset' ? `, ${clock.offsetMs >= 0 ? '+' : ''}${clock.offsetMs / 1000} s` : ''})`);
}

function words(args: ParsedArgs): string[] {
  return args.positional;
}

function usageError(synopsis: string): CliError {
  return new CliError(`usage: wp-token-emulator ${synopsis}`);
}

const resetCommand: StandaloneCommand = {
  synopsis: 'reset [--url=<url>] [--user=<login>] [--password=<app password>]',
  description: 'Reset a running server to its fixtures (store, clock, outbox, faults).',
  async run(argv, io, env) {
    const args = parseArgs(argv);
    checkOptions(args, [...CONNECTION_OPTIONS, 'format', 'yes']); // --yes: confirmed (plugin/cli.ts asks)
    if (words(args).length > 0) throw usageError(this.synopsis);
    const target = resolveTarget(args, env);
    const answer = (await callControl(target, 'POST', '/reset')) as { clock: ClockAnswer };
    if (!printValue(io, stringOption(args, 'format'), answer)) io.out(`Success: ${target.url} is back to its fixtures. Clock: ${answer.clock.now} (${answer.clock.mode}).`);
    return 0;
  },
};

const clockCommand: StandaloneCommand = {
  synopsis: 'clock [advance <seconds> | set <ISO time> | real] [--format=json] [--url=<url>] [--user=<login>] [--password=<app password>]',
  description: 'Show or move the clock of a running server.',
  async run(argv, io, env) {
    const args = parseArgs(argv);
    checkOptions(args, [...CONNECTION_OPTIONS, 'format']);
    const [action, value, ...extra] = words(args);
    if (extra.length > 0) throw usageError(this.synopsis);
    let body: Record<string, unknown> | undefined;
    if (action === undefined || action === 'show') {
      if (value !== undefined) throw usageError(this.synopsis);
    } else if (action === 'advance') {
      if (value === undefined || !/^[+-]?\d+(\.\d+)?$/.test(value)) throw new CliError('clock advance takes a number of seconds: wp-token-emulator clock advance 901');
      body = { advance: Number(value) };
    } else if (action === 'set') {
      if (value === undefined) throw new CliError('clock set takes an ISO 8601 time: wp-token-emulator clock set 2030-01-01T00:00:00Z');
      body = { set: value };
    } else if (action === 'real') {
      if (value !== undefined) throw usageError(this.synopsis);
      body = { real: true };
    } else throw usageError(this.synopsis);
    const target = resolveTarget(args, env);
    const clock = (await callControl(target, body ? 'POST' : 'GET', '/clock', body)) as ClockAnswer;
    printClock(io, args, clock);
    return 0;
  },
};

const OUTBOX_FIELDS = ['id', 'sentAt', 'to', 'subject', 'from', 'delivery', 'text'];

const outboxCommand: StandaloneCommand = {
  synopsis: 'outbox [list [--to=<email>] [--format=<format>] [--fields=<fields>] | clear [--to=<email>]] [--url=<url>] [--user=<login>] [--password=<app password>]',
  description: 'List or empty the mail outbox of a running server.',
  async run(argv, io, env) {
    const args = parseArgs(argv);
    checkOptions(args, [...CONNECTION_OPTIONS, 'to', 'format', 'fields', 'field']);
    const [action = 'list', ...extra] = words(args);
    if (extra.length > 0 || !['list', 'clear'].includes(action)) throw usageError(this.synopsis);
    const to = stringOption(args, 'to');
    const query = to ? `?to=${encodeURIComponent(to)}` : '';
    if (action === 'clear') {
      const target = resolveTarget(args, env);
      const { deleted } = (await callControl(target, 'DELETE', `/outbox${query}`)) as { deleted: number };
      io.out(`Success: Deleted ${deleted} message${deleted === 1 ? '' : 's'}.`);
      return 0;
    }
    const format = stringOption(args, 'format') ?? 'table';
    const fields = selectFields(args, OUTBOX_FIELDS, ['sentAt', 'to', 'subject', 'from']);
    const target = resolveTarget(args, env);
    const messages = (await callControl(target, 'GET', `/outbox${query}`)) as Record<string, unknown>[];
    formatItems(io, format, messages, fields);
    return 0;
  },
};

const JOURNAL_FIELDS = ['id', 'time', 'method', 'path', 'route', 'namespace', 'status', 'durationMs', 'user', 'auth', 'fault', 'request', 'response'];

const journalCommand: StandaloneCommand = {
  synopsis:
    'journal [list [--namespace=<ns>] [--path=<glob>] [--status=<status>] [--method=<method>] [--limit=<n>] [--format=<format>] [--fields=<fields>] | export --har [<filters>] | clear] [--url=<url>] [--user=<login>] [--password=<app password>]',
  description: 'List, export (HAR 1.2) or empty the request journal of a running server (secrets redacted).',
  async run(argv, io, env) {
    const args = parseArgs(argv);
    const filters = ['namespace', 'path', 'status', 'method', 'limit'];
    checkOptions(args, [...CONNECTION_OPTIONS, ...filters, 'format', 'fields', 'field', 'har']);
    const [action = 'list', ...extra] = words(args);
    if (extra.length > 0 || !['list', 'clear', 'export'].includes(action)) throw usageError(this.synopsis);
    if (action === 'clear') {
      const target = resolveTarget(args, env);
      const { deleted } = (await callControl(target, 'DELETE', '/journal')) as { deleted: number };
      io.out(`Success: Deleted ${deleted} journal entr${deleted === 1 ? 'y' : 'ies'}.`);
      return 0;
    }
    const params = new URLSearchParams();
    for (const name of filters) {
      const value = stringOption(args, name);
      if (value !== undefined) params.set(name, value);
    }
    if (action === 'export') {
      // HAR 1.2 on standard output (`> journal.har`): what Chrome DevTools' Network panel imports.
      if (!flag(args, 'har')) throw new CliError('journal export writes HAR 1.2: add --har.');
      const query = params.toString();
      io.out(JSON.stringify(await callControl(resolveTarget(args, env), 'GET', `/journal/har${query ? `?${query}` : ''}`), null, 2));
      return 0;
    }
    const format = stringOption(args, 'format') ?? 'table';
    const fields = selectFields(args, JOURNAL_FIELDS, ['id', 'time', 'method', 'path', 'status', 'durationMs', 'user']);
    const target = resolveTarget(args, env);
    const query = params.toString();
    const entries = (await callControl(target, 'GET', `/journal${query ? `?${query}` : ''}`)) as Record<string, unknown>[];
    formatItems(io, format, entries, fields);
    return 0;
  },
};

/** The commands by name, registered through the module's `commands` (tests run them with their own IO). */
export const controlCommands: Record<string, StandaloneCommand> = {
  reset: resetCommand,
  clock: clockCommand,
  outbox: outboxCommand,
  journal: journalCommand,
};
