// WordPress core's own PHPUnit cases for application passwords, as HTTP requests against the oracle:
// tests/phpunit/tests/rest-api/rest-application-passwords-controller.php (WP_Test_REST_Application_Passwords_Controller)
// and tests/phpunit/tests/rest-api/application-passwords.php (Test_WP_Application_Passwords), wordpress-develop.
// Each case is named after the test method it ports ("phpunit-<method>"); its set-up
// (create_new_application_password) is a REST create before it ("phpunit-setup-..."). The PHPUnit
// "subscriber" is alice (an editor: like a subscriber, she may manage only her own passwords).
// PHPUnit isolates every test; here they run as one sequence, so names are unique per user and
// the delete-all cases come last. Tests with no HTTP equivalent are listed in docs/conformance.md.
// Recorded with:
//   node tests/conformance/record.mjs --reset --cases tests/conformance/cases-phpunit.mjs

export const OUT = 'phpunit-app-passwords-6.8.json';
export const EMULATOR = { namespaces: ['conformance/v1', 'wp/v2'] };

const ADMIN = 'admin-app-password-chunked';
const ALICE = 'alice-app-password';
const AP = (user) => `/wp-json/wp/v2/users/${user}/application-passwords`;
const JSON_CT = 'application/json';
const FORM = 'application/x-www-form-urlencoded';
const APP_ID = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const BAD = '123456abcdef';
const TEST_AUTH = { Authorization: 'Basic {{b64:admin:testApp.password}}' };

const create = (name, user, auth, capture, body = { name }) => ({
  name: `phpunit-setup-${name}`, method: 'POST', path: AP(user), auth, contentType: JSON_CT, body, capture,
});

