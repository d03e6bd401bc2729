import type { RequestContext } from './context';
import { runHooks, type Hook } from './stages';

const ctx = { answer: null } as unknown as RequestContext;

describe('stages: running hooks', () => {
  it('runs synchronous hooks in order without losing a tick, then goes on', () => {
    const seen: string[] = [];
    const hooks: Hook[] = [() => void seen.push('a'), () => void seen.push('b')];
    runHooks(hooks, 0, ctx, null, () => seen.push('then'), () => seen.push('fail'));
    expect(seen).toEqual(['a', 'b', 'then']);
  });

  it('waits for a hook that returns a promise before the next one', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const hooks: Hook[] = [() => new Promise<void>((r) => (release = r)), () => void seen.push('b')];
    const done = new Promise<void>((resolve) => runHooks(hooks, 0, ctx, null, resolve, () => seen.push('fail')));
    await Promise.resolve();
    expect(seen).toEqual([]);
    release();
    await done;
    expect(seen).toEqual(['b']);
  });

  it('stops when `stop` says so (a hook answered), and hands a throw or a rejection to `fail`', async () => {
    const answered = { answer: null } as unknown as RequestContext;
    const later = jest.fn();
    runHooks([(c) => void ((c as { answer: unknown }).answer = {}), later], 0, answered, (c) => c.answer !== null, () => undefined, () => undefined);
    expect(later).not.toHaveBeenCalled();
    const fail = jest.fn();
    runHooks([() => { throw new Error('boom'); }, later], 0, ctx, null, () => undefined, fail);
    expect(fail).toHaveBeenCalledWith(new Error('boom'));
    await new Promise<void>((resolve) => runHooks([() => Promise.reject(new Error('no'))], 0, ctx, null, () => undefined, (e) => (fail(e), resolve())));
    expect(fail).toHaveBeenLastCalledWith(new Error('no'));
    expect(later).not.toHaveBeenCalled();
  });
});
