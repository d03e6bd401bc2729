// Everest Backup 2.3.12's REST surface on real WordPress (everest-2.3.12-mu.php registers the
// routes as the plugin does), replayed against the emulator with EVEREST_PROFILE=live. Recorded with:
//   node tests/conformance/record.mjs --reset --cases tests/conformance/cases-everest.mjs

export const OUT = 'everest-live-6.8.json';
export const MU_PLUGINS = ['everest-2.3.12-mu.php'];
// mu-plugins load in file-name order and both hook rest_api_init before core's controllers.
export const EMULATOR = { namespaces: ['conformance/v1', 'everest-backup/v1', 'wp/v2'], settings: { EVEREST_PROFILE: 'live' } };

const ADMIN = 'admin-app-password-chunked';
const ALICE = 'alice-app-password';
const NS = '/wp-json/everest-backup/v1';
const TOKEN = `${NS}/access-token`;
const MANUAL = `${NS}/manual-backup`;
const SCHEDULE = `${NS}/schedule-backup`;
const JSON_CT = 'application/json';

export const CASES = [
  // ---- discovery: every route twice --------------------------------------------------------------
  { name: 'everest-index', method: 'GET', path: '/wp-json/', compare: 'subset-routes' },
  { name: 'everest-namespace-index', method: 'GET', path: NS,
    note: 'access-token and manual-backup: "methods":["POST","POST"] and two endpoints; schedule-backup: GET, POST twice' },
  { name: 'everest-namespace-index-admin', method: 'GET', path: NS, auth: ADMIN },
  { name: 'everest-namespace-index-trailing-slash', method: 'GET', path: `${NS}/` },
  { name: 'everest-namespace-index-rest-route', method: 'GET', path: '/?rest_route=/everest-backup/v1' },
  { name: 'everest-options-access-token', method: 'OPTIONS', path: TOKEN },
  { name: 'everest-options-access-token-admin', method: 'OPTIONS', path: TOKEN, auth: ADMIN },
  { name: 'everest-options-manual-backup', method: 'OPTIONS', path: MANUAL },
  { name: 'everest-options-manual-backup-admin', method: 'OPTIONS', path: MANUAL, auth: ADMIN },
  { name: 'everest-options-schedule-backup', method: 'OPTIONS', path: SCHEDULE },
  { name: 'everest-options-schedule-backup-admin', method: 'OPTIONS', path: SCHEDULE, auth: ADMIN },

  // ---- access-token -----------------------------------------------------------------------------------
  { name: 'everest-token-anonymous', method: 'POST', path: TOKEN, contentType: JSON_CT, body: { action: 'Test action' } },
  { name: 'everest-token-alice', method: 'POST', path: TOKEN, auth: ALICE, contentType: JSON_CT, body: { action: 'Test action' } },
  { name: 'everest-token-admin-missing-action', method: 'POST', path: TOKEN, auth: ADMIN },
  { name: 'everest-token-admin-zero-action', method: 'POST', path: TOKEN, auth: ADMIN, contentType: JSON_CT, body: { action: '0' } },
  { name: 'everest-token-admin-tags-only', method: 'POST', path: TOKEN, auth: ADMIN, contentType: JSON_CT, body: { action: '<b></b>  ' } },
  { name: 'everest-token-admin-text-plain-ignored', method: 'POST', path: TOKEN, auth: ADMIN, contentType: 'text/plain',
    body: '{"action":"Test action"}', note: 'the seed fetch example: WordPress ignores a text/plain body' },
  { name: 'everest-token-admin', method: 'POST', path: TOKEN, auth: ADMIN, contentType: JSON_CT, body: { action: 'Test action' } },
  { name: 'everest-token-admin-query', method: 'POST', path: `${TOKEN}?action=From%20query`, auth: ADMIN },
  { name: 'everest-token-admin-form', method: 'POST', path: TOKEN, auth: ADMIN, contentType: 'application/x-www-form-urlencoded',
    body: 'action=Form%20%3Cb%3Eaction%3C%2Fb%3E' },
  { name: 'everest-token-admin-json-number', method: 'POST', path: TOKEN, auth: ADMIN, contentType: JSON_CT, body: { action: 42 } },
  { name: 'everest-token-admin-json-array', method: 'POST', path: TOKEN, auth: ADMIN, contentType: JSON_CT, body: { action: ['a'] } },
  { name: 'everest-token-admin-invalid-json', method: 'POST', path: TOKEN, auth: ADMIN, contentType: JSON_CT, body: '{"action":' },
  { name: 'everest-token-get', method: 'GET', path: TOKEN, auth: ADMIN },
  { name: 'everest-token-head-anonymous', method: 'HEAD', path: TOKEN },

  // ---- manual-backup: the plugin's own permission errors ---------------------------------------------
  { name: 'everest-manual-anonymous', method: 'POST', path: MANUAL },
  { name: 'everest-manual-alice', method: 'POST', path: MANUAL, auth: ALICE },
  { name: 'everest-manual-wrong-password', method: 'POST', path: MANUAL, auth: 'admin-wrong-password' },
  { name: 'everest-manual-admin-no-token', method: 'POST', path: MANUAL, auth: ADMIN },
  { name: 'everest-manual-admin-zero-token', method: 'POST', path: MANUAL, auth: ADMIN, contentType: JSON_CT, body: { access_token: '0' } },
  { name: 'everest-manual-admin-no-colon', method: 'POST', path: MANUAL, auth: ADMIN, contentType: JSON_CT, body: { access_token: 'abcdef' } },
  { name: 'everest-manual-admin-bad-token', method: 'POST', path: `${MANUAL}?access_token=0123456789:0123456789abcdef0123456789abcdef`, auth: ADMIN },
  { name: 'everest-manual-get', method: 'GET', path: MANUAL, auth: ADMIN },

  // ---- schedule-backup: nonce-guarded, WordPress's own errors -----------------------------------------
  { name: 'everest-schedule-get-anonymous', method: 'GET', path: SCHEDULE },
  { name: 'everest-schedule-get-admin', method: 'GET', path: SCHEDULE, auth: ADMIN },
  { name: 'everest-schedule-get-alice', method: 'GET', path: SCHEDULE, auth: ALICE },
  { name: 'everest-schedule-get-bad-nonce', method: 'GET', path: `${SCHEDULE}?everest_backup_ajax_nonce=0123456789` },
  { name: 'everest-schedule-post-anonymous', method: 'POST', path: SCHEDULE },
  { name: 'everest-schedule-post-admin-bad-nonce', method: 'POST', path: SCHEDULE, auth: ADMIN, contentType: JSON_CT,
    body: { everest_backup_ajax_nonce: 'abc' } },
  { name: 'everest-schedule-head-anonymous', method: 'HEAD', path: SCHEDULE },
  { name: 'everest-schedule-put', method: 'PUT', path: SCHEDULE, auth: ADMIN },
  { name: 'everest-schedule-cors', method: 'GET', path: SCHEDULE, headers: { Origin: 'https://client.example' } },
];
