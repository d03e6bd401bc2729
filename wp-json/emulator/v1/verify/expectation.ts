/**
 * Verification of what the emulator received and sent (WireMock's `verify`, for vendor tokens):
 * which journal entries and mails match an expectation, and when none or the wrong number do, the
 * closest ones that were received (near misses), so a failing test says what went wrong.
 * Pure: it reads entries and mails given to it; matchers.ts gets them in process or over HTTP.
 */
import type { JournalEntry } from '../journal/journal';
import { globToRegExp } from '../path-pattern';

/** What verification reads of a journal entry. */
export type ReceivedRequest = Pick<JournalEntry, 'id' | 'time' | 'method' | 'path' | 'route' | 'namespace' | 'status' | 'user'> & {
  /** Why the request was anonymous (`wrong-password`, ...), when the journal says. */
  auth?: { failure: string | null };
};

/** What verification reads of a mail. */
export interface SentMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** A value to match: a string (equal), a RegExp (tested), or an asymmetric matcher (`expect.stringContaining`). */
export type Expected = string | RegExp | { asymmetricMatch(value: unknown): boolean };

export interface RequestExpectation {
  /** `POST` (case-insensitive). */
  method?: string;
  /** A glob (`*` within a segment, `**` across) matched against the path without its query and `/wp-json<route>`, or a RegExp. */
  path?: string | RegExp;
  /** `availo/v1`, or a module id (`availo`) for all its namespaces. */
  namespace?: string;
  /** `401`, a class `4xx`, or a list. */
  status?: number | string | readonly (number | string)[];
  /** The login that authenticated, or null: anonymous. */
  user?: string | null;
  /** Exactly this many matching requests (default: at least one). */
  times?: number;
}

export interface MailExpectation {
  to?: Expected;
  subject?: Expected;
  text?: Expected;
  /** Exactly this many matching mails (default: at least one). */
  times?: number;
}

export interface Verdict<T> {
  pass: boolean;
  matched: T[];
  /** The closest that did not match, closest first (at most 3). */
  nearMisses: { item: T; differs: string[] }[];
  /** A message that reads as the failure (of `expect` or of `expect.not`). */
  message: string;
}

const NEAR_MISSES = 3;

/** How an expected value reads in a message (an asymmetric matcher by its own description). */
export function describeValue(expected: unknown): string {
  if (expected instanceof RegExp) return String(expected);
  const asymmetric = expected as { toAsymmetricMatcher?: () => string } | null;
  if (typeof asymmetric === 'object' && asymmetric !== null && typeof asymmetric.toAsymmetricMatcher === 'function') return asymmetric.toAsymmetricMatcher();
  return typeof expected === 'string' ? expected : JSON.stringify(expected);
}

export function matchesValue(actual: unknown, expected: Expected): boolean {
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (typeof expected === 'object' && expected !== null && typeof expected.asymmetricMatch === 'function') return expected.asymmetricMatch(actual);
  return actual === expected;
}

function statusMatches(status: number, expected: NonNullable<RequestExpectation['status']>): boolean {
  const parts = Array.isArray(expected) ? expected : String(expected).split(',');
  return parts.some((part) => {
    const p = String(part).trim().toLowerCase();
    return /^[1-5]xx$/.test(p) ? Math.floor(status / 100) === Number(p[0]) : status === Number(p);
  });
}

function pathMatches(entry: ReceivedRequest, path: string | RegExp): boolean {
  const pattern = typeof path === 'string' ? globToRegExp(path) : path;
  const plain = entry.path.split('?')[0]!;
  const rest = entry.route === null ? null : `/wp-json${entry.route}`;
  return pattern.test(plain) || (rest !== null && pattern.test(rest));
}

/** The fields of an entry that differ from the expectation, as `name (expected …)`. */
function requestDiffers(entry: ReceivedRequest, e: RequestExpectation): string[] {
  const differs: string[] = [];
  if (e.method !== undefined && entry.method !== e.method.toUpperCase()) differs.push(`method (expected ${e.method.toUpperCase()})`);
  if (e.path !== undefined && !pathMatches(entry, e.path)) differs.push(`path (expected ${String(e.path)})`);
  if (e.namespace !== undefined) {
    const ns = e.namespace.toLowerCase().replace(/^\/+|\/+$/g, '');
    const own = entry.namespace?.toLowerCase();
    if (!own || (own !== ns && !own.startsWith(`${ns}/`))) differs.push(`namespace (expected ${ns})`);
  }
  if (e.status !== undefined && !statusMatches(entry.status, e.status)) differs.push(`status (expected ${String(e.status)})`);
  if (e.user !== undefined && entry.user !== e.user) differs.push(`user (expected ${e.user ?? 'anonymous'})`);
  return differs;
}

