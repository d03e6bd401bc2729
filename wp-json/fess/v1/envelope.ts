import type { SiteContext } from '../../../core/namespace';
import type { WpError } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { RestResponse } from '../../../core/rest/response';
import type { Collection } from '../../../core/store';
import type { Fields } from './input';
import { presentedToken, tokenCollection, type PresentedToken } from './tokens';
import { STATUS, type FessToken } from './wire';

/**
 * Fess's `{"response":{"version","status",...}}` envelope, and what the admin and search APIs share
 * once the namespace is registered: the profile, the token collection, the answers in the envelope.
 */

/** The code of the WpError that carries Fess's own "Unauthorized request." through the permission check. */
export const UNAUTHORIZED_CODE = 'fess_unauthorized';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a body is in Fess's envelope: `{"response": {"version", "status": <number>, ...}}`. */
export function isFessEnvelope(body: unknown): boolean {
  return isObject(body) && isObject(body.response) && typeof body.response.status === 'number';
}

/** The namespace as registered: what its routes share. */
export interface FessApi {
  ctx: SiteContext;
  /** The `live` profile (Fess on the wire), else `docs` (the seed document). */
  live: boolean;
  tokens: Collection<FessToken>;
  /** 200 with `status: 0` and the fields. */
  ok(fields: Fields): RestResponse;
  /** An error in the envelope: HTTP status, Fess status (default 1, bad request), extra headers. */
  fail(message: string, http?: number, status?: number, headers?: Record<string, string>): RestResponse;
  /** The token the request presents (header, then query), each value read marked secret. */
  present(req: RestRequest): PresentedToken;
}

export function fessApi(ctx: SiteContext, live: boolean, version: string): FessApi {
  const tokens = tokenCollection(ctx);
  return {
    ctx,
    live,
    tokens,
    ok: (fields) => new RestResponse({ response: { version, status: STATUS.OK, ...fields } }, 200),
    fail: (message, http = 400, status: number = STATUS.BAD_REQUEST, headers = {}) => new RestResponse({ response: { version, status, message } }, http, headers),
    present: (req) => presentedToken(tokens, req.header('authorization'), req.query, ctx.clock.now(), (value) => req.markSecret(value)),
  };
}

/** The core's errors inside fess/v1 in Fess's envelope (the namespace's onCoreError). */
export function coreErrorToFess(api: FessApi, error: WpError): RestResponse {
  if (error.code === UNAUTHORIZED_CODE) {
    const challenge = error.data.challenge;
    return api.fail(error.message, error.status, STATUS.UNAUTHORIZED, typeof challenge === 'string' ? { 'WWW-Authenticate': challenge } : {});
  }
  if (error.status >= 500) return api.fail(error.status === 500 ? 'Internal server error.' : error.message, error.status, STATUS.SYSTEM_ERROR);
  return api.fail(error.message, error.status, STATUS.BAD_REQUEST);
}
