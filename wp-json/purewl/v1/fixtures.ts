import { fixtureChecks } from '../../../core/fixtures';
import type { FixtureProblem, SiteContext } from '../../../core/namespace';
import { MAX_RESELLER_ID, PureWlState, RESELLER_UID, SECRET_KEY } from './state';

const RESELLER_KEYS = ['secretKey', 'resellerId', 'resellerUid'] as const;

/** `{"resellers":[{"secretKey","resellerId","resellerUid"}]}`: every problem with its path (`purewl.resellers[1].resellerId`). */
export function validatePureWlFixtures(section: unknown, prefix: string): FixtureProblem[] {
  const c = fixtureChecks;
  if (!c.isObject(section)) return [{ path: prefix, message: 'must be an object: {"resellers": [...]}' }];
  const problems: FixtureProblem[] = [...c.unknownKeys(section, ['resellers'], prefix), ...c.array(section, 'resellers', prefix, false)];
  if (!Array.isArray(section.resellers)) return problems;
  const ids = new Set<number>();
  const uids = new Set<string>();
  const secrets = new Set<string>();
  section.resellers.forEach((item: unknown, i: number) => {
    const at = `${prefix}.resellers[${i}]`;
    if (!c.isObject(item)) {
      problems.push({ path: at, message: 'must be an object with secretKey, and optionally resellerId and resellerUid' });
      return;
    }
    problems.push(...c.unknownKeys(item, RESELLER_KEYS, at), ...c.string(item, 'secretKey', at, true), ...c.string(item, 'resellerUid', at, false));
    problems.push(...c.integer(item, 'resellerId', at, false, 1));
    if (typeof item.secretKey === 'string' && item.secretKey !== '') {
      if (!SECRET_KEY.test(item.secretKey)) problems.push({ path: `${at}.secretKey`, message: 'must be 8 to 256 printable ASCII characters without spaces' });
      else if (secrets.has(item.secretKey)) problems.push({ path: `${at}.secretKey`, message: 'duplicate secretKey (each reseller needs its own)' });
      secrets.add(item.secretKey);
    }
    if (typeof item.resellerId === 'number' && Number.isInteger(item.resellerId)) {
      if (item.resellerId > MAX_RESELLER_ID) problems.push({ path: `${at}.resellerId`, message: `must be at most ${MAX_RESELLER_ID}` });
      else if (ids.has(item.resellerId)) problems.push({ path: `${at}.resellerId`, message: `duplicate resellerId ${item.resellerId}` });
      ids.add(item.resellerId);
    }
    if (typeof item.resellerUid === 'string' && item.resellerUid !== '') {
      if (!RESELLER_UID.test(item.resellerUid) || /^\d+$/.test(item.resellerUid)) {
        problems.push({ path: `${at}.resellerUid`, message: 'must be 1 to 64 characters (letters, digits, ".", "_", "-"), start with a letter or digit, and not be all digits' });
      } else if (uids.has(item.resellerUid)) problems.push({ path: `${at}.resellerUid`, message: `duplicate resellerUid "${item.resellerUid}"` });
      uids.add(item.resellerUid);
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
