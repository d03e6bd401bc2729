import type { WpError } from '../../../core/rest/errors';
import { RestResponse } from '../../../core/rest/response';

/**
 * PureWL Atom answers every call in one envelope: `{"header":{code,message,response_code},"body":{...}}`.
 * Success is `code:1, response_code:1`; every error keeps the envelope with `response_code:0`,
 * `body:{}` and its own `header.code` (the table below, also in docs/purewl.md).
 */
export const ATOM_ERRORS = {
  grantTypeMissing: { code: 4001, status: 400, message: 'grantType is required (secret or refresh).' },
  grantTypeUnknown: { code: 4002, status: 400, message: 'grantType must be secret or refresh.' },
  secretKeyMissing: { code: 4003, status: 400, message: 'secretKey is required when grantType is secret.' },
  refreshTokenMissing: { code: 4004, status: 400, message: 'refreshToken is required when grantType is refresh.' },
  invalidJson: { code: 4005, status: 400, message: 'Invalid JSON body passed.' },
  invalidParam: { code: 4006, status: 400, message: 'Invalid parameter.' },
  badRequest: { code: 4007, status: 400, message: 'The request could not be read.' },
  secretKeyInvalid: { code: 4011, status: 401, message: 'Invalid secretKey.' },
  refreshTokenInvalid: { code: 4012, status: 401, message: 'Invalid refreshToken.' },
  refreshTokenExpired: { code: 4013, status: 401, message: 'refreshToken has expired.' },
  refreshTokenReused: { code: 4014, status: 401, message: 'refreshToken was already used; every token of this grant is now revoked.' },
  refreshTokenRevoked: { code: 4015, status: 401, message: 'refreshToken has been revoked.' },
  accessTokenMissing: { code: 4021, status: 401, message: 'X-AccessToken is required.' },
  accessTokenInvalid: { code: 4022, status: 401, message: 'Invalid X-AccessToken.' },
  accessTokenExpired: { code: 4023, status: 401, message: 'X-AccessToken has expired.' },
  accessTokenRevoked: { code: 4024, status: 401, message: 'X-AccessToken has been revoked.' },
  noRoute: { code: 4040, status: 404, message: 'No route was found matching the URL and request method.' },
  resellerNotFound: { code: 4041, status: 404, message: 'No such reseller.' },
  methodNotAllowed: { code: 4050, status: 405, message: 'Method not allowed: use POST.' },
  resellerExists: { code: 4090, status: 409, message: 'A reseller with this value already exists.' },
  tooLarge: { code: 4130, status: 413, message: 'The request body is too large.' },
  unsupportedEncoding: { code: 4150, status: 415, message: 'The request body uses a Content-Encoding the server does not support.' },
  tooManyRequests: { code: 4290, status: 429, message: 'Too many requests.' },
  internal: { code: 5000, status: 500, message: 'Internal server error.' },
  storeUnavailable: { code: 5030, status: 503, message: 'The change could not be saved right now; nothing was half-written. Try again.' },
} as const;

export type AtomErrorName = keyof typeof ATOM_ERRORS;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a body is in Atom's envelope with an error code: `{"header":{code,message,response_code},"body":{}}`. */
export function isAtomError(body: unknown): boolean {
  return isObject(body) && isObject(body.header) && typeof body.header.code === 'number' && 'response_code' in body.header && 'body' in body;
}

/** `200 {"header":{"code":1,"message":"success","response_code":1},"body":...}` */
export function atomSuccess(body: Record<string, unknown>, status = 200): RestResponse {
  return new RestResponse({ header: { code: 1, message: 'success', response_code: 1 }, body }, status);
}

/** The Atom error envelope: `response_code:0`, `body:{}`, the case's code and HTTP status. */
export function atomError(name: AtomErrorName, message?: string): RestResponse {
  const e = ATOM_ERRORS[name];
  return new RestResponse({ header: { code: e.code, message: message ?? e.message, response_code: 0 }, body: {} }, e.status);
}

/** Core errors raised inside the namespace (never rest_forbidden: the core keeps WordPress's answer for that). */
export function coreErrorToAtom(error: WpError): RestResponse {
  switch (error.code) {
    case 'rest_no_route':
      return atomError('noRoute');
    case 'rest_invalid_json':
      return atomError('invalidJson', `Invalid JSON body passed: ${String(error.data.json_error_message ?? 'Syntax error')}.`);
    case 'rest_missing_callback_param':
    case 'rest_invalid_param':
      return atomError('invalidParam', error.message);
    case 'rest_request_too_large':
      return atomError('tooLarge', error.message);
    case 'rest_unsupported_encoding':
      return atomError('unsupportedEncoding');
    case 'rest_invalid_request':
      return atomError('badRequest', error.message);
    case 'rest_store_unavailable':
      return atomError('storeUnavailable');
    case 'internal_server_error':
      return atomError('internal');
    default: {
      if (error.status === 429) return atomError('tooManyRequests', error.message);
      // Anything else the core may add later: keep its status, a code derived from it, its message.
      const status = error.status >= 400 && error.status < 600 ? error.status : 500;
      return new RestResponse({ header: { code: status * 10, message: error.message, response_code: 0 }, body: {} }, status);
    }
  }
}
