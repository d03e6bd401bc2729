import { ANONYMOUS, type Authentication, type RequestContext } from './context';

/**
 * One way of telling who a request is (application-password Basic, WordPress's cookie + X-WP-Nonce,
 * ...). Asked in the order registered; the first that returns an Authentication decides, success or
 * failure. `null` means "this request carries none of my credentials": the next one is asked. A
 * request no authenticator claims is anonymous with `failure: 'no-credentials'`.
 *
 * Authenticators read the context (headers through `ctx.req.headers`, `ctx.ip`); they never answer the
 * request: as in WordPress, bad credentials make the request anonymous and the route's permission
 * check decides (brute-force protection's `failure: 'throttled'` is answered 429 by dispatch).
 */
export interface Authenticator {
  /** The `method` it sets on a success (`application-password`, `cookie`). */
  readonly name: string;
  authenticate(ctx: RequestContext): Authentication | null;
}

/** The authenticate stage: the registered authenticators, in order. */
export class AuthenticateStage {
  private readonly list: Authenticator[] = [];

  /** Adds an authenticator after those already registered (one line per authenticator). */
  use(authenticator: Authenticator): this {
    this.list.push(authenticator);
    return this;
  }

  get authenticators(): readonly Authenticator[] {
    return this.list;
  }

  run(ctx: RequestContext): void {
    for (const authenticator of this.list) {
      const found = authenticator.authenticate(ctx);
      if (found !== null) {
        ctx.auth = found;
        return;
      }
    }
    ctx.auth = ANONYMOUS;
  }
}
