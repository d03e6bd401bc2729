import type { Config } from './config';
import type { StageHooks } from './pipeline/stages';
import { blankMarked, redactUrl } from './redact';

const LEVELS = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  level: LogLevel;
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  enabled(level: LogLevel): boolean;
}

/**
 * One line per event to `sink` (stderr by default). Callers pass only what is safe to print: the
 * request logger hands over method, redacted path, status and duration, never headers or bodies.
 */
export function createLogger(level: LogLevel, format: Config['logFormat'] = 'text', sink: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const write = (at: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVELS[at] > LEVELS[level] || level === 'silent') return;
    if (format === 'json') {
      sink(JSON.stringify({ time: new Date().toISOString(), level: at, msg: message, ...fields }));
    } else {
      const extra = fields && Object.keys(fields).length ? ' ' + Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ') : '';
      sink(`${new Date().toISOString()} ${at.toUpperCase()} ${message}${extra}`);
    }
  };
  return {
    level,
    error: (m, f) => write('error', m, f),
    warn: (m, f) => write('warn', m, f),
    info: (m, f) => write('info', m, f),
    debug: (m, f) => write('debug', m, f),
    enabled: (at) => level !== 'silent' && LEVELS[at] <= LEVELS[level],
  };
}

/**
 * The request log as an after-response stage: one info line per request, `METHOD path status
 * duration`, the path's secret query values and marked secrets blanked. Nothing when info is off.
 */
export function requestLogStage(log: Logger): StageHooks {
  return {
    name: 'request log',
    afterResponse(ctx) {
      if (!log.enabled('info')) return;
      const ms = ctx.durationMs ?? Math.round((performance.now() - ctx.started) * 10) / 10;
      log.info(`${ctx.method} ${blankMarked(redactUrl(ctx.url), ctx.secrets)} ${ctx.res.statusCode} ${ms.toFixed(1)}ms`);
    },
  };
}
