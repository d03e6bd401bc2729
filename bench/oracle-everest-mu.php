<?php
/**
 * Benchmark only: the Everest Backup 2.3.12 access-token route, as the plugin registers it, on the
 * real WordPress of wp-oracle (Everest Backup itself is not installed there). The same permission
 * (manage_options), the same work per request (sanitize, HMAC-MD5, wp_create_nonce), the same answer.
 */
add_action( 'rest_api_init', function () {
	register_rest_route( 'everest-backup/v1', '/access-token', array(
		'methods'             => 'POST',
		'permission_callback' => fn() => current_user_can( 'manage_options' ),
		'callback'            => function ( WP_REST_Request $request ) {
			$action = sanitize_text_field( (string) $request->get_param( 'action' ) );
			if ( '' === $action ) {
				return new WP_Error( 'everest-backup-api-error-400', 'Action cannot be empty. Please provide a valid "action" to generate access token.', array( 'status' => 400 ) );
			}
			$user = wp_get_current_user();
			$hash = hash_hmac( 'md5', sanitize_title( $action . '-' . $user->user_login . '-' . time() ), wp_salt( 'nonce' ) );
			return array(
				'action'       => $action,
				'access_token' => wp_create_nonce( $hash ) . ':' . $hash,
			);
		},
	) );
} );
