import type { RestResponse } from '../../../core/rest/response';

/**
 * pkmnapi's `live` profile (PKMNAPI_PROFILE=live): what pkmn-api/pkmnapi's own HTTP tests
 * (pkmnapi-api/tests/access_tokens.rs, common.rs, rate_limiting.rs) see from its Rocket server, where
 * the `docs` profile follows the seed. The tests run a debug build, whose routes answer the new
 * token (or delete code) in the 201 body instead of mailing it (src/routes/access_tokens.rs,
 * `cfg!(debug_assertions)`), and check each answer's exact header set (common::assert_headers).
 */
export type PkmnapiProfile = 'docs' | 'live';

/** The headers pkmnapi's answers carry (common::assert_headers): nothing else is sent in `live`. */
const LIVE_HEADERS = new Set(['content-type', 'location', 'server']);

/**
 * Keeps only pkmnapi's own headers on a `live` answer; a 204 has no Content-Type
 * (delete_access_token_204 expects `Server` alone). The WordPress layer's headers (CORS,
 * X-Robots-Tag, Link, Allow, no-cache) are not added for this namespace at all (`ownHeaders`).
 */
export function liveHeaders(res: RestResponse): RestResponse {
  for (const name of Object.keys(res.headers)) {
    const lower = name.toLowerCase();
    if (!LIVE_HEADERS.has(lower) || (res.status === 204 && lower === 'content-type')) delete res.headers[name];
  }
  return res;
}

/** The 201 body: the debug build's `json!(access_token)` / `json!(delete_code)` in `live`, `{}` (the release build, the seed) in `docs`. */
export function createdBody(profile: PkmnapiProfile, secret: string): unknown {
  return profile === 'live' ? secret : {};
}
