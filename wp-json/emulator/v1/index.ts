import type { NamespaceModule } from '../../../core/namespace';
import { controlCommands } from './cli';
import { faultStage } from './faults/stage';
import { gateStage } from './gate';
import { testControlHandles } from './handles';
import { journalStage } from './journal/stage';
import { EMULATOR_NAMESPACE, isControlRequest } from './namespace';
import { registerRoutes } from './routes';
import { emulatorOpenApi, registerOpenApiRoute } from './openapi';
import { openApiCommand } from './openapi-command';
import { createTestControl } from './test-control';
import { dashboardScreen } from './dashboard/page';
import { registerDashboardRoutes } from './dashboard/routes';

export { EMULATOR_NAMESPACE } from './namespace';
export { FaultError, type Fault, type FaultSpec } from './faults/faults';
export type { JournalEntry, JournalFilter } from './journal/journal';
export type { TestControlHandles } from './handles';

/**
 * Test control (docs/control-api.md), one extension through the contract every namespace uses: its
 * settings, its routes (`/wp-json/emulator/v1/`), three pipeline stages (the reset gate on receive,
 * injected faults before dispatch, the request journal after the response), its command-line
 * commands (reset, clock, outbox, journal) and createApp()'s handles. EMULATOR_API=off leaves the
 * routes unregistered (404 rest_no_route, absent from the index); the in-process handles still work.
 * The control API's own requests are neither journaled nor faulted, nor held by a reset.
 */
export const emulator: NamespaceModule = {
  id: 'emulator',
  namespace: EMULATOR_NAMESPACE,
  settings: {
    EMULATOR_API: { type: 'boolean', default: true, doc: 'on: serve the test-control API /wp-json/emulator/v1/ (administrators only). off: its routes do not exist.' },
    JOURNAL_SIZE: { type: 'integer', default: 100, min: 0, max: 100_000, doc: 'How many recent requests the journal keeps in memory (0: none).' },
    JOURNAL_MAX_BYTES: {
      type: 'integer',
      default: 16_777_216,
      min: 1_048_576,
      max: 1_073_741_824,
      doc: 'Most bytes the journal holds in memory (bodies, URLs, headers); the oldest entries go first.',
    },
  },
  commands: { ...controlCommands, openapi: openApiCommand },
  openapi: emulatorOpenApi,
  register(ctx) {
    const control = createTestControl(ctx);
    const apiOn = ctx.config.settings.EMULATOR_API === true;
    // With the API off there are no control requests to spare: every request is gated and faulted alike.
    const exempt = apiOn ? isControlRequest : () => false;
    ctx.pipeline.use(gateStage(control.gate, exempt));
    ctx.pipeline.use(faultStage({ faults: control.faults, exempt }));
    ctx.pipeline.use(journalStage(control.journal, exempt));
    if (apiOn) registerRoutes(ctx, control);
    if (apiOn) registerOpenApiRoute(ctx);
    const ledger = apiOn ? registerDashboardRoutes(ctx, control, exempt) : null;
    return {
      reset: () => {
        control.faults.clear();
        ledger?.clear();
      },
      close: () => control.faults.close(),
      handles: testControlHandles(ctx, control),
      adminScreens: apiOn ? [dashboardScreen] : [],
    };
  },
};
