import { fixtureChecks, sectionProblems } from '../../../core/fixtures';
import type { FixtureProblem, FixturesSection, SiteContext } from '../../../core/namespace';
import type { Schema } from '../../../core/validation';
import { AvailoAccounts, accountCodeProblem, passwordProblem } from './accounts';

/**
 * The `availo` section of a fixtures file:
 * `{"accounts": [{"AccountCode": "ACME", "Password": "s3cret"}]}` (passwords in plain text, hashed on load).
 */
export interface AvailoFixtures {
  accounts?: { AccountCode: string; Password: string }[];
}

/** The rules the REST API and the command line apply, without the field name the path already says. */
const rule = (problem: (value: unknown) => string | null, field: string) => (value: unknown) => problem(value)?.replace(new RegExp(`^${field} `), '') ?? true;

const SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    accounts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          AccountCode: { required: true, validate: rule(accountCodeProblem, 'AccountCode') },
          Password: { required: true, validate: rule(passwordProblem, 'Password') },
        },
      },
    },
  },
};

/** What the schema cannot say: account codes are unique, compared without case. */
function duplicateCodes(section: unknown, prefix: string): FixtureProblem[] {
  const problems: FixtureProblem[] = [];
  const accounts = fixtureChecks.isObject(section) && Array.isArray(section.accounts) ? (section.accounts as unknown[]) : [];
  const seen = new Set<string>();
  accounts.forEach((account, i) => {
    if (!fixtureChecks.isObject(account) || accountCodeProblem(account.AccountCode) !== null) return;
    const key = AvailoAccounts.keyOf(account.AccountCode as string);
    if (seen.has(key)) problems.push({ path: `${prefix}.accounts[${i}].AccountCode`, message: `duplicate AccountCode "${account.AccountCode as string}" (codes are compared without case)` });
    seen.add(key);
  });
  return problems;
}

export async function loadAvailoFixtures(section: unknown, ctx: SiteContext): Promise<void> {
  const accounts = new AvailoAccounts(ctx);
  for (const account of (section as AvailoFixtures).accounts ?? []) await accounts.create(account.AccountCode, account.Password);
}

export const availoFixtures: FixturesSection = { schema: SCHEMA, validate: duplicateCodes, load: loadAvailoFixtures };

/** Every problem in an `availo` section, paths starting with `prefix`. */
export function validateAvailoFixtures(section: unknown, prefix: string): FixtureProblem[] {
  return sectionProblems(availoFixtures, section, prefix);
}
