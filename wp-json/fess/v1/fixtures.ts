import type { FixtureProblem, FixturesSection, SiteContext } from '../../../core/namespace';
import type { Schema } from '../../../core/validation';
import { fixtureChecks, sectionProblems } from '../../../core/fixtures';
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

/** Fess's limits on the fields (the admin form's sizes). */
const SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    tokens: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', required: true, minLength: 1, maxLength: 1000 },
          token: { type: 'string', minLength: 1, maxLength: 10_000, validate: (v) => !/\s/.test(String(v)) || 'must not contain whitespace' },
          parameterName: { type: 'string', minLength: 1 },
          expiredTime: { type: 'integer', minimum: 0 },
          permissions: { type: 'array', items: { type: 'string', pattern: '\\S', description: 'a non-empty string' } },
        },
      },
    },
  },
};

/** What the schema cannot say: each token once. */
function duplicateTokens(section: unknown, prefix: string): FixtureProblem[] {
  const problems: FixtureProblem[] = [];
  const entries = fixtureChecks.isObject(section) && Array.isArray(section.tokens) ? (section.tokens as unknown[]) : [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (!fixtureChecks.isObject(entry) || typeof entry.token !== 'string' || entry.token === '' || /\s/.test(entry.token) || entry.token.length > 10_000) return;
    if (seen.has(entry.token)) problems.push({ path: `${prefix}.tokens[${i}].token`, message: 'duplicate token' });
    seen.add(entry.token);
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

export const fessFixtures: FixturesSection = { schema: SCHEMA, validate: duplicateTokens, load: loadFessFixtures };

/** Every problem in a `fess` section, paths starting with `prefix`. */
export function validateFessFixtures(section: unknown, prefix: string): FixtureProblem[] {
  return sectionProblems(fessFixtures, section, prefix);
}
