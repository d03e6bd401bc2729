<?php
/**
 * Plugin Name: wp-token-emulator conformance routes
 * Description: Test namespace conformance/v1, used only to record real WordPress
 *              responses (tests/conformance/record.mjs). The emulator registers the
 *              same routes (see tests/conformance/README.md).
 */

add_action(
	'rest_api_init',
	function () {
		// POST only, administrators only.
		register_rest_route(
			'conformance/v1',
			'/admin-ping',
			array(
				'methods'             => 'POST',
				'callback'            => function ( WP_REST_Request $request ) {
					return array(
						'pong' => true,
						'user' => get_current_user_id(),
					);
				},
				'permission_callback' => function () {
					return current_user_can( 'manage_options' );
				},
			)
		);

		// GET, public, with typed arguments.
		register_rest_route(
			'conformance/v1',
			'/echo',
			array(
				'methods'             => 'GET',
				'callback'            => function ( WP_REST_Request $request ) {
					return array(
						'n'    => $request['n'],
						'mode' => $request['mode'],
						'flag' => $request['flag'],
					);
				},
				'permission_callback' => '__return_true',
				'args'                => array(
					'n'    => array(
						'description' => 'A positive integer.',
						'type'        => 'integer',
						'minimum'     => 1,
						'required'    => true,
					),
					'mode' => array(
						'description' => 'One of a, b.',
						'type'        => 'string',
						'enum'        => array( 'a', 'b' ),
						'default'     => 'a',
					),
					'flag' => array(
						'description' => 'A boolean.',
						'type'        => 'boolean',
						'default'     => false,
					),
				),
			)
		);
	}
);
