import { MAX_GLOB_LENGTH, type PathMatcher } from '../../../../core/glob';
import { checkArgs, paramProblems, type Args } from '../../../../core/validation';
import { PathPatternError, compilePathPattern } from '../path-pattern';
import type { Fault } from './faults';

/**
 * What a fault spec may hold, declared once as WordPress arg schemas: `POST /faults` declares these
 * args (the core checks them before the handler) and `emu.faults.add()` checks the same object with
 * the same declaration through `checkArgs`, so both say the same thing about the same mistake.
 * What no per-field schema can say (path or pathRegex, a status or a latency) follows in checkFault.
 */

/** A fault spec is invalid; `param` names the field. */
export class FaultError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'FaultError';
  }
}

export const MAX_LATENCY_MS = 60_000;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headersProblem(value: unknown): true | string {
  if (value === null || typeof value !== 'object') return true;
  for (const [name, text] of Object.entries(value)) {
    if (!HEADER_NAME.test(name) || typeof text !== 'string' || /[\r\n]/.test(text)) return `headers.${name} must be a valid header name with a single-line string value.`;
    if (/^(content-length|transfer-encoding|connection)$/i.test(name)) return `headers.${name} is set by the server.`;
  }
  return true;
}

function regexProblem(value: unknown): true | string {
  try {
    compilePathPattern({ pathRegex: String(value) });
    return true;
  } catch (e) {
    if (e instanceof PathPatternError) return e.message;
    throw e;
  }
}

export const FAULT_ARGS = {
  method: { type: 'string', pattern: '^(\\*|[A-Za-z]*)$', description: 'HTTP method to match (POST), or * for any (default).' },
  path: { type: 'string', maxLength: MAX_GLOB_LENGTH, pattern: '^/', description: 'Glob of the path to match, starting with /: * within a segment, ** across segments, ? one character.' },
  pathRegex: { type: 'string', minLength: 1, maxLength: MAX_GLOB_LENGTH, validate: regexProblem, description: 'Regular expression of the path to match (instead of path).' },
  latencyMs: { type: 'integer', minimum: 0, maximum: MAX_LATENCY_MS, description: 'Delay before answering, in milliseconds.' },
  status: { type: 'integer', minimum: 200, maximum: 599, description: 'Status to answer with instead of the route.' },
  body: { description: 'JSON body to answer with (null: no body).' },
  headers: { type: ['object', 'null'], validate: headersProblem, description: 'Extra headers to answer with: header names to single-line strings.' },
  times: { type: ['integer', 'null'], minimum: 1, description: 'How many matching requests (default: until cleared).' },
} satisfies Args;

/** A spec as checked: coerced, defaults applied, its path pattern compiled (a fault as listed, less its bookkeeping). */
export type CheckedFault = Pick<Fault, 'method' | 'pathRegex' | 'latencyMs' | 'status' | 'body' | 'headers' | 'times'> & {
  /** The glob, or the RegExp given in process. */
  path?: string | RegExp;
  regex: PathMatcher;
};

/** Checks a spec (FAULT_ARGS, then the rules across fields); throws FaultError naming the first bad field. */
export function checkFault(spec: unknown): CheckedFault {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new FaultError('fault', 'A fault is an object: {method, path, status, body, latencyMs, times}.');
  const given = spec as Record<string, unknown>;
  // A RegExp path (in process only) is not a parameter WordPress could describe: checked apart.
  const regexPath = given.path instanceof RegExp ? given.path : undefined;
  const checked = checkArgs(FAULT_ARGS, regexPath ? { ...given, path: undefined } : given);
  if (!checked.ok) {
    const [first] = paramProblems(checked.error);
    throw new FaultError(first!.path, first!.message);
  }
  const v = checked.values as { method?: string; path?: string; pathRegex?: string; latencyMs?: number; status?: number; headers?: Record<string, string> | null; times?: number | null };
  const path = regexPath ?? v.path;
  if (path !== undefined && v.pathRegex !== undefined) throw new FaultError('path', 'Give path (a glob) or pathRegex, not both.');
  if (path === undefined && v.pathRegex === undefined) throw new FaultError('path', 'path (a glob such as /wp-json/purewl/v1/**) or pathRegex is required.');
  const latencyMs = v.latencyMs ?? 0;
  const status = v.status ?? null;
  if (status === null && latencyMs === 0) throw new FaultError('status', 'A fault needs a status to answer with, a latencyMs to add, or both.');
  const hasBody = Object.prototype.hasOwnProperty.call(given, 'body') && given.body !== undefined;
  if (hasBody && status === null) throw new FaultError('body', 'body is only sent with a status.');
  return {
    method: v.method === undefined || v.method === '' ? '*' : v.method.toUpperCase(),
    ...(path !== undefined ? { path } : { pathRegex: v.pathRegex! }),
    latencyMs,
    status,
    body: hasBody ? given.body : status !== null && status >= 400 ? { code: 'emulator_fault', message: `Fault injected by the emulator (status ${status}).`, data: { status } } : null,
    headers: { ...(v.headers ?? {}) },
    times: v.times ?? null,
    regex: compilePathPattern({ path, pathRegex: v.pathRegex })!,
  };
}
