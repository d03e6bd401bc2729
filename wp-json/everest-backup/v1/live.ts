import type { SiteContext } from '../../../core/namespace';
import { RestResponse } from '../../../core/rest/response';
import { CREATABLE, READABLE, type Endpoint } from '../../../core/rest/server';
import { wpVerifyNonce } from '../../../core/wordpress/nonces';

/**
 * The `live` profile's REST surface: what Everest Backup 2.3.12 registers, read from its public code
 * (inc/core/class-api.php, inc/core/controllers/). API::init() builds one controller per route base
 * and calls its register_routes(), which the base controller's constructor has already called: every
 * route of the namespace is registered twice, so the index and OPTIONS list each handler twice
 * (`"methods":["POST","POST"]`). The first matching handler answers, as in WordPress.
 */

/** The action schedule-backup's nonce is made for (everest_backup_create_nonce('everest_backup_ajax_nonce')). */
export const SCHEDULE_NONCE_ACTION = 'everest_backup_ajax_nonce';

/**
 * Registers the live-only routes: access-token and manual-backup a second time (`endpoints` are the
 * ones already registered), then schedule-backup twice.
 */
export function registerLiveRoutes(ctx: SiteContext, namespace: string, endpoints: { accessToken: Endpoint; manualBackup: Endpoint }): void {
  ctx.rest.registerRoute(namespace, '/access-token', endpoints.accessToken);
  ctx.rest.registerRoute(namespace, '/manual-backup', endpoints.manualBackup);

  // Schedule_Backup_Controller: GET (the stepper) and POST (one scheduled backup step), both guarded
  // by create_item_permissions_check = wp_verify_nonce(everest_backup_ajax_nonce, 'everest_backup_ajax_nonce')
  // for the current user (0 when anonymous). A false answer is WordPress's rest_forbidden.
  const nonceOk = (value: unknown, uid: number): boolean =>
    typeof value === 'string' && wpVerifyNonce(ctx.secrets, ctx.clock.seconds(), value, SCHEDULE_NONCE_ACTION, uid) !== false;
  const permission: Endpoint['permission'] = (req) => nonceOk(req.param('everest_backup_ajax_nonce'), req.user?.id ?? 0);
  const schedule: Endpoint[] = [
    {
      methods: READABLE,
      permission,
      // stepper(): with no backup in progress it answers wp_send_json(['t' => microtime . wp_rand]) and dies.
      handler: () => {
        const now = ctx.clock.now();
        const micro = (now / 1000).toFixed(4);
        const rand = String(1_000_000_000 + Math.floor(Math.random() * 9_000_000_000));
        return new RestResponse({ t: `${micro}${rand}` }, 200);
      },
    },
    {
      methods: CREATABLE,
      permission,
      // create_item(): runs one export step and dies with an empty body. No backup is simulated here.
      handler: () => new RestResponse(null, 200),
    },
  ];
  ctx.rest.registerRoute(namespace, '/schedule-backup', schedule);
  ctx.rest.registerRoute(namespace, '/schedule-backup', schedule);
}
