import { createClock } from '../../../../core/clock';
import type { RequestContext } from '../../../../core/pipeline/context';
import { Faults } from './faults';
import { closingAnswer, faultAnswer, faultPathOf, faultStage } from './stage';

/** The before-dispatch stage of injected faults (over HTTP: tests/emulator.test.ts). */

const ctxFor = (method: string, url: string, route: string | null) => ({ method, url, route, fault: null, answer: null }) as unknown as RequestContext;

describe('fault stage', () => {
  it('matches REST requests as /wp-json/<route> however sent, other pages by their path', () => {
    expect(faultPathOf(ctxFor('GET', '/?rest_route=/x/v1/y', '/x/v1/y'))).toBe('/wp-json/x/v1/y');
    expect(faultPathOf(ctxFor('GET', '/wp-json/', '/'))).toBe('/wp-json/');
    expect(faultPathOf(ctxFor('GET', '/about?q=1', null))).toBe('/about');
  });

  it('answers with the fault\'s status, headers and JSON body, names the fault, and leaves other requests alone', () => {
    const faults = new Faults(createClock('2030-01-01T00:00:00Z'));
    const added = faults.add({ method: 'POST', path: '/wp-json/x/v1/*', status: 502, headers: { 'X-Why': 'test' }, times: 1 });
    const stage = faultStage({ faults, exempt: () => false });
    const other = ctxFor('GET', '/wp-json/x/v1/a', '/x/v1/a');
    expect(stage.beforeDispatch!(other)).toBeUndefined();
    expect(other.answer).toBeNull();
    const hit = ctxFor('POST', '/wp-json/x/v1/a', '/x/v1/a');
    stage.beforeDispatch!(hit);
    expect(hit.fault).toEqual({ id: added.id });
    expect(hit.answer!.status).toBe(502);
    expect(hit.answer!.headers).toMatchObject({ 'X-Why': 'test', 'Content-Type': 'application/json; charset=UTF-8' });
    expect(JSON.parse(hit.answer!.body!.toString())).toMatchObject({ code: 'emulator_fault' });
    expect(faults.list()).toEqual([]); // times: 1 used up
  });

  it('exempt requests are never matched (the control API\'s own)', () => {
    const faults = new Faults(createClock());
    faults.add({ path: '/**', status: 500 });
    const ctx = ctxFor('GET', '/wp-json/emulator/v1/faults', '/emulator/v1/faults');
    faultStage({ faults, exempt: () => true }).beforeDispatch!(ctx);
    expect(ctx.answer).toBeNull();
    expect(faults.list()[0]!.matched).toBe(0);
  });

  it('a latency-only fault waits, then lets the route answer; a closing site answers 503 at once', async () => {
    const faults = new Faults(createClock());
    faults.add({ path: '/slow', latencyMs: 50 });
    const waits: number[] = [];
    const ctx = ctxFor('GET', '/slow', null);
    await faultStage({ faults, exempt: () => false, wait: (ms) => (waits.push(ms), Promise.resolve()) }).beforeDispatch!(ctx);
    expect(waits).toEqual([50]);
    expect(ctx.fault).not.toBeNull();
    expect(ctx.answer).toBeNull();
    const closing = ctxFor('GET', '/slow', null);
    const pending = faultStage({ faults, exempt: () => false }).beforeDispatch!(closing);
    faults.close();
    await pending;
    expect(closing.answer).toEqual(closingAnswer());
    expect(closing.answer!.headers.Connection).toBe('close');
  });

  it('no body for HEAD, 204 and a null body', () => {
    const faults = new Faults(createClock());
    const fault = faults.add({ path: '/x', status: 500 });
    expect(faultAnswer(fault, 'HEAD').body).toBeNull();
    expect(faultAnswer({ ...fault, status: 204 }, 'GET').body).toBeNull();
    expect(faultAnswer({ ...fault, body: null }, 'GET').body).toBeNull();
  });
});
