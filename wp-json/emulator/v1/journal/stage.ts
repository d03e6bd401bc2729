import type { RequestContext } from '../../../../core/pipeline/context';
import type { StageHooks } from '../../../../core/pipeline/stages';
import { headerKey } from '../../../../core/rest/response';
import { buildEntry, type SeenRequest, type SeenResponse } from './entry';
import type { Journal } from './journal';
import { MAX_CAPTURE } from './redact-body';

/** Bytes an entry is counted for besides its bodies, URL and headers (the objects that hold them). */
const ENTRY_OVERHEAD = 512;

function headerBytes(headers: Record<string, unknown>): number {
  let n = 0;
  for (const name in headers) {
    const value = headers[name];
    n += name.length + (Array.isArray(value) ? value.join(', ').length : String(value ?? '').length);
  }
  return n;
}

/** The first MAX_CAPTURE bytes of a body, copied when cut (a view would keep the whole buffer alive). */
function captured(body: Buffer): Buffer {
  return body.length > MAX_CAPTURE ? Buffer.from(body.subarray(0, MAX_CAPTURE)) : body;
}

/** An answer's body as the journal keeps it: text as it is (made into bytes only when an entry is built), bytes as captured(). */
function capturedAnswer(body: Buffer | string): Buffer | string {
  if (typeof body !== 'string') return captured(body);
  return body.length * 3 <= MAX_CAPTURE ? body : captured(Buffer.from(body, 'utf8'));
}

/**
 * The after-response stage of the request journal: once the answer is handed over, keeps references
 * to what the entry needs (the request's and answer's first 64 KB, headers, who, which fault); the
 * entry is parsed and redacted only when the journal is read. Nothing at all is looked at when the
 * journal keeps nothing (size 0).
 */
export function journalStage(journal: Journal, exempt: (ctx: RequestContext) => boolean): StageHooks {
  return {
    name: 'journal',
    afterResponse(ctx) {
      if (journal.size <= 0 || exempt(ctx)) return;
      const { res } = ctx;
      const seen: SeenRequest = {
        method: ctx.method,
        url: ctx.url,
        headers: ctx.req.headers,
        body: captured(ctx.body),
        bodyLength: ctx.body.length,
        marked: ctx.secrets,
        user: ctx.auth.user?.login ?? null,
        auth: { method: ctx.auth.method, failure: ctx.auth.failure },
        fault: ctx.fault?.id ?? null,
      };
      // The pipeline's own answer is seen whole, headers as written (one writeHead: Node keeps no
      // header object to ask); a page Express wrote is known by its headers only. Names are
      // lower-cased when the entry is built.
      const own = ctx.written && ctx.answer !== null ? ctx.answer : null;
      const headers = own !== null ? own.headers : res.getHeaders();
      const body = own !== null ? own.body : null;
      const length = Number(own !== null ? own.headers[headerKey(own.headers, 'content-length') ?? ''] : headers['content-length']);
      const answered: SeenResponse = {
        status: res.statusCode,
        headers,
        durationMs: ctx.durationMs ?? 0,
        raw: body === null ? Buffer.alloc(0) : capturedAnswer(body),
        total: body !== null ? Buffer.byteLength(body) : Number.isFinite(length) ? length : 0,
        seen: ctx.written,
      };
      const { route, namespace } = ctx;
      const at = ctx.arrived;
      const bytes = ENTRY_OVERHEAD + seen.body.length + answered.raw.length + ctx.url.length + headerBytes(seen.headers) + headerBytes(headers);
      journal.record(() => {
        const time = new Date(at).toISOString();
        try {
          return buildEntry(seen, answered, route, namespace, time);
        } catch {
          // The journal must never break a request, nor a read of it.
          return { time, method: seen.method, path: '[unavailable]', route: null, namespace: null, status: answered.status, durationMs: answered.durationMs, user: null, auth: seen.auth, fault: null, request: { headers: {}, query: null, body: null }, response: { headers: {}, body: null } };
        }
      }, bytes);
    },
  };
}
