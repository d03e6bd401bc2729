import { fixtureChecks } from '../../../core/fixtures';
import type { FixtureProblem, SiteContext } from '../../../core/namespace';
import { AvailoAccounts, accountCodeProblem, passwordProblem } from './accounts';

/**
 * The `availo` section of a fixtures file:
 * `{"accounts": [{"AccountCode": "ACME", "Password": "s3cret"}]}` (passwords in plain text, hashed on load).
 */
export interface AvailoFixtures {
  accounts?: { AccountCode: string; Password: string }[];
}

const SECTION_KEYS = ['accounts'] as const;
const ACCOUNT_KEYS = ['AccountCode', 'Password'] as const;

export function validateAvailoFixtures(section: unknown, prefix: string): FixtureProblem[] {
  if (!fixtureChecks.isObject(section)) return [{ path: prefix, message: 'must be an object like {"accounts": [{"AccountCode": "...", "Password": "..."}]}' }];
  const problems: FixtureProblem[] = [...fixtureChecks.unknownKeys(section, SECTION_KEYS, prefix), ...fixtureChecks.array(section, 'accounts', prefix, false)];
  if (!Array.isArray(section.accounts)) return problems;
  const seen = new Set<string>();
  section.accounts.forEach((account: unknown, i: number) => {
    const at = `${prefix}.accounts[${i}]`;
    if (!fixtureChecks.isObject(account)) {
      problems.push({ path: at, message: 'must be an object with AccountCode and Password' });
      return;
    }
    problems.push(...fixtureChecks.unknownKeys(account, ACCOUNT_KEYS, at));
    if (account.AccountCode === undefined) problems.push({ path: `${at}.AccountCode`, message: 'is required' });
    else {
      const problem = accountCodeProblem(account.AccountCode);
      if (problem) problems.push({ path: `${at}.AccountCode`, message: problem.replace(/^AccountCode /, '') });
      else {
        const key = AvailoAccounts.keyOf(account.AccountCode as string);
        if (seen.has(key)) problems.push({ path: `${at}.AccountCode`, message: `duplicate AccountCode "${account.AccountCode as string}" (codes are compared without case)` });
        seen.add(key);
      }
    }
    if (account.Password === undefined) problems.push({ path: `${at}.Password`, message: 'is required' });
    else {
      const problem = passwordProblem(account.Password);
      if (problem) problems.push({ path: `${at}.Password`, message: problem.replace(/^Password /, '') });
    }
  });
  return problems;
}

export async function loadAvailoFixtures(section: unknown, ctx: SiteContext): Promise<void> {
  const accounts = new AvailoAccounts(ctx);
  for (const account of (section as AvailoFixtures).accounts ?? []) await accounts.create(account.AccountCode, account.Password);
}
