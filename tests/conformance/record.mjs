#!/usr/bin/env node
// Records real WordPress 6.8 REST responses (from ../shared/wp-oracle) so the emulator can be
// compared against them. Plain Node 20 ESM, no dependencies.
//
//   node tests/conformance/record.mjs [--base http://127.0.0.1:8881] [--reset]
//        [--wp-oracle PATH] [--out FILE] [--only SUBSTRING] [--cases FILE]
//
// --cases FILE records another suite: a module exporting CASES (same fields as below, plus `raw`
// to keep the exact body text), and optionally MU_PLUGINS (paths relative to this folder, loaded
// with conformance-mu.php), EMULATOR (how the replay sets the emulator up) and OUT (file name in
// recordings/).
//
// --reset runs `wp-oracle reset --port <port> --mu-plugin tests/conformance/conformance-mu.php`
// first, so the sequence starts from the fixture (admin/alice and their known application
// passwords). Without it the site must be fresh (a just-started oracle with the mu-plugin);
// the recorder checks that and refuses otherwise.
//
// The cases run in order. Some capture values from their response (a created application
// password's uuid and plaintext) that later cases use through {{var.field}} placeholders;
// `request.template` keeps the placeholder form. Destructive cases (delete one, delete all) run last.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { flag, opt } from './recorder-options.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------
const BASE = opt('--base', 'http://127.0.0.1:8881').replace(/\/+$/, '');
const SUITE = opt('--cases', null) ? await import(path.resolve(opt('--cases', null))) : null;
const OUT = path.resolve(opt('--out', path.join(HERE, 'recordings', SUITE?.OUT ?? 'wordpress-6.8.json')));
const WP_ORACLE = opt('--wp-oracle', path.resolve(HERE, '../../../shared/wp-oracle/wp-oracle'));
const ONLY = opt('--only', null);
const RESET = flag('--reset');
const MU_PLUGINS = [path.join(HERE, 'conformance-mu.php'), ...(SUITE?.MU_PLUGINS ?? []).map((p) => path.join(HERE, p))];

// Response headers kept in the recording (names lower-cased).
const KEEP_HEADERS = new Set([
  'content-type', 'allow', 'link', 'x-robots-tag', 'x-content-type-options', 'vary', 'expires',
  'cache-control', 'location', 'x-wp-total', 'x-wp-totalpages',
]);
const keepHeader = (n) => KEEP_HEADERS.has(n) || n.startsWith('access-control-');

// ---------------------------------------------------------------------------------------------
// Fixture (see ../shared/wp-oracle/README.md) and authentication variants
// ---------------------------------------------------------------------------------------------
const FIXTURE = {
  admin: { id: 1, login: 'admin', email: 'admin@localhost.com', loginPassword: 'password',
    appPassword: 'AAAA BBBB CCCC DDDD EEEE FFFF', uuid: '11111111-1111-4111-8111-111111111111' },
  alice: { id: 2, login: 'alice', email: 'alice@example.com', loginPassword: 'alice-pass',
    appPassword: 'GGGG HHHH IIII JJJJ KKKK LLLL', uuid: '22222222-2222-4222-8222-222222222222' },
  createdDate: '2023-11-14T22:13:20', // created = 1700000000
};
const FIXTURE_UUIDS = new Set([FIXTURE.admin.uuid, FIXTURE.alice.uuid]);

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const basic = (user, pass) => `Basic ${b64(`${user}:${pass}`)}`;

// label -> Authorization header value (null = no header). Values may hold {{placeholders}}.
const AUTH = {
  anonymous: null,
  'admin-app-password-raw': basic('admin', 'AAAABBBBCCCCDDDDEEEEFFFF'),
  'admin-app-password-chunked': basic('admin', FIXTURE.admin.appPassword),
  'admin-email-app-password': basic(FIXTURE.admin.email, FIXTURE.admin.appPassword),
  'alice-app-password': basic('alice', FIXTURE.alice.appPassword),
  'admin-wrong-password': basic('admin', 'AAAA BBBB CCCC DDDD EEEE FFFX'),
  'unknown-user': basic('nobody', FIXTURE.admin.appPassword),
  'unknown-email': basic('nobody@example.com', FIXTURE.admin.appPassword),
  'admin-login-password': basic('admin', 'password'),
  'admin-with-alice-app-password': basic('admin', FIXTURE.alice.appPassword),
  'malformed-bad-base64': 'Basic !!!not-base64!!!',
  'malformed-no-colon': `Basic ${b64('adminAAAABBBBCCCCDDDDEEEEFFFF')}`,
  'malformed-basic-empty': 'Basic',
  'malformed-bearer': 'Bearer xyz',
  // the password created by case ap-create-admin-me (captured as "created")
  'admin-created-app-password': 'Basic {{b64:admin:created.password}}',
};
const AUTH_ADMIN = 'admin-app-password-chunked';
const AUTH_ALICE = 'alice-app-password';

const ORIGIN = 'https://client.example';
const AP = (user) => `/wp-json/wp/v2/users/${user}/application-passwords`;
const UNKNOWN_UUID = '99999999-9999-4999-8999-999999999999';

