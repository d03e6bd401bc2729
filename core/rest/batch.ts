import { queryOf, urlPath } from '../pipeline/route';
import { parsePhpQuery } from '../query-string';
import { WpError } from './errors';
import { RestRequest, type Params } from './request';
import { RestResponse } from './response';
import type { RegisteredEndpoint, Route } from './routes';
import type { ArgSchema } from './schema';

/**
 * WordPress's batch route, `POST /wp-json/batch/v1` (WP_REST_Server::serve_batch_request_v1, since
 * WordPress 5.6): up to 25 requests answered in one, each as its own request to a route whose
 * endpoint allows batching (`allow_batch`, shown in the index; in `wp/v2`, the users routes), as the
 * user the batch request authenticated as. The answer is `207 Multi-Status` with one
 * `{body, status, headers}` per request, in order.
 *
 * The requests are first matched and their arguments checked, all of them; with
 * `validation: "require-all-validate"` one failure answers `{failed: "validation", responses}` (the
 * errors, `null` for the requests that passed) and nothing runs. Otherwise each request then runs in
 * turn, a failed one answering its error.
 *
 * The requests inside run on the route table alone: they do not go through the request pipeline,
 * so the journal and the test control's injected faults see the batch request only.
 */

/** rest_get_max_batch_size()'s default. */
export const MAX_BATCH_SIZE = 25;

/** The batch route's args, as WordPress registers them (the index shows them so). */
export const BATCH_ARGS: Record<string, ArgSchema> = {
  validation: { type: 'string', enum: ['require-all-validate', 'normal'], default: 'normal' },
  requests: {
    required: true,
    type: 'array',
    maxItems: MAX_BATCH_SIZE,
    items: {
      type: 'object',
      properties: {
        method: { type: 'string', enum: ['POST', 'PUT', 'PATCH', 'DELETE'], default: 'POST' },
        path: { type: 'string', required: true },
        body: { type: 'object', properties: {}, additionalProperties: true },
        headers: { type: 'object', properties: {}, additionalProperties: { type: ['string', 'array'], items: { type: 'string' } } },
      },
    },
  },
};

/** One request of the batch as given (checked against BATCH_ARGS). */
interface BatchItem {
  method?: string;
  path: string;
  body?: Params;
  headers?: Record<string, string | string[]>;
}

/**
 * A request of the batch matched and checked: `error` is why it cannot run (no route, no batching,
 * bad args), or null; `match` is the route it matched then, which answers it later (WordPress keeps
 * `$matches[$i]` from the first loop too).
 */
export interface PreparedRequest {
  req: RestRequest;
  error: WpError | null;
  match: { route: Route; endpoint: RegisteredEndpoint; namespace: string | null } | null;
}

/** What the batch needs of the REST server: checking a request as dispatch would, and answering it. */
export interface BatchDispatcher {
  /** Matches the request and checks its args (has_valid_params, sanitize_params); refuses an endpoint without allow_batch. */
  prepare(req: RestRequest): PreparedRequest;
  /** respond_to_request with the error found, or the permission check and the handler; then rest_post_dispatch (Allow, `_fields`). */
  answer(prepared: PreparedRequest): Promise<RestResponse>;
  /** An error as the batch lists it before anything runs (no rest_post_dispatch). */
  errorData(error: WpError): RestResponse;
}

const NO_BODY = Buffer.alloc(0);

/**
 * The path of a request in the batch, split as wp_parse_url() splits it: the path and the query
 * (the fragment dropped); a full URL gives its path. Null when it cannot be parsed.
 */
function splitPath(path: string): { route: string; query: string } | null {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(path) || path.startsWith('//')) {
    try {
      const url = new URL(path.startsWith('//') ? `http:${path}` : path);
      return { route: url.pathname, query: url.search.slice(1) };
    } catch {
      return null;
    }
  }
  const withoutFragment = path.split('#')[0]!; // a '?' after the '#' is the fragment's
  return { route: urlPath(withoutFragment), query: queryOf(withoutFragment) };
}

/** A request's `headers` as WP_REST_Request::set_headers keeps them: lower-cased names, a list joined. */
function headersOf(given: Record<string, string | string[]> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(given ?? {})) out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  return out;
}

/** envelope_response($response, false)->get_data(): the body, the status and the response's own headers ([] when none, as PHP encodes an empty array). */
function envelope(response: RestResponse): Record<string, unknown> {
  return { body: response.data, status: response.status, headers: Object.keys(response.headers).length > 0 ? { ...response.headers } : [] };
}

/** serve_batch_request_v1 for the batch request `batch`. */
export async function serveBatch(batch: RestRequest, server: BatchDispatcher): Promise<RestResponse> {
  const items = batch.param('requests') as BatchItem[];
  const requests: Array<PreparedRequest | WpError> = items.map((item) => {
    const split = splitPath(item.path);
    if (split === null) return new WpError('parse_path_failed', 'Could not parse the path.', { status: 400 });
    const query = split.query === '' ? {} : (parsePhpQuery(split.query) as Params);
    const body = item.body && typeof item.body === 'object' ? item.body : {};
    const req = new RestRequest(item.method ?? 'POST', split.route, headersOf(item.headers), query, body, undefined, null, NO_BODY, batch.user, batch.appPassword, batch.ip, batch.secrets);
    return server.prepare(req);
  });
  const failed = requests.some((r) => r instanceof WpError || r.error !== null);
  if (failed && batch.param('validation') === 'require-all-validate') {
    const responses = requests.map((r) => (r instanceof WpError ? envelope(server.errorData(r)) : r.error !== null ? envelope(server.errorData(r.error)) : null));
    return new RestResponse({ failed: 'validation', responses }, 207);
  }
  const responses: unknown[] = [];
  // One after another, as WordPress runs them: a later request sees what an earlier one stored.
  for (const r of requests) responses.push(envelope(r instanceof WpError ? server.errorData(r) : await server.answer(r)));
  return new RestResponse({ responses }, 207);
}
