/**
 * The one clock every part of the emulator reads: token expiry, cooldowns, rate-limit windows,
 * nonce ticks, `created`/`last_used`. Tests move it instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the emulator sees it. */
  now(): number;
  /** Whole seconds since the epoch (PHP's time()). */
  seconds(): number;
  /** Moves the clock forward (or back, with a negative value) by `seconds`. */
  advance(seconds: number): void;
  /** Freezes the clock at the given time (Date, ISO string or epoch milliseconds). */
  set(time: Date | string | number): void;
  /** Back to the machine's time, running. */
  real(): void;
  /** `real` when following the machine's clock, `frozen` after `set`, `offset` after `advance`. */
  state(): { now: string; mode: 'real' | 'offset' | 'frozen'; offsetMs: number };
}

export class ClockError extends Error {}

function toEpochMs(time: Date | string | number): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new ClockError(`Not a valid time: ${String(time)}`);
  return ms;
}

/**
 * A clock that follows the machine's time plus an offset, or stands still at a fixed time.
 * `advance` on a frozen clock moves the frozen time; on a running clock it grows the offset.
 */
export function createClock(start?: Date | string | number): Clock {
  let frozenAt: number | null = start === undefined ? null : toEpochMs(start);
  let offsetMs = 0;
  const clock: Clock = {
    now: () => (frozenAt !== null ? frozenAt : Date.now() + offsetMs),
    seconds: () => Math.floor(clock.now() / 1000),
    advance(seconds: number) {
      if (typeof seconds !== 'number' || !Number.isFinite(seconds)) throw new ClockError('advance takes a finite number of seconds');
      if (frozenAt !== null) frozenAt += seconds * 1000;
      else offsetMs += seconds * 1000;
    },
    set(time) {
      frozenAt = toEpochMs(time);
      offsetMs = 0;
    },
    real() {
      frozenAt = null;
      offsetMs = 0;
    },
    state: () => ({
      now: new Date(clock.now()).toISOString(),
      mode: frozenAt !== null ? 'frozen' : offsetMs !== 0 ? 'offset' : 'real',
      offsetMs: frozenAt !== null ? frozenAt - Date.now() : offsetMs,
    }),
  };
  return clock;
}