// ---------------------------------------------------------------------------------------------
// Cases. Fields: name, method, path, auth (label in AUTH), headers, body (object → JSON, string →
// sent as is), contentType, capture (store the parsed response body under this var name),
// note (what this case shows), compare ("exact" default, or "subset-routes" for discovery
// documents, whose route list the emulator only partly has).
// ---------------------------------------------------------------------------------------------
const JSON_CT = 'application/json';
const CORE_CASES = [
  // ---- discovery ----------------------------------------------------------------------------
  { name: 'discovery-index', method: 'GET', path: '/wp-json/', compare: 'subset-routes',
    note: "site index: 121 core routes + the 3 conformance/v1 routes" },
  { name: 'discovery-index-rest-route', method: 'GET', path: '/?rest_route=/', compare: 'subset-routes' },
  { name: 'discovery-namespace-wp-v2', method: 'GET', path: '/wp-json/wp/v2', compare: 'subset-routes' },
  { name: 'discovery-namespace-wp-v2-trailing-slash', method: 'GET', path: '/wp-json/wp/v2/', compare: 'subset-routes' },
  { name: 'discovery-namespace-conformance', method: 'GET', path: '/wp-json/conformance/v1',
    note: 'route entries with args (echo), without args (admin-ping: "args":[]), and the namespace route itself' },
  { name: 'discovery-namespace-conformance-admin', method: 'GET', path: '/wp-json/conformance/v1', auth: AUTH_ADMIN },
  { name: 'discovery-namespace-conformance-rest-route', method: 'GET', path: '/?rest_route=/conformance/v1' },
  { name: 'rest-route-echo', method: 'GET', path: '/?rest_route=/conformance/v1/echo&n=3' },
  { name: 'rest-route-users-me-admin', method: 'GET', path: '/?rest_route=/wp/v2/users/me', auth: AUTH_ADMIN },

  // ---- errors: routing ----------------------------------------------------------------------
  { name: 'error-unknown-route', method: 'GET', path: '/wp-json/nope/v1/nothing' },
  { name: 'error-unknown-route-in-wp-v2', method: 'GET', path: '/wp-json/wp/v2/nothing-here' },
  { name: 'error-unknown-namespace-index', method: 'GET', path: '/wp-json/nope/v1' },
  { name: 'error-unknown-route-admin', method: 'GET', path: '/wp-json/nope/v1/nothing', auth: AUTH_ADMIN },
  { name: 'error-wrong-method-get-on-post-route', method: 'GET', path: '/wp-json/conformance/v1/admin-ping',
    note: 'no 405: a known path with the wrong method is rest_no_route' },
  { name: 'error-wrong-method-delete-on-get-route', method: 'DELETE', path: '/wp-json/conformance/v1/echo?n=1' },
  { name: 'error-wrong-method-put-on-users-me-collection', method: 'PUT', path: AP('me'), auth: AUTH_ADMIN },
  // ---- errors: JSON ---------------------------------------------------------------------------
  { name: 'error-invalid-json-anonymous-admin-route', method: 'POST', path: '/wp-json/conformance/v1/admin-ping',
    contentType: JSON_CT, body: '{"a":', note: 'JSON is parsed before the permission check' },
  { name: 'error-invalid-json-admin-create', method: 'POST', path: AP('me'), auth: AUTH_ADMIN,
    contentType: JSON_CT, body: '{"name": "x",}' },
  { name: 'error-invalid-json-unknown-route', method: 'POST', path: '/wp-json/nope/v1/nothing',
    contentType: JSON_CT, body: '{bad', note: 'route match comes before JSON parsing' },
  { name: 'error-invalid-json-text-plain-ignored', method: 'POST', path: '/wp-json/conformance/v1/admin-ping',
    auth: AUTH_ADMIN, contentType: 'text/plain', body: '{bad', note: 'a non-JSON content type is not parsed' },
  // ---- errors: arguments (conformance/v1/echo) -----------------------------------------------
  { name: 'echo-ok-defaults', method: 'GET', path: '/wp-json/conformance/v1/echo?n=5' },
  { name: 'echo-ok-coerced', method: 'GET', path: '/wp-json/conformance/v1/echo?n=7&mode=b&flag=true' },
  { name: 'echo-ok-flag-1', method: 'GET', path: '/wp-json/conformance/v1/echo?n=+8&flag=1' },
  { name: 'echo-missing-n', method: 'GET', path: '/wp-json/conformance/v1/echo' },
  { name: 'echo-missing-n-and-bad-mode', method: 'GET', path: '/wp-json/conformance/v1/echo?mode=c',
    note: 'missing params are reported before invalid ones' },
  { name: 'echo-n-not-integer', method: 'GET', path: '/wp-json/conformance/v1/echo?n=abc' },
  { name: 'echo-n-float', method: 'GET', path: '/wp-json/conformance/v1/echo?n=1.5' },
  { name: 'echo-n-below-minimum', method: 'GET', path: '/wp-json/conformance/v1/echo?n=0' },
  { name: 'echo-mode-not-in-enum', method: 'GET', path: '/wp-json/conformance/v1/echo?n=1&mode=c' },
  { name: 'echo-flag-not-boolean', method: 'GET', path: '/wp-json/conformance/v1/echo?n=1&flag=maybe' },
  { name: 'echo-all-invalid', method: 'GET', path: '/wp-json/conformance/v1/echo?n=0&mode=c&flag=x' },
  { name: 'echo-json-body-on-get', method: 'GET', path: '/wp-json/conformance/v1/echo?n=1',
    contentType: JSON_CT, body: { n: 4, mode: 'b' }, note: 'JSON body params win over query params' },
  // ---- permissions (conformance/v1/admin-ping) ----------------------------------------------
  { name: 'admin-ping-anonymous', method: 'POST', path: '/wp-json/conformance/v1/admin-ping' },
  { name: 'admin-ping-admin', method: 'POST', path: '/wp-json/conformance/v1/admin-ping', auth: AUTH_ADMIN },
  { name: 'admin-ping-alice', method: 'POST', path: '/wp-json/conformance/v1/admin-ping', auth: AUTH_ALICE },
  { name: 'admin-ping-wrong-password', method: 'POST', path: '/wp-json/conformance/v1/admin-ping', auth: 'admin-wrong-password' },

  // ---- OPTIONS --------------------------------------------------------------------------------
  { name: 'options-admin-ping-anonymous', method: 'OPTIONS', path: '/wp-json/conformance/v1/admin-ping' },
  { name: 'options-admin-ping-admin', method: 'OPTIONS', path: '/wp-json/conformance/v1/admin-ping', auth: AUTH_ADMIN },
  { name: 'options-echo-anonymous', method: 'OPTIONS', path: '/wp-json/conformance/v1/echo',
    note: 'no required-arg check on OPTIONS' },
  { name: 'options-users-me-anonymous', method: 'OPTIONS', path: '/wp-json/wp/v2/users/me' },
  { name: 'options-users-me-admin', method: 'OPTIONS', path: '/wp-json/wp/v2/users/me', auth: AUTH_ADMIN },
  { name: 'options-app-passwords-admin', method: 'OPTIONS', path: AP('me'), auth: AUTH_ADMIN },
  { name: 'options-app-passwords-anonymous', method: 'OPTIONS', path: AP(1) },
  { name: 'options-app-password-item-alice-on-admin', method: 'OPTIONS', path: `${AP(1)}/${FIXTURE.admin.uuid}`, auth: AUTH_ALICE },
  { name: 'options-unknown-route', method: 'OPTIONS', path: '/wp-json/nope/v1/nothing' },

  // ---- HEAD -----------------------------------------------------------------------------------
  { name: 'head-users-me-admin', method: 'HEAD', path: '/wp-json/wp/v2/users/me', auth: AUTH_ADMIN },
  { name: 'head-users-me-anonymous', method: 'HEAD', path: '/wp-json/wp/v2/users/me' },
  { name: 'head-echo', method: 'HEAD', path: '/wp-json/conformance/v1/echo?n=1' },
  { name: 'head-echo-missing-n', method: 'HEAD', path: '/wp-json/conformance/v1/echo' },
  { name: 'head-app-passwords-admin', method: 'HEAD', path: AP('me'), auth: AUTH_ADMIN },

  // ---- _envelope ------------------------------------------------------------------------------
  { name: 'envelope-echo', method: 'GET', path: '/wp-json/conformance/v1/echo?n=2&_envelope' },
  { name: 'envelope-users-me-anonymous', method: 'GET', path: '/wp-json/wp/v2/users/me?_envelope' },
  { name: 'envelope-users-me-admin', method: 'GET', path: '/wp-json/wp/v2/users/me?_envelope=1', auth: AUTH_ADMIN },
  { name: 'envelope-admin-ping-alice', method: 'POST', path: '/wp-json/conformance/v1/admin-ping?_envelope', auth: AUTH_ALICE },
  { name: 'envelope-unknown-route', method: 'GET', path: '/wp-json/nope/v1/nothing?_envelope' },

  // ---- _fields --------------------------------------------------------------------------------
  { name: 'fields-users-me-admin', method: 'GET', path: '/wp-json/wp/v2/users/me?_fields=id,name', auth: AUTH_ADMIN },
  { name: 'fields-users-me-admin-nested', method: 'GET', path: '/wp-json/wp/v2/users/me?_fields=id,avatar_urls.48,_links', auth: AUTH_ADMIN },
  { name: 'fields-on-error', method: 'GET', path: '/wp-json/conformance/v1/echo?_fields=code' },
  { name: 'fields-on-anonymous-users-me', method: 'GET', path: '/wp-json/wp/v2/users/me?_fields=id' },
  { name: 'fields-app-passwords-list', method: 'GET', path: `${AP('me')}?_fields=uuid,name`, auth: AUTH_ADMIN },
  { name: 'fields-array-syntax', method: 'GET', path: '/wp-json/conformance/v1/echo?n=3&_fields[]=n&_fields[]=flag' },
  { name: 'fields-with-envelope', method: 'GET', path: '/wp-json/conformance/v1/echo?n=3&_fields=n&_envelope' },

  // ---- method override ------------------------------------------------------------------------
  { name: 'method-override-query-admin', method: 'GET', path: '/wp-json/conformance/v1/admin-ping?_method=POST', auth: AUTH_ADMIN },
  { name: 'method-override-query-anonymous', method: 'GET', path: '/wp-json/conformance/v1/admin-ping?_method=POST' },
  { name: 'method-override-header-admin', method: 'GET', path: '/wp-json/conformance/v1/admin-ping', auth: AUTH_ADMIN,
    headers: { 'X-HTTP-Method-Override': 'POST' } },
  { name: 'method-override-header-on-post', method: 'POST', path: '/wp-json/conformance/v1/echo?n=1',
    headers: { 'X-HTTP-Method-Override': 'GET' } },
  { name: 'method-override-query-to-delete-on-get-route', method: 'GET', path: '/wp-json/conformance/v1/echo?n=1&_method=DELETE' },
  { name: 'method-override-lowercase', method: 'GET', path: '/wp-json/conformance/v1/admin-ping?_method=post', auth: AUTH_ADMIN },

  // ---- CORS -----------------------------------------------------------------------------------
  { name: 'cors-get-echo-anonymous', method: 'GET', path: '/wp-json/conformance/v1/echo?n=1', headers: { Origin: ORIGIN } },
  { name: 'cors-get-users-me-anonymous', method: 'GET', path: '/wp-json/wp/v2/users/me', headers: { Origin: ORIGIN } },
  { name: 'cors-get-users-me-admin', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: AUTH_ADMIN, headers: { Origin: ORIGIN } },
  { name: 'cors-options-users-me-anonymous', method: 'OPTIONS', path: '/wp-json/wp/v2/users/me',
    headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } },
  { name: 'cors-options-users-me-admin', method: 'OPTIONS', path: '/wp-json/wp/v2/users/me', auth: AUTH_ADMIN,
    headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' } },
  { name: 'cors-options-admin-ping-anonymous', method: 'OPTIONS', path: '/wp-json/conformance/v1/admin-ping',
    headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' } },
  { name: 'cors-post-admin-ping-alice', method: 'POST', path: '/wp-json/conformance/v1/admin-ping', auth: AUTH_ALICE, headers: { Origin: ORIGIN } },
  { name: 'cors-origin-null', method: 'GET', path: '/wp-json/conformance/v1/echo?n=1', headers: { Origin: 'null' } },
  { name: 'cors-unknown-route', method: 'GET', path: '/wp-json/nope/v1/nothing', headers: { Origin: ORIGIN } },

  // ---- users/me with every auth variant -------------------------------------------------------
  { name: 'users-me-anonymous', method: 'GET', path: '/wp-json/wp/v2/users/me' },
  { name: 'users-me-admin-raw', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'admin-app-password-raw' },
  { name: 'users-me-admin-chunked', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'admin-app-password-chunked' },
  { name: 'users-me-admin-edit', method: 'GET', path: '/wp-json/wp/v2/users/me?context=edit', auth: AUTH_ADMIN },
  { name: 'users-me-admin-embed', method: 'GET', path: '/wp-json/wp/v2/users/me?context=embed', auth: AUTH_ADMIN },
  { name: 'users-me-admin-bad-context', method: 'GET', path: '/wp-json/wp/v2/users/me?context=nope', auth: AUTH_ADMIN },
  { name: 'users-me-anonymous-edit', method: 'GET', path: '/wp-json/wp/v2/users/me?context=edit' },
  { name: 'users-me-admin-email', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'admin-email-app-password' },
  { name: 'users-me-alice', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: AUTH_ALICE },
  { name: 'users-me-alice-edit', method: 'GET', path: '/wp-json/wp/v2/users/me?context=edit', auth: AUTH_ALICE },
  { name: 'users-me-wrong-password', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'admin-wrong-password' },
  { name: 'users-me-unknown-user', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'unknown-user' },
  { name: 'users-me-unknown-email', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'unknown-email' },
  { name: 'users-me-login-password', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'admin-login-password' },
  { name: 'users-me-other-users-app-password', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'admin-with-alice-app-password' },
  { name: 'users-me-malformed-bad-base64', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'malformed-bad-base64' },
  { name: 'users-me-malformed-no-colon', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'malformed-no-colon' },
  { name: 'users-me-malformed-basic-empty', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'malformed-basic-empty' },
  { name: 'users-me-malformed-bearer', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'malformed-bearer' },
  { name: 'public-route-wrong-password', method: 'GET', path: '/wp-json/conformance/v1/echo?n=1', auth: 'admin-wrong-password',
    note: 'bad credentials on a public route: answered as anonymous' },

  // ---- application passwords: list ------------------------------------------------------------
  { name: 'ap-list-admin-me', method: 'GET', path: AP('me'), auth: AUTH_ADMIN },
  { name: 'ap-list-admin-by-id', method: 'GET', path: AP(1), auth: 'admin-app-password-raw' },
  { name: 'ap-list-admin-email-auth', method: 'GET', path: AP('me'), auth: 'admin-email-app-password' },
  { name: 'ap-list-admin-on-alice', method: 'GET', path: AP(2), auth: AUTH_ADMIN },
  { name: 'ap-list-admin-edit-context', method: 'GET', path: `${AP('me')}?context=edit`, auth: AUTH_ADMIN },
  { name: 'ap-list-alice-self', method: 'GET', path: AP('me'), auth: AUTH_ALICE },
  { name: 'ap-list-alice-self-by-id', method: 'GET', path: AP(2), auth: AUTH_ALICE },
  { name: 'ap-list-alice-on-admin', method: 'GET', path: AP(1), auth: AUTH_ALICE },
  { name: 'ap-list-anonymous-me', method: 'GET', path: AP('me') },
  { name: 'ap-list-anonymous-by-id', method: 'GET', path: AP(1) },
  { name: 'ap-list-wrong-password', method: 'GET', path: AP(1), auth: 'admin-wrong-password' },
  { name: 'ap-list-unknown-user', method: 'GET', path: AP(1), auth: 'unknown-user' },
  { name: 'ap-list-login-password', method: 'GET', path: AP('me'), auth: 'admin-login-password' },
  { name: 'ap-list-malformed-bad-base64', method: 'GET', path: AP(1), auth: 'malformed-bad-base64' },
  { name: 'ap-list-malformed-no-colon', method: 'GET', path: AP(1), auth: 'malformed-no-colon' },
  { name: 'ap-list-malformed-basic-empty', method: 'GET', path: AP(1), auth: 'malformed-basic-empty' },
  { name: 'ap-list-malformed-bearer', method: 'GET', path: AP('me'), auth: 'malformed-bearer' },
  { name: 'ap-list-user-0', method: 'GET', path: AP(0), auth: AUTH_ADMIN },
  { name: 'ap-list-user-999', method: 'GET', path: AP(999), auth: AUTH_ADMIN },
  { name: 'ap-list-user-0-anonymous', method: 'GET', path: AP(0) },
  { name: 'ap-list-user-999-alice', method: 'GET', path: AP(999), auth: AUTH_ALICE },
  { name: 'ap-list-user-login-in-path', method: 'GET', path: AP('admin'), auth: AUTH_ADMIN,
    note: 'the user_id pattern only takes digits or "me"' },

  // ---- introspect ---------------------------------------------------------------------------
  { name: 'ap-introspect-admin-raw', method: 'GET', path: `${AP('me')}/introspect`, auth: 'admin-app-password-raw' },
  { name: 'ap-introspect-admin-chunked-by-id', method: 'GET', path: `${AP(1)}/introspect`, auth: 'admin-app-password-chunked' },
  { name: 'ap-introspect-alice-self', method: 'GET', path: `${AP('me')}/introspect`, auth: AUTH_ALICE },
  { name: 'ap-introspect-alice-on-admin', method: 'GET', path: `${AP(1)}/introspect`, auth: AUTH_ALICE },
  { name: 'ap-introspect-admin-on-alice', method: 'GET', path: `${AP(2)}/introspect`, auth: AUTH_ADMIN },
  { name: 'ap-introspect-anonymous-me', method: 'GET', path: `${AP('me')}/introspect` },
  { name: 'ap-introspect-anonymous-by-id', method: 'GET', path: `${AP(1)}/introspect` },
  { name: 'ap-introspect-wrong-password', method: 'GET', path: `${AP(1)}/introspect`, auth: 'admin-wrong-password' },
  { name: 'ap-introspect-login-password', method: 'GET', path: `${AP('me')}/introspect`, auth: 'admin-login-password' },
  { name: 'ap-introspect-user-999', method: 'GET', path: `${AP(999)}/introspect`, auth: AUTH_ADMIN },

  // ---- create ---------------------------------------------------------------------------------
  { name: 'ap-create-admin-me', method: 'POST', path: AP('me'), auth: AUTH_ADMIN, contentType: JSON_CT,
    body: { name: 'conformance-created' }, capture: 'created' },
  { name: 'users-me-created-password', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'admin-created-app-password',
    note: 'a password created over REST authenticates on the next request' },
  { name: 'ap-introspect-created-password', method: 'GET', path: `${AP('me')}/introspect`, auth: 'admin-created-app-password' },
  { name: 'ap-create-admin-for-alice', method: 'POST', path: AP(2), auth: AUTH_ADMIN, contentType: JSON_CT,
    body: { name: 'made-by-admin' }, capture: 'forAlice' },
  { name: 'ap-create-alice-self', method: 'POST', path: AP('me'), auth: AUTH_ALICE, contentType: JSON_CT,
    body: { name: 'alice-second' }, capture: 'aliceOwn' },
  { name: 'ap-create-form-encoded', method: 'POST', path: AP(1), auth: AUTH_ADMIN,
    contentType: 'application/x-www-form-urlencoded', body: 'name=form-encoded', capture: 'formEncoded' },
  { name: 'ap-create-query-param', method: 'POST', path: `${AP(1)}?name=from-query`, auth: AUTH_ADMIN, capture: 'fromQuery' },
  { name: 'ap-create-with-app-id', method: 'POST', path: AP('me'), auth: AUTH_ADMIN, contentType: JSON_CT,
    body: { name: 'with-app-id', app_id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }, capture: 'withAppId' },
  { name: 'ap-create-invalid-app-id', method: 'POST', path: AP('me'), auth: AUTH_ADMIN, contentType: JSON_CT,
    body: { name: 'bad-app-id', app_id: 'not-a-uuid' } },
  { name: 'ap-create-duplicate-name', method: 'POST', path: AP('me'), auth: AUTH_ADMIN, contentType: JSON_CT,
    body: { name: 'conformance-created' } },
  { name: 'ap-create-missing-name', method: 'POST', path: AP('me'), auth: AUTH_ADMIN, contentType: JSON_CT, body: {} },
  { name: 'ap-create-empty-name', method: 'POST', path: AP('me'), auth: AUTH_ADMIN, contentType: JSON_CT, body: { name: '' } },
  { name: 'ap-create-blank-name', method: 'POST', path: AP('me'), auth: AUTH_ADMIN, contentType: JSON_CT, body: { name: '   ' } },
  { name: 'ap-create-alice-for-admin', method: 'POST', path: AP(1), auth: AUTH_ALICE, contentType: JSON_CT,
    body: { name: 'alice-was-here' } },
  { name: 'ap-create-anonymous-me', method: 'POST', path: AP('me'), contentType: JSON_CT, body: { name: 'anon' } },
  { name: 'ap-create-anonymous-by-id', method: 'POST', path: AP(1), contentType: JSON_CT, body: { name: 'anon' } },
  { name: 'ap-create-anonymous-missing-name', method: 'POST', path: AP(1), contentType: JSON_CT, body: {},
    note: 'argument validation (400) comes before the permission check (401)' },
  { name: 'ap-create-wrong-password', method: 'POST', path: AP(1), auth: 'admin-wrong-password', contentType: JSON_CT,
    body: { name: 'wrong' } },
  { name: 'ap-create-user-0', method: 'POST', path: AP(0), auth: AUTH_ADMIN, contentType: JSON_CT, body: { name: 'zero' } },
  { name: 'ap-create-user-999', method: 'POST', path: AP(999), auth: AUTH_ADMIN, contentType: JSON_CT, body: { name: 'nobody' } },
  { name: 'ap-create-method-override', method: 'GET', path: `${AP('me')}?_method=POST&name=via-override`, auth: AUTH_ADMIN,
    capture: 'viaOverride' },

  // ---- get one ------------------------------------------------------------------------------
  { name: 'ap-get-admin-created', method: 'GET', path: `${AP('me')}/{{created.uuid}}`, auth: AUTH_ADMIN },
  { name: 'ap-get-admin-fixture', method: 'GET', path: `${AP(1)}/${FIXTURE.admin.uuid}`, auth: AUTH_ADMIN },
  { name: 'ap-get-admin-fixture-edit', method: 'GET', path: `${AP(1)}/${FIXTURE.admin.uuid}?context=edit`, auth: AUTH_ADMIN },
  { name: 'ap-get-admin-on-alice-item', method: 'GET', path: `${AP(2)}/${FIXTURE.alice.uuid}`, auth: AUTH_ADMIN },
  { name: 'ap-get-alice-self', method: 'GET', path: `${AP('me')}/${FIXTURE.alice.uuid}`, auth: AUTH_ALICE },
  { name: 'ap-get-alice-on-admin-item', method: 'GET', path: `${AP(1)}/${FIXTURE.admin.uuid}`, auth: AUTH_ALICE },
  { name: 'ap-get-anonymous', method: 'GET', path: `${AP(1)}/${FIXTURE.admin.uuid}` },
  { name: 'ap-get-anonymous-me', method: 'GET', path: `${AP('me')}/${FIXTURE.admin.uuid}` },
  { name: 'ap-get-unknown-uuid', method: 'GET', path: `${AP('me')}/${UNKNOWN_UUID}`, auth: AUTH_ADMIN },
  { name: 'ap-get-non-uuid-string', method: 'GET', path: `${AP('me')}/not-a-uuid`, auth: AUTH_ADMIN },
  { name: 'ap-get-other-users-uuid', method: 'GET', path: `${AP(1)}/${FIXTURE.alice.uuid}`, auth: AUTH_ADMIN,
    note: "alice's uuid under admin's collection" },
  { name: 'ap-get-user-999', method: 'GET', path: `${AP(999)}/${FIXTURE.admin.uuid}`, auth: AUTH_ADMIN },
  { name: 'ap-get-user-0', method: 'GET', path: `${AP(0)}/${FIXTURE.admin.uuid}`, auth: AUTH_ADMIN },
  { name: 'ap-get-login-password', method: 'GET', path: `${AP(1)}/${FIXTURE.admin.uuid}`, auth: 'admin-login-password' },

  // ---- rename (POST / PUT / PATCH) ------------------------------------------------------------
  { name: 'ap-rename-post', method: 'POST', path: `${AP('me')}/{{created.uuid}}`, auth: AUTH_ADMIN, contentType: JSON_CT,
    body: { name: 'renamed-by-post' } },
  { name: 'ap-rename-put', method: 'PUT', path: `${AP('me')}/{{created.uuid}}`, auth: AUTH_ADMIN, contentType: JSON_CT,
    body: { name: 'renamed-by-put' } },
  { name: 'ap-rename-patch', method: 'PATCH', path: `${AP(1)}/{{created.uuid}}`, auth: AUTH_ADMIN, contentType: JSON_CT,
    body: { name: 'renamed-by-patch' } },
  { name: 'ap-rename-method-override-header', method: 'POST', path: `${AP(1)}/{{created.uuid}}`, auth: AUTH_ADMIN,
    headers: { 'X-HTTP-Method-Override': 'PATCH' }, contentType: JSON_CT, body: { name: 'renamed-by-override' } },
  { name: 'ap-rename-without-name', method: 'PATCH', path: `${AP('me')}/{{created.uuid}}`, auth: AUTH_ADMIN,
    contentType: JSON_CT, body: {} },
  { name: 'ap-rename-empty-name', method: 'PATCH', path: `${AP('me')}/{{created.uuid}}`, auth: AUTH_ADMIN,
    contentType: JSON_CT, body: { name: '' } },
  { name: 'ap-rename-to-duplicate-name', method: 'PATCH', path: `${AP('me')}/{{created.uuid}}`, auth: AUTH_ADMIN,
    contentType: JSON_CT, body: { name: 'oracle-admin' } },
  { name: 'ap-rename-admin-on-alice-item', method: 'PUT', path: `${AP(2)}/{{forAlice.uuid}}`, auth: AUTH_ADMIN,
    contentType: JSON_CT, body: { name: 'made-by-admin-renamed' } },
  { name: 'ap-rename-alice-self', method: 'PATCH', path: `${AP('me')}/{{aliceOwn.uuid}}`, auth: AUTH_ALICE,
    contentType: JSON_CT, body: { name: 'alice-renamed' } },
  { name: 'ap-rename-alice-on-admin-item', method: 'POST', path: `${AP(1)}/{{created.uuid}}`, auth: AUTH_ALICE,
    contentType: JSON_CT, body: { name: 'hijack' } },
  { name: 'ap-rename-anonymous', method: 'PUT', path: `${AP(1)}/{{created.uuid}}`, contentType: JSON_CT, body: { name: 'anon' } },
  { name: 'ap-rename-unknown-uuid', method: 'PATCH', path: `${AP('me')}/${UNKNOWN_UUID}`, auth: AUTH_ADMIN,
    contentType: JSON_CT, body: { name: 'ghost' } },
  { name: 'ap-rename-user-999', method: 'PATCH', path: `${AP(999)}/{{created.uuid}}`, auth: AUTH_ADMIN,
    contentType: JSON_CT, body: { name: 'ghost' } },
  { name: 'ap-list-admin-after-changes', method: 'GET', path: AP('me'), auth: AUTH_ADMIN,
    note: 'all of admin\'s passwords after the creates and renames; the fixture one now has last_used/last_ip' },
  { name: 'ap-list-alice-after-changes', method: 'GET', path: AP(2), auth: AUTH_ADMIN },

  // ---- destructive: delete one ----------------------------------------------------------------
  { name: 'ap-delete-alice-on-admin-item', method: 'DELETE', path: `${AP(1)}/{{created.uuid}}`, auth: AUTH_ALICE },
  { name: 'ap-delete-anonymous', method: 'DELETE', path: `${AP(1)}/{{created.uuid}}` },
  { name: 'ap-delete-wrong-password', method: 'DELETE', path: `${AP(1)}/{{created.uuid}}`, auth: 'admin-wrong-password' },
  { name: 'ap-delete-unknown-uuid', method: 'DELETE', path: `${AP('me')}/${UNKNOWN_UUID}`, auth: AUTH_ADMIN },
  { name: 'ap-delete-user-999', method: 'DELETE', path: `${AP(999)}/{{created.uuid}}`, auth: AUTH_ADMIN },
  { name: 'ap-delete-admin-created', method: 'DELETE', path: `${AP('me')}/{{created.uuid}}`, auth: AUTH_ADMIN },
  { name: 'users-me-deleted-password', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: 'admin-created-app-password',
    note: 'a deleted password stops authenticating on the next request' },
  { name: 'ap-delete-admin-created-again', method: 'DELETE', path: `${AP('me')}/{{created.uuid}}`, auth: AUTH_ADMIN },
  { name: 'ap-delete-method-override', method: 'POST', path: `${AP(1)}/{{fromQuery.uuid}}?_method=DELETE`, auth: AUTH_ADMIN },
  { name: 'ap-delete-alice-self', method: 'DELETE', path: `${AP('me')}/{{aliceOwn.uuid}}`, auth: AUTH_ALICE },

  // ---- destructive: delete all (last) -------------------------------------------------------
  { name: 'ap-delete-all-alice-on-admin', method: 'DELETE', path: AP(1), auth: AUTH_ALICE },
  { name: 'ap-delete-all-anonymous-me', method: 'DELETE', path: AP('me') },
  { name: 'ap-delete-all-anonymous-by-id', method: 'DELETE', path: AP(1) },
  { name: 'ap-delete-all-wrong-password', method: 'DELETE', path: AP(1), auth: 'admin-wrong-password' },
  { name: 'ap-delete-all-user-0', method: 'DELETE', path: AP(0), auth: AUTH_ADMIN },
  { name: 'ap-delete-all-user-999', method: 'DELETE', path: AP(999), auth: AUTH_ADMIN },
  { name: 'ap-delete-all-admin-on-alice', method: 'DELETE', path: AP(2), auth: AUTH_ADMIN },
  { name: 'users-me-alice-after-delete-all', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: AUTH_ALICE },
  { name: 'ap-list-admin-on-alice-after-delete-all', method: 'GET', path: AP(2), auth: AUTH_ADMIN },
  { name: 'ap-delete-all-admin-me', method: 'DELETE', path: AP('me'), auth: AUTH_ADMIN,
    note: 'deletes the password authenticating this very request too' },
  { name: 'users-me-admin-after-delete-all', method: 'GET', path: '/wp-json/wp/v2/users/me', auth: AUTH_ADMIN },
  { name: 'ap-list-admin-after-delete-all', method: 'GET', path: AP('me'), auth: AUTH_ADMIN },
];

const CASES = SUITE ? SUITE.CASES : CORE_CASES;

// ---------------------------------------------------------------------------------------------
// Placeholders: {{var.field}} and, in Authorization values, {{b64:user:var.field}}
// ---------------------------------------------------------------------------------------------
function lookup(vars, ref) {
  const [v, ...rest] = ref.split('.');
  let cur = vars[v];
  for (const k of rest) cur = cur == null ? undefined : cur[k];
  if (cur === undefined) throw new Error(`placeholder {{${ref}}} has no value (did the capturing case fail?)`);
  return String(cur);
}
function fill(str, vars) {
  if (typeof str !== 'string') return str;
  return str.replace(/\{\{(b64:([^:}]+):)?([^}]+)\}\}/g, (_, b, user, ref) =>
    (b ? b64(`${user}:${lookup(vars, ref)}`) : lookup(vars, ref)));
}
const hasPlaceholder = (v) => typeof v === 'string' && v.includes('{{');

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------
function send({ method, path: p, headers, body }) {
  const url = new URL(BASE + p);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port || 80, method, path: url.pathname + url.search,
      headers: { ...headers, ...(body != null ? { 'Content-Length': Buffer.byteLength(body) } : {}) },
      agent: false,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30000, () => req.destroy(new Error(`timeout: ${method} ${p}`)));
    if (body != null) req.write(body);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Volatile values: JSON paths (relative to the case's response: "body.x[0].y", "headers.location")
// ---------------------------------------------------------------------------------------------
const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DATE_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)?$/;
const FIXED_UUIDS = new Set([...FIXTURE_UUIDS, UNKNOWN_UUID, '6ba7b810-9dad-11d1-80b4-00c04fd430c8']);

