import type { SettingsSpec } from '../../../core/config';

/** PureWL's settings: token lifetimes (read typed with namespaceSettings / ctx.settings). */
export const PUREWL_SETTINGS = {
  PUREWL_TOKEN_EXPIRY: {
    type: 'integer',
    default: 3600,
    min: 1,
    max: 31_536_000,
    doc: 'Lifetime of PureWL Atom access tokens in seconds (the "expiry" of the accessToken answer).',
  },
  PUREWL_REFRESH_TOKEN_EXPIRY: {
    type: 'integer',
    default: 2_592_000,
    min: 1,
    max: 315_360_000,
    doc: 'Lifetime of PureWL Atom refresh tokens in seconds (default 30 days). Each refresh token works once.',
  },
} as const satisfies SettingsSpec;
