import { globToRegExp } from '../path-pattern';
import { JournalFilterError, type JournalEntry, type JournalFilter } from './journal';

function statusMatcher(status: JournalFilter['status']): ((s: number) => boolean) | null {
  if (status === undefined || status === '') return null;
  const parts = (Array.isArray(status) ? status : String(status).split(',')).map((p) => String(p).trim().toLowerCase()).filter(Boolean);
  const tests = parts.map((p) => {
    if (/^[1-5]\d\d$/.test(p)) return (s: number) => s === Number(p);
    if (/^[1-5]xx$/.test(p)) return (s: number) => Math.floor(s / 100) === Number(p[0]);
    throw new JournalFilterError('status', `status is a status (503), a class (5xx) or a comma-separated list of them; "${p}" is neither.`);
  });
  return (s) => tests.some((t) => t(s));
}

/** Checks and compiles a filter; throws JournalFilterError naming the bad field. */
export function compileJournalFilter(filter: JournalFilter): (entry: JournalEntry) => boolean {
  const byStatus = statusMatcher(filter.status);
  let byPath: RegExp | null = null;
  if (filter.path instanceof RegExp) byPath = filter.path;
  else if (typeof filter.path === 'string' && filter.path !== '') {
    if (!filter.path.startsWith('/')) throw new JournalFilterError('path', 'path is a glob starting with / (e.g. /wp-json/availo/v1/**).');
    byPath = globToRegExp(filter.path);
  }
  const ns = filter.namespace?.toLowerCase().replace(/^\/+|\/+$/g, '');
  const method = filter.method?.toUpperCase();
  return (entry) => {
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
}
