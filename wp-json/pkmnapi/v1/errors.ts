import { WpError } from '../../../core/rest/errors';
import { RestResponse } from '../../../core/rest/response';

/** pkmnapi's error ids used by the emulator (BaseErrorResponseId in pkmnapi-api/src/responses/errors/mod.rs). */
export type PkmnapiErrorId =
  | 'error_access_tokens_email'
  | 'error_access_tokens_forbidden'
  | 'error_access_tokens_invalid'
  | 'error_access_tokens_timeout'
  | 'error_access_tokens_unauthorized'
  | 'error_internal_server'
  | 'error_not_found'
  | 'error_roms_no_rom'
  | 'error_too_many_requests';

export const NOT_FOUND_MESSAGE = 'The requested resource could not be found';

/**
 * A pkmnapi error raised where the core only lets a WpError through (a permission callback).
 * The namespace's onCoreError turns it into pkmnapi's envelope; `instanceof` keeps it apart from
 * the core's own errors.
 */
export class PkmnapiError extends WpError {
  constructor(
    readonly id: PkmnapiErrorId,
    status: number,
    message: string,
  ) {
    super(`pkmnapi_${id}`, message, { status });
    this.name = 'PkmnapiError';
  }

  toResponse(): RestResponse {
    return pkmnapiError(this.status, this.id, this.message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a body is a pkmnapi error (JSON:API style): `{"data":{"id","type":"errors","attributes":{"message"}}}`. */
export function isPkmnapiError(body: unknown): boolean {
  return isObject(body) && isObject(body.data) && body.data.type === 'errors' && typeof body.data.id === 'string' && isObject(body.data.attributes) && typeof body.data.attributes.message === 'string';
}

/** `{"data":{"id","type":"errors","attributes":{"message"}}}` with the given status. */
export function pkmnapiError(status: number, id: PkmnapiErrorId, message: string): RestResponse {
  return new RestResponse({ data: { id, type: 'errors', attributes: { message } } }, status);
}

export const errors = {
  notFound: () => new PkmnapiError('error_not_found', 404, NOT_FOUND_MESSAGE),
  forbidden: () => new PkmnapiError('error_access_tokens_forbidden', 403, 'Authorization header must not be set'),
  unauthorized: () => new PkmnapiError('error_access_tokens_unauthorized', 401, 'Authorization header must be set'),
  invalid: (message: string) => new PkmnapiError('error_access_tokens_invalid', 400, message),
  timeout: (seconds: number) => new PkmnapiError('error_access_tokens_timeout', 403, `Please try again in ${seconds} seconds`),
  email: (message: string) => new PkmnapiError('error_access_tokens_email', 403, message),
  tooManyRequests: (seconds: number) => new PkmnapiError('error_too_many_requests', 429, `Too many requests. Please try again in ${seconds} seconds.`),
  noRom: () => new PkmnapiError('error_roms_no_rom', 403, 'No ROM uploaded'),
};

/**
 * The core's errors inside pkmnapi/v1 in pkmnapi's envelope: no route → error_not_found (Rocket's 404
 * catcher), other client errors (body unreadable or too large) → error_access_tokens_invalid with the
 * core's status, 429 → error_too_many_requests, server errors → error_internal_server with the status kept.
 */
export function coreErrorToPkmnapi(error: WpError): RestResponse {
  if (error instanceof PkmnapiError) return error.toResponse();
  const status = error.status;
  if (status === 404) return pkmnapiError(404, 'error_not_found', NOT_FOUND_MESSAGE);
  if (status === 429) return pkmnapiError(429, 'error_too_many_requests', error.message);
  if (status >= 500) return pkmnapiError(status, 'error_internal_server', status === 500 ? 'An unknown error has occurred' : error.message);
  return pkmnapiError(status, 'error_access_tokens_invalid', error.message);
}
