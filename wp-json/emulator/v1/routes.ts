import type { SiteContext } from '../../../core/namespace';
import { WpError } from '../../../core/rest/errors';
import type { RestRequest } from '../../../core/rest/request';
import { RestResponse } from '../../../core/rest/response';
import { invalidParam } from '../../../core/validation';
import { FaultError, type FaultSpec } from './faults/faults';
import { FAULT_ARGS } from './faults/spec';
import { JOURNAL_FILTER_ARGS } from './journal/filter';
import { JournalFilterError, type JournalEntry, type JournalFilter } from './journal/journal';
import { EMULATOR_NAMESPACE } from './namespace';
import type { TestControl } from './test-control';

/**
 * The routes of the test-control API (`/wp-json/emulator/v1/`): reset, clock, outbox, journal, faults
 * and token introspection, for administrators (`manage_options`).
 */

/** Latest time the clock may show (JavaScript's Date limit is far beyond; this keeps ISO strings 4-digit years). */
const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function clockState(ctx: SiteContext) {
  const state = ctx.clock.state();
  return { now: state.now, timestamp: ctx.clock.seconds(), mode: state.mode, offsetMs: state.offsetMs };
}

function given(req: RestRequest, name: string): boolean {
  return req.rawParam(name) !== undefined;
}