/** Characters two strings share in order (a cheap similarity for ranking paths). */
function similarity(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i / Math.max(a.length, b.length, 1);
}

export function describeExpectation(e: RequestExpectation | MailExpectation): string {
  const parts = Object.entries(e)
    .filter(([name, value]) => name !== 'times' && value !== undefined)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? JSON.stringify(value) : describeValue(value)}`);
  return `{ ${parts.join(', ')} }`;
}

export function describeRequest(entry: ReceivedRequest): string {
  const who = entry.user ?? `anonymous${entry.auth?.failure ? ` (${entry.auth.failure.replace(/-/g, ' ')})` : ''}`;
  return `#${entry.id} ${entry.method} ${entry.path} → ${entry.status}, ${who}, at ${entry.time}`;
}

function describeMail(mail: SentMail): string {
  return `${mail.id} to ${mail.to}: "${mail.subject}"`;
}

function countText(times: number | undefined, n: number): string {
  const got = n === 0 ? 'never' : n === 1 ? 'once' : `${n} times`;
  return times === undefined ? `at least once, but it matched ${got}` : `exactly ${times} time${times === 1 ? '' : 's'}, but it matched ${got}`;
}

function verdict<T>(
  kind: 'request' | 'mail',
  items: readonly T[],
  expectation: RequestExpectation | MailExpectation,
  differs: (item: T) => string[],
  score: (item: T, differs: string[]) => number,
  describe: (item: T) => string,
): Verdict<T> {
  const matched: T[] = [];
  const misses: { item: T; differs: string[]; score: number; order: number }[] = [];
  items.forEach((item, order) => {
    const d = differs(item);
    if (d.length === 0) matched.push(item);
    else misses.push({ item, differs: d, score: score(item, d), order });
  });
  misses.sort((a, b) => b.score - a.score || b.order - a.order);
  const nearMisses = misses.slice(0, NEAR_MISSES).map(({ item, differs: d }) => ({ item, differs: d }));
  const times = expectation.times;
  const pass = times === undefined ? matched.length > 0 : matched.length === times;
  const what = kind === 'request' ? 'a request' : 'a mail';
  const lines = [
    pass
      ? `Expected no ${kind} matching ${describeExpectation(expectation)}${times === undefined ? '' : ` ${times} times`}, but ${matched.length} matched:`
      : `Expected ${what} matching ${describeExpectation(expectation)} ${countText(times, matched.length)}${kind === 'mail' ? ' sent' : ''}.`,
  ];
  if (pass || matched.length > 0) lines.push(...matched.slice(-NEAR_MISSES).map((item) => `  matched: ${describe(item)}`));
  if (!pass) {
    if (nearMisses.length === 0) lines.push(`No ${kind === 'request' ? 'requests were received' : 'mails were sent'} at all.`);
    else {
      lines.push(`Closest ${kind === 'request' ? 'requests received' : 'mails sent'} (${misses.length} in all did not match):`);
      for (const miss of nearMisses) lines.push(`  ${describe(miss.item)}\n    differs in: ${miss.differs.join(', ')}`);
    }
  }
  return { pass, matched, nearMisses, message: lines.join('\n') };
}

/** Requests (journal entries, oldest first) against an expectation. */
export function verifyRequests(entries: readonly ReceivedRequest[], expectation: RequestExpectation): Verdict<ReceivedRequest> {
  const path = typeof expectation.path === 'string' ? expectation.path : '';
  return verdict(
    'request',
    entries,
    expectation,
    (entry) => requestDiffers(entry, expectation),
    (entry, d) => -d.length + (path ? similarity(entry.path.split('?')[0]!, path) : 0),
    describeRequest,
  );
}

/** Mails (the outbox, oldest first) against an expectation. */
export function verifyMails(mails: readonly SentMail[], expectation: MailExpectation): Verdict<SentMail> {
  const differs = (mail: SentMail) => {
    const d: string[] = [];
    if (expectation.to !== undefined && !(typeof expectation.to === 'string' ? mail.to.toLowerCase() === expectation.to.toLowerCase() : matchesValue(mail.to, expectation.to))) d.push(`to (expected ${describeValue(expectation.to)})`);
    if (expectation.subject !== undefined && !matchesValue(mail.subject, expectation.subject)) d.push(`subject (expected ${describeValue(expectation.subject)})`);
    if (expectation.text !== undefined && !matchesValue(mail.text, expectation.text)) d.push(`text (expected ${describeValue(expectation.text)})`);
    return d;
  };
  return verdict('mail', mails, expectation, differs, (_m, d) => -d.length, describeMail);
}
