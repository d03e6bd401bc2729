import type { FixtureProblem, SiteContext } from '../../../core/namespace';
import { fixtureChecks } from '../../../core/fixtures';
import { distinct, encodeDocsPermission } from './wire';
import { createTokenRecord, tokenCollection } from './tokens';

/**
 * The `fess` section of a fixtures file:
 * `{"tokens":[{"name":"CI","token":"...","parameterName":"token","expiredTime":0,"permissions":["admin-api"]}]}`.
 * Permissions are given as in the docs profile (bare names are roles). A token not given is generated.
 */
export interface FessFixtures {
  tokens?: Array<{ name: string; token?: string; parameterName?: string; expiredTime?: number; permissions?: string[] }>;
}

const TOKEN_KEYS = ['name', 'token', 'parameterName', 'expiredTime', 'permissions'] as const;

export function validateFessFixtures(section: unknown, prefix: string): FixtureProblem[] {
  const c = fixtureChecks;
  if (!c.isObject(section)) return [{ path: prefix, message: 'must be an object like {"tokens": [...]}' }];
  const problems: FixtureProblem[] = [...c.unknownKeys(section, ['tokens'], prefix)];
  if (section.tokens === undefined) return problems;
  if (!Array.isArray(section.tokens)) return [...problems, { path: `${prefix}.tokens`, message: 'must be an array' }];
  const seen = new Set<string>();
  section.tokens.forEach((entry: unknown, i: number) => {
    const at = `${prefix}.tokens[${i}]`;
    if (!c.isObject(entry)) {
      problems.push({ path: at, message: 'must be an object' });
      return;
    }
    problems.push(...c.unknownKeys(entry, TOKEN_KEYS, at), ...c.string(entry, 'name', at, true), ...c.string(entry, 'token', at, false), ...c.string(entry, 'parameterName', at, false));
    if (typeof entry.name === 'string' && entry.name.length > 1000) problems.push({ path: `${at}.name`, message: 'must be at most 1000 characters' });
    if (typeof entry.token === 'string' && entry.token !== '') {
      if (/\s/.test(entry.token)) problems.push({ path: `${at}.token`, message: 'must not contain whitespace' });
      else if (entry.token.length > 10000) problems.push({ path: `${at}.token`, message: 'must be at most 10000 characters' });
      else if (seen.has(entry.token)) problems.push({ path: `${at}.token`, message: 'duplicate token' });
      seen.add(entry.token);
    }
    problems.push(...c.integer(entry, 'expiredTime', at, false, 0));
    problems.push(...c.array(entry, 'permissions', at, false));
    if (Array.isArray(entry.permissions)) {
      entry.permissions.forEach((p: unknown, j: number) => {
        if (typeof p !== 'string' || p.trim() === '') problems.push({ path: `${at}.permissions[${j}]`, message: 'must be a non-empty string' });
      });
    }
  });
  return problems;
}

export function loadFessFixtures(section: unknown, ctx: SiteContext): void {
  const tokens = tokenCollection(ctx);
  for (const entry of (section as FessFixtures).tokens ?? []) {
    createTokenRecord(ctx, tokens, {
      name: entry.name,
      token: entry.token,
      parameterName: entry.parameterName ?? null,
      expiredTime: entry.expiredTime ? entry.expiredTime : null,
      permissions: distinct((entry.permissions ?? []).map(encodeDocsPermission)),
      by: 'fixtures',
    });
  }
}
