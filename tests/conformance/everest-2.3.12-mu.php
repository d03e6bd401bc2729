<?php
/**
 * Plugin Name: Everest Backup 2.3.12 REST surface (recording only)
 * Description: Registers the routes of Everest Backup 2.3.12's REST API the way the plugin does, so
 *              that tests/conformance/record.mjs can record real WordPress answers for them
 *              (cases-everest.mjs). Everest Backup itself is not installed on the oracle.
 *
 * What the plugin does (read from its public GPL code, inc/core/class-api.php and
 * inc/core/controllers): on rest_api_init, API::init() creates one controller per route base of
 * everest-backup/v1 (access-token, manual-backup, schedule-backup). The base controller's constructor
 * calls register_routes(), and API::init() calls register_routes() once more, so every route is
 * registered twice: each handler appears twice in the index and in OPTIONS.
 *
 * Permission callbacks are the plugin's: access-token needs manage_options (a false answer is
 * WordPress's rest_forbidden); manual-backup runs the plugin's checks in the permission callback
 * (its own everest-backup-api-error-401/400 errors); schedule-backup verifies the
 * everest_backup_ajax_nonce parameter as a nonce for the action 'everest_backup_ajax_nonce'.
 * The callbacks stop short of running a backup: the recorded cases never reach them except for
 * access-token, which is reproduced (same sanitising, same token).
 */

add_action(
	'rest_api_init',
	function () {
		$ns = 'everest-backup/v1';

		$error = function ( $message, $status ) {
			return new WP_Error( 'everest-backup-api-error-' . $status, $message, array( 'status' => $status ) );
		};

		$verify_token = function ( $token ) {
			if ( ! $token || false === strpos( $token, ':' ) ) {
				return false;
			}
			list( $nonce, $hash ) = explode( ':', $token );
			return wp_verify_nonce( $nonce, $hash );
		};

		$token_checks = function ( WP_REST_Request $request ) use ( $error, $verify_token ) {
			if ( ! current_user_can( 'manage_options' ) ) {
				return $error( 'Unauthorized access. You must be logged in or use WordPress application password for authorization.', 401 );
			}
			$token = sanitize_text_field( wp_unslash( $request->get_param( 'access_token' ) ) );
			if ( ! $token ) {
				return $error( 'Access token missing. You must provide a access_token field.', 400 );
			}
			if ( ! $verify_token( $token ) ) {
				return $error( 'Cannot verify access token. Access token either expired or invalid.', 400 );
			}
			return true;
		};

		$routes = array(
			'access-token'    => array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => function ( WP_REST_Request $request ) use ( $error ) {
						$action = sanitize_text_field( wp_unslash( $request->get_param( 'action' ) ) );
						if ( ! $action ) {
							return $error( 'Action cannot be empty. Please provide a valid "action" to generate access token.', 400 );
						}
						$key  = sanitize_title( $action . '-' . get_userdata( get_current_user_id() )->user_login . '-' . time() );
						$hash = wp_hash( $key, 'nonce' );
						return array(
							'action'       => $action,
							'access_token' => wp_create_nonce( $hash ) . ':' . $hash,
						);
					},
					'permission_callback' => function () {
						return current_user_can( 'manage_options' );
					},
				),
			),
			'manual-backup'   => array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => function () use ( $error ) {
						return $error( 'Not reproduced on the oracle: the backup itself.', 501 );
					},
					'permission_callback' => $token_checks,
				),
			),
			'schedule-backup' => array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => function () use ( $error ) {
						return $error( 'Not reproduced on the oracle: the schedule stepper.', 501 );
					},
					'permission_callback' => function ( WP_REST_Request $request ) {
						return wp_verify_nonce( $request->get_param( 'everest_backup_ajax_nonce' ), 'everest_backup_ajax_nonce' );
					},
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => function () use ( $error ) {
						return $error( 'Not reproduced on the oracle: the scheduled backup.', 501 );
					},
					'permission_callback' => function ( WP_REST_Request $request ) {
						return wp_verify_nonce( $request->get_param( 'everest_backup_ajax_nonce' ), 'everest_backup_ajax_nonce' );
					},
				),
			),
		);

		foreach ( $routes as $base => $handlers ) {
			// The controller's constructor registers the route, then API::init() registers it again.
			register_rest_route( $ns, $base, $handlers );
			register_rest_route( $ns, $base, $handlers );
		}
	}
);
