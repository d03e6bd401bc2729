import type { SiteContext } from '../../../core/namespace';
import { randomAlphanumeric, safeEqual } from '../../../core/secrets';
import type { Collection } from '../../../core/store';
import { isExpired, type FessToken } from './wire';

/** Fess's api.access.token.length. */
export const TOKEN_LENGTH = 60;
/** Length of a generated id (OpenSearch auto ids are 20 characters). */
const ID_LENGTH = 20;

export function tokenCollection(ctx: SiteContext): Collection<FessToken> {
  return ctx.store.collection<FessToken>('fess.tokens');
}

/** A stored token by its value, through the collection's index (never a scan); compared in constant time. */
export function findToken(tokens: Collection<FessToken>, value: string): FessToken | undefined {
  const found = tokens.findBy('token', value);
  return found && safeEqual(found.token, value) ? found : undefined;
}

/** A fresh random token no other record holds. */
export function newTokenValue(tokens: Collection<FessToken>): string {
  for (;;) {
    const value = randomAlphanumeric(TOKEN_LENGTH);
    if (!tokens.findBy('token', value)) return value;
  }
}

export interface NewToken {
  name: string;
  token?: string;
  parameterName: string | null;
  expiredTime: number | null;
  permissions: string[];
  by: string;
}

/** Creates and stores a record (not committed: the caller commits). */
export function createTokenRecord(ctx: SiteContext, tokens: Collection<FessToken>, input: NewToken): FessToken {
  let id: string;
  do id = randomAlphanumeric(ID_LENGTH);
  while (tokens.has(id));
  const now = ctx.clock.now();
  const record: FessToken = {
    id,
    name: input.name,
    token: input.token !== undefined && input.token !== '' ? input.token : newTokenValue(tokens),
    parameterName: input.parameterName,
    expiredTime: input.expiredTime,
    permissions: input.permissions,
    createdBy: input.by,
    createdTime: now,
    updatedBy: input.by,
    updatedTime: now,
    versionNo: 1,
  };
  tokens.put(id, record);
  return record;
}

/** What a request presented as a Fess token. */
export type PresentedToken =
  | { kind: 'none' }
  | { kind: 'invalid'; error: 'invalid_token' | 'invalid_request'; reason: 'unknown' | 'expired' | 'format'; record?: FessToken }
  | { kind: 'valid'; record: FessToken };

/**
 * AccessTokenHelper.getAccessTokenFromRequest + AccessTokenService.getPermissions: the Authorization
 * header first (`Bearer <t>`, or a bare `<t>`; Basic belongs to WordPress), then the query: the
 * `token` parameter, or the parameter a token's `parameterName` names.
 * `markSecret` is told every value read as a token: under a custom parameter name (`?sid=...`) the
 * request log and the journal would not know it is one.
 */
export function presentedToken(
  tokens: Collection<FessToken>,
  header: string | undefined,
  query: Record<string, unknown>,
  now: number,
  markSecret: (value: string) => void = () => undefined,
): PresentedToken {
  const check = (value: string): PresentedToken => {
    markSecret(value);
    const record = findToken(tokens, value);
    if (!record) return { kind: 'invalid', error: 'invalid_token', reason: 'unknown' };
    if (isExpired(record, now)) return { kind: 'invalid', error: 'invalid_token', reason: 'expired', record };
    return { kind: 'valid', record };
  };
  if (typeof header === 'string' && header.trim() !== '' && !/^basic\s/i.test(header.trim())) {
    const values = header.trim().split(' ');
    if (values.length === 2 && values[0] === 'Bearer') return check(values[1]!);
    if (values.length === 1 && values[0] !== 'Bearer') return check(values[0]!);
    return { kind: 'invalid', error: 'invalid_request', reason: 'format' };
  }
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string' || value === '') continue;
    const record = findToken(tokens, value);
    if (record && (record.parameterName ?? 'token') === name) return check(value);
    // A parameter some token is configured to come in: what is sent there is a secret, right or wrong.
    if (name !== 'token' && tokens.findBy('parameterName', name)) markSecret(value);
  }
  const plain = query.token;
  if (typeof plain === 'string' && plain !== '') {
    markSecret(plain);
    return { kind: 'invalid', error: 'invalid_token', reason: 'unknown' };
  }
  return { kind: 'none' };
}
