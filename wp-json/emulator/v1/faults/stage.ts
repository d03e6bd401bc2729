import type { Answer, RequestContext } from '../../../../core/pipeline/context';
import type { StageHooks } from '../../../../core/pipeline/stages';
import { urlPath } from '../../../../core/pipeline/route';
import { FaultsClosedError, type Fault, type Faults } from './faults';

export interface FaultStageOptions {
  faults: Faults;
  /** Requests faults never touch (the control API's own). */
  exempt(ctx: RequestContext): boolean;
  /** Waits `ms` of wall-clock time (tests may replace it). Default: `faults.delay`, unref'd and ended by `faults.close()`. */
  wait?(ms: number): Promise<void>;
}

/** The path a fault's pattern is matched against: `/wp-json/<route>` for REST requests (however sent), else the URL's path. */
export function faultPathOf(ctx: RequestContext): string {
  return ctx.route === null ? urlPath(ctx.url) : `/wp-json${ctx.route === '/' ? '/' : ctx.route}`;
}

/** The answer a fault with a status gives: its headers, and its body as JSON unless there is none. */
export function faultAnswer(fault: Fault, method: string): Answer {
  const status = fault.status!;
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.body === null || fault.body === undefined || method === 'HEAD' || status === 204 || status === 304) return { status, headers, body: null };
  if (!Object.keys(headers).some((n) => n.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json; charset=UTF-8';
  const body = Buffer.from(JSON.stringify(fault.body), 'utf8');
  headers['Content-Length'] = String(body.length);
  return { status, headers, body };
}

/** What a request delayed by a fault gets when the site closes during the wait. */
export function closingAnswer(): Answer {
  const body = Buffer.from(JSON.stringify({ code: 'emulator_closing', message: 'The emulator is shutting down.', data: { status: 503 } }), 'utf8');
  return { status: 503, headers: { 'Content-Type': 'application/json; charset=UTF-8', Connection: 'close', 'Content-Length': String(body.length) }, body };
}

/**
 * The before-dispatch stage of injected faults: the first matching fault delays the request, then
 * lets the route answer or answers with its own status and body (`ctx.answer`). Either way
 * `ctx.fault` names it, for the journal.
 */
export function faultStage(options: FaultStageOptions): StageHooks {
  const { faults } = options;
  const wait = options.wait ?? ((ms: number) => faults.delay(ms));
  return {
    name: 'faults',
    beforeDispatch(ctx) {
      if (!faults.any || options.exempt(ctx)) return;
      const fault = faults.take(ctx.method, faultPathOf(ctx));
      if (!fault) return;
      ctx.fault = { id: fault.id };
      const answer = () => {
        if (fault.status !== null) ctx.answer = faultAnswer(fault, ctx.method);
      };
      if (fault.latencyMs === 0) return answer();
      return wait(fault.latencyMs).then(answer, (e: unknown) => {
        if (e instanceof FaultsClosedError) ctx.answer = closingAnswer();
        else answer();
      });
    },
  };
}
