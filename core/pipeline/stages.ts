import type { RequestContext } from './context';

/**
 * What an extension (a namespace module, the test control, the request log) adds to the pipeline.
 * Each hook gets the request's context; a hook may return a promise (the pipeline then waits for it).
 *
 * - `receive`: the request has arrived, nothing is read yet (the reset gate waits here).
 * - `beforeDispatch`: who is asking is known, the body is read. Setting `ctx.answer` (and `ctx.fault`)
 *   answers the request instead of the route (an injected fault); the rest of before-dispatch and
 *   dispatch are skipped, respond writes that answer.
 * - `afterResponse`: the response has been handed over (`ctx.answer`, `ctx.durationMs`; for a page
 *   Express answered, `ctx.res.statusCode` and `ctx.res.getHeaders()`). Observe only: never throws
 *   into the request, never writes.
 */
export interface StageHooks {
  /** Named in error logs. */
  readonly name: string;
  receive?(ctx: RequestContext): void | Promise<void>;
  beforeDispatch?(ctx: RequestContext): void | Promise<void>;
  afterResponse?(ctx: RequestContext): void;
}

export type Hook = (ctx: RequestContext) => void | Promise<void>;

function isPromise(value: unknown): value is Promise<void> {
  return value !== null && typeof value === 'object' && typeof (value as Promise<void>).then === 'function';
}

/**
 * Runs `hooks` in order from `from`, synchronously while they are (the usual case: no promise, no
 * tick lost), then `then()`; a hook's throw or rejection goes to `fail`. `stop(ctx)` ends the run early.
 */
export function runHooks(hooks: readonly Hook[], from: number, ctx: RequestContext, stop: ((ctx: RequestContext) => boolean) | null, then: () => void, fail: (error: unknown) => void): void {
  for (let i = from; i < hooks.length; i++) {
    if (stop !== null && stop(ctx)) break;
    let result: void | Promise<void>;
    try {
      result = hooks[i]!(ctx);
    } catch (error) {
      fail(error);
      return;
    }
    if (isPromise(result)) {
      result.then(() => runHooks(hooks, i + 1, ctx, stop, then, fail), fail);
      return;
    }
  }
  then();
}
