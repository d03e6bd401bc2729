import type * as JsonWebToken from 'jsonwebtoken';

/** jsonwebtoken, loaded on first use: it is a third of the emulator's start-up time, and many runs never issue an Availo token. */
let loaded: typeof JsonWebToken | null = null;
export function jwtLibrary(): typeof JsonWebToken {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('jsonwebtoken') as typeof JsonWebToken);
}
import type { Clock } from '../../../core/clock';

/** The `iss` of every Availo token the emulator issues: tells them apart from other vendors' JWTs. */
export const AVAILO_ISSUER = 'wp-token-emulator/availo/v1';

export interface AvailoClaims {
  sub: string;
  iat: number;
  exp: number;
  /** The account's id: a token outlives neither its account nor a delete-and-recreate of the same code. */
  aid: string;
}

export type TokenCheck =
  | { ok: true; claims: AvailoClaims }
  | { ok: false; reason: 'expired'; claims: AvailoClaims }
  | { ok: false; reason: 'invalid' };

function claimsOf(payload: unknown): AvailoClaims | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.sub !== 'string' || typeof p.aid !== 'string' || !Number.isInteger(p.iat) || !Number.isInteger(p.exp)) return null;
  return { sub: p.sub, aid: p.aid, iat: p.iat as number, exp: p.exp as number };
}

/** Signs and checks Availo access tokens: HS256 JWTs with a key of their own, time from the site clock. */
export class AvailoTokens {
  constructor(
    private readonly key: Buffer,
    private readonly clock: Clock,
    private readonly lifetime: () => number,
  ) {}

  issue(accountCode: string, accountId: string): { token: string; claims: AvailoClaims } {
    const iat = this.clock.seconds();
    const claims: AvailoClaims = { sub: accountCode, iat, exp: iat + this.lifetime(), aid: accountId };
    const jwt = jwtLibrary();
    // iat and exp are in the payload, so jsonwebtoken takes no time from Date.now().
    const token = jwt.sign({ ...claims, iss: AVAILO_ISSUER }, this.key, { algorithm: 'HS256' });
    return { token, claims };
  }

  /** Signature (HS256 only), issuer and expiry by the site clock. */
  check(token: string): TokenCheck {
    const jwt = jwtLibrary();
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: AVAILO_ISSUER, clockTimestamp: this.clock.seconds() });
      const claims = claimsOf(payload);
      return claims ? { ok: true, claims } : { ok: false, reason: 'invalid' };
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError) {
        // Expired but genuine: the signature was checked before the expiry.
        const payload = jwt.decode(token);
        const claims = claimsOf(payload);
        if (claims && (payload as Record<string, unknown>).iss === AVAILO_ISSUER) return { ok: false, reason: 'expired', claims };
      }
      return { ok: false, reason: 'invalid' };
    }
  }
}
