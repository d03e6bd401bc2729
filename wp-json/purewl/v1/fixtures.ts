import { fixtureChecks, sectionProblems } from '../../../core/fixtures';
import type { FixtureProblem, FixturesSection, SiteContext } from '../../../core/namespace';
import type { Schema } from '../../../core/validation';
import { MAX_RESELLER_ID, PureWlState, RESELLER_UID, SECRET_KEY } from './state';

const UID_RULE = '1 to 64 characters (letters, digits, ".", "_", "-"), start with a letter or digit, and not be all digits';

/** `{"resellers":[{"secretKey","resellerId","resellerUid"}]}`. */
const SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    resellers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          secretKey: { type: 'string', required: true, minLength: 1, validate: (v) => SECRET_KEY.test(String(v)) || 'must be 8 to 256 printable ASCII characters without spaces' },
          resellerId: { type: 'integer', minimum: 1, maximum: MAX_RESELLER_ID },
          resellerUid: { type: 'string', minLength: 1, pattern: RESELLER_UID.source, description: UID_RULE },
        },
      },
    },
  },
};

/** What the schema cannot say: secret keys, ids and uids are each used once, and a uid is not all digits (it would read as an id). */
function duplicates(section: unknown, prefix: string): FixtureProblem[] {
  const problems: FixtureProblem[] = [];
  const items = fixtureChecks.isObject(section) && Array.isArray(section.resellers) ? (section.resellers as unknown[]) : [];
  const seen = { secretKey: new Set<unknown>(), resellerId: new Set<unknown>(), resellerUid: new Set<unknown>() };
  items.forEach((item, i) => {
    if (!fixtureChecks.isObject(item)) return;
    const usable = {
      secretKey: typeof item.secretKey === 'string' && SECRET_KEY.test(item.secretKey),
      resellerId: typeof item.resellerId === 'number' && Number.isInteger(item.resellerId) && item.resellerId <= MAX_RESELLER_ID,
      resellerUid: typeof item.resellerUid === 'string' && RESELLER_UID.test(item.resellerUid),
    };
    for (const key of ['secretKey', 'resellerId', 'resellerUid'] as const) {
      if (!usable[key]) continue;
      const value = item[key];
      if (key === 'resellerUid' && /^\d+$/.test(String(value))) {
        problems.push({ path: `${prefix}.resellers[${i}].resellerUid`, message: `must be ${UID_RULE}` });
        continue;
      }
      if (seen[key].has(value)) {
        const message = key === 'secretKey' ? 'duplicate secretKey (each reseller needs its own)' : key === 'resellerId' ? `duplicate resellerId ${String(value)}` : `duplicate resellerUid "${String(value)}"`;
        problems.push({ path: `${prefix}.resellers[${i}].${key}`, message });
      }
      seen[key].add(value);
    }
  });
  return problems;
}

/** Loads validated resellers: given ids first, so generated ids never take one that a later item names. */
export async function loadPureWlFixtures(section: unknown, ctx: SiteContext): Promise<void> {
  const state = new PureWlState(ctx);
  const items = ((section as { resellers?: Record<string, unknown>[] }).resellers ?? []).slice();
  items.sort((a, b) => Number(a.resellerId === undefined) - Number(b.resellerId === undefined));
  for (const item of items) await state.createReseller({ secretKey: item.secretKey, resellerId: item.resellerId, resellerUid: item.resellerUid });
}

export const pureWlFixtures: FixturesSection = { schema: SCHEMA, validate: duplicates, load: loadPureWlFixtures };

/** Every problem in a `purewl` section, with its path (`purewl.resellers[1].resellerId`). */
export function validatePureWlFixtures(section: unknown, prefix: string): FixtureProblem[] {
  return sectionProblems(pureWlFixtures, section, prefix);
}
