import type { RequestContext } from '../../../core/pipeline/context';

/** The test-control namespace. */
export const EMULATOR_NAMESPACE = 'emulator/v1';

/** The control namespace's route (`/emulator/v1`); its routes are it or below it. */
const CONTROL_ROUTE = `/${EMULATOR_NAMESPACE}`;

/**
 * Whether a request is the control API's own (by its route, case-insensitively as routes match):
 * those pass the journal, the reset gate and faults untouched.
 */
export function isControlRequest(ctx: RequestContext): boolean {
  const route = ctx.route;
  // Asked by four stages of every request: only the route's first characters are looked at.
  if (route === null || route.length < CONTROL_ROUTE.length) return false;
  if (route.length > CONTROL_ROUTE.length && route.charCodeAt(CONTROL_ROUTE.length) !== 47) return false;
  return route.slice(0, CONTROL_ROUTE.length).toLowerCase() === CONTROL_ROUTE;
}