export const CASES = [
  // ---- set-up: WP_Application_Passwords::create_new_application_password( $user, 'App' ) -------------
  create('admin-app', 'me', ADMIN, 'app', { name: 'App' }),
  create('alice-app', 2, ALICE, 'aliceApp', { name: 'App' }),

  // ---- WP_Test_REST_Application_Passwords_Controller ------------------------------------------
  { name: 'phpunit-test_context_param-collection', method: 'OPTIONS', path: AP('me'), auth: ADMIN },
  { name: 'phpunit-test_context_param-single', method: 'OPTIONS', path: `${AP('me')}/{{app.uuid}}`, auth: ADMIN },
  { name: 'phpunit-test_get_items', method: 'GET', path: AP('me'), auth: ADMIN },
  { name: 'phpunit-test_get_items_self_user_id_admin', method: 'GET', path: AP(1), auth: ADMIN },
  { name: 'phpunit-test_get_items_self_user_id_subscriber', method: 'GET', path: AP(2), auth: ALICE },
  { name: 'phpunit-test_get_items_other_user_id', method: 'GET', path: AP(2), auth: ADMIN },
  { name: 'phpunit-test_get_items_other_user_id_invalid_permission', method: 'GET', path: AP(1), auth: ALICE },
  { name: 'phpunit-test_get_items_logged_out', method: 'GET', path: AP('me') },
  { name: 'phpunit-test_get_items_invalid_user_id', method: 'GET', path: AP(0), auth: ADMIN },
  { name: 'phpunit-test_get_item', method: 'GET', path: `${AP('me')}/{{app.uuid}}`, auth: ADMIN },
  { name: 'phpunit-test_get_item_self_user_id_admin', method: 'GET', path: `${AP(1)}/{{app.uuid}}`, auth: ADMIN },
  { name: 'phpunit-test_get_item_self_user_id_subscriber', method: 'GET', path: `${AP(2)}/{{aliceApp.uuid}}`, auth: ALICE },
  { name: 'phpunit-test_get_item_other_user_id', method: 'GET', path: `${AP(2)}/{{aliceApp.uuid}}`, auth: ADMIN },
  { name: 'phpunit-test_get_item_other_user_id_invalid_permission', method: 'GET', path: `${AP(1)}/{{app.uuid}}`, auth: ALICE },
  { name: 'phpunit-test_get_item_logged_out', method: 'GET', path: `${AP('me')}/{{app.uuid}}` },
  { name: 'phpunit-test_get_item_invalid_user_id', method: 'GET', path: `${AP(0)}/{{app.uuid}}`, auth: ADMIN },
  { name: 'phpunit-test_get_item_invalid_password_uuid', method: 'GET', path: `${AP(1)}/${BAD}`, auth: ADMIN },
  { name: 'phpunit-test_create_item', method: 'POST', path: AP('me'), auth: ADMIN, contentType: FORM,
    body: `name=App%20create&app_id=${APP_ID}`, capture: 'created', note: 'set_body_params: a form body' },
  { name: 'phpunit-test_create_item_self_user_id_admin', method: 'POST', path: AP(1), auth: ADMIN, contentType: FORM, body: 'name=App%20self' },
  { name: 'phpunit-test_create_item_self_user_id_subscriber', method: 'POST', path: AP(2), auth: ALICE, contentType: FORM, body: 'name=App%20self' },
  { name: 'phpunit-test_create_item_other_user_id', method: 'POST', path: AP(2), auth: ADMIN, contentType: FORM, body: 'name=App%20other',
    capture: 'aliceByAdmin' },
  { name: 'phpunit-test_create_item_other_user_id_invalid_permission', method: 'POST', path: AP(1), auth: ALICE, contentType: FORM, body: 'name=App' },
  { name: 'phpunit-test_create_item_invalid_user_id', method: 'POST', path: AP(0), auth: ADMIN, contentType: FORM, body: 'name=App' },
  { name: 'phpunit-test_update_item', method: 'PUT', path: `${AP('me')}/{{app.uuid}}`, auth: ADMIN, contentType: FORM, body: 'name=New%20App' },
  { name: 'phpunit-test_update_item_self_user_id_admin', method: 'PUT', path: `${AP(1)}/{{app.uuid}}`, auth: ADMIN, contentType: FORM, body: 'name=New%20App' },
  { name: 'phpunit-test_update_item_self_user_id_subscriber', method: 'PUT', path: `${AP(2)}/{{aliceApp.uuid}}`, auth: ALICE, contentType: FORM, body: 'name=New%20App' },
  { name: 'phpunit-test_update_item_other_user_id', method: 'PUT', path: `${AP(2)}/{{aliceByAdmin.uuid}}`, auth: ADMIN, contentType: FORM, body: 'name=New%20App%20other' },
  { name: 'phpunit-test_update_item_other_user_id_invalid_permission', method: 'PUT', path: `${AP(1)}/{{app.uuid}}`, auth: ALICE, contentType: FORM, body: 'name=New%20App' },
  { name: 'phpunit-test_update_item_logged_out', method: 'PUT', path: `${AP('me')}/{{app.uuid}}`, contentType: FORM, body: 'name=New%20App' },
  { name: 'phpunit-test_update_item_invalid_user_id', method: 'PUT', path: `${AP(0)}/{{app.uuid}}`, auth: ADMIN, contentType: FORM, body: 'name=New%20App' },
  { name: 'phpunit-test_update_item_invalid_password_uuid', method: 'PUT', path: `${AP(1)}/${BAD}`, auth: ADMIN, contentType: FORM, body: 'name=New%20App' },
  { name: 'phpunit-test_update_item_cannot_overwrite_app_id-without', method: 'PUT', path: `${AP('me')}/{{app.uuid}}`, auth: ADMIN, contentType: FORM,
    body: 'app_id=7ba7b810-9dad-41d1-80b4-00c04fd430c8', note: 'app_id stays ""' },
  { name: 'phpunit-test_update_item_cannot_overwrite_app_id-with', method: 'PUT', path: `${AP('me')}/{{created.uuid}}`, auth: ADMIN, contentType: FORM,
    body: 'app_id=7ba7b810-9dad-41d1-80b4-00c04fd430c8', note: 'app_id stays the one given at creation' },
  { name: 'phpunit-test_get_item_schema', method: 'OPTIONS', path: AP('me') },
  create('introspect-test', 'me', ADMIN, 'testApp', { name: 'Test' }),
  { name: 'phpunit-test_introspect_item', method: 'GET', path: `${AP('me')}/introspect`, headers: TEST_AUTH },
  { name: 'phpunit-test_introspect_item_specific_user', method: 'GET', path: `${AP(1)}/introspect`, headers: TEST_AUTH },
  { name: 'phpunit-test_introspect_item_logged_out', method: 'GET', path: `${AP('me')}/introspect` },
  { name: 'phpunit-test_introspect_item_wrong_user', method: 'GET', path: `${AP(2)}/introspect`, headers: TEST_AUTH },
  { name: 'phpunit-test_delete_item', method: 'DELETE', path: `${AP('me')}/{{app.uuid}}`, auth: ADMIN },
  create('delete-admin', 'me', ADMIN, 'delAdmin', { name: 'App delete self' }),
  { name: 'phpunit-test_delete_item_self_user_id_admin', method: 'DELETE', path: `${AP(1)}/{{delAdmin.uuid}}`, auth: ADMIN },
  create('delete-alice', 2, ALICE, 'delAlice', { name: 'App delete self' }),
  { name: 'phpunit-test_delete_item_self_user_id_subscriber', method: 'DELETE', path: `${AP(2)}/{{delAlice.uuid}}`, auth: ALICE },
  { name: 'phpunit-test_delete_item_other_user_id', method: 'DELETE', path: `${AP(2)}/{{aliceByAdmin.uuid}}`, auth: ADMIN },
  create('delete-admin-2', 'me', ADMIN, 'delAdmin2', { name: 'App delete other' }),
  { name: 'phpunit-test_delete_item_other_user_id_invalid_permission', method: 'DELETE', path: `${AP(1)}/{{delAdmin2.uuid}}`, auth: ALICE },
  { name: 'phpunit-test_delete_item_logged_out', method: 'DELETE', path: `${AP('me')}/{{delAdmin2.uuid}}` },
  { name: 'phpunit-test_delete_item_invalid_user_id', method: 'DELETE', path: `${AP(0)}/{{delAdmin2.uuid}}`, auth: ADMIN },
  { name: 'phpunit-test_delete_item_invalid_password_uuid', method: 'DELETE', path: `${AP(1)}/${BAD}`, auth: ADMIN },

  // ---- Test_WP_Application_Passwords (through the REST controller) -----------------------------
  { name: 'phpunit-test_create_new_application_password_validation-no-args', method: 'POST', path: AP('me'), auth: ADMIN, contentType: JSON_CT, body: {} },
  { name: 'phpunit-test_create_new_application_password_validation-no-name', method: 'POST', path: AP('me'), auth: ADMIN, contentType: JSON_CT, body: { app_id: 1 } },
  { name: 'phpunit-test_create_new_application_password_validation-blank-name', method: 'POST', path: AP('me'), auth: ADMIN, contentType: JSON_CT, body: { name: '   ' } },
  { name: 'phpunit-test_create_new_application_password_validation-script', method: 'POST', path: AP('me'), auth: ADMIN, contentType: JSON_CT,
    body: { name: '<script>console.log("Hello")</script>' } },
  create('names-test1', 'me', ADMIN, undefined, { name: 'test1' }),
  create('names-test2', 'me', ADMIN, undefined, { name: 'test2' }),
  { name: 'phpunit-test_create_new_application_password_validation-duplicate', method: 'POST', path: AP('me'), auth: ADMIN, contentType: JSON_CT, body: { name: 'test2' } },
  { name: 'phpunit-test_create_new_application_password-unique', method: 'POST', path: AP('me'), auth: ADMIN, contentType: JSON_CT, body: { name: 'test3' },
    note: 'keys uuid, app_id, name, created, last_used, last_ip, password (REST order), then _links' },
  create('names-Baz', 'me', ADMIN, 'baz', { name: 'Baz' }),
  { name: 'phpunit-test_application_name_exists_for_user-same-name', method: 'POST', path: AP('me'), auth: ADMIN, contentType: JSON_CT, body: { name: 'Baz' } },
  { name: 'phpunit-test_application_name_exists_for_user-other-case', method: 'POST', path: AP('me'), auth: ADMIN, contentType: JSON_CT, body: { name: 'baz' },
    capture: 'bazLower' },
  { name: 'phpunit-test_update_application_password-nothing', method: 'PUT', path: `${AP('me')}/{{baz.uuid}}`, auth: ADMIN, contentType: JSON_CT, body: {} },
  { name: 'phpunit-test_update_application_password-same-name', method: 'PUT', path: `${AP('me')}/{{baz.uuid}}`, auth: ADMIN, contentType: JSON_CT, body: { name: 'Baz' } },
  { name: 'phpunit-test_update_application_password-new-name', method: 'PUT', path: `${AP('me')}/{{baz.uuid}}`, auth: ADMIN, contentType: JSON_CT, body: { name: 'Baz Updated' } },

  // ---- delete all (last: they remove the passwords the requests authenticate with) ------------
  { name: 'phpunit-test_delete_items_other_user_id_invalid_permission', method: 'DELETE', path: AP(1), auth: ALICE },
  { name: 'phpunit-test_delete_items_logged_out', method: 'DELETE', path: AP('me') },
  { name: 'phpunit-test_delete_items_invalid_user_id', method: 'DELETE', path: AP(0), auth: ADMIN },
  { name: 'phpunit-test_delete_items_self_user_id_subscriber', method: 'DELETE', path: AP(2), auth: ALICE },
  create('delete-all-other', 2, ADMIN, undefined, { name: 'App' }),
  { name: 'phpunit-test_delete_items_other_user_id', method: 'DELETE', path: AP(2), auth: ADMIN },
  { name: 'phpunit-test_delete_items', method: 'DELETE', path: AP('me'), auth: ADMIN },
];
