import { AuthenticateStage, type Authenticator } from './authenticate';
import type { Authentication, RequestContext } from './context';

const user = { id: 1, login: 'admin' } as unknown as NonNullable<Authentication['user']>;
const fresh = () => ({ auth: null }) as unknown as RequestContext;

function authenticator(name: string, answer: Authentication | null, calls: string[]): Authenticator {
  return {
    name,
    authenticate: () => {
      calls.push(name);
      return answer;
    },
  };
}

describe('authenticate stage', () => {
  it('asks the authenticators in the order registered; the first that claims the request decides', () => {
    const calls: string[] = [];
    const stage = new AuthenticateStage()
      .use(authenticator('none', null, calls))
      .use(authenticator('cookie', { user, method: 'cookie', appPassword: null, attemptedLogin: 'admin', failure: null }, calls))
      .use(authenticator('never', null, calls));
    const ctx = fresh();
    stage.run(ctx);
    expect(calls).toEqual(['none', 'cookie']);
    expect(ctx.auth.method).toBe('cookie');
    expect(ctx.auth.user).toBe(user);
  });

  it('a failure decides too (the request is anonymous, saying why); later authenticators are not asked', () => {
    const calls: string[] = [];
    const failed: Authentication = { user: null, method: null, appPassword: null, attemptedLogin: 'x', failure: 'wrong-password' };
    const stage = new AuthenticateStage().use(authenticator('basic', failed, calls)).use(authenticator('cookie', null, calls));
    const ctx = fresh();
    stage.run(ctx);
    expect(calls).toEqual(['basic']);
    expect(ctx.auth.failure).toBe('wrong-password');
  });

  it('a request no authenticator claims is anonymous with no-credentials', () => {
    const ctx = fresh();
    new AuthenticateStage().use(authenticator('basic', null, [])).run(ctx);
    expect(ctx.auth).toMatchObject({ user: null, method: null, failure: 'no-credentials' });
  });
});
