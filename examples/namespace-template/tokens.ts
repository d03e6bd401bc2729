import type { SettingsSpec } from '../../core/config';
import { namespaceSettings, type SiteContext } from '../../core/namespace';
import { deriveKey, keyedHash, randomAlphanumeric } from '../../core/secrets';
import type { Collection } from '../../core/store';
import type { Args } from '../../core/validation';

/** The namespace's settings: each declared once, with its type and default (read typed as ctx.settings.X). */
export const SETTINGS = {
  SAMPLE_VENDOR_TOKEN_LIFETIME: {
    type: 'integer',
    default: 3600,
    min: 60,
    max: 86_400,
    doc: 'Seconds a Sample Vendor access token stays valid.',
  },
} as const satisfies SettingsSpec;

/** The token request's args: declared once, checked by the core for the REST route and by the command line alike. */
export const TOKEN_ARGS: Args = {
  client_id: { type: 'string', required: true, minLength: 1, maxLength: 200, description: 'Who the token is for.' },
  scope: { type: 'string', enum: ['read', 'write'], default: 'read', description: 'What the token may do.' },
};

/** One issued token, kept by a keyed hash of its value (the token itself is never stored). */
export interface TokenRecord {
  clientId: string;
  scope: string;
  /** Issued and expiry times, Unix seconds. */
  iat: number;
  exp: number;
}

/** The namespace's tokens in the store (`sample-vendor.tokens`). */
export class SampleVendorTokens {
  private readonly records: Collection<TokenRecord>;
  private readonly key: string;

  constructor(private readonly ctx: SiteContext) {
    this.records = ctx.store.collection<TokenRecord>('sample-vendor.tokens');
    this.key = deriveKey(ctx.secrets, 'sample-vendor').toString('base64');
  }

  /** Stores a token (a new random one unless given) for the lifetime the setting says; the caller commits. */
  issue(clientId: string, scope: string, token = randomAlphanumeric(40)): { token: string; record: TokenRecord } {
    const now = this.ctx.clock.seconds();
    const record = { clientId, scope, iat: now, exp: now + namespaceSettings(this.ctx, SETTINGS).SAMPLE_VENDOR_TOKEN_LIFETIME };
    this.records.put(keyedHash(this.key, token), record);
    return { token, record };
  }

  /** The record of a token this namespace issued, or undefined. */
  find(token: string): TokenRecord | undefined {
    return this.records.get(keyedHash(this.key, token));
  }

  list(): TokenRecord[] {
    return [...this.records.values()];
  }
}
