import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock';
import type { RestServer } from '../rest/server';
import { AuthenticateStage } from './authenticate';
import { readBody, readBodyThen } from './body';
import type { Answer, RequestContext } from './context';
import { bodyFailureError, dispatchRest, type DispatchResult } from './dispatch';
import { restAnswer } from '../rest/http';
import { internalErrorAnswer, writeAnswer } from './respond';
import { receiveContext } from './receive';
import { runHooks, type Hook, type StageHooks } from './stages';

export interface PipelineOptions {
  server: RestServer;
  clock: Clock;
  siteUrl(): string;
  bodyLimit: number;
  /** Told about a failure that escaped a stage (the client gets a plain 500). */
  onError?(error: unknown, stage: string): void;
}

/** What extensions see of the pipeline (SiteContext.pipeline): where they add hooks and authenticators. */
export interface PipelineRegistry {
  readonly authenticate: AuthenticateStage;
  use(hooks: StageHooks): void;
}

const PLAIN_500: Answer = { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Internal Server Error') };
const plain500 = (): Answer => PLAIN_500;

const hasAnswer = (ctx: RequestContext) => ctx.answer !== null;

/**
 * A REST request whose body is at least this large gives the event loop a turn between dispatch
 * and respond, and an answer this large one between its encoding and its write: the handler's work
 * (sanitising, storing), the answer's encoding and its write then run as separate blocks, with
 * timers and other requests served between them, instead of one. A
 * megabyte of `<` in a text field is stored and answered as four megabytes of `&lt;`: one block of
 * ~150 ms on these VMs, most of it first-touched memory (docs/reliability.md, "Large bodies").
 * Smaller requests, all of the usual ones, answer in the same turn as before.
 */
export const YIELD_BEFORE_RESPOND_BYTES = 64 * 1024;

/**
 * `fn` in the event loop's next turn. Two immediates: a request's data arrives in the poll phase,
 * where one immediate runs in the same turn's check phase, before any timer or newly arrived request;
 * one set from the check phase runs in the next turn's, after its timers and its poll.
 */
function nextTurn(fn: () => void): void {
  setImmediate(() => setImmediate(fn));
}

/**
 * For a handler working on a large body (YIELD_BEFORE_RESPOND_BYTES or more): resolves in the event
 * loop's next turn, so its sanitising and its storing are two blocks with timers and other requests
 * between them; at once for a smaller one.
 */
export function turnForLargeBody(bodyBytes: number): Promise<void> {
  if (bodyBytes < YIELD_BEFORE_RESPOND_BYTES) return Promise.resolve();
  return new Promise((resolve) => nextTurn(resolve));
}

/**
 * The request pipeline (docs/architecture.md): receive → authenticate → before-dispatch → dispatch →
 * respond → after-response, on Node's own request and response, one typed context per request. REST
 * requests are answered here with one write; other requests go on to the host (Express) after
 * before-dispatch, and after-response observes the answer Express wrote.
 */
export class Pipeline implements PipelineRegistry {
  readonly authenticate = new AuthenticateStage();
  private readonly receiveHooks: Hook[] = [];
  private readonly beforeDispatchHooks: Hook[] = [];
  private readonly afterResponseHooks: { name: string; hook: (ctx: RequestContext) => void }[] = [];
  /** Contexts of requests Express is answering now, for its routes (contextOf). */
  private readonly hosted = new WeakMap<IncomingMessage, RequestContext>();

  constructor(private readonly options: PipelineOptions) {}

  use(hooks: StageHooks): void {
    if (hooks.receive) this.receiveHooks.push(hooks.receive.bind(hooks));
    if (hooks.beforeDispatch) this.beforeDispatchHooks.push(hooks.beforeDispatch.bind(hooks));
    if (hooks.afterResponse) this.afterResponseHooks.push({ name: hooks.name, hook: hooks.afterResponse.bind(hooks) });
  }

  /** The context of a request the host (Express) is answering: who is asking, for an Express route. */
  contextOf(req: IncomingMessage): RequestContext | undefined {
    return this.hosted.get(req);
  }

  /** The receive stage's first step: the context of a request that has just arrived. */
  receive(req: IncomingMessage, res: ServerResponse, url: string): RequestContext {
    return receiveContext(req, res, url, this.options.server, this.options.clock);
  }

  /**
   * Takes a request through every stage. `url` is the URL as sent (Express's originalUrl when
   * mounted); `host(ctx)` answers what is not a REST request.
   */
  handle(req: IncomingMessage, res: ServerResponse, url: string, host: (ctx: RequestContext) => void): void {
    const ctx = this.receive(req, res, url);
    const hooksFailed = (error: unknown) => this.fail(ctx, error, 'hook', plain500);
    const received = () => this.guarded(ctx, 'authenticate', plain500, () => this.afterReceive(ctx, host, hooksFailed));
    runHooks(this.receiveHooks, 0, ctx, null, () => {
      if (ctx.route === null) return received();
      readBodyThen(req, this.options.bodyLimit, (read) => {
        try {
          ctx.body = read.body;
          if (read.failure !== null) ctx.bodyError = bodyFailureError(read.failure, this.options.bodyLimit);
          received();
        } catch (error) {
          hooksFailed(error);
        }
      });
    }, hooksFailed);
  }

  /**
   * Runs `fn`; what it throws ends the request with `answer()` (never an uncaught exception, never a
   * hang). The answer is made only then: WordPress's 500 is an Error with a stack, built and encoded,
   * measured at ~40 µs per request when it was made up front on every request (docs/performance.md).
   */
  private guarded(ctx: RequestContext, stage: string, answer: () => Answer, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.fail(ctx, error, stage, answer);
    }
  }

  private afterReceive(ctx: RequestContext, host: (ctx: RequestContext) => void, hooksFailed: (error: unknown) => void): void {
    this.authenticate.run(ctx);
    runHooks(this.beforeDispatchHooks, 0, ctx, hasAnswer, () => {
      this.guarded(ctx, 'dispatch', ctx.route === null ? plain500 : internalErrorAnswer, () => {
        if (ctx.answer !== null) this.writeIntervention(ctx, ctx.answer);
        else if (ctx.route !== null) this.dispatch(ctx);
        else this.handOver(ctx, host);
      });
    }, hooksFailed);
  }

  /** dispatch → respond → after-response for a REST request. */
  private dispatch(ctx: RequestContext): void {
    // A throw here is the dispatch stage's (afterReceive's guard); an answer given at once is written at once.
    const dispatched = dispatchRest(ctx, this.options.server);
    if (dispatched instanceof Promise) dispatched.then((done) => this.respondLater(ctx, done), (error: unknown) => this.fail(ctx, error, 'dispatch', internalErrorAnswer));
    else this.respondLater(ctx, dispatched);
  }

  /** respond now, or after the event loop's next turn for a large body (YIELD_BEFORE_RESPOND_BYTES). */
  private respondLater(ctx: RequestContext, dispatched: DispatchResult): void {
    if (ctx.body.length < YIELD_BEFORE_RESPOND_BYTES) return this.respond(ctx, dispatched);
    nextTurn(() => this.respond(ctx, dispatched));
  }

  /**
   * respond → after-response for a dispatched REST request. A large answer (YIELD_BEFORE_RESPOND_BYTES,
   * whatever the request's size) is encoded in one turn and written in the next: four megabytes of
   * JSON took ~20–40 ms to make and ~15–20 more to write as bytes, here.
   */
  private respond(ctx: RequestContext, dispatched: DispatchResult): void {
    this.guarded(ctx, 'respond', internalErrorAnswer, () => {
      const answer = restAnswer(ctx, dispatched, this.options.server, this.options.siteUrl());
      const write = () => {
        writeAnswer(ctx, answer);
        this.afterResponse(ctx);
      };
      if (answer.body === null || answer.body.length < YIELD_BEFORE_RESPOND_BYTES) write();
      else nextTurn(() => this.guarded(ctx, 'respond', internalErrorAnswer, write));
    });
  }

  /** An answer a before-dispatch hook gave (a fault): the body is read first, so after-response sees it. */
  private writeIntervention(ctx: RequestContext, answer: Answer): void {
    const write = () =>
      this.guarded(ctx, 'respond', plain500, () => {
        writeAnswer(ctx, ctx.method === 'HEAD' ? { ...answer, body: null } : answer);
        this.afterResponse(ctx);
      });
    if (ctx.route !== null || ctx.req.readableEnded) return write();
    readBody(ctx.req, this.options.bodyLimit).then((read) => {
      ctx.body = read.body;
      write();
    }, write);
  }

  /** Not a REST request: the host answers it; after-response runs once the response is done. */
  private handOver(ctx: RequestContext, host: (ctx: RequestContext) => void): void {
    this.hosted.set(ctx.req, ctx);
    ctx.res.once('close', () => {
      this.hosted.delete(ctx.req);
      if (!ctx.res.writableEnded) return;
      ctx.durationMs = Math.round((performance.now() - ctx.started) * 10) / 10;
      this.afterResponse(ctx);
    });
    host(ctx);
  }

  private afterResponse(ctx: RequestContext): void {
    for (const { name, hook } of this.afterResponseHooks) {
      try {
        hook(ctx);
      } catch (error) {
        // Observers never break a request.
        this.options.onError?.(error, name);
      }
    }
  }

  /** Last line of defence: a plain 500 (or WordPress's internal error for REST), never a stack trace. */
  private fail(ctx: RequestContext, error: unknown, stage: string, answer: () => Answer): void {
    this.options.onError?.(error, stage);
    if (ctx.written) return;
    writeAnswer(ctx, answer());
    this.afterResponse(ctx);
  }
}
