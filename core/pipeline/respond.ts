import type { Answer, RequestContext } from './context';
import { encodeJson } from '../rest/json';
import { wpErrors } from '../rest/errors';

/**
 * The respond stage: the one write of each response the pipeline answers. What is written (status,
 * headers, encoding) is decided before: core/rest/http.ts's restAnswer for a REST answer, the hook
 * that set `ctx.answer` for an intervention.
 */

/** A failure nothing else caught: WordPress's internal_server_error, never a stack trace. */
export function internalErrorAnswer(): Answer {
  const body = encodeJson(wpErrors.internal().toJSON(), 'php');
  return { status: 500, headers: { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': String(Buffer.byteLength(body)) }, body };
}

/** Header names in lower case, kept (a response names the same dozen headers every time: no new string per header per response). */
const LOWER = new Map<string, string>();

function lowerName(name: string): string {
  let lower = LOWER.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (LOWER.size >= 512) LOWER.clear();
    LOWER.set(name, lower);
  }
  return lower;
}

/**
 * The headers as one flat list for `writeHead` (Node's fast path: no header object is built, each
 * line is validated once as it is written; measured ~6 µs less per response than a `setHeader` per
 * header, docs/performance.md). Names that differ only in case are one header, as `setHeader` makes
 * them: the first one's place, the last one's name and value.
 */
export function headerList(headers: Record<string, string>): string[] {
  const list: string[] = [];
  const lowered: string[] = [];
  for (const name in headers) {
    const lower = lowerName(name);
    const at = lowered.indexOf(lower);
    if (at === -1) {
      lowered.push(lower);
      list.push(name, headers[name]!);
    } else {
      list[2 * at] = name;
      list[2 * at + 1] = headers[name]!;
    }
  }
  return list;
}

/**
 * The one write of a response the pipeline answers. Returns false when the response was already
 * under way (then it is only ended).
 */
export function writeAnswer(ctx: RequestContext, answer: Answer): boolean {
  const { res } = ctx;
  ctx.answer = answer;
  if (res.headersSent || res.writableEnded) {
    if (!res.writableEnded) res.end();
    return false;
  }
  res.writeHead(answer.status, headerList(answer.headers));
  if (answer.body === null) res.end();
  else res.end(answer.body);
  ctx.written = true;
  ctx.durationMs = Math.round((performance.now() - ctx.started) * 10) / 10;
  return true;
}