function volatileIn(value, at, out, key) {
  if (Array.isArray(value)) { value.forEach((v, i) => volatileIn(v, `${at}[${i}]`, out)); return; }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const seg = /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
      volatileIn(v, at + seg, out, k);
    }
    return;
  }
  if (typeof value !== 'string') return;
  const kinds = [];
  if (key === 'password') kinds.push('password');
  if (key === 'last_ip') kinds.push('ip');
  if (key === 'access_token' && /^[0-9a-f]{10}:[0-9a-f]{32}$/.test(value)) kinds.push('token');
  if (DATE_RE.test(value) && value !== FIXTURE.createdDate) kinds.push('date');
  const m = value.match(new RegExp(UUID_RE, 'gi')) || [];
  if (m.some((u) => !FIXED_UUIDS.has(u.toLowerCase()))) kinds.push('uuid');
  if (value.includes(BASE)) kinds.push('host');
  for (const kind of kinds) out.push({ path: at, kind });
}
function volatilePaths(response, request) {
  const out = [];
  volatileIn(response.headers, 'response.headers', out);
  volatileIn(response.body, 'response.body', out);
  const req = [];
  volatileIn({ path: request.path, headers: request.headers, body: request.body }, 'request', req);
  // request values that came from a captured (volatile) value
  for (const [k, v] of Object.entries(request.template || {})) {
    if (k === 'headers') {
      for (const [h, hv] of Object.entries(v)) {
        if (hasPlaceholder(hv)) req.push({ path: `request.headers[${JSON.stringify(h)}]`, kind: /password/.test(hv) ? 'password' : 'uuid' });
      }
    } else if (hasPlaceholder(v)) req.push({ path: `request.${k}`, kind: 'uuid' });
  }
  const seen = new Set();
  return [...out, ...req.filter((x) => x.kind !== 'host')].filter((x) => {
    const id = `${x.path}|${x.kind}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Output: indented JSON, but small values on one line and big response bodies (the discovery
// documents) as one compact line, so the file stays readable and reasonably small.
// ---------------------------------------------------------------------------------------------
function format(value, indent, key) {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (value === null || typeof value !== 'object' || flat.length <= 100) return flat;
  if (key === 'body' && flat.length > 4000) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, k)}`).join(',\n')}\n${indent}}`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
function oracleReset() {
  const port = new URL(BASE).port || '80';
  const mu = MU_PLUGINS.flatMap((p) => ['--mu-plugin', p]);
  process.stderr.write(`record: ${WP_ORACLE} reset --port ${port} ${mu.join(' ')}\n`);
  execFileSync(WP_ORACLE, ['reset', '--port', port, ...mu], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function checkFresh() {
  // Uses admin's password (which records its last_used): only done without --reset.
  const admin = { Authorization: basic('admin', FIXTURE.admin.appPassword) };
  const r = await send({ method: 'GET', path: AP('me'), headers: admin });
  const r2 = await send({ method: 'GET', path: AP(2), headers: admin });
  let ok = false;
  try {
    const list = JSON.parse(r.text);
    const list2 = JSON.parse(r2.text);
    ok = r.status === 200 && list.length === 1 && list[0].uuid === FIXTURE.admin.uuid && list[0].name === 'oracle-admin'
      && r2.status === 200 && list2.length === 1 && list2[0].uuid === FIXTURE.alice.uuid && list2[0].name === 'oracle-alice';
  } catch { /* not JSON */ }
  const ns = await send({ method: 'GET', path: '/wp-json/conformance/v1', headers: {} });
  if (!ok || ns.status !== 200) {
    throw new Error(`${BASE} is not a fresh oracle site with conformance-mu.php `
      + `(admin passwords: ${r.status}, conformance/v1: ${ns.status}); rerun with --reset`);
  }
}

async function main() {
  if (RESET) oracleReset();
  else await checkFresh();

  const vars = {};
  const cases = [];
  const names = new Set();
  for (const c of CASES) {
    if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    names.add(c.name);
    const headers = {};
    const tHeaders = {};
    if (c.auth && !(c.auth in AUTH)) throw new Error(`${c.name}: unknown auth ${c.auth}`);
    if (c.auth && AUTH[c.auth]) tHeaders.Authorization = AUTH[c.auth];
    if (c.contentType) tHeaders['Content-Type'] = c.contentType;
    Object.assign(tHeaders, c.headers || {});
    for (const [k, v] of Object.entries(tHeaders)) headers[k] = fill(v, vars);
    const tBody = c.body == null ? null : (typeof c.body === 'string' ? c.body : JSON.stringify(c.body));
    const request = { method: c.method, path: fill(c.path, vars), headers, body: tBody, auth: c.auth || 'anonymous' };
    const template = {};
    if (hasPlaceholder(c.path)) template.path = c.path;
    if (Object.values(tHeaders).some(hasPlaceholder)) template.headers = tHeaders;
    if (Object.keys(template).length) request.template = template;

    if (ONLY && !c.name.includes(ONLY) && !c.capture) continue;
    const res = await send(request);
    const kept = {};
    for (const [n, v] of Object.entries(res.headers)) if (keepHeader(n.toLowerCase())) kept[n.toLowerCase()] = v;
    let body = null;
    let bodyText;
    if (res.text.length) {
      try { body = JSON.parse(res.text); } catch { bodyText = res.text; }
    }
    const response = { status: res.status, headers: Object.fromEntries(Object.entries(kept).sort()), body };
    if (bodyText !== undefined || c.raw) response.bodyText = res.text;
    if (c.capture) vars[c.capture] = body;

    const rec = { name: c.name };
    if (c.note) rec.note = c.note;
    if (c.compare) rec.compare = c.compare;
    if (c.capture) rec.capture = c.capture;
    rec.request = request;
    rec.response = response;
    rec.volatile = volatilePaths(response, request);
    cases.push(rec);
    const code = body && typeof body === 'object' && !Array.isArray(body) && body.code ? ` ${body.code}` : '';
    process.stderr.write(`${String(res.status).padEnd(4)}${c.name}${code}\n`);
  }

  const version = await send({ method: 'GET', path: '/wp-json/', headers: {} });
  const recording = {
    source: `WordPress 6.8 via ../shared/wp-oracle (php -S, SQLite), mu-plugins ${MU_PLUGINS.map((p) => path.relative(path.join(HERE, '../..'), p)).join(', ')}`,
    ...(SUITE?.EMULATOR ? { emulator: SUITE.EMULATOR } : {}),
    recordedWith: 'tests/conformance/record.mjs',
    base: BASE,
    site: (() => { try { const j = JSON.parse(version.text); return { name: j.name, url: j.url, namespaces: j.namespaces }; } catch { return null; } })(),
    fixture: {
      users: [
        { id: 1, login: 'admin', email: FIXTURE.admin.email, role: 'administrator', loginPassword: 'password',
          appPassword: FIXTURE.admin.appPassword, appPasswordName: 'oracle-admin', uuid: FIXTURE.admin.uuid, created: 1700000000 },
        { id: 2, login: 'alice', email: FIXTURE.alice.email, name: 'Alice Example', role: 'editor', loginPassword: 'alice-pass',
          appPassword: FIXTURE.alice.appPassword, appPasswordName: 'oracle-alice', uuid: FIXTURE.alice.uuid, created: 1700000000 },
      ],
    },
    auth: AUTH,
    normalisation: {
      host: `every occurrence of "base" (${BASE}) in header values and body strings; in an emulator replay, replace it with the emulator's base URL`,
      volatile: 'per case: JSON paths relative to the case ("response.body.uuid", "response.headers.location", "request.path"; [n] indexes arrays) with a kind: uuid (freshly generated uuid, possibly inside a longer string), date (a created/last_used time other than the fixture\'s), password (a generated plaintext), ip (last_ip), host (contains base)',
      order: 'cases must be replayed in order on a fresh fixture; capture names a var filled from the response body, used by later cases through {{var.field}} in request.template ({{b64:user:var.field}} = base64 of "user:value")',
    },
    cases,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${format(recording, '')}\n`);
  process.stderr.write(`record: ${cases.length} cases written to ${path.relative(process.cwd(), OUT)}\n`);
}

main().catch((e) => { process.stderr.write(`record: ${e.stack || e}\n`); process.exit(1); });
