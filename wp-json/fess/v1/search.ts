import { randomUUID } from 'node:crypto';
import type { FessApi } from './envelope';
import { parseWhole } from './input';
import { STATUS } from './wire';

/**
 * Fess's classic search API `/json/`, which tokens unlock: with no index behind it, every search
 * answers no hits, paged as Fess pages. FESS_TOKEN_REQUIRED decides whether a guest may search.
 */

/** paging.search.page.size / paging.search.page.max.size of the search API. */
const SEARCH_PAGE_SIZE = 20;
const SEARCH_PAGE_MAX = 100;

export function registerSearchApi(api: FessApi, ns: string, tokenRequired: boolean): void {
  const { ctx, live, ok, fail, present } = api;
  ctx.rest.registerRoute(ns, '/json', {
    methods: ['GET'],
    handler: (req) => {
      const presented = present(req);
      if (presented.kind === 'invalid' || (presented.kind === 'none' && tokenRequired)) {
        const error = presented.kind === 'invalid' ? presented.error : 'invalid_token';
        let message: string;
        if (live) message = `error_code:${randomUUID()}`;
        else if (presented.kind === 'none') message = 'Access token is required.';
        else if (presented.reason === 'expired') message = 'The access token has expired.';
        else if (presented.reason === 'format') message = 'Invalid format of the Authorization header: use "Bearer <token>".';
        else message = 'The access token is invalid.';
        return fail(message, 401, STATUS.BAD_REQUEST, { 'WWW-Authenticate': `Bearer error="${error}"` });
      }
      const q = typeof req.query.q === 'string' ? req.query.q : '';
      const num = parseWhole(req.query.num);
      const pageSize = num === null || num <= 0 ? SEARCH_PAGE_SIZE : Math.min(num, SEARCH_PAGE_MAX);
      const startParam = parseWhole(req.query.start);
      const start = startParam === null || startParam < 0 ? 0 : startParam;
      // QueryResponseList.calculatePageInfo with no hits.
      const pageNumber = Math.floor(start / pageSize) + 1;
      const pageCount = 1;
      const pageNumbers: string[] = [];
      for (let i = Math.max(pageNumber - 5, 1); i <= Math.min(pageNumber + 5, pageCount); i++) pageNumbers.push(String(i));
      return ok({
        q,
        query_id: randomUUID().replace(/-/g, ''),
        exec_time: 0,
        query_time: 0,
        page_size: pageSize,
        page_number: pageNumber,
        record_count: 0,
        record_count_relation: 'EQUAL_TO',
        page_count: pageCount,
        highlight_params: q === '' ? '' : `&hq=${encodeURIComponent(q)}`,
        next_page: false,
        prev_page: start > 0,
        start_record_number: 0,
        end_record_number: 0,
        page_numbers: pageNumbers,
        partial: false,
        search_query: q,
        requested_time: ctx.clock.now(),
        related_query: [],
        related_contents: [],
        result: [],
      });
    },
  });
}
