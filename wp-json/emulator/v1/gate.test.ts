import { EventEmitter } from 'node:events';
import type { RequestContext } from '../../../core/pipeline/context';
import { RequestGate, gateStage } from './gate';

/** The reset gate and its receive stage (the reset itself over HTTP: tests/emulator.test.ts). */

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RequestGate', () => {
  it('runs an exclusive section only after in-flight work leaves, and holds newcomers until it ends', async () => {
    const gate = new RequestGate();
    const log: string[] = [];
    await gate.enter();
    const exclusive = gate.exclusive(() => log.push('exclusive'));
    const newcomer = gate.enter().then(() => log.push('newcomer'));
    await tick();
    expect(log).toEqual([]);
    expect(gate.held).toBe(1);
    gate.leave();
    await Promise.all([exclusive, newcomer]);
    expect(log).toEqual(['exclusive', 'newcomer']);
    expect(gate.inFlight).toBe(1);
  });

  /** A context whose response is an event emitter (what the gate listens to). */
  const gatedContext = () => ({ res: new EventEmitter() }) as unknown as RequestContext;

  it('the receive stage lets a request in at once when no reset runs, and counts it until its response closes', async () => {
    const gate = new RequestGate();
    const stage = gateStage(gate, () => false);
    const ctx = gatedContext();
    const result = stage.receive!(ctx);
    // Synchronously: no promise to wait for on the usual path.
    expect(result).toBeUndefined();
    expect(gate.inFlight).toBe(1);
    // A response that closes (answered, or its client gone) leaves the gate.
    (ctx.res as unknown as EventEmitter).emit('close');
    expect(gate.inFlight).toBe(0);
  });

  it('the receive stage holds a request while a reset runs and lets it in after', async () => {
    const gate = new RequestGate();
    const stage = gateStage(gate, () => false);
    let release!: () => void;
    const reset = gate.exclusive(() => new Promise<void>((r) => (release = r)));
    await tick();
    const passed = jest.fn();
    (stage.receive!(gatedContext()) as Promise<void>).then(passed);
    await tick();
    expect(passed).not.toHaveBeenCalled();
    expect(gate.held).toBe(1);
    release();
    await reset;
    await tick();
    expect(passed).toHaveBeenCalledTimes(1);
    expect(gate.inFlight).toBe(1);
  });

  it('serialises two exclusive sections', async () => {
    const gate = new RequestGate();
    const log: string[] = [];
    let release!: () => void;
    const first = gate.exclusive(() => new Promise<void>((r) => (release = () => (log.push('first'), r()))));
    const second = gate.exclusive(() => log.push('second'));
    await tick();
    expect(log).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['first', 'second']);
  });
});
