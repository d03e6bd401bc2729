import type { SiteContext, TokenIntrospection } from '../../../core/namespace';
import { Faults } from './faults/faults';
import { RequestGate } from './gate';
import { Journal } from './journal/journal';

/** The test-control plane of one site: what the routes, the stages and createApp()'s handles share. */
export interface TestControl {
  journal: Journal;
  faults: Faults;
  gate: RequestGate;
  /** Back to the fixtures / first-run state, clock and outbox included, faults cleared; waits for requests in flight. */
  reset(): Promise<void>;
  introspect(token: string, vendor?: string): TokenIntrospection;
  /** Ids of the namespace modules that can introspect tokens. */
  vendors(): string[];
}

/**
 * How many requests the journal keeps: JOURNAL_SIZE while the control API is on; 0 when it is off
 * (EMULATOR_API=off: nobody could read the journal).
 */
export function journalSizeOf(settings: Readonly<Record<string, unknown>>): number {
  if (settings.EMULATOR_API !== true) return 0;
  const size = settings.JOURNAL_SIZE;
  return typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : 0;
}

export function createTestControl(ctx: SiteContext): TestControl {
  const { settings } = ctx.config;
  const faults = new Faults(ctx.clock);
  const gate = new RequestGate();
  const maxBytes = typeof settings.JOURNAL_MAX_BYTES === 'number' ? settings.JOURNAL_MAX_BYTES : Number.POSITIVE_INFINITY;
  return {
    journal: new Journal(journalSizeOf(settings), maxBytes),
    faults,
    gate,
    // The site's reset calls every module's reset hook: this one's clears the faults.
    reset: () => gate.exclusive(() => ctx.site.reset()),
    introspect: (token, vendor) => ctx.site.introspect(token, vendor),
    vendors: () => ctx.site.vendors(),
  };
}
