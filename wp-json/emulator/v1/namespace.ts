import type { RequestContext } from '../../../core/pipeline/context';

/** The test-control namespace. */
export const EMULATOR_NAMESPACE = 'emulator/v1';

/**
 * Whether a request is the control API's own (by its route, case-insensitively as routes match):
 * those pass the journal, the reset gate and faults untouched.
 */
export function isControlRequest(ctx: RequestContext): boolean {
  const route = ctx.route;
  if (route === null) return false;
  const lower = route.toLowerCase();
  return lower === `/${EMULATOR_NAMESPACE}` || lower.startsWith(`/${EMULATOR_NAMESPACE}/`);
}
