import { checkArgs, paramProblems, type Args } from '../../../../core/validation';
import { globToRegExp } from '../path-pattern';
import { JournalFilterError, type JournalEntry, type JournalFilter } from './journal';

/**
 * What a journal filter may hold, declared once as WordPress arg schemas: `GET /journal` declares
 * these args (the core checks them before the handler) and `emu.journal.list(filter)` checks the same
 * object with the same declaration through `checkArgs`, so both give the same message.
 */

const STATUS_PART = /^[1-5](\d\d|xx)$/;

function statusParts(status: unknown): string[] {
  return (Array.isArray(status) ? status : String(status).split(',')).map((p) => String(p).trim().toLowerCase()).filter(Boolean);
}

function statusProblem(status: unknown): true | string {
  const bad = statusParts(status).find((p) => !STATUS_PART.test(p));
  return bad === undefined || `status is a status (503), a class (5xx) or a comma-separated list of them; "${bad}" is neither.`;
}

export const JOURNAL_FILTER_ARGS = {
  namespace: { type: 'string', description: 'A REST namespace (availo/v1) or a module id (availo).' },
  path: { type: 'string', pattern: '^(/|$)', description: 'A glob matched against the request path, starting with / (/wp-json/availo/v1/**).' },
  status: { type: ['integer', 'string', 'array'], items: { type: ['integer', 'string'] }, validate: statusProblem, description: 'A status (503), a class (5xx) or a comma-separated list.' },
  method: { type: 'string', description: 'HTTP method.' },
  limit: { type: 'integer', minimum: 1, description: 'Only the last N matching requests.' },
} satisfies Args;

function statusMatcher(status: unknown): ((s: number) => boolean) | null {
  const tests = statusParts(status).map((p) => (p.endsWith('xx') ? (s: number) => Math.floor(s / 100) === Number(p[0]) : (s: number) => s === Number(p)));
  return tests.length === 0 ? null : (s) => tests.some((t) => t(s));
}

/** Checks (JOURNAL_FILTER_ARGS) and compiles a filter; throws JournalFilterError naming the first bad field. */
export function compileJournalFilter(given: JournalFilter): { match: (entry: JournalEntry) => boolean; limit: number | undefined } {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) throw new JournalFilterError('filter', 'A journal filter is an object: {namespace, path, status, method, limit}.');
  // A RegExp path (in process only) is not a parameter WordPress could describe: taken as it is.
  const regexPath = given.path instanceof RegExp ? given.path : null;
  const checked = checkArgs(JOURNAL_FILTER_ARGS, regexPath ? { ...given, path: undefined } : { ...given });
  if (!checked.ok) {
    const [first] = paramProblems(checked.error);
    throw new JournalFilterError(first!.path, first!.message);
  }
  const filter = checked.values as { namespace?: string; path?: string; status?: unknown; method?: string; limit?: number };
  const byStatus = filter.status === undefined ? null : statusMatcher(filter.status);
  const byPath = regexPath ?? (filter.path ? globToRegExp(filter.path) : null);
  const ns = filter.namespace?.toLowerCase().replace(/^\/+|\/+$/g, '');
  const method = filter.method?.toUpperCase();
  const match = (entry: JournalEntry): boolean => {
    if (byStatus && !byStatus(entry.status)) return false;
    if (method && entry.method !== method) return false;
    if (ns) {
      const own = entry.namespace?.toLowerCase();
      if (!own || (own !== ns && !own.startsWith(`${ns}/`))) return false;
    }
    if (byPath) {
      const plain = entry.path.split('?')[0]!;
      const rest = entry.route === null ? null : `/wp-json${entry.route === '/' ? '/' : entry.route}`;
      if (!byPath.test(plain) && !(rest !== null && byPath.test(rest)) && !(entry.route !== null && byPath.test(entry.route))) return false;
    }
    return true;
  };
  return { match, limit: filter.limit };
}