export function registerRoutes(ctx: SiteContext, control: TestControl): void {
  const rest = ctx.rest;
  const ns = EMULATOR_NAMESPACE;
  const admin = (req: RestRequest) => ctx.users.can(req.user, 'manage_options');
  rest.registerNamespace(ns);

  rest.registerRoute(ns, '/reset', {
    methods: ['POST'],
    permission: admin,
    handler: async () => {
      await control.reset();
      return { reset: true, clock: clockState(ctx) };
    },
  });

  rest.registerRoute(ns, '/clock', [
    { methods: ['GET'], permission: admin, handler: () => clockState(ctx) },
    {
      methods: ['POST'],
      permission: admin,
      args: {
        advance: { type: 'number', description: 'Seconds to move the clock by (negative moves it back).' },
        set: { type: 'string', format: 'date-time', description: 'ISO 8601 time to freeze the clock at.' },
        real: { type: 'boolean', description: 'true: back to the machine clock.' },
      },
      handler: (req) => {
        const asked = ['advance', 'set', 'real'].filter((name) => given(req, name));
        if (asked.length !== 1) {
          return invalidParam(asked[1] ?? 'advance', 'Give exactly one of advance (seconds), set (an ISO 8601 time) or real (true).');
        }
        if (asked[0] === 'advance') {
          const seconds = req.param('advance') as number;
          const target = ctx.clock.now() + seconds * 1000;
          if (!Number.isFinite(target) || target < 0 || target > MAX_TIME_MS) return invalidParam('advance', 'advance would move the clock outside the years 1970 to 9999.');
          ctx.clock.advance(seconds);
        } else if (asked[0] === 'set') {
          const target = Date.parse(req.param('set') as string);
          if (target < 0 || target > MAX_TIME_MS) return invalidParam('set', 'set must be a time between 1970 and 9999.');
          ctx.clock.set(target);
        } else {
          if (req.param('real') !== true) return invalidParam('real', 'real only takes true (use set or advance to move the clock).');
          ctx.clock.real();
        }
        return clockState(ctx);
      },
    },
  ]);

  rest.registerRoute(ns, '/outbox', [
    {
      methods: ['GET'],
      permission: admin,
      args: { to: { type: 'string', description: 'Only messages to this recipient (case-insensitive).' } },
      handler: (req) => {
        const to = req.param('to') as string | undefined;
        const messages = ctx.mailer.list(to ? { to } : {});
        return new RestResponse(messages, 200, { 'X-WP-Total': String(messages.length) });
      },
    },
    {
      methods: ['DELETE'],
      permission: admin,
      args: { to: { type: 'string', description: 'Only messages to this recipient.' } },
      handler: async (req) => {
        const to = req.param('to') as string | undefined;
        const deleted = ctx.mailer.clear(to ? { to } : {});
        return { deleted };
      },
    },
  ]);

  rest.registerRoute(ns, '/journal', [
    {
      methods: ['GET'],
      permission: admin,
      args: JOURNAL_FILTER_ARGS,
      handler: (req) => {
        const entries = journalEntriesOf(control, req);
        return entries instanceof WpError ? entries : new RestResponse(entries, 200, { 'X-WP-Total': String(entries.length) });
      },
    },
    { methods: ['DELETE'], permission: admin, handler: () => ({ deleted: control.journal.clear() }) },
  ]);

  rest.registerRoute(ns, '/faults', [
    {
      methods: ['GET'],
      permission: admin,
      handler: () => {
        const faults = control.faults.list();
        return new RestResponse(faults, 200, { 'X-WP-Total': String(faults.length) });
      },
    },
    {
      methods: ['POST'],
      permission: admin,
      args: FAULT_ARGS,
      handler: (req) => {
        const spec: Record<string, unknown> = {};
        for (const name of Object.keys(FAULT_ARGS)) if (req.param(name) !== undefined) spec[name] = req.param(name);
        // A JSON `"body": null` is a value here (no body), not an absent parameter.
        if (Object.prototype.hasOwnProperty.call(req.jsonParams, 'body')) spec.body = req.jsonParams.body;
        try {
          const fault = control.faults.add(spec as FaultSpec);
          return new RestResponse(fault, 201, { Location: rest.restUrl(`/${ns}/faults/${fault.id}`) });
        } catch (e) {
          if (e instanceof FaultError) return invalidParam(e.param, e.message);
          throw e;
        }
      },
    },
    { methods: ['DELETE'], permission: admin, handler: () => ({ deleted: control.faults.clear() }) },
  ]);

  rest.registerRoute(ns, '/faults/(?P<id>[\\w-]+)', [
    {
      methods: ['GET'],
      permission: admin,
      handler: (req) => control.faults.list().find((f) => f.id === req.param('id')) ?? faultNotFound(),
    },
    {
      methods: ['DELETE'],
      permission: admin,
      handler: (req) => (control.faults.remove(String(req.param('id'))) ? { deleted: 1 } : faultNotFound()),
    },
  ]);

  rest.registerRoute(ns, '/tokens/introspect', {
    methods: ['POST'],
    permission: admin,
    args: {
      token: { type: 'string', required: true, minLength: 1, description: 'A token any namespace issued.' },
      vendor: {
        type: 'string',
        description: 'The namespace module that issued it (everest-backup, availo, purewl, pkmnapi, fess), when the token could be several.',
        validate: (value) => control.vendors().includes(String(value)) || `vendor is not one of ${control.vendors().join(', ')}.`,
      },
    },
    handler: (req) => {
      const vendor = req.param('vendor') as string | undefined;
      return control.introspect(req.param('token') as string, vendor === '' ? undefined : vendor);
    },
  });
}

function faultNotFound(): WpError {
  return new WpError('emulator_fault_not_found', 'No fault with that id (it may have run out of matches or been cleared).', { status: 404 });
}

/**
 * The journal entries a request's filter parameters (JOURNAL_FILTER_ARGS, already checked by the
 * route's declared args) select, or WordPress's rest_invalid_param for a filter the journal refuses.
 * GET /journal and GET /journal/har read the journal through this one place.
 */
export function journalEntriesOf(control: TestControl, req: RestRequest): JournalEntry[] | WpError {
  const filter: Record<string, unknown> = {};
  for (const name of Object.keys(JOURNAL_FILTER_ARGS)) if (req.param(name) !== undefined) filter[name] = req.param(name);
  try {
    return control.journal.list(filter as JournalFilter);
  } catch (e) {
    if (e instanceof JournalFilterError) return invalidParam(e.param, e.message);
    throw e;
  }
}
